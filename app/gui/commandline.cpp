#include "app/gui/commandline.h"

#include "app/gui/mainwindow.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace tg {

void addCommandLineOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "tg::CommandLine", "Trains candidate multi-task networks and chooses which tasks share "
                           "a network under an inference-time budget."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate("tg::CommandLine",
                                    "A candidate table (CSV or JSON) or an experiment folder to "
                                    "open."),
        QStringLiteral("[path]"));
}

QString pathFromCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    addCommandLineOptions(parser);
    // Unknown options were reported by the parser in main(); here only the
    // positional argument matters.
    parser.parse(arguments);
    const QStringList paths = parser.positionalArguments();
    return paths.isEmpty() ? QString() : paths.first();
}

bool openFromCommandLine(MainWindow& window, const QStringList& arguments)
{
    const QString path = pathFromCommandLine(arguments);
    return path.isEmpty() || window.openPath(path);
}

} // namespace tg
