#include "app/cli/commands.h"

#include <QTextStream>

namespace tg::cli {

// PLACEHOLDER: replaced by the real command.
int runPredictHigherOrder(const QStringList&)
{
    QTextStream(stderr) << "not implemented\n";
    return kExitInvalidInput;
}

} // namespace tg::cli
