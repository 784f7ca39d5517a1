#pragma once

// Private to core/training: exposes torch types through dataset.h.

#include "core/training/dataset.h"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tg::training {

struct FolderDatasetOptions
{
    // Split by sorted file name: the first trainFraction of the names train,
    // the next validationFraction validate, the rest test. Each split must
    // receive at least one image.
    double trainFraction = 0.8;
    double validationFraction = 0.1;
    // Images are resized to imageSize x imageSize pixels on load (smooth
    // scaling for RGB and values, nearest neighbour for classes); a multiple of 16.
    int imageSize = 64;
    // Threads that decode images while opening.
    int loaderThreads = 2;
    // Per-pixel tasks trained as classes, with their class count from 2 to kMaxDatasetClasses.
    // A folder dataset keys them by built-in short or folder name, or by the name of another
    // task folder. A labels dataset keys them by per-pixel folder name. Their class images must
    // contain indices below the count. Tasks without an entry keep their default kind.
    std::map<std::string, int> classCounts;
};

// Opens a dataset in the Taskonomy layout:
//   <folder>/rgb/<name>.png            8- or 16-bit RGB (alpha ignored)
//   <folder>/<task folder>/<name>.png  one file per RGB image
// Files match by name, where a Taskonomy suffix "_domain_<anything>" before
// the extension is ignored (point_1_view_2_domain_rgb.png matches
// point_1_view_2_domain_depth_zbuffer.png). Per-pixel tasks are PNG images:
// classes as 8- or 16-bit grayscale class indices, 1-channel values as 8- or
// 16-bit grayscale, 3-channel values as 8- or 16-bit RGB; values are scaled to
// [0, 1] by the bit depth before normalisation. Per-image tasks are text files
// <name>.txt holding `channels` whitespace-separated numbers (one class index
// for classes). Task names are short or folder names of builtinTasks(), or
// the folder name of a task named in options.classCounts, which is then read
// as per-pixel classes. A classCounts entry also turns a built-in per-pixel
// task into a class task with that count.
//
// Every file is checked and decoded before this returns. Returns null and sets
// `error` (when not null) to a message that names the expected layout and the
// first offending file for a missing folder, a missing or extra file, an
// invalid classCounts entry, an unreadable image, a wrong channel count, a class index out of range or an
// image of another size than its RGB image. The images are held in memory at
// imageSize, so the data set must fit in memory.
std::unique_ptr<Dataset> openFolderDataset(const std::string& folder,
                                           const std::vector<std::string>& taskNames,
                                           const FolderDatasetOptions& options, std::string* error);

// Helpers shared with the labels dataset.

// Returns why `options` are invalid (split fractions, image size, class counts), or an empty
// string.
std::string folderDatasetOptionsProblem(const FolderDatasetOptions& options);

// Splits `count` images sorted by name with the options' fractions: train is [0, trainEnd),
// validation [trainEnd, validationEnd), test the rest. Returns false when a split would be
// empty.
bool splitByFractions(std::int64_t count, const FolderDatasetOptions& options,
                      std::int64_t* trainEnd, std::int64_t* validationEnd);

// Calls `load` for every index in [0, count) on `threads` threads. Returns the examples in
// index order, or an empty vector and the `problem` that `load` set for the lowest failing
// index (so the message does not depend on thread timing).
std::vector<ExamplePointer>
loadExamplesInParallel(std::size_t count, int threads,
                       const std::function<ExamplePointer(std::size_t, std::string*)>& load,
                       std::string* problem);

// Makes an in-memory dataset of `examples` ordered train, validation, test, with the
// splits ending at trainEnd and validationEnd. Values tasks are normalised with statistics
// of the training split. `resizeNote` is what Dataset::resizeNote() returns.
std::unique_ptr<Dataset> makeMemoryDataset(std::vector<TaskSpec> tasks, int imageSize,
                                           std::vector<ExamplePointer> examples,
                                           std::int64_t trainEnd, std::int64_t validationEnd,
                                           std::string resizeNote = {});

} // namespace tg::training
