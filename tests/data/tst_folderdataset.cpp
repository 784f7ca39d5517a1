#include "core/training/folderdataset.h"
#include "core/training/scenedataset.h"
#include "core/training/scenerenderer.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using tg::training::Batch;
using tg::training::Dataset;
using tg::training::FolderDatasetOptions;
using tg::training::openFolderDataset;
using tg::training::SceneDatasetConfig;
using tg::training::Split;
using tg::training::TaskKind;

namespace {

SceneDatasetConfig sceneConfig(std::int64_t train, std::int64_t validation, std::int64_t test)
{
    SceneDatasetConfig config;
    config.seed = 21;
    config.imageSize = 32;
    config.trainSize = train;
    config.validationSize = validation;
    config.testSize = test;
    config.statisticsSamples = train;
    return config;
}

FolderDatasetOptions folderOptions(double train, double validation)
{
    FolderDatasetOptions options;
    options.trainFraction = train;
    options.validationFraction = validation;
    options.imageSize = 32;
    return options;
}

std::vector<std::int64_t> range(std::int64_t count)
{
    std::vector<std::int64_t> indices;
    for (std::int64_t i = 0; i < count; ++i)
        indices.push_back(i);
    return indices;
}

void writeGreyPng(const QString& path, int size)
{
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(1);
    QVERIFY(image.save(path, "PNG"));
}

void writeColourPng(const QString& path, int size)
{
    QImage image(size, size, QImage::Format_RGB888);
    image.fill(Qt::red);
    QVERIFY(image.save(path, "PNG"));
}

// Writes rgb/img<i>.png and <labelFolder>/img<i>.png for i in [0, count), 32 x 32 pixels. Pixel
// (x, y) of label image i is class (x + i) % classes, so every image contains 0 to classes - 1.
void writeClassFolders(const QDir& root, const QString& labelFolder, int classes, int count)
{
    QVERIFY(root.mkpath(QStringLiteral("rgb")));
    QVERIFY(root.mkpath(labelFolder));
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0'));
        writeColourPng(root.filePath(QStringLiteral("rgb/") + name), 32);
        QImage label(32, 32, QImage::Format_Grayscale8);
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x)
                label.scanLine(y)[x] = static_cast<uchar>((x + i) % classes);
        }
        QVERIFY(label.save(root.filePath(labelFolder + QStringLiteral("/") + name), "PNG"));
    }
}

FolderDatasetOptions classOptions(std::map<std::string, int> classCounts)
{
    FolderDatasetOptions options = folderOptions(0.8, 0.1);
    options.classCounts = std::move(classCounts);
    return options;
}

} // namespace

class TestFolderDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsLabels();
    void writesTaskonomyFormats();
    void taskonomyDomainNamesMatch();
    void badLayoutNamesFile_data();
    void badLayoutNamesFile();
    void resizedImagesNoted();
    void imageDirectoryRejected();
    void tooFewImagesRejected();
    void classCountAllowsMoreClasses();
    void classCountNamesOtherFolder();
    void badClassCountRejected_data();
    void badClassCountRejected();
};

// Scenes written to disk and read back give the same batches: the images and
// classes exactly, the normalised values up to 16-bit quantisation.
void TestFolderDataset::roundTripKeepsLabels()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<std::string> tasks = {"s", "d", "n", "k", "e", "o", "r", "a", "c", "l"};
    const SceneDatasetConfig config = sceneConfig(12, 3, 3);
    std::string error;
    QVERIFY2(tg::training::writeSceneDatasetFolder(config, tasks, dir.path().toStdString(), &error),
             error.c_str());

    const auto scenes = tg::training::makeSceneDataset(config, tasks, &error);
    QVERIFY2(scenes, error.c_str());
    const auto folder = openFolderDataset(dir.path().toStdString(), tasks,
                                          folderOptions(12.0 / 18.0, 3.0 / 18.0), &error);
    QVERIFY2(folder, error.c_str());
    QCOMPARE(folder->resizeNote(), std::string());

    for (const Split split : {Split::Train, Split::Validation, Split::Test}) {
        QCOMPARE(folder->size(split), scenes->size(split));
        const Batch expected = scenes->batch(split, range(scenes->size(split)));
        const Batch actual = folder->batch(split, range(folder->size(split)));
        QVERIFY(torch::equal(actual.images, expected.images));
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            const QString task = QString::fromStdString(tasks[t]);
            QCOMPARE(actual.targets[t].sizes(), expected.targets[t].sizes());
            QCOMPARE(actual.targets[t].scalar_type(), expected.targets[t].scalar_type());
            const double difference =
                (actual.targets[t].to(torch::kDouble) - expected.targets[t].to(torch::kDouble))
                    .abs()
                    .max()
                    .item<double>();
            QVERIFY2(difference < 2e-3,
                     qPrintable(QStringLiteral("task %1 in %2 differs by %3")
                                    .arg(task, QString::fromLatin1(splitName(split)))
                                    .arg(difference)));
        }
    }
}

void TestFolderDataset::writesTaskonomyFormats()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string error;
    QVERIFY2(tg::training::writeSceneDatasetFolder(sceneConfig(2, 1, 1), {"s", "d", "n", "c"},
                                                   dir.path().toStdString(), &error),
             error.c_str());
    const QDir root(dir.path());
    QCOMPARE(QImageReader(root.filePath(QStringLiteral("rgb/scene_000000.png"))).imageFormat(),
             QImage::Format_RGB32);
    QCOMPARE(QImage(root.filePath(QStringLiteral("segment_semantic/scene_000003.png"))).format(),
             QImage::Format_Grayscale8);
    QCOMPARE(QImage(root.filePath(QStringLiteral("depth_zbuffer/scene_000003.png"))).format(),
             QImage::Format_Grayscale16);
    QCOMPARE(QImage(root.filePath(QStringLiteral("normal/scene_000001.png"))).format(),
             QImage::Format_RGBX64);
    QVERIFY(root.exists(QStringLiteral("class_object/scene_000002.txt")));
    QVERIFY(!root.exists(QStringLiteral("rgb/scene_000004.png")));

    // Depth is stored in units of 1/512 m: the bottom row shows the floor
    // at the depth of the first scene's own bottom row.
    const auto scene = tg::training::renderScene(21, 0, 32);
    const QImage depth(root.filePath(QStringLiteral("depth_zbuffer/scene_000000.png")));
    const auto* line = reinterpret_cast<const quint16*>(depth.constScanLine(31));
    QCOMPARE(static_cast<int>(line[5]),
             static_cast<int>(std::lround(scene.depth[31 * 32 + 5] * 512)));
}

void TestFolderDataset::taskonomyDomainNamesMatch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("rgb")));
    QVERIFY(root.mkpath(QStringLiteral("depth_zbuffer")));
    for (int i = 0; i < 5; ++i) {
        const QString point = QStringLiteral("point_%1_view_0_domain_").arg(i);
        writeColourPng(root.filePath(QStringLiteral("rgb/") + point + QStringLiteral("rgb.png")),
                       48);
        QImage depth(48, 48, QImage::Format_Grayscale16);
        depth.fill(i * 1000);
        QVERIFY(depth.save(root.filePath(QStringLiteral("depth_zbuffer/") + point +
                                         QStringLiteral("depth_zbuffer.png"))));
    }
    std::string error;
    const auto dataset = openFolderDataset(dir.path().toStdString(), {"depth_zbuffer"},
                                           folderOptions(0.6, 0.2), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->size(Split::Train), 3);
    QCOMPARE(dataset->size(Split::Validation), 1);
    QCOMPARE(dataset->size(Split::Test), 1);
    // Resized from 48 to 32 pixels. Train depths 0, 1000, 2000 of 65535
    // have mean 1000 / 65535 and population std sqrt(2/3) * 1000 / 65535.
    const auto statistics = dataset->statistics(0);
    QVERIFY(std::fabs(statistics.mean[0] - 1000.0 / 65535.0) < 1e-7);
    QVERIFY(std::fabs(statistics.std[0] - std::sqrt(2.0 / 3.0) * 1000.0 / 65535.0) < 1e-7);
    const Batch test = dataset->batch(Split::Test, {0});
    QCOMPARE(test.images.sizes(), (torch::IntArrayRef{1, 3, 32, 32}));
    const double expected = (4000.0 / 65535.0 - statistics.mean[0]) / statistics.std[0];
    QVERIFY(std::fabs(test.targets[0][0][0][7][9].item<double>() - expected) < 1e-4);
}

void TestFolderDataset::badLayoutNamesFile_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing rgb folder") << "remove rgb"
                                        << "missing folder %1/rgb";
    QTest::newRow("missing task folder") << "remove depth"
                                         << "missing folder %1/depth_zbuffer";
    QTest::newRow("label missing") << "rename depth"
                                   << "no label in %1/depth_zbuffer for image "
                                      "%1/rgb/scene_000002.png";
    QTest::newRow("label is a directory")
        << "depth directory"
        << "label %1/depth_zbuffer/scene_000002.png is a directory, not a label file; replace it "
           "with the label of image %1/rgb/scene_000002.png";
    QTest::newRow("label without image")
        << "extra depth"
        << "label %1/depth_zbuffer/extra.png has no matching image";
    QTest::newRow("unreadable image") << "corrupt normal"
                                      << "cannot read image %1/normal/scene_000003.png";
    QTest::newRow("colour depth") << "colour depth"
                                  << "image %1/depth_zbuffer/scene_000001.png has 3 channels";
    QTest::newRow("greyscale rgb") << "grey rgb"
                                   << "image %1/rgb/scene_000004.png has 1 channel";
    QTest::newRow("greyscale normals") << "grey normal"
                                       << "image %1/normal/scene_000000.png has 1 channel";
    QTest::newRow("class out of range")
        << "bad class"
        << "class image %1/segment_semantic/scene_000005.png contains class 9 but task "
           "\"segment_semantic\" has 7 classes (0 to 6); set the class count in the dataset "
           "configuration, for example \"classes\": {\"segment_semantic\": 10}";
    QTest::newRow("size mismatch") << "small depth"
                                   << "image %1/depth_zbuffer/scene_000002.png is 16x16 pixels";
}

void TestFolderDataset::badLayoutNamesFile()
{
    QFETCH(QString, mutation);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    std::string error;
    QVERIFY2(tg::training::writeSceneDatasetFolder(sceneConfig(4, 1, 1), {"s", "d", "n"},
                                                   dir.path().toStdString(), &error),
             error.c_str());
    auto path = [&](const char* relative) { return root.filePath(QString::fromLatin1(relative)); };

    if (mutation == QStringLiteral("remove rgb")) {
        QVERIFY(QDir(path("rgb")).removeRecursively());
    } else if (mutation == QStringLiteral("remove depth")) {
        QVERIFY(QDir(path("depth_zbuffer")).removeRecursively());
    } else if (mutation == QStringLiteral("rename depth")) {
        QVERIFY(QFile::rename(path("depth_zbuffer/scene_000002.png"),
                              path("depth_zbuffer/scene_000099.png")));
    } else if (mutation == QStringLiteral("depth directory")) {
        QVERIFY(QFile::remove(path("depth_zbuffer/scene_000002.png")));
        QVERIFY(root.mkpath(QStringLiteral("depth_zbuffer/scene_000002.png")));
    } else if (mutation == QStringLiteral("extra depth")) {
        QVERIFY(
            QFile::copy(path("depth_zbuffer/scene_000002.png"), path("depth_zbuffer/extra.png")));
    } else if (mutation == QStringLiteral("corrupt normal")) {
        QFile file(path("normal/scene_000003.png"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not a PNG file");
    } else if (mutation == QStringLiteral("colour depth")) {
        writeColourPng(path("depth_zbuffer/scene_000001.png"), 32);
    } else if (mutation == QStringLiteral("grey rgb")) {
        writeGreyPng(path("rgb/scene_000004.png"), 32);
    } else if (mutation == QStringLiteral("grey normal")) {
        writeGreyPng(path("normal/scene_000000.png"), 32);
    } else if (mutation == QStringLiteral("bad class")) {
        QImage classes(32, 32, QImage::Format_Grayscale8);
        classes.fill(9);
        QVERIFY(classes.save(path("segment_semantic/scene_000005.png")));
    } else if (mutation == QStringLiteral("small depth")) {
        QImage depth(16, 16, QImage::Format_Grayscale16);
        depth.fill(0);
        QVERIFY(depth.save(path("depth_zbuffer/scene_000002.png")));
    }

    const auto dataset = openFolderDataset(dir.path().toStdString(), {"s", "d", "n"},
                                           folderOptions(4.0 / 6.0, 1.0 / 6.0), &error);
    QVERIFY(!dataset);
    const QString message = QString::fromStdString(error);
    QVERIFY2(message.contains(expected.arg(dir.path())), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("expected layout: %1/rgb/<name>.png").arg(dir.path())),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("%1/depth_zbuffer/<name>.png").arg(dir.path())),
             qPrintable(message));
}

void TestFolderDataset::resizedImagesNoted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string error;
    QVERIFY2(tg::training::writeSceneDatasetFolder(sceneConfig(4, 1, 1), {"d"},
                                                   dir.path().toStdString(), &error),
             error.c_str());
    FolderDatasetOptions options = folderOptions(4.0 / 6.0, 1.0 / 6.0);
    options.imageSize = 16;

    const auto dataset = openFolderDataset(dir.path().toStdString(), {"d"}, options, &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->imageSize(), 16);
    QCOMPARE(QString::fromStdString(dataset->resizeNote()),
             QStringLiteral("resizing images to 16x16 pixels, the configured image size; the "
                            "first resized image, %1/rgb/scene_000000.png, is 32x32 pixels")
                 .arg(dir.path()));
}

void TestFolderDataset::imageDirectoryRejected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string error;
    QVERIFY2(tg::training::writeSceneDatasetFolder(sceneConfig(4, 1, 1), {"d"},
                                                   dir.path().toStdString(), &error),
             error.c_str());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("rgb/extra.png")));

    QVERIFY(!openFolderDataset(dir.path().toStdString(), {"d"},
                               folderOptions(4.0 / 6.0, 1.0 / 6.0), &error));
    QCOMPARE(QString::fromStdString(error),
             QStringLiteral("invalid dataset folder %1: %1/rgb/extra.png is a directory, not an "
                            "image file; move it out of %1/rgb")
                 .arg(dir.path()));
}

void TestFolderDataset::tooFewImagesRejected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string error;
    QVERIFY(tg::training::writeSceneDatasetFolder(sceneConfig(2, 1, 1), {"d"},
                                                  dir.path().toStdString(), &error));
    // Four images with the default 80/10/10 fractions leave the validation split empty.
    FolderDatasetOptions options;
    options.imageSize = 32;
    QVERIFY(!openFolderDataset(dir.path().toStdString(), {"d"}, options, &error));
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("4 images are too few")),
             error.c_str());
}


// Fifteen classes (0 to 14) need a class count: the built-in count of segment_semantic is 7.
void TestFolderDataset::classCountAllowsMoreClasses()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeClassFolders(root, QStringLiteral("segment_semantic"), 15, 10);
    const std::string folder = dir.path().toStdString();

    std::string error;
    QVERIFY(!openFolderDataset(folder, {"s"}, folderOptions(0.8, 0.1), &error));
    const std::string expected =
        "class image " + root.filePath(QStringLiteral("segment_semantic/img00.png")).toStdString() +
        " contains class 14 but task \"segment_semantic\" has 7 classes (0 to 6); set the class "
        "count in the dataset configuration, for example \"classes\": {\"segment_semantic\": "
        "15} or the data set's full class count";
    QVERIFY2(error.find(expected) != std::string::npos, error.c_str());

    for (const std::string key : {"segment_semantic", "s"}) {
        const auto dataset = openFolderDataset(folder, {"s"}, classOptions({{key, 15}}), &error);
        QVERIFY2(dataset, error.c_str());
        QCOMPARE(dataset->tasks()[0].name, std::string("s"));
        QCOMPARE(dataset->tasks()[0].kind, TaskKind::PixelClasses);
        QCOMPARE(dataset->tasks()[0].channels, 15);
        const Batch train = dataset->batch(Split::Train, range(dataset->size(Split::Train)));
        QCOMPARE(train.targets[0].sizes().vec(), (std::vector<std::int64_t>{8, 32, 32}));
        for (std::int64_t i = 0; i < 8; ++i) {
            for (std::int64_t x = 0; x < 32; ++x)
                QCOMPARE(train.targets[0][i][5][x].item<std::int64_t>(), (x + i) % 15);
        }
    }
}

void TestFolderDataset::classCountNamesOtherFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeClassFolders(root, QStringLiteral("parts"), 5, 10);
    const std::string folder = dir.path().toStdString();

    std::string error;
    QVERIFY(!openFolderDataset(folder, {"parts"}, folderOptions(0.8, 0.1), &error));
    QVERIFY2(error.find("unknown task \"parts\"; valid short names are s, d, n, k, e, o, r, a, "
                        "c, l; a folder of per-pixel class images with another name needs a "
                        "dataset.classes entry with its class count") != std::string::npos,
             error.c_str());

    const auto dataset = openFolderDataset(folder, {"parts"}, classOptions({{"parts", 5}}), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->tasks()[0].name, std::string("parts"));
    QCOMPARE(dataset->tasks()[0].folder, std::string("parts"));
    QCOMPARE(dataset->tasks()[0].kind, TaskKind::PixelClasses);
    QCOMPARE(dataset->tasks()[0].channels, 5);
    const Batch test = dataset->batch(Split::Test, range(dataset->size(Split::Test)));
    QCOMPARE(test.targets[0].sizes().vec(), (std::vector<std::int64_t>{1, 32, 32}));
    for (std::int64_t x = 0; x < 32; ++x)
        QCOMPARE(test.targets[0][0][0][x].item<std::int64_t>(), (x + 9) % 5);
}

void TestFolderDataset::badClassCountRejected_data()
{
    QTest::addColumn<QStringList>("tasks");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("expected");
    const QStringList s = {QStringLiteral("s")};
    QTest::newRow("per-image task")
        << s << "c" << 5 << ""
        << "dataset.classes entry \"c\" names a per-image task; the entry applies to per-pixel "
           "tasks only, so remove it";
    QTest::newRow("input images") << s << "rgb" << 5 << ""
                                  << "dataset.classes entry \"rgb\" names rgb/, which contains "
                                     "the input images; remove the entry";
    QTest::newRow("missing folder")
        << s << "parts" << 5 << "" << "dataset.classes entry \"parts\" names no task folder: ";
    QTest::newRow("built-in missing folder")
        << s << "d" << 5 << "" << "dataset.classes entry \"d\" names no task folder: ";
    QTest::newRow("same folder twice")
        << s << "s" << 15 << "segment_semantic"
        << "dataset.classes entries \"s\" and \"segment_semantic\" both name the task folder "
           "segment_semantic; keep one of them";
    QTest::newRow("one class") << s << "s" << 1 << ""
                               << "class count 1 of task \"s\" is invalid; use an integer from "
                                  "2 to 65536";
    QTest::newRow("too many classes")
        << s << "s" << 65537 << ""
        << "class count 65537 of task \"s\" is invalid; use an integer from 2 to 65536";
    QTest::newRow("repeated task")
        << QStringList{QStringLiteral("s"), QStringLiteral("segment_semantic")} << "s" << 15 << ""
        << "task \"segment_semantic\" is listed more than once";
}

void TestFolderDataset::badClassCountRejected()
{
    QFETCH(QStringList, tasks);
    QFETCH(QString, entry);
    QFETCH(int, count);
    QFETCH(QString, second);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeClassFolders(QDir(dir.path()), QStringLiteral("segment_semantic"), 15, 10);

    std::map<std::string, int> classCounts = {{entry.toStdString(), count}};
    if (!second.isEmpty())
        classCounts[second.toStdString()] = count;
    std::vector<std::string> taskNames;
    for (const QString& task : tasks)
        taskNames.push_back(task.toStdString());
    std::string error;
    QVERIFY(!openFolderDataset(dir.path().toStdString(), taskNames, classOptions(classCounts),
                               &error));
    QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
}

QTEST_GUILESS_MAIN(TestFolderDataset)
#include "tst_folderdataset.moc"
