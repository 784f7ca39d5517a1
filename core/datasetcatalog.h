#pragma once

// Data sets known by name ("scenes", "multimnist"), so commands and the GUI can
// accept `--dataset NAME` in place of a full dataset configuration.

#include "core/experimentconfig.h"

#include <optional>
#include <string>
#include <vector>

namespace tg {

struct NamedDataset
{
    std::string name;  // the name given on the command line
    std::string title; // a one-line description for lists and help text
    DatasetConfig config;
    std::vector<std::string> defaultTasks; // task short names used when none are given
    int imageSize = 64;                    // pixels per side that networks train on
};

// The folder that contains prepared data sets: $TASKGROUPER_DATA when set and not
// empty, else QStandardPaths::GenericDataLocation + "/taskgrouper/datasets".
std::string datasetRoot();

// Names accepted by findNamedDataset(), in display order.
std::vector<std::string> namedDatasetNames();

// Looks up a data set by name. Returns nullopt and sets `error` (when not
// null) for an unknown name, or for a data set that must be prepared first
// and is not, with the command that prepares it.
std::optional<NamedDataset> findNamedDataset(const std::string& name, std::string* error);

// Sets `config`'s dataset, image size and, when `config->tasks` is empty, tasks
// from `dataset`. Keeps the schedule, widths and everything else.
void applyNamedDataset(const NamedDataset& dataset, ExperimentConfig* config);

// experimentPreset(presetName, tasks) on `dataset`, with the dataset's default
// tasks when `tasks` is empty. For multimnist, the quick and demo presets get a
// schedule sized for its 4,000 training images. Returns nullopt for an unknown preset.
std::optional<ExperimentConfig> namedDatasetPreset(const NamedDataset& dataset,
                                                   const std::string& presetName,
                                                   const std::vector<std::string>& tasks);

} // namespace tg
