#include "widgets/tradeoffseries.h"

#include <QCoreApplication>

namespace tg {

TradeoffSeries exactTradeoffSeries(const std::vector<Solution>& front, Cost maximumBudget,
                                   const QString& name)
{
    TradeoffSeries series;
    series.name = name;
    series.kind = TradeoffSeries::Kind::Exact;
    for (const Solution& solution : front) {
        if (solution.feasible)
            series.points.emplace_back(costToSnt(solution.cost), solution.totalLoss);
    }
    if (!series.points.empty() && costToSnt(maximumBudget) > series.points.back().x())
        series.points.emplace_back(costToSnt(maximumBudget), series.points.back().y());
    return series;
}

std::vector<TradeoffSeries> baselineTradeoffSeries(const CandidateTable& table,
                                                   const std::vector<Cost>& budgets,
                                                   const BaselineOptions& options,
                                                   const std::atomic_bool* cancel)
{
    std::vector<TradeoffSeries> series(4);
    series[0].name = QCoreApplication::translate("tg::TradeoffSeries", "All in one");
    series[1].name = QCoreApplication::translate("tg::TradeoffSeries", "Independent");
    series[2].name = QCoreApplication::translate("tg::TradeoffSeries", "Random groupings (mean)");
    series[3].name = QCoreApplication::translate("tg::TradeoffSeries", "Pessimal");
    for (TradeoffSeries& entry : series)
        entry.kind = TradeoffSeries::Kind::Baseline;

    for (Cost budget : budgets) {
        if (cancel && cancel->load())
            break;
        const BaselineSet baselines = computeBaselines(table, budget, options);
        const double x = costToSnt(budget);
        if (baselines.allInOne.feasible)
            series[0].points.emplace_back(x, baselines.allInOne.totalLoss);
        if (baselines.independent.feasible)
            series[1].points.emplace_back(x, baselines.independent.totalLoss);
        if (baselines.randomValidCount > 0)
            series[2].points.emplace_back(x, baselines.randomMeanTotalLoss);
        if (baselines.pessimal.feasible)
            series[3].points.emplace_back(x, baselines.pessimal.totalLoss);
    }
    return series;
}

} // namespace tg
