#pragma once

#include "core/candidatetable.h"
#include "core/selection.h"

#include <cstdint>

namespace tg {

struct BaselineOptions
{
    // Number of random valid groupings averaged.
    int randomSamples = 1000;
    std::uint64_t seed = 1;
    // Search nodes after which the pessimal search stops with the worst
    // grouping found so far (pessimalExact is then false).
    std::int64_t pessimalNodeLimit = 2'000'000;
    // Valid groupings up to which the random baseline enumerates them all and
    // samples uniformly; above it, it samples by rejection.
    std::int64_t enumerationLimit = 1'000'000;
};

// Reference groupings for one budget. An infeasible baseline has
// feasible == false and minCost set to the cost it would need (-1 when the
// table lacks its networks). Losses are unweighted totals over all tasks.
//
// - allInOne: the network that solves every task with the lowest total loss
//   among those within the budget (ties: the first row).
// - independent: for every task its full-size single-task network (the most
//   expensive network that solves only that task).
// - random: a valid grouping is a set partition of the tasks where each group
//   is served by one network that solves exactly that group (any size, so a
//   single task may use its half-size network) and the total cost is within
//   the budget. randomMeanTotalLoss is the mean total loss of randomSamples
//   draws from the valid groupings, seeded std::mt19937_64. When at most
//   enumerationLimit valid groupings exist, each draw is uniform over all of
//   them. Otherwise a draw gives every task a uniform random group label and
//   every group a uniform random network among those solving exactly it, and
//   invalid draws are rejected (at most 100 * randomSamples tries), which is
//   not uniform over groupings. randomValidCount is the number of valid draws
//   averaged; randomMeanTotalLoss is NaN when it is 0.
// - pessimal: the covering set of networks within the budget with the
//   highest total loss, each task served by the best network in the set. The
//   worst cover is always a minimal one, so only minimal covers are searched.
struct BaselineSet
{
    Solution allInOne;
    Solution independent;
    double randomMeanTotalLoss = 0.0;
    int randomValidCount = 0;
    // The number of valid groupings when they were all enumerated, else -1.
    std::int64_t validGroupingCount = -1;
    Solution pessimal;
    // False when the search hit pessimalNodeLimit.
    bool pessimalExact = true;
};

BaselineSet computeBaselines(const CandidateTable& table, Cost budget,
                             const BaselineOptions& options = {});

} // namespace tg
