#include "core/training/network.h"
#include "core/training/networkstats.h"
#include "everykindtasks.h"

#include <QTest>
#include <cmath>
#include <map>
#include <string>

using tg::training::MultiTaskNet;
using tg::training::NetworkSpec;
using tg::training::networkStats;
using tg::training::TaskSpec;

class TestNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outputShapesPerKind_data();
    void outputShapesPerKind();
    void everyParameterTrains();
    void halfWidthHalvesCost_data();
    void halfWidthHalvesCost();
    void multiplyAddsMatchHandCount();
    void taskLossPerKind();
    void decodersMatchTransposedConvolution();
    void invalidInputThrows();
    void statsRejectUnknownTask();
    void inferenceTimeMeasured();
};

void TestNetwork::initTestCase()
{
    torch::manual_seed(3);
}

void TestNetwork::outputShapesPerKind_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<int>("size");
    QTest::newRow("full width, 64 px") << 1.0 << 64;
    QTest::newRow("half width, 64 px") << 0.5 << 64;
    QTest::newRow("half width, 32 px") << 0.5 << 32;
}

void TestNetwork::outputShapesPerKind()
{
    QFETCH(double, width);
    QFETCH(int, size);
    MultiTaskNet network(NetworkSpec{tg::test::everyKindTasks(), width, size});
    const std::vector<torch::Tensor> outputs = network->forward(torch::rand({2, 3, size, size}));
    QCOMPARE(static_cast<int>(outputs.size()), 4);
    QCOMPARE(outputs[0].sizes(), (torch::IntArrayRef{2, 7, size, size}));
    QCOMPARE(outputs[1].sizes(), (torch::IntArrayRef{2, 3, size, size}));
    QCOMPARE(outputs[2].sizes(), (torch::IntArrayRef{2, 10}));
    QCOMPARE(outputs[3].sizes(), (torch::IntArrayRef{2, 3}));
    for (const torch::Tensor& output : outputs)
        QVERIFY(torch::isfinite(output).all().item<bool>());
}

// Every submodule is registered, so one backward pass reaches every parameter.
void TestNetwork::everyParameterTrains()
{
    const std::vector<TaskSpec> tasks = tg::test::everyKindTasks();
    MultiTaskNet network(NetworkSpec{tasks, 1.0, 32});
    const std::vector<torch::Tensor> outputs = network->forward(torch::rand({2, 3, 32, 32}));
    const std::vector<torch::Tensor> targets = {
        torch::randint(0, 7, {2, 32, 32}),
        torch::randn({2, 3, 32, 32}),
        torch::randint(0, 10, {2}),
        torch::randn({2, 3}),
    };
    torch::Tensor loss = torch::zeros({});
    for (std::size_t t = 0; t < tasks.size(); ++t)
        loss = loss + tg::training::taskLoss(tasks[t], outputs[t], targets[t]);
    loss.backward();

    const auto parameters = network->named_parameters();
    QVERIFY(parameters.size() > 40);
    for (const auto& parameter : parameters) {
        QVERIFY2(parameter.value().grad().defined(), parameter.key().c_str());
        QVERIFY2(parameter.value().grad().abs().sum().item<double>() > 0.0,
                 parameter.key().c_str());
    }
}

void TestNetwork::halfWidthHalvesCost_data()
{
    QTest::addColumn<QStringList>("tasks");
    QTest::newRow("depth") << QStringList{QStringLiteral("d")};
    QTest::newRow("segmentation") << QStringList{QStringLiteral("s")};
    QTest::newRow("five tasks") << QStringList{QStringLiteral("s"), QStringLiteral("d"),
                                               QStringLiteral("n"), QStringLiteral("k"),
                                               QStringLiteral("e")};
    QTest::newRow("image tasks") << QStringList{QStringLiteral("c"), QStringLiteral("l")};
}

void TestNetwork::halfWidthHalvesCost()
{
    QFETCH(QStringList, tasks);
    std::vector<std::string> names;
    for (const QString& task : tasks)
        names.push_back(task.toStdString());
    const auto full = networkStats(names, 1.0, 64);
    const auto half = networkStats(names, 0.5, 64);
    QVERIFY(full.parameters > 0);
    QVERIFY(full.multiplyAdds > 0);
    QCOMPARE(full.nominalCostSnt, 1.0);

    const double parameterRatio = static_cast<double>(half.parameters) / full.parameters;
    const double costRatio = static_cast<double>(half.multiplyAdds) / full.multiplyAdds;
    QVERIFY2(parameterRatio > 0.45 && parameterRatio < 0.55,
             qPrintable(QStringLiteral("parameter ratio %1").arg(parameterRatio)));
    QVERIFY2(costRatio > 0.45 && costRatio < 0.55,
             qPrintable(QStringLiteral("multiply-add ratio %1").arg(costRatio)));
    QCOMPARE(half.nominalCostSnt, costRatio);
}

// Depth network, width 1, 64x64 input, layer by layer (channels at output side):
// encoder: stem 3x3 3->24 at 32^2, block 24 at 32^2, then for 48, 96, 192 a
// 2x2 stride-2 convolution and a block at 16^2, 8^2, 4^2; a block is two
// separable convolutions of c*9 + c*c per pixel. Decoder: upsampling
// 192->64 at 8^2, 64->32 at 16^2, refinement 32 at 16^2, 32->16 at 32^2,
// output 16->1 at 64^2.
void TestNetwork::multiplyAddsMatchHandCount()
{
    const std::int64_t encoder = 27 * 24 * 1024 + 2 * (24 * 9 + 24 * 24) * 1024 +
                                 4 * 24 * 48 * 256 + 2 * (48 * 9 + 48 * 48) * 256 +
                                 4 * 48 * 96 * 64 + 2 * (96 * 9 + 96 * 96) * 64 +
                                 4 * 96 * 192 * 16 + 2 * (192 * 9 + 192 * 192) * 16;
    const std::int64_t decoder =
        192 * 64 * 64 + 64 * 32 * 256 + (32 * 9 + 32 * 32) * 256 + 32 * 16 * 1024 + 16 * 1 * 4096;
    QCOMPARE(networkStats({"d"}, 1.0, 64).multiplyAdds, encoder + decoder);
    QCOMPARE(networkStats({"d"}, 1.0, 128).multiplyAdds, 4 * (encoder + decoder));

    // The parameter count is exact: weights of every layer plus batch-norm
    // scales and shifts plus the output layer's bias.
    MultiTaskNet network(NetworkSpec{{*tg::training::findBuiltinTask("d")}, 1.0, 64});
    std::int64_t parameters = 0;
    for (const torch::Tensor& parameter : network->parameters())
        parameters += parameter.numel();
    QCOMPARE(networkStats({"d"}, 1.0, 64).parameters, parameters);
}

void TestNetwork::taskLossPerKind()
{
    const std::vector<TaskSpec> tasks = tg::test::everyKindTasks();
    // Equal logits give cross-entropy log(classes) whatever the target.
    const torch::Tensor pixelLogits = torch::zeros({2, 7, 4, 4});
    const torch::Tensor pixelClasses = torch::randint(0, 7, {2, 4, 4});
    QVERIFY(std::fabs(tg::training::taskLoss(tasks[0], pixelLogits, pixelClasses).item<double>() -
                      std::log(7.0)) < 1e-6);
    const torch::Tensor imageLogits = torch::zeros({2, 10});
    const torch::Tensor imageClasses = torch::tensor({3, 9}, torch::kLong);
    QVERIFY(std::fabs(tg::training::taskLoss(tasks[2], imageLogits, imageClasses).item<double>() -
                      std::log(10.0)) < 1e-6);
    // L1: mean absolute difference.
    QCOMPARE(tg::training::taskLoss(tasks[1], torch::zeros({2, 3, 4, 4}),
                                    torch::full({2, 3, 4, 4}, -1.5))
                 .item<float>(),
             1.5f);
    QCOMPARE(tg::training::taskLoss(tasks[3], torch::zeros({2, 3}), torch::full({2, 3}, 0.25))
                 .item<float>(),
             0.25f);
}

// Each pixel decoder, recomputed layer by layer in image order with
// torch::conv_transpose2d in place of the network's 1x1 convolutions and
// deferred pixel shuffles, gives the network's outputs.
void TestNetwork::decodersMatchTransposedConvolution()
{
    const std::vector<TaskSpec> tasks = tg::test::everyKindTasks();
    MultiTaskNet network(NetworkSpec{tasks, 1.0, 32});
    network->train();
    const torch::NoGradGuard noGrad;
    const torch::Tensor images = torch::rand({2, 3, 32, 32});
    const std::vector<torch::Tensor> outputs = network->forward(images);

    torch::nn::Sequential encoder;
    std::map<std::string, torch::nn::Sequential> decoders;
    for (const auto& child : network->named_children()) {
        if (child.key() == "encoder")
            encoder = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(child.value());
        else
            decoders[child.key()] =
                std::dynamic_pointer_cast<torch::nn::SequentialImpl>(child.value());
    }
    QVERIFY(encoder);
    const torch::Tensor features = encoder->forward(images);

    for (int t = 0; t < 2; ++t) {
        torch::nn::Sequential decoder = decoders.at("decoder_" + tasks[t].name);
        QVERIFY(decoder);
        torch::Tensor x = features.contiguous();
        int upsamplings = 0;
        for (auto& layer : *decoder) {
            const std::shared_ptr<torch::nn::Module> module = layer.ptr();
            if (module->name().find("TransposedConv2x2") == std::string::npos) {
                x = layer.forward(x).contiguous();
                continue;
            }
            // The stored 1x1 kernels [4 * out, in] are in pixel-shuffle order
            // (out, row, column), and the bias, if any, has one value per tap.
            const auto parameters = module->named_parameters();
            const torch::Tensor weight = parameters["conv.weight"];
            const std::int64_t out = weight.size(0) / 4;
            const torch::Tensor kernels =
                weight.view({out, 2, 2, weight.size(1)}).permute({3, 0, 1, 2});
            torch::Tensor next = torch::conv_transpose2d(x, kernels, {}, 2);
            if (const torch::Tensor* bias = parameters.find("conv.bias"))
                next = next + bias->view({1, out, 2, 2}).repeat({1, 1, x.size(2), x.size(3)});
            x = next;
            ++upsamplings;
        }
        QCOMPARE(upsamplings, 4);
        QCOMPARE(x.sizes(), outputs[t].sizes());
        const double error =
            (x - outputs[t]).abs().max().item<double>() / outputs[t].abs().max().item<double>();
        QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("task %1: %2").arg(t).arg(error)));
    }
}

void TestNetwork::invalidInputThrows()
{
    MultiTaskNet network(NetworkSpec{tg::test::everyKindTasks(), 0.5, 64});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, network->forward(torch::rand({1, 3, 40, 40})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, network->forward(torch::rand({1, 1, 64, 64})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             MultiTaskNet(NetworkSpec{tg::test::everyKindTasks(), 0.0, 64}));
}

void TestNetwork::statsRejectUnknownTask()
{
    QCOMPARE(networkStats({"d", "zz"}, 1.0, 64).parameters, 0);
    QCOMPARE(networkStats({"d"}, 1.0, 40).multiplyAdds, 0);
    QVERIFY(tg::training::measureInferenceMs({"zz"}, 1.0, 64, 1) < 0.0);
}

void TestNetwork::inferenceTimeMeasured()
{
    const double milliseconds = tg::training::measureInferenceMs({"s", "d"}, 1.0, 64, 3);
    QVERIFY(milliseconds > 0.0);
    QVERIFY(milliseconds < 10000.0);
}

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
