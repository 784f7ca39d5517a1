#include "widgets/groupinggraphwidget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace tg {

GroupingGraphWidget::GroupingGraphWidget(QWidget* parent) : QWidget(parent)
{
    m_graph.message = tr("No candidate table loaded.");
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GroupingGraphWidget::setTable(std::shared_ptr<const CandidateTable> table)
{
    m_table = std::move(table);
    m_graph = GroupingGraph();
    m_graph.message = m_table ? tr("No budget chosen yet.") : tr("No candidate table loaded.");
    update();
}

void GroupingGraphWidget::setSolution(const Solution& solution)
{
    if (!m_table)
        return;
    m_graph = buildGroupingGraph(*m_table, solution);
    update();
}

void GroupingGraphWidget::setCaptionVisible(bool visible)
{
    m_captionVisible = visible;
    update();
}

void GroupingGraphWidget::paintGraph(QPainter& painter, const QRectF& area) const
{
    painter.save();
    painter.setFont(font());
    paintGroupingGraph(painter, area, m_graph, palette(), m_captionVisible);
    painter.restore();
}

QSize GroupingGraphWidget::sizeHint() const
{
    return {640, 320};
}

QSize GroupingGraphWidget::minimumSizeHint() const
{
    return {240, 160};
}

void GroupingGraphWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintGraph(painter, rect());
}

bool GroupingGraphWidget::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

QString GroupingGraphWidget::toolTipAt(const QPointF& position) const
{
    if (!m_graph.feasible)
        return {};
    const GroupingGraphLayout layout =
        layoutGroupingGraph(m_graph, rect(), font(), m_captionVisible);
    for (std::size_t i = 0; i < layout.networkCircles.size(); ++i) {
        if (layout.networkCircles[i].contains(position)) {
            const GraphNetworkNode& node = m_graph.networks[i];
            return tr("%1\ncost %2 SNT")
                .arg(node.name, QString::fromStdString(formatCost(node.cost)));
        }
    }
    for (std::size_t t = 0; t < layout.taskBoxes.size(); ++t) {
        if (layout.taskBoxes[t].contains(position)) {
            const GraphTaskNode& task = m_graph.tasks[t];
            const QString network = QString::fromStdString(
                m_table->networks[static_cast<std::size_t>(task.servingNetwork)].name);
            return tr("%1\nloss %2, served by %3")
                .arg(task.name, QString::number(task.loss, 'g', 6), network);
        }
    }
    return {};
}

} // namespace tg
