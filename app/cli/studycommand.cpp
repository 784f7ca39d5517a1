#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "app/cli/studyplot.h"
#include "app/cli/taskoptions.h"
#include "app/cli/trainingrun.h"
#include "core/candidatetable.h"
#include "core/datasetcatalog.h"
#include "core/experimentconfig.h"
#include "core/shortcutstudy.h"
#include "core/training/experimentstore.h"
#include "core/training/experimenttables.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <cmath>
#include <nlohmann/json.hpp>

namespace tg::cli {

namespace {

const Strategy kStrategies[] = {Strategy::Exhaustive, Strategy::EarlyStop, Strategy::HigherOrder};

QTextStream& errorStream()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString& message, int code = kExitInvalidInput)
{
    errorStream() << "taskgrouper-cli study: " << message << '\n';
    errorStream().flush();
    return code;
}

QString strategyFolder(const QString& out, Strategy strategy)
{
    return QDir(out).filePath(QString::fromLatin1(strategyName(strategy)));
}

std::optional<training::ExperimentResults> readResults(const QString& folder, QString* error)
{
    std::string text;
    if (!training::readTextFile(training::resultsPath(folder), &text, error))
        return std::nullopt;
    std::string message;
    std::optional<training::ExperimentResults> results = training::resultsFromJson(text, &message);
    if (!results)
        *error =
            training::resultsPath(folder) + QStringLiteral(": ") + QString::fromStdString(message);
    return results;
}

bool isComplete(const QString& folder)
{
    QString ignored;
    const auto results = QFileInfo::exists(training::resultsPath(folder))
                             ? readResults(folder, &ignored)
                             : std::nullopt;
    return results && results->phase == "complete";
}

// Trains one strategy's experiment, reusing a finished run and resuming an
// interrupted one in the same folder.
int runStrategy(ExperimentConfig config, Strategy strategy, const QString& out)
{
    config.strategy = strategy;
    const QString folder = strategyFolder(out, strategy);
    QTextStream stdoutStream(stdout);
    if (QFileInfo::exists(training::configPath(folder))) {
        const ExperimentConfigResult saved =
            readExperimentConfig(training::configPath(folder).toStdString());
        if (!saved)
            return fail(QString::fromStdString(saved.error));
        if (toExperimentConfigJson(*saved.config) != toExperimentConfigJson(config)) {
            return fail(QStringLiteral("%1 contains a run with another configuration; give a new "
                                       "--out folder, or the options of that run")
                            .arg(training::configPath(folder)));
        }
    }
    if (isComplete(folder)) {
        stdoutStream << "Reusing the finished " << strategyName(strategy) << " run in " << folder
                     << '\n';
        return kExitOk;
    }
    const bool resume = QFileInfo::exists(training::configPath(folder));
    stdoutStream << (resume ? "Resuming" : "Running") << " the " << strategyName(strategy)
                 << " strategy in " << folder << '\n';
    stdoutStream.flush();
    QString message;
    const int code = runExperiment(config, folder, resume, &message, RunOutput::StatusOnly);
    if (code != kExitOk)
        return fail(
            QStringLiteral("%1 strategy: %2").arg(QLatin1String(strategyName(strategy)), message),
            code);
    return kExitOk;
}

std::optional<CandidateTable> readTable(const QString& folder, const char* name, QString* error)
{
    const std::string path = QDir(folder).filePath(QString::fromLatin1(name)).toStdString();
    TableReadResult result = readCandidateTable(path);
    if (!result) {
        *error = QString::fromStdString(result.error);
        return std::nullopt;
    }
    return std::move(*result.table);
}

std::optional<StudyStrategy> strategyFacts(const QString& folder, Strategy strategy,
                                           const char* selectionTable, QString* error)
{
    const std::optional<CandidateTable> table = readTable(folder, selectionTable, error);
    const std::optional<training::ExperimentResults> results =
        table ? readResults(folder, error) : std::nullopt;
    if (!results)
        return std::nullopt;
    const ExperimentConfigResult config =
        readExperimentConfig(training::configPath(folder).toStdString());
    if (!config) {
        *error = QString::fromStdString(config.error);
        return std::nullopt;
    }
    StudyStrategy facts;
    facts.name = strategyName(strategy);
    facts.selectionTable = *table;
    const double imagesPerStep = config.config->schedule.batchSize;
    for (const training::CandidateRecord& record : results->candidates) {
        facts.computeSeconds += record.computeSeconds;
        facts.trainingMultiplyAdds += 3.0 * static_cast<double>(record.step) * imagesPerStep *
                                      static_cast<double>(record.multiplyAdds);
        facts.trainingSteps += record.step;
        facts.trainedNetworks += record.step > 0 ? 1 : 0;
    }
    return facts;
}

std::optional<StudyInputs> collectInputs(const QString& out, std::size_t taskCount, QString* error)
{
    const QString exhaustive = strategyFolder(out, Strategy::Exhaustive);
    const QString early = strategyFolder(out, Strategy::EarlyStop);
    const QString higher = strategyFolder(out, Strategy::HigherOrder);
    StudyInputs inputs;
    std::optional<CandidateTable> validation = readTable(exhaustive, "val.csv", error);
    std::optional<CandidateTable> test =
        validation ? readTable(exhaustive, "test.csv", error) : std::nullopt;
    std::optional<CandidateTable> earlyCheck =
        test ? readTable(early, "early-stop.csv", error) : std::nullopt;
    std::optional<CandidateTable> predicted =
        earlyCheck ? readTable(higher, "higher-order-test.csv", error) : std::nullopt;
    if (!predicted)
        return std::nullopt;
    inputs.exhaustiveValidation = *validation;
    inputs.exhaustiveTest = *test;
    inputs.earlyCheck = *earlyCheck;
    inputs.predictedTest = *predicted;
    const std::pair<Strategy, const char*> selectionTables[] = {
        {Strategy::Exhaustive, "val.csv"},
        {Strategy::EarlyStop, "early-stop.csv"},
        {Strategy::HigherOrder, "higher-order-val.csv"},
    };
    for (const auto& [strategy, table] : selectionTables) {
        std::optional<StudyStrategy> facts =
            strategyFacts(strategyFolder(out, strategy), strategy, table, error);
        if (!facts)
            return std::nullopt;
        inputs.strategies.push_back(std::move(*facts));
    }
    inputs.budgets = training::standardBudgets(taskCount);
    return inputs;
}

nlohmann::json numberOrNull(double value)
{
    return std::isnan(value) ? nlohmann::json() : nlohmann::json(value);
}

std::string reportJson(const StudyReport& report, const ExperimentConfig& config)
{
    nlohmann::json choices = nlohmann::json::array();
    for (const StudyChoice& choice : report.choices) {
        choices.push_back({{"budget", costToSnt(choice.budget)},
                           {"strategy", choice.strategy},
                           {"feasible", choice.feasible},
                           {"networks", choice.networks},
                           {"cost", costToSnt(choice.cost)},
                           {"selectedLoss", numberOrNull(choice.selectedLoss)},
                           {"testLoss", numberOrNull(choice.testLoss)},
                           {"regretPercent", numberOrNull(choice.regretPercent)}});
    }
    nlohmann::json strategies = nlohmann::json::array();
    for (const StudyStrategy& strategy : report.strategies) {
        strategies.push_back({{"strategy", strategy.name},
                              {"trainedNetworks", strategy.trainedNetworks},
                              {"trainingSteps", strategy.trainingSteps},
                              {"trainingMultiplyAdds", strategy.trainingMultiplyAdds},
                              {"computeSeconds", strategy.computeSeconds}});
    }
    nlohmann::json perTask = nlohmann::json::object();
    for (const TaskCorrelation& task : report.earlyPearsonPerTask)
        perTask[task.task] = {{"pearson", numberOrNull(task.pearson)}, {"pairs", task.pairs}};
    const nlohmann::json root = {
        {"tasks", config.tasks},
        {"choices", choices},
        {"strategies", strategies},
        {"earlyCheckCorrelation",
         {{"pearson", numberOrNull(report.earlyPearson)},
          {"pairs", report.earlyPairs},
          {"perTask", perTask}}},
        {"higherOrderRelativeError",
         {{"mean", numberOrNull(report.higherOrderRelativeError)},
          {"cells", report.predictedCells}}},
    };
    return root.dump(2) + "\n";
}

// Fills `config` from --config, or from --dataset, --tasks and --preset.
int studyConfig(const QCommandLineParser& parser, ExperimentConfig* config)
{
    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    if (hasConfig &&
        (parser.isSet(QStringLiteral("tasks")) || parser.isSet(QStringLiteral("dataset")) ||
         parser.isSet(QStringLiteral("preset"))))
        return fail(QStringLiteral("give either --config or --dataset, --tasks and --preset, "
                                   "not both; the configuration file sets all of them"),
                    kExitUsage);
    std::string error;
    if (hasConfig) {
        const ExperimentConfigResult result =
            readExperimentConfig(parser.value(QStringLiteral("config")).toStdString());
        if (!result)
            return fail(QString::fromStdString(result.error));
        *config = *result.config;
    } else {
        const std::optional<NamedDataset> dataset =
            findNamedDataset(parser.value(QStringLiteral("dataset")).toStdString(), &error);
        if (!dataset)
            return fail(QString::fromStdString(error));
        const QString preset = parser.value(QStringLiteral("preset"));
        const std::optional<ExperimentConfig> chosen = namedDatasetPreset(
            *dataset, preset.toStdString(), splitTaskList(parser.value(QStringLiteral("tasks"))));
        if (!chosen) {
            return fail(
                QStringLiteral("unknown preset '%1'; use quick, standard or demo").arg(preset),
                kExitUsage);
        }
        *config = *chosen;
    }
    if (!checkTaskNames(*config, &error))
        return fail(QString::fromStdString(error));
    if (config->tasks.size() < 2) {
        return fail(QStringLiteral("the study needs at least two tasks, so that networks can "
                                   "share them; give more with --tasks"));
    }
    return kExitOk;
}

int writeReport(const QString& out, const StudyReport& report, const StudyInputs& inputs,
                const ExperimentConfig& config)
{
    QString error;
    const std::string markdown = studyMarkdown(report, "Shortcut study");
    const std::pair<const char*, std::string> files[] = {
        {"study.csv", studyChoicesCsv(report)},
        {"study.md", markdown},
        {"study.json", reportJson(report, config)},
    };
    QStringList written;
    for (const auto& [name, text] : files) {
        const QString path = QDir(out).filePath(QString::fromLatin1(name));
        if (!training::writeTextFile(path, text, &error))
            return fail(error);
        written << path;
    }
    if (!writeStudyPlots(report, inputs.exhaustiveTest, out, &written, &error))
        return fail(error);
    QTextStream stdoutStream(stdout);
    stdoutStream << '\n' << QString::fromStdString(markdown) << '\n';
    for (const QString& path : written)
        stdoutStream << "Wrote " << path << '\n';
    return kExitOk;
}

} // namespace

int runStudy(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trains the same experiment with the exhaustive, early-stop and higher-order "
        "strategies in sub-folders of --out, then reports for every budget from 1 to the task "
        "count in steps of 0.5 SNT the grouping each strategy chooses, its test loss, its "
        "regret against the exhaustive choice and the compute each strategy spent. Running it "
        "again on the same folder reuses finished runs and resumes interrupted ones."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("config"),
         QStringLiteral("Experiment configuration (JSON); its strategy is replaced."),
         QStringLiteral("file")},
        {QStringLiteral("dataset"),
         QStringLiteral("Named data set: scenes (the default) or multimnist (run "
                        "`taskgrouper-cli prepare multimnist` first)."),
         QStringLiteral("name"), QStringLiteral("scenes")},
        {QStringLiteral("tasks"),
         QStringLiteral("Comma-separated task short names (default: the data set's default "
                        "tasks, s,d,n,k,e for scenes and t,b,p,v,m for multimnist)."),
         QStringLiteral("list")},
        {QStringLiteral("preset"),
         QStringLiteral("Settings for --tasks: quick, standard or demo (default quick)."),
         QStringLiteral("name"), QStringLiteral("quick")},
        {QStringLiteral("out"), QStringLiteral("Study folder to create or continue."),
         QStringLiteral("dir")},
        {QStringLiteral("report-only"),
         QStringLiteral("Write the report from the finished runs in --out without training.")},
    });
    if (!parser.parse(arguments))
        return fail(parser.errorText(), kExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(QStringLiteral("unexpected argument '%1'; see --help")
                        .arg(parser.positionalArguments().first()),
                    kExitUsage);
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(QStringLiteral("--out DIR is required"), kExitUsage);
    ExperimentConfig config;
    if (parser.isSet(QStringLiteral("report-only"))) {
        const ExperimentConfigResult saved = readExperimentConfig(
            training::configPath(strategyFolder(out, Strategy::Exhaustive)).toStdString());
        if (!saved)
            return fail(QString::fromStdString(saved.error) +
                        QStringLiteral("; run the study without --report-only first"));
        config = *saved.config;
    } else {
        if (const int code = studyConfig(parser, &config); code != kExitOk)
            return code;
        for (const Strategy strategy : kStrategies) {
            if (const int code = runStrategy(config, strategy, out); code != kExitOk)
                return code;
        }
    }
    QString error;
    const std::optional<StudyInputs> inputs = collectInputs(out, config.tasks.size(), &error);
    if (!inputs) {
        return fail(error + QStringLiteral("; run the study without --report-only to finish "
                                           "its training runs"));
    }
    std::string message;
    const std::optional<StudyReport> report = runShortcutStudy(*inputs, &message);
    if (!report)
        return fail(QString::fromStdString(message));
    return writeReport(out, *report, *inputs, config);
}

} // namespace tg::cli
