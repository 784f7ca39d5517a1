#include "benchmarkinstance.h"

#include <random>
#include <string>

namespace tg::benchmark {
namespace {

// Half-size networks lose this fraction of accuracy against a full-size one.
constexpr double kHalfSizePenalty = 0.08;
// Relative loss added for every task beyond the first in a network.
constexpr double kPerExtraTaskPenalty = 0.015;

std::string networkName(const std::vector<std::string>& tasks, unsigned mask)
{
    std::string name;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (mask & (1u << t))
            name += (name.empty() ? "" : "+") + tasks[t];
    }
    return name;
}

} // namespace

CandidateTable makeFullCandidateSet(int taskCount, std::uint32_t seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> baseLoss(0.5, 1.5);
    std::normal_distribution<double> pairEffect(0.0, 0.08);
    std::normal_distribution<double> noise(0.0, 0.01);

    CandidateTable table;
    std::vector<double> base(taskCount);
    for (int t = 0; t < taskCount; ++t) {
        table.tasks.push_back("t" + std::to_string(t + 1));
        base[t] = baseLoss(random);
    }
    // effect[t][u]: relative change of t's loss when u shares its network;
    // negative values help. Not symmetric, as in measured affinities.
    std::vector<std::vector<double>> effect(taskCount, std::vector<double>(taskCount, 0.0));
    for (int t = 0; t < taskCount; ++t) {
        for (int u = 0; u < taskCount; ++u) {
            if (u != t)
                effect[t][u] = pairEffect(random);
        }
    }

    const unsigned subsets = (1u << taskCount) - 1;
    for (unsigned mask = 1; mask <= subsets; ++mask) {
        Network network;
        network.name = networkName(table.tasks, mask);
        network.cost = kCostUnitsPerSnt;
        network.losses.assign(taskCount, kNotSolved);
        const int size = __builtin_popcount(mask);
        for (int t = 0; t < taskCount; ++t) {
            if (!(mask & (1u << t)))
                continue;
            double sum = 0.0;
            for (int u = 0; u < taskCount; ++u) {
                if (u != t && (mask & (1u << u)))
                    sum += effect[t][u];
            }
            const double mean = size > 1 ? sum / (size - 1) : 0.0;
            const double relative = 1.0 + mean + kPerExtraTaskPenalty * (size - 1) + noise(random);
            network.losses[t] = base[t] * std::max(relative, 0.05);
        }
        table.networks.push_back(std::move(network));
    }
    for (int t = 0; t < taskCount; ++t) {
        Network network;
        network.name = table.tasks[t] + "/half";
        network.cost = kCostUnitsPerSnt / 2;
        network.losses.assign(taskCount, kNotSolved);
        network.losses[t] = base[t] * (1.0 + kHalfSizePenalty + noise(random));
        table.networks.push_back(std::move(network));
    }
    return table;
}

} // namespace tg::benchmark
