#pragma once

#include "core/baselines.h"
#include "core/selection.h"

#include <QPointF>
#include <QString>
#include <atomic>
#include <vector>

namespace tg {

// One curve of total loss against budget, in SNT and loss. Points are drawn
// as a step line: each point's loss applies from its budget up to the next
// point's budget.
struct TradeoffSeries
{
    enum class Kind
    {
        Exact,         // the exact selection
        Approximation, // a selection from approximate losses (early stop, higher order)
        Baseline,      // a reference grouping
    };
    QString name;
    Kind kind = Kind::Baseline;
    std::vector<QPointF> points;
};

// The exact selection's front as a series: one point per front entry, at its
// cost, plus a last point at `maximumBudget` when that lies beyond the front.
TradeoffSeries exactTradeoffSeries(const std::vector<Solution>& front, Cost maximumBudget,
                                   const QString& name);

// The baselines as series over `budgets`: all in one, independent, the mean of
// random groupings and the pessimal grouping. A budget where a baseline is
// infeasible adds no point to it. Calls computeBaselines once per budget, so
// this can take seconds on large tables: call it off the GUI thread. Stops
// early, with the points so far, when `cancel` becomes true.
std::vector<TradeoffSeries> baselineTradeoffSeries(const CandidateTable& table,
                                                   const std::vector<Cost>& budgets,
                                                   const BaselineOptions& options = {},
                                                   const std::atomic_bool* cancel = nullptr);

} // namespace tg
