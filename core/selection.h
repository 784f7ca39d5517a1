#pragma once

#include "core/candidatetable.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace tg {

// The objective a selection minimises and the constraints on admissible solutions. The score of a
// solution is the sum over tasks of weight[t] times the lowest loss on t
// among its networks. A solution is admissible only when, for every task t,
// that lowest loss is <= limit[t].
struct Objective
{
    std::vector<double> weights; // empty: every weight is 1
    std::vector<double> limits;  // empty: no limits; +infinity: no limit on t

    double weight(std::size_t task) const;
    double limit(std::size_t task) const;
};

// A set of networks that together solve every task, or the reason none fits.
struct Solution
{
    bool feasible = false;
    Cost budget = 0;
    // Indices into CandidateTable::networks, ascending.
    std::vector<int> networks;
    Cost cost = 0;
    // Unweighted sum over tasks of the loss of the serving network.
    double totalLoss = 0.0;
    // Weighted sum, the value that the selection minimises.
    double score = 0.0;
    // For each task, the index of the network whose prediction is used: the
    // lowest loss among the solution's networks, ties to the lower index.
    std::vector<int> assignment;
    // Infeasible only: the cost of the cheapest admissible cover, or -1 when
    // no set of networks covers every task within the limits.
    Cost minCost = -1;
};

// Counters filled by the search, for benchmarks and tests.
struct SearchStats
{
    std::int64_t nodes = 0;
    std::int64_t prunedByBound = 0;
    std::int64_t prunedByCover = 0;
};

// Exact branch and bound. Deterministic: among solutions with equal score the
// result has the lower cost, then fewer networks, then the lexicographically
// smaller sorted list of network names. When `cancel` becomes true the search
// stops early and returns the best solution found so far. Callers that pass
// a cancel flag must therefore treat that result as possibly not optimal. Tables with
// more than 64 tasks are not supported and return an infeasible solution with
// minCost -1. Infeasible results (also for a negative budget) carry minCost.
// NOTE: for pruning, scores within a relative 1e-9 of the incumbent count as
// ties, so a solution better by less than that may be passed over.
Solution selectNetworks(const CandidateTable& table, Cost budget, const Objective& objective = {},
                        SearchStats* stats = nullptr, const std::atomic_bool* cancel = nullptr);

// Reference enumerator over every subset of networks; only for tables of at
// most about 20 networks (tests), with the same tie-breaking.
Solution bruteForceSelect(const CandidateTable& table, Cost budget,
                          const Objective& objective = {});

// The cost/loss Pareto front: the optimal solution at every budget where the
// result changes, ordered by increasing cost and strictly decreasing score.
// Each entry's budget is its cost. The first entry is the cheapest admissible
// cover; empty when none exists, when `cancel` becomes true or when the
// table has more than 64 tasks.
std::vector<Solution> paretoFront(const CandidateTable& table, const Objective& objective = {},
                                  const std::atomic_bool* cancel = nullptr);

// Reads the optimal solution for `budget` from a front computed by
// paretoFront: the last entry with cost <= budget, or an infeasible solution
// with minCost set when the budget is below the cheapest cover.
Solution solutionAtBudget(const std::vector<Solution>& front, Cost budget);

// Builds the Solution for a given set of networks on `table`: cost,
// assignment, total loss and score. `feasible` is false when the set does not
// cover every task or breaks a limit.
Solution evaluateNetworkSet(const CandidateTable& table, std::vector<int> networks,
                            const Objective& objective = {});

// Re-evaluates a solution's network set on a second table with the same
// networks and tasks (see compareTableShapes), matching networks by name.
Solution evaluateOnTable(const Solution& solution, const CandidateTable& selectedOn,
                         const CandidateTable& other, const Objective& objective = {});

} // namespace tg
