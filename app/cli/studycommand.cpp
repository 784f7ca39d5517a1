#include "app/cli/commands.h"

#include <QTextStream>

namespace tg::cli {

// TODO: replaced by the full command.
int runStudy(const QStringList&)
{
    QTextStream(stderr) << "taskgrouper-cli study: not available in this build\n";
    return kExitUsage;
}

} // namespace tg::cli
