#pragma once

// Private to core/training: exposes torch types.

#include "core/experimentconfig.h"
#include "core/training/checkpoint.h"
#include "core/training/dataset.h"
#include "core/training/network.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tg::training {

struct TrainerSettings
{
    NetworkSpec spec;
    // For each task of `spec`, the index of its target in Dataset::tasks().
    std::vector<int> targetIndices;
    ScheduleConfig schedule;
    // Seeds the weights and the order of the training examples; the runner
    // derives it from the experiment seed and the candidate index.
    std::uint64_t seed = 1;
    int threads = 1; // intra-op threads of the calling thread
    torch::Device device = torch::kCPU;
    bool mixedPrecision = false; // CUDA only: bfloat16 autocast
    // When > 0: validate at this step and stop there (the early check).
    std::int64_t stopAtStep = -1;
    // Fault injection: the training loss of this step is replaced by NaN.
    std::int64_t nanStep = -1;
    // Folder of this candidate's checkpoints; the trainer continues from the
    // newest valid one it finds there.
    std::string checkpointFolder;
};

struct ValidationEvent
{
    std::int64_t step = 0;
    std::vector<double> losses; // per task of the network
    double total = 0.0;         // mean of `losses`
};

// Called on the training thread. Any member may be empty.
struct TrainerCallbacks
{
    // Before the first step: the state the run starts from (step 0, or the
    // checkpoint it continues from).
    std::function<void(const TrainerState&)> started;
    std::function<void(std::int64_t step, double loss)> trainingLoss;
    // After the validation's checkpoint is on disk.
    std::function<void(const ValidationEvent&, const TrainerState&)> validated;
    std::function<void(const std::string&)> message;
};

enum class TrainerOutcome
{
    Finished,       // validation loss stopped improving, or a step or epoch cap
    StoppedAtCheck, // reached settings.stopAtStep
    Diverged,
    Cancelled,
    Failed,
};

struct TrainerResult
{
    TrainerOutcome outcome = TrainerOutcome::Failed;
    TrainerState state;
    std::int64_t divergedStep = -1;
    std::string error; // Failed only
};

// Trains one network. Sets the calling thread's intra-op thread count, grad
// mode and autocast state. Stops within one batch of `cancel` becoming true,
// after saving a checkpoint. Catches torch errors and returns them as
// Failed with a message.
TrainerResult trainNetwork(const Dataset& data, const TrainerSettings& settings,
                           const TrainerCallbacks& callbacks, const std::atomic_bool& cancel);

struct EvaluationResult
{
    bool ok = false;
    std::vector<double> losses; // per task of the network
    std::string error;
};

// Mean loss per task of the checkpoint of `step` on a split, without
// autograd and in eval mode.
EvaluationResult evaluateCheckpoint(const Dataset& data, const TrainerSettings& settings,
                                    std::int64_t step, Split split, const std::atomic_bool& cancel);

} // namespace tg::training
