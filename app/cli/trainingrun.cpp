#include "app/cli/trainingrun.h"

#include "app/cli/commands.h"
#include "core/training/experimentrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <atomic>
#include <csignal>

namespace tg::cli {

namespace {

std::atomic_bool interrupted{false};

extern "C" void onInterrupt(int)
{
    interrupted = true;
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("estimating");
    const qint64 total = qRound64(seconds);
    if (total >= 3600)
        return QStringLiteral("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60);
    if (total >= 60)
        return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60);
    return QStringLiteral("%1 s").arg(total);
}

// Formats per-task losses as "s 1.113, d 0.4257".
QString formatLosses(const QStringList& tasks, const QVector<double>& losses)
{
    QStringList parts;
    for (int t = 0; t < losses.size(); ++t)
        parts.append(tasks.value(t) + QLatin1Char(' ') + QString::number(losses[t], 'g', 4));
    return parts.join(QStringLiteral(", "));
}

} // namespace

int runExperiment(const ExperimentConfig& config, const QString& folder, bool resume,
                  QString* message, RunOutput output)
{
    using training::CandidateStatus;
    training::ExperimentRunner runner;
    QTextStream out(stdout);
    QTextStream err(stderr);
    QEventLoop loop;
    bool completed = false;
    QElapsedTimer sincePrint;
    double printedFraction = -1.0;
    bool stoppedByUser = false;

    QObject::connect(&runner, &training::ExperimentRunner::candidatesPlanned, &loop,
                     [&](const QVector<training::CandidateInfo>& candidates) {
                         out << "Training " << candidates.size() << " candidate networks in "
                             << runner.folder() << '\n';
                         out.flush();
                     });
    QObject::connect(&runner, &training::ExperimentRunner::candidateStatusChanged, &loop,
                     [&](int candidate, CandidateStatus status) {
                         if (status == CandidateStatus::Queued)
                             return;
                         out << runner.candidates().value(candidate).name << ": "
                             << training::candidateStatusName(status) << '\n';
                         out.flush();
                     });
    if (output == RunOutput::EveryValidation) {
        QObject::connect(&runner, &training::ExperimentRunner::validationLoss, &loop,
                         [&](int candidate, qint64 step, const QVector<double>& perTask, double) {
                             const training::CandidateInfo info =
                                 runner.candidates().value(candidate);
                             out << "  " << info.name << " step " << step << ": validation loss "
                                 << formatLosses(info.tasks, perTask) << '\n';
                             out.flush();
                         });
    }
    QObject::connect(&runner, &training::ExperimentRunner::progress, &loop,
                     [&](double fraction, double remaining) {
                         // One line every 5 seconds, and one when a phase ends.
                         const bool phaseEnd = fraction >= 1.0;
                         if (phaseEnd ? printedFraction >= 1.0
                                      : sincePrint.isValid() && sincePrint.elapsed() < 5000)
                             return;
                         sincePrint.start();
                         printedFraction = fraction;
                         out << QStringLiteral("[%1%]").arg(qRound(fraction * 100), 3);
                         if (!phaseEnd)
                             out << ' ' << formatDuration(remaining) << " left";
                         out << '\n';
                         out.flush();
                     });
    QObject::connect(&runner, &training::ExperimentRunner::message, &loop,
                     [&](const QString& text) {
                         err << text << '\n';
                         err.flush();
                     });
    QObject::connect(&runner, &training::ExperimentRunner::finished, &loop,
                     [&](bool ok, const QString& text) {
                         completed = ok;
                         *message = text;
                         loop.quit();
                     });

    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&] {
        if (interrupted.exchange(false)) {
            stoppedByUser = true;
            err << "Interrupted: saving checkpoints and stopping\n";
            err.flush();
            runner.cancel();
        }
    });
    interrupted = false;
    const auto previous = std::signal(SIGINT, onInterrupt);
    interruptPoll.start(100);

    QString error;
    if (!runner.start(config, folder, resume, &error)) {
        std::signal(SIGINT, previous);
        *message = error;
        return kExitInvalidInput;
    }
    loop.exec();
    runner.wait();
    std::signal(SIGINT, previous);
    if (completed)
        return kExitOk;
    return stoppedByUser ? kExitInterrupted : kExitInvalidInput;
}

} // namespace tg::cli
