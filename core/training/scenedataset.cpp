#include "core/training/scenedataset.h"

#include "core/training/scenerenderer.h"

#include <QLoggingCategory>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

Q_LOGGING_CATEGORY(lcSceneData, "taskgrouper.training.scenes", QtInfoMsg)

namespace tg::training {

namespace {

constexpr std::int64_t kSplitIndexStride = std::int64_t(1) << 40;

torch::Tensor planes(const std::vector<float>& values, std::int64_t channels, int size)
{
    return torch::from_blob(const_cast<float*>(values.data()), {channels, size, size},
                            torch::kFloat)
        .clone();
}

torch::Tensor sceneTarget(const TaskSpec& task, const SceneImage& scene)
{
    const int size = scene.width;
    const std::string& name = task.name;
    if (name == "s") {
        return torch::from_blob(const_cast<std::int32_t*>(scene.segmentation.data()), {size, size},
                                torch::kInt32)
            .to(classStorageType(task.channels));
    }
    if (name == "d")
        return planes(scene.depth, 1, size);
    if (name == "n")
        return planes(scene.normals, 3, size);
    if (name == "k")
        return planes(scene.keypoints, 1, size);
    if (name == "e")
        return planes(scene.edges, 1, size);
    if (name == "o")
        return planes(scene.occlusionEdges, 1, size);
    if (name == "r")
        return planes(scene.reshading, 1, size);
    if (name == "a")
        return planes(scene.rgb, 3, size);
    if (name == "c")
        return torch::tensor(static_cast<std::int64_t>(scene.dominantObject));
    if (name == "l") {
        return torch::tensor(
            std::vector<float>(scene.lightPosition.begin(), scene.lightPosition.end()));
    }
    throw std::logic_error("task " + name + " has no scene label");
}

ExamplePointer sceneExample(const std::vector<TaskSpec>& tasks, const SceneImage& scene)
{
    auto example = std::make_shared<Example>();
    // The renderer's RGB values are multiples of 1/255, so this is exact.
    example->image = planes(scene.rgb, 3, scene.width).mul_(255.0f).round_().to(torch::kUInt8);
    for (const TaskSpec& task : tasks)
        example->targets.push_back(sceneTarget(task, scene));
    return example;
}

class SceneDataset final : public Dataset
{
public:
    SceneDataset(const SceneDatasetConfig& config, std::vector<TaskSpec> tasks)
        : m_config(config),
          m_tasks(std::move(tasks)), m_sizes{config.trainSize, config.validationSize,
                                             config.testSize}
    {
        for (int s = 0; s < 3; ++s)
            m_slots[s] = std::make_unique<Slot[]>(static_cast<std::size_t>(m_sizes[s]));
        for (int i = 0; i < config.generatorThreads; ++i)
            m_workers.emplace_back([this] { renderAhead(); });
        computeAllStatistics();
    }

    ~SceneDataset() override
    {
        m_stop = true;
        for (std::thread& worker : m_workers)
            worker.join();
    }

    const std::vector<TaskSpec>& tasks() const override { return m_tasks; }
    std::int64_t size(Split split) const override { return m_sizes[index(split)]; }
    int imageSize() const override { return m_config.imageSize; }
    ChannelStatistics statistics(int taskIndex) const override
    {
        return m_statistics.at(static_cast<std::size_t>(taskIndex));
    }

    Batch batch(Split split, const std::vector<std::int64_t>& indices) const override
    {
        std::vector<ExamplePointer> examples;
        examples.reserve(indices.size());
        for (const std::int64_t i : indices) {
            if (i < 0 || i >= size(split)) {
                throw std::out_of_range("index " + std::to_string(i) + " is outside the " +
                                        splitName(split) + " split of " +
                                        std::to_string(size(split)) + " scenes");
            }
            examples.push_back(example(split, i));
        }
        return assembleBatch(m_tasks, m_statistics, examples);
    }

private:
    struct Slot
    {
        std::once_flag once;
        ExamplePointer example;
    };

    static int index(Split split) { return static_cast<int>(split); }

    // Renders the scene on first use; a caller that finds it being rendered
    // on another thread waits for that result instead of rendering it again.
    ExamplePointer example(Split split, std::int64_t i) const
    {
        Slot& slot = m_slots[index(split)][static_cast<std::size_t>(i)];
        std::call_once(slot.once, [&] {
            const SceneImage scene =
                renderScene(m_config.seed, sceneIndex(split, i), m_config.imageSize);
            slot.example = sceneExample(m_tasks, scene);
        });
        return slot.example;
    }

    // Worker loop: renders every scene once, training split first, in index order.
    void renderAhead()
    {
        const std::int64_t total = m_sizes[0] + m_sizes[1] + m_sizes[2];
        while (!m_stop) {
            std::int64_t k = m_next++;
            if (k >= total)
                return;
            int s = 0;
            while (k >= m_sizes[s]) {
                k -= m_sizes[s];
                ++s;
            }
            example(static_cast<Split>(s), k);
        }
    }

    void computeAllStatistics()
    {
        const std::int64_t samples = std::min(m_config.statisticsSamples, m_sizes[0]);
        std::vector<ExamplePointer> examples;
        for (std::int64_t i = 0; i < samples; ++i)
            examples.push_back(example(Split::Train, i));
        for (std::size_t t = 0; t < m_tasks.size(); ++t)
            m_statistics.push_back(computeStatistics(m_tasks[t], static_cast<int>(t), examples));
        qCDebug(lcSceneData) << "normalisation statistics from" << samples << "training scenes";
    }

    SceneDatasetConfig m_config;
    std::vector<TaskSpec> m_tasks;
    std::int64_t m_sizes[3];
    std::unique_ptr<Slot[]> m_slots[3];
    std::vector<ChannelStatistics> m_statistics;
    std::vector<std::thread> m_workers;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_next{0};
};

std::string validate(const SceneDatasetConfig& config)
{
    if (config.imageSize < 16 || config.imageSize % 16 != 0) {
        return "image size " + std::to_string(config.imageSize) +
               " is invalid; use a multiple of 16 such as 64 or 256";
    }
    if (config.trainSize < 1 || config.validationSize < 1 || config.testSize < 1) {
        return "split sizes " + std::to_string(config.trainSize) + "/" +
               std::to_string(config.validationSize) + "/" + std::to_string(config.testSize) +
               " are invalid; every split needs at least one scene";
    }
    const std::int64_t largest =
        std::max({config.trainSize, config.validationSize, config.testSize});
    if (largest >= kSplitIndexStride)
        return "split size " + std::to_string(largest) + " exceeds 2^40 scenes";
    if (config.generatorThreads < 0 || config.statisticsSamples < 1)
        return "generator threads must be >= 0 and statistics samples >= 1";
    return {};
}

} // namespace

std::int64_t sceneIndex(Split split, std::int64_t index)
{
    return static_cast<std::int64_t>(split) * kSplitIndexStride + index;
}

std::unique_ptr<Dataset> makeSceneDataset(const SceneDatasetConfig& config,
                                          const std::vector<std::string>& taskNames,
                                          std::string* error)
{
    std::string problem = validate(config);
    std::optional<std::vector<TaskSpec>> tasks;
    if (problem.empty())
        tasks = resolveBuiltinTasks(taskNames, &problem);
    if (!problem.empty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    return std::make_unique<SceneDataset>(config, std::move(*tasks));
}

} // namespace tg::training
