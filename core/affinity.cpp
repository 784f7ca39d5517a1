#include "core/affinity.h"

#include <algorithm>

namespace tg {

namespace {

bool solvesExactly(const Network& network, const std::vector<int>& tasks)
{
    std::size_t solved = 0;
    for (std::size_t t = 0; t < network.losses.size(); ++t) {
        if (network.solves(t))
            ++solved;
    }
    if (solved != tasks.size())
        return false;
    return std::all_of(tasks.begin(), tasks.end(),
                       [&](int t) { return network.solves(static_cast<std::size_t>(t)); });
}

std::optional<double> meanOf(const std::vector<std::optional<double>>& values)
{
    double sum = 0.0;
    int count = 0;
    for (const std::optional<double>& value : values) {
        if (value) {
            sum += *value;
            ++count;
        }
    }
    if (count == 0)
        return std::nullopt;
    return sum / count;
}

// Loss of every task in its half-size network. The entry is nullopt where the
// network is missing or its loss is zero, because zero leaves no scale.
std::vector<std::optional<double>> halfSizeLosses(const CandidateTable& table,
                                                  std::vector<std::string>* problems)
{
    std::vector<std::optional<double>> losses(table.tasks.size());
    for (std::size_t b = 0; b < table.tasks.size(); ++b) {
        const int half = halfSizeNetworkFor(table, static_cast<int>(b));
        const std::string& task = table.tasks[b];
        if (half < 0) {
            problems->push_back("No half-size network for task '" + task +
                                "': it needs a network that solves only '" + task +
                                "' and costs less than the full single-task network.");
        } else if (table.networks[half].losses[b] == 0.0) {
            problems->push_back("The half-size network '" + table.networks[half].name +
                                "' has loss 0 on task '" + task +
                                "', so relative changes on it are undefined.");
        } else {
            losses[b] = table.networks[half].losses[b];
        }
    }
    return losses;
}

} // namespace

int fullNetworkFor(const CandidateTable& table, const std::vector<int>& tasks)
{
    int found = -1;
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        const Network& network = table.networks[n];
        if (!solvesExactly(network, tasks))
            continue;
        if (found < 0 || network.cost > table.networks[found].cost)
            found = static_cast<int>(n);
    }
    return found;
}

int halfSizeNetworkFor(const CandidateTable& table, int task)
{
    const int full = fullNetworkFor(table, {task});
    if (full < 0)
        return -1;
    int found = -1;
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        const Network& network = table.networks[n];
        if (network.cost >= table.networks[full].cost || !solvesExactly(network, {task}))
            continue;
        if (found < 0 || network.cost < table.networks[found].cost)
            found = static_cast<int>(n);
    }
    return found;
}

AffinityMatrices computeAffinity(const CandidateTable& table)
{
    const std::size_t k = table.tasks.size();
    AffinityMatrices result;
    result.tasks = table.tasks;
    result.relative.assign(k, std::vector<std::optional<double>>(k));
    result.affinity.assign(k, std::vector<std::optional<double>>(k));
    const std::vector<std::optional<double>> half = halfSizeLosses(table, &result.problems);

    for (std::size_t a = 0; a < k; ++a) {
        for (std::size_t b = a + 1; b < k; ++b) {
            const int pair = fullNetworkFor(table, {static_cast<int>(a), static_cast<int>(b)});
            if (pair < 0) {
                result.problems.push_back("No pair network for tasks '" + table.tasks[a] +
                                          "' and '" + table.tasks[b] +
                                          "': it needs a network that solves exactly these two.");
                continue;
            }
            const Network& network = table.networks[pair];
            if (half[b])
                result.relative[a][b] = 100.0 * (*half[b] - network.losses[b]) / *half[b];
            if (half[a])
                result.relative[b][a] = 100.0 * (*half[a] - network.losses[a]) / *half[a];
            if (result.relative[a][b] && result.relative[b][a]) {
                const double mean = (*result.relative[a][b] + *result.relative[b][a]) / 2.0;
                result.affinity[a][b] = mean;
                result.affinity[b][a] = mean;
            }
        }
    }

    for (std::size_t a = 0; a < k; ++a) {
        std::vector<std::optional<double>> column;
        for (std::size_t b = 0; b < k; ++b)
            column.push_back(result.relative[b][a]);
        result.rowMean.push_back(meanOf(result.relative[a]));
        result.columnMean.push_back(meanOf(column));
    }
    return result;
}

} // namespace tg
