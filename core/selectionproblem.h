#pragma once

#include "core/selection.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <vector>

// Internal to core/selection*.cpp: the candidate table reduced to what the
// searches need, in flat arrays.
namespace tg::detail {

inline constexpr int kMaxSearchTasks = 64;
inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The networks that can serve at least one task within its limit. A loss
// above the task's limit is stored as +infinity (the network may still carry
// that decoder, but never serves the task). Losses are multiplied by the
// task weights, so a solution's score is the sum over tasks, in task order,
// of the lowest weighted loss among its networks.
struct SelectionProblem
{
    int taskCount = 0;
    std::vector<int> tableIndex; // index into CandidateTable::networks
    std::vector<Cost> costs;
    std::vector<double> weightedLosses;     // network-major, taskCount per network
    std::vector<std::uint64_t> servedTasks; // bit t: the network can serve task t
    std::vector<int> nameRank;              // position of the name in sorted order

    int networkCount() const { return static_cast<int>(costs.size()); }
    const double* row(int network) const
    {
        return weightedLosses.data() + static_cast<std::size_t>(network) * taskCount;
    }
    std::uint64_t allTasks() const
    {
        return taskCount == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << taskCount) - 1;
    }
};

// Requires table.tasks.size() <= kMaxSearchTasks.
SelectionProblem prepareProblem(const CandidateTable& table, const Objective& objective);

// Sum of per-task values in task order: the one summation used for every
// score, so equal sets always compare equal bit for bit.
double sumInTaskOrder(const double* values, int taskCount);

// The order that makes selection deterministic: lower score, then lower
// cost, then fewer networks, then the smaller sorted list of names (given as
// sorted name ranks).
bool isBetterSolution(double score, Cost cost, const std::vector<int>& sortedRanks,
                      double otherScore, Cost otherCost, const std::vector<int>& otherSortedRanks);

// Cost of the cheapest set of networks that serves every task, or -1 when
// some task has no network that can serve it.
Cost cheapestCoverCost(const SelectionProblem& problem);

struct SearchOutcome
{
    bool found = false;
    bool cancelled = false;
    std::vector<int> networks; // indices into the problem's networks
};

// The exact branch and bound; see selectNetworks for the contract.
SearchOutcome branchAndBound(const SelectionProblem& problem, Cost budget, SearchStats* stats,
                             const std::atomic_bool* cancel);

} // namespace tg::detail
