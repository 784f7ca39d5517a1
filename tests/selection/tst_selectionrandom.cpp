#include "core/selection.h"
#include "randominstance.h"

#include <QTest>

using namespace tg;
using tg::testing::makeRandomInstance;

namespace {

constexpr int kInstanceCount = 600;

QByteArray describe(const Solution& solution)
{
    QByteArray text = solution.feasible ? "feasible" : "infeasible";
    text += " cost " + QByteArray::fromStdString(formatCost(solution.cost));
    text += " score " + QByteArray::number(solution.score, 'g', 17);
    text += " min cost " + QByteArray::number(static_cast<qlonglong>(solution.minCost));
    text += " networks";
    for (int n : solution.networks)
        text += ' ' + QByteArray::number(n);
    return text;
}

// Equal down to the bit: both searches must pick the same set, so every
// derived figure is computed from the same data in the same order.
bool sameSolution(const Solution& a, const Solution& b)
{
    return a.feasible == b.feasible && a.networks == b.networks && a.cost == b.cost &&
           a.score == b.score && a.totalLoss == b.totalLoss && a.assignment == b.assignment &&
           a.minCost == b.minCost;
}

} // namespace

class SelectionRandomTest : public QObject
{
    Q_OBJECT

private slots:
    void branchAndBoundMatchesBruteForce_data();
    void branchAndBoundMatchesBruteForce();
    void wideInstancesMatchBruteForce_data();
    void wideInstancesMatchBruteForce();
    void paretoFrontMatchesSelection_data();
    void paretoFrontMatchesSelection();
};

void SelectionRandomTest::branchAndBoundMatchesBruteForce_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= kInstanceCount; ++seed)
        QTest::addRow("seed %d", seed) << seed;
}

void SelectionRandomTest::branchAndBoundMatchesBruteForce()
{
    QFETCH(int, seed);
    const auto instance = makeRandomInstance(static_cast<std::uint32_t>(seed));
    const Solution expected = bruteForceSelect(instance.table, instance.budget, instance.objective);
    const Solution actual = selectNetworks(instance.table, instance.budget, instance.objective);

    const QByteArray context = QByteArray::fromStdString(instance.description) +
                               "\nbrute force:      " + describe(expected) +
                               "\nbranch and bound: " + describe(actual);
    QVERIFY2(actual.feasible == expected.feasible, context.constData());
    QVERIFY2(actual.score == expected.score || !expected.feasible, context.constData());
    QVERIFY2(actual.cost == expected.cost, context.constData());
    QVERIFY2(actual.networks == expected.networks, context.constData());
    QVERIFY2(actual.minCost == expected.minCost, context.constData());
    QCOMPARE(actual.budget, instance.budget);
}

void SelectionRandomTest::wideInstancesMatchBruteForce_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 150; ++seed)
        QTest::addRow("seed %d", seed) << seed;
}

void SelectionRandomTest::wideInstancesMatchBruteForce()
{
    QFETCH(int, seed);
    const auto instance = tg::testing::makeWideRandomInstance(static_cast<std::uint32_t>(seed));
    const Solution expected = bruteForceSelect(instance.table, instance.budget, instance.objective);
    const Solution actual = selectNetworks(instance.table, instance.budget, instance.objective);

    const QByteArray context = QByteArray::fromStdString(instance.description) +
                               "\nbrute force:      " + describe(expected) +
                               "\nbranch and bound: " + describe(actual);
    QVERIFY2(actual.feasible == expected.feasible, context.constData());
    QVERIFY2(actual.networks == expected.networks, context.constData());
    QVERIFY2(actual.minCost == expected.minCost, context.constData());
}

void SelectionRandomTest::paretoFrontMatchesSelection_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= kInstanceCount; seed += 3)
        QTest::addRow("seed %d", seed) << seed;
}

void SelectionRandomTest::paretoFrontMatchesSelection()
{
    QFETCH(int, seed);
    const auto instance = makeRandomInstance(static_cast<std::uint32_t>(seed));
    const std::vector<Solution> front = paretoFront(instance.table, instance.objective);
    const QByteArray shape = QByteArray::fromStdString(instance.description);

    for (std::size_t i = 1; i < front.size(); ++i) {
        QVERIFY2(front[i].cost > front[i - 1].cost, shape.constData());
        QVERIFY2(front[i].score < front[i - 1].score, shape.constData());
    }

    std::vector<Cost> budgets;
    for (Cost budget = 0; budget <= 6 * kCostUnitsPerSnt; budget += kCostUnitsPerSnt / 2)
        budgets.push_back(budget);
    for (const Solution& point : front) {
        budgets.push_back(point.cost);
        budgets.push_back(point.cost - 1);
    }
    for (Cost budget : budgets) {
        const Solution fromFront = solutionAtBudget(front, budget);
        const Solution searched = selectNetworks(instance.table, budget, instance.objective);
        const QByteArray context =
            shape + "\nat budget " + QByteArray::fromStdString(formatCost(budget)) +
            "\nfront:  " + describe(fromFront) + "\nsearch: " + describe(searched);
        QVERIFY2(sameSolution(fromFront, searched), context.constData());
        QCOMPARE(fromFront.budget, budget);
    }
}

QTEST_GUILESS_MAIN(SelectionRandomTest)
#include "tst_selectionrandom.moc"
