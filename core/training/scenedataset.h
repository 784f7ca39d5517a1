#pragma once

// Private to core/training: exposes torch types through dataset.h.

#include "core/training/dataset.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tg::training {

struct SceneDatasetConfig
{
    std::uint64_t seed = 1; // scene family; the same seed gives the same dataset
    int imageSize = 64;     // pixels per side, a multiple of 16
    std::int64_t trainSize = 2000;
    std::int64_t validationSize = 200;
    std::int64_t testSize = 200;
    int generatorThreads = 2; // threads that render scenes ahead of use
    // Training scenes used to compute normalisation statistics (the first
    // ones of the training split; all of it when larger than trainSize).
    std::int64_t statisticsSamples = 500;
};

// The renderer's scene index of example `index` of `split`. The splits draw
// from index ranges 2^40 apart, so they are disjoint for any split size below 2^40.
std::int64_t sceneIndex(Split split, std::int64_t index);

// Creates the built-in procedural scene dataset with the named tasks (short or
// folder names, see builtinTasks()). Scene i of a split is rendered once, on
// first use, and cached in memory; worker threads render ahead in index order.
// The cache keeps every scene: 112 KiB per 64x64 scene with the five default
// tasks (262 MiB for the default 2400 scenes), 16 times that at 256x256.
// The splits use disjoint scene indices whatever their sizes. Returns null and
// sets `error` (when not null) for unknown tasks or an invalid configuration.
std::unique_ptr<Dataset> makeSceneDataset(const SceneDatasetConfig& config,
                                          const std::vector<std::string>& taskNames,
                                          std::string* error);

// Renders every scene of the three splits and writes them to `folder` in the
// Taskonomy layout that openFolderDataset() reads: rgb/ plus one folder per
// task (folderdataset.h describes the file format of each task kind). Files
// are named scene_NNNNNN and numbered train first, then validation, then test.
// Reading them back with split fractions trainSize/total and
// validationSize/total therefore gives the same splits. Raw labels are
// written, not normalised ones. Returns false and sets `error` (when not null)
// on failure.
bool writeSceneDatasetFolder(const SceneDatasetConfig& config,
                             const std::vector<std::string>& taskNames, const std::string& folder,
                             std::string* error);

} // namespace tg::training
