#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <functional>
#include <map>

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

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskgrouper-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("TaskGrouper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKGROUPER_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(stderr);
        return tg::cli::kExitUsage;
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
