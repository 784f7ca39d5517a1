#pragma once

// Private to core/training: exposes torch types.

#include <cstdint>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace tg::training {

// Trainer state saved with the weights, enough to continue a run exactly.
struct TrainerState
{
    std::int64_t step = 0;          // training steps completed
    std::int64_t validatedStep = 0; // step of the last validation
    double learningRate = 0.0;
    std::int64_t bestStep = -1;     // step of the lowest validation loss
    double bestTotal = 0.0;         // that loss, the mean over tasks
    std::vector<double> bestLosses; // per task, at bestStep
    std::vector<double> lastLosses; // per task, at validatedStep
    int checksWithoutImprovement = 0;
    std::vector<double> recentLosses; // training losses for the plateau test
    std::int64_t lastDecayStep = 0;   // step of the last learning-rate test
    double computeSeconds = 0.0;      // device time spent so far
};

// Writes model, optimizer and state to `path` atomically: the bytes go to a
// temporary file with a trailer (length and SHA-256 of the payload), which
// is then renamed over `path`. Returns false with a message on failure.
bool saveCheckpoint(const std::string& path, torch::nn::Module& model,
                    torch::optim::Optimizer* optimizer, const TrainerState& state,
                    std::string* error);

// Loads a checkpoint written by saveCheckpoint. The trailer is checked
// before anything is read, so a truncated or corrupted file returns false
// with a message naming the file and leaves `model` untouched. `optimizer`
// may be null to read the weights only.
bool loadCheckpoint(const std::string& path, torch::nn::Module& model,
                    torch::optim::Optimizer* optimizer, TrainerState* state, std::string* error);

// Checkpoint files of one candidate: `<folder>/step-<step>.pt`.
std::string checkpointPath(const std::string& folder, std::int64_t step);
// Steps of the checkpoint files present in `folder`, newest first.
std::vector<std::int64_t> checkpointSteps(const std::string& folder);
// Deletes every checkpoint in `folder` except the given steps.
void pruneCheckpoints(const std::string& folder, const std::vector<std::int64_t>& keep);

} // namespace tg::training
