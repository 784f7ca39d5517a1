#include "widgets/losscurvebuffer.h"
#include "widgets/lossplotwidget.h"

#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <limits>
#include <qcustomplot.h>
#include <thread>
#include <vector>

using tg::LossCurveBuffer;
using tg::LossCurveId;
using tg::LossPlotWidget;
using tg::LossSplit;

namespace {

LossCurveId curve(const char* candidate, LossSplit split = LossSplit::Validation,
                  const char* task = "")
{
    return {QString::fromLatin1(candidate), split, QString::fromLatin1(task)};
}

// A range's lower and upper ends, which QCOMPARE prints on failure.
std::pair<double, double> bounds(const QCPRange& range)
{
    return {range.lower, range.upper};
}

} // namespace

class LossPlotTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bufferRejectsNonFinite_data();
    void bufferRejectsNonFinite();
    void bufferBatchCountsRejected();
    void bufferFlagsUnsortedChunk();
    void bufferConcurrentAppends();
    void plotAddsCurvesFromBuffer();
    void plotFiltersByTaskAndSplit();
    void plotSmoothingIsExponentialAverage();
    void plotSortsOutOfOrderSteps();
    void plotLogScaleToggle();
    void legendClickTogglesVisibility();
    void timerDrainsBuffer();
    void emptyPlotHasDefaultRanges();
};

void LossPlotTest::emptyPlotHasDefaultRanges()
{
    LossPlotWidget widget;
    widget.resize(800, 500);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCustomPlot* plot = widget.plot();
    plot->replot();
    QCOMPARE(bounds(plot->xAxis->range()), (std::pair{0.0, 100.0}));
    QCOMPARE(bounds(plot->yAxis->range()), (std::pair{0.0, 1.0}));
    QVERIFY(widget.placeholder()->visible());
    QCOMPARE(widget.placeholder()->text(),
             QStringLiteral("No loss values yet. Curves appear once training reports its first "
                            "steps."));
    // The axes fill most of the plot instead of collapsing to a strip.
    QVERIFY2(plot->axisRect()->width() > plot->width() / 2,
             qPrintable(QString::number(plot->axisRect()->width())));
    QVERIFY2(plot->axisRect()->height() > plot->height() / 2,
             qPrintable(QString::number(plot->axisRect()->height())));

    widget.setLogScale(true);
    QCOMPARE(bounds(plot->yAxis->range()), (std::pair{0.01, 10.0}));
    widget.setLogScale(false);

    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    buffer->append(curve("a"), {10, 20, 30}, {3.0, 2.0, 1.5});
    QCOMPARE(widget.drainBuffer(), 3);
    QVERIFY(!widget.placeholder()->visible());
    QCOMPARE(bounds(plot->xAxis->range()), (std::pair{10.0, 30.0}));
    QCOMPARE(bounds(plot->yAxis->range()), (std::pair{1.5, 3.0}));

    QCOMPARE(plot->legend->itemCount(), 1);
    QVERIFY(plot->legend->visible());

    widget.clear();
    plot->replot();
    QVERIFY(widget.placeholder()->visible());
    QCOMPARE(bounds(plot->xAxis->range()), (std::pair{0.0, 100.0}));
    QCOMPARE(bounds(plot->yAxis->range()), (std::pair{0.0, 1.0}));
    QVERIFY2(plot->axisRect()->height() > plot->height() / 2,
             qPrintable(QString::number(plot->axisRect()->height())));
}

void LossPlotTest::bufferRejectsNonFinite_data()
{
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("loss");
    QTest::addColumn<bool>("accepted");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("finite") << 1.0 << 0.5 << true;
    QTest::newRow("zero loss") << 2.0 << 0.0 << true;
    QTest::newRow("nan loss") << 1.0 << nan << false;
    QTest::newRow("inf loss") << 1.0 << inf << false;
    QTest::newRow("minus inf loss") << 1.0 << -inf << false;
    QTest::newRow("nan step") << nan << 0.5 << false;
    QTest::newRow("inf step") << inf << 0.5 << false;
}

void LossPlotTest::bufferRejectsNonFinite()
{
    QFETCH(double, step);
    QFETCH(double, loss);
    QFETCH(bool, accepted);
    LossCurveBuffer buffer;
    QCOMPARE(buffer.append(curve("a"), step, loss), accepted);
    QCOMPARE(buffer.rejectedCount(), accepted ? 0 : 1);
    QCOMPARE(buffer.pendingCount(), accepted ? 1 : 0);
    const std::vector<tg::LossCurveChunk> chunks = buffer.takePending();
    QCOMPARE(chunks.size(), accepted ? std::size_t(1) : std::size_t(0));
}

void LossPlotTest::bufferBatchCountsRejected()
{
    LossCurveBuffer buffer;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QVector<double> steps{1, 2, 3, 4, 5};
    const QVector<double> losses{1.0, nan, 0.5, std::numeric_limits<double>::infinity(), 0.25};
    QCOMPARE(buffer.append(curve("a"), steps, losses), 2);
    QCOMPARE(buffer.rejectedCount(), 2);

    const std::vector<tg::LossCurveChunk> chunks = buffer.takePending();
    QCOMPARE(chunks.size(), std::size_t(1));
    QCOMPARE(chunks[0].steps, (QVector<double>{1, 3, 5}));
    QCOMPARE(chunks[0].losses, (QVector<double>{1.0, 0.5, 0.25}));
    QVERIFY(buffer.takePending().empty());
    QCOMPARE(buffer.pendingCount(), 0);
}

void LossPlotTest::bufferFlagsUnsortedChunk()
{
    LossCurveBuffer buffer;
    buffer.append(curve("a"), 1, 1.0);
    buffer.append(curve("a"), 2, 1.0);
    buffer.append(curve("b"), 5, 1.0);
    buffer.append(curve("b"), 3, 1.0);
    const std::vector<tg::LossCurveChunk> chunks = buffer.takePending();
    QCOMPARE(chunks.size(), std::size_t(2));
    QCOMPARE(chunks[0].id.candidate, QStringLiteral("a"));
    QVERIFY(chunks[0].sorted);
    QCOMPARE(chunks[1].id.candidate, QStringLiteral("b"));
    QVERIFY(!chunks[1].sorted);
}

void LossPlotTest::bufferConcurrentAppends()
{
    LossCurveBuffer buffer;
    constexpr int threads = 4;
    constexpr int pointsPerThread = 20000;
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
        workers.emplace_back([&buffer, w] {
            const LossCurveId id{QString::number(w), LossSplit::Training, QString()};
            for (int i = 0; i < pointsPerThread; ++i) {
                const double loss = (i % 100 == 0) ? std::nan("") : 1.0 / (i + 1);
                buffer.append(id, i, loss);
            }
        });
    }

    // Drain while the workers append, as the GUI timer does.
    std::vector<qsizetype> received(threads, 0);
    auto drain = [&] {
        for (const tg::LossCurveChunk& chunk : buffer.takePending()) {
            QVERIFY(chunk.sorted);
            received[static_cast<std::size_t>(chunk.id.candidate.toInt())] += chunk.steps.size();
        }
    };
    for (int i = 0; i < 50; ++i)
        drain();
    for (std::thread& worker : workers)
        worker.join();
    drain();

    for (int w = 0; w < threads; ++w)
        QCOMPARE(received[static_cast<std::size_t>(w)], pointsPerThread - pointsPerThread / 100);
    QCOMPARE(buffer.rejectedCount(), threads * (pointsPerThread / 100));
}

void LossPlotTest::plotAddsCurvesFromBuffer()
{
    LossPlotWidget widget;
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    buffer->append(curve("a", LossSplit::Training), 1, 2.0);
    buffer->append(curve("a", LossSplit::Validation), 1, 2.5);
    buffer->append(curve("b", LossSplit::Validation), 1, 3.0);
    buffer->append(curve("b", LossSplit::Validation), 2, std::nan(""));

    QCOMPARE(widget.drainBuffer(), 3);
    QCOMPARE(widget.curveCount(), 3);
    QCOMPARE(buffer->rejectedCount(), 1);
    QVERIFY(widget.isCurveVisible(curve("a", LossSplit::Training)));
    QCOMPARE(widget.displayedLosses(curve("b")), QVector<double>{3.0});
    QCOMPARE(widget.plot()->legend->itemCount(), 3);
    QCOMPARE(widget.drainBuffer(), 0);
}

void LossPlotTest::plotFiltersByTaskAndSplit()
{
    LossPlotWidget widget;
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    buffer->append(curve("a"), 1, 1.0);
    buffer->append(curve("a", LossSplit::Validation, "depth"), 1, 0.4);
    buffer->append(curve("a", LossSplit::Training, "depth"), 1, 0.3);
    widget.drainBuffer();

    QVERIFY(widget.isCurveVisible(curve("a")));
    QVERIFY(!widget.isCurveVisible(curve("a", LossSplit::Validation, "depth")));

    widget.setTaskFilter(QStringLiteral("depth"));
    QVERIFY(!widget.isCurveVisible(curve("a")));
    QVERIFY(widget.isCurveVisible(curve("a", LossSplit::Validation, "depth")));
    QVERIFY(widget.isCurveVisible(curve("a", LossSplit::Training, "depth")));
    QCOMPARE(widget.plot()->legend->itemCount(), 2);

    widget.setSplitShown(LossSplit::Training, false);
    QVERIFY(!widget.isCurveVisible(curve("a", LossSplit::Training, "depth")));
    QVERIFY(widget.isCurveVisible(curve("a", LossSplit::Validation, "depth")));
    QCOMPARE(widget.plot()->legend->itemCount(), 1);
}

void LossPlotTest::plotSmoothingIsExponentialAverage()
{
    LossPlotWidget widget;
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    widget.setSmoothing(0.5);
    buffer->append(curve("a"), {1, 2}, {1.0, 3.0});
    widget.drainBuffer();
    QCOMPARE(widget.displayedLosses(curve("a")), (QVector<double>{1.0, 2.0}));

    // Appended points continue the average from the last smoothed value.
    buffer->append(curve("a"), 3, 4.0);
    widget.drainBuffer();
    QCOMPARE(widget.displayedLosses(curve("a")), (QVector<double>{1.0, 2.0, 3.0}));

    widget.setSmoothing(0.0);
    QCOMPARE(widget.displayedLosses(curve("a")), (QVector<double>{1.0, 3.0, 4.0}));
    widget.setSmoothing(0.75);
    QCOMPARE(widget.displayedLosses(curve("a")), (QVector<double>{1.0, 1.5, 2.125}));
}

void LossPlotTest::plotSortsOutOfOrderSteps()
{
    LossPlotWidget widget;
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    buffer->append(curve("a"), {10, 20}, {1.0, 2.0});
    widget.drainBuffer();
    buffer->append(curve("a"), {15, 5}, {1.5, 0.5});
    widget.drainBuffer();
    QCOMPARE(widget.displayedLosses(curve("a")), (QVector<double>{0.5, 1.0, 1.5, 2.0}));
}

void LossPlotTest::plotLogScaleToggle()
{
    LossPlotWidget widget;
    QSignalSpy spy(&widget, &LossPlotWidget::logScaleChanged);
    QCOMPARE(widget.plot()->yAxis->scaleType(), QCPAxis::stLinear);
    widget.setLogScale(true);
    QCOMPARE(widget.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(widget.logScale());
    widget.setLogScale(false);
    QCOMPARE(widget.plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QCOMPARE(spy.count(), 2);
}

void LossPlotTest::legendClickTogglesVisibility()
{
    LossPlotWidget widget;
    widget.resize(800, 500);
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    buffer->append(curve("a"), {1, 2, 3}, {3.0, 2.0, 1.0});
    buffer->append(curve("b"), {1, 2, 3}, {2.0, 1.5, 1.2});
    widget.drainBuffer();
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.plot()->replot(QCustomPlot::rpImmediateRefresh);

    const QRect item = widget.legendItemRect(curve("b"));
    QVERIFY(!item.isEmpty());
    QSignalSpy spy(&widget, &LossPlotWidget::curveVisibilityChanged);
    QTest::mouseClick(widget.plot(), Qt::LeftButton, Qt::NoModifier, item.center());
    QCOMPARE(spy.count(), 1);
    QVERIFY(!widget.isCurveVisible(curve("b")));
    QVERIFY(widget.isCurveVisible(curve("a")));

    QTest::mouseClick(widget.plot(), Qt::LeftButton, Qt::NoModifier, item.center());
    QCOMPARE(spy.count(), 2);
    QVERIFY(widget.isCurveVisible(curve("b")));
}

void LossPlotTest::timerDrainsBuffer()
{
    LossPlotWidget widget;
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    QCOMPARE(widget.refreshInterval(), 40);
    buffer->append(curve("a"), 1, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(widget.curveCount(), 1, 2000);
    QCOMPARE(buffer->pendingCount(), 0);
}

QTEST_MAIN(LossPlotTest)
#include "tst_lossplot.moc"
