#include "core/selectionproblem.h"

#include <algorithm>
#include <deque>

namespace tg::detail {
namespace {

constexpr Cost kNoCost = std::numeric_limits<Cost>::max();

// A candidate that survived the filter at one node.
struct Entry
{
    double gain;
    int network;
    int improvedCount;
    std::uint64_t improvedTasks;
};

// Scratch space for one depth of the search, reused by every node at that
// depth so the search allocates only when a level first grows.
struct Level
{
    std::vector<double> running; // weighted loss per task, +infinity when uncovered
    std::vector<Entry> entries;
    std::vector<int> order;
    // Row i describes the candidates order[i..]. Per task it stores the lowest
    // weighted loss that improves the running solution, the cheapest network
    // serving the task and the lowest cost share. A network's cost share is
    // its cost divided by the number of tasks it improves.
    std::vector<double> suffixLoss;
    std::vector<Cost> suffixCost;
    std::vector<double> suffixShare;
    std::vector<Cost> suffixMinNetworkCost;
};

class Search
{
public:
    Search(const SelectionProblem& problem, Cost budget, const SubsetFronts* fronts,
           SearchStats* stats, const std::atomic_bool* cancel)
        : m_problem(problem), m_budget(budget),
          m_fronts(fronts && fronts->isAvailable() ? fronts : nullptr), m_stats(stats),
          m_cancel(cancel), m_taskCount(problem.taskCount)
    {
        m_coverReference.assign(m_taskCount, 0.0);
        for (int n = 0; n < problem.networkCount(); ++n) {
            const double* row = problem.row(n);
            for (int t = 0; t < m_taskCount; ++t) {
                if (row[t] != kInfinity)
                    m_coverReference[t] = std::max(m_coverReference[t], 2.0 * row[t] + 1.0);
            }
        }
    }

    SearchOutcome run()
    {
        std::vector<int> all(m_problem.networkCount());
        for (int n = 0; n < m_problem.networkCount(); ++n)
            all[n] = n;
        Level& root = level(0);
        root.running.assign(m_taskCount, kInfinity);
        if (m_fronts)
            seedIncumbent(m_fronts->bestCoverWithin(m_budget));
        search(0, all.data(), static_cast<int>(all.size()), 0, m_problem.allTasks());

        SearchOutcome outcome;
        outcome.found = m_found;
        outcome.cancelled = m_cancelled;
        outcome.networks = m_best;
        return outcome;
    }

private:
    Level& level(int depth)
    {
        while (static_cast<int>(m_levels.size()) <= depth) {
            m_levels.emplace_back();
            m_levels.back().running.resize(m_taskCount);
        }
        return m_levels[depth];
    }

    void search(int depth, const int* candidates, int count, Cost cost, std::uint64_t uncovered);
    void offerRunning(const double* running, Cost cost);
    void seedIncumbent(const std::vector<int>& networks);
    int filterCandidates(Level& node, const int* candidates, int count, Cost remaining);
    void buildSuffixes(Level& node, int size);
    bool subsetBoundCanWin(const double* running, std::uint64_t uncovered, Cost cost);
    bool suffixCanWin(const Level& node, int i, Cost cost, std::uint64_t uncovered, Cost remaining);

    const SelectionProblem& m_problem;
    const Cost m_budget;
    const SubsetFronts* m_fronts;
    SearchStats* m_stats;
    const std::atomic_bool* m_cancel;
    const int m_taskCount;
    std::vector<double> m_coverReference;
    std::deque<Level> m_levels;
    std::vector<double> m_keptScores;

    std::vector<int> m_chosen;
    std::vector<int> m_chosenRanks;
    bool m_found = false;
    bool m_cancelled = false;
    double m_bestScore = kInfinity;
    Cost m_bestCost = kNoCost;
    std::vector<int> m_best;
    std::vector<int> m_bestRanks;
};

void Search::search(int depth, const int* candidates, int count, Cost cost, std::uint64_t uncovered)
{
    if (m_stats)
        ++m_stats->nodes;
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_cancelled = true;
        return;
    }

    Level& node = level(depth);
    if (uncovered == 0)
        offerRunning(node.running.data(), cost);

    if (!subsetBoundCanWin(node.running.data(), uncovered, cost))
        return;
    const Cost remaining = m_budget - cost;
    const int size = filterCandidates(node, candidates, count, remaining);
    if (size == 0)
        return;
    buildSuffixes(node, size);

    const int k = m_taskCount;
    for (int i = 0; i < size; ++i) {
        // The suffix bounds only grow with i, so the first failure ends the
        // loop for every later sibling too.
        if (!suffixCanWin(node, i, cost, uncovered, remaining))
            break;
        const int network = node.order[i];
        Level& child = level(depth + 1);
        const double* row = m_problem.row(network);
        for (int t = 0; t < k; ++t)
            child.running[t] = std::min(node.running[t], row[t]);

        m_chosen.push_back(network);
        search(depth + 1, node.order.data() + i + 1, size - i - 1, cost + m_problem.costs[network],
               uncovered & ~m_problem.servedTasks[network]);
        m_chosen.pop_back();
        if (m_cancelled)
            return;
    }
}

void Search::offerRunning(const double* running, Cost cost)
{
    const double score = sumInTaskOrder(running, m_taskCount);
    if (m_found && score > m_bestScore)
        return;
    if (m_found && score == m_bestScore && cost > m_bestCost)
        return;

    m_chosenRanks.clear();
    for (int network : m_chosen)
        m_chosenRanks.push_back(m_problem.nameRank[network]);
    std::sort(m_chosenRanks.begin(), m_chosenRanks.end());
    if (m_found &&
        !isBetterSolution(score, cost, m_chosenRanks, m_bestScore, m_bestCost, m_bestRanks))
        return;

    m_found = true;
    m_bestScore = score;
    m_bestCost = cost;
    m_best = m_chosen;
    m_bestRanks = m_chosenRanks;
}

// Starts from the subset fronts' best cover, which is optimal up to rounding
// and tie-breaks, so the bounds prune from the first node on.
void Search::seedIncumbent(const std::vector<int>& networks)
{
    if (networks.empty())
        return;
    std::vector<double> running(m_taskCount, kInfinity);
    Cost cost = 0;
    for (int network : networks) {
        const double* row = m_problem.row(network);
        for (int t = 0; t < m_taskCount; ++t)
            running[t] = std::min(running[t], row[t]);
        cost += m_problem.costs[network];
    }
    m_chosen = networks;
    offerRunning(running.data(), cost);
    m_chosen.clear();
}

// The subset-front bound ignores which networks this node may still add, so
// it is weaker than an exact solution of the node but far stronger than the
// per-task bound when the budget binds. It is summed in a different order
// than scores, so it compares with a relative margin of 1e-9.
bool Search::subsetBoundCanWin(const double* running, std::uint64_t uncovered, Cost cost)
{
    if (!m_fronts)
        return true;
    const Cost remaining = m_budget - cost;
    const double bound = m_fronts->lowerBound(running, uncovered, remaining, m_keptScores);
    bool canWin = bound != kInfinity;
    if (canWin && m_found) {
        const double margin = 1e-9 * std::max(1.0, m_bestScore);
        canWin = bound <= m_bestScore + margin;
        // When no extension can be clearly better, only ties remain, and a
        // tie must not cost more than the incumbent. Without this, a loose
        // budget leaves every node with a bound equal to the optimum.
        // NOTE: a solution better than the incumbent by less than the margin
        // is treated as a tie here.
        const Cost tieBudget = m_bestCost - cost;
        if (canWin && bound >= m_bestScore - margin && tieBudget < remaining) {
            canWin = tieBudget >= 0 && m_fronts->lowerBound(running, uncovered, tieBudget,
                                                            m_keptScores) <= m_bestScore + margin;
        }
    }
    if (!canWin && m_stats)
        ++m_stats->prunedByBound;
    return canWin;
}

// Keeps the candidates that fit the remaining budget and lower the running
// loss on at least one task, sorted by how much they lower it.
int Search::filterCandidates(Level& node, const int* candidates, int count, Cost remaining)
{
    const int k = m_taskCount;
    const double* running = node.running.data();
    node.entries.clear();
    for (int c = 0; c < count; ++c) {
        const int network = candidates[c];
        if (m_problem.costs[network] > remaining)
            continue;
        const double* row = m_problem.row(network);
        double gain = 0.0;
        std::uint64_t improved = 0;
        int improvedCount = 0;
        for (int t = 0; t < k; ++t) {
            if (row[t] < running[t]) {
                const double reference = running[t] == kInfinity ? m_coverReference[t] : running[t];
                gain += reference - row[t];
                improved |= std::uint64_t(1) << t;
                ++improvedCount;
            }
        }
        if (improved != 0)
            node.entries.push_back({gain, network, improvedCount, improved});
    }

    std::sort(node.entries.begin(), node.entries.end(), [](const Entry& a, const Entry& b) {
        if (a.gain != b.gain)
            return a.gain > b.gain;
        return a.network < b.network;
    });
    node.order.resize(node.entries.size());
    for (std::size_t i = 0; i < node.entries.size(); ++i)
        node.order[i] = node.entries[i].network;
    return static_cast<int>(node.entries.size());
}

void Search::buildSuffixes(Level& node, int size)
{
    const int k = m_taskCount;
    const std::size_t cells = static_cast<std::size_t>(size + 1) * k;
    node.suffixLoss.resize(cells);
    node.suffixCost.resize(cells);
    node.suffixShare.resize(cells);
    node.suffixMinNetworkCost.resize(size + 1);

    double* lossEnd = node.suffixLoss.data() + static_cast<std::size_t>(size) * k;
    Cost* costEnd = node.suffixCost.data() + static_cast<std::size_t>(size) * k;
    double* shareEnd = node.suffixShare.data() + static_cast<std::size_t>(size) * k;
    std::fill(lossEnd, lossEnd + k, kInfinity);
    std::fill(costEnd, costEnd + k, kNoCost);
    std::fill(shareEnd, shareEnd + k, kInfinity);
    node.suffixMinNetworkCost[size] = kNoCost;

    for (int i = size - 1; i >= 0; --i) {
        const Entry& entry = node.entries[i];
        const Cost networkCost = m_problem.costs[entry.network];
        const double share = static_cast<double>(networkCost) / entry.improvedCount;
        const double* row = m_problem.row(entry.network);
        const std::size_t at = static_cast<std::size_t>(i) * k;
        double* loss = node.suffixLoss.data() + at;
        Cost* cost = node.suffixCost.data() + at;
        double* shares = node.suffixShare.data() + at;
        for (int t = 0; t < k; ++t) {
            loss[t] = loss[t + k];
            cost[t] = cost[t + k];
            shares[t] = shares[t + k];
            if (entry.improvedTasks & (std::uint64_t(1) << t)) {
                loss[t] = std::min(loss[t], row[t]);
                cost[t] = std::min(cost[t], networkCost);
                shares[t] = std::min(shares[t], share);
            }
        }
        node.suffixMinNetworkCost[i] = std::min(node.suffixMinNetworkCost[i + 1], networkCost);
    }
}

// Whether a subset of order[i..] added to the running solution could still
// beat the incumbent within the remaining budget.
bool Search::suffixCanWin(const Level& node, int i, Cost cost, std::uint64_t uncovered,
                          Cost remaining)
{
    const int k = m_taskCount;
    const std::size_t at = static_cast<std::size_t>(i) * k;
    const double* loss = node.suffixLoss.data() + at;
    const Cost* cheapest = node.suffixCost.data() + at;
    const double* shares = node.suffixShare.data() + at;

    // Cover: every uncovered task needs a network, so the dearest of the
    // cheapest networks per task must fit. Each network's cost is shared among
    // the tasks it improves, so the sum of the lowest shares of the uncovered
    // tasks must fit too. Shares are fractions, so they are only trusted half
    // a cost unit past the budget.
    double shareSum = 0.0;
    for (int t = 0; t < k; ++t) {
        if (!(uncovered & (std::uint64_t(1) << t)))
            continue;
        if (cheapest[t] > remaining) {
            if (m_stats)
                ++m_stats->prunedByCover;
            return false;
        }
        shareSum += shares[t];
    }
    if (shareSum > static_cast<double>(remaining) + 0.5) {
        if (m_stats)
            ++m_stats->prunedByCover;
        return false;
    }

    if (!m_found)
        return true;
    double bounds[kMaxSearchTasks];
    for (int t = 0; t < k; ++t)
        bounds[t] = std::min(node.running[t], loss[t]);
    const double bound = sumInTaskOrder(bounds, k);
    // Floating-point sums are monotone, so `bound` never exceeds the score
    // of any reachable solution and an equal score still has to be explored
    // for the cost and name tie-breaks.
    bool canWin = bound < m_bestScore;
    if (bound == m_bestScore) {
        const Cost childCost = cost + node.suffixMinNetworkCost[i];
        const int childCount = static_cast<int>(m_chosen.size()) + 1;
        canWin = childCost < m_bestCost ||
                 (childCost == m_bestCost && childCount <= static_cast<int>(m_best.size()));
    }
    if (!canWin && m_stats)
        ++m_stats->prunedByBound;
    return canWin;
}

} // namespace

SearchOutcome branchAndBound(const SelectionProblem& problem, Cost budget,
                             const SubsetFronts* fronts, SearchStats* stats,
                             const std::atomic_bool* cancel)
{
    if (budget < 0)
        return {};
    return Search(problem, budget, fronts, stats, cancel).run();
}

} // namespace tg::detail
