#include "core/training/network.h"
#include "core/training/pixellosses.h"
#include "everykindtasks.h"

#include <ATen/Parallel.h>
#include <QTest>
#include <cmath>
#include <stdexcept>
#include <string>

using tg::training::MultiTaskNet;
using tg::training::NetworkSpec;
using tg::training::tapOrderCrossEntropy;
using tg::training::tapOrderL1;
using tg::training::TaskSpec;

namespace {

int tapLevels(std::int64_t taps)
{
    int levels = 0;
    while ((std::int64_t{1} << (2 * levels)) < taps)
        ++levels;
    return levels;
}

// Rearranges a tap-order tensor [N, h, w, 4^k, C] into image order
// [N, C, h * 2^k, w * 2^k] with one permute. The tap index splits into k
// (row bit, column bit) pairs, the first upsampling's pair outermost, and each
// image coordinate is the cell's coordinate followed by its bits in that order.
torch::Tensor toImageOrder(const torch::Tensor& tapOrder)
{
    const std::int64_t n = tapOrder.size(0);
    const std::int64_t h = tapOrder.size(1);
    const std::int64_t w = tapOrder.size(2);
    const std::int64_t channels = tapOrder.size(4);
    const int levels = tapLevels(tapOrder.size(3));
    std::vector<std::int64_t> sizes = {n, h, w};
    for (int level = 0; level < levels; ++level)
        sizes.insert(sizes.end(), {2, 2});
    sizes.push_back(channels);
    const std::int64_t channelDim = static_cast<std::int64_t>(sizes.size()) - 1;
    std::vector<std::int64_t> order = {0, channelDim, 1};
    for (int level = 0; level < levels; ++level)
        order.push_back(3 + 2 * level);
    order.push_back(2);
    for (int level = 0; level < levels; ++level)
        order.push_back(4 + 2 * level);
    return tapOrder.reshape(sizes).permute(order).reshape({n, channels, h << levels, w << levels});
}

double maxAbs(const torch::Tensor& tensor)
{
    return tensor.abs().max().item<double>();
}

// The largest difference between two tensors relative to the largest
// magnitude in `expected`.
double relativeError(const torch::Tensor& actual, const torch::Tensor& expected)
{
    return maxAbs(actual - expected) / std::max(maxAbs(expected), 1e-30);
}

std::vector<torch::Tensor> everyKindTargets(std::int64_t n, std::int64_t size)
{
    return {
        torch::randint(0, 7, {n, size, size}),
        torch::randn({n, 3, size, size}),
        torch::randint(0, 10, {n}),
        torch::randn({n, 3}),
    };
}

// Restores the intra-op thread count when a test ends.
class ThreadCountGuard
{
public:
    ThreadCountGuard() : m_threads(at::get_num_threads()) {}
    ~ThreadCountGuard() { at::set_num_threads(m_threads); }

private:
    int m_threads;
};

} // namespace

class TestPixelLosses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void crossEntropyMatchesImageOrder_data();
    void crossEntropyMatchesImageOrder();
    void l1MatchesImageOrder_data();
    void l1MatchesImageOrder();
    void largeLogitsStayAccurate();
    void lossesIndependentOfThreads();
    void noGradientWithoutAutograd();
    void nonFiniteValuesGiveNan();
    void invalidLabelNamesPixel_data();
    void invalidLabelNamesPixel();
    void mismatchedInputsRejected();
    void networkTapOrderMatchesForward();
    void networkTapOrderLossesMatch();
};

void TestPixelLosses::initTestCase()
{
    torch::manual_seed(11);
}

void TestPixelLosses::crossEntropyMatchesImageOrder_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("images");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::newRow("no upsampling, 7 classes") << 0 << 7 << 2 << 3 << 5;
    QTest::newRow("one level, 7 classes") << 1 << 7 << 2 << 4 << 4;
    QTest::newRow("two levels, 16 classes") << 2 << 16 << 1 << 2 << 3;
    QTest::newRow("two levels, 17 classes") << 2 << 17 << 2 << 8 << 8;
    QTest::newRow("one class") << 1 << 1 << 2 << 3 << 3;
    QTest::newRow("four levels, several blocks") << 4 << 3 << 2 << 4 << 4;
}

void TestPixelLosses::crossEntropyMatchesImageOrder()
{
    QFETCH(int, levels);
    QFETCH(int, classes);
    QFETCH(int, images);
    QFETCH(int, rows);
    QFETCH(int, cols);
    const std::int64_t taps = std::int64_t{1} << (2 * levels);
    const torch::Tensor values = 3.0 * torch::randn({images, rows, cols, taps, classes});
    const torch::Tensor labels =
        torch::randint(0, classes, {images, rows << levels, cols << levels});

    const torch::Tensor logits = values.clone().requires_grad_(true);
    const torch::Tensor loss = tapOrderCrossEntropy(logits, labels);
    loss.backward();
    const torch::Tensor referenceLogits = values.clone().requires_grad_(true);
    const torch::Tensor reference =
        torch::nn::functional::cross_entropy(toImageOrder(referenceLogits), labels);
    reference.backward();

    QCOMPARE(loss.sizes(), reference.sizes());
    const double expected = reference.item<double>();
    QVERIFY2(std::fabs(loss.item<double>() - expected) <= 1e-5 * std::max(1.0, expected),
             qPrintable(QStringLiteral("%1 against %2").arg(loss.item<double>()).arg(expected)));
    if (classes == 1)
        QCOMPARE(loss.item<double>(), 0.0);
    QVERIFY(logits.grad().defined());
    QVERIFY2(relativeError(logits.grad(), referenceLogits.grad()) < 1e-5,
             qPrintable(QString::number(relativeError(logits.grad(), referenceLogits.grad()))));
}

void TestPixelLosses::l1MatchesImageOrder_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("images");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::newRow("no upsampling, 1 channel") << 0 << 1 << 2 << 3 << 5;
    QTest::newRow("one level, 3 channels") << 1 << 3 << 2 << 4 << 4;
    QTest::newRow("two levels, 1 channel") << 2 << 1 << 3 << 2 << 3;
    QTest::newRow("three levels, 3 channels, several blocks") << 3 << 3 << 2 << 4 << 5;
}

void TestPixelLosses::l1MatchesImageOrder()
{
    QFETCH(int, levels);
    QFETCH(int, channels);
    QFETCH(int, images);
    QFETCH(int, rows);
    QFETCH(int, cols);
    const std::int64_t taps = std::int64_t{1} << (2 * levels);
    const torch::Tensor values = torch::randn({images, rows, cols, taps, channels});
    const torch::Tensor target = torch::randn({images, channels, rows << levels, cols << levels});

    const torch::Tensor output = values.clone().requires_grad_(true);
    const torch::Tensor loss = tapOrderL1(output, target);
    loss.backward();
    const torch::Tensor referenceOutput = values.clone().requires_grad_(true);
    const torch::Tensor reference =
        torch::nn::functional::l1_loss(toImageOrder(referenceOutput), target);
    reference.backward();

    const double expected = reference.item<double>();
    QVERIFY2(std::fabs(loss.item<double>() - expected) <= 1e-5 * expected,
             qPrintable(QStringLiteral("%1 against %2").arg(loss.item<double>()).arg(expected)));
    // Every gradient is +-1 / element count, so they agree exactly.
    QVERIFY(torch::equal(output.grad(), referenceOutput.grad()));
}

// Logits far apart push exp() below its clamp at e^-87; the loss stays the
// reference's.
void TestPixelLosses::largeLogitsStayAccurate()
{
    const torch::Tensor values = 200.0 * torch::randn({2, 4, 4, 4, 5});
    const torch::Tensor labels = torch::randint(0, 5, {2, 8, 8});
    const double loss = tapOrderCrossEntropy(values, labels).item<double>();
    const double expected =
        torch::nn::functional::cross_entropy(toImageOrder(values), labels).item<double>();
    QVERIFY(std::isfinite(loss));
    QVERIFY2(std::fabs(loss - expected) <= 1e-5 * expected,
             qPrintable(QStringLiteral("%1 against %2").arg(loss).arg(expected)));
}

// Partial sums are taken over fixed blocks of 4096 pixels and added in block
// order, so one and two threads give bit-identical losses and gradients.
void TestPixelLosses::lossesIndependentOfThreads()
{
    const ThreadCountGuard guard;
    const torch::Tensor values = torch::randn({3, 8, 8, 64, 6});
    const torch::Tensor labels = torch::randint(0, 6, {3, 64, 64});
    const torch::Tensor target = torch::randn({3, 6, 64, 64});

    std::vector<torch::Tensor> results;
    for (const int threads : {1, 2}) {
        at::set_num_threads(threads);
        const torch::Tensor classes = values.clone().requires_grad_(true);
        tapOrderCrossEntropy(classes, labels).backward();
        const torch::Tensor regression = values.clone().requires_grad_(true);
        tapOrderL1(regression, target).backward();
        results.push_back(tapOrderCrossEntropy(values, labels));
        results.push_back(classes.grad());
        results.push_back(tapOrderL1(values, target));
        results.push_back(regression.grad());
    }
    for (std::size_t i = 0; i < 4; ++i)
        QVERIFY2(torch::equal(results[i], results[i + 4]), qPrintable(QString::number(i)));
}

void TestPixelLosses::noGradientWithoutAutograd()
{
    const torch::Tensor values = torch::randn({2, 2, 2, 16, 4}).requires_grad_(true);
    const torch::Tensor labels = torch::randint(0, 4, {2, 8, 8});
    const torch::Tensor target = torch::randn({2, 4, 8, 8});
    const double withAutograd = tapOrderCrossEntropy(values, labels).item<double>();
    const double l1WithAutograd = tapOrderL1(values, target).item<double>();

    const torch::NoGradGuard noGrad;
    const torch::Tensor loss = tapOrderCrossEntropy(values, labels);
    const torch::Tensor l1 = tapOrderL1(values, target);
    QVERIFY(!loss.requires_grad());
    QVERIFY(!l1.requires_grad());
    QCOMPARE(loss.item<double>(), withAutograd);
    QCOMPARE(l1.item<double>(), l1WithAutograd);
}

// The trainer marks a network diverged when a loss is not finite, so a NaN or
// infinite output gives a loss that is finite exactly when LibTorch's is. An
// infinitely small logit of a class that is not the label leaves the
// cross-entropy finite.
void TestPixelLosses::nonFiniteValuesGiveNan()
{
    const torch::Tensor labels = torch::zeros({1, 4, 4}, torch::kLong);
    const torch::Tensor target = torch::zeros({1, 2, 4, 4});
    for (const double bad : {std::nan(""), double(INFINITY), -double(INFINITY)}) {
        for (const std::int64_t position : {0, 1, 29}) {
            torch::Tensor values = torch::zeros({1, 2, 2, 4, 2});
            values.view({-1})[position] = bad;
            const QString row = QStringLiteral("%1 at %2").arg(bad).arg(position);
            const double crossEntropy = tapOrderCrossEntropy(values, labels).item<double>();
            const double expectedCrossEntropy =
                torch::nn::functional::cross_entropy(toImageOrder(values), labels).item<double>();
            QVERIFY2(std::isfinite(crossEntropy) == std::isfinite(expectedCrossEntropy),
                     qPrintable(row));
            QVERIFY2(std::isnan(crossEntropy) == std::isnan(expectedCrossEntropy), qPrintable(row));
            const double l1 = tapOrderL1(values, target).item<double>();
            QVERIFY2(!std::isfinite(l1), qPrintable(row));
            QVERIFY2(std::isnan(l1) == std::isnan(bad), qPrintable(row));
        }
    }
    // A label class at minus infinity: an infinite loss, as LibTorch gives.
    torch::Tensor values = torch::zeros({1, 2, 2, 4, 2});
    values.view({-1})[0] = -INFINITY;
    QCOMPARE(tapOrderCrossEntropy(values, labels).item<double>(), double(INFINITY));
}

void TestPixelLosses::invalidLabelNamesPixel_data()
{
    QTest::addColumn<int>("label");
    QTest::newRow("negative") << -1;
    QTest::newRow("one past the last class") << 7;
}

// Image 1, row 5, column 2 of a 8x8 target: the message names that pixel.
void TestPixelLosses::invalidLabelNamesPixel()
{
    QFETCH(int, label);
    torch::Tensor labels = torch::randint(0, 7, {2, 8, 8});
    labels.index_put_({1, 5, 2}, label);
    const torch::Tensor values = torch::randn({2, 2, 2, 16, 7}).requires_grad_(true);
    try {
        tapOrderCrossEntropy(values, labels);
        QFAIL("an out-of-range label was accepted");
    } catch (const std::invalid_argument& error) {
        const QString expected = QStringLiteral("class label %1 of image 1 at pixel (row 5, "
                                                "column 2) is out of range; the task has 7 "
                                                "classes, 0 to 6")
                                     .arg(label);
        QCOMPARE(QString::fromStdString(error.what()), expected);
    }
}

void TestPixelLosses::mismatchedInputsRejected()
{
    const torch::Tensor values = torch::randn({2, 2, 2, 16, 3});
    try {
        tapOrderCrossEntropy(values, torch::zeros({2, 8, 4}, torch::kLong));
        QFAIL("a target of the wrong size was accepted");
    } catch (const std::invalid_argument& error) {
        QCOMPARE(QString::fromStdString(error.what()),
                 QStringLiteral("tap-order output of shape [2, 2, 2, 16, 3] and target of shape "
                                "[2, 8, 4] do not match: expected a target of shape [2, 8, 8]"));
    }
    // Wrong target size, too few dimensions, and class labels with channels.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             tapOrderCrossEntropy(values, torch::zeros({2, 8, 4}, torch::kLong)));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        tapOrderCrossEntropy(values, torch::zeros({2, 3, 8, 8}, torch::kLong)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tapOrderL1(values, torch::zeros({2, 8, 8})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tapOrderL1(values, torch::zeros({2, 1, 8, 8})));
    // A tap count that is not a power of 4.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             tapOrderL1(torch::randn({2, 2, 2, 8, 3}), torch::zeros({2, 3, 8, 8})));
    // Not [N, h, w, T, C], or not float.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             tapOrderL1(torch::randn({2, 3, 8, 8}), torch::zeros({2, 3, 8, 8})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             tapOrderL1(values.to(torch::kDouble), torch::zeros({2, 3, 8, 8})));
    // Labels that are not int64, values that are not float.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             tapOrderCrossEntropy(values, torch::zeros({2, 8, 8}, torch::kInt)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             tapOrderL1(values, torch::zeros({2, 3, 8, 8}, torch::kDouble)));
}

// forwardTapOrder() returns the same per-pixel outputs as forward(), in tap
// order, and the same per-image outputs.
void TestPixelLosses::networkTapOrderMatchesForward()
{
    MultiTaskNet network(NetworkSpec{tg::test::everyKindTasks(), 1.0, 32});
    network->train();
    const torch::Tensor images = torch::rand({2, 3, 32, 32});
    const torch::NoGradGuard noGrad;
    const std::vector<torch::Tensor> outputs = network->forward(images);
    const std::vector<torch::Tensor> tapOrder = network->forwardTapOrder(images);
    QCOMPARE(tapOrder.size(), outputs.size());
    // The last layer contains the decoder's last two upsamplings: 16 taps.
    QCOMPARE(tapOrder[0].sizes(), (torch::IntArrayRef{2, 8, 8, 16, 7}));
    QCOMPARE(tapOrder[1].sizes(), (torch::IntArrayRef{2, 8, 8, 16, 3}));
    for (int t = 0; t < 2; ++t) {
        const double error = relativeError(toImageOrder(tapOrder[t]), outputs[t]);
        QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("task %1: %2").arg(t).arg(error)));
    }
    for (int t = 2; t < 4; ++t)
        QVERIFY(torch::allclose(tapOrder[t], outputs[t], 1e-5, 1e-6));
}

// The tap-order losses give the same losses and parameter gradients as the
// image-order losses on the same network.
void TestPixelLosses::networkTapOrderLossesMatch()
{
    const std::vector<TaskSpec> tasks = tg::test::everyKindTasks();
    MultiTaskNet network(NetworkSpec{tasks, 0.5, 32});
    network->train();
    const torch::Tensor images = torch::rand({2, 3, 32, 32});
    const std::vector<torch::Tensor> targets = everyKindTargets(2, 32);

    const auto lossesAndGradients = [&](bool tapOrder) {
        network->zero_grad();
        const std::vector<torch::Tensor> outputs =
            tapOrder ? network->forwardTapOrder(images) : network->forward(images);
        std::vector<double> losses;
        torch::Tensor total = torch::zeros({});
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            const torch::Tensor loss =
                tapOrder ? tg::training::taskLossTapOrder(tasks[t], outputs[t], targets[t])
                         : tg::training::taskLoss(tasks[t], outputs[t], targets[t]);
            losses.push_back(loss.item<double>());
            total = total + loss;
        }
        total.backward();
        std::vector<torch::Tensor> gradients;
        for (const torch::Tensor& parameter : network->parameters())
            gradients.push_back(parameter.grad().clone());
        return std::make_pair(losses, gradients);
    };
    const auto [losses, gradients] = lossesAndGradients(true);
    const auto [expectedLosses, expectedGradients] = lossesAndGradients(false);

    for (std::size_t t = 0; t < tasks.size(); ++t) {
        QVERIFY2(std::fabs(losses[t] - expectedLosses[t]) <= 1e-5 * expectedLosses[t],
                 qPrintable(QStringLiteral("task %1: %2 against %3")
                                .arg(t)
                                .arg(losses[t])
                                .arg(expectedLosses[t])));
    }
    // Some gradients are zero but for rounding (a bias whose shift the next
    // batch norm removes), so each difference is measured against the
    // largest gradient in the network.
    QCOMPARE(gradients.size(), expectedGradients.size());
    double largest = 0.0;
    for (const torch::Tensor& gradient : expectedGradients)
        largest = std::max(largest, maxAbs(gradient));
    QVERIFY(largest > 0.0);
    const auto names = network->named_parameters().keys();
    for (std::size_t i = 0; i < gradients.size(); ++i) {
        const double error = maxAbs(gradients[i] - expectedGradients[i]) / largest;
        QVERIFY2(
            error < 1e-5,
            qPrintable(QStringLiteral("%1: %2").arg(QString::fromStdString(names[i])).arg(error)));
    }
}

QTEST_GUILESS_MAIN(TestPixelLosses)
#include "tst_pixellosses.moc"
