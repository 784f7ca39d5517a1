#include "core/affinity.h"
#include "widgets/affinityheatmapwidget.h"
#include "widgettestsupport.h"

#include <QTest>
#include <cmath>
#include <qcustomplot.h>

using namespace tg;

Q_DECLARE_METATYPE(tg::AffinityKind)

class AffinityHeatmapTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cellsMatchAffinity_data();
    void cellsMatchAffinity();
    void rangeIsSymmetric();
    void toolTipShowsExactValue();
    void meansShownForRelative();

private:
    CandidateTable m_table;
    AffinityMatrices m_matrices;
};

void AffinityHeatmapTest::initTestCase()
{
    TableReadResult read = parseCandidateCsv(test::threeTaskCsv().toStdString(), "three.csv");
    QVERIFY2(read, read.error.c_str());
    m_table = *read.table;
    m_matrices = computeAffinity(m_table);
    QCOMPARE(m_matrices.tasks.size(), std::size_t(3));
}

void AffinityHeatmapTest::cellsMatchAffinity_data()
{
    QTest::addColumn<AffinityKind>("kind");
    QTest::newRow("relative") << AffinityKind::Relative;
    QTest::newRow("affinity") << AffinityKind::Affinity;
}

void AffinityHeatmapTest::cellsMatchAffinity()
{
    QFETCH(AffinityKind, kind);
    AffinityHeatmapWidget widget;
    widget.setAffinity(m_matrices, kind);
    const auto& expected =
        kind == AffinityKind::Relative ? m_matrices.relative : m_matrices.affinity;

    QCOMPARE(widget.rowCount(), 3);
    QCOMPARE(widget.columnCount(), 3);
    int missing = 0;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            const std::optional<double>& value =
                expected[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            const QByteArray where = QByteArray::number(r) + ',' + QByteArray::number(c);
            if (r == c) {
                QVERIFY2(widget.isDiagonal(r, c), where);
                QVERIFY2(!widget.isCellMissing(r, c), where);
                QVERIFY2(widget.cellText(r, c).isEmpty(), where);
                continue;
            }
            if (value) {
                QVERIFY2(widget.cellValue(r, c).has_value(), where);
                QCOMPARE(*widget.cellValue(r, c), *value);
                QCOMPARE(widget.cellText(r, c), QString::number(*value, 'f', 1));
                QVERIFY2(!widget.isCellMissing(r, c), where);
            } else {
                ++missing;
                QVERIFY2(widget.isCellMissing(r, c), where);
                QVERIFY2(!widget.cellValue(r, c).has_value(), where);
                QCOMPARE(widget.cellText(r, c), QStringLiteral("n/a"));
            }
        }
    }
    // The table lacks the normal+edges pair, so both directions are missing.
    QCOMPARE(missing, 2);
    QVERIFY(widget.isCellMissing(1, 2));
    QVERIFY(widget.isCellMissing(2, 1));
}

void AffinityHeatmapTest::rangeIsSymmetric()
{
    AffinityHeatmapWidget widget;
    widget.setAffinity(m_matrices, AffinityKind::Relative);
    double largest = 0.0;
    for (const auto& row : m_matrices.relative) {
        for (const auto& cell : row) {
            if (cell)
                largest = std::max(largest, std::abs(*cell));
        }
    }
    for (const auto& mean : m_matrices.rowMean) {
        if (mean)
            largest = std::max(largest, std::abs(*mean));
    }
    for (const auto& mean : m_matrices.columnMean) {
        if (mean)
            largest = std::max(largest, std::abs(*mean));
    }
    QVERIFY(largest > 0.0);
    QCOMPARE(widget.rangeLimit(), largest);
    auto* map = qobject_cast<QCPColorMap*>(widget.plot()->plottable(0));
    QVERIFY(map);
    QCOMPARE(map->dataRange().lower, -largest);
    QCOMPARE(map->dataRange().upper, largest);

    widget.setRangeLimit(50.0);
    QCOMPARE(widget.rangeLimit(), 50.0);
    QCOMPARE(map->dataRange().lower, -50.0);
    QCOMPARE(map->dataRange().upper, 50.0);

    widget.setRangeLimit(-3.0);
    QCOMPARE(widget.rangeLimit(), largest);
}

void AffinityHeatmapTest::toolTipShowsExactValue()
{
    AffinityHeatmapWidget widget;
    widget.resize(600, 500);
    widget.setAffinity(m_matrices, AffinityKind::Relative);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.plot()->replot(QCustomPlot::rpImmediateRefresh);

    const double value = *m_matrices.relative[0][1];
    const QString tip = widget.toolTipAt(widget.cellCentre(0, 1));
    QVERIFY2(tip.contains(QString::number(value, 'f', 3)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("depth")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("normal")), qPrintable(tip));

    const QString missingTip = widget.toolTipAt(widget.cellCentre(1, 2));
    QVERIFY2(missingTip.contains(QStringLiteral("n/a")), qPrintable(missingTip));
    QVERIFY(widget.toolTipAt(widget.cellCentre(1, 1)).isEmpty());
}

void AffinityHeatmapTest::meansShownForRelative()
{
    AffinityHeatmapWidget widget;
    widget.setAffinity(m_matrices, AffinityKind::Relative);
    QCOMPARE(widget.data().rowMeans, m_matrices.rowMean);
    QCOMPARE(widget.data().columnMeans, m_matrices.columnMean);

    widget.setAffinity(m_matrices, AffinityKind::Affinity);
    const std::optional<double>& depthMean = widget.data().rowMeans[0];
    QVERIFY(depthMean.has_value());
    QCOMPARE(*depthMean, (*m_matrices.affinity[0][1] + *m_matrices.affinity[0][2]) / 2.0);
    QCOMPARE(widget.data().rowMeans, widget.data().columnMeans);
}

QTEST_MAIN(AffinityHeatmapTest)
#include "tst_affinityheatmap.moc"
