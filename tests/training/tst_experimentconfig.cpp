#include "core/experimentconfig.h"
#include "core/experimentplan.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace tg;

class TestExperimentConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsWhenKeysMissing();
    void fullConfigurationParses();
    void invalidValueNamesKey_data();
    void invalidValueNamesKey();
    void savedJsonRoundTrips();
    void labelsDatasetParses();
    void labelsDatasetRoundTrips();
    void classCountsRoundTrip();
    void readsFileAndReportsMissing();
    void relativeDataPathsFollowTheFile();
    void presetsExist();
    void exhaustivePlanFiveTasks();
    void higherOrderPlanFiveTasks();
    void longTaskNamesJoinWithPlus();
};

void TestExperimentConfig::defaultsWhenKeysMissing()
{
    const auto result = parseExperimentConfig(R"({"tasks": ["s", "d"]})", "test.json");
    QVERIFY2(result, result.error.c_str());
    const ExperimentConfig& config = *result.config;
    QCOMPARE(config.tasks, (std::vector<std::string>{"s", "d"}));
    QCOMPARE(config.schedule.learningRate, 0.2);
    QCOMPARE(config.schedule.validationInterval, 0.2);
    QCOMPARE(config.earlyStopFraction, 0.2);
    QCOMPARE(config.strategy, Strategy::Exhaustive);
    QCOMPARE(config.device, DeviceChoice::Auto);
    QCOMPARE(config.dataset.kind, DatasetKind::Scenes);
    QCOMPARE(config.imageSize, 64);
    QCOMPARE(config.fullWidth, 1.0);
    QCOMPARE(config.halfWidth, 0.5);
}

void TestExperimentConfig::fullConfigurationParses()
{
    const auto result = parseExperimentConfig(R"({
        "dataset": {"kind": "folder", "path": "/data/taskonomy"},
        "tasks": ["s", "d", "n"],
        "imageSize": 32,
        "widths": {"full": 0.5, "half": 0.25},
        "schedule": {"batchSize": 8, "learningRate": 0.01, "momentum": 0.8,
                     "validationInterval": 0.5, "patience": 2, "plateauWindow": 7,
                     "maxSteps": 99, "maxEpochs": 3},
        "strategy": {"name": "early-stop", "fraction": 0.3},
        "device": "cpu", "workers": 3, "seed": 42
    })",
                                              "full.json");
    QVERIFY2(result, result.error.c_str());
    const ExperimentConfig& config = *result.config;
    QCOMPARE(config.dataset.kind, DatasetKind::Folder);
    QCOMPARE(config.dataset.path, std::string("/data/taskonomy"));
    QCOMPARE(config.imageSize, 32);
    QCOMPARE(config.fullWidth, 0.5);
    QCOMPARE(config.halfWidth, 0.25);
    QCOMPARE(config.schedule.batchSize, 8);
    QCOMPARE(config.schedule.learningRate, 0.01);
    QCOMPARE(config.schedule.momentum, 0.8);
    QCOMPARE(config.schedule.validationInterval, 0.5);
    QCOMPARE(config.schedule.patience, 2);
    QCOMPARE(config.schedule.plateauWindow, 7);
    QCOMPARE(config.schedule.maxSteps, std::int64_t(99));
    QCOMPARE(config.schedule.maxEpochs, 3);
    QCOMPARE(config.strategy, Strategy::EarlyStop);
    QCOMPARE(config.earlyStopFraction, 0.3);
    QCOMPARE(config.device, DeviceChoice::Cpu);
    QCOMPARE(config.workers, 3);
    QCOMPARE(config.seed, std::uint64_t(42));
}

void TestExperimentConfig::invalidValueNamesKey_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("batch size") << R"({"tasks": ["s"], "schedule": {"batchSize": 0}})"
                                << "c.json: key 'schedule.batchSize': value 0 is invalid";
    QTest::newRow("learning rate")
        << R"({"tasks": ["s"], "schedule": {"learningRate": "fast"}})"
        << "c.json: key 'schedule.learningRate': value \"fast\" is invalid";
    QTest::newRow("momentum") << R"({"tasks": ["s"], "schedule": {"momentum": 1.5}})"
                              << "key 'schedule.momentum': value 1.5 is invalid";
    QTest::newRow("strategy") << R"({"tasks": ["s"], "strategy": "greedy"})"
                              << "key 'strategy': value \"greedy\" is invalid";
    QTest::newRow("device") << R"({"tasks": ["s"], "device": "tpu"})"
                            << "key 'device': value \"tpu\" is invalid";
    QTest::newRow("dataset kind") << R"({"tasks": ["s"], "dataset": {"kind": "web"}})"
                                  << "key 'dataset.kind': value \"web\" is invalid; expected "
                                     "\"scenes\", \"folder\" or \"labels\"";
    QTest::newRow("folder path") << R"({"tasks": ["s"], "dataset": {"kind": "folder"}})"
                                 << "key 'dataset.path' is missing";
    QTest::newRow("labels path")
        << R"({"tasks": ["t"], "dataset": {"kind": "labels", "labels": "l.csv"}})"
        << "key 'dataset.path' is missing; a labels dataset needs the "
           "path of the images folder";
    QTest::newRow("labels file")
        << R"({"tasks": ["t"], "dataset": {"kind": "labels", "path": "images"}})"
        << "key 'dataset.labels' is missing";
    QTest::newRow("labels type")
        << R"({"tasks": ["t"], "dataset": {"kind": "labels", "path": "i", "labels": 3}})"
        << "key 'dataset.labels': value 3 is invalid; expected a string";
    QTest::newRow("partition type")
        << R"({"tasks": ["t"], "dataset": {"kind": "labels", "path": "i", "labels": "l",
                                           "partition": []}})"
        << "key 'dataset.partition': value [] is invalid; expected a string";
    QTest::newRow("classes zero")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f",
                                           "classes": {"segment_semantic": 0}}})"
        << "key 'dataset.classes.segment_semantic': value 0 is invalid; expected a class "
           "count, an integer from 2 to 65536";
    QTest::newRow("classes one")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f", "classes": {"s": 1}}})"
        << "key 'dataset.classes.s': value 1 is invalid";
    QTest::newRow("classes negative")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f", "classes": {"s": -3}}})"
        << "key 'dataset.classes.s': value -3 is invalid";
    QTest::newRow("classes too many")
        << R"({"tasks": ["t"], "dataset": {"kind": "labels", "path": "i", "labels": "l",
                                           "classes": {"parts": 65537}}})"
        << "key 'dataset.classes.parts': value 65537 is invalid; expected a class count, an "
           "integer from 2 to 65536";
    QTest::newRow("classes past int64")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f",
                                           "classes": {"s": 18446744073709551615}}})"
        << "key 'dataset.classes.s': value 18446744073709551615 is invalid";
    QTest::newRow("classes fraction")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f", "classes": {"s": 2.5}}})"
        << "key 'dataset.classes.s': value 2.5 is invalid";
    QTest::newRow("classes string")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f", "classes": {"s": "9"}}})"
        << "key 'dataset.classes.s': value \"9\" is invalid";
    QTest::newRow("classes not object")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f", "classes": [9]}})"
        << "key 'dataset.classes': value [9] is invalid; expected an object";
    QTest::newRow("classes empty name")
        << R"({"tasks": ["s"], "dataset": {"kind": "folder", "path": "f", "classes": {"": 9}}})"
        << "key 'dataset.classes' contains an empty task name";
    QTest::newRow("classes for scenes")
        << R"({"tasks": ["s"], "dataset": {"kind": "scenes", "classes": {"s": 9}}})"
        << "key 'dataset.classes' is invalid for a scenes dataset";
    QTest::newRow("repeated task") << R"({"tasks": ["s", "s"]})"
                                   << "key 'tasks': value \"s\" is invalid; expected each task "
                                      "only once";
    QTest::newRow("reserved task") << R"({"tasks": ["cost"]})"
                                   << "key 'tasks': value \"cost\" is invalid";
    QTest::newRow("no tasks") << R"({"seed": 1})"
                              << "key 'tasks' is missing";
    QTest::newRow("unknown key") << R"({"tasks": ["s"], "schedule": {"epochs": 3}})"
                                 << "unknown key 'schedule.epochs'";
    QTest::newRow("image size") << R"({"tasks": ["s"], "imageSize": 40})"
                                << "key 'imageSize': value 40 is invalid";
    QTest::newRow("width") << R"({"tasks": ["s"], "widths": {"half": -1}})"
                           << "key 'widths.half': value -1 is invalid";
    QTest::newRow("workers") << R"({"tasks": ["s"], "workers": -2})"
                             << "key 'workers': value -2 is invalid";
    QTest::newRow("syntax") << R"({"tasks": ["s",)"
                            << "c.json: invalid JSON";
    QTest::newRow("batch size past int")
        << R"({"tasks": ["s"], "schedule": {"batchSize": 4294967297}})"
        << "key 'schedule.batchSize': value 4294967297 is invalid";
    QTest::newRow("batch size past int64")
        << R"({"tasks": ["s"], "schedule": {"batchSize": 18446744073709551615}})"
        << "key 'schedule.batchSize': value 18446744073709551615 is invalid";
    QTest::newRow("number past double")
        << R"({"tasks": ["s"], "schedule": {"learningRate": 1e400}})"
        << "c.json: invalid JSON";
}

void TestExperimentConfig::invalidValueNamesKey()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const auto result = parseExperimentConfig(json.toStdString(), "c.json");
    QVERIFY(!result);
    QVERIFY2(QString::fromStdString(result.error).contains(expected), result.error.c_str());
}

void TestExperimentConfig::savedJsonRoundTrips()
{
    auto config = experimentPreset("quick", {"s", "d", "n"});
    QVERIFY(config);
    config->strategy = Strategy::HigherOrder;
    config->seed = 7;
    config->debug.nanCandidate = "sd";
    config->debug.nanStep = 4;
    const std::string text = toExperimentConfigJson(*config);
    const auto parsed = parseExperimentConfig(text, "saved.json");
    QVERIFY2(parsed, parsed.error.c_str());
    QCOMPARE(toExperimentConfigJson(*parsed.config), text);
    QCOMPARE(parsed.config->debug.nanStep, std::int64_t(4));
}

void TestExperimentConfig::labelsDatasetParses()
{
    const auto result = parseExperimentConfig(R"({
        "dataset": {"kind": "labels", "path": "faces/img_align_celeba",
                    "labels": "faces/list_attr_celeba.txt",
                    "partition": "faces/list_eval_partition.txt"},
        "tasks": ["Smiling", "Male"]
    })",
                                              "labels.json");
    QVERIFY2(result, result.error.c_str());
    const DatasetConfig& dataset = result.config->dataset;
    QCOMPARE(dataset.kind, DatasetKind::Labels);
    QCOMPARE(dataset.path, std::string("faces/img_align_celeba"));
    QCOMPARE(dataset.labels, std::string("faces/list_attr_celeba.txt"));
    QCOMPARE(dataset.partition, std::string("faces/list_eval_partition.txt"));
    QCOMPARE(result.config->tasks, (std::vector<std::string>{"Smiling", "Male"}));

    const auto withoutPartition = parseExperimentConfig(
        R"({"dataset": {"kind": "labels", "path": "images", "labels": "labels.csv"},
            "tasks": ["t"]})",
        "labels.json");
    QVERIFY2(withoutPartition, withoutPartition.error.c_str());
    QCOMPARE(withoutPartition.config->dataset.partition, std::string());
}

void TestExperimentConfig::labelsDatasetRoundTrips()
{
    ExperimentConfig config;
    config.tasks = {"t", "b", "m"};
    config.dataset.kind = DatasetKind::Labels;
    config.dataset.path = "multimnist/images";
    config.dataset.labels = "multimnist/labels.csv";
    config.dataset.partition = "multimnist/partition.txt";
    const std::string text = toExperimentConfigJson(config);
    QVERIFY2(text.find("\"kind\": \"labels\"") != std::string::npos, text.c_str());
    const auto parsed = parseExperimentConfig(text, "saved.json");
    QVERIFY2(parsed, parsed.error.c_str());
    QCOMPARE(parsed.config->dataset.kind, DatasetKind::Labels);
    QCOMPARE(parsed.config->dataset.path, config.dataset.path);
    QCOMPARE(parsed.config->dataset.labels, config.dataset.labels);
    QCOMPARE(parsed.config->dataset.partition, config.dataset.partition);
    QCOMPARE(toExperimentConfigJson(*parsed.config), text);
}

void TestExperimentConfig::classCountsRoundTrip()
{
    const auto parsed = parseExperimentConfig(
        R"({"dataset": {"kind": "folder", "path": "/data/taskonomy",
                        "classes": {"segment_semantic": 17, "parts": 65536}},
            "tasks": ["s", "parts"]})",
        "c.json");
    QVERIFY2(parsed, parsed.error.c_str());
    const std::map<std::string, int> expected = {{"parts", 65536}, {"segment_semantic", 17}};
    QCOMPARE(parsed.config->dataset.classes, expected);

    const std::string text = toExperimentConfigJson(*parsed.config);
    QVERIFY2(text.find("\"segment_semantic\": 17") != std::string::npos, text.c_str());
    const auto reparsed = parseExperimentConfig(text, "saved.json");
    QVERIFY2(reparsed, reparsed.error.c_str());
    QCOMPARE(reparsed.config->dataset.classes, expected);
    QCOMPARE(toExperimentConfigJson(*reparsed.config), text);

    ExperimentConfig labels;
    labels.tasks = {"parts"};
    labels.dataset.kind = DatasetKind::Labels;
    labels.dataset.path = "images";
    labels.dataset.labels = "labels.csv";
    labels.dataset.classes = {{"parts", 5}};
    const auto labelsParsed = parseExperimentConfig(toExperimentConfigJson(labels), "l.json");
    QVERIFY2(labelsParsed, labelsParsed.error.c_str());
    QCOMPARE(labelsParsed.config->dataset.classes, labels.dataset.classes);

    ExperimentConfig scenes;
    scenes.tasks = {"s"};
    const std::string scenesText = toExperimentConfigJson(scenes);
    QVERIFY2(scenesText.find("classes") == std::string::npos, scenesText.c_str());
}

void TestExperimentConfig::readsFileAndReportsMissing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.json"));
    const auto missing = readExperimentConfig(path.toStdString());
    QVERIFY(!missing);
    QVERIFY(QString::fromStdString(missing.error).startsWith(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"tasks": ["k"], "seed": 3})");
    file.close();
    const auto read = readExperimentConfig(path.toStdString());
    QVERIFY2(read, read.error.c_str());
    QCOMPARE(read.config->seed, std::uint64_t(3));
}

void TestExperimentConfig::relativeDataPathsFollowTheFile()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("configs")));
    const QString path = dir.filePath(QStringLiteral("configs/labels.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"dataset": {"kind": "labels", "path": "../data/images",
                  "labels": "labels.csv", "partition": "/abs/partition.txt"},
                  "tasks": ["t"]})");
    file.close();
    const auto read = readExperimentConfig(path.toStdString());
    QVERIFY2(read, read.error.c_str());
    QCOMPARE(QString::fromStdString(read.config->dataset.path),
             QDir::cleanPath(QDir(dir.path()).absoluteFilePath(QStringLiteral("data/images"))));
    QCOMPARE(QString::fromStdString(read.config->dataset.labels),
             QDir(dir.path()).absoluteFilePath(QStringLiteral("configs/labels.csv")));
    QCOMPARE(read.config->dataset.partition, std::string("/abs/partition.txt"));
}

void TestExperimentConfig::presetsExist()
{
    for (const std::string& name : experimentPresetNames()) {
        const auto config = experimentPreset(name, {"s", "d"});
        QVERIFY2(config, name.c_str());
        QCOMPARE(config->imageSize % 16, 0);
        QCOMPARE(config->tasks.size(), size_t(2));
    }
    QVERIFY(!experimentPreset("huge", {"s"}));
}

void TestExperimentConfig::exhaustivePlanFiveTasks()
{
    ExperimentConfig config;
    config.tasks = {"s", "d", "n", "k", "e"};
    const std::vector<PlannedCandidate> plan = planCandidates(config);
    QCOMPARE(plan.size(), size_t(36));
    QCOMPARE(plan.front().name, std::string("s"));
    QCOMPARE(plan[5].name, std::string("sd"));
    QCOMPARE(plan[5].tasks, (std::vector<int>{0, 1}));
    QCOMPARE(plan[30].name, std::string("sdnke"));
    QCOMPARE(plan[31].name, std::string("s-half"));
    QCOMPARE(plan[35].name, std::string("e-half"));
    std::set<std::string> names;
    for (const PlannedCandidate& candidate : plan) {
        names.insert(candidate.name);
        QCOMPARE(candidate.cost, candidate.halfSize ? Cost(500000) : Cost(1000000));
        QCOMPARE(candidate.width, candidate.halfSize ? 0.5 : 1.0);
        if (candidate.halfSize)
            QCOMPARE(candidate.tasks.size(), size_t(1));
    }
    QCOMPARE(names.size(), size_t(36));
    QVERIFY(names.count("sdn"));
    QVERIFY(names.count("dnke"));
}

void TestExperimentConfig::higherOrderPlanFiveTasks()
{
    ExperimentConfig config;
    config.tasks = {"s", "d", "n", "k", "e"};
    config.strategy = Strategy::HigherOrder;
    const std::vector<PlannedCandidate> plan = planCandidates(config);
    QCOMPARE(plan.size(), size_t(20));
    std::vector<std::string> names;
    for (const PlannedCandidate& candidate : plan)
        names.push_back(candidate.name);
    const std::vector<std::string> expected = {
        "s",  "d",  "n",  "k",  "e",  "sd",     "sn",     "sk",     "se",     "dn",
        "dk", "de", "nk", "ne", "ke", "s-half", "d-half", "n-half", "k-half", "e-half"};
    QCOMPARE(names, expected);
}

void TestExperimentConfig::longTaskNamesJoinWithPlus()
{
    QCOMPARE(candidateName({"depth", "normal"}, {0, 1}, false), std::string("depth+normal"));
    QCOMPARE(candidateName({"depth", "normal"}, {1}, true), std::string("normal-half"));
}

QTEST_GUILESS_MAIN(TestExperimentConfig)
#include "tst_experimentconfig.moc"
