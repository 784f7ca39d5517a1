#include "core/affinity.h"
#include "core/selection.h"
#include "widgets/affinityheatmapwidget.h"
#include "widgets/budgetpanel.h"
#include "widgets/candidatetableview.h"
#include "widgets/figureexport.h"
#include "widgets/groupinggraphwidget.h"
#include "widgets/lossplotwidget.h"
#include "widgets/tradeoffplotwidget.h"
#include "widgettestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>
#include <memory>

using namespace tg;

// Builds one of each view on the three-task table, filled with data.
class ViewSet
{
public:
    explicit ViewSet(std::shared_ptr<const CandidateTable> table)
        : m_table(std::move(table)), m_front(paretoFront(*m_table))
    {
        const Solution solution = solutionAtBudget(m_front, Cost(2'500'000));
        graph.setTable(m_table);
        graph.setSolution(solution);

        heatmap.setAffinity(computeAffinity(*m_table), AffinityKind::Relative);

        tradeoff.setSeries({exactTradeoffSeries(m_front, Cost(4'000'000), QStringLiteral("Exact")),
                            {QStringLiteral("Early stop"),
                             TradeoffSeries::Kind::Approximation,
                             {{1.5, 1.68}, {2.0, 1.62}, {3.0, 1.57}}},
                            {QStringLiteral("All in one"),
                             TradeoffSeries::Kind::Baseline,
                             {{1.0, 1.69}, {4.0, 1.69}}}});
        tradeoff.setBudgetMarker(2.0);

        auto buffer = std::make_shared<LossCurveBuffer>();
        lossPlot.setBuffer(buffer);
        for (std::size_t n = 0; n < m_table->networks.size(); ++n) {
            const QString name = QString::fromStdString(m_table->networks[n].name);
            const double floor = 0.3 + 0.05 * static_cast<double>(n);
            for (int step = 0; step < 200; ++step) {
                const double decay = std::exp(-step / (30.0 + 8.0 * static_cast<double>(n)));
                const double noise = 0.02 * std::sin(step * 0.7 + static_cast<double>(n));
                buffer->append({name, LossSplit::Training, QString()}, step, floor + decay + noise);
                buffer->append({name, LossSplit::Validation, QString()}, step,
                               floor + 0.08 + decay);
            }
        }
        lossPlot.drainBuffer();

        panel.setFront(m_table, m_front);
        panel.setBudget(Cost(2'500'000));
        tableView.setTable(m_table);
    }

    std::shared_ptr<const CandidateTable> m_table;
    std::vector<Solution> m_front;
    GroupingGraphWidget graph;
    AffinityHeatmapWidget heatmap;
    TradeoffPlotWidget tradeoff;
    LossPlotWidget lossPlot;
    BudgetPanel panel;
    CandidateTableView tableView;
};

class FigureExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportWritesValidFile_data();
    void exportWritesValidFile();
    void exportRejectsUnknownSuffix();
    void exportKeepsFileOnFailure();
    void exportReportsUnwritableFolder();
    void renderGallery();

private:
    QWidget* view(const QString& name) const;

    std::unique_ptr<ViewSet> m_views;
};

void FigureExportTest::initTestCase()
{
    TableReadResult read = parseCandidateCsv(test::threeTaskCsv().toStdString(), "three.csv");
    QVERIFY2(read, read.error.c_str());
    m_views = std::make_unique<ViewSet>(std::make_shared<const CandidateTable>(*read.table));
}

QWidget* FigureExportTest::view(const QString& name) const
{
    if (name == QLatin1String("graph"))
        return &m_views->graph;
    if (name == QLatin1String("heatmap"))
        return &m_views->heatmap;
    if (name == QLatin1String("tradeoff"))
        return &m_views->tradeoff;
    return &m_views->lossPlot;
}

void FigureExportTest::exportWritesValidFile_data()
{
    QTest::addColumn<QString>("viewName");
    QTest::addColumn<QString>("suffix");
    for (const char* name : {"graph", "heatmap", "tradeoff", "losses"}) {
        for (const char* suffix : {"svg", "pdf", "png"}) {
            QTest::addRow("%s.%s", name, suffix)
                << QString::fromLatin1(name) << QString::fromLatin1(suffix);
        }
    }
}

void FigureExportTest::exportWritesValidFile()
{
    QFETCH(QString, viewName);
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(viewName + QLatin1Char('.') + suffix);
    const QSize size(640, 400);
    QString error;
    QVERIFY2(exportView(view(viewName), path, size, &error, viewName), qPrintable(error));
    QVERIFY(error.isEmpty());

    // Only the figure is left in the folder: no temporary file remains.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QFileInfo(path).fileName()});

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.size() > 200);
    if (suffix == QLatin1String("svg")) {
        QXmlStreamReader xml(content);
        bool sawSvg = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() == QLatin1String("svg"))
                sawSvg = true;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawSvg);
        QSvgRenderer renderer(content);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox().size(), size);
    } else if (suffix == QLatin1String("pdf")) {
        QVERIFY(content.startsWith("%PDF"));
        QVERIFY(content.contains("/Page"));
        QVERIFY(content.trimmed().endsWith("%%EOF"));
    } else {
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
    }
}

void FigureExportTest::exportRejectsUnknownSuffix()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("graph.bmpx"));
    QString error;
    QVERIFY(!exportView(&m_views->graph, path, QSize(100, 100), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));

    CandidateTableView table;
    QVERIFY(
        !exportView(&table, dir.filePath(QStringLiteral("table.png")), QSize(100, 100), &error));
    QVERIFY(!error.isEmpty());
}

void FigureExportTest::exportKeepsFileOnFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("graph.png"));
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("previous");
    existing.close();

    QString error;
    QVERIFY(!exportView(&m_views->graph, path, QSize(0, 100), &error));
    QVERIFY2(error.contains(QStringLiteral("size")), qPrintable(error));
    QFile reread(path);
    QVERIFY(reread.open(QIODevice::ReadOnly));
    QCOMPARE(reread.readAll(), QByteArray("previous"));
}

void FigureExportTest::exportReportsUnwritableFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no-such-folder/graph.svg"));
    QString error;
    QVERIFY(!exportView(&m_views->graph, path, QSize(200, 100), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

// Renders every view in a light and a dark palette to PNG files in the build
// folder (widget-gallery/), for a reviewer to look at.
void FigureExportTest::renderGallery()
{
    const QString folder =
        QCoreApplication::applicationDirPath() + QStringLiteral("/widget-gallery");
    QVERIFY(QDir().mkpath(folder));
    const QList<QPair<QString, QWidget*>> views = {
        {QStringLiteral("grouping-graph"), &m_views->graph},
        {QStringLiteral("affinity-heatmap"), &m_views->heatmap},
        {QStringLiteral("tradeoff-plot"), &m_views->tradeoff},
        {QStringLiteral("loss-plot"), &m_views->lossPlot},
        {QStringLiteral("budget-panel"), &m_views->panel},
        {QStringLiteral("candidate-table"), &m_views->tableView},
    };
    const QPalette light = QApplication::palette();
    const QPalette dark = test::darkPalette();
    for (const auto& [name, widget] : views) {
        for (const bool isDark : {false, true}) {
            widget->setPalette(isDark ? dark : light);
            widget->resize(760, 420);
            widget->show();
            QVERIFY(QTest::qWaitForWindowExposed(widget));
            QCoreApplication::processEvents();
            const QString path =
                QStringLiteral("%1/%2-%3.png")
                    .arg(folder, name, isDark ? QStringLiteral("dark") : QStringLiteral("light"));
            QVERIFY2(widget->grab().save(path), qPrintable(path));
            QCOMPARE(QImage(path).isNull(), false);
            widget->hide();
        }
        widget->setPalette(light);
    }

    // Ten tasks: the largest tables the views are meant for.
    auto large = std::make_shared<const CandidateTable>(test::syntheticTable(10));
    AffinityHeatmapWidget heatmap;
    heatmap.setAffinity(computeAffinity(*large), AffinityKind::Affinity);
    GroupingGraphWidget graph;
    graph.setTable(large);
    graph.setSolution(selectNetworks(*large, Cost(5'000'000)));
    QVERIFY(graph.graph().feasible);
    for (QWidget* widget : {static_cast<QWidget*>(&heatmap), static_cast<QWidget*>(&graph)}) {
        widget->resize(900, 600);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QCoreApplication::processEvents();
    }
    QVERIFY(heatmap.grab().save(folder + QStringLiteral("/affinity-heatmap-10-tasks.png")));
    QVERIFY(graph.grab().save(folder + QStringLiteral("/grouping-graph-10-tasks.png")));
}

QTEST_MAIN(FigureExportTest)
#include "tst_figureexport.moc"
