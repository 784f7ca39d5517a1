#include "core/affinity.h"

#include <QtTest>

using namespace tg;

namespace {

// Half-size losses a 1.25, b 2.5, c 5; pairs ab and ac but no bc, so every
// relative value below is exact in binary floating point.
const char* const kTable = "network,cost,a,b,c\n"
                           "a,1,1,,\n"
                           "b,1,,2,\n"
                           "c,1,,,4\n"
                           "a-half,0.5,1.25,,\n"
                           "b-half,0.5,,2.5,\n"
                           "c-half,0.5,,,5\n"
                           "ab,1,1.0,2.25,\n"
                           "ac,1,1.5,,4\n"
                           "abc,1,9,9,9\n";

CandidateTable parse(const std::string& text)
{
    TableReadResult result = parseCandidateCsv(text, "affinity.csv");
    if (!result)
        qFatal("%s", result.error.c_str());
    return *result.table;
}

} // namespace

class TestAffinity : public QObject
{
    Q_OBJECT

private slots:
    void relativeValues();
    void affinityValues();
    void means();
    void missingPairReported();
    void missingHalfSizeReported();
    void zeroHalfSizeLossReported();
    void pickedNetworks();
};

void TestAffinity::relativeValues()
{
    const AffinityMatrices result = computeAffinity(parse(kTable));
    QCOMPARE(result.tasks, (std::vector<std::string>{"a", "b", "c"}));
    // rel[a][b]: b in ab (2.25) against b-half (2.5).
    QCOMPARE(result.relative[0][1], std::optional<double>(10.0));
    // rel[b][a]: a in ab (1.0) against a-half (1.25).
    QCOMPARE(result.relative[1][0], std::optional<double>(20.0));
    // rel[a][c]: c in ac (4) against c-half (5).
    QCOMPARE(result.relative[0][2], std::optional<double>(20.0));
    // rel[c][a]: a in ac (1.5) against a-half (1.25), worse in the pair.
    QCOMPARE(result.relative[2][0], std::optional<double>(-20.0));
    QVERIFY(!result.relative[1][2].has_value());
    QVERIFY(!result.relative[2][1].has_value());
    for (int t = 0; t < 3; ++t)
        QVERIFY(!result.relative[t][t].has_value());
}

void TestAffinity::affinityValues()
{
    const AffinityMatrices result = computeAffinity(parse(kTable));
    QCOMPARE(result.affinity[0][1], std::optional<double>(15.0));
    QCOMPARE(result.affinity[1][0], std::optional<double>(15.0));
    QCOMPARE(result.affinity[0][2], std::optional<double>(0.0));
    QCOMPARE(result.affinity[2][0], std::optional<double>(0.0));
    QVERIFY(!result.affinity[1][2].has_value());
    QVERIFY(!result.affinity[0][0].has_value());
}

void TestAffinity::means()
{
    const AffinityMatrices result = computeAffinity(parse(kTable));
    QCOMPARE(result.rowMean[0], std::optional<double>(15.0));
    QCOMPARE(result.rowMean[1], std::optional<double>(20.0));
    QCOMPARE(result.rowMean[2], std::optional<double>(-20.0));
    QCOMPARE(result.columnMean[0], std::optional<double>(0.0));
    QCOMPARE(result.columnMean[1], std::optional<double>(10.0));
    QCOMPARE(result.columnMean[2], std::optional<double>(20.0));
}

void TestAffinity::missingPairReported()
{
    const AffinityMatrices result = computeAffinity(parse(kTable));
    QCOMPARE(result.problems.size(), std::size_t(1));
    QCOMPARE(result.problems[0], std::string("No pair network for tasks 'b' and 'c': it needs a "
                                             "network that solves exactly these two."));
}

void TestAffinity::missingHalfSizeReported()
{
    std::string text = kTable;
    text.erase(text.find("c-half,0.5,,,5\n"), std::string("c-half,0.5,,,5\n").size());
    const AffinityMatrices result = computeAffinity(parse(text));
    QVERIFY(!result.relative[0][2].has_value());
    QVERIFY(!result.affinity[0][2].has_value());
    QCOMPARE(result.relative[2][0], std::optional<double>(-20.0));
    QCOMPARE(result.relative[0][1], std::optional<double>(10.0));
    QCOMPARE(result.columnMean[2], std::optional<double>());
    QCOMPARE(result.problems.size(), std::size_t(2));
    QVERIFY2(result.problems[0].find("No half-size network for task 'c'") == 0,
             result.problems[0].c_str());
}

void TestAffinity::zeroHalfSizeLossReported()
{
    std::string text = kTable;
    text.replace(text.find("a-half,0.5,1.25"), std::string("a-half,0.5,1.25").size(),
                 "a-half,0.5,0");
    const AffinityMatrices result = computeAffinity(parse(text));
    QVERIFY(!result.relative[1][0].has_value());
    QVERIFY(!result.relative[2][0].has_value());
    QCOMPARE(result.relative[0][1], std::optional<double>(10.0));
    QVERIFY2(result.problems[0].find("'a-half' has loss 0 on task 'a'") != std::string::npos,
             result.problems[0].c_str());
}

void TestAffinity::pickedNetworks()
{
    const CandidateTable table = parse(kTable);
    QCOMPARE(fullNetworkFor(table, {0}), table.networkIndex("a"));
    QCOMPARE(halfSizeNetworkFor(table, 0), table.networkIndex("a-half"));
    QCOMPARE(fullNetworkFor(table, {0, 1}), table.networkIndex("ab"));
    QCOMPARE(fullNetworkFor(table, {1, 2}), -1);
    // With only one single-task network, that one is full size and no
    // half-size network exists.
    const CandidateTable single = parse("network,cost,a,b\nx,0.5,1,\ny,1,,1\n");
    QCOMPARE(fullNetworkFor(single, {0}), 0);
    QCOMPARE(halfSizeNetworkFor(single, 0), -1);
}

QTEST_GUILESS_MAIN(TestAffinity)
#include "tst_affinity.moc"
