#pragma once

#include "widgets/groupinggraph.h"

#include <QWidget>
#include <memory>

namespace tg {

// Draws one Solution of a candidate table as a graph: chosen networks on the
// top row as circles whose area shows their cost, tasks on the row below, a
// solid edge where a network's prediction is used for a task and a dotted edge
// where the network trains a decoder for the task but another one serves it.
// Hovering a node shows its full name, cost or loss in a tool tip.
class GroupingGraphWidget : public QWidget
{
    Q_OBJECT

public:
    explicit GroupingGraphWidget(QWidget* parent = nullptr);

    // The widget shares ownership of the table; solutions passed to
    // setSolution() must index into it. Clears the drawn solution.
    void setTable(std::shared_ptr<const CandidateTable> table);
    std::shared_ptr<const CandidateTable> table() const { return m_table; }

    // The drawn graph, for tests and exporters.
    const GroupingGraph& graph() const { return m_graph; }

    // Draws the current graph into `area` of any paint device; the widget,
    // SVG, PDF and PNG exports all go through here.
    void paintGraph(QPainter& painter, const QRectF& area) const;

    // Whether a caption line with budget, cost and total loss is drawn (default on).
    void setCaptionVisible(bool visible);
    bool isCaptionVisible() const { return m_captionVisible; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setSolution(const tg::Solution& solution);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QString toolTipAt(const QPointF& position) const;

    std::shared_ptr<const CandidateTable> m_table;
    GroupingGraph m_graph;
    bool m_captionVisible = true;
};

} // namespace tg
