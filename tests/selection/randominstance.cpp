#include "randominstance.h"

#include <algorithm>
#include <random>

namespace tg::testing {
namespace {

// Losses drawn from a coarse grid make equal totals, and so the
// tie-breaks, common.
double drawLoss(std::mt19937& random, bool coarse)
{
    if (coarse)
        return 0.25 * std::uniform_int_distribution<int>(1, 8)(random);
    return std::uniform_real_distribution<double>(0.1, 2.0)(random);
}

std::string subsetName(const std::vector<std::string>& tasks, unsigned mask)
{
    std::string name;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (mask & (1u << t))
            name += (name.empty() ? "" : "+") + tasks[t];
    }
    return name;
}

Network subsetNetwork(const std::vector<std::string>& tasks, unsigned mask, double costSnt,
                      std::mt19937& random, bool coarse)
{
    std::vector<double> losses(tasks.size(), kNotSolved);
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (mask & (1u << t))
            losses[t] = drawLoss(random, coarse);
    }
    return makeNetwork(subsetName(tasks, mask), costSnt, losses);
}

double drawCost(std::mt19937& random, bool varied, double nominal)
{
    if (!varied)
        return nominal;
    static const double costs[] = {0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.5, 2.0};
    return costs[std::uniform_int_distribution<int>(0, 7)(random)];
}

} // namespace

Network makeNetwork(const std::string& name, double costSnt, std::vector<double> losses)
{
    Network network;
    network.name = name;
    network.cost = *costFromSnt(costSnt);
    network.losses = std::move(losses);
    return network;
}

RandomInstance makeRandomInstance(std::uint32_t seed)
{
    std::mt19937 random(seed);
    auto chance = [&](double p) { return std::bernoulli_distribution(p)(random); };

    RandomInstance instance;
    const int k = std::uniform_int_distribution<int>(3, 7)(random);
    for (int t = 0; t < k; ++t)
        instance.table.tasks.push_back(std::string(1, static_cast<char>('a' + t)));
    const auto& tasks = instance.table.tasks;

    const bool coarse = chance(0.5);
    const bool variedCosts = chance(0.25);
    // A full candidate set (every subset plus half-size singles) fits the
    // enumerator only up to 4 tasks; larger instances draw a partial set.
    const bool full = k <= 4 && chance(0.5);
    const unsigned subsets = (1u << k) - 1;
    std::vector<unsigned> masks;
    if (full) {
        for (unsigned mask = 1; mask <= subsets; ++mask)
            masks.push_back(mask);
    } else {
        const int count = std::uniform_int_distribution<int>(8, 19 - k)(random);
        for (int i = 0; i < count; ++i)
            masks.push_back(std::uniform_int_distribution<unsigned>(1, subsets)(random));
        std::sort(masks.begin(), masks.end());
        masks.erase(std::unique(masks.begin(), masks.end()), masks.end());
    }
    for (unsigned mask : masks) {
        const double nominal = 1.0;
        instance.table.networks.push_back(
            subsetNetwork(tasks, mask, drawCost(random, variedCosts, nominal), random, coarse));
    }
    // Half-size single-task networks; in partial sets only some of them.
    unsigned covered = 0;
    for (unsigned mask : masks)
        covered |= mask;
    for (int t = 0; t < k; ++t) {
        const bool uncovered = !(covered & (1u << t));
        if (!(full || uncovered || chance(0.4)))
            continue;
        std::vector<double> losses(k, kNotSolved);
        losses[t] = drawLoss(random, coarse) + (coarse ? 0.25 : 0.1);
        instance.table.networks.push_back(
            makeNetwork(tasks[t] + "/2", drawCost(random, variedCosts, 0.5), losses));
    }
    // Shuffle the rows so that table order, name order and cost order differ.
    std::shuffle(instance.table.networks.begin(), instance.table.networks.end(), random);

    if (chance(0.3)) {
        for (int t = 0; t < k; ++t)
            instance.objective.weights.push_back(0.5 *
                                                 std::uniform_int_distribution<int>(0, 6)(random));
    }
    if (chance(0.3)) {
        instance.objective.limits.assign(k, kNotSolved);
        for (int t = 0; t < k; ++t) {
            if (chance(0.4))
                instance.objective.limits[t] =
                    coarse ? 0.25 * std::uniform_int_distribution<int>(2, 8)(random)
                           : std::uniform_real_distribution<double>(0.3, 2.0)(random);
        }
    }

    // Budgets in quarter steps from 0, below every cover, to half an SNT per
    // task plus 1.5.
    const double top = 0.5 * k + 1.5;
    instance.budget = *costFromSnt(
        0.25 * std::uniform_int_distribution<int>(0, static_cast<int>(4 * top))(random));

    instance.description = std::to_string(k) + " tasks, " +
                           std::to_string(instance.table.networks.size()) + " networks, " +
                           (full ? "full" : "partial") + (coarse ? ", coarse losses" : "") +
                           (variedCosts ? ", varied costs" : "") +
                           (instance.objective.weights.empty() ? "" : ", weights") +
                           (instance.objective.limits.empty() ? "" : ", limits") + ", budget " +
                           formatCost(instance.budget);
    return instance;
}

RandomInstance makeWideRandomInstance(std::uint32_t seed)
{
    std::mt19937 random(seed);
    auto chance = [&](double p) { return std::bernoulli_distribution(p)(random); };

    RandomInstance instance;
    const int k = std::uniform_int_distribution<int>(15, 18)(random);
    for (int t = 0; t < k; ++t)
        instance.table.tasks.push_back("t" + std::to_string(t));
    const bool coarse = chance(0.5);

    const int count = std::uniform_int_distribution<int>(8, 14)(random);
    std::vector<unsigned> masks(count, 0);
    for (unsigned& mask : masks) {
        for (int t = 0; t < k; ++t) {
            if (chance(0.35))
                mask |= 1u << t;
        }
    }
    // Every task joins some network, so the table stays valid.
    for (int t = 0; t < k; ++t) {
        bool covered = false;
        for (unsigned mask : masks)
            covered = covered || (mask & (1u << t));
        if (!covered)
            masks[std::uniform_int_distribution<int>(0, count - 1)(random)] |= 1u << t;
    }
    for (unsigned mask : masks) {
        if (mask == 0)
            continue;
        const double cost = 0.25 * std::uniform_int_distribution<int>(2, 6)(random);
        instance.table.networks.push_back(
            subsetNetwork(instance.table.tasks, mask, cost, random, coarse));
    }
    for (int extra = 0; extra < 4; ++extra) {
        const int t = std::uniform_int_distribution<int>(0, k - 1)(random);
        const std::string name = instance.table.tasks[t] + "/2";
        if (instance.table.networkIndex(name) >= 0)
            continue;
        std::vector<double> losses(k, kNotSolved);
        losses[t] = drawLoss(random, coarse);
        instance.table.networks.push_back(makeNetwork(name, 0.5, losses));
    }
    if (chance(0.3)) {
        for (int t = 0; t < k; ++t)
            instance.objective.weights.push_back(0.5 *
                                                 std::uniform_int_distribution<int>(0, 6)(random));
    }
    instance.budget = *costFromSnt(0.25 * std::uniform_int_distribution<int>(4, 40)(random));
    instance.description = std::to_string(k) + " tasks, " +
                           std::to_string(instance.table.networks.size()) + " networks" +
                           (coarse ? ", coarse losses" : "") +
                           (instance.objective.weights.empty() ? "" : ", weights") + ", budget " +
                           formatCost(instance.budget);
    return instance;
}

} // namespace tg::testing
