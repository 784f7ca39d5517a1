#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "app/cli/trainingrun.h"
#include "core/candidatetable.h"
#include "core/datasetcatalog.h"
#include "core/experimentconfig.h"
#include "core/selection.h"
#include "core/training/tasks.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace tg::cli {

namespace {

// Budgets 1, 1.5, ... up to the task count, in SNT.
std::vector<Cost> demoBudgets(std::size_t taskCount)
{
    std::vector<Cost> budgets;
    for (Cost budget = kCostUnitsPerSnt; budget <= Cost(taskCount) * kCostUnitsPerSnt;
         budget += kCostUnitsPerSnt / 2)
        budgets.push_back(budget);
    return budgets;
}

std::string groupingText(const CandidateTable& table, const Solution& solution)
{
    std::string text;
    for (int network : solution.networks) {
        text += text.empty() ? "" : " + ";
        text += table.networks[network].name;
    }
    return text;
}

nlohmann::json solutionJson(const CandidateTable& table, const CandidateTable& test,
                            const Solution& solution)
{
    nlohmann::json item = {{"budget", costToSnt(solution.budget)}, {"feasible", solution.feasible}};
    if (!solution.feasible)
        return item;
    std::vector<std::string> networks;
    for (int network : solution.networks)
        networks.push_back(table.networks[network].name);
    nlohmann::json assignment;
    for (size_t t = 0; t < table.tasks.size(); ++t)
        assignment[table.tasks[t]] = table.networks[solution.assignment[t]].name;
    item["networks"] = networks;
    item["cost"] = costToSnt(solution.cost);
    item["assignment"] = assignment;
    item["validationLoss"] = solution.totalLoss;
    item["testLoss"] = evaluateOnTable(solution, table, test).totalLoss;
    return item;
}

// Prints the selection at every budget and writes demo-summary.json.
int summarise(const QString& folder)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const TableReadResult validation =
        readCandidateTable(QDir(folder).filePath(QStringLiteral("val.csv")).toStdString());
    const TableReadResult test =
        readCandidateTable(QDir(folder).filePath(QStringLiteral("test.csv")).toStdString());
    if (!validation || !test) {
        err << "taskgrouper-cli demo: " << QString::fromStdString(validation.error + test.error)
            << '\n';
        return kExitInvalidInput;
    }
    nlohmann::json budgets = nlohmann::json::array();
    out << "\nChosen networks per budget (selected on validation losses):\n";
    for (Cost budget : demoBudgets(validation.table->tasks.size())) {
        const Solution solution = selectNetworks(*validation.table, budget);
        budgets.push_back(solutionJson(*validation.table, *test.table, solution));
        out << QStringLiteral("  budget %1 SNT: ").arg(costToSnt(budget), 3, 'f', 1);
        if (!solution.feasible) {
            out << "no grouping fits\n";
            continue;
        }
        out << QString::fromStdString(groupingText(*validation.table, solution))
            << QStringLiteral("  (cost %1, validation loss %2, test loss %3)\n")
                   .arg(costToSnt(solution.cost))
                   .arg(solution.totalLoss, 0, 'f', 4)
                   .arg(budgets.back()["testLoss"].get<double>(), 0, 'f', 4);
    }
    const nlohmann::json summary = {{"tasks", validation.table->tasks},
                                    {"networks", validation.table->networks.size()},
                                    {"budgets", budgets}};
    const QString path = QDir(folder).filePath(QStringLiteral("demo-summary.json"));
    QSaveFile file(path);
    const std::string text = summary.dump(2) + "\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) < 0 ||
        !file.commit()) {
        err << "taskgrouper-cli demo: " << path << ": cannot write: " << file.errorString() << '\n';
        return kExitInvalidInput;
    }
    out << "Wrote " << path << '\n';
    return kExitOk;
}

} // namespace

int runDemo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Trains the 36 candidate networks of the five default tasks on small "
                       "built-in scenes or on a named data set (a few minutes on two CPU "
                       "cores), then prints the grouping chosen for each budget from 1 to 5 "
                       "SNT. Running it again on the same folder resumes or reuses the earlier "
                       "run."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder (default demo-output)."),
                      QStringLiteral("dir"), QStringLiteral("demo-output")});
    parser.addOption({QStringLiteral("dataset"),
                      QStringLiteral("Named data set: scenes (default) or multimnist (run "
                                     "`taskgrouper-cli prepare multimnist` first)."),
                      QStringLiteral("name"), QStringLiteral("scenes")});
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n';
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    const QString folder = parser.value(QStringLiteral("out"));
    std::string error;
    const auto dataset =
        findNamedDataset(parser.value(QStringLiteral("dataset")).toStdString(), &error);
    if (!dataset) {
        QTextStream(stderr) << "taskgrouper-cli demo: " << QString::fromStdString(error) << '\n';
        return kExitInvalidInput;
    }
    const std::vector<std::string> tasks = dataset->config.kind == DatasetKind::Scenes
                                               ? training::defaultTaskNames()
                                               : std::vector<std::string>();
    const auto config = namedDatasetPreset(*dataset, "demo", tasks);
    const bool resume = QFileInfo::exists(QDir(folder).filePath(QStringLiteral("config.json")));

    QString message;
    const int code = runExperiment(*config, folder, resume, &message, RunOutput::StatusOnly);
    if (code != kExitOk) {
        QTextStream(stderr) << "taskgrouper-cli demo: " << message << '\n';
        return code;
    }
    return summarise(folder);
}

} // namespace tg::cli
