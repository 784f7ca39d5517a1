#include "core/training/dataset.h"

#include <cmath>

namespace tg::training {

const char* splitName(Split split)
{
    switch (split) {
    case Split::Train:
        return "train";
    case Split::Validation:
        return "validation";
    case Split::Test:
        return "test";
    }
    return "unknown";
}

torch::ScalarType classStorageType(int classes)
{
    return classes <= 256 ? torch::kUInt8 : torch::kInt32;
}

ChannelStatistics computeStatistics(const TaskSpec& task, int taskIndex,
                                    const std::vector<ExamplePointer>& examples)
{
    ChannelStatistics statistics;
    if (task.kind == TaskKind::PixelClasses || task.kind == TaskKind::ImageClasses)
        return statistics;

    // Sums in double: a training split of 64x64 images contains millions of values.
    std::vector<double> sum(task.channels, 0.0);
    std::vector<double> squares(task.channels, 0.0);
    double count = 0.0;
    for (const ExamplePointer& example : examples) {
        const torch::Tensor values =
            example->targets[taskIndex].to(torch::kDouble).reshape({task.channels, -1});
        const torch::Tensor channelSum = values.sum(1);
        const torch::Tensor channelSquares = values.square().sum(1);
        for (int c = 0; c < task.channels; ++c) {
            sum[c] += channelSum[c].item<double>();
            squares[c] += channelSquares[c].item<double>();
        }
        count += static_cast<double>(values.size(1));
    }

    for (int c = 0; c < task.channels; ++c) {
        const double mean = count > 0.0 ? sum[c] / count : 0.0;
        const double variance = count > 0.0 ? squares[c] / count - mean * mean : 0.0;
        const double deviation = variance > 1e-12 ? std::sqrt(variance) : 1.0;
        statistics.mean.push_back(mean);
        statistics.std.push_back(deviation);
    }
    return statistics;
}

namespace {

torch::Tensor normalise(const torch::Tensor& values, const ChannelStatistics& statistics,
                        TaskKind kind)
{
    const auto channels = static_cast<std::int64_t>(statistics.mean.size());
    std::vector<std::int64_t> shape = {1, channels};
    if (kind == TaskKind::PixelValues) {
        shape.push_back(1);
        shape.push_back(1);
    }
    const auto options = torch::TensorOptions().dtype(torch::kDouble);
    const torch::Tensor mean = torch::tensor(statistics.mean, options).to(torch::kFloat);
    const torch::Tensor deviation = torch::tensor(statistics.std, options).to(torch::kFloat);
    return (values - mean.view(shape)) / deviation.view(shape);
}

} // namespace

Batch assembleBatch(const std::vector<TaskSpec>& tasks,
                    const std::vector<ChannelStatistics>& statistics,
                    const std::vector<ExamplePointer>& examples)
{
    Batch batch;
    std::vector<torch::Tensor> parts;
    parts.reserve(examples.size());
    for (const ExamplePointer& example : examples)
        parts.push_back(example->image);
    batch.images = torch::stack(parts).to(torch::kFloat).div_(255.0f);

    for (std::size_t t = 0; t < tasks.size(); ++t) {
        parts.clear();
        for (const ExamplePointer& example : examples)
            parts.push_back(example->targets[t]);
        const torch::Tensor stacked = torch::stack(parts);
        const TaskKind kind = tasks[t].kind;
        if (kind == TaskKind::PixelClasses || kind == TaskKind::ImageClasses)
            batch.targets.push_back(stacked.to(torch::kLong));
        else
            batch.targets.push_back(normalise(stacked.to(torch::kFloat), statistics[t], kind));
    }
    return batch;
}

} // namespace tg::training
