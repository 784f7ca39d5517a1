#include "app/gui/affinityview.h"
#include "app/gui/appsetup.h"
#include "app/gui/candidatelistdock.h"
#include "app/gui/commandline.h"
#include "app/gui/groupingview.h"
#include "app/gui/mainwindow.h"
#include "apptestsupport.h"
#include "core/affinity.h"
#include "core/selection.h"
#include "widgets/affinityheatmapwidget.h"
#include "widgets/budgetpanel.h"
#include "widgets/candidatetablemodel.h"
#include "widgets/candidatetableview.h"
#include "widgets/groupinggraphwidget.h"
#include "widgets/lossplotwidget.h"

#include <QMimeData>
#include <QSlider>
#include <QTabWidget>
#include <QTest>
#include <set>

using namespace tg;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void commandLineOpensTable();
    void sliderMatchesSelection();
    void malformedTableNamesLine();
    void missingPathNamesPath();
    void dropOpensTable();
    void candidateDockListsRows();
    void candidateDockShowsStepShare();
    void heatmapsMatchCoreAffinity();
    void exportFigureFollowsClickedHeatmap();
    void finishedExperimentShowsEverything();
    void unfinishedExperimentOffersResume();
    void notAnExperimentFolder();
    void aboutNamesLibraries();

private:
    test::RecordingPrompts* openWindow();

    QTemporaryDir m_dir;
    QString m_tablePath;
    std::unique_ptr<MainWindow> m_window;
};

void MainWindowTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
    m_tablePath = test::writeFile(m_dir, QStringLiteral("three.csv"), test::kThreeTaskTable);
    QVERIFY(!m_tablePath.isEmpty());
}

void MainWindowTest::init()
{
    m_window = std::make_unique<MainWindow>();
}

void MainWindowTest::cleanup()
{
    m_window.reset();
}

test::RecordingPrompts* MainWindowTest::openWindow()
{
    auto prompts = std::make_unique<test::RecordingPrompts>();
    test::RecordingPrompts* raw = prompts.get();
    m_window->setPrompts(std::move(prompts));
    m_window->show();
    return raw;
}

void MainWindowTest::commandLineOpensTable()
{
    test::RecordingPrompts* prompts = openWindow();
    QCOMPARE(pathFromCommandLine({QStringLiteral("taskgrouper"), m_tablePath}), m_tablePath);
    QCOMPARE(pathFromCommandLine({QStringLiteral("taskgrouper")}), QString());

    QVERIFY(openFromCommandLine(*m_window, {QStringLiteral("taskgrouper"), m_tablePath}));
    QVERIFY(prompts->errors.isEmpty());
    QCOMPARE(m_window->document()->kind(), Document::Kind::Table);
    QCOMPARE(m_window->document()->table()->networks.size(), std::size_t(10));
    QCOMPARE(m_window->tableView()->sourceModel()->rowCount(), 10);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("three.csv")));
    QTRY_VERIFY(m_window->document()->frontReady());
}

void MainWindowTest::sliderMatchesSelection()
{
    openWindow();
    QVERIFY(m_window->openPath(m_tablePath));
    QTRY_VERIFY(m_window->document()->frontReady());
    const CandidateTable& table = *m_window->document()->table();
    BudgetPanel* panel = m_window->groupingView()->budgetPanel();
    GroupingGraphWidget* graph = m_window->groupingView()->graphWidget();
    QSlider* slider = panel->slider();
    QVERIFY(slider->maximum() > slider->minimum());

    std::set<Cost> budgetsSeen;
    for (int position = slider->minimum(); position <= slider->maximum(); ++position) {
        slider->setValue(position);
        const Cost budget = panel->budget();
        budgetsSeen.insert(budget);
        const Solution expected = selectNetworks(table, budget);
        const GroupingGraph& drawn = graph->graph();
        QCOMPARE(drawn.feasible, expected.feasible);
        if (!expected.feasible)
            continue;

        std::vector<int> drawnNetworks;
        for (const GraphNetworkNode& node : drawn.networks)
            drawnNetworks.push_back(node.network);
        std::sort(drawnNetworks.begin(), drawnNetworks.end());
        QCOMPARE(drawnNetworks, expected.networks);
        QCOMPARE(drawn.totalLoss, expected.totalLoss);
        QCOMPARE(drawn.cost, expected.cost);

        // One solid edge per task, from its serving network; a dotted edge
        // for every other chosen network that solves the task.
        int solid = 0;
        int dotted = 0;
        for (const GraphEdge& edge : drawn.edges) {
            const bool serving = expected.assignment[edge.task] == edge.network;
            QCOMPARE(edge.style == GraphEdgeStyle::Solid, serving);
            QVERIFY(table.networks[edge.network].solves(edge.task));
            (serving ? solid : dotted) += 1;
        }
        QCOMPARE(solid, int(table.tasks.size()));
        int expectedDotted = 0;
        for (int network : expected.networks) {
            for (std::size_t t = 0; t < table.tasks.size(); ++t) {
                if (table.networks[network].solves(t) && expected.assignment[t] != network)
                    ++expectedDotted;
            }
        }
        QCOMPARE(dotted, expectedDotted);
    }
    QVERIFY(budgetsSeen.size() >= 3);
}

void MainWindowTest::malformedTableNamesLine()
{
    test::RecordingPrompts* prompts = openWindow();
    const QString path = test::writeFile(m_dir, QStringLiteral("broken.csv"),
                                         "network,cost,s,d\n"
                                         "s,1,0.4,\n"
                                         "d,abc,,0.3\n");
    QVERIFY(!openFromCommandLine(*m_window, {QStringLiteral("taskgrouper"), path}));
    QCOMPARE(prompts->errors.size(), 1);
    const QString text = prompts->errors.first().text;
    QVERIFY2(text.contains(QStringLiteral("broken.csv")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("line 3")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("abc")), qPrintable(text));
    QCOMPARE(m_window->document()->kind(), Document::Kind::Empty);
}

void MainWindowTest::missingPathNamesPath()
{
    test::RecordingPrompts* prompts = openWindow();
    const QString path = m_dir.filePath(QStringLiteral("absent.csv"));
    QVERIFY(!m_window->openPath(path));
    QCOMPARE(prompts->errors.size(), 1);
    QVERIFY(prompts->errors.first().text.contains(QStringLiteral("absent.csv")));
}

void MainWindowTest::dropOpensTable()
{
    openWindow();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_tablePath)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    QTRY_COMPARE(m_window->document()->kind(), Document::Kind::Table);
    QCOMPARE(m_window->document()->path(), m_tablePath);
}

void MainWindowTest::candidateDockListsRows()
{
    openWindow();
    QVERIFY(m_window->openPath(m_tablePath));
    CandidateListDock* dock = m_window->candidateDock();
    QCOMPARE(dock->rowCount(), 10);
    QCOMPARE(dock->text(3, CandidateListDock::NameColumn), QStringLiteral("sd"));
    QCOMPARE(dock->text(3, CandidateListDock::TasksColumn), QStringLiteral("s, d"));
    QCOMPARE(dock->text(7, CandidateListDock::CostColumn), QStringLiteral("0.5"));
    QCOMPARE(dock->text(3, CandidateListDock::StatusColumn), QStringLiteral("done"));
    QCOMPARE(dock->text(3, CandidateListDock::BestLossColumn), QStringLiteral("0.335"));
}

void MainWindowTest::candidateDockShowsStepShare()
{
    CandidateListDock dock;
    training::CandidateInfo info;
    info.name = QStringLiteral("sd");
    info.tasks = {QStringLiteral("s"), QStringLiteral("d")};
    dock.setCandidates({info});
    dock.setStep(0, 7);
    QCOMPARE(dock.text(0, CandidateListDock::ProgressColumn), QStringLiteral("step 7"));

    dock.setStepLimit(200);
    dock.setStep(0, 50);
    QCOMPARE(dock.text(0, CandidateListDock::ProgressColumn),
             QStringLiteral("step 50 of 200 (25%)"));
    dock.setStep(0, 199);
    QCOMPARE(dock.text(0, CandidateListDock::ProgressColumn),
             QStringLiteral("step 199 of 200 (99%)"));
    // A resumed run can report a step past a lowered limit.
    dock.setStep(0, 250);
    QCOMPARE(dock.text(0, CandidateListDock::ProgressColumn),
             QStringLiteral("step 250 of 200 (100%)"));

    // A new plan clears the old limit until the runner sends one.
    dock.setCandidates({info});
    dock.setStep(0, 3);
    QCOMPARE(dock.text(0, CandidateListDock::ProgressColumn), QStringLiteral("step 3"));
}

void MainWindowTest::heatmapsMatchCoreAffinity()
{
    openWindow();
    QVERIFY(m_window->openPath(m_tablePath));
    const AffinityMatrices expected = computeAffinity(*m_window->document()->table());
    AffinityHeatmapWidget* relative = m_window->affinityView()->relativeHeatmap();
    AffinityHeatmapWidget* affinity = m_window->affinityView()->affinityHeatmap();
    for (int a = 0; a < 3; ++a) {
        for (int b = 0; b < 3; ++b) {
            const std::optional<double> rel = relative->cellValue(a, b);
            const std::optional<double> aff = affinity->cellValue(a, b);
            QCOMPARE(rel.has_value(), expected.relative[a][b].has_value());
            QCOMPARE(aff.has_value(), expected.affinity[a][b].has_value());
            if (rel)
                QCOMPARE(*rel, *expected.relative[a][b]);
            if (aff)
                QCOMPARE(*aff, *expected.affinity[a][b]);
            QCOMPARE(relative->isDiagonal(a, b), a == b);
        }
    }
}

void MainWindowTest::exportFigureFollowsClickedHeatmap()
{
    openWindow();
    QVERIFY(m_window->openPath(m_tablePath));
    AffinityHeatmapWidget* relative = m_window->affinityView()->relativeHeatmap();
    AffinityHeatmapWidget* affinity = m_window->affinityView()->affinityHeatmap();

    m_window->tabs()->setCurrentIndex(MainWindow::GroupingTab);
    QCOMPARE(m_window->currentFigure().first, QStringLiteral("grouping-graph"));
    m_window->tabs()->setCurrentIndex(MainWindow::AffinityTab);
    QCOMPARE(m_window->currentFigure().first, QStringLiteral("relative-performance"));
    QCOMPARE(m_window->currentFigure().second, relative);

    QTest::mouseClick(affinity, Qt::LeftButton, {}, affinity->rect().center());
    QCOMPARE(m_window->currentFigure().first, QStringLiteral("affinity"));
    QCOMPARE(m_window->currentFigure().second, affinity);
    QTest::mouseClick(relative, Qt::LeftButton, {}, relative->rect().center());
    QCOMPARE(m_window->currentFigure().first, QStringLiteral("relative-performance"));
    QCOMPARE(m_window->currentFigure().second, relative);
}

void MainWindowTest::finishedExperimentShowsEverything()
{
    test::RecordingPrompts* prompts = openWindow();
    const QString folder = test::writeExperimentFolder(m_dir, QStringLiteral("finished"), 50);
    QVERIFY(!folder.isEmpty());
    QVERIFY(m_window->openPath(folder));
    QVERIFY(prompts->errors.isEmpty());
    QVERIFY(prompts->questions.isEmpty());
    QCOMPARE(m_window->document()->kind(), Document::Kind::Experiment);
    QCOMPARE(m_window->document()->table()->networks.size(), std::size_t(10));
    QCOMPARE(m_window->candidateDock()->rowCount(), 10);
    QCOMPARE(m_window->candidateDock()->text(0, CandidateListDock::StatusColumn),
             QStringLiteral("done"));
    QCOMPARE(m_window->candidateDock()->text(0, CandidateListDock::ProgressColumn),
             QStringLiteral("finished"));
    // 50 training points and 5 validation totals per network, plus 5
    // validation points per task of each network: 15 network-task pairs.
    QVERIFY(m_window->lossPlot()->hasCurve({QStringLiteral("sd"), LossSplit::Training, {}}));
    QVERIFY(m_window->lossPlot()->hasCurve({QStringLiteral("sd"), LossSplit::Validation, {}}));
    QVERIFY(m_window->lossPlot()->hasCurve(
        {QStringLiteral("sd"), LossSplit::Validation, QStringLiteral("d")}));
    QCOMPARE(m_window->curves().pointCount(), qsizetype(10 * 50 + 10 * 5 + 15 * 5));
    // Nothing is left to train, so Resume is off and resuming does not start a run.
    QVERIFY(!m_window->actions().resume->isEnabled());
    QVERIFY(!m_window->resumeExperiment());
    QVERIFY(!m_window->isTraining());
}

void MainWindowTest::unfinishedExperimentOffersResume()
{
    test::RecordingPrompts* prompts = openWindow();
    // A finished experiment opened first turns Resume off; the unfinished one turns it on.
    const QString finished =
        test::writeExperimentFolder(m_dir, QStringLiteral("finished-before-unfinished"), 20);
    QVERIFY(!finished.isEmpty());
    QVERIFY(m_window->openPath(finished));
    QVERIFY(!m_window->actions().resume->isEnabled());
    const QString folder =
        test::writeExperimentFolder(m_dir, QStringLiteral("unfinished"), 20, false);
    QVERIFY(!folder.isEmpty());
    QVERIFY(m_window->openPath(folder));
    QVERIFY(m_window->actions().resume->isEnabled());
    QCOMPARE(prompts->questions.size(), 1);
    QVERIFY2(prompts->questions.first().text.contains(QStringLiteral("5 of 10")),
             qPrintable(prompts->questions.first().text));
    QVERIFY(!m_window->isTraining());
    QCOMPARE(m_window->candidateDock()->text(1, CandidateListDock::StatusColumn),
             QStringLiteral("cancelled"));
}

void MainWindowTest::notAnExperimentFolder()
{
    test::RecordingPrompts* prompts = openWindow();
    QVERIFY(!m_window->openPath(m_dir.path()));
    QCOMPARE(prompts->errors.size(), 1);
    QVERIFY(prompts->errors.first().text.contains(QStringLiteral("config.json")));
}

void MainWindowTest::aboutNamesLibraries()
{
    const QString text = m_window->aboutText();
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("LibTorch")));
    QVERIFY(text.contains(QStringLiteral("2.1.0")));
    QVERIFY(text.contains(QStringLiteral("CPU")) || text.contains(QStringLiteral("CUDA")));
}

QTEST_MAIN(MainWindowTest)
#include "tst_app_mainwindow.moc"
