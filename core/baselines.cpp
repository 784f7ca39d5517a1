#include "core/baselines.h"

#include "core/affinity.h"
#include "core/groupingsearch.h"

#include <algorithm>

namespace tg {

namespace {

Solution infeasible(Cost budget, Cost minCost)
{
    Solution solution;
    solution.feasible = false;
    solution.budget = budget;
    solution.minCost = minCost;
    return solution;
}

Solution evaluated(const CandidateTable& table, std::vector<int> networks, Cost budget)
{
    Solution solution = evaluateNetworkSet(table, std::move(networks));
    solution.budget = budget;
    return solution;
}

bool solvesAll(const Network& network)
{
    for (std::size_t t = 0; t < network.losses.size(); ++t) {
        if (!network.solves(t))
            return false;
    }
    return true;
}

double totalLoss(const Network& network)
{
    double sum = 0.0;
    for (double loss : network.losses)
        sum += loss;
    return sum;
}

Solution allInOneBaseline(const CandidateTable& table, Cost budget)
{
    int best = -1;
    Cost cheapest = -1;
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        const Network& network = table.networks[n];
        if (!solvesAll(network))
            continue;
        if (cheapest < 0 || network.cost < cheapest)
            cheapest = network.cost;
        if (network.cost <= budget &&
            (best < 0 || totalLoss(network) < totalLoss(table.networks[best])))
            best = static_cast<int>(n);
    }
    if (best < 0)
        return infeasible(budget, cheapest);
    return evaluated(table, {best}, budget);
}

Solution independentBaseline(const CandidateTable& table, Cost budget)
{
    std::vector<int> networks;
    Cost cost = 0;
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        const int network = fullNetworkFor(table, {static_cast<int>(t)});
        if (network < 0)
            return infeasible(budget, -1);
        networks.push_back(network);
        cost += table.networks[network].cost;
    }
    if (cost > budget)
        return infeasible(budget, cost);
    std::sort(networks.begin(), networks.end());
    return evaluated(table, networks, budget);
}

} // namespace

BaselineSet computeBaselines(const CandidateTable& table, Cost budget,
                             const BaselineOptions& options)
{
    BaselineSet set;
    set.allInOne = allInOneBaseline(table, budget);
    set.independent = independentBaseline(table, budget);

    const RandomGroupingStats random = sampleRandomGroupings(
        table, budget, options.randomSamples, options.seed, options.enumerationLimit);
    set.randomMeanTotalLoss = random.meanTotalLoss;
    set.randomValidCount = random.validCount;
    set.validGroupingCount = random.enumeratedCount;

    const PessimalCover pessimal = findPessimalCover(table, budget, options.pessimalNodeLimit);
    set.pessimalExact = pessimal.exact;
    if (pessimal.found) {
        set.pessimal = evaluated(table, pessimal.networks, budget);
    } else {
        // No cover was reached. Either none fits, and the selection reports
        // the cheapest cover's cost, or the node limit struck first, and the
        // optimal cover is returned as the only cover known.
        Solution cheapest = selectNetworks(table, budget);
        cheapest.budget = budget;
        set.pessimal = cheapest;
    }
    return set;
}

} // namespace tg
