#include "app/gui/appsetup.h"
#include "app/gui/candidatelistdock.h"
#include "app/gui/mainwindow.h"
#include "app/gui/runstatuswidget.h"
#include "apptestsupport.h"
#include "core/training/experimentstore.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QFileInfo>
#include <QPushButton>
#include <QTest>

using namespace tg;

namespace {

// Maximum time from a cancel request until every worker has stopped.
constexpr qint64 kCancelLimitMs = 1000;
// Dataset generation and the first batches on a slow, shared CPU.
constexpr int kFirstSampleTimeoutMs = 60000;

} // namespace

class TrainingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void quitWhileTrainingSaves();
    void closeDeclinedKeepsTraining();
    void cancelStopsWithinASecond();
    void reopenShowsProgressAndOffersResume();

private:
    LaunchRequest tinyRequest(const QString& folderName) const;
    test::RecordingPrompts* install(MainWindow& window, QMessageBox::StandardButton answer);
    void startAndWaitForSamples(MainWindow& window, const LaunchRequest& request);
    static void verifyResultsSaved(const QString& folder);

    QTemporaryDir m_dir;
};

void TrainingTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
}

LaunchRequest TrainingTest::tinyRequest(const QString& folderName) const
{
    LaunchRequest request;
    request.source = LaunchRequest::Source::Scenes;
    request.config = *experimentPreset("demo", {"s", "d"});
    request.config.imageSize = 16;
    request.config.dataset.trainSize = 64;
    request.config.dataset.validationSize = 16;
    request.config.dataset.testSize = 16;
    request.config.schedule.batchSize = 8;
    // Long enough that the run is still training when the test stops it.
    request.config.schedule.maxSteps = 1'000'000;
    request.config.schedule.maxEpochs = 100'000;
    request.config.schedule.patience = 100'000;
    request.config.device = DeviceChoice::Cpu;
    request.config.workers = 2;
    request.outputFolder = m_dir.filePath(folderName);
    return request;
}

test::RecordingPrompts* TrainingTest::install(MainWindow& window,
                                              QMessageBox::StandardButton answer)
{
    auto prompts = std::make_unique<test::RecordingPrompts>();
    prompts->answer = answer;
    test::RecordingPrompts* raw = prompts.get();
    window.setPrompts(std::move(prompts));
    return raw;
}

void TrainingTest::startAndWaitForSamples(MainWindow& window, const LaunchRequest& request)
{
    QVERIFY(window.launch(request));
    QVERIFY(window.isTraining());
    QVERIFY(window.runStatus()->isVisible() || !window.isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.curves().pointCount() > 0, kFirstSampleTimeoutMs);
    QCOMPARE(window.candidateDock()->rowCount(), 5);
    // 64 training images in batches of 8 for at most 100,000 epochs: the
    // epoch cap of 800,000 steps comes before the step cap.
    const QRegularExpression progress(QStringLiteral("^step [0-9]+ of 800000 \\(0%\\)$"));
    QTRY_VERIFY_WITH_TIMEOUT(
        progress.match(window.candidateDock()->text(0, CandidateListDock::ProgressColumn))
            .hasMatch(),
        kFirstSampleTimeoutMs);
}

void TrainingTest::verifyResultsSaved(const QString& folder)
{
    QVERIFY(QFileInfo::exists(training::configPath(folder)));
    std::string text;
    QString error;
    QVERIFY2(training::readTextFile(training::resultsPath(folder), &text, &error),
             qPrintable(error));
    std::string parseError;
    const std::optional<training::ExperimentResults> results =
        training::resultsFromJson(text, &parseError);
    QVERIFY2(results, parseError.c_str());
    QCOMPARE(results->candidates.size(), std::size_t(5));
    for (const training::CandidateRecord& record : results->candidates)
        QVERIFY(record.status != training::CandidateStatus::Training);
}

void TrainingTest::quitWhileTrainingSaves()
{
    MainWindow window;
    test::RecordingPrompts* prompts = install(window, QMessageBox::Yes);
    window.show();
    const LaunchRequest request = tinyRequest(QStringLiteral("quit"));
    startAndWaitForSamples(window, request);

    QElapsedTimer timer;
    timer.start();
    window.actions().quit->trigger();
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(prompts->questions.size(), 1);
    QVERIFY(!window.isVisible());
    QVERIFY(!window.isTraining());
    QVERIFY2(elapsed < kCancelLimitMs, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    verifyResultsSaved(request.outputFolder);
}

void TrainingTest::closeDeclinedKeepsTraining()
{
    MainWindow window;
    test::RecordingPrompts* prompts = install(window, QMessageBox::No);
    window.show();
    startAndWaitForSamples(window, tinyRequest(QStringLiteral("declined")));
    QVERIFY(!window.close());
    QCOMPARE(prompts->questions.size(), 1);
    QVERIFY(window.isVisible());
    QVERIFY(window.isTraining());
    window.cancelAndWait();
    QVERIFY(!window.isTraining());
}

void TrainingTest::cancelStopsWithinASecond()
{
    MainWindow window;
    test::RecordingPrompts* prompts = install(window, QMessageBox::No);
    window.show();
    const LaunchRequest request = tinyRequest(QStringLiteral("cancel"));
    startAndWaitForSamples(window, request);
    QVERIFY(window.runStatus()->isVisible());

    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(window.runStatus()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isTraining(), int(kCancelLimitMs));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < kCancelLimitMs, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QTRY_VERIFY(!window.runStatus()->isVisible());
    QVERIFY(prompts->errors.isEmpty());
    verifyResultsSaved(request.outputFolder);
}

void TrainingTest::reopenShowsProgressAndOffersResume()
{
    const QString folder = m_dir.filePath(QStringLiteral("cancel"));
    QVERIFY(QFileInfo::exists(training::resultsPath(folder)));
    MainWindow window;
    test::RecordingPrompts* prompts = install(window, QMessageBox::No);
    QVERIFY(window.openPath(folder));
    QCOMPARE(window.document()->kind(), Document::Kind::Experiment);
    QCOMPARE(prompts->questions.size(), 1);
    QVERIFY(prompts->questions.first().text.contains(QStringLiteral("Resume")));
    QVERIFY(!window.isTraining());
    QCOMPARE(window.candidateDock()->rowCount(), 5);
    QVERIFY(window.curves().pointCount() > 0);
    QVERIFY(window.actions().resume->isEnabled());

    // Resuming continues from the checkpoints; cancel again at once.
    QVERIFY(window.resumeExperiment());
    QVERIFY(window.isTraining());
    window.cancelAndWait();
    QVERIFY(!window.isTraining());
    verifyResultsSaved(folder);
}

QTEST_MAIN(TrainingTest)
#include "tst_app_training.moc"
