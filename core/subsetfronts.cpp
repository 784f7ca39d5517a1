#include "core/selectionproblem.h"

#include <algorithm>

namespace tg::detail {
namespace {

// Subset tables grow as 2^k and the pair enumeration as 3^k.
constexpr int kMaxSubsetTasks = 14;
constexpr double kMaxSingleNetworkSubsets = 2e7;
// Fronts grow with the number of distinct costs; past this many combined
// points the tables are dropped and the search uses its per-task bounds.
constexpr std::int64_t kMaxCombinedPoints = 50'000'000;

using Point = SubsetFronts::Point;

// Adds a point to a front kept sorted by increasing cost and strictly
// decreasing score, dropping the points it dominates.
void insertPoint(std::vector<Point>& front, Point point)
{
    auto at = std::lower_bound(front.begin(), front.end(), point.cost,
                               [](const Point& p, Cost cost) { return p.cost < cost; });
    // A point at equal or lower cost with a score at least as good dominates.
    if (at != front.end() && at->cost == point.cost) {
        if (at->score <= point.score)
            return;
    } else if (at != front.begin() && (at - 1)->score <= point.score) {
        return;
    }
    // Scores fall as costs rise, so the dominated points follow `at`.
    auto end = at;
    while (end != front.end() && end->score >= point.score)
        ++end;
    at = front.erase(at, end);
    front.insert(at, point);
}

} // namespace

SubsetFronts::SubsetFronts(const SelectionProblem& problem, Cost maxBudget)
    : m_taskCount(problem.taskCount)
{
    const int k = problem.taskCount;
    if (k == 0 || k > kMaxSubsetTasks)
        return;
    double singleSubsets = 0.0;
    for (std::uint64_t served : problem.servedTasks)
        singleSubsets += static_cast<double>(std::uint64_t(1) << __builtin_popcountll(served));
    if (singleSubsets > kMaxSingleNetworkSubsets)
        return;

    // Fronts of one network serving exactly the group A.
    const std::size_t subsetCount = std::size_t(1) << k;
    std::vector<std::vector<Point>> single(subsetCount);
    std::vector<double> groupScore(subsetCount);
    for (int n = 0; n < problem.networkCount(); ++n) {
        const Cost cost = problem.costs[n];
        if (cost > maxBudget)
            continue;
        const double* row = problem.row(n);
        const std::uint64_t served = problem.servedTasks[n];
        groupScore[0] = 0.0;
        // Submasks in increasing order, so A without its lowest task is done.
        for (std::uint64_t group = served & (~served + 1); group != 0;
             group = (group - served) & served) {
            const std::uint64_t lowest = group & (~group + 1);
            groupScore[group] = groupScore[group & ~lowest] + row[__builtin_ctzll(lowest)];
            insertPoint(single[group], {cost, groupScore[group], n, -1, group});
        }
    }

    // Fronts of any partition of U: the group holding U's lowest task, plus
    // the best partition of the rest.
    m_fronts.assign(subsetCount, {});
    m_fronts[0].push_back({0, 0.0, -1, -1, 0});
    std::int64_t combined = 0;
    for (std::uint64_t tasks = 1; tasks < subsetCount; ++tasks) {
        const std::uint64_t lowest = tasks & (~tasks + 1);
        const std::uint64_t others = tasks & ~lowest;
        std::vector<Point>& front = m_fronts[tasks];
        // Each group is `lowest` plus a submask of the other tasks.
        std::uint64_t extra = 0;
        while (true) {
            const std::uint64_t group = lowest | extra;
            const std::vector<Point>& rest = m_fronts[tasks & ~group];
            for (const Point& a : single[group]) {
                for (std::size_t r = 0; r < rest.size(); ++r) {
                    const Point& b = rest[r];
                    if (a.cost + b.cost > maxBudget)
                        break;
                    insertPoint(front, {a.cost + b.cost, a.score + b.score, a.network,
                                        static_cast<int>(r), group});
                }
                combined += static_cast<std::int64_t>(rest.size());
            }
            if (combined > kMaxCombinedPoints) {
                m_fronts.clear();
                return;
            }
            if (extra == others)
                break;
            extra = (extra - others) & others;
        }
    }
}

double SubsetFronts::bestScoreWithin(std::uint64_t tasks, Cost budget) const
{
    const std::vector<Point>& front = m_fronts[tasks];
    auto after = std::upper_bound(front.begin(), front.end(), budget,
                                  [](Cost b, const Point& p) { return b < p.cost; });
    return after == front.begin() ? kInfinity : (after - 1)->score;
}

std::vector<int> SubsetFronts::bestCoverWithin(Cost budget) const
{
    std::vector<int> networks;
    std::uint64_t tasks = (std::uint64_t(1) << m_taskCount) - 1;
    const std::vector<Point>& front = m_fronts[tasks];
    auto after = std::upper_bound(front.begin(), front.end(), budget,
                                  [](Cost b, const Point& p) { return b < p.cost; });
    if (after == front.begin())
        return networks;
    const Point* point = &*(after - 1);
    while (tasks != 0) {
        networks.push_back(point->network);
        tasks &= ~point->group;
        point = &m_fronts[tasks][point->restIndex];
    }
    std::sort(networks.begin(), networks.end());
    networks.erase(std::unique(networks.begin(), networks.end()), networks.end());
    return networks;
}

double SubsetFronts::lowerBound(const double* running, std::uint64_t uncovered, Cost budget,
                                std::vector<double>& scratch) const
{
    if (budget < 0)
        return kInfinity;
    const std::uint64_t all = (std::uint64_t(1) << m_taskCount) - 1;
    const std::uint64_t covered = all & ~uncovered;
    scratch.resize(std::size_t(1) << m_taskCount);

    // Each extension improves some set U of tasks (containing every uncovered
    // one) and keeps the running loss on the others, `kept`.
    double best = bestScoreWithin(all, budget);
    scratch[0] = 0.0;
    for (std::uint64_t kept = covered & (~covered + 1); kept != 0;
         kept = (kept - covered) & covered) {
        const std::uint64_t lowest = kept & (~kept + 1);
        scratch[kept] = scratch[kept & ~lowest] + running[__builtin_ctzll(lowest)];
        if (scratch[kept] >= best)
            continue;
        best = std::min(best, scratch[kept] + bestScoreWithin(all & ~kept, budget));
    }
    return best;
}

} // namespace tg::detail
