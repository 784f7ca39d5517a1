#pragma once

#include "core/experimentconfig.h"

#include <QString>

namespace tg::cli {

// How much runExperiment() prints about each candidate.
enum class RunOutput
{
    EveryValidation, // status changes and every validation check's losses per task
    StatusOnly,      // status changes only
};

// Runs an experiment to its end in the calling thread, printing progress
// lines with a remaining-time estimate to stdout and notes to stderr. SIGINT
// cancels: workers save checkpoints and the run can be resumed. Returns a
// process exit code (see commands.h); `message` receives the final message.
int runExperiment(const ExperimentConfig& config, const QString& folder, bool resume,
                  QString* message, RunOutput output = RunOutput::EveryValidation);

} // namespace tg::cli
