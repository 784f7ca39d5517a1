#include "core/higherorder.h"

#include "core/affinity.h"

#include <algorithm>
#include <set>

namespace tg {

namespace {

// Groups of three or more among k tasks number about 2^k, so larger tables
// would produce more rows than any selection could use.
constexpr std::size_t kMaxTasks = 16;

std::size_t solvedCount(const Network& network)
{
    std::size_t count = 0;
    for (std::size_t t = 0; t < network.losses.size(); ++t) {
        if (network.solves(t))
            ++count;
    }
    return count;
}

// Pair network indices for every pair of tasks, or the missing pairs as an
// error message when any is absent.
std::vector<std::vector<int>> findPairs(const CandidateTable& table, std::string* error)
{
    const int k = static_cast<int>(table.tasks.size());
    std::vector<std::vector<int>> pairs(k, std::vector<int>(k, -1));
    std::string missing;
    for (int a = 0; a < k; ++a) {
        for (int b = a + 1; b < k; ++b) {
            pairs[a][b] = pairs[b][a] = fullNetworkFor(table, {a, b});
            if (pairs[a][b] < 0)
                missing += (missing.empty() ? "" : ", ") + table.tasks[a] + "+" + table.tasks[b];
        }
    }
    if (!missing.empty()) {
        *error = "No pair network for " + missing +
                 ". The higher-order prediction needs a network that solves exactly each pair "
                 "of tasks.";
    }
    return pairs;
}

std::string groupName(const CandidateTable& table, const std::vector<int>& group)
{
    const bool letters = std::all_of(table.tasks.begin(), table.tasks.end(),
                                     [](const std::string& task) { return task.size() == 1; });
    std::string name;
    for (int t : group) {
        if (!letters && !name.empty())
            name += '+';
        name += table.tasks[t];
    }
    return name;
}

Network predictGroup(const CandidateTable& table, const std::vector<std::vector<int>>& pairs,
                     const std::vector<int>& group)
{
    Network network;
    network.name = groupName(table, group);
    network.origin = Origin::Predicted;
    network.losses.assign(table.tasks.size(), kNotSolved);
    for (int t : group) {
        double sum = 0.0;
        for (int u : group) {
            if (u == t)
                continue;
            const Network& pair = table.networks[pairs[t][u]];
            sum += pair.losses[t];
            network.cost = std::max(network.cost, pair.cost);
        }
        network.losses[t] = sum / static_cast<double>(group.size() - 1);
    }
    return network;
}

// Calls `visit` for every subset of {0..k-1} with `size` elements, in
// lexicographic order of indices.
template <typename Visit> void forEachCombination(int k, int size, Visit visit)
{
    std::vector<int> group(size);
    for (int i = 0; i < size; ++i)
        group[i] = i;
    for (;;) {
        visit(group);
        int i = size - 1;
        while (i >= 0 && group[i] == k - size + i)
            --i;
        if (i < 0)
            return;
        ++group[i];
        for (int j = i + 1; j < size; ++j)
            group[j] = group[j - 1] + 1;
    }
}

} // namespace

HigherOrderResult predictHigherOrder(const CandidateTable& table)
{
    HigherOrderResult result;
    if (table.tasks.size() > kMaxTasks) {
        result.error = "The table has " + std::to_string(table.tasks.size()) +
                       " tasks. The higher-order prediction supports at most " +
                       std::to_string(kMaxTasks) + ", because it writes a row per group.";
        return result;
    }
    const std::vector<std::vector<int>> pairs = findPairs(table, &result.error);
    if (!result.error.empty())
        return result;

    CandidateTable completed;
    completed.tasks = table.tasks;
    std::set<std::string> names;
    for (const Network& network : table.networks) {
        if (solvedCount(network) >= 3) {
            ++result.setAside;
            continue;
        }
        completed.networks.push_back(network);
        names.insert(network.name);
    }

    const int k = static_cast<int>(table.tasks.size());
    for (int size = 3; size <= k; ++size) {
        forEachCombination(k, size, [&](const std::vector<int>& group) {
            Network network = predictGroup(table, pairs, group);
            while (names.count(network.name) != 0)
                network.name += "-predicted";
            names.insert(network.name);
            completed.networks.push_back(std::move(network));
            ++result.predicted;
        });
    }
    result.table = std::move(completed);
    return result;
}

} // namespace tg
