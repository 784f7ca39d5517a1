#include "core/selection.h"
#include "randominstance.h"

#include <QTest>

using namespace tg;
using tg::testing::makeNetwork;

namespace {

constexpr double kNone = kNotSolved;

Cost snt(double value)
{
    return *costFromSnt(value);
}

// Three tasks; the optimum changes at budgets 1, 1.5 and 2.
CandidateTable threeTaskTable()
{
    CandidateTable table;
    table.tasks = {"a", "b", "c"};
    table.networks = {
        makeNetwork("a+b+c", 1.0, {1.0, 1.0, 1.0}),   makeNetwork("a+b", 1.0, {0.5, 0.6, kNone}),
        makeNetwork("c", 1.0, {kNone, kNone, 0.4}),   makeNetwork("a/2", 0.5, {0.9, kNone, kNone}),
        makeNetwork("b/2", 0.5, {kNone, 0.9, kNone}), makeNetwork("c/2", 0.5, {kNone, kNone, 0.7}),
    };
    return table;
}

std::vector<int> indicesOf(const CandidateTable& table, const QStringList& networks)
{
    std::vector<int> indices;
    for (const QString& name : networks)
        indices.push_back(table.networkIndex(name.toStdString()));
    std::sort(indices.begin(), indices.end());
    return indices;
}

QStringList names(std::initializer_list<const char*> list)
{
    QStringList result;
    for (const char* name : list)
        result << QString::fromLatin1(name);
    return result;
}

QStringList namesOf(const CandidateTable& table, const std::vector<int>& networks)
{
    QStringList names;
    for (int n : networks)
        names << QString::fromStdString(table.networks[n].name);
    names.sort();
    return names;
}

} // namespace

class SelectionTest : public QObject
{
    Q_OBJECT

private slots:
    void threeTasks_data();
    void threeTasks();
    void threeTaskAssignment();
    void threeTaskParetoFront();
    void infeasibleBudgetReportsMinCost();
    void budgetEdgeIsFeasible();
    void decimalCostsSumExactly();
    void equalScoreTiesBreakByNames();
    void weightsChangeChoice();
    void equalScoreTiesBreakByCostThenCount();
    void limitBlocksServingNetwork();
    void limitMakesBudgetInfeasible();
    void unreachableLimitGivesNoCover();
    void bruteForceAgreesOnHandInstances();
    void evaluateNetworkSetTiesToLowerIndex();
    void evaluateOnTableMatchesByName();
    void cancelStopsSearch();
    void statsCountNodes();
};

void SelectionTest::threeTasks_data()
{
    QTest::addColumn<double>("budget");
    QTest::addColumn<QStringList>("networks");
    QTest::addColumn<double>("totalLoss");
    QTest::addColumn<double>("cost");
    QTest::newRow("1") << 1.0 << names({"a+b+c"}) << 1.0 + 1.0 + 1.0 << 1.0;
    QTest::newRow("1.5") << 1.5 << names({"a+b", "c/2"}) << 0.5 + 0.6 + 0.7 << 1.5;
    QTest::newRow("2") << 2.0 << names({"a+b", "c"}) << 0.5 + 0.6 + 0.4 << 2.0;
    QTest::newRow("3") << 3.0 << names({"a+b", "c"}) << 0.5 + 0.6 + 0.4 << 2.0;
    QTest::newRow("100") << 100.0 << names({"a+b", "c"}) << 0.5 + 0.6 + 0.4 << 2.0;
}

void SelectionTest::threeTasks()
{
    QFETCH(double, budget);
    QFETCH(QStringList, networks);
    QFETCH(double, totalLoss);
    QFETCH(double, cost);
    const CandidateTable table = threeTaskTable();
    const Solution solution = selectNetworks(table, snt(budget));
    QVERIFY(solution.feasible);
    QCOMPARE(namesOf(table, solution.networks), networks);
    QCOMPARE(solution.totalLoss, totalLoss);
    QCOMPARE(solution.score, totalLoss);
    QCOMPARE(solution.cost, snt(cost));
    QCOMPARE(solution.budget, snt(budget));
}

void SelectionTest::threeTaskAssignment()
{
    const CandidateTable table = threeTaskTable();
    const Solution solution = selectNetworks(table, snt(1.5));
    const std::vector<int> expected = {table.networkIndex("a+b"), table.networkIndex("a+b"),
                                       table.networkIndex("c/2")};
    QCOMPARE(solution.assignment, expected);
    QCOMPARE(solution.networks, indicesOf(table, names({"a+b", "c/2"})));
}

void SelectionTest::threeTaskParetoFront()
{
    const CandidateTable table = threeTaskTable();
    const std::vector<Solution> front = paretoFront(table);
    QCOMPARE(front.size(), std::size_t(3));
    QCOMPARE(front[0].cost, snt(1.0));
    QCOMPARE(front[1].cost, snt(1.5));
    QCOMPARE(front[2].cost, snt(2.0));
    QCOMPARE(front[0].totalLoss, 3.0);
    QCOMPARE(front[1].totalLoss, 0.5 + 0.6 + 0.7);
    QCOMPARE(front[2].totalLoss, 0.5 + 0.6 + 0.4);

    const Solution between = solutionAtBudget(front, snt(1.75));
    QCOMPARE(between.budget, snt(1.75));
    QCOMPARE(namesOf(table, between.networks), names({"a+b", "c/2"}));
    const Solution below = solutionAtBudget(front, snt(0.5));
    QVERIFY(!below.feasible);
    QCOMPARE(below.minCost, snt(1.0));
}

void SelectionTest::infeasibleBudgetReportsMinCost()
{
    const CandidateTable table = threeTaskTable();
    const Solution solution = selectNetworks(table, snt(0.5));
    QVERIFY(!solution.feasible);
    QCOMPARE(solution.minCost, snt(1.0));
    QCOMPARE(solution.budget, snt(0.5));
    QVERIFY(solution.networks.empty());

    const Solution negative = selectNetworks(table, -1);
    QVERIFY(!negative.feasible);
    QCOMPARE(negative.minCost, snt(1.0));
}

void SelectionTest::budgetEdgeIsFeasible()
{
    CandidateTable table;
    table.tasks = {"a", "b", "c"};
    table.networks = {
        makeNetwork("a/2", 0.5, {0.1, kNone, kNone}),
        makeNetwork("b/2", 0.5, {kNone, 0.1, kNone}),
        makeNetwork("c", 1.0, {kNone, kNone, 0.1}),
        makeNetwork("a+b+c", 1.0, {1.0, 1.0, 1.0}),
    };
    const Solution atBudget = selectNetworks(table, snt(2.0));
    QVERIFY(atBudget.feasible);
    QCOMPARE(atBudget.cost, snt(2.0));
    QCOMPARE(namesOf(table, atBudget.networks), names({"a/2", "b/2", "c"}));
    QCOMPARE(atBudget.totalLoss, 0.1 + 0.1 + 0.1);

    // One unit below, the two tied pairs with a+b+c remain; names decide.
    const Solution below = selectNetworks(table, snt(2.0) - 1);
    QCOMPARE(namesOf(table, below.networks), names({"a+b+c", "a/2"}));
    QCOMPARE(below.totalLoss, 0.1 + 1.0 + 1.0);
    QCOMPARE(below.cost, snt(1.5));
}

void SelectionTest::decimalCostsSumExactly()
{
    CandidateTable table;
    table.tasks = {"a", "b", "c"};
    table.networks = {
        makeNetwork("a", 0.6, {0.1, kNone, kNone}),
        makeNetwork("b", 0.3, {kNone, 0.1, kNone}),
        makeNetwork("c", 0.1, {kNone, kNone, 0.1}),
        makeNetwork("a+b+c", 1.0, {1.0, 1.0, 1.0}),
    };
    const Solution solution = selectNetworks(table, snt(1.0));
    QCOMPARE(namesOf(table, solution.networks), names({"a", "b", "c"}));
    QCOMPARE(solution.cost, snt(1.0));
}

void SelectionTest::equalScoreTiesBreakByNames()
{
    CandidateTable table;
    table.tasks = {"a", "b"};
    table.networks = {
        makeNetwork("a+b", 1.0, {1.0, 1.0}),    makeNetwork("b", 1.0, {kNone, 0.5}),
        makeNetwork("a/2", 0.5, {0.5, kNone}),  makeNetwork("a", 1.0, {0.25, kNone}),
        makeNetwork("b/2", 0.5, {kNone, 0.75}),
    };
    // {a, b/2} and {a/2, b} both total 1 at cost 1.5 with two networks.
    const Solution solution = selectNetworks(table, snt(1.5));
    QCOMPARE(namesOf(table, solution.networks), names({"a", "b/2"}));
    QCOMPARE(solution.totalLoss, 1.0);
}

void SelectionTest::weightsChangeChoice()
{
    CandidateTable table;
    table.tasks = {"a", "b"};
    table.networks = {
        makeNetwork("a+b", 1.0, {1.0, 1.0}),    makeNetwork("b", 1.0, {kNone, 0.5}),
        makeNetwork("a/2", 0.5, {0.5, kNone}),  makeNetwork("a", 1.0, {0.25, kNone}),
        makeNetwork("b/2", 0.5, {kNone, 0.75}),
    };
    Objective objective;
    objective.weights = {1.0, 2.0};
    const Solution solution = selectNetworks(table, snt(1.5), objective);
    QCOMPARE(namesOf(table, solution.networks), names({"a/2", "b"}));
    QCOMPARE(solution.totalLoss, 1.0);
    QCOMPARE(solution.score, 0.5 + 2.0 * 0.5);
}

void SelectionTest::equalScoreTiesBreakByCostThenCount()
{
    CandidateTable table;
    table.tasks = {"a", "b"};
    table.networks = {
        makeNetwork("x", 1.0, {0.5, 0.5}),
        makeNetwork("a/2", 0.5, {0.5, kNone}),
        makeNetwork("b/2", 0.5, {kNone, 0.5}),
    };
    // {x} and {a/2, b/2} tie on loss and cost; fewer networks wins.
    QCOMPARE(namesOf(table, selectNetworks(table, snt(1.0)).networks), names({"x"}));

    // A cheaper network with the same losses wins on cost.
    table.networks.push_back(makeNetwork("y", 0.75, {0.5, 0.5}));
    const Solution cheaper = selectNetworks(table, snt(1.0));
    QCOMPARE(namesOf(table, cheaper.networks), names({"y"}));
    QCOMPARE(cheaper.cost, snt(0.75));
}

void SelectionTest::limitBlocksServingNetwork()
{
    CandidateTable table;
    table.tasks = {"a", "b"};
    table.networks = {
        makeNetwork("a+b", 1.0, {0.2, 2.0}),
        makeNetwork("b/2", 0.5, {kNone, 0.9}),
    };
    QCOMPARE(selectNetworks(table, snt(1.0)).totalLoss, 0.2 + 2.0);

    Objective objective;
    objective.limits = {kNotSolved, 1.0};
    const Solution tooSmall = selectNetworks(table, snt(1.0), objective);
    QVERIFY(!tooSmall.feasible);
    QCOMPARE(tooSmall.minCost, snt(1.5));

    // a+b still carries b's decoder but b/2 serves b.
    const Solution solution = selectNetworks(table, snt(1.5), objective);
    QVERIFY(solution.feasible);
    QCOMPARE(namesOf(table, solution.networks), names({"a+b", "b/2"}));
    QCOMPARE(solution.assignment, (std::vector<int>{0, 1}));
    QCOMPARE(solution.totalLoss, 0.2 + 0.9);
}

void SelectionTest::limitMakesBudgetInfeasible()
{
    const CandidateTable table = threeTaskTable();
    Objective objective;
    objective.limits = {kNotSolved, kNotSolved, 0.5};
    const Solution below = selectNetworks(table, snt(1.5), objective);
    QVERIFY(!below.feasible);
    QCOMPARE(below.minCost, snt(2.0));
    const Solution solution = selectNetworks(table, snt(2.0), objective);
    QCOMPARE(namesOf(table, solution.networks), names({"a+b", "c"}));
}

void SelectionTest::unreachableLimitGivesNoCover()
{
    const CandidateTable table = threeTaskTable();
    Objective objective;
    objective.limits = {kNotSolved, 0.55, kNotSolved};
    const Solution solution = selectNetworks(table, snt(10.0), objective);
    QVERIFY(!solution.feasible);
    QCOMPARE(solution.minCost, Cost(-1));
    QVERIFY(paretoFront(table, objective).empty());
    QCOMPARE(bruteForceSelect(table, snt(10.0), objective).minCost, Cost(-1));
}

void SelectionTest::bruteForceAgreesOnHandInstances()
{
    const CandidateTable table = threeTaskTable();
    for (double budget : {0.5, 1.0, 1.5, 2.0, 3.0}) {
        const Solution expected = bruteForceSelect(table, snt(budget));
        const Solution actual = selectNetworks(table, snt(budget));
        QCOMPARE(actual.networks, expected.networks);
        QCOMPARE(actual.minCost, expected.minCost);
    }
}

void SelectionTest::evaluateNetworkSetTiesToLowerIndex()
{
    CandidateTable table;
    table.tasks = {"a", "b"};
    table.networks = {
        makeNetwork("x", 1.0, {0.5, 0.5}),
        makeNetwork("a/2", 0.5, {0.5, kNone}),
    };
    const Solution both = evaluateNetworkSet(table, {1, 0, 1});
    QVERIFY(both.feasible);
    QCOMPARE(both.networks, (std::vector<int>{0, 1}));
    QCOMPARE(both.assignment, (std::vector<int>{0, 0}));
    QCOMPARE(both.cost, snt(1.5));

    const Solution partial = evaluateNetworkSet(table, {1});
    QVERIFY(!partial.feasible);
    QCOMPARE(partial.assignment, (std::vector<int>{1, -1}));
}

void SelectionTest::evaluateOnTableMatchesByName()
{
    const CandidateTable table = threeTaskTable();
    // Same networks and tasks in another order, with test-set losses.
    CandidateTable test;
    test.tasks = {"c", "a", "b"};
    test.networks = {
        makeNetwork("c", 1.0, {0.45, kNone, kNone}),
        makeNetwork("a/2", 0.5, {kNone, 0.95, kNone}),
        makeNetwork("a+b", 1.0, {kNone, 0.55, 0.65}),
        makeNetwork("b/2", 0.5, {kNone, kNone, 0.95}),
        makeNetwork("c/2", 0.5, {0.75, kNone, kNone}),
        makeNetwork("a+b+c", 1.0, {1.1, 1.1, 1.1}),
    };
    Objective objective;
    objective.weights = {1.0, 1.0, 3.0};
    const Solution solution = selectNetworks(table, snt(2.0), objective);
    const Solution evaluated = evaluateOnTable(solution, table, test, objective);
    QVERIFY(evaluated.feasible);
    QCOMPARE(namesOf(test, evaluated.networks), names({"a+b", "c"}));
    QCOMPARE(evaluated.totalLoss, 0.45 + 0.55 + 0.65);
    QCOMPARE(evaluated.score, 3.0 * 0.45 + 0.55 + 0.65);
    QCOMPARE(evaluated.assignment, (std::vector<int>{0, 2, 2}));
    QCOMPARE(evaluated.budget, snt(2.0));
}

void SelectionTest::cancelStopsSearch()
{
    const auto instance = tg::testing::makeRandomInstance(7);
    const std::atomic_bool cancelled(true);
    SearchStats stats;
    selectNetworks(instance.table, snt(100.0), instance.objective, &stats, &cancelled);
    QCOMPARE(stats.nodes, std::int64_t(1));
    QVERIFY(paretoFront(threeTaskTable(), {}, &cancelled).empty());

    const std::atomic_bool running(false);
    const Solution solution = selectNetworks(threeTaskTable(), snt(2.0), {}, nullptr, &running);
    QCOMPARE(solution.totalLoss, 0.5 + 0.6 + 0.4);
}

void SelectionTest::statsCountNodes()
{
    const CandidateTable table = threeTaskTable();
    SearchStats stats;
    selectNetworks(table, snt(1.5), {}, &stats);
    QVERIFY(stats.nodes > 1);
    QVERIFY(stats.prunedByBound + stats.prunedByCover > 0);
}

QTEST_GUILESS_MAIN(SelectionTest)
#include "tst_selection.moc"
