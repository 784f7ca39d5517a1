#include "clirun.h"
#include "core/training/experimentrunner.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace tg;
using namespace tg::training;

namespace {

constexpr int kRunTimeoutMs = 120000;

// Writes 24 images of `size` x `size` pixels and a labels CSV with a class task (`bright`:
// whether the image is light) and a values task (`level`: its grey level in [0, 1]).
void writeLabelledImages(const QDir& root, int size = 16)
{
    QVERIFY(root.mkpath(QStringLiteral("images")));
    QByteArray csv = "file,split,bright,level\n";
    for (int i = 0; i < 24; ++i) {
        const int grey = 10 * i;
        QImage image(size, size, QImage::Format_RGB888);
        image.fill(QColor(grey, grey, grey));
        const QString name = QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(image.save(root.filePath(QStringLiteral("images/") + name), "PNG"));
        const char* split = i % 6 == 4 ? "validation" : (i % 6 == 5 ? "test" : "train");
        csv += name.toUtf8() + "," + split + "," + (grey > 115 ? "1" : "0") + "," +
               QByteArray::number(grey / 255.0, 'f', 4) + "\n";
    }
    QFile file(root.filePath(QStringLiteral("labels.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
}

ExperimentConfig labelsConfig(const QDir& root)
{
    const std::string text = R"({
        "dataset": {"kind": "labels", "path": ")" +
                             root.filePath(QStringLiteral("images")).toStdString() +
                             R"(", "labels": ")" +
                             root.filePath(QStringLiteral("labels.csv")).toStdString() + R"("},
        "tasks": ["bright", "level"], "imageSize": 16,
        "widths": {"full": 0.25, "half": 0.125},
        "schedule": {"batchSize": 8, "learningRate": 0.05, "validationInterval": 0.5,
                     "patience": 2, "plateauWindow": 4, "maxSteps": 4, "maxEpochs": 2},
        "device": "cpu", "workers": 2, "seed": 3})";
    const auto result = parseExperimentConfig(text, "labels.json");
    if (!result)
        qFatal("invalid test configuration: %s", result.error.c_str());
    return *result.config;
}

QList<QByteArray> readLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

void writeConfigFile(const ExperimentConfig& config, const QString& path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(toExperimentConfigJson(config)));
}

} // namespace

class TestLabelsExperiment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsRunWritesTables();
    void unknownTaskListsDataTasks();
    void cliTrainsLabelsConfig();
    void cliRejectsUnknownTask();
    void oneTrainImageRejected();
    void batchSizeOneRejected();
    void cliSkipsInvalidColumnName();
    void cliNotesResizedImagesOnce();
};

void TestLabelsExperiment::labelsRunWritesTables()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    const QString folder = root.filePath(QStringLiteral("run"));

    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QString error;
    QVERIFY2(runner.start(labelsConfig(root), folder, false, &error), qPrintable(error));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    for (const char* table : {"/val.csv", "/test.csv"}) {
        const QList<QByteArray> lines = readLines(folder + QLatin1String(table));
        QCOMPARE(lines.size(), 6);
        QVERIFY2(lines[0].startsWith("network,cost,bright,level"), lines[0].constData());
        QStringList networks;
        for (qsizetype i = 1; i < lines.size(); ++i)
            networks.append(QString::fromUtf8(lines[i].split(',').first()));
        networks.sort();
        QCOMPARE(networks, (QStringList{QStringLiteral("bright"), QStringLiteral("bright+level"),
                                        QStringLiteral("bright-half"), QStringLiteral("level"),
                                        QStringLiteral("level-half")}));
    }

    // Network sizes come from the data's task specs: a 2-class head and a 1-value head.
    QFile results(folder + QStringLiteral("/results.json"));
    QVERIFY(results.open(QIODevice::ReadOnly));
    const auto json = nlohmann::json::parse(results.readAll().toStdString());
    for (const auto& candidate : json.at("candidates")) {
        QVERIFY2(candidate.at("parameters").get<std::int64_t>() > 0, candidate.dump().c_str());
        QVERIFY2(candidate.at("multiplyAdds").get<std::int64_t>() > 0, candidate.dump().c_str());
    }
}

void TestLabelsExperiment::unknownTaskListsDataTasks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    ExperimentConfig config = labelsConfig(root);
    config.tasks = {"bright", "d"};

    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QString error;
    QVERIFY2(runner.start(config, root.filePath(QStringLiteral("run")), false, &error),
             qPrintable(error));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString message = finished.first().at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("unknown task \"d\"")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("offer bright, level")), qPrintable(message));
}

void TestLabelsExperiment::cliTrainsLabelsConfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    ExperimentConfig config = labelsConfig(root);
    config.tasks = {"level"};
    const QString configFile = root.filePath(QStringLiteral("config.json"));
    writeConfigFile(config, configFile);
    const QString folder = root.filePath(QStringLiteral("run"));

    QProcess child;
    child.start(QStringLiteral(TASKGROUPER_CLI),
                {QStringLiteral("train"), QStringLiteral("--config"), configFile,
                 QStringLiteral("--out"), folder});
    QVERIFY(child.waitForFinished(kRunTimeoutMs));
    QVERIFY2(child.exitCode() == 0, child.readAllStandardError().constData());
    const QList<QByteArray> lines = readLines(folder + QStringLiteral("/test.csv"));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith("network,cost,level"), lines[0].constData());

    // Every validation line names the task of its loss, and the one training
    // phase ends with a single 100% line.
    const QStringList output =
        QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'));
    const QRegularExpression validation(
        QStringLiteral("^  level(-half)? step [0-9]+: validation loss level [-+.0-9e]+$"));
    int validationLines = 0;
    for (const QString& line : output) {
        if (line.contains(QStringLiteral("validation"))) {
            QVERIFY2(validation.match(line).hasMatch(), qPrintable(line));
            ++validationLines;
        }
    }
    QVERIFY(validationLines >= 2);
    QCOMPARE(output.count(QStringLiteral("[100%]")), 1);
}

void TestLabelsExperiment::cliRejectsUnknownTask()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    ExperimentConfig config = labelsConfig(root);
    config.tasks = {"bright", "s"};
    const QString configFile = root.filePath(QStringLiteral("config.json"));
    writeConfigFile(config, configFile);
    const QString folder = root.filePath(QStringLiteral("run"));

    QProcess child;
    child.start(QStringLiteral(TASKGROUPER_CLI),
                {QStringLiteral("train"), QStringLiteral("--config"), configFile,
                 QStringLiteral("--out"), folder});
    QVERIFY(child.waitForFinished(kRunTimeoutMs));
    const QString errors = QString::fromUtf8(child.readAllStandardError());
    QCOMPARE(child.exitCode(), 1);
    QVERIFY2(errors.contains(QStringLiteral("unknown task \"s\"")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("offer bright, level")), qPrintable(errors));
    QVERIFY(!QFileInfo::exists(folder));
}

// Runs `config` in a new folder under `root` and returns the finished() message, or a
// message saying that the run succeeded.
QString failedRunMessage(const ExperimentConfig& config, const QDir& root)
{
    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QString error;
    if (!runner.start(config, root.filePath(QStringLiteral("run")), false, &error))
        return error;
    if (!finished.wait(kRunTimeoutMs))
        return QStringLiteral("the run did not finish in time");
    if (finished.first().at(0).toBool())
        return QStringLiteral("the run succeeded");
    return finished.first().at(1).toString();
}

void TestLabelsExperiment::oneTrainImageRejected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    QFile labels(root.filePath(QStringLiteral("labels.csv")));
    QVERIFY(labels.open(QIODevice::WriteOnly | QIODevice::Truncate));
    labels.write("file,split,bright,level\n"
                 "img00.png,train,0,0.0\n"
                 "img01.png,validation,1,0.5\n"
                 "img02.png,test,0,0.25\n");
    labels.close();

    QCOMPARE(failedRunMessage(labelsConfig(root), root),
             QStringLiteral("the train split has 1 image, but batch norm needs at least 2 images "
                            "per training batch; assign at least 2 images to the train split"));
    QVERIFY(!QFileInfo::exists(root.filePath(QStringLiteral("run"))));
}

void TestLabelsExperiment::batchSizeOneRejected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    ExperimentConfig config = labelsConfig(root);
    config.schedule.batchSize = 1;

    QCOMPARE(failedRunMessage(config, root),
             QStringLiteral("schedule.batchSize is 1, but batch norm needs at least 2 images per "
                            "training batch; set batchSize to 2 or more"));
}

void TestLabelsExperiment::cliSkipsInvalidColumnName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root);
    // Adds a column whose name is an invalid task name; every value is 1 or 2.
    const QString labelsPath = root.filePath(QStringLiteral("labels.csv"));
    QList<QByteArray> lines = readLines(labelsPath);
    QFile labels(labelsPath);
    QVERIFY(labels.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (qsizetype i = 0; i < lines.size(); ++i)
        labels.write(lines[i] + (i == 0 ? ",a-b\n" : (i % 2 ? ",1\n" : ",2\n")));
    labels.close();
    ExperimentConfig config = labelsConfig(root);
    const QString configFile = root.filePath(QStringLiteral("config.json"));

    config.tasks = {"bright", "a-b"};
    writeConfigFile(config, configFile);
    const CliRun rejected =
        runCli({QStringLiteral("train"), QStringLiteral("--config"), configFile,
                QStringLiteral("--out"), root.filePath(QStringLiteral("rejected"))},
               kRunTimeoutMs);
    QCOMPARE(rejected.exitCode, 1);
    QVERIFY2(rejected.err.contains(QStringLiteral("key 'tasks': value \"a-b\" is invalid")),
             qPrintable(rejected.err));

    config.tasks = {"level"};
    writeConfigFile(config, configFile);
    const QString folder = root.filePath(QStringLiteral("run"));
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("--config"), configFile,
                                   QStringLiteral("--out"), folder},
                                  kRunTimeoutMs);
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    QCOMPARE(readLines(folder + QStringLiteral("/test.csv")).size(), 3);
}

void TestLabelsExperiment::cliNotesResizedImagesOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeLabelledImages(root, 32);
    ExperimentConfig config = labelsConfig(root);
    config.tasks = {"level"};
    const QString configFile = root.filePath(QStringLiteral("config.json"));
    writeConfigFile(config, configFile);

    const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("--config"), configFile,
                               QStringLiteral("--out"), root.filePath(QStringLiteral("run"))},
                              kRunTimeoutMs);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString note =
        QStringLiteral("resizing images to 16x16 pixels, the configured image size; the first "
                       "resized image, %1/images/img00.png, is 32x32 pixels")
            .arg(dir.path());
    // The runner's message line; the log line carries the category name in front.
    QCOMPARE(run.err.split(QLatin1Char('\n')).count(note), 1);
}

QTEST_GUILESS_MAIN(TestLabelsExperiment)
#include "tst_labelsexperiment.moc"
