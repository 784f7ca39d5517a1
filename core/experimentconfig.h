#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tg {

enum class DatasetKind
{
    Scenes, // procedurally rendered scenes, generated from a seed
    Folder, // images on disk in the Taskonomy folder layout
    Labels, // a folder of images plus a labels CSV or CelebA-style attribute list
};

struct DatasetConfig
{
    DatasetKind kind = DatasetKind::Scenes;
    std::uint64_t seed = 1; // scenes only
    int trainSize = 2000;   // scenes only: images per split
    int validationSize = 200;
    int testSize = 200;
    // Folder: the folder that contains rgb/ and one folder per task. Labels:
    // the images folder, with per-pixel task folders next to it.
    std::string path;
    std::string labels;    // labels only: a labels CSV or a CelebA-style attribute list
    std::string partition; // labels only, optional: "<file> 0|1|2" lines (train, validation, test)
    // Folder and labels only: per-pixel tasks trained as classes (cross-entropy), keyed by task
    // or folder name, with their class count. A task without an entry keeps its built-in kind
    // and count, or is a values task when it is not built in.
    std::map<std::string, int> classes;
};

// The largest class count of a per-pixel class task: a 16-bit class image stores 0 to 65535.
constexpr int kMaxDatasetClasses = 65536;

struct ScheduleConfig
{
    int batchSize = 32;
    double learningRate = 0.2;
    double momentum = 0.9;
    // Validation interval as a fraction of one epoch (one pass over the
    // training split).
    double validationInterval = 0.2;
    // Validations without a lower validation loss before training stops.
    int patience = 5;
    // The learning rate is halved when the mean training loss over the last
    // `plateauWindow` steps is not lower than over the window before it.
    int plateauWindow = 50;
    std::int64_t maxSteps = 20000;
    int maxEpochs = 50;
};

enum class Strategy
{
    Exhaustive, // train every candidate to convergence
    // Train every candidate for earlyStopFraction of an epoch, select on those
    // validation losses at budgets 1, 1.5, ... up to the task count, then
    // continue the union of the chosen networks to convergence.
    EarlyStop,
    HigherOrder, // train only networks of one or two tasks, predict the rest
};

enum class DeviceChoice
{
    Auto, // CUDA when available, the CPU otherwise
    Cpu,
    Cuda,
};

// Fault injection for tests: the named candidate reports a NaN training loss
// at the given step.
struct DebugConfig
{
    std::string nanCandidate;
    std::int64_t nanStep = -1;
};

// Everything an experiment decides before training. Task names are the
// short names of the dataset's tasks, in the order used for network names
// and table columns.
struct ExperimentConfig
{
    DatasetConfig dataset;
    std::vector<std::string> tasks;
    int imageSize = 64;
    double fullWidth = 1.0; // width multiplier of a full-size network
    double halfWidth = 0.5; // width multiplier of a half-size network
    ScheduleConfig schedule;
    Strategy strategy = Strategy::Exhaustive;
    // Early-stop only: training length of the first phase, in epochs.
    double earlyStopFraction = 0.2;
    DeviceChoice device = DeviceChoice::Auto;
    int workers = 0; // concurrent candidates; 0 picks from the device
    std::uint64_t seed = 1;
    DebugConfig debug;
};

// The outcome of parsing a configuration: the value, or an error naming the
// source, the key (dotted path) and the offending value.
struct ExperimentConfigResult
{
    std::optional<ExperimentConfig> config;
    std::string error;

    explicit operator bool() const { return config.has_value(); }
};

// Parses the JSON form. Missing keys keep their defaults; unknown keys,
// wrong types and out-of-range values are errors. `sourceName` prefixes the
// messages.
ExperimentConfigResult parseExperimentConfig(const std::string& text,
                                             const std::string& sourceName);
// Reads a configuration file. Relative dataset paths (path, labels,
// partition) are resolved against the file's folder, so the result does not
// depend on the working directory.
ExperimentConfigResult readExperimentConfig(const std::string& path);

// Writes every field, so a saved configuration does not depend on defaults.
std::string toExperimentConfigJson(const ExperimentConfig& config);

// Presets for the built-in scenes: `quick` (small images and short
// schedules, minutes on a laptop CPU) and `standard` (64x64 images,
// training to convergence). Returns nullopt for an unknown name.
std::optional<ExperimentConfig> experimentPreset(const std::string& name,
                                                 const std::vector<std::string>& tasks);
std::vector<std::string> experimentPresetNames();

const char* strategyName(Strategy strategy);
const char* deviceChoiceName(DeviceChoice device);

} // namespace tg
