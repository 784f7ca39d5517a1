#pragma once

#include "core/training/tasks.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace tg::training {

struct NetworkStats
{
    std::int64_t parameters = 0;   // trainable parameters, encoder and all decoders
    std::int64_t multiplyAdds = 0; // per image, convolutions and linear layers
    // Nominal cost in SNT: multiplyAdds relative to the full-size (width 1.0)
    // network with the same task names at the same image size.
    double nominalCostSnt = 0.0;
};

// Counts the network for built-in task names (short or folder names) at a
// width multiplier and image size (pixels per side, a multiple of 16).
// Returns zeros for unknown task names or invalid sizes.
NetworkStats networkStats(const std::vector<std::string>& taskNames, double width, int imageSize);

// Lets a braced list of names such as {"d", "zz"} call the overload above: without it, the
// list would also match the iterator-pair constructor of std::vector<TaskSpec> below.
NetworkStats networkStats(std::initializer_list<std::string> taskNames, double width,
                          int imageSize);

// Counts the network for any task specs, built-in or from a dataset. Returns zeros for an
// empty task list, a task with fewer than one channel, or invalid sizes.
NetworkStats networkStats(const std::vector<TaskSpec>& tasks, double width, int imageSize);

// Measures the mean inference time per image in milliseconds: forward passes
// of a batch of one, without autograd, in eval mode, on the GPU when LibTorch
// sees one and on the CPU otherwise, after one warm-up pass. Returns a
// negative value for unknown task names or invalid sizes.
double measureInferenceMs(const std::vector<std::string>& taskNames, double width, int imageSize,
                          int repeats);

} // namespace tg::training
