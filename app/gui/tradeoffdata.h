#pragma once

#include "core/candidatetable.h"
#include "core/selection.h"
#include "widgets/tradeoffseries.h"

#include <QString>
#include <atomic>
#include <memory>
#include <vector>

namespace tg {

// A table of approximate losses (early stop, higher order) whose selections
// the trade-off plot compares with the exact one.
struct ApproximationTable
{
    QString name;
    std::shared_ptr<const CandidateTable> table;
};

// Budgets from the cheapest cover to the larger of the front's last cost and
// one SNT per task, in steps of 0.5 SNT.
std::vector<Cost> tradeoffBudgets(const CandidateTable& table, const std::vector<Solution>& front);

// Computes every series of the trade-off plot: the exact front of `table`,
// one series per approximation and the baselines. An approximation's own
// front is re-evaluated on `table` by network name, and points whose networks
// `table` lacks are left out. Slow on large tables, so call it off the GUI
// thread. Stops early when `cancel` becomes true.
std::vector<TradeoffSeries>
computeTradeoffSeries(const CandidateTable& table, const std::vector<Solution>& front,
                      const std::vector<ApproximationTable>& approximations,
                      const std::atomic_bool* cancel);

} // namespace tg
