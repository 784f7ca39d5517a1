#include "core/experimentconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

namespace tg {

namespace {

using nlohmann::json;

// Raised inside the parser and turned into ExperimentConfigResult::error.
struct ConfigError
{
    std::string message;
};

std::string join(const std::string& prefix, const std::string& key)
{
    return prefix.empty() ? key : prefix + "." + key;
}

[[noreturn]] void fail(const std::string& key, const json& value, const std::string& expected)
{
    throw ConfigError{"key '" + key + "': value " + value.dump() + " is invalid; expected " +
                      expected};
}

void rejectUnknownKeys(const json& object, const std::string& prefix,
                       const std::set<std::string>& known)
{
    for (const auto& item : object.items()) {
        if (known.count(item.key()) == 0) {
            std::string list;
            for (const auto& name : known)
                list += (list.empty() ? "" : ", ") + name;
            throw ConfigError{"unknown key '" + join(prefix, item.key()) +
                              "'; valid keys here are " + list};
        }
    }
}

const json* member(const json& object, const char* key)
{
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

void readObject(const json& object, const std::string& key)
{
    if (!object.is_object())
        fail(key, object, "an object");
}

template <typename Int>
void readInt(const json& object, const char* name, const std::string& prefix, Int* out,
             std::int64_t minimum)
{
    const json* value = member(object, name);
    if (value == nullptr)
        return;
    const std::string key = join(prefix, name);
    // Checked before narrowing, so 4294967297 is rejected, not wrapped to 1.
    constexpr auto maximum = static_cast<std::int64_t>(std::numeric_limits<Int>::max());
    bool valid = value->is_number_integer();
    if (valid && value->is_number_unsigned())
        valid = value->get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum);
    if (valid) {
        const std::int64_t number = value->get<std::int64_t>();
        valid = number >= minimum && number <= maximum;
    }
    if (!valid) {
        fail(key, *value,
             "an integer from " + std::to_string(minimum) + " to " + std::to_string(maximum));
    }
    *out = static_cast<Int>(value->get<std::int64_t>());
}

void readDouble(const json& object, const char* name, const std::string& prefix, double* out,
                double minimum, double maximum, const std::string& expected)
{
    const json* value = member(object, name);
    if (value == nullptr)
        return;
    const std::string key = join(prefix, name);
    if (!value->is_number())
        fail(key, *value, expected);
    const double number = value->get<double>();
    if (!std::isfinite(number) || number < minimum || number > maximum)
        fail(key, *value, expected);
    *out = number;
}

void readString(const json& object, const char* name, const std::string& prefix, std::string* out)
{
    const json* value = member(object, name);
    if (value == nullptr)
        return;
    if (!value->is_string())
        fail(join(prefix, name), *value, "a string");
    *out = value->get<std::string>();
}

void readSeed(const json& object, const char* name, const std::string& prefix, std::uint64_t* out)
{
    const json* value = member(object, name);
    if (value == nullptr)
        return;
    if (!value->is_number_unsigned())
        fail(join(prefix, name), *value, "a non-negative integer");
    *out = value->get<std::uint64_t>();
}

const char* datasetKindName(DatasetKind kind)
{
    switch (kind) {
    case DatasetKind::Scenes:
        return "scenes";
    case DatasetKind::Folder:
        return "folder";
    case DatasetKind::Labels:
        return "labels";
    }
    return "scenes";
}

void readClasses(const json& object, std::map<std::string, int>* classes)
{
    readObject(object, "dataset.classes");
    classes->clear();
    for (const auto& item : object.items()) {
        const std::string key = "dataset.classes." + item.key();
        if (item.key().empty())
            throw ConfigError{"key 'dataset.classes' contains an empty task name; name a "
                              "per-pixel task or its folder"};
        const json& value = item.value();
        bool valid = value.is_number_integer();
        if (valid && value.is_number_unsigned())
            valid = value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxDatasetClasses);
        if (valid) {
            const std::int64_t count = value.get<std::int64_t>();
            valid = count >= 2 && count <= kMaxDatasetClasses;
        }
        if (!valid) {
            fail(key, value,
                 "a class count, an integer from 2 to " + std::to_string(kMaxDatasetClasses));
        }
        (*classes)[item.key()] = value.get<int>();
    }
}

void readDataset(const json& object, DatasetConfig* dataset)
{
    readObject(object, "dataset");
    rejectUnknownKeys(
        object, "dataset",
        {"kind", "seed", "train", "validation", "test", "path", "labels", "partition", "classes"});
    std::string kind = datasetKindName(dataset->kind);
    readString(object, "kind", "dataset", &kind);
    if (kind == "scenes")
        dataset->kind = DatasetKind::Scenes;
    else if (kind == "folder")
        dataset->kind = DatasetKind::Folder;
    else if (kind == "labels")
        dataset->kind = DatasetKind::Labels;
    else
        fail("dataset.kind", object.at("kind"), "\"scenes\", \"folder\" or \"labels\"");
    readSeed(object, "seed", "dataset", &dataset->seed);
    readInt(object, "train", "dataset", &dataset->trainSize, 1);
    readInt(object, "validation", "dataset", &dataset->validationSize, 1);
    readInt(object, "test", "dataset", &dataset->testSize, 1);
    readString(object, "path", "dataset", &dataset->path);
    readString(object, "labels", "dataset", &dataset->labels);
    readString(object, "partition", "dataset", &dataset->partition);
    if (const json* classes = member(object, "classes")) {
        if (dataset->kind == DatasetKind::Scenes)
            throw ConfigError{"key 'dataset.classes' is invalid for a scenes dataset, whose "
                              "tasks have fixed kinds; remove it or use a folder or labels "
                              "dataset"};
        readClasses(*classes, &dataset->classes);
    }
    if (dataset->kind == DatasetKind::Folder && dataset->path.empty())
        throw ConfigError{"key 'dataset.path' is missing; a folder dataset needs the path of "
                          "the folder that contains rgb/ and one folder per task"};
    if (dataset->kind == DatasetKind::Labels && dataset->path.empty())
        throw ConfigError{"key 'dataset.path' is missing; a labels dataset needs the path of "
                          "the images folder"};
    if (dataset->kind == DatasetKind::Labels && dataset->labels.empty())
        throw ConfigError{"key 'dataset.labels' is missing; a labels dataset needs a labels "
                          "CSV or a CelebA-style attribute list"};
}

void readTasks(const json& value, std::vector<std::string>* tasks)
{
    if (!value.is_array() || value.empty())
        fail("tasks", value, "a non-empty array of task names");
    tasks->clear();
    std::set<std::string> seen;
    for (const json& item : value) {
        if (!item.is_string() || item.get<std::string>().empty())
            fail("tasks", item, "a task name (non-empty string)");
        const std::string name = item.get<std::string>();
        if (name == "network" || name == "cost" || name == "origin")
            fail("tasks", item, "a task name other than network, cost and origin");
        if (name.find_first_of(",\"\n\r-+") != std::string::npos)
            fail("tasks", item, "a task name without commas, quotes, '-', '+' or line breaks");
        if (!seen.insert(name).second)
            fail("tasks", item, "each task only once");
        tasks->push_back(name);
    }
}

void readWidths(const json& object, ExperimentConfig* config)
{
    readObject(object, "widths");
    rejectUnknownKeys(object, "widths", {"full", "half"});
    const std::string expected = "a width multiplier in (0, 8]";
    readDouble(object, "full", "widths", &config->fullWidth, 1e-3, 8.0, expected);
    readDouble(object, "half", "widths", &config->halfWidth, 1e-3, 8.0, expected);
}

void readSchedule(const json& object, ScheduleConfig* schedule)
{
    readObject(object, "schedule");
    rejectUnknownKeys(object, "schedule",
                      {"batchSize", "learningRate", "momentum", "validationInterval", "patience",
                       "plateauWindow", "maxSteps", "maxEpochs"});
    readInt(object, "batchSize", "schedule", &schedule->batchSize, 1);
    readDouble(object, "learningRate", "schedule", &schedule->learningRate, 1e-300, 1e300,
               "a positive number");
    readDouble(object, "momentum", "schedule", &schedule->momentum, 0.0, 0.999999,
               "a number in [0, 1)");
    readDouble(object, "validationInterval", "schedule", &schedule->validationInterval, 1e-6, 100.0,
               "a fraction of an epoch in (0, 100]");
    readInt(object, "patience", "schedule", &schedule->patience, 1);
    readInt(object, "plateauWindow", "schedule", &schedule->plateauWindow, 1);
    readInt(object, "maxSteps", "schedule", &schedule->maxSteps, 1);
    readInt(object, "maxEpochs", "schedule", &schedule->maxEpochs, 1);
}

void readStrategy(const json& value, ExperimentConfig* config)
{
    std::string name;
    if (value.is_string()) {
        name = value.get<std::string>();
    } else if (value.is_object()) {
        rejectUnknownKeys(value, "strategy", {"name", "fraction"});
        readString(value, "name", "strategy", &name);
        readDouble(value, "fraction", "strategy", &config->earlyStopFraction, 1e-6, 100.0,
                   "a fraction of an epoch in (0, 100]");
    } else {
        fail("strategy", value, "a strategy name or {\"name\": ..., \"fraction\": ...}");
    }
    if (name == "exhaustive")
        config->strategy = Strategy::Exhaustive;
    else if (name == "early-stop")
        config->strategy = Strategy::EarlyStop;
    else if (name == "higher-order")
        config->strategy = Strategy::HigherOrder;
    else
        fail("strategy", json(name), "\"exhaustive\", \"early-stop\" or \"higher-order\"");
}

void readDevice(const json& value, DeviceChoice* device)
{
    const std::string name = value.is_string() ? value.get<std::string>() : std::string();
    if (name == "auto")
        *device = DeviceChoice::Auto;
    else if (name == "cpu")
        *device = DeviceChoice::Cpu;
    else if (name == "cuda")
        *device = DeviceChoice::Cuda;
    else
        fail("device", value, "\"auto\", \"cpu\" or \"cuda\"");
}

void readDebug(const json& object, DebugConfig* debug)
{
    readObject(object, "debug");
    rejectUnknownKeys(object, "debug", {"nanCandidate", "nanStep"});
    readString(object, "nanCandidate", "debug", &debug->nanCandidate);
    readInt(object, "nanStep", "debug", &debug->nanStep, 1);
}

ExperimentConfig parseRoot(const json& root)
{
    if (!root.is_object())
        fail("(top level)", root, "an object");
    rejectUnknownKeys(root, "",
                      {"dataset", "tasks", "imageSize", "widths", "schedule", "strategy", "device",
                       "workers", "seed", "debug"});
    ExperimentConfig config;
    if (const json* value = member(root, "dataset"))
        readDataset(*value, &config.dataset);
    const json* tasks = member(root, "tasks");
    if (tasks == nullptr)
        throw ConfigError{"key 'tasks' is missing; list the short names of the tasks to "
                          "train, for example [\"s\", \"d\", \"n\"]"};
    readTasks(*tasks, &config.tasks);
    readInt(root, "imageSize", "", &config.imageSize, 16);
    if (config.imageSize % 16 != 0)
        fail("imageSize", root.at("imageSize"), "a multiple of 16 (pixels per side)");
    if (const json* value = member(root, "widths"))
        readWidths(*value, &config);
    if (const json* value = member(root, "schedule"))
        readSchedule(*value, &config.schedule);
    if (const json* value = member(root, "strategy"))
        readStrategy(*value, &config);
    if (const json* value = member(root, "device"))
        readDevice(*value, &config.device);
    readInt(root, "workers", "", &config.workers, 0);
    readSeed(root, "seed", "", &config.seed);
    if (const json* value = member(root, "debug"))
        readDebug(*value, &config.debug);
    return config;
}

} // namespace

ExperimentConfigResult parseExperimentConfig(const std::string& text, const std::string& sourceName)
{
    ExperimentConfigResult result;
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& error) {
        result.error = sourceName + ": invalid JSON: " + error.what();
        return result;
    } catch (const json::out_of_range& error) {
        // nlohmann_json reports a number too large for a double this way.
        result.error = sourceName + ": invalid JSON: " + error.what() +
                       ". Use finite numbers no larger than 1e308.";
        return result;
    }
    try {
        result.config = parseRoot(root);
    } catch (const ConfigError& error) {
        result.error = sourceName + ": " + error.message;
    }
    return result;
}

ExperimentConfigResult readExperimentConfig(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        ExperimentConfigResult result;
        result.error =
            path + ": cannot open the configuration: " + file.errorString().toStdString();
        return result;
    }
    ExperimentConfigResult result = parseExperimentConfig(file.readAll().toStdString(), path);
    if (!result)
        return result;
    const QDir base = QFileInfo(file).absoluteDir();
    for (std::string* dataPath : {&result.config->dataset.path, &result.config->dataset.labels,
                                  &result.config->dataset.partition}) {
        const QString text = QString::fromStdString(*dataPath);
        if (!text.isEmpty() && QDir::isRelativePath(text))
            *dataPath = QDir::cleanPath(base.absoluteFilePath(text)).toStdString();
    }
    return result;
}

std::string toExperimentConfigJson(const ExperimentConfig& config)
{
    json dataset = {{"kind", datasetKindName(config.dataset.kind)}};
    if (config.dataset.kind == DatasetKind::Scenes) {
        dataset["seed"] = config.dataset.seed;
        dataset["train"] = config.dataset.trainSize;
        dataset["validation"] = config.dataset.validationSize;
        dataset["test"] = config.dataset.testSize;
    } else {
        dataset["path"] = config.dataset.path;
        dataset["classes"] = config.dataset.classes;
    }
    if (config.dataset.kind == DatasetKind::Labels) {
        dataset["labels"] = config.dataset.labels;
        dataset["partition"] = config.dataset.partition;
    }
    const ScheduleConfig& s = config.schedule;
    json root = {
        {"dataset", dataset},
        {"tasks", config.tasks},
        {"imageSize", config.imageSize},
        {"widths", {{"full", config.fullWidth}, {"half", config.halfWidth}}},
        {"schedule",
         {{"batchSize", s.batchSize},
          {"learningRate", s.learningRate},
          {"momentum", s.momentum},
          {"validationInterval", s.validationInterval},
          {"patience", s.patience},
          {"plateauWindow", s.plateauWindow},
          {"maxSteps", s.maxSteps},
          {"maxEpochs", s.maxEpochs}}},
        {"strategy",
         {{"name", strategyName(config.strategy)}, {"fraction", config.earlyStopFraction}}},
        {"device", deviceChoiceName(config.device)},
        {"workers", config.workers},
        {"seed", config.seed},
    };
    if (!config.debug.nanCandidate.empty())
        root["debug"] = {{"nanCandidate", config.debug.nanCandidate},
                         {"nanStep", config.debug.nanStep}};
    return root.dump(2) + "\n";
}

std::optional<ExperimentConfig> experimentPreset(const std::string& name,
                                                 const std::vector<std::string>& tasks)
{
    ExperimentConfig config;
    config.tasks = tasks;
    if (name == "standard")
        return config;
    if (name == "quick") {
        // NOTE: sized so that the 36 networks of a 5-task exhaustive run
        // train in under 15 minutes on two CPU cores (BENCHMARKS.md).
        config.imageSize = 32;
        config.fullWidth = 0.5;
        config.halfWidth = 0.25;
        config.dataset.trainSize = 800;
        config.dataset.validationSize = 128;
        config.dataset.testSize = 128;
        config.schedule.batchSize = 32;
        config.schedule.learningRate = 0.05;
        config.schedule.maxEpochs = 4;
        config.schedule.maxSteps = 100;
        config.schedule.patience = 3;
        config.schedule.plateauWindow = 20;
        return config;
    }
    if (name == "demo") {
        // NOTE: sized so that the demo trains its 36 networks in about one
        // minute on two CPU cores (51 s measured, BENCHMARKS.md).
        config.imageSize = 32;
        config.fullWidth = 0.25;
        config.halfWidth = 0.125;
        config.dataset.trainSize = 480;
        config.dataset.validationSize = 64;
        config.dataset.testSize = 64;
        config.schedule.batchSize = 32;
        config.schedule.learningRate = 0.05;
        config.schedule.maxEpochs = 4;
        config.schedule.maxSteps = 60;
        config.schedule.patience = 3;
        config.schedule.plateauWindow = 10;
        return config;
    }
    return std::nullopt;
}

std::vector<std::string> experimentPresetNames()
{
    return {"quick", "standard", "demo"};
}

const char* strategyName(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Exhaustive:
        return "exhaustive";
    case Strategy::EarlyStop:
        return "early-stop";
    case Strategy::HigherOrder:
        return "higher-order";
    }
    return "exhaustive";
}

const char* deviceChoiceName(DeviceChoice device)
{
    switch (device) {
    case DeviceChoice::Auto:
        return "auto";
    case DeviceChoice::Cpu:
        return "cpu";
    case DeviceChoice::Cuda:
        return "cuda";
    }
    return "auto";
}

} // namespace tg
