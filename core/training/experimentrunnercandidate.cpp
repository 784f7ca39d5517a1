// The per-candidate part of ExperimentRunnerPrivate: training one candidate
// on a worker thread, recording its results, and progress.

#include "core/training/checkpoint.h"
#include "core/training/experimentrunnerprivate.h"
#include "core/training/experimenttables.h"

#include <QDir>
#include <QLoggingCategory>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcExperiment)

namespace tg::training {

namespace {

constexpr qint64 kProgressIntervalMs = 250;
// Caps the memory of samples that no GUI drains (the command-line tool).
constexpr size_t kMaxBufferedSamples = 1'000'000;

} // namespace

TrainerSettings ExperimentRunnerPrivate::settingsFor(int candidate, int worker) const
{
    const PlannedCandidate& planned = m_plan[candidate];
    TrainerSettings settings;
    for (int task : planned.tasks)
        settings.spec.tasks.push_back(m_dataset->tasks()[task]);
    settings.spec.width = planned.width;
    settings.spec.imageSize = m_config.imageSize;
    settings.targetIndices = planned.tasks;
    settings.schedule = m_config.schedule;
    settings.seed = m_results.candidates[candidate].seed;
    settings.threads = m_threads;
    settings.device = m_cuda ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(worker))
                             : torch::Device(torch::kCPU);
    settings.mixedPrecision = m_cuda;
    if (m_config.debug.nanCandidate == planned.name)
        settings.nanStep = m_config.debug.nanStep;
    settings.checkpointFolder = checkpointFolder(m_folder, planned.name).toStdString();
    return settings;
}

TrainerCallbacks ExperimentRunnerPrivate::callbacksFor(int candidate, CurveWriter* curve)
{
    TrainerCallbacks callbacks;
    callbacks.started = [this, candidate, curve](const TrainerState& state) {
        QString error;
        if (!curve->openAt(state.step, &error))
            postMessage(error);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_liveSteps[candidate] = state.step;
    };
    callbacks.trainingLoss = [this, candidate, curve](std::int64_t step, double loss) {
        curve->appendTraining(step, loss);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_liveSteps[candidate] = step;
        }
        addSample({candidate, step, loss, {}});
        Q_EMIT q->trainingLoss(candidate, step, loss);
        reportProgress(false);
    };
    callbacks.validated = [this, candidate, curve](const ValidationEvent& event,
                                                   const TrainerState& state) {
        curve->appendValidation(event.step, event.losses, event.total);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            CandidateRecord& record = m_results.candidates[candidate];
            record.step = state.step;
            record.bestStep = state.bestStep;
            record.validationLosses = state.bestLosses;
            record.computeSeconds = state.computeSeconds * (m_cuda ? 1 : m_threads);
            saveResultsLocked();
        }
        const QVector<double> perTask(event.losses.begin(), event.losses.end());
        addSample({candidate, event.step, event.total, perTask});
        Q_EMIT q->validationLoss(candidate, event.step, perTask, event.total);
    };
    callbacks.message = [this](const std::string& text) {
        postMessage(QString::fromStdString(text));
    };
    return callbacks;
}

void ExperimentRunnerPrivate::trainCandidate(int candidate, int worker, std::int64_t stopAtStep)
{
    const TrainerSettings settings = settingsFor(candidate, worker);
    const PlannedCandidate& planned = m_plan[candidate];
    QDir().mkpath(QString::fromStdString(settings.checkpointFolder));
    setStatus(candidate, CandidateStatus::Training);

    CurveWriter curve(curvePath(m_folder, planned.name), m_results.candidates[candidate].tasks);
    const TrainerCallbacks callbacks = callbacksFor(candidate, &curve);
    TrainerSettings phaseSettings = settings;
    phaseSettings.stopAtStep = stopAtStep;
    QElapsedTimer wall;
    wall.start();
    const TrainerResult result = trainNetwork(*m_dataset, phaseSettings, callbacks, m_cancel);
    finishCandidate(candidate, settings, result, double(wall.elapsed()) / 1000.0);
}

void ExperimentRunnerPrivate::finishCandidate(int candidate, const TrainerSettings& settings,
                                              const TrainerResult& result, double wallSeconds)
{
    const QString name = QString::fromStdString(m_plan[candidate].name);
    CandidateStatus status = CandidateStatus::Failed;
    std::string error = result.error;
    std::vector<double> testLosses;
    switch (result.outcome) {
    case TrainerOutcome::Finished: {
        const EvaluationResult test =
            evaluateCheckpoint(*m_dataset, settings, result.state.bestStep, Split::Test, m_cancel);
        status = test.ok ? CandidateStatus::Done
                         : (m_cancel ? CandidateStatus::Cancelled : CandidateStatus::Failed);
        error = test.error;
        testLosses = test.losses;
        if (test.ok)
            pruneCheckpoints(settings.checkpointFolder, {result.state.bestStep});
        break;
    }
    case TrainerOutcome::StoppedAtCheck:
        status = CandidateStatus::EarlyDone;
        break;
    case TrainerOutcome::Diverged:
        status = CandidateStatus::Diverged;
        postMessage(QStringLiteral("%1 diverged at step %2: the training loss is not finite")
                        .arg(name)
                        .arg(result.divergedStep));
        break;
    case TrainerOutcome::Cancelled:
        status = CandidateStatus::Cancelled;
        break;
    case TrainerOutcome::Failed:
        postMessage(name + QStringLiteral(" failed: ") + QString::fromStdString(error));
        break;
    }

    {
        std::lock_guard<std::mutex> lock(m_mutex);
        CandidateRecord& record = m_results.candidates[candidate];
        record.step = result.state.step;
        record.bestStep = result.state.bestStep;
        record.validationLosses = result.state.bestLosses;
        if (status == CandidateStatus::EarlyDone)
            record.earlyLosses = result.state.lastLosses;
        if (status == CandidateStatus::Done)
            record.testLosses = testLosses;
        record.divergedStep = result.divergedStep;
        record.wallSeconds += wallSeconds;
        if (result.state.computeSeconds > 0)
            record.computeSeconds = result.state.computeSeconds * (m_cuda ? 1 : m_threads);
        record.error = status == CandidateStatus::Failed ? error : std::string();
        m_liveSteps[candidate] = record.step;
    }
    setStatus(candidate, status);
    reportProgress(false);
}

bool ExperimentRunnerPrivate::chooseAfterEarlyCheck(QString* error)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::string message;
    const auto early = buildCandidateTable(m_results, TableLosses::EarlyCheck, {}, &message);
    const QString path = m_folder + QStringLiteral("/early-stop.csv");
    if (!early) {
        *error = path + QStringLiteral(": ") + QString::fromStdString(message);
        return false;
    }
    if (!writeCandidateTable(*early, path.toStdString(), &message)) {
        *error = QString::fromStdString(message);
        return false;
    }
    m_results.chosen = networksChosenAtBudgets(*early);
    m_results.phase = "final";
    saveResultsLocked();
    return true;
}

void ExperimentRunnerPrivate::setStatus(int candidate, CandidateStatus status)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_results.candidates[candidate].status = status;
        saveResultsLocked();
    }
    Q_EMIT q->candidateStatusChanged(candidate, status);
}

void ExperimentRunnerPrivate::saveResultsLocked()
{
    QString error;
    if (!writeTextFile(resultsPath(m_folder), resultsToJson(m_results), &error))
        postMessage(error);
}

void ExperimentRunnerPrivate::reportProgress(bool force)
{
    double fraction = 0.0;
    double remaining = -1.0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const qint64 now = m_clock.elapsed();
        if (!force && m_lastProgressMs >= 0 && now - m_lastProgressMs < kProgressIntervalMs)
            return;
        m_lastProgressMs = now;
        std::int64_t total = 0;
        std::int64_t done = 0;
        for (int candidate : m_phaseCandidates) {
            const std::int64_t planned = plannedSteps(candidate);
            const CandidateStatus status = m_results.candidates[candidate].status;
            const bool over = status == CandidateStatus::Done ||
                              status == CandidateStatus::Diverged ||
                              (m_phaseStopAtStep > 0 && status == CandidateStatus::EarlyDone);
            total += planned;
            done += over ? planned : std::min(planned, m_liveSteps[candidate]);
        }
        if (m_stepsAtStart < 0) {
            m_stepsAtStart = done;
            m_phaseClock.start();
        }
        fraction = total > 0 ? double(done) / double(total) : 1.0;
        const double seconds = double(m_phaseClock.elapsed()) / 1000.0;
        if (done > m_stepsAtStart && seconds > 1.0)
            remaining = seconds / double(done - m_stepsAtStart) * double(total - done);
    }
    Q_EMIT q->progress(fraction, remaining);
}

void ExperimentRunnerPrivate::postMessage(const QString& text)
{
    // The message signal shows the text to the user (the CLI prints it, the
    // GUI puts it in the status bar), so the log keeps it at debug level
    // rather than printing it a second time.
    qCDebug(lcExperiment).noquote() << text;
    Q_EMIT q->message(text);
}

void ExperimentRunnerPrivate::addSample(LossSample sample)
{
    if (!std::isfinite(sample.loss))
        return;
    std::lock_guard<std::mutex> lock(m_sampleMutex);
    if (m_samples.size() < kMaxBufferedSamples)
        m_samples.push_back(std::move(sample));
}

} // namespace tg::training
