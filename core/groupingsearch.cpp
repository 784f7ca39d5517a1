#include "core/groupingsearch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace tg {

namespace {

using Mask = std::uint64_t;

Mask solvedMask(const Network& network)
{
    Mask mask = 0;
    for (std::size_t t = 0; t < network.losses.size(); ++t) {
        if (network.solves(t))
            mask |= Mask{1} << t;
    }
    return mask;
}

int lowestTask(Mask mask)
{
    int t = 0;
    while ((mask & (Mask{1} << t)) == 0)
        ++t;
    return t;
}

// Networks grouped by the exact task set they solve.
class GroupIndex
{
public:
    explicit GroupIndex(const CandidateTable& table) : m_table(table)
    {
        m_byLowest.resize(table.tasks.size());
        for (std::size_t n = 0; n < table.networks.size(); ++n) {
            const Mask mask = solvedMask(table.networks[n]);
            std::vector<int>& networks = m_exact[mask];
            if (networks.empty())
                m_byLowest[lowestTask(mask)].push_back(mask);
            networks.push_back(static_cast<int>(n));
        }
    }

    const std::vector<Mask>& groupsStartingAt(int task) const { return m_byLowest[task]; }

    const std::vector<int>* networksFor(Mask group) const
    {
        const auto found = m_exact.find(group);
        return found == m_exact.end() ? nullptr : &found->second;
    }

    // Sum of the losses of the network on the tasks of its own group.
    double groupLoss(int network) const
    {
        double sum = 0.0;
        for (double loss : m_table.networks[network].losses) {
            if (loss != kNotSolved)
                sum += loss;
        }
        return sum;
    }

    const CandidateTable& table() const { return m_table; }

private:
    const CandidateTable& m_table;
    std::map<Mask, std::vector<int>> m_exact;
    std::vector<std::vector<Mask>> m_byLowest;
};

// Enumerates every valid grouping once: the lowest unassigned task opens a
// group, which is one of the exact task sets of the table, served by one of
// its networks. Stops once more than `limit` groupings are found or after
// 20 * `limit` search nodes, which bounds the time on large tables.
class GroupingEnumerator
{
public:
    GroupingEnumerator(const GroupIndex& index, Cost budget, std::int64_t limit)
        : m_index(index), m_budget(budget), m_limit(limit)
    {}

    // Returns false when the limit was exceeded.
    bool run(std::vector<double>* totals)
    {
        m_totals = totals;
        const Mask all = (Mask{1} << m_index.table().tasks.size()) - 1;
        visit(all, 0, 0.0);
        return !m_overflow;
    }

private:
    void visit(Mask unassigned, Cost cost, double loss)
    {
        if (m_overflow)
            return;
        if (++m_nodes > 20 * m_limit) {
            m_overflow = true;
            return;
        }
        if (unassigned == 0) {
            if (static_cast<std::int64_t>(m_totals->size()) >= m_limit)
                m_overflow = true;
            else
                m_totals->push_back(loss);
            return;
        }
        for (Mask group : m_index.groupsStartingAt(lowestTask(unassigned))) {
            if ((group & ~unassigned) != 0)
                continue;
            for (int network : *m_index.networksFor(group)) {
                const Cost total = cost + m_index.table().networks[network].cost;
                if (total <= m_budget)
                    visit(unassigned & ~group, total, loss + m_index.groupLoss(network));
            }
        }
    }

    const GroupIndex& m_index;
    Cost m_budget;
    std::int64_t m_limit;
    std::vector<double>* m_totals = nullptr;
    std::int64_t m_nodes = 0;
    bool m_overflow = false;
};

// One rejection-sampling draw: a uniform label per task, then a uniform
// network per group. Returns NaN when the draw is not a valid grouping.
double drawGrouping(const GroupIndex& index, Cost budget, std::mt19937_64& random)
{
    const std::size_t k = index.table().tasks.size();
    std::vector<Mask> groups(k, 0);
    std::uniform_int_distribution<std::size_t> label(0, k - 1);
    for (std::size_t t = 0; t < k; ++t)
        groups[label(random)] |= Mask{1} << t;

    Cost cost = 0;
    double loss = 0.0;
    bool valid = true;
    for (Mask group : groups) {
        if (group == 0)
            continue;
        const std::vector<int>* networks = index.networksFor(group);
        if (networks == nullptr) {
            valid = false;
            continue; // keep drawing so every draw uses the same amount of randomness
        }
        std::uniform_int_distribution<std::size_t> pick(0, networks->size() - 1);
        const int network = (*networks)[pick(random)];
        cost += index.table().networks[network].cost;
        loss += index.groupLoss(network);
    }
    return valid && cost <= budget ? loss : std::numeric_limits<double>::quiet_NaN();
}

double meanOf(const std::vector<double>& values)
{
    double sum = 0.0;
    for (double value : values)
        sum += value;
    return values.empty() ? std::numeric_limits<double>::quiet_NaN()
                          : sum / static_cast<double>(values.size());
}

} // namespace

RandomGroupingStats sampleRandomGroupings(const CandidateTable& table, Cost budget, int samples,
                                          std::uint64_t seed, std::int64_t enumerationLimit)
{
    RandomGroupingStats stats;
    stats.meanTotalLoss = std::numeric_limits<double>::quiet_NaN();
    if (samples <= 0 || table.tasks.empty() || table.tasks.size() > kMaxMaskTasks)
        return stats;

    const GroupIndex index(table);
    std::mt19937_64 random(seed);
    std::vector<double> drawn;
    std::vector<double> all;
    if (GroupingEnumerator(index, budget, enumerationLimit).run(&all)) {
        stats.enumeratedCount = static_cast<std::int64_t>(all.size());
        if (all.empty())
            return stats;
        std::uniform_int_distribution<std::size_t> pick(0, all.size() - 1);
        for (int i = 0; i < samples; ++i)
            drawn.push_back(all[pick(random)]);
    } else {
        const std::int64_t maxTries = std::int64_t{100} * samples;
        for (std::int64_t i = 0; i < maxTries && static_cast<int>(drawn.size()) < samples; ++i) {
            const double loss = drawGrouping(index, budget, random);
            if (!std::isnan(loss))
                drawn.push_back(loss);
        }
    }
    stats.validCount = static_cast<int>(drawn.size());
    stats.meanTotalLoss = meanOf(drawn);
    return stats;
}

namespace {

// Depth-first search over covers: the lowest uncovered task must be served by
// one of the networks that solve it, and after a branch has tried a network,
// its siblings exclude it, so every cover is visited at most once. Only
// networks that cover a new task are added, which reaches every minimal cover.
class PessimalSearch
{
public:
    PessimalSearch(const CandidateTable& table, Cost budget, std::int64_t nodeLimit)
        : m_table(table), m_budget(budget), m_nodeLimit(nodeLimit),
          m_excluded(table.networks.size(), 0), m_served(table.tasks.size(), kNotSolved),
          m_maxLoss(table.tasks.size(), 0.0), m_byTask(table.tasks.size())
    {
        for (std::size_t n = 0; n < table.networks.size(); ++n) {
            const Network& network = table.networks[n];
            for (std::size_t t = 0; t < network.losses.size(); ++t) {
                if (!network.solves(t))
                    continue;
                m_maxLoss[t] = std::max(m_maxLoss[t], network.losses[t]);
                m_byTask[t].push_back(static_cast<int>(n));
            }
        }
        // Highest loss first, so that a bad cover is found early and the
        // bound prunes more.
        for (std::size_t t = 0; t < m_byTask.size(); ++t) {
            std::stable_sort(m_byTask[t].begin(), m_byTask[t].end(), [&](int a, int b) {
                return table.networks[a].losses[t] > table.networks[b].losses[t];
            });
        }
    }

    PessimalCover run()
    {
        visit(0);
        m_result.exact = !m_stopped;
        std::sort(m_result.networks.begin(), m_result.networks.end());
        return m_result;
    }

private:
    // An upper bound on the total loss of any cover that extends the chosen
    // set: adding networks never raises a served loss.
    double upperBound() const
    {
        double bound = 0.0;
        for (std::size_t t = 0; t < m_served.size(); ++t)
            bound += m_served[t] == kNotSolved ? m_maxLoss[t] : m_served[t];
        return bound;
    }

    void visit(Cost cost)
    {
        if (++m_nodes > m_nodeLimit)
            m_stopped = true;
        if (m_stopped || (m_result.found && upperBound() <= m_bestLoss))
            return;
        const auto uncovered =
            std::find(m_served.begin(), m_served.end(), kNotSolved) - m_served.begin();
        if (uncovered == static_cast<std::ptrdiff_t>(m_served.size())) {
            record();
            return;
        }
        std::vector<int> tried;
        for (int n : candidatesFor(static_cast<std::size_t>(uncovered), cost)) {
            const std::vector<double> saved = m_served;
            add(n);
            m_chosen.push_back(n);
            visit(cost + m_table.networks[n].cost);
            m_chosen.pop_back();
            m_served = saved;
            m_excluded[n] = 1;
            tried.push_back(n);
        }
        for (int n : tried)
            m_excluded[n] = 0;
    }

    // Networks that solve `task`, are not excluded and fit the budget.
    std::vector<int> candidatesFor(std::size_t task, Cost cost) const
    {
        std::vector<int> candidates;
        for (int n : m_byTask[task]) {
            if (!m_excluded[n] && cost + m_table.networks[n].cost <= m_budget)
                candidates.push_back(n);
        }
        return candidates;
    }

    void add(int network)
    {
        const std::vector<double>& losses = m_table.networks[network].losses;
        for (std::size_t t = 0; t < losses.size(); ++t)
            m_served[t] = std::min(m_served[t], losses[t]);
    }

    void record()
    {
        double total = 0.0;
        for (double loss : m_served)
            total += loss;
        if (!m_result.found || total > m_bestLoss) {
            m_result.found = true;
            m_result.networks = m_chosen;
            m_bestLoss = total;
        }
    }

    const CandidateTable& m_table;
    Cost m_budget;
    std::int64_t m_nodeLimit;
    std::vector<char> m_excluded;
    std::vector<double> m_served;
    std::vector<double> m_maxLoss;
    std::vector<std::vector<int>> m_byTask;
    std::vector<int> m_chosen;
    std::int64_t m_nodes = 0;
    bool m_stopped = false;
    double m_bestLoss = 0.0;
    PessimalCover m_result;
};

} // namespace

PessimalCover findPessimalCover(const CandidateTable& table, Cost budget, std::int64_t nodeLimit)
{
    return PessimalSearch(table, budget, nodeLimit).run();
}

} // namespace tg
