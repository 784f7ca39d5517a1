#pragma once

// Private to core/training: exposes torch types.

#include "core/training/tasks.h"

#include <cstdint>
#include <memory>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace tg::training {

enum class Split
{
    Train,
    Validation,
    Test,
};

// "train", "validation" or "test".
const char* splitName(Split split);

// A batch on the CPU. `targets` has one tensor per task, in the order of
// Dataset::tasks():
// - PixelClasses: int64 [N, H, W] class indices
// - PixelValues: float [N, C, H, W], normalised per channel to zero mean and
//   unit standard deviation with training-split statistics
// - ImageClasses: int64 [N] class indices
// - ImageValues: float [N, C], normalised like PixelValues
struct Batch
{
    torch::Tensor images; // float [N, 3, H, W], RGB in [0, 1]
    std::vector<torch::Tensor> targets;
};

// Per-channel statistics that normalise a values task: label = (raw - mean) / std.
struct ChannelStatistics
{
    std::vector<double> mean;
    std::vector<double> std; // every entry > 0
};

// A labelled image set with three disjoint splits. Implementations are
// immutable after construction apart from internal caches, so every const
// member is safe to call from several threads at once.
class Dataset
{
public:
    virtual ~Dataset() = default;

    virtual const std::vector<TaskSpec>& tasks() const = 0;
    virtual std::int64_t size(Split split) const = 0;
    // Images are imageSize() x imageSize() pixels.
    virtual int imageSize() const = 0;
    // Statistics used to normalise task `taskIndex`; empty for class tasks.
    virtual ChannelStatistics statistics(int taskIndex) const = 0;
    // Returns the examples at `indices` (each in [0, size(split))) in that
    // order. Throws std::out_of_range for an index outside the split.
    virtual Batch batch(Split split, const std::vector<std::int64_t>& indices) const = 0;
    // A sentence saying that image files were resized to imageSize() x imageSize(), with the
    // first resized file and its size, or an empty string when no file was resized.
    virtual std::string resizeNote() const { return {}; }
};

// Helpers shared by the Dataset implementations.

// One example before normalisation, as the implementations cache it:
// - image: uint8 [3, H, W]
// - targets, one per task: PixelClasses uint8 [H, W] (int32 when the task has
//   more than 256 classes); PixelValues float [C, H, W]; ImageClasses int64
//   scalar; ImageValues float [C]
struct Example
{
    torch::Tensor image;
    std::vector<torch::Tensor> targets;
};

using ExamplePointer = std::shared_ptr<const Example>;

// The class tensor type that stores `classes` distinct indices compactly.
torch::ScalarType classStorageType(int classes);

// Computes per-channel mean and standard deviation of the values task at
// `taskIndex` over `examples`. A channel with zero spread gets std 1.
ChannelStatistics computeStatistics(const TaskSpec& task, int taskIndex,
                                    const std::vector<ExamplePointer>& examples);

// Stacks examples into a batch, converting images to float in [0, 1], class
// targets to int64 and normalising value targets with `statistics` (one entry
// per task, ignored for class tasks).
Batch assembleBatch(const std::vector<TaskSpec>& tasks,
                    const std::vector<ChannelStatistics>& statistics,
                    const std::vector<ExamplePointer>& examples);

} // namespace tg::training
