#include "app/cli/commandhelp.h"

#include <QCoreApplication>

namespace tg::cli {

QString commandHelpText(const QCommandLineParser& parser, const QStringList& arguments)
{
    const QStringList programArguments = QCoreApplication::arguments();
    if (programArguments.isEmpty() || arguments.isEmpty())
        return parser.helpText();
    return parser.helpText().replace(programArguments.constFirst(), arguments.constFirst());
}

} // namespace tg::cli
