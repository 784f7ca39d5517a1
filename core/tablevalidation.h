#pragma once

#include "core/candidatetable.h"

#include <optional>
#include <string>
#include <string_view>

// Checks shared by the CSV and JSON readers of candidate tables.
namespace tg {

// Parses a loss: a finite, non-negative decimal number, surrounding spaces
// allowed. Returns nullopt for anything else, empty text included.
std::optional<double> parseLoss(std::string_view text);

// Formats a loss with the fewest digits that read back to the same double.
std::string formatLoss(double loss);

// Returns why `name` cannot name a task (empty, or one of the reserved column
// names `network`, `cost` and `origin`), or an empty string when it can.
std::string taskNameProblem(const std::string& name);

// Returns the index of the first task that no network solves, or -1.
int firstUnsolvedTask(const CandidateTable& table);

} // namespace tg
