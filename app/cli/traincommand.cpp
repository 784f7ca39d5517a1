#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "app/cli/taskoptions.h"
#include "app/cli/trainingrun.h"
#include "core/datasetcatalog.h"
#include "core/experimentconfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace tg::cli {

namespace {

// Fills `config` from --config, --tasks/--preset or, when resuming, the
// folder's saved configuration. Returns an exit code other than kExitOk on
// failure, after printing the reason.
int configFromOptions(const QCommandLineParser& parser, const QString& folder,
                      ExperimentConfig* config)
{
    QTextStream err(stderr);
    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    const bool hasTasks = parser.isSet(QStringLiteral("tasks"));
    if (hasConfig && hasTasks) {
        err << "taskgrouper-cli train: give either --config or --tasks, not both\n";
        return kExitUsage;
    }
    const bool hasDataset = parser.isSet(QStringLiteral("dataset"));
    if (hasConfig && hasDataset) {
        err << "taskgrouper-cli train: give either --config or --dataset, not both\n";
        return kExitUsage;
    }
    if (hasConfig && parser.isSet(QStringLiteral("preset"))) {
        err << "taskgrouper-cli train: give either --config or --preset, not both; the "
               "configuration file sets the schedule\n";
        return kExitUsage;
    }
    ExperimentConfigResult result;
    if (hasConfig) {
        result = readExperimentConfig(parser.value(QStringLiteral("config")).toStdString());
    } else if (hasTasks || hasDataset) {
        const QString preset = parser.value(QStringLiteral("preset"));
        const std::vector<std::string> tasks = splitTaskList(parser.value(QStringLiteral("tasks")));
        std::optional<ExperimentConfig> chosen;
        if (hasDataset) {
            std::string error;
            const auto dataset =
                findNamedDataset(parser.value(QStringLiteral("dataset")).toStdString(), &error);
            if (!dataset) {
                err << "taskgrouper-cli train: " << QString::fromStdString(error) << '\n';
                return kExitInvalidInput;
            }
            chosen = namedDatasetPreset(*dataset, preset.toStdString(), tasks);
        } else {
            chosen = experimentPreset(preset.toStdString(), tasks);
        }
        if (!chosen) {
            err << "taskgrouper-cli train: unknown preset '" << preset
                << "'; use quick, standard or demo\n";
            return kExitUsage;
        }
        result.config = chosen;
    } else if (parser.isSet(QStringLiteral("resume"))) {
        const QString configFile = QDir(folder).filePath(QStringLiteral("config.json"));
        if (!QFileInfo::exists(configFile)) {
            err << "taskgrouper-cli train: " << folder
                << " contains no experiment to resume (no config.json); start one with --config "
                   "FILE, --tasks LIST or --dataset NAME and --out "
                << folder << '\n';
            return kExitInvalidInput;
        }
        result = readExperimentConfig(configFile.toStdString());
    } else {
        err << "taskgrouper-cli train: give --config FILE, --tasks LIST or --dataset NAME\n";
        return kExitUsage;
    }
    if (!result) {
        err << "taskgrouper-cli train: " << QString::fromStdString(result.error) << '\n';
        return kExitInvalidInput;
    }
    *config = *result.config;
    return kExitOk;
}

} // namespace

int runTrain(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Trains the candidate networks of an experiment and writes val.csv and "
                       "test.csv candidate tables to the output folder. Ctrl+C stops after "
                       "saving checkpoints; --resume continues."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("config"), QStringLiteral("Experiment configuration (JSON)."),
         QStringLiteral("file")},
        {QStringLiteral("tasks"),
         QStringLiteral("Comma-separated task short names, for example s,d,n,k,e."),
         QStringLiteral("list")},
        {QStringLiteral("preset"),
         QStringLiteral("Settings for --tasks or --dataset: quick, standard or demo (default "
                        "quick)."),
         QStringLiteral("name"), QStringLiteral("quick")},
        {QStringLiteral("dataset"),
         QStringLiteral("Named data set: scenes (default) or multimnist (run `taskgrouper-cli "
                        "prepare multimnist` first). Without --tasks, its default tasks."),
         QStringLiteral("name")},
        {QStringLiteral("out"), QStringLiteral("Experiment folder to create or resume."),
         QStringLiteral("dir")},
        {QStringLiteral("resume"),
         QStringLiteral("Continue the experiment in --out from its last checkpoints.")},
    });
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n';
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    const QString folder = parser.value(QStringLiteral("out"));
    if (folder.isEmpty()) {
        QTextStream(stderr) << "taskgrouper-cli train: --out DIR is required\n";
        return kExitUsage;
    }
    ExperimentConfig config;
    if (const int code = configFromOptions(parser, folder, &config); code != kExitOk)
        return code;
    // Checked before runExperiment creates the folder, so a mistyped task
    // leaves nothing behind that would block the corrected rerun.
    if (std::string error; !checkTaskNames(config, &error)) {
        QTextStream(stderr) << "taskgrouper-cli train: " << QString::fromStdString(error) << '\n';
        return kExitInvalidInput;
    }

    QString message;
    const int code =
        runExperiment(config, folder, parser.isSet(QStringLiteral("resume")), &message);
    (code == kExitOk ? QTextStream(stdout) : QTextStream(stderr))
        << (code == kExitOk ? "Finished: " : "taskgrouper-cli train: ") << message << '\n';
    if (code == kExitInterrupted) {
        QTextStream(stderr) << "Continue with: taskgrouper-cli train --out " << folder
                            << " --resume\n";
    }
    return code;
}

} // namespace tg::cli
