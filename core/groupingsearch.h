#pragma once

#include "core/candidatetable.h"

#include <cstdint>
#include <random>
#include <vector>

// Searches behind the random and pessimal baselines.
namespace tg {

inline constexpr std::size_t kMaxMaskTasks = 63;

// Mean total loss of random valid groupings, as defined for
// BaselineSet::randomMeanTotalLoss. Task sets are bit masks, so tables with
// more than kMaxMaskTasks tasks get no valid draw.
struct RandomGroupingStats
{
    double meanTotalLoss = 0.0; // NaN when validCount is 0
    int validCount = 0;
    std::int64_t enumeratedCount = -1; // -1 when not enumerated
};

RandomGroupingStats sampleRandomGroupings(const CandidateTable& table, Cost budget, int samples,
                                          std::uint64_t seed, std::int64_t enumerationLimit);

// The covering network set within the budget with the highest total loss.
struct PessimalCover
{
    bool found = false;
    std::vector<int> networks; // ascending
    bool exact = true;         // false when the node limit stopped the search
};

PessimalCover findPessimalCover(const CandidateTable& table, Cost budget, std::int64_t nodeLimit);

} // namespace tg
