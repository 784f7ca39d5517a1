#include "core/training/network.h"

#include "core/training/pixellosses.h"

#include <cmath>
#include <iterator>
#include <stdexcept>
#include <string>

namespace tg::training {

namespace {

namespace nn = torch::nn;

// Full-size channel counts. The stem (3x3, stride 2) and three 2x2 stride-2
// convolutions divide the image side by 16; each pixel decoder's three
// upsampling stages and its output layer, all 2x2 stride-2 transposed
// convolutions, restore it.
const std::vector<int> kEncoderChannels = {24, 48, 96, 192};
const std::vector<int> kDecoderChannels = {64, 32, 16};
constexpr int kRefineStage = 1; // decoder stage followed by a separable refinement

// Depthwise 3x3 then pointwise 1x1 convolution, then batch norm.
class SeparableConvImpl : public nn::Module
{
public:
    SeparableConvImpl(int in, int out)
        : m_depthwise(register_module(
              "depthwise",
              nn::Conv2d(nn::Conv2dOptions(in, in, 3).padding(1).groups(in).bias(false)))),
          m_pointwise(
              register_module("pointwise", nn::Conv2d(nn::Conv2dOptions(in, out, 1).bias(false)))),
          m_norm(register_module("norm", nn::BatchNorm2d(out)))
    {}

    torch::Tensor forward(const torch::Tensor& x) { return m_norm(m_pointwise(m_depthwise(x))); }

private:
    nn::Conv2d m_depthwise;
    nn::Conv2d m_pointwise;
    nn::BatchNorm2d m_norm;
};
TORCH_MODULE(SeparableConv);

// Xception middle-flow block: x + sep(relu(sep(relu(x)))).
class ResidualBlockImpl : public nn::Module
{
public:
    explicit ResidualBlockImpl(int channels)
        : m_first(register_module("first", SeparableConv(channels, channels))),
          m_second(register_module("second", SeparableConv(channels, channels)))
    {}

    torch::Tensor forward(const torch::Tensor& x)
    {
        // `x` is needed for the sum, so only the inner activation is in place.
        return x + m_second(m_first(torch::relu(x)).relu_());
    }

private:
    SeparableConv m_first;
    SeparableConv m_second;
};
TORCH_MODULE(ResidualBlock);

// A 2x2 stride-2 transposed convolution, computed as a 1x1 convolution to
// 4 * out channels followed by a pixel shuffle. Each output pixel receives
// exactly one kernel tap per input channel, so the two are the same function.
// This form runs through the fast 1x1 convolution path. LibTorch 1.13 runs a
// CPU transposed convolution as slow_conv_transpose2d, which made a training
// step about five times slower.
//
// The stored kernels keep pixel_shuffle's channel order (out, 2, 2). The
// forward pass reorders them to (2, 2, out), so that in channels-last memory
// each output pixel's channels are one contiguous run, and the shuffle becomes
// a permuted copy of whole runs. A PyTorch 1.13 model of this form used about
// 8% less CPU time per step than torch::pixel_shuffle.
//
// The shuffle can also be deferred. Batch norm, ReLU and the next 1x1
// convolution treat every pixel alike, so they give the same result, up to
// rounding, on the pixels in any order. With `applyShuffle` false, the output
// is the convolution's memory [N, H, W, 2, 2, out] viewed as a channels-last
// [N, out, H, 4W] tensor, with no copy. The next TransposedConv2x2 gets the
// count of such pending shuffles as `pendingShuffles` and applies them all in
// one copy together with its own, which about halves the shuffled data of the
// five default decoders. The autograd profiler put torch::pixel_shuffle and its
// backward pass at about 17% of a LibTorch 1.13 training step on one thread.
class TransposedConv2x2Impl : public nn::Module
{
public:
    TransposedConv2x2Impl(int in, int out, bool bias, int pendingShuffles, bool applyShuffle)
        : m_conv(register_module("conv", nn::Conv2d(nn::Conv2dOptions(in, 4 * out, 1).bias(bias)))),
          m_pendingShuffles(pendingShuffles), m_applyShuffle(applyShuffle)
    {}

    torch::Tensor forward(const torch::Tensor& x)
    {
        const torch::Tensor pixels = convolve(x);
        const std::int64_t n = x.size(0);
        const std::int64_t height = x.size(2);
        const std::int64_t out = pixels.size(3) / 4;
        if (!m_applyShuffle) {
            return pixels.reshape({n, height, 4 * x.size(3), out}).permute({0, 3, 1, 2});
        }
        return shuffle(pixels, n, height, x.size(3) >> (2 * m_pendingShuffles), out);
    }

    // The output before all shuffles: memory [N, H, W, T, out] with
    // T = 4^(pendingShuffles + 1), the oldest shuffle's taps outermost, which
    // is the tap order of pixellosses.h.
    torch::Tensor forwardTapOrder(const torch::Tensor& x)
    {
        const torch::Tensor pixels = convolve(x);
        const std::int64_t taps = std::int64_t{4} << (2 * m_pendingShuffles);
        return pixels.view(
            {x.size(0), x.size(2), x.size(3) >> (2 * m_pendingShuffles), taps, pixels.size(3) / 4});
    }

private:
    // Returns the 1x1 convolution's output as pixel-major memory
    // [N, H, W', 4 * out], the 2x2 taps outside the channels.
    torch::Tensor convolve(const torch::Tensor& x) const
    {
        const torch::Tensor& weight = m_conv->weight;
        const std::int64_t out = weight.size(0) / 4;
        const torch::Tensor kernels =
            weight.view({out, 4, weight.size(1), 1, 1}).transpose(0, 1).reshape(weight.sizes());
        torch::Tensor bias;
        if (m_conv->bias.defined())
            bias = m_conv->bias.view({out, 4}).t().reshape({-1});
        return torch::conv2d(x, kernels, bias)
            .contiguous(torch::MemoryFormat::ChannelsLast)
            .permute({0, 2, 3, 1});
    }

    // Applies pendingShuffles + 1 shuffles to memory [N, H, W, (2, 2) per
    // shuffle, out], where the first pair belongs to the oldest shuffle.
    // Output pixel (Y, X) = (H, row taps..., W, column taps...) in binary
    // digits, returned as an NCHW view of channels-last memory.
    torch::Tensor shuffle(const torch::Tensor& pixels, std::int64_t n, std::int64_t height,
                          std::int64_t width, std::int64_t out) const
    {
        const int shuffles = m_pendingShuffles + 1;
        std::vector<std::int64_t> sizes = {n, height, width};
        std::vector<std::int64_t> order = {0, 1};
        for (int level = 0; level < shuffles; ++level) {
            sizes.insert(sizes.end(), {2, 2});
            order.push_back(3 + 2 * level);
        }
        order.push_back(2);
        for (int level = 0; level < shuffles; ++level)
            order.push_back(4 + 2 * level);
        sizes.push_back(out);
        order.push_back(static_cast<std::int64_t>(sizes.size()) - 1);
        return pixels.reshape(sizes)
            .permute(order)
            .reshape({n, height << shuffles, width << shuffles, out})
            .permute({0, 3, 1, 2});
    }

    nn::Conv2d m_conv;
    int m_pendingShuffles;
    bool m_applyShuffle;
};
TORCH_MODULE(TransposedConv2x2);

// ReLU applied where its input is a fresh batch-norm or sum output, whose
// backward passes do not read it, so no copy is needed.
torch::Tensor reluInPlace(torch::Tensor x)
{
    return x.relu_();
}

std::int64_t separableCost(int in, int out)
{
    return static_cast<std::int64_t>(in) * 9 + static_cast<std::int64_t>(in) * out;
}

std::string toString(torch::IntArrayRef sizes)
{
    std::string text = "[";
    for (std::size_t i = 0; i < sizes.size(); ++i)
        text += (i ? ", " : "") + std::to_string(sizes[i]);
    return text + "]";
}

std::vector<int> decoderChannels(double width)
{
    std::vector<int> channels;
    for (const int full : kDecoderChannels)
        channels.push_back(scaledChannels(full, width));
    return channels;
}

} // namespace

int scaledChannels(int fullChannels, double width)
{
    return std::max(1, static_cast<int>(std::lround(fullChannels * std::sqrt(width))));
}

std::vector<int> encoderChannels(double width)
{
    std::vector<int> channels;
    for (const int full : kEncoderChannels)
        channels.push_back(scaledChannels(full, width));
    return channels;
}

MultiTaskNetImpl::MultiTaskNetImpl(const NetworkSpec& spec) : m_spec(spec)
{
    if (!(spec.width > 0.0))
        throw std::invalid_argument("width multiplier " + std::to_string(spec.width) +
                                    " is invalid; it must be positive");
    if (spec.tasks.empty())
        throw std::invalid_argument("a network needs at least one task");

    m_encoder = register_module("encoder", buildEncoder());
    for (const TaskSpec& task : spec.tasks) {
        nn::Sequential decoder = isPerPixel(task.kind) ? buildPixelDecoder(task.channels)
                                                       : buildImageDecoder(task.channels);
        m_decoders.push_back(register_module("decoder_" + task.name, decoder));
    }
}

nn::Sequential MultiTaskNetImpl::buildEncoder()
{
    const std::vector<int> channels = encoderChannels(m_spec.width);
    nn::Sequential encoder;
    encoder->push_back(
        nn::Conv2d(nn::Conv2dOptions(3, channels[0], 3).stride(2).padding(1).bias(false)));
    encoder->push_back(nn::BatchNorm2d(channels[0]));
    encoder->push_back(ResidualBlock(channels[0]));
    double scale = 0.5;
    m_layerCosts.push_back({27ll * channels[0], scale});
    m_layerCosts.push_back({2 * separableCost(channels[0], channels[0]), scale});

    for (std::size_t stage = 1; stage < channels.size(); ++stage) {
        const int in = channels[stage - 1];
        const int out = channels[stage];
        // A learned 2x2 stride-2 convolution downsamples in place of max pooling.
        encoder->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 2).stride(2).bias(false)));
        encoder->push_back(nn::BatchNorm2d(out));
        encoder->push_back(ResidualBlock(out));
        scale *= 0.5;
        m_layerCosts.push_back({4ll * in * out, scale});
        m_layerCosts.push_back({2 * separableCost(out, out), scale});
    }
    encoder->push_back(nn::Functional(reluInPlace));
    return encoder;
}

nn::Sequential MultiTaskNetImpl::buildPixelDecoder(int outputs)
{
    const std::vector<int> channels = decoderChannels(m_spec.width);
    int in = encoderChannels(m_spec.width).back();
    double scale = 1.0 / 16.0;
    nn::Sequential decoder;
    // Shuffles are deferred up to the next layer that needs the pixel layout:
    // the refinement's depthwise convolution or the decoder's output.
    int pendingShuffles = 0;
    for (std::size_t stage = 0; stage < channels.size(); ++stage) {
        const int out = channels[stage];
        const bool refine = static_cast<int>(stage) == kRefineStage;
        decoder->push_back(TransposedConv2x2(in, out, false, pendingShuffles, refine));
        pendingShuffles = refine ? 0 : pendingShuffles + 1;
        decoder->push_back(nn::BatchNorm2d(out));
        decoder->push_back(nn::Functional(reluInPlace));
        scale *= 2.0;
        m_layerCosts.push_back({static_cast<std::int64_t>(in) * out, scale});
        if (refine) {
            decoder->push_back(SeparableConv(out, out));
            decoder->push_back(nn::Functional(reluInPlace));
            m_layerCosts.push_back({separableCost(out, out), scale});
        }
        in = out;
    }
    // The last upsampling produces the task's outputs at full resolution.
    decoder->push_back(TransposedConv2x2(in, outputs, true, pendingShuffles, true));
    m_layerCosts.push_back({static_cast<std::int64_t>(in) * outputs, scale * 2.0});
    return decoder;
}

nn::Sequential MultiTaskNetImpl::buildImageDecoder(int outputs)
{
    const int in = encoderChannels(m_spec.width).back();
    nn::Sequential decoder;
    decoder->push_back(SeparableConv(in, in));
    decoder->push_back(nn::Functional(reluInPlace));
    decoder->push_back(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions(1)));
    decoder->push_back(nn::Flatten());
    decoder->push_back(nn::Linear(in, outputs));
    m_layerCosts.push_back({separableCost(in, in), 1.0 / 16.0});
    m_layerCosts.push_back({static_cast<std::int64_t>(in) * outputs, 0.0});
    return decoder;
}

std::vector<torch::Tensor> MultiTaskNetImpl::forward(const torch::Tensor& images)
{
    return run(images, false);
}

std::vector<torch::Tensor> MultiTaskNetImpl::forwardTapOrder(const torch::Tensor& images)
{
    return run(images, true);
}

std::vector<torch::Tensor> MultiTaskNetImpl::run(const torch::Tensor& images, bool tapOrder)
{
    if (images.dim() != 4 || images.size(1) != 3 || images.size(2) % 16 != 0 ||
        images.size(3) % 16 != 0) {
        throw std::invalid_argument("network input of shape " + toString(images.sizes()) +
                                    " is invalid; expected [N, 3, H, W] with H and W "
                                    "multiples of 16");
    }
    // Channels-last layout lets LibTorch's CPU convolutions use oneDNN, which
    // measured about 1.3 times faster per training step than the default
    // layout on one thread (batch 32, 64x64, five tasks).
    const torch::Tensor features =
        m_encoder->forward(images.contiguous(torch::MemoryFormat::ChannelsLast));
    std::vector<torch::Tensor> outputs;
    outputs.reserve(m_decoders.size());
    for (std::size_t t = 0; t < m_decoders.size(); ++t) {
        nn::Sequential& decoder = m_decoders[t];
        if (!tapOrder || !isPerPixel(m_spec.tasks[t].kind)) {
            outputs.push_back(decoder->forward(features));
            continue;
        }
        // Every layer but the last, then the last one without its shuffles.
        torch::Tensor x = features;
        const auto last = std::prev(decoder->end());
        for (auto layer = decoder->begin(); layer != last; ++layer)
            x = layer->forward(x);
        outputs.push_back(last->get<TransposedConv2x2>()->forwardTapOrder(x));
    }
    return outputs;
}

std::int64_t MultiTaskNetImpl::multiplyAdds(int imageSize) const
{
    std::int64_t total = 0;
    for (const LayerCost& layer : m_layerCosts) {
        // Scale 0 marks a layer after global pooling: one output "pixel".
        const std::int64_t side =
            layer.outputScale == 0.0 ? 1 : std::llround(imageSize * layer.outputScale);
        total += layer.perOutputPixel * side * side;
    }
    return total;
}

torch::Tensor taskLoss(const TaskSpec& task, const torch::Tensor& prediction,
                       const torch::Tensor& target)
{
    switch (task.kind) {
    case TaskKind::PixelClasses:
    case TaskKind::ImageClasses:
        return torch::nn::functional::cross_entropy(prediction, target);
    case TaskKind::PixelValues:
    case TaskKind::ImageValues:
        return torch::nn::functional::l1_loss(prediction, target);
    }
    throw std::logic_error("unknown task kind");
}

torch::Tensor taskLossTapOrder(const TaskSpec& task, const torch::Tensor& prediction,
                               const torch::Tensor& target)
{
    switch (task.kind) {
    case TaskKind::PixelClasses:
        return tapOrderCrossEntropy(prediction, target);
    case TaskKind::PixelValues:
        return tapOrderL1(prediction, target);
    case TaskKind::ImageClasses:
    case TaskKind::ImageValues:
        return taskLoss(task, prediction, target);
    }
    throw std::logic_error("unknown task kind");
}

} // namespace tg::training
