#pragma once

#include "app/gui/tradeoffdata.h"
#include "core/candidatetable.h"
#include "core/experimentconfig.h"
#include "core/training/experimentrunner.h"
#include "core/training/experimentstore.h"

#include <QString>
#include <QVector>
#include <memory>
#include <optional>

namespace tg {

class CurveStore;

// The contents of an experiment folder so far, finished or not.
struct LoadedExperiment
{
    ExperimentConfig config;
    // Null while the run has not written results.json yet.
    std::optional<training::ExperimentResults> results;
    QVector<training::CandidateInfo> candidates;
    QVector<training::CandidateStatus> statuses;
    QVector<qint64> steps;
    // Mean validation loss at the best step; empty while none exists.
    QVector<std::optional<double>> bestLosses;
    // The written table (val.csv, or the higher-order table), else one built
    // from the finished candidates, else null with the reason in
    // `tableProblem`.
    std::shared_ptr<const CandidateTable> table;
    QString tableSource;
    QString tableProblem;
    // Tables of approximate losses written by the run (early-stop.csv).
    std::vector<ApproximationTable> approximations;
    // True when every candidate finished and the tables were written.
    bool complete = false;
    int finishedCount = 0;
};

// Reads config.json, results.json and the candidate table of an experiment
// folder. Returns nullopt with a message naming the file and the problem
// when the folder is no experiment or its files are invalid.
std::optional<LoadedExperiment> loadExperimentFolder(const QString& folder, QString* error);

// Appends the curves in a curves/<name>.csv file to `store`: the training
// loss, and the validation total and per-task losses. Returns false with a
// message naming the file and line on a malformed row; `store` then contains
// nothing from the file.
bool loadCurveFile(const QString& path, const QString& candidate, CurveStore& store,
                   QString* error);

// Loads every candidate's curve file that exists; the first error stops it.
bool loadExperimentCurves(const QString& folder, const LoadedExperiment& experiment,
                          CurveStore& store, QString* error);

} // namespace tg
