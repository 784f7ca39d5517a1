#include "core/training/scenedataset.h"

#include <QTest>
#include <thread>

using tg::training::Batch;
using tg::training::Dataset;
using tg::training::makeSceneDataset;
using tg::training::SceneDatasetConfig;
using tg::training::Split;

namespace {

SceneDatasetConfig smallConfig()
{
    SceneDatasetConfig config;
    config.seed = 7;
    config.imageSize = 32;
    config.trainSize = 24;
    config.validationSize = 6;
    config.testSize = 6;
    config.generatorThreads = 2;
    config.statisticsSamples = 24;
    return config;
}

std::unique_ptr<Dataset> makeOrFail(const SceneDatasetConfig& config,
                                    const std::vector<std::string>& tasks)
{
    std::string error;
    std::unique_ptr<Dataset> dataset = makeSceneDataset(config, tasks, &error);
    if (!dataset)
        qWarning("scene dataset failed: %s", error.c_str());
    return dataset;
}

std::vector<std::int64_t> range(std::int64_t count)
{
    std::vector<std::int64_t> indices(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        indices[static_cast<std::size_t>(i)] = i;
    return indices;
}

} // namespace

class TestSceneDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchShapesPerKind();
    void valuesNormalisedOnTrainSplit();
    void splitsDisjoint();
    void sameConfigSameBatch();
    void concurrentBatchesAgree();
    void indexOutsideSplitThrows();
    void invalidConfigRejected_data();
    void invalidConfigRejected();
};

void TestSceneDataset::batchShapesPerKind()
{
    const auto dataset = makeOrFail(smallConfig(), {"s", "d", "n", "c", "l", "a"});
    QVERIFY(dataset);
    QCOMPARE(dataset->imageSize(), 32);
    QCOMPARE(dataset->size(Split::Train), 24);
    QCOMPARE(dataset->size(Split::Validation), 6);
    QCOMPARE(dataset->size(Split::Test), 6);
    QCOMPARE(static_cast<int>(dataset->tasks().size()), 6);

    const Batch batch = dataset->batch(Split::Validation, {0, 3, 5});
    QCOMPARE(batch.images.sizes(), (torch::IntArrayRef{3, 3, 32, 32}));
    QCOMPARE(batch.images.scalar_type(), torch::kFloat);
    QVERIFY(batch.images.min().item<float>() >= 0.0f);
    QVERIFY(batch.images.max().item<float>() <= 1.0f);
    QCOMPARE(static_cast<int>(batch.targets.size()), 6);

    QCOMPARE(batch.targets[0].sizes(), (torch::IntArrayRef{3, 32, 32}));
    QCOMPARE(batch.targets[0].scalar_type(), torch::kLong);
    QVERIFY(batch.targets[0].min().item<std::int64_t>() >= 0);
    QVERIFY(batch.targets[0].max().item<std::int64_t>() < 7);
    QCOMPARE(batch.targets[1].sizes(), (torch::IntArrayRef{3, 1, 32, 32}));
    QCOMPARE(batch.targets[1].scalar_type(), torch::kFloat);
    QCOMPARE(batch.targets[2].sizes(), (torch::IntArrayRef{3, 3, 32, 32}));
    QCOMPARE(batch.targets[3].sizes(), (torch::IntArrayRef{3}));
    QCOMPARE(batch.targets[3].scalar_type(), torch::kLong);
    QVERIFY(batch.targets[3].max().item<std::int64_t>() < 4);
    QCOMPARE(batch.targets[4].sizes(), (torch::IntArrayRef{3, 3}));
    QCOMPARE(batch.targets[4].scalar_type(), torch::kFloat);
    QCOMPARE(batch.targets[5].sizes(), (torch::IntArrayRef{3, 3, 32, 32}));

    QVERIFY(dataset->statistics(0).mean.empty());
    QCOMPARE(static_cast<int>(dataset->statistics(2).mean.size()), 3);
}

// Statistics come from all 24 training scenes here, so over the whole
// training split every value channel has mean 0 and standard deviation 1.
void TestSceneDataset::valuesNormalisedOnTrainSplit()
{
    const auto dataset = makeOrFail(smallConfig(), {"d", "n", "k", "e", "o", "r", "l"});
    QVERIFY(dataset);
    const Batch batch = dataset->batch(Split::Train, range(24));
    for (std::size_t t = 0; t < batch.targets.size(); ++t) {
        const torch::Tensor target = batch.targets[t].to(torch::kDouble);
        const std::int64_t channels = target.size(1);
        const torch::Tensor perChannel = target.transpose(0, 1).reshape({channels, -1});
        for (std::int64_t c = 0; c < channels; ++c) {
            const double mean = perChannel[c].mean().item<double>();
            const double deviation = perChannel[c].std(false).item<double>();
            const QString where = QStringLiteral("task %1 channel %2: mean %3, std %4")
                                      .arg(QString::fromStdString(dataset->tasks()[t].name))
                                      .arg(c)
                                      .arg(mean)
                                      .arg(deviation);
            QVERIFY2(std::fabs(mean) < 1e-4, qPrintable(where));
            QVERIFY2(std::fabs(deviation - 1.0) < 1e-3, qPrintable(where));
        }
    }
    // Depth statistics are in metres: the room is 6 to 10 m deep.
    const auto depth = dataset->statistics(0);
    QVERIFY(depth.mean[0] > 2.0 && depth.mean[0] < 12.0);
}

void TestSceneDataset::splitsDisjoint()
{
    const auto dataset = makeOrFail(smallConfig(), {"d"});
    QVERIFY(dataset);
    const torch::Tensor train = dataset->batch(Split::Train, range(24)).images;
    const torch::Tensor validation = dataset->batch(Split::Validation, range(6)).images;
    const torch::Tensor test = dataset->batch(Split::Test, range(6)).images;
    for (int i = 0; i < 6; ++i) {
        for (int j = 0; j < 24; ++j) {
            QVERIFY(!torch::equal(validation[i], train[j]));
            QVERIFY(!torch::equal(test[i], train[j]));
        }
        for (int j = 0; j < 6; ++j)
            QVERIFY(!torch::equal(test[i], validation[j]));
    }
}

void TestSceneDataset::sameConfigSameBatch()
{
    SceneDatasetConfig unthreaded = smallConfig();
    unthreaded.generatorThreads = 0;
    const auto first = makeOrFail(smallConfig(), {"s", "n"});
    const auto second = makeOrFail(unthreaded, {"s", "n"});
    QVERIFY(first && second);
    const Batch a = first->batch(Split::Test, {5, 1, 2});
    const Batch b = second->batch(Split::Test, {5, 1, 2});
    QVERIFY(torch::equal(a.images, b.images));
    QVERIFY(torch::equal(a.targets[0], b.targets[0]));
    QVERIFY(torch::equal(a.targets[1], b.targets[1]));

    SceneDatasetConfig otherSeed = smallConfig();
    otherSeed.seed = 8;
    const auto third = makeOrFail(otherSeed, {"s", "n"});
    QVERIFY(third);
    QVERIFY(!torch::equal(third->batch(Split::Test, {5, 1, 2}).images, a.images));
}

void TestSceneDataset::concurrentBatchesAgree()
{
    SceneDatasetConfig config = smallConfig();
    config.generatorThreads = 0;
    config.statisticsSamples = 1;
    const auto dataset = makeOrFail(config, {"d", "s"});
    QVERIFY(dataset);
    std::vector<Batch> batches(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < batches.size(); ++i)
        threads.emplace_back([&, i] { batches[i] = dataset->batch(Split::Train, range(24)); });
    for (std::thread& thread : threads)
        thread.join();
    for (std::size_t i = 1; i < batches.size(); ++i) {
        QVERIFY(torch::equal(batches[i].images, batches[0].images));
        QVERIFY(torch::equal(batches[i].targets[0], batches[0].targets[0]));
    }
}

void TestSceneDataset::indexOutsideSplitThrows()
{
    const auto dataset = makeOrFail(smallConfig(), {"d"});
    QVERIFY(dataset);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, dataset->batch(Split::Validation, {6}));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, dataset->batch(Split::Train, {-1}));
}

void TestSceneDataset::invalidConfigRejected_data()
{
    QTest::addColumn<int>("imageSize");
    QTest::addColumn<int>("trainSize");
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("expected");
    QTest::newRow("size not multiple of 16") << 40 << 10 << "d"
                                             << "image size 40";
    QTest::newRow("empty split") << 32 << 0 << "d"
                                 << "every split";
    QTest::newRow("unknown task") << 32 << 10 << "x"
                                  << "unknown task \"x\"";
}

void TestSceneDataset::invalidConfigRejected()
{
    QFETCH(int, imageSize);
    QFETCH(int, trainSize);
    QFETCH(QString, task);
    QFETCH(QString, expected);
    SceneDatasetConfig config = smallConfig();
    config.imageSize = imageSize;
    config.trainSize = trainSize;
    std::string error;
    QVERIFY(!makeSceneDataset(config, {task.toStdString()}, &error));
    QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
}

QTEST_GUILESS_MAIN(TestSceneDataset)
#include "tst_scenedataset.moc"
