#pragma once

#include "core/candidatetable.h"

#include <optional>
#include <string>

namespace tg {

// The outcome of the higher-order approximation.
struct HigherOrderResult
{
    // The completed table, or nullopt on failure (see `error`).
    std::optional<CandidateTable> table;
    // Input rows that solve three or more tasks, left out of `table`.
    int setAside = 0;
    // Rows added with origin Predicted.
    int predicted = 0;
    std::string error;

    explicit operator bool() const { return table.has_value(); }
};

// Completes a table of single-task, half-size and pair networks with a
// predicted row for every group of three or more tasks. The loss of task t in
// group G is the mean, over the other tasks u in G, of the loss of t in the
// pair network of t and u (the most expensive network that solves exactly t
// and u). A predicted row costs as much as the most expensive of those pair
// networks. Its name concatenates the task names in table order, joined with
// '+' unless every task name is a single character; a name already used by a
// kept row gets the suffix "-predicted". Kept rows stay in input order, and
// predicted rows follow by group size, then in lexicographic order of task
// indices. Fails, naming them, when pair networks are missing, and for
// tables of more than 16 tasks.
HigherOrderResult predictHigherOrder(const CandidateTable& table);

} // namespace tg
