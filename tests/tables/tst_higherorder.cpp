#include "core/higherorder.h"

#include <QtTest>

using namespace tg;

namespace {

constexpr Cost kSnt = kCostUnitsPerSnt;

// Pair losses L[t][u] (loss of t in the pair network of t and u):
//   a: b 1, c 2, d 4      b: a 10, c 20, d 40
//   c: a 0.5, b 1.5, d 2.5      d: a 3, b 6, c 9
// The pair network cd costs 2 SNT, every other one 1 SNT.
const char* const kTable = "network,cost,a,b,c,d\n"
                           "a,1,1,,,\n"
                           "b,1,,1,,\n"
                           "c,1,,,1,\n"
                           "d,1,,,,1\n"
                           "a-half,0.5,2,,,\n"
                           "ab,1,1,10,,\n"
                           "ac,1,2,,0.5,\n"
                           "ad,1,4,,,3\n"
                           "bc,1,,20,1.5,\n"
                           "bd,1,,40,,6\n"
                           "cd,2,,,2.5,9\n"
                           "abc,1,7,7,7,\n"
                           "abcd,1,7,7,7,7\n";

CandidateTable parse(const std::string& text)
{
    TableReadResult result = parseCandidateCsv(text, "pairs.csv");
    if (!result)
        qFatal("%s", result.error.c_str());
    return *result.table;
}

} // namespace

class TestHigherOrder : public QObject
{
    Q_OBJECT

private slots:
    void predictions_data();
    void predictions();
    void keptRowsAndCounts();
    void missingPairFails();
    void namesAvoidCollisions();
    void longTaskNamesJoined();
    void twoTasksPredictNothing();
    void tooManyTasksFails();
};

void TestHigherOrder::predictions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<double>>("losses"); // a, b, c, d; -1 where not solved
    QTest::addColumn<double>("cost");

    QTest::newRow("abc") << QStringLiteral("abc") << QList<double>{1.5, 15.0, 1.0, -1} << 1.0;
    QTest::newRow("abd") << QStringLiteral("abd") << QList<double>{2.5, 25.0, -1, 4.5} << 1.0;
    QTest::newRow("acd") << QStringLiteral("acd") << QList<double>{3.0, -1, 1.5, 6.0} << 2.0;
    QTest::newRow("bcd") << QStringLiteral("bcd") << QList<double>{-1, 30.0, 2.0, 7.5} << 2.0;
    QTest::newRow("abcd") << QStringLiteral("abcd")
                          << QList<double>{(1.0 + 2.0 + 4.0) / 3.0, (10.0 + 20.0 + 40.0) / 3.0,
                                           (0.5 + 1.5 + 2.5) / 3.0, (3.0 + 6.0 + 9.0) / 3.0}
                          << 2.0;
}

void TestHigherOrder::predictions()
{
    QFETCH(QString, name);
    QFETCH(QList<double>, losses);
    QFETCH(double, cost);

    const HigherOrderResult result = predictHigherOrder(parse(kTable));
    QVERIFY2(result, result.error.c_str());
    const CandidateTable& table = *result.table;
    const int n = table.networkIndex(name.toStdString());
    QVERIFY(n >= 0);
    const Network& network = table.networks[n];
    QCOMPARE(network.origin, Origin::Predicted);
    QCOMPARE(network.cost, *costFromSnt(cost));
    for (int t = 0; t < 4; ++t) {
        if (losses[t] < 0)
            QVERIFY(!network.solves(t));
        else
            QCOMPARE(network.losses[t], losses[t]);
    }
}

void TestHigherOrder::keptRowsAndCounts()
{
    const CandidateTable input = parse(kTable);
    const HigherOrderResult result = predictHigherOrder(input);
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.setAside, 2);
    QCOMPARE(result.predicted, 5);
    const CandidateTable& table = *result.table;
    QCOMPARE(table.tasks, input.tasks);
    QCOMPARE(table.networks.size(), std::size_t(11 + 5));
    // Kept rows keep their order and values; predicted rows follow by size.
    for (std::size_t n = 0; n < 11; ++n) {
        QCOMPARE(table.networks[n].name, input.networks[n].name);
        QCOMPARE(table.networks[n].losses, input.networks[n].losses);
        QCOMPARE(table.networks[n].origin, Origin::Trained);
    }
    QCOMPARE(table.networks[11].name, std::string("abc"));
    QCOMPARE(table.networks[14].name, std::string("bcd"));
    QCOMPARE(table.networks[15].name, std::string("abcd"));
}

void TestHigherOrder::missingPairFails()
{
    std::string text = kTable;
    text.erase(text.find("bd,1,,40,,6\n"), std::string("bd,1,,40,,6\n").size());
    const HigherOrderResult result = predictHigherOrder(parse(text));
    QVERIFY(!result);
    QVERIFY(!result.table.has_value());
    QVERIFY2(result.error.find("No pair network for b+d.") == 0, result.error.c_str());
}

void TestHigherOrder::namesAvoidCollisions()
{
    // A pair network named like the predicted group of three.
    const CandidateTable input = parse("network,cost,a,b,c\n"
                                       "abc,1,1,2,\n"
                                       "ac,1,3,,4\n"
                                       "bc,1,,5,6\n");
    const HigherOrderResult result = predictHigherOrder(input);
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.table->networks.back().name, std::string("abc-predicted"));
    QCOMPARE(result.table->networks.back().losses[0], 2.0);
    QCOMPARE(result.table->networks.back().losses[1], 3.5);
    QCOMPARE(result.table->networks.back().losses[2], 5.0);
}

void TestHigherOrder::longTaskNamesJoined()
{
    const CandidateTable input = parse("network,cost,seg,depth,normal\n"
                                       "sd,1,1,2,\n"
                                       "sn,1,3,,4\n"
                                       "dn,1,,5,6\n");
    const HigherOrderResult result = predictHigherOrder(input);
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.table->networks.back().name, std::string("seg+depth+normal"));
}

void TestHigherOrder::twoTasksPredictNothing()
{
    const CandidateTable input = parse("network,cost,a,b\nab,1,1,2\na,1,1,\n");
    const HigherOrderResult result = predictHigherOrder(input);
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.predicted, 0);
    QCOMPARE(result.setAside, 0);
    QCOMPARE(result.table->networks.size(), std::size_t(2));
}

void TestHigherOrder::tooManyTasksFails()
{
    CandidateTable table;
    for (int t = 0; t < 17; ++t) {
        table.tasks.push_back("t" + std::to_string(t));
        Network network;
        network.name = table.tasks.back();
        network.cost = kSnt;
        table.networks.push_back(network);
    }
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        table.networks[n].losses.assign(17, kNotSolved);
        table.networks[n].losses[n] = 1.0;
    }
    const HigherOrderResult result = predictHigherOrder(table);
    QVERIFY(!result);
    QVERIFY2(result.error.find("The table has 17 tasks") == 0, result.error.c_str());
}

QTEST_GUILESS_MAIN(TestHigherOrder)
#include "tst_higherorder.moc"
