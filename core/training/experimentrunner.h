#pragma once

#include "core/experimentconfig.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <vector>

namespace tg::training {

enum class CandidateStatus
{
    Queued,
    Training,
    Done,      // trained to convergence (or to its step or epoch cap)
    EarlyDone, // early-stop strategy: stopped at the early check, not chosen
    Diverged,  // the training loss became NaN or infinite
    Cancelled,
    Failed, // an error other than divergence; see the finished() message
};

// "queued", "training", "done", "early-done", "diverged", "cancelled", "failed".
const char* candidateStatusName(CandidateStatus status);

struct CandidateInfo
{
    int index = 0;
    QString name;         // table name, for example "sd" or "s-half"
    QStringList tasks;    // task short names, in the experiment's task order
    double width = 1.0;   // encoder width multiplier
    double costSnt = 1.0; // nominal cost in SNT
    bool halfSize = false;
};

// One point for live plots. Training samples have `validation` empty;
// validation samples have one loss per task of the candidate (in its task
// order) and `loss` is their mean. NaN and infinite losses are not buffered.
struct LossSample
{
    int candidate = 0;
    qint64 step = 0;
    double loss = 0.0;
    QVector<double> validation;
};

class ExperimentRunnerPrivate;

// Runs one experiment: plans the candidates, trains them on worker threads,
// writes the experiment folder and, at the end, the candidate tables. See
// experimentstore.h for the folder layout.
//
// Threading: construct, start, cancel and destroy from one thread (the GUI or
// main thread). Signals are emitted from worker threads; with the default
// connection type they arrive queued in the receiver's thread. Destroying a
// running runner cancels it and joins every worker before returning.
class ExperimentRunner : public QObject
{
    Q_OBJECT

public:
    explicit ExperimentRunner(QObject* parent = nullptr);
    ~ExperimentRunner() override;

    // Starts the experiment in `folder` and returns at once. With `resume`,
    // the folder must hold an earlier run of the same configuration: finished
    // candidates are kept and running ones restart from their last valid
    // checkpoint. Without it, the folder must be empty or absent. Returns
    // false with a message in `error` (when not null) for an invalid
    // configuration or folder, or when already running. Errors found later
    // (an unreadable dataset, for example) arrive through finished().
    bool start(const ExperimentConfig& config, const QString& folder, bool resume, QString* error);

    // Asks every worker to stop; each stops within about one training batch,
    // saves a checkpoint, and finished(false, ...) follows. Thread-safe.
    void cancel();
    bool isRunning() const;
    // Blocks until the experiment has finished; returns at once when idle.
    void wait();

    // Candidates of the current or last run, in plan order. Empty before
    // candidatesPlanned().
    QVector<CandidateInfo> candidates() const;
    QString folder() const;

    // Moves the loss samples recorded since the last call into the result.
    // Thread-safe; meant for a GUI timer that replots once per tick.
    std::vector<LossSample> takeSamples();

Q_SIGNALS:
    void candidatesPlanned(const QVector<tg::training::CandidateInfo>& candidates);
    void candidateStatusChanged(int candidate, tg::training::CandidateStatus status);
    void trainingLoss(int candidate, qint64 step, double loss);
    // `perTask` has one validation loss per task of the candidate; `total` is
    // their mean, the value that selects the best checkpoint.
    void validationLoss(int candidate, qint64 step, const QVector<double>& perTask, double total);
    // Fraction of the planned training steps done, in [0, 1], and an
    // estimate of the seconds left (negative until one can be made).
    void progress(double fraction, double secondsRemaining);
    // The step at which the candidates now training stop at the latest: the
    // schedule's step and epoch caps, or the early check of the early-stop
    // strategy. Sent when a training phase starts.
    void stepLimit(qint64 steps);
    // Notes for a log view: a candidate diverged, a corrupted checkpoint was
    // skipped, a table was written.
    void message(const QString& text);
    // `completed` is true when every candidate finished (done or diverged)
    // and the tables were written; false on cancel or error, with the reason.
    void finished(bool completed, const QString& message);

private:
    std::unique_ptr<ExperimentRunnerPrivate> d;
};

} // namespace tg::training

Q_DECLARE_METATYPE(tg::training::CandidateInfo)
Q_DECLARE_METATYPE(tg::training::CandidateStatus)
