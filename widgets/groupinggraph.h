#pragma once

#include "core/candidatetable.h"
#include "core/selection.h"

#include <QPalette>
#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

namespace tg {

// A chosen network, drawn as a circle whose area is proportional to its cost.
struct GraphNetworkNode
{
    int network = -1; // index into CandidateTable::networks
    QString name;
    Cost cost = 0;
};

// A task of the table with the loss of the network that serves it.
struct GraphTaskNode
{
    int task = -1; // index into CandidateTable::tasks
    QString name;
    double loss = 0.0;
    int servingNetwork = -1; // index into CandidateTable::networks
};

enum class GraphEdgeStyle
{
    Solid,  // the network's prediction is used for the task
    Dotted, // the network trains a decoder for the task, but another network serves it
};

struct GraphEdge
{
    int network = -1; // index into CandidateTable::networks
    int task = -1;    // index into CandidateTable::tasks
    GraphEdgeStyle style = GraphEdgeStyle::Solid;
};

// What the grouping graph draws for one solution: networks left to right in
// drawing order, tasks in table order, and one edge for every task that a
// chosen network solves. `feasible` is false when no grouping fits the
// budget; the nodes are then empty and `message` explains why.
struct GroupingGraph
{
    bool feasible = false;
    QString message;
    Cost budget = 0;
    Cost cost = 0;
    double totalLoss = 0.0;
    std::vector<GraphNetworkNode> networks;
    std::vector<GraphTaskNode> tasks;
    std::vector<GraphEdge> edges;
};

// Builds the graph of `solution`, a solution on `table`. Networks are ordered
// by the mean index of the tasks they solve, so that edges cross rarely.
GroupingGraph buildGroupingGraph(const CandidateTable& table, const Solution& solution);

// Where each node sits inside an area: circles in GroupingGraph::networks
// order, task boxes in GroupingGraph::tasks order, and the caption line.
struct GroupingGraphLayout
{
    std::vector<QRectF> networkCircles;
    // Rectangle of each network's name, in the same order. When a name is
    // wider than its circle's slot, the names alternate between two rows, so
    // each has two slots of width.
    std::vector<QRectF> networkLabels;
    std::vector<QRectF> taskBoxes;
    QRectF caption;
    // Radius of a circle of cost 1 SNT.
    double unitRadius = 0.0;
};

GroupingGraphLayout layoutGroupingGraph(const GroupingGraph& graph, const QRectF& area,
                                        const QFont& font, bool withCaption);

// Paints the graph into `area` with the painter's current font, taking text
// and background colours from `palette`. Works on any paint device (widget,
// QImage, QSvgGenerator, QPdfWriter).
void paintGroupingGraph(QPainter& painter, const QRectF& area, const GroupingGraph& graph,
                        const QPalette& palette, bool withCaption);

} // namespace tg
