#include "core/baselines.h"

#include <QtTest>
#include <cmath>

using namespace tg;

namespace {

constexpr Cost kSnt = kCostUnitsPerSnt;

// Valid groupings within 2 SNT and their total losses:
//   abc 3; ab+c 3.5; ab+c-half 4; ac+b 5.7; ac+b-half 6.2; bc+a 4.5;
//   bc+a-half 5; a-half+b-half+c-half 6; one full single and two halves 5.5
//   three times. That is 11 groupings with a total of 54.4.
const char* const kTable = "network,cost,a,b,c\n"
                           "abc,1,1,1,1\n"
                           "ab,1,1,1,\n"
                           "ac,1,2.2,,2\n"
                           "bc,1,,2,1\n"
                           "a,1,1.5,,\n"
                           "b,1,,1.5,\n"
                           "c,1,,,1.5\n"
                           "a-half,0.5,2,,\n"
                           "b-half,0.5,,2,\n"
                           "c-half,0.5,,,2\n";

CandidateTable parse(const std::string& text)
{
    TableReadResult result = parseCandidateCsv(text, "baselines.csv");
    if (!result)
        qFatal("%s", result.error.c_str());
    return *result.table;
}

std::vector<std::string> names(const CandidateTable& table, const Solution& solution)
{
    std::vector<std::string> result;
    for (int n : solution.networks)
        result.push_back(table.networks[n].name);
    return result;
}

} // namespace

class TestBaselines : public QObject
{
    Q_OBJECT

private slots:
    void allInOne();
    void allInOneMissing();
    void independent();
    void randomSingleValidGrouping();
    void randomUniformOverValidGroupings();
    void randomIsSeeded();
    void randomRejectionSampling();
    void randomNoValidGrouping();
    void pessimal();
    void pessimalInfeasibleBudget();
    void pessimalNodeLimit();
};

void TestBaselines::allInOne()
{
    const CandidateTable table = parse(kTable);
    const BaselineSet set = computeBaselines(table, 2 * kSnt);
    QVERIFY(set.allInOne.feasible);
    QCOMPARE(names(table, set.allInOne), std::vector<std::string>{"abc"});
    QCOMPARE(set.allInOne.totalLoss, 3.0);
    QCOMPARE(set.allInOne.cost, kSnt);
    QCOMPARE(set.allInOne.budget, 2 * kSnt);

    const BaselineSet tight = computeBaselines(table, kSnt / 2);
    QVERIFY(!tight.allInOne.feasible);
    QCOMPARE(tight.allInOne.minCost, kSnt);
}

void TestBaselines::allInOneMissing()
{
    std::string text = kTable;
    text.erase(text.find("abc,1,1,1,1\n"), std::string("abc,1,1,1,1\n").size());
    const BaselineSet set = computeBaselines(parse(text), 5 * kSnt);
    QVERIFY(!set.allInOne.feasible);
    QCOMPARE(set.allInOne.minCost, Cost(-1));
}

void TestBaselines::independent()
{
    const CandidateTable table = parse(kTable);
    const BaselineSet loose = computeBaselines(table, 3 * kSnt);
    QVERIFY(loose.independent.feasible);
    QCOMPARE(names(table, loose.independent), (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(loose.independent.totalLoss, 4.5);
    QCOMPARE(loose.independent.cost, 3 * kSnt);

    const BaselineSet tight = computeBaselines(table, 2 * kSnt + kSnt / 2);
    QVERIFY(!tight.independent.feasible);
    QCOMPARE(tight.independent.minCost, 3 * kSnt);
}

void TestBaselines::randomSingleValidGrouping()
{
    const BaselineSet set = computeBaselines(parse(kTable), kSnt);
    QCOMPARE(set.validGroupingCount, std::int64_t(1));
    QCOMPARE(set.randomValidCount, 1000);
    QCOMPARE(set.randomMeanTotalLoss, 3.0);
}

void TestBaselines::randomUniformOverValidGroupings()
{
    BaselineOptions options;
    options.randomSamples = 20000;
    const BaselineSet set = computeBaselines(parse(kTable), 2 * kSnt, options);
    QCOMPARE(set.validGroupingCount, std::int64_t(11));
    QCOMPARE(set.randomValidCount, 20000);
    // The mean of 20000 uniform draws has a standard deviation near 0.007.
    const double exactMean = 54.4 / 11.0;
    QVERIFY2(std::abs(set.randomMeanTotalLoss - exactMean) < 0.05,
             qPrintable(QString::number(set.randomMeanTotalLoss)));
}

void TestBaselines::randomIsSeeded()
{
    const CandidateTable table = parse(kTable);
    BaselineOptions options;
    options.randomSamples = 50;
    options.seed = 7;
    const double first = computeBaselines(table, 2 * kSnt, options).randomMeanTotalLoss;
    const double again = computeBaselines(table, 2 * kSnt, options).randomMeanTotalLoss;
    QCOMPARE(again, first);
    options.seed = 8;
    const double other = computeBaselines(table, 2 * kSnt, options).randomMeanTotalLoss;
    QVERIFY(other != first);
}

void TestBaselines::randomRejectionSampling()
{
    BaselineOptions options;
    options.enumerationLimit = 2;
    const BaselineSet set = computeBaselines(parse(kTable), 2 * kSnt, options);
    QCOMPARE(set.validGroupingCount, std::int64_t(-1));
    QCOMPARE(set.randomValidCount, 1000);
    QVERIFY(set.randomMeanTotalLoss >= 3.0);
    QVERIFY(set.randomMeanTotalLoss <= 6.2);
}

void TestBaselines::randomNoValidGrouping()
{
    const BaselineSet set = computeBaselines(parse(kTable), kSnt / 2);
    QCOMPARE(set.validGroupingCount, std::int64_t(0));
    QCOMPARE(set.randomValidCount, 0);
    QVERIFY(std::isnan(set.randomMeanTotalLoss));
}

void TestBaselines::pessimal()
{
    const CandidateTable table = parse(kTable);
    const BaselineSet one = computeBaselines(table, kSnt);
    QVERIFY(one.pessimalExact);
    QCOMPARE(names(table, one.pessimal), std::vector<std::string>{"abc"});
    QCOMPARE(one.pessimal.totalLoss, 3.0);

    for (const Cost budget : {2 * kSnt, 5 * kSnt}) {
        const BaselineSet set = computeBaselines(table, budget);
        QVERIFY(set.pessimalExact);
        QVERIFY(set.pessimal.feasible);
        QCOMPARE(names(table, set.pessimal), (std::vector<std::string>{"ac", "b-half"}));
        QCOMPARE(set.pessimal.totalLoss, 2.2 + 2.0 + 2.0);
        QCOMPARE(set.pessimal.cost, kSnt + kSnt / 2);
        QCOMPARE(set.pessimal.assignment[0], table.networkIndex("ac"));
        QCOMPARE(set.pessimal.budget, budget);
    }
}

void TestBaselines::pessimalInfeasibleBudget()
{
    const BaselineSet set = computeBaselines(parse(kTable), kSnt / 2);
    QVERIFY(set.pessimalExact);
    QVERIFY(!set.pessimal.feasible);
    QCOMPARE(set.pessimal.minCost, kSnt);
}

void TestBaselines::pessimalNodeLimit()
{
    BaselineOptions options;
    options.pessimalNodeLimit = 1;
    const BaselineSet set = computeBaselines(parse(kTable), 2 * kSnt, options);
    QVERIFY(!set.pessimalExact);
    QVERIFY(set.pessimal.feasible);
}

QTEST_GUILESS_MAIN(TestBaselines)
#include "tst_baselines.moc"
