#include "core/training/pixellosses.h"

#include "core/training/vectorclones.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace tg::training {

namespace {

// Pixels handled together in the inner loops: 16 floats fill one AVX-512
// register.
constexpr int kLanes = 16;
// Pixels per partial sum. Blocks are summed in a fixed order, which makes the
// loss independent of how the blocks are spread over threads.
constexpr std::int64_t kBlockPixels = 4096;

struct TapLayout
{
    std::int64_t images = 0;
    std::int64_t rows = 0; // cells per column, h
    std::int64_t cols = 0; // cells per row, w
    std::int64_t taps = 1; // T = 4^levels
    std::int64_t channels = 0;
    int levels = 0;
    std::int64_t height = 0; // image rows, H = h * 2^levels
    std::int64_t width = 0;  // image columns, W = w * 2^levels
    // For each tap, dy * W + dx: its image pixel relative to the cell's corner.
    std::vector<std::int64_t> tapOffsets;

    std::int64_t pixels() const { return images * rows * cols * taps; }
};

// Checks that `output` is a tap-order tensor whose pixels match `target`, and
// returns its layout. `targetChannelDim` is true for [N, C, H, W] targets and
// false for [N, H, W] ones.
TapLayout tapLayout(const torch::Tensor& output, const torch::Tensor& target, bool targetChannelDim)
{
    const auto fail = [&](const std::string& reason) {
        throw std::invalid_argument("tap-order output of shape " + c10::str(output.sizes()) +
                                    " and target of shape " + c10::str(target.sizes()) +
                                    " do not match: " + reason);
    };
    if (!output.device().is_cpu() || !target.device().is_cpu())
        fail("both must be CPU tensors");
    if (output.dim() != 5 || output.scalar_type() != torch::kFloat)
        fail("the output must be float [N, h, w, T, C]");

    TapLayout layout;
    layout.images = output.size(0);
    layout.rows = output.size(1);
    layout.cols = output.size(2);
    layout.taps = output.size(3);
    layout.channels = output.size(4);
    while ((std::int64_t{1} << (2 * layout.levels)) < layout.taps)
        ++layout.levels;
    if ((std::int64_t{1} << (2 * layout.levels)) != layout.taps)
        fail("the tap count " + std::to_string(layout.taps) + " is not a power of 4");
    layout.height = layout.rows << layout.levels;
    layout.width = layout.cols << layout.levels;

    const std::vector<std::int64_t> expected =
        targetChannelDim
            ? std::vector<std::int64_t>{layout.images, layout.channels, layout.height, layout.width}
            : std::vector<std::int64_t>{layout.images, layout.height, layout.width};
    if (target.sizes() != torch::IntArrayRef(expected))
        fail("expected a target of shape " + c10::str(torch::IntArrayRef(expected)));

    for (std::int64_t tap = 0; tap < layout.taps; ++tap) {
        std::int64_t dy = 0;
        std::int64_t dx = 0;
        for (int level = 0; level < layout.levels; ++level) {
            const std::int64_t digit = (tap >> (2 * (layout.levels - 1 - level))) & 3;
            dy = 2 * dy + (digit >> 1);
            dx = 2 * dx + (digit & 1);
        }
        layout.tapOffsets.push_back(dy * layout.width + dx);
    }
    return layout;
}

// Walks tap-order pixels in memory order and tracks each one's image pixel.
class PixelCursor
{
public:
    PixelCursor(const TapLayout& layout, std::int64_t pixel) : m_layout(layout)
    {
        m_tap = pixel % layout.taps;
        std::int64_t cell = pixel / layout.taps;
        m_col = cell % layout.cols;
        cell /= layout.cols;
        m_row = cell % layout.rows;
        m_image = cell / layout.rows;
        updateCorner();
    }

    std::int64_t image() const { return m_image; }

    // Y * W + X of the current pixel within its image.
    std::int64_t planeOffset() const { return m_corner + m_layout.tapOffsets[m_tap]; }

    void advance()
    {
        if (++m_tap < m_layout.taps)
            return;
        m_tap = 0;
        if (++m_col == m_layout.cols) {
            m_col = 0;
            if (++m_row == m_layout.rows) {
                m_row = 0;
                ++m_image;
            }
        }
        updateCorner();
    }

private:
    void updateCorner()
    {
        m_corner = (m_row << m_layout.levels) * m_layout.width + (m_col << m_layout.levels);
    }

    const TapLayout& m_layout;
    std::int64_t m_image = 0;
    std::int64_t m_row = 0;
    std::int64_t m_col = 0;
    std::int64_t m_tap = 0;
    std::int64_t m_corner = 0;
};

// e^x for x <= 0 in single precision: Cephes' expf polynomial (relative error
// about 1e-7), with inputs below -87 clamped to -87. NaN stays NaN. Written
// without library calls so that loops over it vectorise.
inline float expNonPositive(float x)
{
    x = x < -87.0f ? -87.0f : x;
    // Round to nearest by adding and subtracting 1.5 * 2^23.
    const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    float r = x - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    // n is in [-126, 0] unless x is NaN; the clamp keeps the cast defined.
    const float exponent = n >= -126.0f ? n : -126.0f;
    const std::int32_t bits = (static_cast<std::int32_t>(exponent) + 127) << 23;
    float scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

// Raises std::invalid_argument naming the first label, in image order, that is
// not a class index of a task with `classes` classes.
void checkLabels(const torch::Tensor& labels, std::int64_t classes)
{
    if (labels.numel() == 0)
        return;
    const auto [minimum, maximum] = torch::aminmax(labels);
    if (minimum.item<std::int64_t>() >= 0 && maximum.item<std::int64_t>() < classes)
        return;
    const torch::Tensor position = torch::nonzero((labels < 0) | (labels >= classes))[0];
    const std::int64_t image = position[0].item<std::int64_t>();
    const std::int64_t row = position[1].item<std::int64_t>();
    const std::int64_t column = position[2].item<std::int64_t>();
    const std::int64_t label = labels.index({image, row, column}).item<std::int64_t>();
    throw std::invalid_argument("class label " + std::to_string(label) + " of image " +
                                std::to_string(image) + " at pixel (row " + std::to_string(row) +
                                ", column " + std::to_string(column) +
                                ") is out of range; the task has " + std::to_string(classes) +
                                " classes, 0 to " + std::to_string(classes - 1));
}

// Sum over the pixels [first, first + count) of -log softmax(logits)[label].
// With `gradient`, also writes (softmax - one-hot label) * gradientScale for
// those pixels. The labels must be valid class indices (see checkLabels), and
// nothing here throws: GCC 12 treated the target_clones function as nothrow,
// so an exception thrown from it called std::terminate.
TG_VECTOR_CLONES
double crossEntropyPixels(const TapLayout& layout, const float* logits, const std::int64_t* labels,
                          float* gradient, float gradientScale, std::int64_t first,
                          std::int64_t count)
{
    const std::int64_t channels = layout.channels;
    const std::int64_t plane = layout.height * layout.width;
    // Channel-major copy of kLanes pixels, so that every step below is one
    // vector operation across the pixels.
    std::vector<float> buffer(static_cast<std::size_t>(channels * kLanes));
    float* values = buffer.data();
    PixelCursor cursor(layout, first);
    double total = 0.0;
    for (std::int64_t pixel = first; pixel < first + count; pixel += kLanes) {
        const int lanes = static_cast<int>(std::min<std::int64_t>(kLanes, first + count - pixel));
        std::int64_t classes[kLanes] = {};
        for (int j = 0; j < lanes; ++j) {
            classes[j] = labels[cursor.image() * plane + cursor.planeOffset()];
            cursor.advance();
        }
        const float* row = logits + pixel * channels;
        for (std::int64_t c = 0; c < channels; ++c) {
            float* lane = values + c * kLanes;
            for (int j = 0; j < lanes; ++j)
                lane[j] = row[j * channels + c];
            for (int j = lanes; j < kLanes; ++j)
                lane[j] = 0.0f;
        }

        float maximum[kLanes];
#pragma omp simd
        for (int j = 0; j < kLanes; ++j)
            maximum[j] = values[j];
        for (std::int64_t c = 1; c < channels; ++c) {
            const float* lane = values + c * kLanes;
#pragma omp simd
            for (int j = 0; j < kLanes; ++j)
                maximum[j] = lane[j] > maximum[j] ? lane[j] : maximum[j];
        }
        float picked[kLanes];
#pragma omp simd
        for (int j = 0; j < kLanes; ++j)
            picked[j] = values[classes[j] * kLanes + j];
        float sum[kLanes] = {};
        for (std::int64_t c = 0; c < channels; ++c) {
            float* lane = values + c * kLanes;
#pragma omp simd
            for (int j = 0; j < kLanes; ++j) {
                lane[j] = expNonPositive(lane[j] - maximum[j]);
                sum[j] += lane[j];
            }
        }
        // -log softmax = log(sum) + max - picked. Each sum lies in [1, C], so
        // the product of kLanes of them fits a double, and one log serves
        // them all.
        double product = 1.0;
        double shifts = 0.0;
        for (int j = 0; j < lanes; ++j) {
            product *= sum[j];
            shifts += static_cast<double>(maximum[j]) - picked[j];
        }
        total += std::log(product) + shifts;
        if (!gradient)
            continue;

        float factor[kLanes];
#pragma omp simd
        for (int j = 0; j < kLanes; ++j)
            factor[j] = gradientScale / sum[j];
        for (std::int64_t c = 0; c < channels; ++c) {
            float* lane = values + c * kLanes;
#pragma omp simd
            for (int j = 0; j < kLanes; ++j)
                lane[j] *= factor[j];
        }
        for (int j = 0; j < lanes; ++j)
            values[classes[j] * kLanes + j] -= gradientScale;
        float* out = gradient + pixel * channels;
        for (int j = 0; j < lanes; ++j) {
            for (std::int64_t c = 0; c < channels; ++c)
                out[j * channels + c] = values[c * kLanes + j];
        }
    }
    return total;
}

// Sum over the pixels [first, first + count) of |output - target| over all
// channels. With `gradient`, also writes sign(output - target) * gradientScale
// for those pixels, with sign(NaN) = 0 as in LibTorch.
TG_VECTOR_CLONES
double absoluteDifferencePixels(const TapLayout& layout, const float* output, const float* target,
                                float* gradient, float gradientScale, std::int64_t first,
                                std::int64_t count)
{
    const std::int64_t channels = layout.channels;
    const std::int64_t plane = layout.height * layout.width;
    // Channel-major copies of kLanes pixels of the output and the target.
    std::vector<float> buffer(static_cast<std::size_t>(2 * channels * kLanes), 0.0f);
    float* values = buffer.data();
    float* targets = values + channels * kLanes;
    PixelCursor cursor(layout, first);
    float sums[kLanes] = {};
    for (std::int64_t pixel = first; pixel < first + count; pixel += kLanes) {
        const int lanes = static_cast<int>(std::min<std::int64_t>(kLanes, first + count - pixel));
        const float* row = output + pixel * channels;
        for (int j = 0; j < lanes; ++j) {
            const float* origin = target + cursor.image() * channels * plane + cursor.planeOffset();
            for (std::int64_t c = 0; c < channels; ++c) {
                values[c * kLanes + j] = row[j * channels + c];
                targets[c * kLanes + j] = origin[c * plane];
            }
            cursor.advance();
        }
        // Padding lanes keep equal values, so they add nothing.
        for (int j = lanes; j < kLanes; ++j) {
            for (std::int64_t c = 0; c < channels; ++c)
                values[c * kLanes + j] = targets[c * kLanes + j];
        }

        for (std::int64_t c = 0; c < channels; ++c) {
            float* lane = values + c * kLanes;
            const float* goal = targets + c * kLanes;
#pragma omp simd
            for (int j = 0; j < kLanes; ++j) {
                const float difference = lane[j] - goal[j];
                sums[j] += std::fabs(difference);
                lane[j] = (difference > 0.0f ? gradientScale : 0.0f) -
                          (difference < 0.0f ? gradientScale : 0.0f);
            }
        }
        if (!gradient)
            continue;
        float* out = gradient + pixel * channels;
        for (int j = 0; j < lanes; ++j) {
            for (std::int64_t c = 0; c < channels; ++c)
                out[j * channels + c] = values[c * kLanes + j];
        }
    }
    double total = 0.0;
    for (const float sum : sums)
        total += sum;
    return total;
}

// Runs `pixels(first, count)` over fixed blocks on the intra-op threads and
// returns the sum of the block results, added in block order.
template <typename PixelFunction>
double sumOverBlocks(std::int64_t pixelCount, const PixelFunction& pixels)
{
    const std::int64_t blocks = (pixelCount + kBlockPixels - 1) / kBlockPixels;
    std::vector<double> sums(static_cast<std::size_t>(blocks), 0.0);
    // The thread count is LibTorch's setting for the calling thread. Passing
    // it explicitly keeps the region at that count where LibTorch carries its
    // own copy of the OpenMP runtime, as the pytorch.org builds do, because
    // the runtime this file links does not see that copy's settings.
    const int threads = static_cast<int>(
        std::max<std::int64_t>(1, std::min<std::int64_t>(at::get_num_threads(), blocks)));
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t block = 0; block < blocks; ++block) {
        const std::int64_t first = block * kBlockPixels;
        sums[static_cast<std::size_t>(block)] =
            pixels(first, std::min(kBlockPixels, pixelCount - first));
    }
    return std::accumulate(sums.begin(), sums.end(), 0.0);
}

bool needsGradient(const torch::Tensor& output)
{
    return torch::autograd::GradMode::is_enabled() && output.requires_grad();
}

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The forward pass computes the gradient of the mean loss with the loss, so
// the backward pass only scales it.
class TapOrderCrossEntropyFunction : public torch::autograd::Function<TapOrderCrossEntropyFunction>
{
public:
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& logits,
                                 const torch::Tensor& labels, bool withGradient)
    {
        const TapLayout layout = tapLayout(logits, labels, false);
        const torch::Tensor input = logits.contiguous();
        const torch::Tensor target = labels.contiguous();
        if (target.scalar_type() != torch::kLong) {
            throw std::invalid_argument("class labels of type " +
                                        std::string(c10::toString(target.scalar_type())) +
                                        " are invalid; expected int64");
        }
        checkLabels(target, layout.channels);
        torch::Tensor gradient;
        if (withGradient)
            gradient = torch::empty_like(input);
        const std::int64_t pixelCount = layout.pixels();
        const float scale = pixelCount > 0 ? 1.0f / static_cast<float>(pixelCount) : 0.0f;
        const float* inputData = input.data_ptr<float>();
        const std::int64_t* labelData = target.data_ptr<std::int64_t>();
        float* gradientData = withGradient ? gradient.data_ptr<float>() : nullptr;
        const double total = sumOverBlocks(pixelCount, [&](std::int64_t first, std::int64_t count) {
            return crossEntropyPixels(layout, inputData, labelData, gradientData, scale, first,
                                      count);
        });
        if (withGradient)
            context->save_for_backward({gradient});
        const double mean = pixelCount > 0 ? total / static_cast<double>(pixelCount) : std::nan("");
        return torch::full({}, mean, input.options());
    }

    static variable_list backward(AutogradContext* context, const variable_list& outputGradients)
    {
        const variable_list saved = context->get_saved_variables();
        return {saved.at(0) * outputGradients.at(0), torch::Tensor(), torch::Tensor()};
    }
};

// The backward pass recomputes the signs from the saved output and target,
// which moves less memory than storing them.
class TapOrderL1Function : public torch::autograd::Function<TapOrderL1Function>
{
public:
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& output,
                                 const torch::Tensor& target, bool withGradient)
    {
        const TapLayout layout = tapLayout(output, target, true);
        if (target.scalar_type() != torch::kFloat) {
            throw std::invalid_argument("value targets of type " +
                                        std::string(c10::toString(target.scalar_type())) +
                                        " are invalid; expected float");
        }
        const torch::Tensor input = output.contiguous();
        const torch::Tensor values = target.contiguous();
        const double total = accumulate(layout, input, values, nullptr, 0.0f);
        if (withGradient)
            context->save_for_backward({input, values});
        const double count = static_cast<double>(input.numel());
        return torch::full({}, count > 0 ? total / count : std::nan(""), input.options());
    }

    static variable_list backward(AutogradContext* context, const variable_list& outputGradients)
    {
        const variable_list saved = context->get_saved_variables();
        const torch::Tensor& input = saved.at(0);
        const torch::Tensor& values = saved.at(1);
        torch::Tensor gradient = torch::empty_like(input);
        const float scale = outputGradients.at(0).item<float>() / static_cast<float>(input.numel());
        accumulate(tapLayout(input, values, true), input, values, gradient.data_ptr<float>(),
                   scale);
        return {gradient, torch::Tensor(), torch::Tensor()};
    }

private:
    static double accumulate(const TapLayout& layout, const torch::Tensor& input,
                             const torch::Tensor& values, float* gradient, float scale)
    {
        const float* inputData = input.data_ptr<float>();
        const float* valueData = values.data_ptr<float>();
        return sumOverBlocks(layout.pixels(), [&](std::int64_t first, std::int64_t count) {
            return absoluteDifferencePixels(layout, inputData, valueData, gradient, scale, first,
                                            count);
        });
    }
};

} // namespace

torch::Tensor tapOrderCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target)
{
    return TapOrderCrossEntropyFunction::apply(logits, target, needsGradient(logits));
}

torch::Tensor tapOrderL1(const torch::Tensor& output, const torch::Tensor& target)
{
    return TapOrderL1Function::apply(output, target, needsGradient(output));
}

} // namespace tg::training
