#include "app/cli/commands.h"

#include <QTextStream>

namespace tg::cli {

// TODO: replaced by the full command.
int runPrepare(const QStringList&)
{
    QTextStream(stderr) << "taskgrouper-cli prepare: not available in this build\n";
    return kExitUsage;
}

} // namespace tg::cli
