#pragma once

#include "core/cost.h"
#include "core/experimentconfig.h"

#include <string>
#include <vector>

namespace tg {

// One network to train: a subset of the experiment's tasks at one width.
struct PlannedCandidate
{
    // Task short names concatenated in task order ("sd"), joined with '+'
    // when a name is longer than one character ("depth+normal"); half-size
    // networks end in "-half".
    std::string name;
    std::vector<int> tasks; // indices into ExperimentConfig::tasks, ascending
    bool halfSize = false;
    double width = 1.0; // encoder width multiplier
    Cost cost = 0;      // nominal: 1 SNT full size, 0.5 SNT half size
};

// Plans the candidates of a strategy. Exhaustive and early-stop: every
// non-empty subset of the tasks at full size (2^k - 1) plus one half-size
// network per task, 36 for 5 tasks. Higher-order: the subsets of one or two
// tasks plus the half-size networks. Order: by task count, then by the task
// indices in lexicographic order, then the half-size networks in task order.
std::vector<PlannedCandidate> planCandidates(const ExperimentConfig& config);

std::string candidateName(const std::vector<std::string>& taskNames, const std::vector<int>& tasks,
                          bool halfSize);

} // namespace tg
