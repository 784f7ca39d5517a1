#pragma once

#include "core/experimentconfig.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace tg::cli {

// Splits a comma-separated task list ("s, d,n") into trimmed names, skipping
// empty entries.
std::vector<std::string> splitTaskList(const QString& text);

// Checks the task names of scenes and labels data before any folder is
// created: the built-in names, or the columns and per-pixel folders that the
// labelled data offers. Folder data is checked when it opens. Returns false
// with a message listing the valid names.
bool checkTaskNames(const ExperimentConfig& config, std::string* error);

} // namespace tg::cli
