#include "core/selection.h"

#include "core/selectionproblem.h"

#include <QLoggingCategory>
#include <algorithm>
#include <cmath>
#include <optional>

Q_LOGGING_CATEGORY(lcSelection, "taskgrouper.selection")

namespace tg {

using detail::kInfinity;

double Objective::weight(std::size_t task) const
{
    return weights.empty() ? 1.0 : weights.at(task);
}

double Objective::limit(std::size_t task) const
{
    return limits.empty() ? kInfinity : limits.at(task);
}

Solution evaluateNetworkSet(const CandidateTable& table, std::vector<int> networks,
                            const Objective& objective)
{
    std::sort(networks.begin(), networks.end());
    networks.erase(std::unique(networks.begin(), networks.end()), networks.end());

    Solution solution;
    solution.networks = networks;
    solution.feasible = true;
    for (int n : networks) {
        if (n < 0 || n >= static_cast<int>(table.networks.size())) {
            solution.feasible = false;
            return solution;
        }
        solution.cost += table.networks[n].cost;
    }

    const std::size_t k = table.tasks.size();
    solution.assignment.assign(k, -1);
    std::vector<double> weighted(k, kInfinity);
    for (std::size_t t = 0; t < k; ++t) {
        double best = kInfinity;
        for (int n : networks) {
            // Strictly lower, so ties go to the lower index.
            if (table.networks[n].losses[t] < best) {
                best = table.networks[n].losses[t];
                solution.assignment[t] = n;
            }
        }
        if (best == kInfinity || best > objective.limit(t))
            solution.feasible = false;
        solution.totalLoss += best;
        weighted[t] = objective.weight(t) * best;
    }
    solution.score = detail::sumInTaskOrder(weighted.data(), static_cast<int>(k));
    return solution;
}

Solution evaluateOnTable(const Solution& solution, const CandidateTable& selectedOn,
                         const CandidateTable& other, const Objective& objective)
{
    std::vector<int> networks;
    for (int n : solution.networks)
        networks.push_back(other.networkIndex(selectedOn.networks.at(n).name));

    // Weights and limits are indexed by the first table's task order.
    Objective remapped;
    if (!objective.weights.empty())
        remapped.weights.assign(other.tasks.size(), 1.0);
    if (!objective.limits.empty())
        remapped.limits.assign(other.tasks.size(), kInfinity);
    for (std::size_t t = 0; t < selectedOn.tasks.size(); ++t) {
        const int at = other.taskIndex(selectedOn.tasks[t]);
        if (at < 0)
            continue;
        if (!objective.weights.empty())
            remapped.weights[at] = objective.weight(t);
        if (!objective.limits.empty())
            remapped.limits[at] = objective.limit(t);
    }

    Solution evaluated = evaluateNetworkSet(other, networks, remapped);
    evaluated.budget = solution.budget;
    return evaluated;
}

namespace {

Solution infeasibleSolution(const detail::SelectionProblem& problem, Cost budget)
{
    Solution solution;
    solution.budget = budget;
    solution.minCost = detail::cheapestCoverCost(problem);
    return solution;
}

Solution solutionFromProblemSet(const CandidateTable& table,
                                const detail::SelectionProblem& problem,
                                const std::vector<int>& chosen, const Objective& objective,
                                Cost budget)
{
    std::vector<int> networks;
    for (int n : chosen)
        networks.push_back(problem.tableIndex[n]);
    Solution solution = evaluateNetworkSet(table, networks, objective);
    solution.budget = budget;
    return solution;
}

bool tooManyTasks(const CandidateTable& table)
{
    if (table.tasks.size() <= static_cast<std::size_t>(detail::kMaxSearchTasks))
        return false;
    qCWarning(lcSelection) << "selection supports at most" << detail::kMaxSearchTasks
                           << "tasks; the table has" << table.tasks.size();
    return true;
}

} // namespace

Solution selectNetworks(const CandidateTable& table, Cost budget, const Objective& objective,
                        SearchStats* stats, const std::atomic_bool* cancel)
{
    if (tooManyTasks(table)) {
        Solution solution;
        solution.budget = budget;
        return solution;
    }
    const detail::SelectionProblem problem = detail::prepareProblem(table, objective);
    const detail::SubsetFronts fronts(problem, budget);
    const detail::SearchOutcome outcome =
        detail::branchAndBound(problem, budget, &fronts, stats, cancel);
    if (!outcome.found)
        return infeasibleSolution(problem, budget);
    return solutionFromProblemSet(table, problem, outcome.networks, objective, budget);
}

namespace {

// Enumerates every subset of networks within the budget by including or
// excluding one network at a time; independent of the branch and bound.
class SubsetEnumerator
{
public:
    SubsetEnumerator(const CandidateTable& table, Cost budget, const Objective& objective)
        : m_table(table), m_budget(budget), m_objective(objective), m_taskCount(table.tasks.size())
    {}

    std::optional<std::vector<int>> run()
    {
        std::vector<double> lowest(m_taskCount, kInfinity);
        visit(0, 0, lowest);
        return m_found ? std::optional(m_best) : std::nullopt;
    }

private:
    void visit(std::size_t next, Cost cost, const std::vector<double>& lowest)
    {
        if (next == m_table.networks.size()) {
            if (!m_subset.empty())
                offer(cost, lowest);
            return;
        }
        visit(next + 1, cost, lowest);

        const Network& network = m_table.networks[next];
        if (cost + network.cost > m_budget)
            return;
        std::vector<double> with = lowest;
        for (std::size_t t = 0; t < m_taskCount; ++t)
            with[t] = std::min(with[t], network.losses[t]);
        m_subset.push_back(static_cast<int>(next));
        visit(next + 1, cost + network.cost, with);
        m_subset.pop_back();
    }

    void offer(Cost cost, const std::vector<double>& lowest)
    {
        std::vector<double> weighted(m_taskCount);
        for (std::size_t t = 0; t < m_taskCount; ++t) {
            if (lowest[t] == kInfinity || lowest[t] > m_objective.limit(t))
                return;
            weighted[t] = m_objective.weight(t) * lowest[t];
        }
        const double score = detail::sumInTaskOrder(weighted.data(), static_cast<int>(m_taskCount));

        std::vector<std::string> names;
        for (int n : m_subset)
            names.push_back(m_table.networks[n].name);
        std::sort(names.begin(), names.end());

        bool better = !m_found || score < m_bestScore;
        if (m_found && score == m_bestScore) {
            if (cost != m_bestCost)
                better = cost < m_bestCost;
            else if (m_subset.size() != m_best.size())
                better = m_subset.size() < m_best.size();
            else
                better = names < m_bestNames;
        }
        if (!better)
            return;
        m_found = true;
        m_bestScore = score;
        m_bestCost = cost;
        m_best = m_subset;
        m_bestNames = std::move(names);
    }

    const CandidateTable& m_table;
    const Cost m_budget;
    const Objective& m_objective;
    const std::size_t m_taskCount;
    std::vector<int> m_subset;
    bool m_found = false;
    double m_bestScore = kInfinity;
    Cost m_bestCost = 0;
    std::vector<int> m_best;
    std::vector<std::string> m_bestNames;
};

} // namespace

Solution bruteForceSelect(const CandidateTable& table, Cost budget, const Objective& objective)
{
    if (tooManyTasks(table)) {
        Solution solution;
        solution.budget = budget;
        return solution;
    }
    const std::optional<std::vector<int>> best = SubsetEnumerator(table, budget, objective).run();
    if (!best)
        return infeasibleSolution(detail::prepareProblem(table, objective), budget);
    Solution solution = evaluateNetworkSet(table, *best, objective);
    solution.budget = budget;
    return solution;
}

std::vector<Solution> paretoFront(const CandidateTable& table, const Objective& objective,
                                  const std::atomic_bool* cancel)
{
    std::vector<Solution> front;
    if (tooManyTasks(table))
        return front;
    const detail::SelectionProblem problem = detail::prepareProblem(table, objective);

    // The optimum at a budget b is also the optimum at every budget between
    // its cost and b. So solving with no effective limit, then just below the
    // cost of each answer, visits every point of the front from the top.
    Cost budget = 0;
    for (Cost cost : problem.costs)
        budget += cost;
    const detail::SubsetFronts fronts(problem, budget);
    while (true) {
        const detail::SearchOutcome outcome =
            detail::branchAndBound(problem, budget, &fronts, nullptr, cancel);
        if (outcome.cancelled)
            return {};
        if (!outcome.found)
            break;
        Solution point = solutionFromProblemSet(table, problem, outcome.networks, objective, 0);
        point.budget = point.cost;
        budget = point.cost - 1;
        front.push_back(std::move(point));
    }
    std::reverse(front.begin(), front.end());
    return front;
}

Solution solutionAtBudget(const std::vector<Solution>& front, Cost budget)
{
    auto after = std::upper_bound(front.begin(), front.end(), budget,
                                  [](Cost b, const Solution& point) { return b < point.cost; });
    if (after == front.begin()) {
        Solution solution;
        solution.budget = budget;
        solution.minCost = front.empty() ? -1 : front.front().cost;
        return solution;
    }
    Solution solution = *(after - 1);
    solution.budget = budget;
    return solution;
}

} // namespace tg
