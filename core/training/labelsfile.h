#pragma once

// Parsing of labels files and partition files for labelled image sets. Private to
// core/training, torch-free.

#include "core/training/labelstasks.h"
#include "core/training/tasks.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tg::training {

struct LabelsColumn
{
    std::string name;
    bool classes = true; // every cell is an integer
    // The sorted distinct values of a class column; a value's class index is its position.
    std::vector<double> classValues;
    // The reason the name is not a valid task name, with the file, line and column, or empty
    // when it is valid.
    // Such a column is not offered as a task, but an experiment may use the other columns.
    std::string nameProblem;
};

// Split indices, in the order of tg::training::Split.
constexpr int kTrainSplit = 0;
constexpr int kValidationSplit = 1;
constexpr int kTestSplit = 2;

struct LabelsRow
{
    std::string file;           // image path relative to the images folder
    int line = 0;               // 1-based line in the labels file
    std::vector<double> values; // one raw value per column
    int split = -1;             // kTrainSplit, kValidationSplit, kTestSplit, or -1 when unset
};

struct LabelsTable
{
    std::string path; // the labels file
    std::vector<LabelsColumn> columns;
    std::vector<LabelsRow> rows; // in file order
    bool hasSplitColumn = false; // a CSV `split` column set every row's split
};

// Reads a labels CSV or a CelebA-style attribute list (see labelstasks.h), checking cell
// counts, numbers, split values, duplicate file names, duplicate task names and that every
// class column has at least two classes. An invalid task name sets the column's nameProblem
// and is no error here. Returns nullopt and sets `error` to a message naming the file, the
// line and the offending column or value.
std::optional<LabelsTable> readLabelsTable(const std::string& path, std::string* error);

// Sets every row's split from a CelebA-style partition file (`<file> 0|1|2` per line for
// train, validation and test). Lines for files the table does not list are ignored. Returns
// false and sets `error` for an unreadable or malformed file, a file listed twice, a table row
// that the partition file does not list, or a table that also has a split column.
bool applyPartitionFile(const std::string& partitionPath, LabelsTable* table, std::string* error);

// The class index of `value` in a class column: its position in classValues, or -1.
int classIndex(const LabelsColumn& column, double value);

// Returns why `name` cannot name a task in an experiment, or an empty string when it can.
std::string labelsTaskNameProblem(const std::string& name);

// A per-pixel task of a labelled image set: a sibling folder of the images folder holding one
// PNG per image.
struct PixelTaskFolder
{
    TaskSpec task;
    std::string path;
};

// Finds the per-pixel task folders next to `imagesFolder`, sorted by name (see labelstasks.h
// for the kinds). A folder named in `classCounts` is a PixelClasses task with that count.
// Returns nullopt and sets `error` for a missing images folder, an unreadable first image or a
// classCounts entry that names no per-pixel folder.
std::optional<std::vector<PixelTaskFolder>>
findPixelTaskFolders(const std::string& imagesFolder, const std::map<std::string, int>& classCounts,
                     std::string* error);

// Lists the tasks of a read labels table and its per-pixel folders: columns first, in file
// order, then the folders. Columns with an invalid name are left out and, when `skipped` is
// not null, appended to it. Returns nullopt and sets `error` when a folder and a column share
// a name.
std::optional<std::vector<TaskSpec>> labelsTasks(const LabelsTable& table,
                                                 const std::vector<PixelTaskFolder>& folders,
                                                 std::string* error,
                                                 std::vector<SkippedLabelsTask>* skipped = nullptr);

} // namespace tg::training
