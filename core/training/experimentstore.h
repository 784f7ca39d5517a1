#pragma once

#include "core/experimentconfig.h"
#include "core/experimentplan.h"
#include "core/training/experimentrunner.h"

#include <QFile>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The experiment folder:
//   config.json            the configuration, every field written
//   results.json           run facts and one record per candidate, rewritten
//                          atomically after every validation
//   curves/<name>.csv      step,train_loss,val_<task>...,val_total; a row per
//                          training step and a row per validation
//   checkpoints/<name>/step-<step>.pt   model, optimizer and trainer state
//   early-stop.csv         early-stop only: losses at the early check
//   val.csv, test.csv      candidate tables of the trained networks
//   higher-order-val.csv, higher-order-test.csv   higher-order only: the
//                          tables completed with predicted rows
namespace tg::training {

struct CandidateRecord
{
    std::string name;
    std::vector<std::string> tasks;
    bool halfSize = false;
    double width = 1.0;
    double costSnt = 1.0;
    CandidateStatus status = CandidateStatus::Queued;
    std::int64_t step = 0;
    std::int64_t bestStep = -1;
    std::vector<double> validationLosses; // per task of the candidate, at bestStep
    std::vector<double> testLosses;       // from the checkpoint of bestStep
    std::vector<double> earlyLosses;      // early-stop: validation at the early check
    std::int64_t divergedStep = -1;
    double wallSeconds = 0.0;
    double computeSeconds = 0.0; // CPU core-seconds, or GPU seconds on CUDA
    std::uint64_t seed = 0;
    std::int64_t parameters = 0;
    std::int64_t multiplyAdds = 0;
    std::string error;
};

struct ExperimentResults
{
    std::string torchVersion;
    std::string qtVersion;
    std::string device;
    std::string strategy;
    std::uint64_t seed = 0;
    int workers = 1;
    int threadsPerWorker = 1;
    // "train", then for early-stop "early-check" and "final"; "complete" once
    // the tables are written.
    std::string phase = "train";
    std::vector<std::string> chosen; // early-stop: networks trained to convergence
    std::vector<std::string> tasks;
    std::vector<CandidateRecord> candidates;
};

std::string resultsToJson(const ExperimentResults& results);
std::optional<ExperimentResults> resultsFromJson(const std::string& text, std::string* error);

// Folder helpers. Every writer replaces its file atomically and returns false
// with a message naming the path on failure.
QString configPath(const QString& folder);
QString resultsPath(const QString& folder);
QString curvePath(const QString& folder, const std::string& candidate);
QString checkpointFolder(const QString& folder, const std::string& candidate);
bool writeTextFile(const QString& path, const std::string& text, QString* error);
bool readTextFile(const QString& path, std::string* text, QString* error);

// Appends loss rows to one candidate's curve. Not thread-safe; each
// candidate's curve is written by one worker at a time.
class CurveWriter
{
public:
    CurveWriter(const QString& path, const std::vector<std::string>& tasks);

    // Drops rows after `step` and a partial last line left by a killed run,
    // then opens the file for appending. Returns false with a message.
    bool openAt(std::int64_t step, QString* error);
    void appendTraining(std::int64_t step, double loss);
    void appendValidation(std::int64_t step, const std::vector<double>& losses, double total);

private:
    QString m_path;
    std::vector<std::string> m_tasks;
    QFile m_file;
};

} // namespace tg::training
