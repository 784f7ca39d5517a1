// Measures how fast the built-in scenes are rendered and how fast training
// consumes them, both in images per second, at 1 and 2 threads.
//
// Usage: scene_data_benchmark [--size PIXELS] [--scenes COUNT] [--steps COUNT]

#include "core/training/network.h"
#include "core/training/scenerenderer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace tg::training;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Renders `scenes` distinct scenes on `threads` threads.
double renderRate(int threads, int scenes, int size)
{
    std::atomic<int> next{0};
    const Clock::time_point start = Clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            for (int i = next++; i < scenes; i = next++)
                renderScene(1, i, size);
        });
    }
    for (std::thread& worker : workers)
        worker.join();
    return scenes / seconds(start);
}

// Trains the full-width five-task network on random batches of 32 with SGD
// and returns the images per second of forward, backward and update.
double trainingRate(int threads, int steps, int size)
{
    at::set_num_threads(threads);
    torch::manual_seed(1);
    std::vector<TaskSpec> tasks = *resolveBuiltinTasks(defaultTaskNames(), nullptr);
    MultiTaskNet network(NetworkSpec{tasks, 1.0, size});
    torch::optim::SGD optimizer(network->parameters(),
                                torch::optim::SGDOptions(0.01).momentum(0.9));
    const int batch = 32;
    const torch::Tensor images = torch::rand({batch, 3, size, size});
    std::vector<torch::Tensor> targets = {torch::randint(0, kSceneClassCount, {batch, size, size})};
    for (int channels : {1, 3, 1, 1})
        targets.push_back(torch::randn({batch, channels, size, size}));

    auto step = [&] {
        optimizer.zero_grad();
        const std::vector<torch::Tensor> outputs = network->forward(images);
        torch::Tensor loss = torch::zeros({});
        for (std::size_t t = 0; t < tasks.size(); ++t)
            loss = loss + taskLoss(tasks[t], outputs[t], targets[t]);
        (loss / static_cast<double>(tasks.size())).backward();
        optimizer.step();
    };
    step(); // warm-up: oneDNN builds its kernels on the first pass
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    return steps * batch / seconds(start);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Scene generation against training rate"));
    parser.addHelpOption();
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Image side in pixels (default 64)."),
                                        QStringLiteral("pixels"), QStringLiteral("64"));
    const QCommandLineOption scenesOption(QStringLiteral("scenes"),
                                          QStringLiteral("Scenes rendered per run (default 2000)."),
                                          QStringLiteral("count"), QStringLiteral("2000"));
    const QCommandLineOption stepsOption(QStringLiteral("steps"),
                                         QStringLiteral("Timed training steps (default 10)."),
                                         QStringLiteral("count"), QStringLiteral("10"));
    parser.addOptions({sizeOption, scenesOption, stepsOption});
    parser.process(app);
    const int size = parser.value(sizeOption).toInt();
    const int scenes = parser.value(scenesOption).toInt();
    const int steps = parser.value(stepsOption).toInt();
    if (size < 16 || size % 16 != 0 || scenes < 1 || steps < 1) {
        std::fprintf(stderr, "invalid arguments: size must be a multiple of 16, counts >= 1\n");
        return 2;
    }

    std::printf("| threads | scenes rendered / s | training images / s (5 tasks, width 1, "
                "batch 32) | ratio |\n|---|---|---|---|\n");
    for (const int threads : {1, 2}) {
        const double render = renderRate(threads, scenes, size);
        const double training = trainingRate(threads, steps, size);
        std::printf("| %d | %.0f | %.1f | %.1f |\n", threads, render, training, render / training);
        std::fflush(stdout);
    }
    return 0;
}
