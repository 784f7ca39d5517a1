#include "core/cost.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace tg;

class CostTest : public QObject
{
    Q_OBJECT

private slots:
    void parseCostValid_data();
    void parseCostValid();
    void parseCostInvalid_data();
    void parseCostInvalid();
    void formatCost_data();
    void formatCost();
    void costFromSntRejectsInvalid();
    void sumsCompareExactly();
};

void CostTest::parseCostValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("units");
    QTest::newRow("half") << "0.5" << qint64(500000);
    QTest::newRow("one") << "1" << qint64(1000000);
    QTest::newRow("two and a quarter") << "2.25" << qint64(2250000);
    QTest::newRow("exponent") << "1e-1" << qint64(100000);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("six decimals") << "0.000001" << qint64(1);
    QTest::newRow("seventh decimal rounds up") << "0.0000016" << qint64(2);
    QTest::newRow("seventh decimal rounds down") << "0.0000014" << qint64(1);
    QTest::newRow("tenth") << "0.1" << qint64(100000);
}

void CostTest::parseCostValid()
{
    QFETCH(QString, text);
    QFETCH(qint64, units);
    const std::optional<Cost> cost = parseCost(text.toStdString());
    QVERIFY(cost.has_value());
    QCOMPARE(*cost, units);
}

void CostTest::parseCostInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("word") << "abc";
    QTest::newRow("negative") << "-1";
    QTest::newRow("nan") << "nan";
    QTest::newRow("infinity") << "inf";
    QTest::newRow("trailing text") << "1x";
    QTest::newRow("trailing space") << "1 ";
    QTest::newRow("too large") << "1e13";
    QTest::newRow("just above the cap") << "1000000000.5";
    QTest::newRow("hexadecimal") << "0x10";
    QTest::newRow("leading space") << " 1";
    QTest::newRow("overflow") << "1e400";
}

void CostTest::parseCostInvalid()
{
    QFETCH(QString, text);
    QVERIFY(!parseCost(text.toStdString()).has_value());
}

void CostTest::formatCost_data()
{
    QTest::addColumn<qint64>("units");
    QTest::addColumn<QString>("text");
    QTest::newRow("half") << qint64(500000) << "0.5";
    QTest::newRow("two") << qint64(2000000) << "2";
    QTest::newRow("zero") << qint64(0) << "0";
    QTest::newRow("one unit") << qint64(1) << "0.000001";
    QTest::newRow("all decimals") << qint64(1234567) << "1.234567";
    QTest::newRow("negative") << qint64(-500000) << "-0.5";
    QTest::newRow("quarter") << qint64(10250000) << "10.25";
}

void CostTest::formatCost()
{
    QFETCH(qint64, units);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(tg::formatCost(units)), text);
}

void CostTest::costFromSntRejectsInvalid()
{
    QVERIFY(!costFromSnt(-0.1).has_value());
    QVERIFY(!costFromSnt(std::numeric_limits<double>::quiet_NaN()).has_value());
    QVERIFY(!costFromSnt(std::numeric_limits<double>::infinity()).has_value());
    QVERIFY(!costFromSnt(kMaxCostSnt * 1.000001).has_value());
    QCOMPARE(*costFromSnt(kMaxCostSnt), Cost(1'000'000'000'000'000));
    QCOMPARE(*costFromSnt(0.5), Cost(500000));
    QCOMPARE(costToSnt(1500000), 1.5);
}

void CostTest::sumsCompareExactly()
{
    // 0.6 + 0.3 + 0.1 is 0.9999999999999999 in doubles, but exactly one SNT
    // in cost units.
    QVERIFY(0.6 + 0.3 + 0.1 != 1.0);
    const Cost sum = *parseCost("0.6") + *parseCost("0.3") + *parseCost("0.1");
    QCOMPARE(sum, *parseCost("1"));
}

QTEST_GUILESS_MAIN(CostTest)
#include "tst_cost.moc"
