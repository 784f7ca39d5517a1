#include "clirun.h"
#include "core/training/experimentrunner.h"
#include "core/training/networkstats.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace tg;
using namespace tg::training;

namespace {

constexpr int kRunTimeoutMs = 120000;

// Writes a Taskonomy folder dataset of 12 images, 16 x 16 pixels: rgb/, segment_semantic/ with
// classes 0 to 14 and parts/ with classes 0 to 4. Pixel (x, y) of label image i is class
// (x + y + i) % classes, so every label image contains all of its classes.
void writeClassDataset(const QDir& root)
{
    for (const char* folder : {"rgb", "segment_semantic", "parts"})
        QVERIFY(root.mkpath(QString::fromLatin1(folder)));
    for (int i = 0; i < 12; ++i) {
        const QString name = QStringLiteral("point_%1_domain_rgb.png").arg(i, 2, 10, QLatin1Char('0'));
        QImage image(16, 16, QImage::Format_RGB888);
        image.fill(QColor(20 * i, 100, 255 - 20 * i));
        QVERIFY(image.save(root.filePath(QStringLiteral("rgb/") + name), "PNG"));
        for (const auto& [folder, classes] : {std::pair<const char*, int>{"segment_semantic", 15},
                                              std::pair<const char*, int>{"parts", 5}}) {
            QImage label(16, 16, QImage::Format_Grayscale8);
            for (int y = 0; y < 16; ++y) {
                for (int x = 0; x < 16; ++x)
                    label.scanLine(y)[x] = static_cast<uchar>((x + y + i) % classes);
            }
            const QString labelName = QStringLiteral("point_%1_domain_%2.png")
                                          .arg(i, 2, 10, QLatin1Char('0'))
                                          .arg(QString::fromLatin1(folder));
            QVERIFY(label.save(root.filePath(QString::fromLatin1(folder) + QStringLiteral("/") +
                                             labelName),
                               "PNG"));
        }
    }
}

ExperimentConfig folderConfig(const QDir& root, const std::string& classes)
{
    const std::string text = R"({
        "dataset": {"kind": "folder", "path": ")" + root.path().toStdString() + R"(",
                    "classes": )" + classes + R"(},
        "tasks": ["s", "parts"], "imageSize": 16,
        "widths": {"full": 0.25, "half": 0.125},
        "schedule": {"batchSize": 4, "learningRate": 0.05, "validationInterval": 0.5,
                     "patience": 2, "plateauWindow": 4, "maxSteps": 4, "maxEpochs": 2},
        "device": "cpu", "workers": 2, "seed": 3})";
    const auto result = parseExperimentConfig(text, "folder.json");
    if (!result)
        qFatal("invalid test configuration: %s", result.error.c_str());
    return *result.config;
}

void writeConfigFile(const ExperimentConfig& config, const QString& path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(toExperimentConfigJson(config)));
}

nlohmann::json readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(file.readAll().toStdString());
}

} // namespace

class TestFolderExperiment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classCountsSizeNetworks();
    void missingClassCountRejected();
    void cliTrainsAndSavesClasses();
};

// The networks get one output channel per configured class: their parameter counts match
// networks with 15 and 5 classes, not the built-in 7 of segment_semantic.
void TestFolderExperiment::classCountsSizeNetworks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeClassDataset(root);
    const QString folder = root.filePath(QStringLiteral("run"));

    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QString error;
    const ExperimentConfig config = folderConfig(root, R"({"segment_semantic": 15, "parts": 5})");
    QVERIFY2(runner.start(config, folder, false, &error), qPrintable(error));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    const TaskSpec segments{"s", "segment_semantic", "Semantic segmentation",
                            TaskKind::PixelClasses, 15};
    const TaskSpec parts{"parts", "parts", "parts", TaskKind::PixelClasses, 5};
    const std::int64_t segmentsParameters = networkStats(std::vector<TaskSpec>{segments}, 0.25, 16).parameters;
    const std::int64_t partsParameters = networkStats(std::vector<TaskSpec>{parts}, 0.25, 16).parameters;
    QVERIFY(segmentsParameters > 0);
    QVERIFY(segmentsParameters != networkStats({"s"}, 0.25, 16).parameters);
    QVERIFY(segmentsParameters != partsParameters);

    const nlohmann::json results = readJson(folder + QStringLiteral("/results.json"));
    int checked = 0;
    for (const auto& candidate : results.at("candidates")) {
        const std::string name = candidate.at("name").get<std::string>();
        const std::int64_t parameters = candidate.at("parameters").get<std::int64_t>();
        if (name == "s") {
            QCOMPARE(parameters, segmentsParameters);
            ++checked;
        } else if (name == "parts") {
            QCOMPARE(parameters, partsParameters);
            ++checked;
        } else if (name == "s+parts") {
            QCOMPARE(parameters, networkStats(std::vector<TaskSpec>{segments, parts}, 0.25, 16).parameters);
            ++checked;
        }
    }
    QCOMPARE(checked, 3);
    const nlohmann::json saved = readJson(folder + QStringLiteral("/config.json"));
    const nlohmann::json savedClasses = saved["dataset"]["classes"];
    QVERIFY2(savedClasses == (nlohmann::json{{"parts", 5}, {"segment_semantic", 15}}),
             saved.dump().c_str());
}

void TestFolderExperiment::missingClassCountRejected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeClassDataset(root);

    ExperimentRunner runner;
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    QString error;
    QVERIFY2(runner.start(folderConfig(root, R"({"parts": 5})"),
                          root.filePath(QStringLiteral("run")), false, &error),
             qPrintable(error));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString message = finished.first().at(1).toString();
    const QString expected =
        QStringLiteral("class image ") +
        root.filePath(QStringLiteral("segment_semantic/point_00_domain_segment_semantic.png")) +
        QStringLiteral(" contains class 14 but task \"segment_semantic\" has 7 classes (0 to 6); "
                       "set the class count in the dataset configuration, for example "
                       "\"classes\": {\"segment_semantic\": 15}");
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestFolderExperiment::cliTrainsAndSavesClasses()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeClassDataset(root);
    const QString configFile = root.filePath(QStringLiteral("config.json"));
    writeConfigFile(folderConfig(root, R"({"s": 15, "parts": 5})"), configFile);
    const QString folder = root.filePath(QStringLiteral("run"));

    const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("--config"), configFile,
                               QStringLiteral("--out"), folder},
                              kRunTimeoutMs);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile tests(folder + QStringLiteral("/test.csv"));
    QVERIFY(tests.open(QIODevice::ReadOnly));
    QVERIFY2(tests.readLine().startsWith("network,cost,s,parts"), qPrintable(folder));
    const nlohmann::json saved = readJson(folder + QStringLiteral("/config.json"));
    const nlohmann::json savedClasses = saved["dataset"]["classes"];
    QVERIFY2(savedClasses == (nlohmann::json{{"parts", 5}, {"s", 15}}), saved.dump().c_str());

    writeConfigFile(folderConfig(root, R"({"parts": 5})"), configFile);
    const CliRun rejected = runCli({QStringLiteral("train"), QStringLiteral("--config"), configFile,
                                    QStringLiteral("--out"), root.filePath(QStringLiteral("bad"))},
                                   kRunTimeoutMs);
    QVERIFY(rejected.exitCode != 0);
    QVERIFY2(rejected.err.contains(QStringLiteral("\"classes\": {\"segment_semantic\": 15}")),
             qPrintable(rejected.err));
}

QTEST_GUILESS_MAIN(TestFolderExperiment)
#include "tst_folderexperiment.moc"
