#pragma once

// Private to core/training: exposes torch types.

#include "core/training/tasks.h"

#include <cstdint>
#include <torch/torch.h>
#include <vector>

namespace tg::training {

struct NetworkSpec
{
    std::vector<TaskSpec> tasks; // one decoder per task, outputs in this order
    double width = 1.0;          // width multiplier: 1.0 full size, 0.5 half size, > 0
    int imageSize = 64;          // input pixels per side, a multiple of 16
};

// Scales a full-size channel count by a width multiplier: the count times
// sqrt(width), rounded to the nearest integer, at least 1. Pointwise and
// strided convolutions carry most of the network's parameters and
// multiply-adds, and both grow with the product of input and output channels.
// Scaling channels by sqrt(width) therefore makes the network's parameters and
// multiply-adds scale roughly linearly with `width`: 0.5 gives about half of each.
int scaledChannels(int fullChannels, double width);

// Channel counts of the encoder: the stem followed by one entry per
// downsampling stage.
std::vector<int> encoderChannels(double width);

// Xception-style encoder shared by all tasks, plus one light decoder per task.
// forward() returns one tensor per task, in the order of spec.tasks:
// - PixelClasses: logits [N, classes, H, W]
// - PixelValues: [N, C, H, W]
// - ImageClasses: logits [N, classes]
// - ImageValues: [N, C]
// Input: float [N, 3, H, W] with H and W multiples of 16.
class MultiTaskNetImpl : public torch::nn::Module
{
public:
    explicit MultiTaskNetImpl(const NetworkSpec& spec);

    std::vector<torch::Tensor> forward(const torch::Tensor& images);

    // The same outputs, but per-pixel ones in tap order, as the last
    // transposed convolution produces them. A per-pixel output is then
    // [N, H / 2^k, W / 2^k, 4^k, C], where k counts the upsamplings that the
    // last layer has not yet shuffled into image order (see pixellosses.h).
    // Per-image outputs are as in forward(). Skipping the shuffles saves one
    // copy of each per-pixel output forward and one backward, and
    // taskLossTapOrder() takes these outputs.
    std::vector<torch::Tensor> forwardTapOrder(const torch::Tensor& images);

    const NetworkSpec& spec() const { return m_spec; }

    // Multiply-adds per image of the convolutions and linear layers for an
    // input of imageSize x imageSize pixels; normalisation, activations and
    // additions are not counted.
    std::int64_t multiplyAdds(int imageSize) const;

private:
    // A convolution or linear layer's multiply-adds per output pixel, and the
    // side of its output relative to the input image (1 for full size, 1/16
    // at the deepest stage, 0 for layers after global pooling).
    struct LayerCost
    {
        std::int64_t perOutputPixel = 0;
        double outputScale = 1.0;
    };

    torch::nn::Sequential buildEncoder();
    torch::nn::Sequential buildPixelDecoder(int outputs);
    torch::nn::Sequential buildImageDecoder(int outputs);
    std::vector<torch::Tensor> run(const torch::Tensor& images, bool tapOrder);

    NetworkSpec m_spec;
    std::vector<LayerCost> m_layerCosts;
    torch::nn::Sequential m_encoder{nullptr};
    std::vector<torch::nn::Sequential> m_decoders;
};
TORCH_MODULE(MultiTaskNet);

// Loss of one task: mean cross-entropy for classes, mean L1 for values.
// `prediction` is forward()'s output for the task and `target` the matching
// Batch target, on the same device.
torch::Tensor taskLoss(const TaskSpec& task, const torch::Tensor& prediction,
                       const torch::Tensor& target);

// The same loss for an output of forwardTapOrder(), with the same Batch
// target. CPU tensors only.
torch::Tensor taskLossTapOrder(const TaskSpec& task, const torch::Tensor& prediction,
                               const torch::Tensor& target);

} // namespace tg::training
