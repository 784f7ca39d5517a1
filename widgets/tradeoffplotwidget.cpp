#include "widgets/tradeoffplotwidget.h"

#include "widgets/plotstyle.h"

#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

namespace tg {

TradeoffPlotWidget::TradeoffPlotWidget(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->xAxis->setLabel(tr("Budget (SNT)"));
    m_plot->yAxis->setLabel(tr("Total loss"));
    m_plot->legend->setVisible(true);
    // The legend sits in a row under the axes, because inside them it covered
    // the top-right end of the curves.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(4);
    m_plot->legend->setMargins(QMargins(8, 2, 8, 4));
    applyPlotPalette(m_plot, palette());
}

void TradeoffPlotWidget::setSeries(const std::vector<TradeoffSeries>& series)
{
    m_series = series;
    for (TradeoffSeries& entry : m_series) {
        std::stable_sort(entry.points.begin(), entry.points.end(),
                         [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    }
    rebuild();
}

void TradeoffPlotWidget::setBudget(Cost budget)
{
    setBudgetMarker(costToSnt(budget));
}

void TradeoffPlotWidget::setBudgetMarker(double budgetSnt)
{
    m_marker = budgetSnt;
    if (!m_markerLine) {
        m_markerLine = new QCPItemStraightLine(m_plot);
        m_markerLine->setSelectable(false);
    }
    QPen pen(palette().color(QPalette::Text), 1.2, Qt::DashLine);
    m_markerLine->setPen(pen);
    m_markerLine->point1->setCoords(budgetSnt, 0.0);
    m_markerLine->point2->setCoords(budgetSnt, 1.0);

    // Keep the marker inside the visible range.
    QCPRange range = m_plot->xAxis->range();
    if (!range.contains(budgetSnt)) {
        range.expand(budgetSnt);
        m_plot->xAxis->setRange(range);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* TradeoffPlotWidget::addGraph(const TradeoffSeries& series, int index)
{
    QCPGraph* graph = m_plot->addGraph();
    graph->setName(series.name);
    graph->setLineStyle(QCPGraph::lsStepLeft);
    QVector<double> keys;
    QVector<double> values;
    for (const QPointF& point : series.points) {
        keys.append(point.x());
        values.append(point.y());
    }
    graph->setData(keys, values, true);

    const QColor colour = seriesColor(index);
    switch (series.kind) {
    case TradeoffSeries::Kind::Exact:
        graph->setPen(QPen(colour, 2.4));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 6));
        break;
    case TradeoffSeries::Kind::Approximation:
        graph->setPen(QPen(colour, 1.8, Qt::DashLine));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, 6));
        break;
    case TradeoffSeries::Kind::Baseline:
        graph->setPen(QPen(colour, 1.4, Qt::DotLine));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, colour, 5));
        break;
    }
    return graph;
}

void TradeoffPlotWidget::rebuild()
{
    m_plot->clearGraphs();
    for (std::size_t i = 0; i < m_series.size(); ++i)
        addGraph(m_series[i], static_cast<int>(i));
    m_plot->rescaleAxes();

    // Leave a margin so the lines do not sit on the frame.
    m_plot->xAxis->scaleRange(1.08, m_plot->xAxis->range().center());
    m_plot->yAxis->scaleRange(1.12, m_plot->yAxis->range().center());
    if (m_marker)
        setBudgetMarker(*m_marker);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TradeoffPlotWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    applyPlotPalette(m_plot, palette());
    if (m_marker)
        setBudgetMarker(*m_marker);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace tg
