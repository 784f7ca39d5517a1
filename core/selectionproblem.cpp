#include "core/selectionproblem.h"

#include <algorithm>
#include <numeric>

namespace tg::detail {

SelectionProblem prepareProblem(const CandidateTable& table, const Objective& objective)
{
    SelectionProblem problem;
    const int k = static_cast<int>(table.tasks.size());
    problem.taskCount = k;

    std::vector<int> byName(table.networks.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(),
              [&](int a, int b) { return table.networks[a].name < table.networks[b].name; });
    std::vector<int> rankOf(table.networks.size());
    for (std::size_t r = 0; r < byName.size(); ++r)
        rankOf[byName[r]] = static_cast<int>(r);

    std::vector<double> row(k);
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        const Network& network = table.networks[n];
        std::uint64_t served = 0;
        for (int t = 0; t < k; ++t) {
            const double loss = network.losses[t];
            if (loss == kNotSolved || loss > objective.limit(t)) {
                row[t] = kInfinity;
                continue;
            }
            row[t] = objective.weight(t) * loss;
            served |= std::uint64_t(1) << t;
        }
        if (served == 0)
            continue;
        problem.tableIndex.push_back(static_cast<int>(n));
        problem.costs.push_back(network.cost);
        problem.weightedLosses.insert(problem.weightedLosses.end(), row.begin(), row.end());
        problem.servedTasks.push_back(served);
        problem.nameRank.push_back(rankOf[n]);
    }
    return problem;
}

double sumInTaskOrder(const double* values, int taskCount)
{
    double sum = 0.0;
    for (int t = 0; t < taskCount; ++t)
        sum += values[t];
    return sum;
}

bool isBetterSolution(double score, Cost cost, const std::vector<int>& sortedRanks,
                      double otherScore, Cost otherCost, const std::vector<int>& otherSortedRanks)
{
    if (score != otherScore)
        return score < otherScore;
    if (cost != otherCost)
        return cost < otherCost;
    if (sortedRanks.size() != otherSortedRanks.size())
        return sortedRanks.size() < otherSortedRanks.size();
    return sortedRanks < otherSortedRanks;
}

namespace {

// Depth-first search for the cheapest cover: branch on the uncovered task
// with the fewest networks, trying networks by their cost per newly covered
// task so that a cheap cover is found early.
class CoverSearch
{
public:
    explicit CoverSearch(const SelectionProblem& problem) : m_problem(problem)
    {
        m_servers.resize(problem.taskCount);
        for (int n = 0; n < problem.networkCount(); ++n) {
            for (int t = 0; t < problem.taskCount; ++t) {
                if (problem.servedTasks[n] & (std::uint64_t(1) << t))
                    m_servers[t].push_back(n);
            }
        }
    }

    Cost run()
    {
        for (const auto& servers : m_servers) {
            if (servers.empty())
                return -1;
        }
        search(m_problem.allTasks(), 0);
        return m_best;
    }

private:
    // A lower bound on the cost of covering `uncovered`: each network's cost
    // spread over the uncovered tasks it serves, summed over the tasks' lowest
    // shares, and the dearest of the tasks' cheapest networks.
    double lowerBound(std::uint64_t uncovered) const
    {
        double shareSum = 0.0;
        Cost dearestCheapest = 0;
        for (int t = 0; t < m_problem.taskCount; ++t) {
            if (!(uncovered & (std::uint64_t(1) << t)))
                continue;
            double lowestShare = kInfinity;
            Cost cheapest = std::numeric_limits<Cost>::max();
            for (int n : m_servers[t]) {
                const int covered = __builtin_popcountll(m_problem.servedTasks[n] & uncovered);
                lowestShare =
                    std::min(lowestShare, static_cast<double>(m_problem.costs[n]) / covered);
                cheapest = std::min(cheapest, m_problem.costs[n]);
            }
            shareSum += lowestShare;
            dearestCheapest = std::max(dearestCheapest, cheapest);
        }
        // Half a unit of slack absorbs rounding in the fractional shares.
        return std::max(shareSum - 0.5, static_cast<double>(dearestCheapest));
    }

    void search(std::uint64_t uncovered, Cost cost)
    {
        if (uncovered == 0) {
            if (m_best < 0 || cost < m_best)
                m_best = cost;
            return;
        }
        if (m_best >= 0 && static_cast<double>(cost) + lowerBound(uncovered) >= m_best)
            return;

        int branchTask = -1;
        for (int t = 0; t < m_problem.taskCount; ++t) {
            if ((uncovered & (std::uint64_t(1) << t)) &&
                (branchTask < 0 || m_servers[t].size() < m_servers[branchTask].size()))
                branchTask = t;
        }
        std::vector<int> options = m_servers[branchTask];
        auto costPerTask = [&](int n) {
            const int covered = __builtin_popcountll(m_problem.servedTasks[n] & uncovered);
            return static_cast<double>(m_problem.costs[n]) / covered;
        };
        std::sort(options.begin(), options.end(),
                  [&](int a, int b) { return costPerTask(a) < costPerTask(b); });
        for (int n : options) {
            const Cost next = cost + m_problem.costs[n];
            if (m_best >= 0 && next >= m_best)
                continue;
            search(uncovered & ~m_problem.servedTasks[n], next);
        }
    }

    const SelectionProblem& m_problem;
    std::vector<std::vector<int>> m_servers;
    Cost m_best = -1;
};

} // namespace

Cost cheapestCoverCost(const SelectionProblem& problem)
{
    if (problem.taskCount == 0)
        return 0;
    return CoverSearch(problem).run();
}

} // namespace tg::detail
