#pragma once

#include "core/training/tasks.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tg::training {

// A labels column that is not offered as a task because its name is invalid.
struct SkippedLabelsTask
{
    std::string name;
    std::string problem; // names the file, line, column and the rule the name breaks
};

// Lists the tasks a labelled image set offers, reading only the labels file and the first
// image of each per-pixel folder. Class columns get kind ImageClasses and channels = number of
// distinct values; real columns ImageValues with 1 channel. Per-pixel folders (siblings of the
// images folder) named in `classCounts` are PixelClasses with that count. Other per-pixel
// folders keep a built-in task's kind when named like one (short or folder name) and are
// otherwise PixelValues with the first image's channel count (1 grey, 3 RGB).
// Returns nullopt and sets `error` (when not null) naming the file, line and value, or the
// classCounts entry that names no per-pixel folder.
//
// The labels file is a CSV (header row, image file name first, one column per task, an
// optional `split` column) or a CelebA-style attribute list (a count line, a line of attribute
// names, then `<file> v1 v2 ...` with -1/1 values). The format is detected by content: an
// attribute list's first line is a lone integer. A file laid out like an attribute list but
// without the count line is rejected with a message that names the missing count line.
// Per-image tasks come first in file order, then per-pixel folders sorted by name. Sibling
// folders without PNG files, hidden folders and folders whose names are invalid task names are
// not offered. Columns whose names are invalid task names are not offered either. When
// `skipped` is not null, they are appended to it, so that callers can warn about them and
// explain why an experiment cannot select them.
std::optional<std::vector<TaskSpec>>
readLabelsTasks(const std::string& imagesFolder, const std::string& labelsPath, std::string* error,
                std::vector<SkippedLabelsTask>* skipped = nullptr,
                const std::map<std::string, int>& classCounts = {});

} // namespace tg::training
