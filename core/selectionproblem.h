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

} // namespace tg::detail

namespace tg::detail {

// For every subset U of tasks, the cost/score front of serving exactly U with
// new networks: U split into groups, each group served by one network that
// solves all of it, each network paying its full cost. Ignoring which
// networks a search node may still add, this yields a lower bound on the
// best score reachable from any running solution. Built only for tables
// small enough (about 14 tasks) that the 3^k subset pairs stay cheap.
class SubsetFronts
{
public:
    // One way to serve a subset: `group` (holding the subset's lowest task)
    // served by `network`, the remaining tasks by point `restIndex` of the
    // rest's front.
    struct Point
    {
        Cost cost;
        double score;
        int network;
        int restIndex;
        std::uint64_t group;
    };

    // Keeps only points that cost at most `maxBudget`. isAvailable() is false
    // when the table is too large for the subset tables.
    SubsetFronts(const SelectionProblem& problem, Cost maxBudget);

    bool isAvailable() const { return !m_fronts.empty(); }

    // A lower bound on the score of any solution that extends the running
    // per-task weighted losses `running` (infinity where uncovered) with
    // networks costing at most `budget` in total. Infinity when no extension
    // covers the uncovered tasks within the budget. Not rounded in task
    // order, so callers must allow a small tolerance.
    double lowerBound(const double* running, std::uint64_t uncovered, Cost budget,
                      std::vector<double>& scratch) const;

    // The networks of the best way to serve every task within `budget`, a
    // valid solution that seeds the search; empty when none fits.
    std::vector<int> bestCoverWithin(Cost budget) const;

private:
    double bestScoreWithin(std::uint64_t tasks, Cost budget) const;

    int m_taskCount = 0;
    std::vector<std::vector<Point>> m_fronts; // indexed by task subset
};

} // namespace tg::detail

namespace tg::detail {

// The exact branch and bound; see selectNetworks for the contract. `fronts`
// (may be null or unavailable) must have been built for at least `budget`.
SearchOutcome branchAndBound(const SelectionProblem& problem, Cost budget,
                             const SubsetFronts* fronts, SearchStats* stats,
                             const std::atomic_bool* cancel);

} // namespace tg::detail
