#pragma once

#include "core/candidatetable.h"

#include <QString>

namespace tg::benchmark {

// One run of the `cbc` program on the selection problem written as a 0/1
// integer program: x_n chooses network n, y_n_t assigns task t to network n
// (only where n solves t, and y_n_t <= x_n), every task is assigned once, the
// chosen costs stay within the budget, and the sum of assigned losses is
// minimised.
struct CbcResult
{
    bool ran = false;
    bool optimal = false;
    bool stoppedOnTimeLimit = false;
    double objective = 0.0;
    // CBC's own "Time (Wallclock seconds)" after the search, which leaves
    // out process start and reading the model; printed with 10 ms steps.
    double reportedSeconds = 0.0;
    // Process start to exit, measured here.
    double wallSeconds = 0.0;
    QString error;
};

// Writes the model as an LP file under `workDir` and runs `cbcPath` on it
// with a time limit in seconds.
CbcResult solveWithCbc(const CandidateTable& table, Cost budget, const QString& cbcPath,
                       const QString& workDir, int timeLimitSeconds);

} // namespace tg::benchmark
