#pragma once

// Private to core/training: exposes torch types through dataset.h.

#include "core/training/dataset.h"
#include "core/training/folderdataset.h"

#include <memory>
#include <string>
#include <vector>

namespace tg::training {

// Opens a labelled image set. The images in `imagesFolder` are PNG or JPEG, 8- or 16-bit, grey
// or RGB, all the same size, and grey images become three equal channels. Per-image labels come
// from `labelsPath`, a labels CSV or a CelebA-style attribute list (see labelstasks.h).
// Per-pixel task folders next to the images folder hold one PNG per image, named like the image
// with the extension .png, and are decoded as openFolderDataset decodes per-pixel labels.
//
// Splits come from the CSV's `split` column, else from `partitionPath` when not empty
// (`<file> 0|1|2` per line), else from the sorted file names and the options' fractions.
// Class labels become the index of their value among the column's sorted distinct values;
// values tasks are normalised with training-split statistics. `taskNames` are column,
// attribute or folder names.
//
// Every file is checked and decoded before this returns. On failure, returns null and sets
// `error` (when not null) to a message naming the file and line. The failures are:
// - a missing folder or file, or a label that does not parse;
// - a class column with a single class, or a row with the wrong number of cells;
// - a duplicate file name, or an unknown task name (the message lists the available ones);
// - an invalid split value or an empty split;
// - an image of another size than the first.
// The images are held in memory at options.imageSize, so the data set must fit in memory.
std::unique_ptr<Dataset> openLabelsDataset(const std::string& imagesFolder,
                                           const std::string& labelsPath,
                                           const std::string& partitionPath,
                                           const std::vector<std::string>& taskNames,
                                           const FolderDatasetOptions& options, std::string* error);

} // namespace tg::training
