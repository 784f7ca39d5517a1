#pragma once

#include "widgets/tradeoffseries.h"

#include <QWidget>
#include <optional>
#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;

namespace tg {

// Total loss against budget for the exact selection, approximations and
// baselines, with a vertical marker at the current budget.
class TradeoffPlotWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TradeoffPlotWidget(QWidget* parent = nullptr);

    // Replaces every series; points need not be sorted.
    void setSeries(const std::vector<TradeoffSeries>& series);
    const std::vector<TradeoffSeries>& series() const { return m_series; }

    // The marker position in SNT, or nullopt when none is drawn.
    std::optional<double> budgetMarker() const { return m_marker; }

    QCustomPlot* plot() const { return m_plot; }

public Q_SLOTS:
    void setBudgetMarker(double budgetSnt);
    void setBudget(tg::Cost budget);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    QCPGraph* addGraph(const TradeoffSeries& series, int index);

    std::vector<TradeoffSeries> m_series;
    std::optional<double> m_marker;
    QCustomPlot* m_plot = nullptr;
    QCPItemStraightLine* m_markerLine = nullptr;
};

} // namespace tg
