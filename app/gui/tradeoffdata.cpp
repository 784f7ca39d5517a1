#include "app/gui/tradeoffdata.h"

#include <QCoreApplication>
#include <algorithm>

namespace tg {

namespace {

constexpr Cost kBudgetStep = kCostUnitsPerSnt / 2;

// The approximation's selections, with their losses measured on `table`.
TradeoffSeries approximationSeries(const CandidateTable& table,
                                   const ApproximationTable& approximation,
                                   const std::atomic_bool* cancel)
{
    TradeoffSeries series;
    series.name = approximation.name;
    series.kind = TradeoffSeries::Kind::Approximation;
    const std::vector<Solution> front = paretoFront(*approximation.table, {}, cancel);
    for (const Solution& chosen : front) {
        std::vector<int> networks;
        for (int index : chosen.networks) {
            const int match = table.networkIndex(approximation.table->networks[index].name);
            if (match < 0)
                break;
            networks.push_back(match);
        }
        if (networks.size() != chosen.networks.size())
            continue;
        const Solution measured = evaluateNetworkSet(table, networks);
        if (measured.feasible)
            series.points.emplace_back(costToSnt(chosen.cost), measured.totalLoss);
    }
    return series;
}

} // namespace

std::vector<Cost> tradeoffBudgets(const CandidateTable& table, const std::vector<Solution>& front)
{
    if (front.empty())
        return {};
    const Cost first = front.front().cost;
    const Cost last =
        std::max(front.back().cost, static_cast<Cost>(table.tasks.size()) * kCostUnitsPerSnt);
    std::vector<Cost> budgets;
    // Round the start up to the step grid so budgets read 1, 1.5, 2, ...
    Cost budget = (first + kBudgetStep - 1) / kBudgetStep * kBudgetStep;
    if (budget != first)
        budgets.push_back(first);
    for (; budget <= last; budget += kBudgetStep)
        budgets.push_back(budget);
    return budgets;
}

std::vector<TradeoffSeries>
computeTradeoffSeries(const CandidateTable& table, const std::vector<Solution>& front,
                      const std::vector<ApproximationTable>& approximations,
                      const std::atomic_bool* cancel)
{
    std::vector<TradeoffSeries> all;
    const std::vector<Cost> budgets = tradeoffBudgets(table, front);
    if (budgets.empty())
        return all;
    all.push_back(exactTradeoffSeries(
        front, budgets.back(), QCoreApplication::translate("tg::Tradeoff", "Exact selection")));
    for (const ApproximationTable& approximation : approximations) {
        if (cancel && cancel->load())
            return all;
        TradeoffSeries series = approximationSeries(table, approximation, cancel);
        if (!series.points.empty())
            all.push_back(std::move(series));
    }
    std::vector<TradeoffSeries> baselines = baselineTradeoffSeries(table, budgets, {}, cancel);
    std::move(baselines.begin(), baselines.end(), std::back_inserter(all));
    return all;
}

} // namespace tg
