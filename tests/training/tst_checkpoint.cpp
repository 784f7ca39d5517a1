#include "core/training/checkpoint.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tg::training;

class TestCheckpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsWeightsAndState();
    void truncatedFileRejected();
    void corruptedByteRejected();
    void stepsListedNewestFirst();

private:
    static torch::nn::Linear makeLayer(std::uint64_t seed)
    {
        torch::manual_seed(seed);
        return torch::nn::Linear(4, 3);
    }
};

void TestCheckpoint::roundTripsWeightsAndState()
{
    QTemporaryDir dir;
    const std::string path = checkpointPath(dir.path().toStdString(), 12);
    torch::nn::Linear layer = makeLayer(1);
    torch::optim::SGD optimizer(layer->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    TrainerState state;
    state.step = 12;
    state.learningRate = 0.05;
    state.bestLosses = {0.25, 1.0 / 3.0};
    state.recentLosses = {0.5, 0.4};
    std::string error;
    QVERIFY2(saveCheckpoint(path, *layer, &optimizer, state, &error), error.c_str());

    torch::nn::Linear other = makeLayer(2);
    torch::optim::SGD otherOptimizer(other->parameters(), torch::optim::SGDOptions(0.1));
    TrainerState loaded;
    QVERIFY2(loadCheckpoint(path, *other, &otherOptimizer, &loaded, &error), error.c_str());
    QVERIFY(torch::equal(layer->weight, other->weight));
    QCOMPARE(loaded.step, std::int64_t(12));
    QCOMPARE(loaded.learningRate, 0.05);
    QCOMPARE(loaded.bestLosses, state.bestLosses);
    QCOMPARE(loaded.recentLosses, state.recentLosses);
}

void TestCheckpoint::truncatedFileRejected()
{
    QTemporaryDir dir;
    const std::string path = checkpointPath(dir.path().toStdString(), 3);
    torch::nn::Linear layer = makeLayer(1);
    std::string error;
    QVERIFY(saveCheckpoint(path, *layer, nullptr, TrainerState(), &error));
    QFile file(QString::fromStdString(path));
    QVERIFY(file.resize(file.size() / 2));

    torch::nn::Linear other = makeLayer(2);
    const torch::Tensor before = other->weight.clone();
    QVERIFY(!loadCheckpoint(path, *other, nullptr, nullptr, &error));
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("truncated")), error.c_str());
    QVERIFY(QString::fromStdString(error).startsWith(QString::fromStdString(path)));
    QVERIFY(torch::equal(before, other->weight));
}

void TestCheckpoint::corruptedByteRejected()
{
    QTemporaryDir dir;
    const std::string path = checkpointPath(dir.path().toStdString(), 3);
    torch::nn::Linear layer = makeLayer(1);
    std::string error;
    QVERIFY(saveCheckpoint(path, *layer, nullptr, TrainerState(), &error));
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(100);
    QByteArray byte = file.read(1);
    byte[0] = char(byte[0] ^ 0x5a);
    file.seek(100);
    file.write(byte);
    file.close();

    torch::nn::Linear other = makeLayer(2);
    QVERIFY(!loadCheckpoint(path, *other, nullptr, nullptr, &error));
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("corrupted")), error.c_str());
}

void TestCheckpoint::stepsListedNewestFirst()
{
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    torch::nn::Linear layer = makeLayer(1);
    std::string error;
    for (std::int64_t step : {4, 12, 8})
        QVERIFY(saveCheckpoint(checkpointPath(folder, step), *layer, nullptr, {}, &error));
    QCOMPARE(checkpointSteps(folder), (std::vector<std::int64_t>{12, 8, 4}));
    pruneCheckpoints(folder, {8});
    QCOMPARE(checkpointSteps(folder), (std::vector<std::int64_t>{8}));
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
