#include "widgets/budgetpanel.h"
#include "widgets/groupinggraphwidget.h"
#include "widgets/tradeoffplotwidget.h"
#include "widgettestsupport.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>
#include <set>
#include <utility>

using namespace tg;

namespace {

using EdgeSet = std::set<std::pair<int, int>>;

EdgeSet edgesOfStyle(const GroupingGraph& graph, GraphEdgeStyle style)
{
    EdgeSet edges;
    for (const GraphEdge& edge : graph.edges) {
        if (edge.style == style)
            edges.insert({edge.network, edge.task});
    }
    return edges;
}

// The edges the graph must draw for `solution`, derived from the table alone.
std::pair<EdgeSet, EdgeSet> expectedEdges(const CandidateTable& table, const Solution& solution)
{
    EdgeSet solid;
    EdgeSet dotted;
    for (int network : solution.networks) {
        for (std::size_t t = 0; t < table.tasks.size(); ++t) {
            if (!table.networks[static_cast<std::size_t>(network)].solves(t))
                continue;
            const bool used = solution.assignment[t] == network;
            (used ? solid : dotted).insert({network, static_cast<int>(t)});
        }
    }
    return {solid, dotted};
}

std::vector<int> drawnNetworks(const GroupingGraph& graph)
{
    std::vector<int> networks;
    for (const GraphNetworkNode& node : graph.networks)
        networks.push_back(node.network);
    std::sort(networks.begin(), networks.end());
    return networks;
}

} // namespace

class GroupingViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sliderMatchesSelection();
    void keyboardMovesBudget();
    void spinBoxAcceptsAnyBudget();
    void infeasibleBudgetShowsMessage();
    void circleAreaFollowsCost();
    void networkNamesFitWhenMany();
    void baselinesArriveForBudget();
    void tradeoffFollowsFront();
    void baselineSeriesMatchBaselines();

private:
    std::shared_ptr<const CandidateTable> m_table;
    std::vector<Solution> m_front;
};

void GroupingViewTest::initTestCase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("candidates.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(test::threeTaskCsv().toUtf8());
    file.close();

    TableReadResult read = readCandidateTable(path.toStdString());
    QVERIFY2(read, read.error.c_str());
    m_table = std::make_shared<const CandidateTable>(std::move(*read.table));
    m_front = paretoFront(*m_table);
    QVERIFY(!m_front.empty());
}

void GroupingViewTest::sliderMatchesSelection()
{
    BudgetPanel panel;
    GroupingGraphWidget graph;
    graph.setTable(m_table);
    connect(&panel, &BudgetPanel::solutionChanged, &graph, &GroupingGraphWidget::setSolution);
    panel.setFront(m_table, m_front);

    QSlider* slider = panel.slider();
    QVERIFY(slider->maximum() > slider->minimum());
    int feasibleBudgets = 0;
    for (int position = slider->minimum(); position <= slider->maximum(); ++position) {
        slider->setValue(position);
        const Cost budget = panel.budgetAtPosition(position);
        QCOMPARE(panel.budget(), budget);
        QCOMPARE(panel.spinBox()->value(), costToSnt(budget));

        const Solution expected = selectNetworks(*m_table, budget);
        const GroupingGraph& drawn = graph.graph();
        QCOMPARE(drawn.feasible, expected.feasible);
        if (!expected.feasible)
            continue;
        ++feasibleBudgets;
        QCOMPARE(drawnNetworks(drawn), expected.networks);
        const auto [solid, dotted] = expectedEdges(*m_table, expected);
        QCOMPARE(edgesOfStyle(drawn, GraphEdgeStyle::Solid), solid);
        QCOMPARE(edgesOfStyle(drawn, GraphEdgeStyle::Dotted), dotted);
        QCOMPARE(drawn.totalLoss, expected.totalLoss);
        QCOMPARE(panel.solution().totalLoss, expected.totalLoss);
        QCOMPARE(drawn.cost, expected.cost);
        QCOMPARE(drawn.tasks.size(), m_table->tasks.size());
        for (std::size_t t = 0; t < drawn.tasks.size(); ++t)
            QCOMPARE(drawn.tasks[t].servingNetwork, expected.assignment[t]);
    }
    QVERIFY(feasibleBudgets >= 3);
}

void GroupingViewTest::keyboardMovesBudget()
{
    BudgetPanel panel;
    panel.setFront(m_table, m_front);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QSlider* slider = panel.slider();
    slider->setValue(slider->minimum());
    slider->setFocus();
    QSignalSpy spy(&panel, &BudgetPanel::solutionChanged);
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(panel.budget(), panel.budgetAtPosition(slider->minimum() + 1));
    const Solution emitted = spy.at(0).at(0).value<Solution>();
    QCOMPARE(emitted.networks, selectNetworks(*m_table, panel.budget()).networks);
}

void GroupingViewTest::spinBoxAcceptsAnyBudget()
{
    BudgetPanel panel;
    GroupingGraphWidget graph;
    graph.setTable(m_table);
    connect(&panel, &BudgetPanel::solutionChanged, &graph, &GroupingGraphWidget::setSolution);
    panel.setFront(m_table, m_front);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QDoubleSpinBox* spin = panel.spinBox();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("1.75"));
    QTest::keyClick(spin, Qt::Key_Enter);
    QCOMPARE(panel.budget(), Cost(1'750'000));
    QCOMPARE(panel.spinBox()->text(), QStringLiteral("1.75 SNT"));
    QCOMPARE(spin->singleStep(), 0.5);

    const Solution expected = selectNetworks(*m_table, Cost(1'750'000));
    QCOMPARE(drawnNetworks(graph.graph()), expected.networks);
    QCOMPARE(graph.graph().totalLoss, expected.totalLoss);
}

void GroupingViewTest::infeasibleBudgetShowsMessage()
{
    BudgetPanel panel;
    GroupingGraphWidget graph;
    graph.setTable(m_table);
    connect(&panel, &BudgetPanel::solutionChanged, &graph, &GroupingGraphWidget::setSolution);
    panel.setFront(m_table, m_front);
    panel.setBudget(Cost(500'000));

    // The cheapest cover is the network with all three tasks: 1 SNT.
    QVERIFY(!graph.graph().feasible);
    QVERIFY(graph.graph().networks.empty());
    QVERIFY(graph.graph().edges.empty());
    QVERIFY2(graph.graph().message.contains(QStringLiteral("0.5 SNT")),
             qPrintable(graph.graph().message));
    QVERIFY2(graph.graph().message.contains(QStringLiteral(" 1 SNT")),
             qPrintable(graph.graph().message));
    QVERIFY(!panel.solution().feasible);
    QCOMPARE(panel.solution().minCost, Cost(1'000'000));
    QCOMPARE(panel.slider()->value(), panel.slider()->minimum());
}

void GroupingViewTest::circleAreaFollowsCost()
{
    const int full = m_table->networkIndex("depth");
    const int half = m_table->networkIndex("normal-half");
    const int edges = m_table->networkIndex("edges-half");
    const Solution solution = evaluateNetworkSet(*m_table, {full, half, edges});
    QVERIFY(solution.feasible);
    const GroupingGraph graph = buildGroupingGraph(*m_table, solution);
    QCOMPARE(graph.networks.size(), std::size_t(3));

    const GroupingGraphLayout layout =
        layoutGroupingGraph(graph, QRectF(0, 0, 600, 300), QFont(), true);
    double fullDiameter = 0.0;
    double halfDiameter = 0.0;
    for (std::size_t i = 0; i < graph.networks.size(); ++i) {
        if (graph.networks[i].network == full)
            fullDiameter = layout.networkCircles[i].width();
        if (graph.networks[i].network == half)
            halfDiameter = layout.networkCircles[i].width();
    }
    QVERIFY(fullDiameter > 0.0);
    QCOMPARE(fullDiameter / halfDiameter, std::sqrt(2.0));
    QCOMPARE(layout.taskBoxes.size(), std::size_t(3));
    for (const QRectF& circle : layout.networkCircles)
        QVERIFY(circle.bottom() < layout.taskBoxes.front().top());
}

// Twenty half-size networks in 900 pixels leave 45 pixels per circle, less
// than a name such as "task07-half" needs, so the names alternate between two
// rows and none is elided. Three networks keep one row.
void GroupingViewTest::networkNamesFitWhenMany()
{
    const QFont font;
    const QFontMetricsF metrics(font);
    const QRectF area(0, 0, 900, 320);
    for (const int count : {20, 3}) {
        GroupingGraph graph;
        graph.feasible = true;
        for (int i = 0; i < count; ++i) {
            const QString task = QStringLiteral("task%1").arg(i, 2, 10, QLatin1Char('0'));
            graph.networks.push_back({i, task + QStringLiteral("-half"), kCostUnitsPerSnt / 2});
            graph.tasks.push_back({i, task, 0.5, i});
            graph.edges.push_back({i, i, GraphEdgeStyle::Solid});
        }
        const GroupingGraphLayout layout = layoutGroupingGraph(graph, area, font, true);
        QCOMPARE(layout.networkLabels.size(), std::size_t(count));
        const double slot =
            layout.networkCircles[1].center().x() - layout.networkCircles[0].center().x();
        const bool staggered = count == 20;
        QCOMPARE(metrics.horizontalAdvance(graph.networks[0].name) > slot * 0.95, staggered);

        for (int i = 0; i < count; ++i) {
            const QRectF& label = layout.networkLabels[static_cast<std::size_t>(i)];
            const QRectF& circle = layout.networkCircles[static_cast<std::size_t>(i)];
            const QString row = QStringLiteral("%1 networks, name %2").arg(count).arg(i);
            QVERIFY2(label.width() * 0.95 >= metrics.horizontalAdvance(graph.networks[i].name),
                     qPrintable(row));
            // A name is centred on its circle unless that would cross the
            // 8-pixel margin; then it touches the margin.
            const double centredLeft = circle.center().x() - label.width() / 2.0;
            if (centredLeft < 8.0)
                QCOMPARE(label.left(), 8.0);
            else if (centredLeft + label.width() > 892.0)
                QCOMPARE(label.right(), 892.0);
            else
                QCOMPARE(label.center().x(), circle.center().x());
            QVERIFY2(label.bottom() < circle.top(), qPrintable(row));
            QVERIFY2(label.top() >= layout.caption.bottom(), qPrintable(row));
            if (i > 0) {
                // Neighbouring rows of one slot touch, which is no overlap.
                const QRectF overlap =
                    label.intersected(layout.networkLabels[static_cast<std::size_t>(i - 1)]);
                QVERIFY2(overlap.width() < 1e-6 || overlap.height() < 1e-6, qPrintable(row));
            }
        }
        if (staggered) {
            QVERIFY(layout.networkLabels[1].bottom() < layout.networkLabels[0].top());
            QCOMPARE(layout.networkLabels[2].top(), layout.networkLabels[0].top());
        }
    }
}

void GroupingViewTest::baselinesArriveForBudget()
{
    BudgetPanel panel;
    QSignalSpy spy(&panel, &BudgetPanel::baselinesReady);
    panel.setFront(m_table, m_front);
    panel.setBudget(Cost(3'000'000));
    QTRY_VERIFY_WITH_TIMEOUT(panel.cachedBaselines(Cost(3'000'000)).has_value(), 10000);

    const BaselineSet expected = computeBaselines(*m_table, Cost(3'000'000));
    const BaselineSet shown = *panel.cachedBaselines(Cost(3'000'000));
    QCOMPARE(shown.allInOne.networks, expected.allInOne.networks);
    QCOMPARE(shown.allInOne.totalLoss, expected.allInOne.totalLoss);
    QCOMPARE(shown.independent.totalLoss, expected.independent.totalLoss);
    QCOMPARE(shown.randomMeanTotalLoss, expected.randomMeanTotalLoss);
    QCOMPARE(shown.pessimal.totalLoss, expected.pessimal.totalLoss);
    QVERIFY(spy.count() >= 1);
}

void GroupingViewTest::tradeoffFollowsFront()
{
    const TradeoffSeries exact =
        exactTradeoffSeries(m_front, Cost(5'000'000), QStringLiteral("exact"));
    QCOMPARE(exact.points.size(), m_front.size() + 1);
    for (std::size_t i = 0; i < m_front.size(); ++i) {
        QCOMPARE(exact.points[i].x(), costToSnt(m_front[i].cost));
        QCOMPARE(exact.points[i].y(), m_front[i].totalLoss);
    }
    QCOMPARE(exact.points.back().x(), 5.0);

    TradeoffPlotWidget plot;
    BudgetPanel panel;
    connect(&panel, &BudgetPanel::budgetChanged, &plot, &TradeoffPlotWidget::setBudget);
    TradeoffSeries approximation{QStringLiteral("early stop"),
                                 TradeoffSeries::Kind::Approximation,
                                 {{2.0, 1.9}, {1.5, 2.0}}};
    plot.setSeries({exact, approximation});
    QCOMPARE(plot.plot()->graphCount(), 2);
    QCOMPARE(plot.plot()->graph(1)->data()->at(0)->key, 1.5);
    QCOMPARE(plot.plot()->graph(0)->lineStyle(), QCPGraph::lsStepLeft);

    panel.setFront(m_table, m_front);
    panel.setBudget(Cost(2'500'000));
    QVERIFY(plot.budgetMarker().has_value());
    QCOMPARE(*plot.budgetMarker(), 2.5);

    // The legend is laid out under the axes, so it never covers a curve.
    plot.resize(600, 400);
    plot.plot()->replot();
    const QRect axes = plot.plot()->axisRect()->outerRect();
    const QRect legend = plot.plot()->legend->outerRect();
    QVERIFY(!axes.intersects(legend));
    QVERIFY(legend.top() >= axes.bottom());
}

void GroupingViewTest::baselineSeriesMatchBaselines()
{
    const std::vector<Cost> budgets{Cost(500'000), Cost(1'000'000), Cost(3'000'000)};
    const std::vector<TradeoffSeries> series = baselineTradeoffSeries(*m_table, budgets);
    QCOMPARE(series.size(), std::size_t(4));
    for (const TradeoffSeries& entry : series)
        QCOMPARE(entry.kind, TradeoffSeries::Kind::Baseline);

    // Below 1 SNT nothing fits; independent networks need 3 SNT.
    QCOMPARE(series[0].points.size(), std::size_t(2));
    QCOMPARE(series[1].points.size(), std::size_t(1));
    const BaselineSet atThree = computeBaselines(*m_table, Cost(3'000'000));
    QCOMPARE(series[0].points.back(), QPointF(3.0, atThree.allInOne.totalLoss));
    QCOMPARE(series[1].points.back(), QPointF(3.0, atThree.independent.totalLoss));
    QCOMPARE(series[2].points.back(), QPointF(3.0, atThree.randomMeanTotalLoss));
    QCOMPARE(series[3].points.back(), QPointF(3.0, atThree.pessimal.totalLoss));
    QCOMPARE(series[3].points.front().x(), 1.0);

    std::atomic_bool cancel{true};
    const std::vector<TradeoffSeries> cancelled =
        baselineTradeoffSeries(*m_table, budgets, {}, &cancel);
    QCOMPARE(cancelled.size(), std::size_t(4));
    QVERIFY(cancelled[0].points.empty());
}

QTEST_MAIN(GroupingViewTest)
#include "tst_groupingview.moc"
