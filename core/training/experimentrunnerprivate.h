#pragma once

// Private to core/training: exposes torch types.

#include "core/experimentconfig.h"
#include "core/experimentplan.h"
#include "core/training/dataset.h"
#include "core/training/experimentrunner.h"
#include "core/training/experimentstore.h"
#include "core/training/trainer.h"

#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace tg::training {

// The state of one experiment run, owned by ExperimentRunner, whose `q`
// emits the signals. The coordinator thread runs the phases and joins the
// worker threads. Members shared with workers are atomic or guarded by
// m_mutex.
class ExperimentRunnerPrivate
{
public:
    explicit ExperimentRunnerPrivate(ExperimentRunner* q);
    ~ExperimentRunnerPrivate(); // cancels and joins

    // Checks the configuration and the folder, and loads an earlier run's
    // records when resuming. Runs on the caller's thread and starts nothing.
    bool prepare(const ExperimentConfig& config, const QString& folder, bool resume,
                 QString* error);
    void launch();
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running.load(); }
    void wait();

    QVector<CandidateInfo> candidates() const { return m_infos; }
    QString folder() const { return m_folder; }
    std::vector<LossSample> takeSamples();

private:
    bool createFolder(QString* error);
    bool loadEarlierRun(QString* error);
    void run();
    bool openDataset(QString* error);
    void removeFreshFiles();
    void recordNetworkStats();
    void runPhase(const std::vector<int>& candidates, std::int64_t stopAtStep);
    void workerLoop(int worker, std::deque<int>* queue, std::int64_t stopAtStep);
    void trainCandidate(int candidate, int worker, std::int64_t stopAtStep);
    TrainerSettings settingsFor(int candidate, int worker) const;
    TrainerCallbacks callbacksFor(int candidate, CurveWriter* curve);
    void finishCandidate(int candidate, const TrainerSettings& settings,
                         const TrainerResult& result, double wallSeconds);
    bool chooseAfterEarlyCheck(QString* error);
    std::vector<int> pending(bool includeEarlyDone) const;
    std::int64_t plannedSteps(int candidate) const;

    void setStatus(int candidate, CandidateStatus status);
    void saveResultsLocked();
    void reportProgress(bool force);
    void postMessage(const QString& text);
    void addSample(LossSample sample);

    ExperimentRunner* q;
    ExperimentConfig m_config;
    QString m_folder;
    std::vector<PlannedCandidate> m_plan;
    QVector<CandidateInfo> m_infos;
    std::unique_ptr<Dataset> m_dataset;
    bool m_cuda = false;
    // A fresh run wrote config.json and results.json into m_folder; when
    // m_createdFolder, it also created the folder.
    bool m_freshRun = false;
    bool m_createdFolder = false;
    int m_workers = 1;
    int m_threads = 1;
    std::int64_t m_stepsPerEpoch = 1;
    std::int64_t m_phaseStopAtStep = -1;

    mutable std::mutex m_mutex;
    ExperimentResults m_results;
    std::vector<int> m_phaseCandidates;
    std::vector<std::int64_t> m_liveSteps; // training steps done, per candidate
    std::int64_t m_stepsAtStart = -1;
    QElapsedTimer m_clock;
    QElapsedTimer m_phaseClock;
    qint64 m_lastProgressMs = -1;

    std::mutex m_sampleMutex;
    std::vector<LossSample> m_samples;

    std::atomic_bool m_cancel{false};
    std::atomic_bool m_running{false};
    std::unique_ptr<QThread> m_coordinator;
};

} // namespace tg::training
