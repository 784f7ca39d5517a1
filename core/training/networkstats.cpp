#include "core/training/networkstats.h"

#include "core/training/network.h"

#include <chrono>
#include <optional>

namespace tg::training {

namespace {

std::int64_t countParameters(MultiTaskNet& network)
{
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : network->parameters())
        count += parameter.numel();
    return count;
}

std::optional<NetworkSpec> makeSpec(std::vector<TaskSpec> tasks, double width, int imageSize)
{
    if (!(width > 0.0) || imageSize < 16 || imageSize % 16 != 0 || tasks.empty())
        return std::nullopt;
    for (const TaskSpec& task : tasks) {
        if (task.channels < 1)
            return std::nullopt;
    }
    return NetworkSpec{std::move(tasks), width, imageSize};
}

std::optional<NetworkSpec> makeSpec(const std::vector<std::string>& taskNames, double width,
                                    int imageSize)
{
    std::optional<std::vector<TaskSpec>> tasks = resolveBuiltinTasks(taskNames, nullptr);
    if (!tasks)
        return std::nullopt;
    return makeSpec(std::move(*tasks), width, imageSize);
}

NetworkStats countNetwork(const NetworkSpec& spec)
{
    MultiTaskNet network(spec);
    NetworkSpec fullSpec = spec;
    fullSpec.width = 1.0;
    MultiTaskNet full(fullSpec);

    NetworkStats stats;
    stats.parameters = countParameters(network);
    stats.multiplyAdds = network->multiplyAdds(spec.imageSize);
    stats.nominalCostSnt = static_cast<double>(stats.multiplyAdds) /
                           static_cast<double>(full->multiplyAdds(spec.imageSize));
    return stats;
}

} // namespace

NetworkStats networkStats(const std::vector<std::string>& taskNames, double width, int imageSize)
{
    const std::optional<NetworkSpec> spec = makeSpec(taskNames, width, imageSize);
    return spec ? countNetwork(*spec) : NetworkStats{};
}

NetworkStats networkStats(std::initializer_list<std::string> taskNames, double width, int imageSize)
{
    return networkStats(std::vector<std::string>(taskNames), width, imageSize);
}

NetworkStats networkStats(const std::vector<TaskSpec>& tasks, double width, int imageSize)
{
    const std::optional<NetworkSpec> spec = makeSpec(tasks, width, imageSize);
    return spec ? countNetwork(*spec) : NetworkStats{};
}

double measureInferenceMs(const std::vector<std::string>& taskNames, double width, int imageSize,
                          int repeats)
{
    const std::optional<NetworkSpec> spec = makeSpec(taskNames, width, imageSize);
    if (!spec || repeats < 1)
        return -1.0;

    const bool cuda = torch::cuda::is_available();
    const torch::Device device = cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    torch::NoGradGuard noGrad;
    MultiTaskNet network(*spec);
    network->to(device);
    network->eval();
    const torch::Tensor image = torch::rand({1, 3, imageSize, imageSize}, device);

    auto synchronise = [&] {
        if (cuda)
            torch::cuda::synchronize();
    };
    network->forward(image);
    synchronise();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i)
        network->forward(image);
    synchronise();
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    return elapsed.count() / repeats;
}

} // namespace tg::training
