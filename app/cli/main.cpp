#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

#ifdef TASKGROUPER_CLI_PLOTS
#include <QApplication>
#include <QDir>
#include <QFile>
#include <unistd.h>
#endif

namespace {

struct Command
{
    const char* summary;
    std::function<int(const QStringList&)> run;
};

const std::map<QString, Command>& commands()
{
    using namespace tg::cli;
    static const std::map<QString, Command> table = {
        {QStringLiteral("select"), {"choose networks for one or more budgets", runSelect}},
        {QStringLiteral("affinity"), {"print task affinities of a candidate table", runAffinity}},
        {QStringLiteral("baselines"), {"print baseline groupings for budgets", runBaselines}},
        {QStringLiteral("predict-higher-order"),
         {"complete a table of pair networks with predicted groups", runPredictHigherOrder}},
        {QStringLiteral("train"), {"train the candidate networks of an experiment", runTrain}},
        {QStringLiteral("demo"), {"run the built-in demonstration and write its results", runDemo}},
        {QStringLiteral("prepare"), {"build a named data set, such as multimnist", runPrepare}},
        {QStringLiteral("study"),
         {"compare the exhaustive, early-stop and higher-order strategies", runStudy}},
    };
    return table;
}

void printUsage(FILE* stream)
{
    QTextStream out(stream);
    out << "Usage: taskgrouper-cli COMMAND [options]\n\n"
        << "Chooses which tasks share a network under an inference-time budget.\n\n"
        << "Commands:\n";
    for (const auto& [name, command] : commands())
        out << "  " << name.leftJustified(22) << command.summary << '\n';
    out << "\nRun 'taskgrouper-cli COMMAND --help' for the options of one command.\n";
}

// The study command draws plots with widgets, which need a QApplication; on a
// machine without a display it renders offscreen. Every other command keeps a
// QCoreApplication, so it starts without any display libraries.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[])
{
#ifdef TASKGROUPER_CLI_PLOTS
    const bool help =
        argc > 2 && (std::strcmp(argv[2], "--help") == 0 || std::strcmp(argv[2], "-h") == 0);
    if (argc > 1 && std::strcmp(argv[1], "study") == 0 && !help) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a session, Qt warns that XDG_RUNTIME_DIR is unset and falls
        // back to /tmp/runtime-<user>; a private folder there avoids the warning.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QString runtime =
                QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(getuid());
            if (QDir().mkpath(runtime) &&
                QFile::setPermissions(runtime,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
        return std::make_unique<QApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char* argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskgrouper-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("TaskGrouper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKGROUPER_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(stderr);
        return tg::cli::kExitUsage;
    }
    // QCommandLineParser::addHelpOption() also offers --help-all, which adds
    // Qt's own options to the list. None of them applies to this tool, so
    // --help-all shows the same help as --help.
    for (QString& argument : arguments) {
        if (argument == QLatin1String("--help-all"))
            argument = QStringLiteral("--help");
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        printUsage(stdout);
        return tg::cli::kExitOk;
    }
    if (name == QLatin1String("--version")) {
        QTextStream(stdout) << "taskgrouper-cli " << TASKGROUPER_VERSION << '\n';
        return tg::cli::kExitOk;
    }
    const auto found = commands().find(name);
    if (found == commands().end()) {
        QTextStream(stderr) << "taskgrouper-cli: unknown command '" << name
                            << "'. Run 'taskgrouper-cli --help' for the list of commands.\n";
        return tg::cli::kExitUsage;
    }

    // QCommandLineParser treats the first entry as the program name, so the
    // command name is folded into it.
    arguments.removeAt(1);
    arguments[0] = QStringLiteral("taskgrouper-cli ") + name;
    return found->second.run(arguments);
}
