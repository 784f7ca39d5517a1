#include "core/experimentplan.h"

#include <algorithm>

namespace tg {

namespace {

// Subsets of {0..k-1} with `size` elements in lexicographic order.
void appendSubsets(int k, int size, std::vector<std::vector<int>>* out)
{
    std::vector<int> subset(size);
    for (int i = 0; i < size; ++i)
        subset[i] = i;
    while (true) {
        out->push_back(subset);
        int position = size - 1;
        while (position >= 0 && subset[position] == k - size + position)
            --position;
        if (position < 0)
            return;
        ++subset[position];
        for (int i = position + 1; i < size; ++i)
            subset[i] = subset[i - 1] + 1;
    }
}

} // namespace

std::string candidateName(const std::vector<std::string>& taskNames, const std::vector<int>& tasks,
                          bool halfSize)
{
    const bool singleLetters =
        std::all_of(taskNames.begin(), taskNames.end(),
                    [](const std::string& name) { return name.size() == 1; });
    std::string name;
    for (int task : tasks) {
        if (!name.empty() && !singleLetters)
            name += '+';
        name += taskNames[task];
    }
    if (halfSize)
        name += "-half";
    return name;
}

std::vector<PlannedCandidate> planCandidates(const ExperimentConfig& config)
{
    const int k = static_cast<int>(config.tasks.size());
    const int largest = config.strategy == Strategy::HigherOrder ? std::min(k, 2) : k;
    std::vector<std::vector<int>> subsets;
    for (int size = 1; size <= largest; ++size)
        appendSubsets(k, size, &subsets);

    std::vector<PlannedCandidate> plan;
    for (const auto& subset : subsets) {
        plan.push_back({candidateName(config.tasks, subset, false), subset, false, config.fullWidth,
                        kCostUnitsPerSnt});
    }
    for (int task = 0; task < k; ++task) {
        plan.push_back({candidateName(config.tasks, {task}, true),
                        {task},
                        true,
                        config.halfWidth,
                        kCostUnitsPerSnt / 2});
    }
    return plan;
}

} // namespace tg
