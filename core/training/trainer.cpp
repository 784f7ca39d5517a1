#include "core/training/trainer.h"

#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>
#include <random>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace tg::training {

namespace {

// Module constructors draw initial weights from LibTorch's global generator,
// so construction is serialised and seeded to make it reproducible while
// other workers run.
std::mutex& initialisationMutex()
{
    static std::mutex mutex;
    return mutex;
}

MultiTaskNet makeNetwork(const TrainerSettings& settings)
{
    std::lock_guard<std::mutex> lock(initialisationMutex());
    torch::manual_seed(settings.seed);
    MultiTaskNet network(settings.spec);
    network->to(settings.device);
    return network;
}

// The training examples in an epoch's order, derived from (seed, epoch).
class ExampleOrder
{
public:
    ExampleOrder(std::int64_t size, int batchSize, std::uint64_t seed)
        : m_size(size),
          m_batchSize(static_cast<std::int64_t>(std::min<std::int64_t>(batchSize, size))),
          m_seed(seed)
    {}

    std::int64_t stepsPerEpoch() const { return std::max<std::int64_t>(1, m_size / m_batchSize); }

    std::vector<std::int64_t> batch(std::int64_t step)
    {
        const std::int64_t epoch = step / stepsPerEpoch();
        if (epoch != m_epoch) {
            m_order.resize(static_cast<size_t>(m_size));
            std::iota(m_order.begin(), m_order.end(), 0);
            std::mt19937_64 generator(m_seed ^ (0x9e3779b97f4a7c15ULL * (epoch + 1)));
            std::shuffle(m_order.begin(), m_order.end(), generator);
            m_epoch = epoch;
        }
        const auto first = m_order.begin() + (step % stepsPerEpoch()) * m_batchSize;
        return {first, first + m_batchSize};
    }

private:
    std::int64_t m_size;
    std::int64_t m_batchSize;
    std::uint64_t m_seed;
    std::int64_t m_epoch = -1;
    std::vector<std::int64_t> m_order;
};

std::vector<torch::Tensor> forward(MultiTaskNet& network, const TrainerSettings& settings,
                                   const torch::Tensor& images)
{
    std::vector<torch::Tensor> outputs = network->forward(images.to(settings.device));
    if (settings.mixedPrecision) {
        for (auto& output : outputs)
            output = output.to(torch::kFloat);
    }
    return outputs;
}

std::vector<torch::Tensor> taskLosses(MultiTaskNet& network, const TrainerSettings& settings,
                                      const Batch& batch)
{
    // On the CPU, the losses read per-pixel outputs in tap order, which saves
    // the pixel-shuffle copies of the last layers. In PyTorch 1.13 on one
    // thread (batch 32, 64x64, five tasks), those copies and LibTorch's
    // cross-entropy took about 15% of a training step.
    if (settings.device.is_cpu() && !settings.mixedPrecision) {
        const std::vector<torch::Tensor> outputs = network->forwardTapOrder(batch.images);
        std::vector<torch::Tensor> losses;
        for (size_t t = 0; t < settings.spec.tasks.size(); ++t) {
            const torch::Tensor& target = batch.targets.at(settings.targetIndices[t]);
            losses.push_back(taskLossTapOrder(settings.spec.tasks[t], outputs[t], target));
        }
        return losses;
    }
    const std::vector<torch::Tensor> outputs = forward(network, settings, batch.images);
    std::vector<torch::Tensor> losses;
    for (size_t t = 0; t < settings.spec.tasks.size(); ++t) {
        const torch::Tensor& target = batch.targets.at(settings.targetIndices[t]);
        losses.push_back(taskLoss(settings.spec.tasks[t], outputs[t], target.to(settings.device)));
    }
    return losses;
}

// Returns false when cancelled before the pass ended.
bool evaluate(const Dataset& data, MultiTaskNet& network, const TrainerSettings& settings,
              Split split, const std::atomic_bool& cancel, std::vector<double>* losses)
{
    torch::NoGradGuard noGrad;
    network->eval();
    const std::int64_t size = data.size(split);
    const std::int64_t batchSize = std::max(1, settings.schedule.batchSize);
    std::vector<double> sums(settings.spec.tasks.size(), 0.0);
    for (std::int64_t first = 0; first < size; first += batchSize) {
        if (cancel.load()) {
            network->train();
            return false;
        }
        std::vector<std::int64_t> indices(static_cast<size_t>(std::min(batchSize, size - first)));
        std::iota(indices.begin(), indices.end(), first);
        const std::vector<torch::Tensor> batchLosses =
            taskLosses(network, settings, data.batch(split, indices));
        for (size_t t = 0; t < sums.size(); ++t)
            sums[t] += batchLosses[t].item<double>() * static_cast<double>(indices.size());
        if (settings.mixedPrecision)
            at::autocast::clear_cache();
    }
    for (double& sum : sums)
        sum /= static_cast<double>(size);
    *losses = sums;
    network->train();
    return true;
}

double mean(const std::vector<double>& values, size_t first, size_t count)
{
    return std::accumulate(values.begin() + first, values.begin() + first + count, 0.0) / count;
}

void setLearningRate(torch::optim::SGD& optimizer, double rate)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(rate);
}

// Halves the learning rate when the mean training loss of the last window is
// not lower than that of the window before it.
void updateLearningRate(const ScheduleConfig& schedule, TrainerState* state,
                        torch::optim::SGD& optimizer)
{
    const size_t window = static_cast<size_t>(schedule.plateauWindow);
    if (state->recentLosses.size() > 2 * window)
        state->recentLosses.erase(state->recentLosses.begin());
    if (state->recentLosses.size() < 2 * window ||
        state->step - state->lastDecayStep < static_cast<std::int64_t>(window))
        return;
    state->lastDecayStep = state->step;
    if (mean(state->recentLosses, window, window) >= mean(state->recentLosses, 0, window)) {
        state->learningRate *= 0.5;
        setLearningRate(optimizer, state->learningRate);
    }
}

class TrainingRun
{
public:
    TrainingRun(const Dataset& data, const TrainerSettings& settings,
                const TrainerCallbacks& callbacks, const std::atomic_bool& cancel)
        : m_data(data), m_settings(settings), m_callbacks(callbacks), m_cancel(cancel),
          m_network(makeNetwork(settings)),
          m_optimizer(m_network->parameters(),
                      torch::optim::SGDOptions(settings.schedule.learningRate)
                          .momentum(settings.schedule.momentum)),
          m_order(data.size(Split::Train), settings.schedule.batchSize, settings.seed)
    {
        m_state.learningRate = settings.schedule.learningRate;
        const std::int64_t perEpoch = m_order.stepsPerEpoch();
        m_interval = std::max<std::int64_t>(
            1, std::llround(settings.schedule.validationInterval * static_cast<double>(perEpoch)));
        m_cap = std::min<std::int64_t>(settings.schedule.maxSteps,
                                       perEpoch * settings.schedule.maxEpochs);
    }

    TrainerResult run()
    {
        restore();
        if (m_callbacks.started)
            m_callbacks.started(m_state);
        m_timer.start();
        while (true) {
            const bool atCap = m_state.step >= m_cap;
            const bool atCheck = m_settings.stopAtStep > 0 && m_state.step >= m_settings.stopAtStep;
            if (m_state.step > 0 && m_state.validatedStep != m_state.step &&
                (m_state.step % m_interval == 0 || atCap || atCheck)) {
                if (!validate())
                    return stop(TrainerOutcome::Cancelled);
            }
            if (atCheck)
                return finish(TrainerOutcome::StoppedAtCheck);
            if (atCap || m_state.checksWithoutImprovement >= m_settings.schedule.patience)
                return finish(TrainerOutcome::Finished);
            if (m_cancel.load())
                return stop(TrainerOutcome::Cancelled);
            if (!trainStep())
                return diverged();
        }
    }

private:
    void restore()
    {
        const std::string& folder = m_settings.checkpointFolder;
        for (std::int64_t step : checkpointSteps(folder)) {
            std::string error;
            TrainerState state;
            if (loadCheckpoint(checkpointPath(folder, step), *m_network, &m_optimizer, &state,
                               &error)) {
                m_state = state;
                setLearningRate(m_optimizer, m_state.learningRate);
                return;
            }
            report(error + "; trying the previous checkpoint");
        }
    }

    bool trainStep()
    {
        const Batch batch = m_data.batch(Split::Train, m_order.batch(m_state.step));
        // Undefined gradients let the backward pass store each new gradient
        // in place of zero-filling the old one and adding to it.
        m_network->zero_grad(/*set_to_none=*/true);
        const std::vector<torch::Tensor> losses = taskLosses(m_network, m_settings, batch);
        torch::Tensor loss = losses.front();
        for (size_t t = 1; t < losses.size(); ++t)
            loss = loss + losses[t];
        loss = loss / static_cast<double>(losses.size());
        double value = loss.item<double>();
        if (m_state.step + 1 == m_settings.nanStep)
            value = std::nan("");
        if (!std::isfinite(value))
            return false;
        loss.backward();
        m_optimizer.step();
        if (m_settings.mixedPrecision)
            at::autocast::clear_cache();

        ++m_state.step;
        m_state.recentLosses.push_back(value);
        updateLearningRate(m_settings.schedule, &m_state, m_optimizer);
        if (m_callbacks.trainingLoss)
            m_callbacks.trainingLoss(m_state.step, value);
        return true;
    }

    // Returns false when cancelled during the pass.
    bool validate()
    {
        ValidationEvent event;
        event.step = m_state.step;
        if (!evaluate(m_data, m_network, m_settings, Split::Validation, m_cancel, &event.losses))
            return false;
        event.total = mean(event.losses, 0, event.losses.size());
        if (m_state.bestStep < 0 || event.total < m_state.bestTotal) {
            m_state.bestStep = m_state.step;
            m_state.bestTotal = event.total;
            m_state.bestLosses = event.losses;
            m_state.checksWithoutImprovement = 0;
        } else {
            ++m_state.checksWithoutImprovement;
        }
        m_state.validatedStep = m_state.step;
        m_state.lastLosses = event.losses;
        save();
        if (m_callbacks.validated)
            m_callbacks.validated(event, m_state);
        return true;
    }

    // Keeps the newest two checkpoints, so a damaged newest file leaves one
    // to continue from, and the best one for the test evaluation.
    void save()
    {
        const std::string& folder = m_settings.checkpointFolder;
        m_state.computeSeconds += static_cast<double>(m_timer.restart()) / 1000.0;
        std::string error;
        if (!saveCheckpoint(checkpointPath(folder, m_state.step), *m_network, &m_optimizer, m_state,
                            &error)) {
            report(error);
            return;
        }
        std::vector<std::int64_t> steps = checkpointSteps(folder);
        std::vector<std::int64_t> keep = {m_state.bestStep, m_state.step};
        for (std::int64_t step : steps) {
            if (step < m_state.step) {
                keep.push_back(step);
                break;
            }
        }
        pruneCheckpoints(folder, keep);
    }

    TrainerResult stop(TrainerOutcome outcome)
    {
        save();
        return finish(outcome);
    }

    TrainerResult finish(TrainerOutcome outcome)
    {
        TrainerResult result;
        result.outcome = outcome;
        result.state = m_state;
        return result;
    }

    TrainerResult diverged()
    {
        TrainerResult result = finish(TrainerOutcome::Diverged);
        result.divergedStep = m_state.step + 1;
        return result;
    }

    void report(const std::string& text)
    {
        if (m_callbacks.message)
            m_callbacks.message(text);
    }

    const Dataset& m_data;
    const TrainerSettings& m_settings;
    const TrainerCallbacks& m_callbacks;
    const std::atomic_bool& m_cancel;
    MultiTaskNet m_network;
    torch::optim::SGD m_optimizer;
    ExampleOrder m_order;
    TrainerState m_state;
    std::int64_t m_interval = 1;
    std::int64_t m_cap = 1;
    QElapsedTimer m_timer;
};

// LibTorch's CPU allocator takes every tensor from malloc. Under glibc's
// dynamic thresholds, the heap returns freed activations of a few MiB to the
// kernel after each step, so the next step faults them in again as zeroed
// pages. On the benchmark network (batch 32, 64x64, five tasks, one thread,
// PyTorch 1.13) that cost 7,000 to 9,000 page faults per step and 10% to 25%
// of its CPU time. Serving blocks up to glibc's 32 MiB maximum from the heap
// and keeping up to 512 MiB of freed memory there removes the faults.
// NOTE: the settings are process-wide and stay in force after training.
void keepFreedMemory()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
    });
#endif
}

// Thread-local settings that LibTorch does not carry across threads.
void prepareThread(const TrainerSettings& settings)
{
    keepFreedMemory();
    at::set_num_threads(std::max(1, settings.threads));
    torch::autograd::GradMode::set_enabled(true);
    if (settings.mixedPrecision) {
        // NOTE: LibTorch 1.13 has no C++ gradient scaler, so bfloat16 is used,
        // whose exponent range needs none. Not exercised without a GPU.
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    }
}

void releaseThread(const TrainerSettings& settings)
{
    if (settings.mixedPrecision) {
        at::autocast::set_enabled(false);
        at::autocast::clear_cache();
    }
}

} // namespace

TrainerResult trainNetwork(const Dataset& data, const TrainerSettings& settings,
                           const TrainerCallbacks& callbacks, const std::atomic_bool& cancel)
{
    prepareThread(settings);
    TrainerResult result;
    try {
        TrainingRun run(data, settings, callbacks, cancel);
        result = run.run();
    } catch (const c10::Error& error) {
        result.outcome = TrainerOutcome::Failed;
        result.error = std::string("LibTorch error: ") + error.what_without_backtrace();
    } catch (const std::exception& error) {
        result.outcome = TrainerOutcome::Failed;
        result.error = error.what();
    }
    releaseThread(settings);
    return result;
}

EvaluationResult evaluateCheckpoint(const Dataset& data, const TrainerSettings& settings,
                                    std::int64_t step, Split split, const std::atomic_bool& cancel)
{
    prepareThread(settings);
    EvaluationResult result;
    try {
        MultiTaskNet network = makeNetwork(settings);
        if (!loadCheckpoint(checkpointPath(settings.checkpointFolder, step), *network, nullptr,
                            nullptr, &result.error)) {
            releaseThread(settings);
            return result;
        }
        result.ok = evaluate(data, network, settings, split, cancel, &result.losses);
        if (!result.ok)
            result.error = "cancelled";
    } catch (const c10::Error& error) {
        result.error = std::string("LibTorch error: ") + error.what_without_backtrace();
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    releaseThread(settings);
    return result;
}

} // namespace tg::training
