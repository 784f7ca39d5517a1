#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <nlohmann/json.hpp>

namespace {

// Two tasks with a schedule long enough that the run is still training when
// the signal arrives.
const char* const kLongConfig = R"({
    "dataset": {"kind": "scenes", "seed": 3, "train": 64, "validation": 32, "test": 32},
    "tasks": ["s", "d"], "imageSize": 16,
    "widths": {"full": 0.25, "half": 0.125},
    "schedule": {"batchSize": 16, "learningRate": 0.05, "momentum": 0.9,
                 "validationInterval": 0.5, "patience": 100000, "plateauWindow": 4,
                 "maxSteps": 100000, "maxEpochs": 100000},
    "device": "cpu", "workers": 1, "seed": 5
})";

// A folder dataset whose folder is missing: start() accepts the
// configuration, and the error arrives when the dataset is opened.
const char* const kMissingFolderConfig = R"({
    "dataset": {"kind": "folder", "path": "FOLDER"},
    "tasks": ["s", "d"], "imageSize": 16, "device": "cpu", "workers": 1
})";

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestCliInterrupt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interruptSavesAndExits130();
    void datasetErrorPrintsOnceLeavesNothing();
    void resumeWithoutExperimentExplains();
};

void TestCliInterrupt::interruptSavesAndExits130()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = writeFile(dir, QStringLiteral("long.json"), kLongConfig);
    const QString out = dir.filePath(QStringLiteral("run"));
    QProcess process;
    process.start(QStringLiteral(TASKGROUPER_CLI_PATH),
                  {QStringLiteral("train"), QStringLiteral("--config"), config,
                   QStringLiteral("--out"), out});
    QVERIFY(process.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains(" validation "),
                             60000);
    QCOMPARE(::kill(static_cast<pid_t>(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("Interrupted: saving checkpoints and stopping")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("resume to continue")), qPrintable(err));
    QVERIFY2(
        err.contains(
            QStringLiteral("Continue with: taskgrouper-cli train --out %1 --resume\n").arg(out)),
        qPrintable(err));

    QFile results(out + QStringLiteral("/results.json"));
    QVERIFY(results.open(QIODevice::ReadOnly));
    const nlohmann::json saved = nlohmann::json::parse(results.readAll().toStdString());
    QCOMPARE(saved.at("phase").get<std::string>(), std::string("train"));
}

void TestCliInterrupt::datasetErrorPrintsOnceLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("no-such-folder"));
    QByteArray text(kMissingFolderConfig);
    text.replace("FOLDER", missing.toUtf8());
    const QString config = writeFile(dir, QStringLiteral("folder.json"), text);
    QProcess process;
    process.start(QStringLiteral(TASKGROUPER_CLI_PATH),
                  {QStringLiteral("train"), QStringLiteral("--config"), config,
                   QStringLiteral("--out"), dir.filePath(QStringLiteral("run"))});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(missing), qPrintable(err));
    const int lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                          .filter(QStringLiteral("no-such-folder"))
                          .size();
    QCOMPARE(lines, 1);
    // The failed check leaves no folder, so the corrected command can reuse the name.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("run"))));
}

void TestCliInterrupt::resumeWithoutExperimentExplains()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("never-started"));
    QProcess process;
    process.start(
        QStringLiteral(TASKGROUPER_CLI_PATH),
        {QStringLiteral("train"), QStringLiteral("--out"), folder, QStringLiteral("--resume")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
             QStringLiteral("taskgrouper-cli train: %1 contains no experiment to resume (no "
                            "config.json); start one with --config FILE, --tasks LIST or "
                            "--dataset NAME and --out %1\n")
                 .arg(folder));
    QVERIFY(!QFileInfo::exists(folder));
}

QTEST_GUILESS_MAIN(TestCliInterrupt)
#include "tst_cli_interrupt.moc"
