#include "core/training/experimentrunner.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <nlohmann/json.hpp>

using namespace tg;
using namespace tg::training;

namespace {

constexpr int kRunTimeoutMs = 120000;

ExperimentConfig tinyConfig(const std::string& extra = {})
{
    const std::string text = R"({
        "dataset": {"kind": "scenes", "seed": 3, "train": 64, "validation": 32, "test": 32},
        "tasks": ["s", "d"], "imageSize": 16,
        "widths": {"full": 0.25, "half": 0.125},
        "schedule": {"batchSize": 16, "learningRate": 0.05, "momentum": 0.9,
                     "validationInterval": 0.5, "patience": 3, "plateauWindow": 4,
                     "maxSteps": 12, "maxEpochs": 10},
        "device": "cpu", "workers": 2, "seed": 5)" +
                             extra + "}";
    const auto result = parseExperimentConfig(text, "tiny.json");
    if (!result)
        qFatal("invalid test configuration: %s", result.error.c_str());
    return *result.config;
}

struct RunOutcome
{
    bool started = false;
    bool completed = false;
    QString message;
    QStringList notes;
    std::vector<LossSample> samples;
};

RunOutcome runToEnd(const ExperimentConfig& config, const QString& folder, bool resume)
{
    RunOutcome outcome;
    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    // Workers emit messages from their own threads; the runner as context
    // queues each one to this thread, so the list is never written
    // concurrently.
    QObject::connect(&runner, &ExperimentRunner::message, &runner,
                     [&outcome](const QString& text) { outcome.notes.append(text); });
    QString error;
    outcome.started = runner.start(config, folder, resume, &error);
    if (!outcome.started) {
        outcome.message = error;
        return outcome;
    }
    if (!finished.wait(kRunTimeoutMs))
        return outcome;
    QCoreApplication::sendPostedEvents(&runner);
    outcome.completed = finished.first().at(0).toBool();
    outcome.message = finished.first().at(1).toString();
    outcome.samples = runner.takeSamples();
    return outcome;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

nlohmann::json readResults(const QString& folder)
{
    return nlohmann::json::parse(readAll(folder + QStringLiteral("/results.json")).toStdString());
}

const nlohmann::json& candidate(const nlohmann::json& results, const std::string& name)
{
    for (const auto& item : results.at("candidates")) {
        if (item.at("name") == name)
            return item;
    }
    qFatal("candidate %s missing from results.json", name.c_str());
}

void writeConfig(const ExperimentConfig& config, const QString& path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(toExperimentConfigJson(config)));
}

QStringList checkpointFiles(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder + QStringLiteral("/checkpoints"), {QStringLiteral("step-*.pt")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class TestExperimentRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void uninterruptedRunWritesTables();
    void trainingLossFalls();
    void sameSeedSameLosses();
    void nanMarksCandidateDiverged();
    void cancelStopsWithinSecond();
    void killAndResumeSameTables();
    void truncatedCheckpointUsesPrevious();
    void nonEmptyFolderRejected();
    void resumeNamesChangedSettings();
    void earlyStopTrainsChosenOnly();
    void higherOrderWritesPredictedRows();

private:
    QTemporaryDir m_dir;
    QString m_reference; // folder of an uninterrupted run of tinyConfig()
};

void TestExperimentRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_reference = m_dir.filePath(QStringLiteral("reference"));
}

void TestExperimentRunner::uninterruptedRunWritesTables()
{
    const RunOutcome outcome = runToEnd(tinyConfig(), m_reference, false);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    const QByteArray validation = readAll(m_reference + QStringLiteral("/val.csv"));
    QVERIFY(validation.startsWith("network,cost,s,d"));
    QCOMPARE(validation.count('\n'), 6);
    QVERIFY(validation.contains("\nsd,1,"));
    QVERIFY(validation.contains("\ns-half,0.5,"));
    QVERIFY(!readAll(m_reference + QStringLiteral("/test.csv")).isEmpty());
    const nlohmann::json results = readResults(m_reference);
    QCOMPARE(results.at("phase").get<std::string>(), std::string("complete"));
    QCOMPARE(candidate(results, "sd").at("status").get<std::string>(), std::string("done"));
    QCOMPARE(candidate(results, "sd").at("testLosses").size(), size_t(2));
    QVERIFY(readAll(m_reference + QStringLiteral("/curves/sd.csv"))
                .startsWith("step,train_loss,val_s,val_d,val_total\n1,"));
}

void TestExperimentRunner::trainingLossFalls()
{
    ExperimentConfig config = tinyConfig();
    config.tasks = {"d"};
    config.schedule.maxSteps = 40;
    config.schedule.patience = 100;
    const RunOutcome outcome = runToEnd(config, m_dir.filePath(QStringLiteral("falls")), false);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    std::vector<double> losses;
    for (const LossSample& sample : outcome.samples) {
        if (sample.candidate == 0 && sample.validation.isEmpty())
            losses.push_back(sample.loss);
    }
    QCOMPARE(losses.size(), size_t(40));
    const double first = (losses[0] + losses[1] + losses[2] + losses[3] + losses[4]) / 5;
    const double last = (losses[35] + losses[36] + losses[37] + losses[38] + losses[39]) / 5;
    QVERIFY2(last < 0.9 * first,
             qPrintable(QStringLiteral("first %1 last %2").arg(first).arg(last)));
}

void TestExperimentRunner::sameSeedSameLosses()
{
    const QString again = m_dir.filePath(QStringLiteral("again"));
    const RunOutcome outcome = runToEnd(tinyConfig(), again, false);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    for (const char* file : {"/val.csv", "/test.csv", "/curves/sd.csv", "/curves/s-half.csv"}) {
        const QString name = QString::fromLatin1(file);
        QCOMPARE(readAll(again + name), readAll(m_reference + name));
    }
}

void TestExperimentRunner::nanMarksCandidateDiverged()
{
    const QString folder = m_dir.filePath(QStringLiteral("nan"));
    const RunOutcome outcome =
        runToEnd(tinyConfig(R"(, "debug": {"nanCandidate": "sd", "nanStep": 3})"), folder, false);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    const nlohmann::json results = readResults(folder);
    QCOMPARE(candidate(results, "sd").at("status").get<std::string>(), std::string("diverged"));
    QCOMPARE(candidate(results, "sd").at("divergedStep").get<int>(), 3);
    QCOMPARE(candidate(results, "s").at("status").get<std::string>(), std::string("done"));
    QVERIFY(outcome.notes.contains(
        QStringLiteral("sd diverged at step 3: the training loss is not finite")));
    const QByteArray validation = readAll(folder + QStringLiteral("/val.csv"));
    QCOMPARE(validation.count('\n'), 5);
    QVERIFY(!validation.contains("\nsd,"));
    QVERIFY(!readAll(folder + QStringLiteral("/test.csv")).contains("\nsd,"));
}

void TestExperimentRunner::cancelStopsWithinSecond()
{
    ExperimentConfig config = tinyConfig();
    config.schedule.maxSteps = 1000000;
    config.schedule.maxEpochs = 100000;
    config.schedule.patience = 1000000;
    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    // A QSignalSpy records in the emitting thread, and two workers emit
    // training losses at once, so the count is kept in this thread instead.
    int losses = 0;
    QObject::connect(&runner, &ExperimentRunner::trainingLoss, &runner, [&losses] { ++losses; });
    QString error;
    QVERIFY2(runner.start(config, m_dir.filePath(QStringLiteral("cancel")), false, &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(losses > 0, kRunTimeoutMs);
    QElapsedTimer timer;
    timer.start();
    runner.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!runner.isRunning());
}

void TestExperimentRunner::killAndResumeSameTables()
{
    const QString folder = m_dir.filePath(QStringLiteral("killed"));
    const QString configFile = m_dir.filePath(QStringLiteral("tiny.json"));
    writeConfig(tinyConfig(), configFile);
    QProcess child;
    child.start(QStringLiteral(TASKGROUPER_CLI),
                {QStringLiteral("train"), QStringLiteral("--config"), configFile,
                 QStringLiteral("--out"), folder});
    QVERIFY(child.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    while (checkpointFiles(folder).isEmpty() && timer.elapsed() < kRunTimeoutMs &&
           child.state() == QProcess::Running)
        QTest::qWait(5);
    QCOMPARE(child.state(), QProcess::Running);
    child.kill();
    QVERIFY(child.waitForFinished());
    QVERIFY(!QFile::exists(folder + QStringLiteral("/val.csv")));

    const RunOutcome outcome = runToEnd(tinyConfig(), folder, true);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    QCOMPARE(readAll(folder + QStringLiteral("/val.csv")),
             readAll(m_reference + QStringLiteral("/val.csv")));
    QCOMPARE(readAll(folder + QStringLiteral("/test.csv")),
             readAll(m_reference + QStringLiteral("/test.csv")));
}

void TestExperimentRunner::truncatedCheckpointUsesPrevious()
{
    // One task and a long cap, so that d is still training when the cancel
    // arrives after its second validation.
    ExperimentConfig config = tinyConfig();
    config.tasks = {"d"};
    config.schedule.maxSteps = 60;
    config.schedule.patience = 100;
    const QString reference = m_dir.filePath(QStringLiteral("truncated-reference"));
    const RunOutcome uninterrupted = runToEnd(config, reference, false);
    QVERIFY2(uninterrupted.completed, qPrintable(uninterrupted.message));

    const QString folder = m_dir.filePath(QStringLiteral("truncated"));
    {
        ExperimentRunner runner;
        QSignalSpy finished(&runner, &ExperimentRunner::finished);
        // Counted in this thread: both workers emit validation losses.
        int validationsOfD = 0;
        QObject::connect(&runner, &ExperimentRunner::validationLoss, &runner,
                         [&validationsOfD](int candidate) {
                             if (candidate == 0)
                                 ++validationsOfD;
                         });
        QString error;
        QVERIFY2(runner.start(config, folder, false, &error), qPrintable(error));
        // Two validations of d (candidate 0) leave two checkpoints.
        QTRY_VERIFY_WITH_TIMEOUT(validationsOfD >= 2, kRunTimeoutMs);
        runner.cancel();
        QVERIFY(finished.wait(kRunTimeoutMs));
    }
    QCOMPARE(candidate(readResults(folder), "d").at("status").get<std::string>(),
             std::string("cancelled"));
    const QString dFolder = folder + QStringLiteral("/checkpoints/d");
    const QStringList steps = QDir(dFolder).entryList({QStringLiteral("step-*.pt")}, QDir::Files,
                                                      QDir::Name | QDir::Reversed);
    QVERIFY2(steps.size() >= 2, qPrintable(steps.join(QLatin1Char(' '))));
    QFile newest(dFolder + QLatin1Char('/') + steps.first());
    QVERIFY(newest.resize(newest.size() / 3));

    const RunOutcome outcome = runToEnd(config, folder, true);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    const QString notes = outcome.notes.join(QLatin1Char('\n'));
    QVERIFY2(notes.contains(steps.first() + QStringLiteral(": the checkpoint is truncated")),
             qPrintable(notes));
    QVERIFY(notes.contains(QStringLiteral("trying the previous checkpoint")));
    QCOMPARE(readAll(folder + QStringLiteral("/val.csv")),
             readAll(reference + QStringLiteral("/val.csv")));
    QCOMPARE(readAll(folder + QStringLiteral("/test.csv")),
             readAll(reference + QStringLiteral("/test.csv")));
    QCOMPARE(readAll(folder + QStringLiteral("/curves/d.csv")),
             readAll(reference + QStringLiteral("/curves/d.csv")));
}

void TestExperimentRunner::nonEmptyFolderRejected()
{
    const RunOutcome outcome = runToEnd(tinyConfig(), m_reference, false);
    QVERIFY(!outcome.started);
    QVERIFY2(outcome.message.contains(QStringLiteral("the experiment folder is not empty")),
             qPrintable(outcome.message));
}

// Resuming with other settings names each one that differs, with both values.
// The device and the worker count may change, so they are not listed.
void TestExperimentRunner::resumeNamesChangedSettings()
{
    ExperimentConfig changed = tinyConfig();
    changed.schedule.maxSteps = 20;
    changed.seed = 6;
    changed.workers = 1;
    const RunOutcome outcome = runToEnd(changed, m_reference, true);
    QVERIFY(!outcome.started);
    QCOMPARE(outcome.message,
             QDir(m_reference).filePath(QStringLiteral("config.json")) +
                 QStringLiteral(": the configuration differs from the one given in "
                                "schedule.maxSteps (saved 12, given 20), seed (saved 5, given 6); "
                                "resume with the saved configuration or start a new folder"));
}

void TestExperimentRunner::earlyStopTrainsChosenOnly()
{
    const QString folder = m_dir.filePath(QStringLiteral("early"));
    const RunOutcome outcome = runToEnd(
        tinyConfig(R"(, "strategy": {"name": "early-stop", "fraction": 0.5})"), folder, false);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    const QByteArray early = readAll(folder + QStringLiteral("/early-stop.csv"));
    QVERIFY(early.startsWith("network,cost,s,d,origin\n"));
    QCOMPARE(early.count('\n'), 6);
    QCOMPARE(early.count(",early-stop\n"), 5);

    const nlohmann::json results = readResults(folder);
    const auto chosen = results.at("chosen").get<std::vector<std::string>>();
    QVERIFY(!chosen.empty());
    const QByteArray validation = readAll(folder + QStringLiteral("/val.csv"));
    QCOMPARE(validation.count('\n'), qsizetype(chosen.size()) + 1);
    for (const auto& item : results.at("candidates")) {
        const std::string name = item.at("name").get<std::string>();
        const bool isChosen = std::find(chosen.begin(), chosen.end(), name) != chosen.end();
        const std::string status = item.at("status").get<std::string>();
        QCOMPARE(status, std::string(isChosen ? "done" : "early-done"));
        QCOMPARE(item.at("earlyLosses").size(), item.at("tasks").size());
        // The early check is one validation at half an epoch: step 2.
        if (!isChosen)
            QCOMPARE(item.at("step").get<int>(), 2);
    }
}

void TestExperimentRunner::higherOrderWritesPredictedRows()
{
    ExperimentConfig config = tinyConfig(R"(, "strategy": "higher-order")");
    config.tasks = {"s", "d", "n"};
    config.schedule.maxSteps = 4;
    const QString folder = m_dir.filePath(QStringLiteral("higher-order"));
    const RunOutcome outcome = runToEnd(config, folder, false);
    QVERIFY2(outcome.completed, qPrintable(outcome.message));
    const QByteArray validation = readAll(folder + QStringLiteral("/val.csv"));
    QCOMPARE(validation.count('\n'), 10);
    QVERIFY(!validation.contains("\nsdn,"));
    const QByteArray completed = readAll(folder + QStringLiteral("/higher-order-val.csv"));
    QVERIFY(completed.contains("\nsdn,"));
    QVERIFY(completed.contains(",predicted"));
    QVERIFY(!readAll(folder + QStringLiteral("/higher-order-test.csv")).isEmpty());
}

QTEST_GUILESS_MAIN(TestExperimentRunner)
#include "tst_experimentrunner.moc"
