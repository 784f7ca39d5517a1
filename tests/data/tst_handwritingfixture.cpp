// Reads the committed handwriting fixture (eight real MultiMNIST images) through
// the labels dataset kind, as a labels CSV and as a CelebA-style attribute list.

#include "core/training/labelsdataset.h"
#include "core/training/labelstasks.h"

#include <QImage>
#include <QTest>

using namespace tg::training;

namespace {

QString fixturePath(const QString& relative)
{
    return qEnvironmentVariable("TASKGROUPER_SOURCE_DIR") +
           QStringLiteral("/tests/data/fixtures/handwriting/") + relative;
}

std::string fixture(const char* relative)
{
    return fixturePath(QLatin1String(relative)).toStdString();
}

std::vector<std::int64_t> classTargets(const torch::Tensor& target)
{
    const torch::Tensor values = target.to(torch::kInt64).contiguous();
    return {values.data_ptr<std::int64_t>(), values.data_ptr<std::int64_t>() + values.numel()};
}

FolderDatasetOptions options32()
{
    FolderDatasetOptions options;
    options.imageSize = 32;
    return options;
}

} // namespace

class TestHandwritingFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsCsvTasks();
    void labelsCsvClassTargets();
    void labelsCsvValueTargets();
    void labelsCsvImagesAndPixels();
    void attributeListTargets();
};

void TestHandwritingFixture::labelsCsvTasks()
{
    std::string error;
    const auto tasks = readLabelsTasks(fixture("images"), fixture("labels.csv"), &error);
    QVERIFY2(tasks, error.c_str());
    QCOMPARE(tasks->size(), std::size_t(6));
    const char* names[] = {"t", "b", "p", "q", "v", "m"};
    const TaskKind kinds[] = {TaskKind::ImageClasses, TaskKind::ImageClasses,
                              TaskKind::ImageClasses, TaskKind::ImageClasses,
                              TaskKind::ImageValues,  TaskKind::PixelValues};
    // In the fixture, t takes the values 0 1 3 4 5 9 and b the values 3 4 5 8 9.
    const int channels[] = {6, 5, 2, 2, 1, 1};
    for (int i = 0; i < 6; ++i) {
        QCOMPARE((*tasks)[i].name, std::string(names[i]));
        QCOMPARE((*tasks)[i].kind, kinds[i]);
        QCOMPARE((*tasks)[i].channels, channels[i]);
    }
}

void TestHandwritingFixture::labelsCsvClassTargets()
{
    std::string error;
    const auto dataset = openLabelsDataset(fixture("images"), fixture("labels.csv"), {},
                                           {"t", "b", "p", "q"}, options32(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->size(Split::Train), 4);
    QCOMPARE(dataset->size(Split::Validation), 2);
    QCOMPARE(dataset->size(Split::Test), 2);

    // Classes are indices into each column's sorted values: t 0 1 3 4 5 9, b 3 4 5 8 9.
    const Batch train = dataset->batch(Split::Train, {0, 1, 2, 3});
    QCOMPARE(classTargets(train.targets[0]), (std::vector<std::int64_t>{5, 1, 0, 3}));
    QCOMPARE(classTargets(train.targets[1]), (std::vector<std::int64_t>{3, 1, 3, 0}));
    QCOMPARE(classTargets(train.targets[2]), (std::vector<std::int64_t>{1, 1, 0, 1}));
    QCOMPARE(classTargets(train.targets[3]), (std::vector<std::int64_t>{0, 0, 0, 0}));

    const Batch test = dataset->batch(Split::Test, {0, 1});
    QCOMPARE(classTargets(test.targets[0]), (std::vector<std::int64_t>{2, 3}));
    QCOMPARE(classTargets(test.targets[1]), (std::vector<std::int64_t>{4, 1}));
    QCOMPARE(classTargets(test.targets[2]), (std::vector<std::int64_t>{0, 0}));
    QCOMPARE(classTargets(test.targets[3]), (std::vector<std::int64_t>{0, 1}));
}

void TestHandwritingFixture::labelsCsvValueTargets()
{
    std::string error;
    const auto dataset =
        openLabelsDataset(fixture("images"), fixture("labels.csv"), {}, {"v"}, options32(), &error);
    QVERIFY2(dataset, error.c_str());

    // v is normalised with the mean and population standard deviation of the train split.
    const double raw[] = {0.9444, 0.2778, 0.4444, 0.3889};
    const double mean = (raw[0] + raw[1] + raw[2] + raw[3]) / 4;
    double squares = 0;
    for (double value : raw)
        squares += (value - mean) * (value - mean);
    const double deviation = std::sqrt(squares / 4);
    const ChannelStatistics statistics = dataset->statistics(0);
    QCOMPARE(statistics.mean.size(), std::size_t(1));
    QVERIFY(std::abs(statistics.mean[0] - mean) < 1e-6);
    QVERIFY(std::abs(statistics.std[0] - deviation) < 1e-6);

    const Batch validation = dataset->batch(Split::Validation, {0, 1});
    QCOMPARE(validation.targets[0].sizes().vec(), (std::vector<std::int64_t>{2, 1}));
    for (int i = 0; i < 2; ++i) {
        const double value = validation.targets[0][i][0].item<double>() * deviation + mean;
        QVERIFY2(std::abs(value - 0.4444) < 1e-5, qPrintable(QString::number(value)));
    }
}

void TestHandwritingFixture::labelsCsvImagesAndPixels()
{
    std::string error;
    const auto dataset =
        openLabelsDataset(fixture("images"), fixture("labels.csv"), {}, {"m"}, options32(), &error);
    QVERIFY2(dataset, error.c_str());
    const ChannelStatistics statistics = dataset->statistics(0);
    const Batch test = dataset->batch(Split::Test, {1});
    QCOMPARE(test.images.sizes().vec(), (std::vector<std::int64_t>{1, 3, 32, 32}));
    QCOMPARE(test.targets[0].sizes().vec(), (std::vector<std::int64_t>{1, 1, 32, 32}));

    // 04501.png is a grey image: all three channels equal the file's bytes / 255.
    const QImage image(fixturePath(QStringLiteral("images/04501.png")));
    const QImage top(fixturePath(QStringLiteral("m/04501.png")));
    QCOMPARE(image.size(), QSize(32, 32));
    QCOMPARE(top.size(), QSize(32, 32));
    int lit = 0;
    for (int y = 0; y < 32; ++y) {
        for (int x = 0; x < 32; ++x) {
            const double grey = image.constScanLine(y)[x] / 255.0;
            for (int c = 0; c < 3; ++c)
                QVERIFY(std::abs(test.images[0][c][y][x].item<double>() - grey) < 1e-6);
            const double expected = top.constScanLine(y)[x] / 255.0;
            const double value =
                test.targets[0][0][0][y][x].item<double>() * statistics.std[0] + statistics.mean[0];
            QVERIFY2(std::abs(value - expected) < 1e-5,
                     qPrintable(QStringLiteral("m at (%1, %2): %3").arg(x).arg(y).arg(value)));
            lit += top.constScanLine(y)[x] > 0;
        }
    }
    QVERIFY(lit > 50);
}

void TestHandwritingFixture::attributeListTargets()
{
    std::string error;
    const auto tasks = readLabelsTasks(fixture("images"), fixture("list_attr.txt"), &error);
    QVERIFY2(tasks, error.c_str());
    QCOMPARE(tasks->size(), std::size_t(4));
    QCOMPARE((*tasks)[0].name, std::string("Odd"));
    QCOMPARE((*tasks)[1].name, std::string("Equal"));
    QCOMPARE((*tasks)[2].name, std::string("Large"));
    QCOMPARE((*tasks)[3].name, std::string("m"));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE((*tasks)[i].kind, TaskKind::ImageClasses);
        QCOMPARE((*tasks)[i].channels, 2);
    }

    const auto dataset = openLabelsDataset(fixture("images"), fixture("list_attr.txt"),
                                           fixture("list_eval_partition.txt"),
                                           {"Odd", "Equal", "Large"}, options32(), &error);
    QVERIFY2(dataset, error.c_str());
    QCOMPARE(dataset->size(Split::Train), 4);
    QCOMPARE(dataset->size(Split::Validation), 2);
    QCOMPARE(dataset->size(Split::Test), 2);

    // -1 becomes class 0 and 1 class 1.
    const Batch train = dataset->batch(Split::Train, {0, 1, 2, 3});
    QCOMPARE(classTargets(train.targets[0]), (std::vector<std::int64_t>{1, 1, 0, 1}));
    QCOMPARE(classTargets(train.targets[1]), (std::vector<std::int64_t>{0, 0, 0, 0}));
    QCOMPARE(classTargets(train.targets[2]), (std::vector<std::int64_t>{1, 0, 0, 0}));
    const Batch test = dataset->batch(Split::Test, {0, 1});
    QCOMPARE(classTargets(test.targets[0]), (std::vector<std::int64_t>{0, 0}));
    QCOMPARE(classTargets(test.targets[1]), (std::vector<std::int64_t>{0, 1}));
    QCOMPARE(classTargets(test.targets[2]), (std::vector<std::int64_t>{1, 0}));
}

QTEST_GUILESS_MAIN(TestHandwritingFixture)
#include "tst_handwritingfixture.moc"
