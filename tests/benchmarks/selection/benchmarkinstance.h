#pragma once

#include "core/candidatetable.h"

#include <cstdint>

namespace tg::benchmark {

// A full candidate set for `taskCount` tasks (every non-empty subset of tasks
// at cost 1 plus a half-size single-task network per task at cost 0.5) with
// losses shaped like trained networks: a base loss per task, a gain or
// penalty from each other task sharing the network, a small penalty per extra
// task and noise. The seed fixes every value.
CandidateTable makeFullCandidateSet(int taskCount, std::uint32_t seed);

} // namespace tg::benchmark
