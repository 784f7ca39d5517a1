#include "widgets/groupinggraph.h"

#include "widgets/plotstyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace tg {

namespace {

constexpr double kMargin = 8.0;

QString costText(Cost cost)
{
    return QString::fromStdString(formatCost(cost));
}

QString lossText(double loss)
{
    return QString::number(loss, 'g', 4);
}

double meanSolvedTask(const Network& network)
{
    double sum = 0.0;
    int count = 0;
    for (std::size_t t = 0; t < network.losses.size(); ++t) {
        if (network.solves(t)) {
            sum += static_cast<double>(t);
            ++count;
        }
    }
    return count > 0 ? sum / count : 0.0;
}

QString infeasibleMessage(const Solution& solution)
{
    if (solution.minCost < 0)
        return QCoreApplication::translate("tg::GroupingGraph",
                                           "No set of networks covers every task.");
    return QCoreApplication::translate("tg::GroupingGraph",
                                       "No grouping fits a budget of %1 SNT; the cheapest "
                                       "grouping costs %2 SNT.")
        .arg(costText(solution.budget), costText(solution.minCost));
}

QString captionText(const GroupingGraph& graph)
{
    return QCoreApplication::translate("tg::GroupingGraph",
                                       "Budget %1 SNT, cost %2 SNT, total loss %3")
        .arg(costText(graph.budget), costText(graph.cost), lossText(graph.totalLoss));
}

QPointF pointOnCircle(const QRectF& circle, const QPointF& towards)
{
    const QPointF centre = circle.center();
    const QPointF direction = towards - centre;
    const double length = std::hypot(direction.x(), direction.y());
    if (length <= 0.0)
        return centre;
    return centre + direction * (circle.width() / 2.0 / length);
}

} // namespace

GroupingGraph buildGroupingGraph(const CandidateTable& table, const Solution& solution)
{
    GroupingGraph graph;
    graph.budget = solution.budget;
    graph.feasible = solution.feasible;
    if (!solution.feasible) {
        graph.message = infeasibleMessage(solution);
        return graph;
    }
    graph.cost = solution.cost;
    graph.totalLoss = solution.totalLoss;

    std::vector<int> order = solution.networks;
    std::stable_sort(order.begin(), order.end(), [&table](int a, int b) {
        return meanSolvedTask(table.networks[static_cast<std::size_t>(a)]) <
               meanSolvedTask(table.networks[static_cast<std::size_t>(b)]);
    });
    for (int index : order) {
        const Network& network = table.networks[static_cast<std::size_t>(index)];
        graph.networks.push_back({index, QString::fromStdString(network.name), network.cost});
        for (std::size_t t = 0; t < table.tasks.size(); ++t) {
            if (!network.solves(t))
                continue;
            const bool used = solution.assignment[t] == index;
            graph.edges.push_back({index, static_cast<int>(t),
                                   used ? GraphEdgeStyle::Solid : GraphEdgeStyle::Dotted});
        }
    }

    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        const int serving = solution.assignment[t];
        graph.tasks.push_back({static_cast<int>(t), QString::fromStdString(table.tasks[t]),
                               table.networks[static_cast<std::size_t>(serving)].losses[t],
                               serving});
    }
    return graph;
}

GroupingGraphLayout layoutGroupingGraph(const GroupingGraph& graph, const QRectF& area,
                                        const QFont& font, bool withCaption)
{
    GroupingGraphLayout layout;
    const QFontMetricsF metrics(font);
    const double line = metrics.height();
    QRectF inner = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (withCaption) {
        layout.caption = QRectF(inner.left(), inner.top(), inner.width(), line);
        inner.setTop(inner.top() + line * 1.5);
    }
    if (graph.networks.empty() || inner.width() <= 0.0 || inner.height() <= 0.0)
        return layout;

    // Rows from top: network label, circle row, edge space, task box, loss.
    const double networkCount = static_cast<double>(graph.networks.size());
    const double slot = inner.width() / networkCount;
    double maxCostSnt = 1.0;
    for (const GraphNetworkNode& node : graph.networks)
        maxCostSnt = std::max(maxCostSnt, costToSnt(node.cost));

    double widestName = 0.0;
    for (const GraphNetworkNode& node : graph.networks)
        widestName = std::max(widestName, metrics.horizontalAdvance(node.name));
    const bool staggered = graph.networks.size() > 1 && widestName > slot * 0.95;
    const double labelRows = staggered ? 2.0 : 1.0;
    const double labelWidth = labelRows * slot;
    const double labelsHeight = line * (1.3 + (labelRows - 1.0) * 1.1);
    // The edges, task boxes and losses below the circles take 2.7 lines.
    const double circleRow = std::max(line, (inner.height() - labelsHeight - 2.7 * line) * 0.45);

    // Area proportional to cost: a half-size network has half the area (radius
    // divided by sqrt 2) of a full one.
    layout.unitRadius = std::min(slot * 0.42, circleRow * 0.5) / std::sqrt(maxCostSnt);
    const double circleCentreY = inner.top() + labelsHeight + circleRow * 0.5;
    const double largestRadius = layout.unitRadius * std::sqrt(maxCostSnt);
    for (std::size_t i = 0; i < graph.networks.size(); ++i) {
        const double radius =
            layout.unitRadius * std::sqrt(std::max(0.0, costToSnt(graph.networks[i].cost)));
        const QPointF centre(inner.left() + slot * (static_cast<double>(i) + 0.5), circleCentreY);
        layout.networkCircles.emplace_back(centre.x() - radius, centre.y() - radius, 2 * radius,
                                           2 * radius);
        // A single row of names sits just above each circle. Staggered rows
        // sit above the largest circle, odd networks in the upper row, so
        // that neighbouring names never overlap.
        const double labelBottom =
            staggered ? centre.y() - largestRadius - line * 0.3 - (i % 2 == 1 ? line * 1.1 : 0.0)
                      : centre.y() - radius - line * 0.3;
        // Names at the ends move inwards to stay inside the area.
        const double labelLeft = std::clamp(centre.x() - labelWidth / 2.0, inner.left(),
                                            std::max(inner.left(), inner.right() - labelWidth));
        layout.networkLabels.emplace_back(labelLeft, labelBottom - line, labelWidth, line);
    }

    const double taskSlot = inner.width() / static_cast<double>(graph.tasks.size());
    const double boxHeight = line * 1.6;
    const double boxTop = inner.bottom() - line * 1.2 - boxHeight;
    for (std::size_t t = 0; t < graph.tasks.size(); ++t) {
        const double textWidth = metrics.horizontalAdvance(graph.tasks[t].name) + line;
        const double width = std::min(taskSlot * 0.9, std::max(textWidth, line * 2.5));
        const double centreX = inner.left() + taskSlot * (static_cast<double>(t) + 0.5);
        layout.taskBoxes.emplace_back(centreX - width / 2.0, boxTop, width, boxHeight);
    }
    return layout;
}

namespace {

void paintEdges(QPainter& painter, const GroupingGraph& graph, const GroupingGraphLayout& layout)
{
    for (const GraphEdge& edge : graph.edges) {
        const auto networkIt = std::find_if(
            graph.networks.begin(), graph.networks.end(),
            [&edge](const GraphNetworkNode& node) { return node.network == edge.network; });
        const auto position = static_cast<std::size_t>(networkIt - graph.networks.begin());
        const QRectF& circle = layout.networkCircles[position];
        const QRectF& box = layout.taskBoxes[static_cast<std::size_t>(edge.task)];
        const QPointF target(box.center().x(), box.top());

        QPen pen(seriesColor(static_cast<int>(position)));
        pen.setCapStyle(Qt::RoundCap);
        if (edge.style == GraphEdgeStyle::Solid) {
            pen.setWidthF(2.2);
        } else {
            pen.setWidthF(2.0);
            pen.setStyle(Qt::DotLine);
        }
        painter.setPen(pen);
        painter.drawLine(pointOnCircle(circle, target), target);
    }
}

void paintNetworks(QPainter& painter, const GroupingGraph& graph, const GroupingGraphLayout& layout,
                   const QPalette& palette)
{
    const QFontMetricsF metrics(painter.font());
    for (std::size_t i = 0; i < graph.networks.size(); ++i) {
        const GraphNetworkNode& node = graph.networks[i];
        const QRectF& circle = layout.networkCircles[i];
        QColor fill = seriesColor(static_cast<int>(i));
        painter.setPen(QPen(fill.darker(130), 1.5));
        fill.setAlpha(200);
        painter.setBrush(fill);
        painter.drawEllipse(circle);

        painter.setPen(contrastingTextColor(fill));
        const QString cost = costText(node.cost);
        if (metrics.horizontalAdvance(cost) < circle.width() * 0.9)
            painter.drawText(circle, Qt::AlignCenter, cost);

        painter.setPen(palette.color(QPalette::Text));
        const QRectF& labelRect = layout.networkLabels[i];
        const QString label =
            metrics.elidedText(node.name, Qt::ElideMiddle, labelRect.width() * 0.95);
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignBottom, label);
    }
}

void paintTasks(QPainter& painter, const GroupingGraph& graph, const GroupingGraphLayout& layout,
                const QPalette& palette)
{
    const QFontMetricsF metrics(painter.font());
    for (std::size_t t = 0; t < graph.tasks.size(); ++t) {
        const QRectF& box = layout.taskBoxes[t];
        painter.setPen(QPen(palette.color(QPalette::Text), 1.2));
        painter.setBrush(palette.color(QPalette::AlternateBase));
        painter.drawRoundedRect(box, 4.0, 4.0);
        const QString name = metrics.elidedText(graph.tasks[t].name, Qt::ElideRight, box.width());
        painter.drawText(box, Qt::AlignCenter, name);

        const QRectF lossRect(box.left() - 20.0, box.bottom(), box.width() + 40.0,
                              metrics.height() * 1.2);
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(lossRect, Qt::AlignHCenter | Qt::AlignBottom,
                         lossText(graph.tasks[t].loss));
    }
}

} // namespace

void paintGroupingGraph(QPainter& painter, const QRectF& area, const GroupingGraph& graph,
                        const QPalette& palette, bool withCaption)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(area, palette.color(QPalette::Base));

    if (!graph.feasible) {
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(area.adjusted(kMargin, kMargin, -kMargin, -kMargin),
                         Qt::AlignCenter | Qt::TextWordWrap, graph.message);
        painter.restore();
        return;
    }

    const GroupingGraphLayout layout =
        layoutGroupingGraph(graph, area, painter.font(), withCaption);
    if (withCaption) {
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(layout.caption, Qt::AlignLeft | Qt::AlignVCenter, captionText(graph));
    }
    if (!layout.networkCircles.empty()) {
        paintEdges(painter, graph, layout);
        paintNetworks(painter, graph, layout, palette);
        paintTasks(painter, graph, layout, palette);
    }
    painter.restore();
}

} // namespace tg
