#pragma once

#include <QStringList>

// Each command parses its own arguments and returns the process exit code:
// 0 on success, 1 on invalid input or a failed run (message on stderr), 2 on
// bad usage, 3 when select found no grouping for a requested budget, 130 when
// Ctrl+C stopped a training run. The first argument is
// the program name followed by the command name, as QCommandLineParser
// expects.
namespace tg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;
// select printed its results, but no grouping fits at least one budget or limit.
inline constexpr int kExitInfeasible = 3;
// Stopped by Ctrl+C after saving checkpoints (128 + SIGINT, as shells report it).
inline constexpr int kExitInterrupted = 130;

int runSelect(const QStringList& arguments);
int runAffinity(const QStringList& arguments);
int runBaselines(const QStringList& arguments);
int runPredictHigherOrder(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runDemo(const QStringList& arguments);
int runPrepare(const QStringList& arguments);
int runStudy(const QStringList& arguments);

} // namespace tg::cli
