// End to end on the prepared MultiMNIST set: trains a tiny 3-task experiment
// on the CPU with taskgrouper-cli train and selects on its tables.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kTrainTimeoutMs = 240000;

struct CommandOutput
{
    int exitCode = -1;
    QString output; // stdout and stderr together
};

CommandOutput runCli(const QStringList& arguments, int timeoutMs,
                     const QString& dataRoot = QString())
{
    QProcess process;
    if (!dataRoot.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TASKGROUPER_DATA"), dataRoot);
        process.setProcessEnvironment(environment);
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(TASKGROUPER_CLI), arguments);
    CommandOutput result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("timed out: ") + QString::fromLocal8Bit(process.readAll());
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromLocal8Bit(process.readAll());
    return result;
}

QByteArray configJson(const QString& setFolder)
{
    return QStringLiteral(R"({
        "dataset": {"kind": "labels", "path": "%1/images", "labels": "%1/labels.csv"},
        "tasks": ["t", "p", "v"], "imageSize": 32,
        "widths": {"full": 0.25, "half": 0.125},
        "schedule": {"batchSize": 16, "learningRate": 0.05, "validationInterval": 0.01,
                     "patience": 2, "plateauWindow": 4, "maxSteps": 6, "maxEpochs": 1},
        "device": "cpu", "workers": 2, "seed": 5})")
        .arg(setFolder)
        .toUtf8();
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

} // namespace

class TestMultiMnistRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trainAndSelect();
    void unpreparedDatasetMessage();
    void prepareRejectsMissingPackage();
};

void TestMultiMnistRun::trainAndSelect()
{
    const QString setFolder = QStringLiteral(MULTIMNIST_DIR);
    QVERIFY2(QFile::exists(setFolder + QStringLiteral("/labels.csv")),
             qPrintable(setFolder + QStringLiteral(" is not prepared; run the prepare test")));
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString configPath = temporary.filePath(QStringLiteral("config.json"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(configJson(setFolder));
    config.close();

    const QString run = temporary.filePath(QStringLiteral("run"));
    const CommandOutput train = runCli({QStringLiteral("train"), QStringLiteral("--config"),
                                        configPath, QStringLiteral("--out"), run},
                                       kTrainTimeoutMs);
    QVERIFY2(train.exitCode == 0, qPrintable(train.output));
    QVERIFY2(train.output.contains(QStringLiteral("Training 10 candidate networks")),
             qPrintable(train.output));

    // 7 full-size networks for the subsets of 3 tasks plus 3 half-size ones.
    for (const QString name : {QStringLiteral("val.csv"), QStringLiteral("test.csv")}) {
        const QList<QByteArray> lines = readLines(run + QLatin1Char('/') + name);
        QCOMPARE(lines.size(), 11);
        QVERIFY2(lines[0].startsWith("network,cost,") && lines[0].endsWith(",t,p,v"),
                 lines[0].constData());
    }

    const CommandOutput select = runCli(
        {QStringLiteral("select"), QStringLiteral("--candidates"), run + QStringLiteral("/val.csv"),
         QStringLiteral("--evaluate"), run + QStringLiteral("/test.csv"),
         QStringLiteral("--budgets"), QStringLiteral("1,3")},
        30000);
    QVERIFY2(select.exitCode == 0, qPrintable(select.output));
    const QRegularExpression budgetOne(QStringLiteral("Budget 1 SNT: cost 1(\\.0+)? SNT"));
    QVERIFY2(budgetOne.match(select.output).hasMatch(), qPrintable(select.output));
    QVERIFY2(select.output.contains(QStringLiteral("Budget 3 SNT: cost ")),
             qPrintable(select.output));
    QCOMPARE(select.output.count(QStringLiteral("total loss on the evaluation table")), 2);
    for (const QString task : {QStringLiteral("t"), QStringLiteral("p"), QStringLiteral("v")}) {
        QCOMPARE(select.output.count(QRegularExpression(QStringLiteral("\\n    %1 <- ").arg(task))),
                 2);
    }
}

void TestMultiMnistRun::unpreparedDatasetMessage()
{
    QTemporaryDir dataRoot;
    QVERIFY(dataRoot.isValid());
    const QString run = dataRoot.filePath(QStringLiteral("run"));
    for (const QString command : {QStringLiteral("train"), QStringLiteral("demo")}) {
        const CommandOutput output =
            runCli({command, QStringLiteral("--dataset"), QStringLiteral("multimnist"),
                    QStringLiteral("--out"), run},
                   30000, dataRoot.path());
        QCOMPARE(output.exitCode, 1);
        QVERIFY2(output.output.contains(QStringLiteral("data set multimnist is not prepared: ") +
                                        dataRoot.path() +
                                        QStringLiteral("/multimnist/labels.csv is missing")),
                 qPrintable(output.output));
        QVERIFY2(output.output.contains(QStringLiteral("run `taskgrouper-cli prepare multimnist`")),
                 qPrintable(output.output));
        QVERIFY(!QFileInfo::exists(run));
    }
}

void TestMultiMnistRun::prepareRejectsMissingPackage()
{
    QTemporaryDir dataRoot;
    QVERIFY(dataRoot.isValid());
    const QString package = dataRoot.filePath(QStringLiteral("no-package"));
    const CommandOutput output = runCli({QStringLiteral("prepare"), QStringLiteral("multimnist"),
                                         QStringLiteral("--package"), package},
                                        30000, dataRoot.path());
    QCOMPARE(output.exitCode, 1);
    QVERIFY2(output.output.contains(package + QStringLiteral("/src/digits/0.json: cannot be read")),
             qPrintable(output.output));
    QVERIFY(!QFileInfo::exists(dataRoot.filePath(QStringLiteral("multimnist"))));
    QVERIFY(!QFileInfo::exists(dataRoot.filePath(QStringLiteral("multimnist.partial"))));
}

QTEST_GUILESS_MAIN(TestMultiMnistRun)
#include "tst_multimnistrun.moc"
