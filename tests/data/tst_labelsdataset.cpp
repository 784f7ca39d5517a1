#include "core/training/labelsdataset.h"
#include "core/training/labelstasks.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using tg::training::Batch;
using tg::training::Dataset;
using tg::training::FolderDatasetOptions;
using tg::training::openLabelsDataset;
using tg::training::readLabelsTasks;
using tg::training::Split;
using tg::training::TaskKind;
using tg::training::TaskSpec;

namespace {

constexpr int kImageSize = 16;

// Six images, img0 to img5: train img0, img1, img2, img5; validation img3; test img4.
const char* const kBaseCsv = "file,split,digit,score\n"
                             "img0.png,train,3,0.5\n"
                             "img1.png,train,7,1.5\n"
                             "img2.png,train,3,2.5\n"
                             "img3.png,validation,9,-1.0\n"
                             "img4.png,test,7,0.25\n"
                             "img5.png,train,9,3.5\n";

FolderDatasetOptions options()
{
    FolderDatasetOptions result;
    result.imageSize = kImageSize;
    return result;
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), qint64(text.size()));
}

// Image i is filled with the colour (10 i, 20 + i, 200), so a batch shows which file it holds.
void writeColourImage(const QString& path, int index, int size = kImageSize)
{
    QImage image(size, size, QImage::Format_RGB888);
    image.fill(QColor(10 * index, 20 + index, 200));
    QVERIFY(image.save(path, "PNG"));
}

void writeGreyImage(const QString& path, int value, int size = kImageSize)
{
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(value);
    QVERIFY(image.save(path, "PNG"));
}

// Writes images/img0.png to img<count - 1>.png under `root`.
void writeImages(const QDir& root, int count)
{
    QVERIFY(root.mkpath(QStringLiteral("images")));
    for (int i = 0; i < count; ++i)
        writeColourImage(root.filePath(QStringLiteral("images/img%1.png").arg(i)), i);
}

std::vector<std::int64_t> range(std::int64_t count)
{
    std::vector<std::int64_t> indices;
    for (std::int64_t i = 0; i < count; ++i)
        indices.push_back(i);
    return indices;
}

Batch wholeSplit(const Dataset& dataset, Split split)
{
    return dataset.batch(split, range(dataset.size(split)));
}

// The red channel of each image in a batch, back in 0..255: it identifies the file.
std::vector<int> imageIds(const Batch& batch)
{
    std::vector<int> ids;
    for (std::int64_t i = 0; i < batch.images.size(0); ++i)
        ids.push_back(static_cast<int>(std::lround(batch.images[i][0][0][0].item<float>() * 255)));
    return ids;
}

std::vector<std::int64_t> classes(const torch::Tensor& target)
{
    std::vector<std::int64_t> values;
    for (std::int64_t i = 0; i < target.size(0); ++i)
        values.push_back(target[i].item<std::int64_t>());
    return values;
}

std::vector<std::string> taskNames(const std::vector<TaskSpec>& tasks)
{
    std::vector<std::string> names;
    for (const TaskSpec& task : tasks)
        names.push_back(task.name);
    return names;
}

} // namespace

class TestLabelsDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tasksListedWithKinds();
    void csvLabelsExact();
    void splitByNameFractions();
    void attributeListWithPartition();
    void mixedPixelAndImageTasks();
    void classCountMakesFolderClasses();
    void classCountUnknownFolderRejected();
    void jpegImagesMatchPngLabels();
    void greyImagesBecomeRgb();
    void unusedInvalidColumnName();
    void badInputNamesFileLine_data();
    void badInputNamesFileLine();
};

void TestLabelsDataset::tasksListedWithKinds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")), kBaseCsv);
    for (const char* folder : {"m", "normal", "colour", "segment_semantic", "empty"})
        QVERIFY(root.mkpath(QString::fromLatin1(folder)));
    writeGreyImage(root.filePath(QStringLiteral("m/img0.png")), 7);
    writeColourImage(root.filePath(QStringLiteral("normal/img0.png")), 0);
    writeColourImage(root.filePath(QStringLiteral("colour/img0.png")), 0);
    writeGreyImage(root.filePath(QStringLiteral("segment_semantic/img0.png")), 1);

    std::string error;
    const auto tasks =
        readLabelsTasks(root.filePath(QStringLiteral("images")).toStdString(),
                        root.filePath(QStringLiteral("labels.csv")).toStdString(), &error);
    QVERIFY2(tasks, error.c_str());
    QCOMPARE(taskNames(*tasks), (std::vector<std::string>{"digit", "score", "colour", "m", "normal",
                                                          "segment_semantic"}));
    QCOMPARE((*tasks)[0].kind, TaskKind::ImageClasses);
    QCOMPARE((*tasks)[0].channels, 3);
    QCOMPARE((*tasks)[1].kind, TaskKind::ImageValues);
    QCOMPARE((*tasks)[1].channels, 1);
    QCOMPARE((*tasks)[2].kind, TaskKind::PixelValues);
    QCOMPARE((*tasks)[2].channels, 3);
    QCOMPARE((*tasks)[3].kind, TaskKind::PixelValues);
    QCOMPARE((*tasks)[3].channels, 1);
    QCOMPARE((*tasks)[4].kind, TaskKind::PixelValues);
    QCOMPARE((*tasks)[4].channels, 3);
    QCOMPARE((*tasks)[4].title, std::string("Surface normals"));
    QCOMPARE((*tasks)[5].kind, TaskKind::PixelClasses);
    QCOMPARE((*tasks)[5].folder, std::string("segment_semantic"));
}

void TestLabelsDataset::csvLabelsExact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")), kBaseCsv);

    std::string error;
    const auto dataset =
        openLabelsDataset(root.filePath(QStringLiteral("images")).toStdString(),
                          root.filePath(QStringLiteral("labels.csv")).toStdString(), "",
                          {"score", "digit"}, options(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(taskNames(dataset->tasks()), (std::vector<std::string>{"score", "digit"}));
    QCOMPARE(dataset->tasks()[1].channels, 3);
    QCOMPARE(dataset->imageSize(), kImageSize);
    QCOMPARE(dataset->resizeNote(), std::string());
    QCOMPARE(dataset->size(Split::Train), std::int64_t(4));
    QCOMPARE(dataset->size(Split::Validation), std::int64_t(1));
    QCOMPARE(dataset->size(Split::Test), std::int64_t(1));

    // Train contains img0, img1, img2, img5 in name order; digits 3, 7, 9 are classes 0, 1, 2.
    const Batch train = wholeSplit(*dataset, Split::Train);
    QCOMPARE(imageIds(train), (std::vector<int>{0, 10, 20, 50}));
    QCOMPARE(train.images[3][1][5][7].item<float>(), 25.0f / 255.0f);
    QCOMPARE(train.images[3][2][0][0].item<float>(), 200.0f / 255.0f);
    QCOMPARE(classes(train.targets[1]), (std::vector<std::int64_t>{0, 1, 0, 2}));

    // Scores 0.5, 1.5, 2.5, 3.5 in train: mean 2, standard deviation sqrt(1.25).
    const auto statistics = dataset->statistics(0);
    QCOMPARE(statistics.mean, std::vector<double>{2.0});
    QCOMPARE(statistics.std.size(), std::size_t(1));
    QVERIFY(std::abs(statistics.std[0] - std::sqrt(1.25)) < 1e-12);
    QVERIFY(dataset->statistics(1).mean.empty());
    QCOMPARE(train.targets[0].sizes().vec(), (std::vector<std::int64_t>{4, 1}));
    const float deviation = static_cast<float>(std::sqrt(1.25));
    const std::vector<float> raw = {0.5f, 1.5f, 2.5f, 3.5f};
    for (int i = 0; i < 4; ++i) {
        const float expected = (raw[i] - 2.0f) / deviation;
        QVERIFY2(std::abs(train.targets[0][i][0].item<float>() - expected) < 1e-6f,
                 qPrintable(QString::number(i)));
    }

    const Batch validation = wholeSplit(*dataset, Split::Validation);
    QCOMPARE(imageIds(validation), (std::vector<int>{30}));
    QCOMPARE(classes(validation.targets[1]), (std::vector<std::int64_t>{2}));
    QVERIFY(std::abs(validation.targets[0][0][0].item<float>() - (-3.0f / deviation)) < 1e-6f);

    const Batch test = wholeSplit(*dataset, Split::Test);
    QCOMPARE(imageIds(test), (std::vector<int>{40}));
    QCOMPARE(classes(test.targets[1]), (std::vector<std::int64_t>{1}));
}

void TestLabelsDataset::splitByNameFractions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 10);
    // Listed out of order and with -1/1 classes; the split follows the sorted names.
    QByteArray csv = "name,sign\n";
    for (int i : {9, 3, 0, 7, 1, 8, 2, 6, 4, 5})
        csv += "img" + QByteArray::number(i) + ".png," + (i % 2 ? "1" : "-1") + "\n";
    writeText(root.filePath(QStringLiteral("labels.csv")), csv);

    FolderDatasetOptions fractions = options();
    fractions.trainFraction = 0.6;
    fractions.validationFraction = 0.2;
    std::string error;
    const auto dataset = openLabelsDataset(
        root.filePath(QStringLiteral("images")).toStdString(),
        root.filePath(QStringLiteral("labels.csv")).toStdString(), "", {"sign"}, fractions, &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->tasks()[0].channels, 2);
    const Batch train = wholeSplit(*dataset, Split::Train);
    QCOMPARE(imageIds(train), (std::vector<int>{0, 10, 20, 30, 40, 50}));
    QCOMPARE(classes(train.targets[0]), (std::vector<std::int64_t>{0, 1, 0, 1, 0, 1}));
    const Batch validation = wholeSplit(*dataset, Split::Validation);
    QCOMPARE(imageIds(validation), (std::vector<int>{60, 70}));
    QCOMPARE(classes(validation.targets[0]), (std::vector<std::int64_t>{0, 1}));
    QCOMPARE(imageIds(wholeSplit(*dataset, Split::Test)), (std::vector<int>{80, 90}));
}

void TestLabelsDataset::attributeListWithPartition()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 4);
    // CelebA's layout: runs of spaces, a trailing space after the names, CRLF line ends.
    writeText(root.filePath(QStringLiteral("list_attr.txt")), "4\r\n"
                                                              "Smiling  Male   Young \r\n"
                                                              "img0.png  -1  1   1\r\n"
                                                              "img1.png   1 -1   1\r\n"
                                                              "img2.png   1  1  -1\r\n"
                                                              "img3.png  -1 -1   1\r\n");
    writeText(root.filePath(QStringLiteral("partition.txt")),
              "img0.png 0\nimg1.png 0\nimg2.png 1\nimg3.png 2\nimg9.png 0\n");

    std::string error;
    const std::string images = root.filePath(QStringLiteral("images")).toStdString();
    const std::string labels = root.filePath(QStringLiteral("list_attr.txt")).toStdString();
    const auto tasks = readLabelsTasks(images, labels, &error);
    QVERIFY2(tasks, error.c_str());
    QCOMPARE(taskNames(*tasks), (std::vector<std::string>{"Smiling", "Male", "Young"}));
    for (const TaskSpec& task : *tasks) {
        QCOMPARE(task.kind, TaskKind::ImageClasses);
        QCOMPARE(task.channels, 2);
    }

    const auto dataset = openLabelsDataset(
        images, labels, root.filePath(QStringLiteral("partition.txt")).toStdString(),
        {"Young", "Smiling"}, options(), &error);
    QVERIFY2(dataset, error.c_str());
    const Batch train = wholeSplit(*dataset, Split::Train);
    QCOMPARE(imageIds(train), (std::vector<int>{0, 10}));
    QCOMPARE(classes(train.targets[0]), (std::vector<std::int64_t>{1, 1}));
    QCOMPARE(classes(train.targets[1]), (std::vector<std::int64_t>{0, 1}));
    const Batch validation = wholeSplit(*dataset, Split::Validation);
    QCOMPARE(imageIds(validation), (std::vector<int>{20}));
    QCOMPARE(classes(validation.targets[0]), (std::vector<std::int64_t>{0}));
    QCOMPARE(classes(validation.targets[1]), (std::vector<std::int64_t>{1}));
    const Batch test = wholeSplit(*dataset, Split::Test);
    QCOMPARE(imageIds(test), (std::vector<int>{30}));
    QCOMPARE(classes(test.targets[1]), (std::vector<std::int64_t>{0}));
}

void TestLabelsDataset::mixedPixelAndImageTasks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")), kBaseCsv);
    QVERIFY(root.mkpath(QStringLiteral("m")));
    for (int i = 0; i < 6; ++i)
        writeGreyImage(root.filePath(QStringLiteral("m/img%1.png").arg(i)), 40 * i);

    std::string error;
    const auto dataset =
        openLabelsDataset(root.filePath(QStringLiteral("images")).toStdString(),
                          root.filePath(QStringLiteral("labels.csv")).toStdString(), "",
                          {"m", "digit"}, options(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->tasks()[0].kind, TaskKind::PixelValues);
    QCOMPARE(dataset->tasks()[0].channels, 1);

    // Train images img0, img1, img2, img5 have labels 0, 40, 80, 200 out of 255.
    const double mean = 80.0 / 255.0;
    const double deviation = std::sqrt(5600.0) / 255.0;
    const auto statistics = dataset->statistics(0);
    // Labels are stored as float, so the statistics match to float precision.
    QVERIFY2(std::abs(statistics.mean[0] - mean) < 1e-7,
             qPrintable(QString::number(statistics.mean[0], 'g', 17)));
    QVERIFY2(std::abs(statistics.std[0] - deviation) < 1e-7,
             qPrintable(QString::number(statistics.std[0], 'g', 17)));

    const Batch train = wholeSplit(*dataset, Split::Train);
    QCOMPARE(train.targets[0].sizes().vec(),
             (std::vector<std::int64_t>{4, 1, kImageSize, kImageSize}));
    const std::vector<int> raw = {0, 40, 80, 200};
    for (int i = 0; i < 4; ++i) {
        const double expected = (raw[i] / 255.0 - mean) / deviation;
        QVERIFY2(std::abs(train.targets[0][i][0][3][9].item<float>() - expected) < 1e-5,
                 qPrintable(QString::number(i)));
    }
    QCOMPARE(classes(train.targets[1]), (std::vector<std::int64_t>{0, 1, 0, 2}));
}

// Image i of parts/ has class (column + i) % 5 at each pixel, so every image contains 0 to 4.
void TestLabelsDataset::classCountMakesFolderClasses()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")), kBaseCsv);
    QVERIFY(root.mkpath(QStringLiteral("parts")));
    for (int i = 0; i < 6; ++i) {
        QImage image(kImageSize, kImageSize, QImage::Format_Grayscale8);
        for (int y = 0; y < kImageSize; ++y) {
            for (int x = 0; x < kImageSize; ++x)
                image.scanLine(y)[x] = static_cast<uchar>((x + i) % 5);
        }
        QVERIFY(image.save(root.filePath(QStringLiteral("parts/img%1.png").arg(i)), "PNG"));
    }
    const std::string images = root.filePath(QStringLiteral("images")).toStdString();
    const std::string labels = root.filePath(QStringLiteral("labels.csv")).toStdString();
    const std::map<std::string, int> classCounts = {{"parts", 5}};

    std::string error;
    const auto defaultTasks = readLabelsTasks(images, labels, &error);
    QVERIFY2(defaultTasks, error.c_str());
    QCOMPARE(defaultTasks->back().name, std::string("parts"));
    QCOMPARE(defaultTasks->back().kind, TaskKind::PixelValues);
    QCOMPARE(defaultTasks->back().channels, 1);

    const auto tasks = readLabelsTasks(images, labels, &error, nullptr, classCounts);
    QVERIFY2(tasks, error.c_str());
    QCOMPARE(tasks->back().name, std::string("parts"));
    QCOMPARE(tasks->back().kind, TaskKind::PixelClasses);
    QCOMPARE(tasks->back().channels, 5);

    FolderDatasetOptions classOptions = options();
    classOptions.classCounts = classCounts;
    const auto dataset = openLabelsDataset(images, labels, "", {"parts", "digit"}, classOptions,
                                           &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->tasks()[0].kind, TaskKind::PixelClasses);
    QCOMPARE(dataset->tasks()[0].channels, 5);

    // Train images are img0, img1, img2 and img5, in that order.
    const Batch train = wholeSplit(*dataset, Split::Train);
    QCOMPARE(train.targets[0].scalar_type(), torch::kInt64);
    QCOMPARE(train.targets[0].sizes().vec(), (std::vector<std::int64_t>{4, kImageSize, kImageSize}));
    const std::vector<int> files = {0, 1, 2, 5};
    for (int i = 0; i < 4; ++i) {
        for (int x = 0; x < kImageSize; ++x) {
            QCOMPARE(train.targets[0][i][7][x].item<std::int64_t>(),
                     std::int64_t((x + files[i]) % 5));
        }
    }

    // A count below the largest class in the images is rejected with the count to set.
    classOptions.classCounts = {{"parts", 3}};
    QVERIFY(!openLabelsDataset(images, labels, "", {"parts"}, classOptions, &error));
    QVERIFY2(error.find("contains class 4 but task \"parts\" has 3 classes (0 to 2); set the "
                        "class count in the dataset configuration, for example \"classes\": "
                        "{\"parts\": 5}") != std::string::npos,
             error.c_str());
}

void TestLabelsDataset::classCountUnknownFolderRejected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")), kBaseCsv);
    QVERIFY(root.mkpath(QStringLiteral("parts")));
    for (int i = 0; i < 6; ++i)
        writeGreyImage(root.filePath(QStringLiteral("parts/img%1.png").arg(i)), 1);
    const std::string images = root.filePath(QStringLiteral("images")).toStdString();
    const std::string labels = root.filePath(QStringLiteral("labels.csv")).toStdString();

    // A column is not a per-pixel folder, so "digit" is rejected like a missing folder.
    for (const std::string name : {"wings", "digit"}) {
        std::string error;
        QVERIFY(!readLabelsTasks(images, labels, &error, nullptr, {{name, 3}}));
        QCOMPARE(error, "dataset.classes entry \"" + name +
                            "\" names no per-pixel task folder next to " + images +
                            "; name one of parts");

        FolderDatasetOptions classOptions = options();
        classOptions.classCounts = {{name, 3}};
        error.clear();
        QVERIFY(!openLabelsDataset(images, labels, "", {"parts"}, classOptions, &error));
        QVERIFY2(error.find("names no per-pixel task folder") != std::string::npos,
                 error.c_str());
    }

    FolderDatasetOptions tooFew = options();
    tooFew.classCounts = {{"parts", 1}};
    std::string error;
    QVERIFY(!openLabelsDataset(images, labels, "", {"parts"}, tooFew, &error));
    QCOMPARE(error, std::string("class count 1 of task \"parts\" is invalid; use an integer "
                                "from 2 to 65536"));
}

void TestLabelsDataset::jpegImagesMatchPngLabels()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("images")));
    QVERIFY(root.mkpath(QStringLiteral("m")));
    for (int i = 0; i < 4; ++i) {
        QImage image(kImageSize, kImageSize, QImage::Format_RGB888);
        image.fill(QColor(60 * i, 60 * i, 60 * i));
        QVERIFY(image.save(root.filePath(QStringLiteral("images/%1.jpg").arg(i)), "JPEG", 100));
        writeGreyImage(root.filePath(QStringLiteral("m/%1.png").arg(i)), 50 * i);
    }
    writeText(root.filePath(QStringLiteral("list_attr.txt")),
              "4\nSmiling\n0.jpg -1\n1.jpg 1\n2.jpg 1\n3.jpg -1\n");
    writeText(root.filePath(QStringLiteral("partition.txt")),
              "0.jpg 0\n1.jpg 0\n2.jpg 1\n3.jpg 2\n");

    std::string error;
    const auto dataset =
        openLabelsDataset(root.filePath(QStringLiteral("images")).toStdString(),
                          root.filePath(QStringLiteral("list_attr.txt")).toStdString(),
                          root.filePath(QStringLiteral("partition.txt")).toStdString(),
                          {"Smiling", "m"}, options(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->size(Split::Train), std::int64_t(2));
    const Batch test = wholeSplit(*dataset, Split::Test);
    QCOMPARE(classes(test.targets[0]), (std::vector<std::int64_t>{0}));
    // JPEG is lossy, so the flat grey 180 of 3.jpg may come back one or two levels off.
    QVERIFY2(std::abs(test.images[0][1][4][4].item<float>() * 255.0f - 180.0f) <= 2.0f,
             qPrintable(QString::number(test.images[0][1][4][4].item<float>() * 255.0f)));
    // m/3.png is grey 150: train labels 0 and 50 give mean 25 and deviation 25 (of 255).
    QVERIFY(std::abs(test.targets[1][0][0][0][0].item<float>() - 5.0f) < 1e-4f);
}

void TestLabelsDataset::greyImagesBecomeRgb()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("images")));
    for (int i = 0; i < 6; ++i)
        writeGreyImage(root.filePath(QStringLiteral("images/img%1.png").arg(i)), 30 + i, 32);
    writeText(root.filePath(QStringLiteral("labels.csv")), kBaseCsv);

    std::string error;
    const auto dataset =
        openLabelsDataset(root.filePath(QStringLiteral("images")).toStdString(),
                          root.filePath(QStringLiteral("labels.csv")).toStdString(), "", {"digit"},
                          options(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(QString::fromStdString(dataset->resizeNote()),
             QStringLiteral("resizing images to 16x16 pixels, the configured image size; the "
                            "first resized image, %1/images/img0.png, is 32x32 pixels")
                 .arg(dir.path()));
    const Batch test = wholeSplit(*dataset, Split::Test);
    QCOMPARE(test.images.sizes().vec(), (std::vector<std::int64_t>{1, 3, kImageSize, kImageSize}));
    // img4 is grey 34 everywhere; shrinking a flat image keeps the value.
    for (int channel = 0; channel < 3; ++channel)
        QCOMPARE(test.images[0][channel][6][2].item<float>(), 34.0f / 255.0f);
}

void TestLabelsDataset::unusedInvalidColumnName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")),
              "file,split,digit,a-b,score\n"
              "img0.png,train,3,1,0.5\n"
              "img1.png,train,7,2,1.5\n"
              "img2.png,train,3,1,2.5\n"
              "img3.png,validation,9,2,-1.0\n"
              "img4.png,test,7,1,0.25\n"
              "img5.png,train,9,2,3.5\n");
    const std::string images = root.filePath(QStringLiteral("images")).toStdString();
    const std::string labels = root.filePath(QStringLiteral("labels.csv")).toStdString();
    const std::string problem = labels +
                                ":1: column 4 (\"a-b\"): task name \"a-b\" is invalid because "
                                "candidate names and tables reserve commas, quotes, '-', '+' and "
                                "line breaks; rename it";

    std::string error;
    std::vector<tg::training::SkippedLabelsTask> skipped;
    const auto tasks = readLabelsTasks(images, labels, &error, &skipped);
    QVERIFY2(tasks, error.c_str());
    QCOMPARE(taskNames(*tasks), (std::vector<std::string>{"digit", "score"}));
    QCOMPARE(skipped.size(), std::size_t(1));
    QCOMPARE(skipped[0].name, std::string("a-b"));
    QCOMPARE(skipped[0].problem, problem);

    const auto dataset = openLabelsDataset(images, labels, "", {"score", "digit"}, options(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(taskNames(dataset->tasks()), (std::vector<std::string>{"score", "digit"}));
    const Batch train = wholeSplit(*dataset, Split::Train);
    QCOMPARE(imageIds(train), (std::vector<int>{0, 10, 20, 50}));
    QCOMPARE(classes(train.targets[1]), (std::vector<std::int64_t>{0, 1, 0, 2}));
    QCOMPARE(train.targets[0].sizes().vec(), (std::vector<std::int64_t>{4, 1}));

    const auto selected = openLabelsDataset(images, labels, "", {"digit", "a-b"}, options(), &error);
    QVERIFY(!selected);
    QCOMPARE(error, problem);
}

void TestLabelsDataset::badInputNamesFileLine_data()
{
    QTest::addColumn<QString>("labels");   // labels.csv text; empty keeps the six-image CSV
    QTest::addColumn<QString>("mutation"); // a change to the files
    QTest::addColumn<QStringList>("tasks");
    QTest::addColumn<QString>("expected"); // %1 is the temporary folder

    const QStringList digit = {QStringLiteral("digit")};
    QTest::newRow("missing images folder")
        << ""
        << "remove images" << digit << "images folder %1/images not found";
    QTest::newRow("missing labels file")
        << ""
        << "remove labels" << digit << "labels file %1/labels.csv not found";
    QTest::newRow("listed image missing")
        << ""
        << "remove img4" << digit << "%1/labels.csv:6: image %1/images/img4.png not found";
    QTest::newRow("listed image is a directory")
        << ""
        << "img4 directory" << digit
        << "%1/labels.csv:6: image %1/images/img4.png is a directory, not an image file; write an "
           "image file name on the line or remove the line";
    QTest::newRow("pixel label is a directory")
        << ""
        << "m directory" << QStringList{QStringLiteral("m")}
        << "%1/labels.csv:4: label image %1/m/img2.png of task \"m\" is a directory, not an "
           "image file; replace it with the label image or remove the image's line";
    QTest::newRow("empty label") << "file,digit\nimg0.png,1\nimg1.png,\nimg2.png,2\n"
                                 << "" << digit
                                 << "%1/labels.csv:3: column 2 (\"digit\"): the label is empty";
    QTest::newRow("text in number column")
        << "file,digit\nimg0.png,1\nimg1.png,2\nimg2.png,two\n"
        << "" << digit << "%1/labels.csv:4: column 2 (\"digit\"): value \"two\" is not a number";
    QTest::newRow("single class")
        << "file,digit,const\nimg0.png,1,5\nimg1.png,2,5\nimg2.png,1,5\n"
        << "" << digit
        << "%1/labels.csv:1: task \"const\" has a single class (every image has the value 5)";
    QTest::newRow("wrong cell count")
        << "file,digit,score\nimg0.png,1,0.5\nimg1.png,2\nimg2.png,1,0.5\n"
        << "" << digit << "%1/labels.csv:3: the line has 2 cells but the header on line 1 has 3";
    QTest::newRow("duplicate file")
        << "file,digit\nimg0.png,1\nimg1.png,2\n\nimg0.png,2\n"
        << "" << digit << "%1/labels.csv:5: image \"img0.png\" is listed again (first on line 2)";
    QTest::newRow("unknown task")
        << ""
        << "" << QStringList{QStringLiteral("digits")}
        << "unknown task \"digits\"; %1/labels.csv and the per-pixel folders offer digit, score";
    QTest::newRow("invalid split")
        << "file,split,digit\nimg0.png,train,1\nimg1.png,training,2\n"
        << "" << digit
        << "%1/labels.csv:3: split \"training\" is invalid; write train, validation or test";
    QTest::newRow("second split column")
        << "file,split,digit,split\nimg0.png,train,1,test\n"
        << "" << digit << "%1/labels.csv:1: column 4 (\"split\"): a second split column";
    QTest::newRow("empty split") << "file,split,digit\nimg0.png,,1\nimg1.png,test,2\n"
                                 << "" << digit << "%1/labels.csv:2: the split is empty";
    QTest::newRow("split without images")
        << "file,split,digit\nimg0.png,train,1\nimg1.png,validation,2\nimg2.png,train,2\n"
        << "" << digit << "%1/labels.csv: no image is in the test split";
    QTest::newRow("image size")
        << ""
        << "small img5" << digit
        << "%1/labels.csv:7: image %1/images/img5.png is 8x8 pixels but image "
           "%1/images/img0.png on line 2 is 16x16";
    QTest::newRow("invalid task name")
        << "file,digit,a-b\nimg0.png,1,2\nimg1.png,2,3\n"
        << "" << QStringList{QStringLiteral("digit"), QStringLiteral("a-b")}
        << "%1/labels.csv:1: column 3 (\"a-b\"): task name \"a-b\" is invalid";
    QTest::newRow("reserved task name")
        << "file,digit,cost\nimg0.png,1,2\nimg1.png,2,3\n"
        << "" << QStringList{QStringLiteral("cost")}
        << "%1/labels.csv:1: column 3 (\"cost\"): task name \"cost\" is invalid";
    QTest::newRow("invalid attribute name")
        << "2\nSmiling a,b\nimg0.png 1 -1\nimg1.png -1 1\n"
        << "" << QStringList{QStringLiteral("a,b")}
        << "%1/labels.csv:2: column 2 (\"a,b\"): task name \"a,b\" is invalid";
    QTest::newRow("attribute count")
        << "5\nSmiling Male\nimg0.png 1 -1\nimg1.png -1 1\nimg2.png 1 1\nimg3.png -1 -1\n"
        << "" << QStringList{QStringLiteral("Male")}
        << "%1/labels.csv:1: the count line says 5 images but the file lists 4";
    QTest::newRow("attribute count line missing")
        << "Smiling  Male\nimg0.png  1 -1\nimg1.png -1  1\n\nimg2.png  1  1\n"
        << "" << QStringList{QStringLiteral("Male")}
        << "%1/labels.csv:1: the file looks like an attribute list (a line of attribute names, "
           "then a file name and -1/1 values per image) but the image count line is missing; "
           "insert a first line with the number of images (3 in this file)";
    QTest::newRow("attribute value")
        << "3\nSmiling Male\nimg0.png 1 -1\nimg1.png -1 1\nimg2.png 1 0\n"
        << "" << QStringList{QStringLiteral("Male")}
        << "%1/labels.csv:5: attribute \"Male\": value \"0\" is invalid; write -1 or 1";
    QTest::newRow("attribute fields")
        << "2\nSmiling Male\nimg0.png 1 -1\nimg1.png -1\n"
        << "" << QStringList{QStringLiteral("Male")}
        << "%1/labels.csv:4: the line has 2 fields but line 2 names 2 attributes";
    QTest::newRow("partition missing image")
        << "file,digit\nimg0.png,1\nimg1.png,2\nimg2.png,1\n"
        << "partition" << digit
        << "%1/labels.csv:4: image \"img2.png\" is not listed in the partition file "
           "%1/partition.txt";
    QTest::newRow("split column and partition")
        << ""
        << "partition" << digit
        << "both the split column of %1/labels.csv and the partition file %1/partition.txt set "
           "the splits";
    QTest::newRow("partition line")
        << "file,digit\nimg0.png,1\nimg1.png,2\n"
        << "bad partition" << digit << "%1/partition.txt:2: expected \"<file> 0|1|2\"";
    QTest::newRow("pixel label missing")
        << ""
        << "partial m" << QStringList{QStringLiteral("m")}
        << "%1/labels.csv:4: label image %1/m/img2.png of task \"m\" not found";
    QTest::newRow("task folder and column")
        << "file,digit,m\nimg0.png,1,2\nimg1.png,2,3\n"
        << "partial m" << digit
        << "task name \"m\" names both a column of %1/labels.csv and the folder %1/m";
}

void TestLabelsDataset::badInputNamesFileLine()
{
    QFETCH(QString, labels);
    QFETCH(QString, mutation);
    QFETCH(QStringList, tasks);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    writeImages(root, 6);
    writeText(root.filePath(QStringLiteral("labels.csv")),
              labels.isEmpty() ? QByteArray(kBaseCsv) : labels.toUtf8());

    if (mutation == QStringLiteral("remove images")) {
        QVERIFY(QDir(root.filePath(QStringLiteral("images"))).removeRecursively());
    } else if (mutation == QStringLiteral("remove labels")) {
        QVERIFY(QFile::remove(root.filePath(QStringLiteral("labels.csv"))));
    } else if (mutation == QStringLiteral("remove img4")) {
        QVERIFY(QFile::remove(root.filePath(QStringLiteral("images/img4.png"))));
    } else if (mutation == QStringLiteral("img4 directory")) {
        QVERIFY(QFile::remove(root.filePath(QStringLiteral("images/img4.png"))));
        QVERIFY(root.mkpath(QStringLiteral("images/img4.png")));
    } else if (mutation == QStringLiteral("m directory")) {
        QVERIFY(root.mkpath(QStringLiteral("m")));
        for (int i = 0; i < 6; ++i)
            writeGreyImage(root.filePath(QStringLiteral("m/img%1.png").arg(i)), i);
        QVERIFY(QFile::remove(root.filePath(QStringLiteral("m/img2.png"))));
        QVERIFY(root.mkpath(QStringLiteral("m/img2.png")));
    } else if (mutation == QStringLiteral("small img5")) {
        writeColourImage(root.filePath(QStringLiteral("images/img5.png")), 5, 8);
    } else if (mutation == QStringLiteral("partition")) {
        writeText(root.filePath(QStringLiteral("partition.txt")), "img0.png 0\nimg1.png 1\n");
    } else if (mutation == QStringLiteral("bad partition")) {
        writeText(root.filePath(QStringLiteral("partition.txt")), "img0.png 0\nimg1.png 3\n");
    } else if (mutation == QStringLiteral("partial m")) {
        QVERIFY(root.mkpath(QStringLiteral("m")));
        for (int i = 0; i < 2; ++i)
            writeGreyImage(root.filePath(QStringLiteral("m/img%1.png").arg(i)), i);
    }
    const bool partition = mutation.contains(QStringLiteral("partition"));

    std::vector<std::string> names;
    for (const QString& task : tasks)
        names.push_back(task.toStdString());
    std::string error;
    const auto dataset = openLabelsDataset(
        root.filePath(QStringLiteral("images")).toStdString(),
        root.filePath(QStringLiteral("labels.csv")).toStdString(),
        partition ? root.filePath(QStringLiteral("partition.txt")).toStdString() : "", names,
        options(), &error);
    QVERIFY(!dataset);
    const QString message = QString::fromStdString(error);
    QVERIFY2(message.contains(expected.arg(dir.path())), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestLabelsDataset)
#include "tst_labelsdataset.moc"
