#include "app/gui/appsetup.h"
#include "app/gui/groupingview.h"
#include "app/gui/mainwindow.h"
#include "apptestsupport.h"
#include "widgets/budgetpanel.h"

#include <QAction>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSvgRenderer>
#include <QTest>
#include <QXmlStreamReader>

using namespace tg;

class ExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportAllWritesValidFiles();
    void exportAllWithoutTableFails();
    void resultsJsonMatchesSelection();
    void tableCsvRoundTrips();

private:
    void openTable(MainWindow& window);
    static QByteArray readAll(const QString& path);

    QTemporaryDir m_dir;
    QString m_tablePath;
};

void ExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
    m_tablePath = test::writeFile(m_dir, QStringLiteral("three.csv"), test::kThreeTaskTable);
}

QByteArray ExportTest::readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void ExportTest::openTable(MainWindow& window)
{
    QVERIFY(window.openPath(m_tablePath));
    QTRY_VERIFY(window.document()->frontReady());
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->tradeoffReady(), 20000);
}

void ExportTest::exportAllWritesValidFiles()
{
    MainWindow window;
    window.setPrompts(std::make_unique<test::RecordingPrompts>());
    window.show();
    openTable(window);

    const QString folder = m_dir.filePath(QStringLiteral("figures"));
    QString error;
    const QSize size(640, 480);
    const QStringList written = window.exportAllFigures(
        folder, {QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("png")}, size,
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Grouping graph, two heatmaps and the trade-off plot; no curves for a
    // plain table.
    QCOMPARE(written.size(), 4 * 3);
    for (const QString& name :
         {QStringLiteral("grouping-graph"), QStringLiteral("relative-performance"),
          QStringLiteral("affinity"), QStringLiteral("tradeoff")}) {
        const QString base = QDir(folder).filePath(name);

        const QByteArray svg = readAll(base + QStringLiteral(".svg"));
        QXmlStreamReader xml(svg);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(name + QLatin1Char(' ') + xml.errorString()));
        QVERIFY2(QSvgRenderer(svg).isValid(), qPrintable(name));

        const QByteArray pdf = readAll(base + QStringLiteral(".pdf"));
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(name));
        QVERIFY2(pdf.contains("/Type /Page"), qPrintable(name));
        QVERIFY2(pdf.trimmed().endsWith("%%EOF"), qPrintable(name));

        const QImage png(base + QStringLiteral(".png"));
        QVERIFY2(!png.isNull(), qPrintable(name));
        QCOMPARE(png.size(), size);
    }
}

void ExportTest::exportAllWithoutTableFails()
{
    MainWindow window;
    QString error;
    const QStringList written = window.exportAllFigures(
        m_dir.filePath(QStringLiteral("empty")), {QStringLiteral("png")}, {200, 200}, &error);
    QVERIFY(written.isEmpty());
    QVERIFY(error.contains(QStringLiteral("no figure")));
}

void ExportTest::resultsJsonMatchesSelection()
{
    MainWindow window;
    auto prompts = std::make_unique<test::RecordingPrompts>();
    prompts->savePath = m_dir.filePath(QStringLiteral("results.json"));
    test::RecordingPrompts* recorder = prompts.get();
    window.setPrompts(std::move(prompts));
    openTable(window);
    BudgetPanel* panel = window.groupingView()->budgetPanel();
    panel->setBudget(2 * kCostUnitsPerSnt);

    window.actions().exportResults->trigger();
    QVERIFY(recorder->errors.isEmpty());
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(readAll(recorder->savePath), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject root = json.object();
    QCOMPARE(root[QStringLiteral("budget")].toDouble(), 2.0);
    const Solution expected = selectNetworks(*window.document()->table(), 2 * kCostUnitsPerSnt);
    const QJsonObject selection = root[QStringLiteral("selection")].toObject();
    QCOMPARE(selection[QStringLiteral("totalLoss")].toDouble(), expected.totalLoss);
    QCOMPARE(selection[QStringLiteral("networks")].toArray().size(),
             qsizetype(expected.networks.size()));
    QCOMPARE(root[QStringLiteral("paretoFront")].toArray().size(),
             qsizetype(window.document()->front().size()));
    QCOMPARE(root[QStringLiteral("tasks")].toArray().size(), 3);
    // Relative performance of d in the pair sd: (0.36 - 0.32) / 0.36.
    const QJsonArray relative =
        root[QStringLiteral("affinity")].toObject()[QStringLiteral("relativePercent")].toArray();
    QVERIFY(qAbs(relative[0].toArray()[1].toDouble() - 100.0 * 0.04 / 0.36) < 1e-9);
    QVERIFY(relative[0].toArray()[0].isNull());
}

void ExportTest::tableCsvRoundTrips()
{
    MainWindow window;
    auto prompts = std::make_unique<test::RecordingPrompts>();
    prompts->savePath = m_dir.filePath(QStringLiteral("exported.csv"));
    test::RecordingPrompts* recorder = prompts.get();
    window.setPrompts(std::move(prompts));
    openTable(window);
    window.actions().exportTable->trigger();
    QVERIFY(recorder->errors.isEmpty());
    const TableReadResult reread = readCandidateTable(recorder->savePath.toStdString());
    QVERIFY2(reread, reread.error.c_str());
    QCOMPARE(reread.table->networks.size(), std::size_t(10));
    QCOMPARE(reread.table->tasks, window.document()->table()->tasks);
}

QTEST_MAIN(ExportTest)
#include "tst_app_export.moc"
