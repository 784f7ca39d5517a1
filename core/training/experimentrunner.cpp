#include "core/training/experimentrunner.h"

#include "core/training/experimentrunnerprivate.h"

#include <QDir>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcExperiment, "taskgrouper.training.experiment", QtInfoMsg)

namespace tg::training {

const char* candidateStatusName(CandidateStatus status)
{
    switch (status) {
    case CandidateStatus::Queued:
        return "queued";
    case CandidateStatus::Training:
        return "training";
    case CandidateStatus::Done:
        return "done";
    case CandidateStatus::EarlyDone:
        return "early-done";
    case CandidateStatus::Diverged:
        return "diverged";
    case CandidateStatus::Cancelled:
        return "cancelled";
    case CandidateStatus::Failed:
        return "failed";
    }
    return "queued";
}

ExperimentRunner::ExperimentRunner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<tg::training::CandidateInfo>();
    qRegisterMetaType<tg::training::CandidateStatus>();
    qRegisterMetaType<QVector<tg::training::CandidateInfo>>();
}

ExperimentRunner::~ExperimentRunner()
{
    cancel();
    wait();
}

bool ExperimentRunner::start(const ExperimentConfig& config, const QString& folder, bool resume,
                             QString* error)
{
    QString message;
    if (isRunning()) {
        message = QStringLiteral("an experiment is already running in ") + d->folder();
    } else {
        auto experiment = std::make_unique<ExperimentRunnerPrivate>(this);
        if (experiment->prepare(config, folder, resume, &message)) {
            d = std::move(experiment);
            d->launch();
            return true;
        }
    }
    // The caller receives the message and shows it, so it is not logged as a
    // warning too.
    qCDebug(lcExperiment).noquote() << message;
    if (error != nullptr)
        *error = message;
    return false;
}

void ExperimentRunner::cancel()
{
    if (d)
        d->cancel();
}

bool ExperimentRunner::isRunning() const
{
    return d && d->isRunning();
}

void ExperimentRunner::wait()
{
    if (d)
        d->wait();
}

QVector<CandidateInfo> ExperimentRunner::candidates() const
{
    return d ? d->candidates() : QVector<CandidateInfo>();
}

QString ExperimentRunner::folder() const
{
    return d ? d->folder() : QString();
}

std::vector<LossSample> ExperimentRunner::takeSamples()
{
    return d ? d->takeSamples() : std::vector<LossSample>();
}

} // namespace tg::training
