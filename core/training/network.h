#pragma once

// Private to core/training: exposes torch types.

#include "core/training/tasks.h"

#include <torch/torch.h>
#include <vector>

namespace tg::training {

struct NetworkSpec
{
    std::vector<TaskSpec> tasks; // one decoder per task, outputs in this order
    double width = 1.0;          // width multiplier: 1.0 full size, 0.5 half size, > 0
    int imageSize = 64;          // input pixels per side, a multiple of 16
};

// Channel counts of the encoder stages for a width multiplier. Every count is
// the full-size count times sqrt(width), rounded to a multiple of 4 (at least
// 4): the encoder's cost is dominated by pointwise convolutions, whose
// parameters and multiply-adds grow with the square of the channel count, so
// sqrt(width) makes both scale roughly linearly with `width`.
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

    const NetworkSpec& spec() const { return m_spec; }

private:
    NetworkSpec m_spec;
    torch::nn::Sequential m_encoder{nullptr};
    std::vector<torch::nn::Sequential> m_decoders;
};
TORCH_MODULE(MultiTaskNet);

// Loss of one task: mean cross-entropy for classes, mean L1 for values.
// `prediction` is forward()'s output for the task and `target` the matching
// Batch target, on the same device.
torch::Tensor taskLoss(const TaskSpec& task, const torch::Tensor& prediction,
                       const torch::Tensor& target);

} // namespace tg::training
