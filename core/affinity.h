#pragma once

#include "core/candidatetable.h"

#include <optional>
#include <string>
#include <vector>

namespace tg {

// Task affinity of a candidate table, in percent (positive: the task does
// better when it shares a network).
//
// rel[a][b] = 100 * (L_half(b) - L_ab(b)) / L_half(b), where L_half(b) is the
// loss of b in its half-size network and L_ab(b) the loss of b in the pair
// network of a and b. The half-size network of b is the cheapest network that
// solves only b and costs less than the full single-task network of b, which
// is the most expensive network that solves only b. The pair network is the
// most expensive network that solves exactly a and b. affinity[a][b] is the
// mean of rel[a][b] and rel[b][a]. Missing networks and a zero half-size loss
// leave cells empty and add a line to `problems`; nothing is guessed.
struct AffinityMatrices
{
    std::vector<std::string> tasks;
    // [a][b]; nullopt on the diagonal and where an input is missing.
    std::vector<std::vector<std::optional<double>>> relative;
    // Symmetric; nullopt on the diagonal and where either direction is missing.
    std::vector<std::vector<std::optional<double>>> affinity;
    // Means of the present cells of each row and column of `relative`;
    // nullopt when a row or column has none.
    std::vector<std::optional<double>> rowMean;
    std::vector<std::optional<double>> columnMean;
    // One sentence per missing input, in task order.
    std::vector<std::string> problems;
};

AffinityMatrices computeAffinity(const CandidateTable& table);

// The network that solves exactly the tasks in `tasks`, picking the most
// expensive one (full size) when several do (ties: the first row). Returns -1
// when none does.
int fullNetworkFor(const CandidateTable& table, const std::vector<int>& tasks);

// The half-size network of `task` as defined above, or -1.
int halfSizeNetworkFor(const CandidateTable& table, int task);

} // namespace tg
