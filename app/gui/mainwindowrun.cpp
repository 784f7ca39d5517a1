// Running experiments from the main window: starting, resuming, following
// progress and loss curves, cancelling, and reopening experiment folders.
#include "app/gui/appsettings.h"
#include "app/gui/candidatelistdock.h"
#include "app/gui/experimentloader.h"
#include "app/gui/mainwindow.h"
#include "app/gui/runstatuswidget.h"
#include "app/gui/userprompts.h"
#include "core/higherorder.h"
#include "core/training/experimentrunner.h"
#include "core/training/experimentstore.h"
#include "widgets/losscurvebuffer.h"
#include "widgets/lossplotwidget.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLoggingCategory>
#include <QTabWidget>
#include <QTimer>

namespace tg {

Q_LOGGING_CATEGORY(lcRun, "taskgrouper.app.run")

namespace {

// The loss plot redraws on its own timer; samples are moved from the runner
// into the plot's buffer at the same pace.
constexpr int kSampleIntervalMs = 40;

} // namespace

void MainWindow::createRunner()
{
    using training::ExperimentRunner;
    m_runner = new ExperimentRunner(this);
    m_sampleTimer = new QTimer(this);
    m_sampleTimer->setInterval(kSampleIntervalMs);
    connect(m_sampleTimer, &QTimer::timeout, this, &MainWindow::drainLossSamples);

    connect(m_runner, &ExperimentRunner::candidatesPlanned, this,
            [this](const QVector<training::CandidateInfo>& candidates) {
                m_candidateNames.clear();
                for (const training::CandidateInfo& info : candidates)
                    m_candidateNames << info.name;
                m_candidateDock->setCandidates(candidates);
            });
    connect(m_runner, &ExperimentRunner::candidateStatusChanged, m_candidateDock,
            &CandidateListDock::setStatus);
    connect(m_runner, &ExperimentRunner::stepLimit, m_candidateDock,
            &CandidateListDock::setStepLimit);
    connect(m_runner, &ExperimentRunner::validationLoss, this,
            [this](int candidate, qint64, const QVector<double>&, double total) {
                m_candidateDock->reportValidationLoss(candidate, total);
            });
    connect(m_runner, &ExperimentRunner::progress, this,
            [this](double fraction, double secondsRemaining) {
                m_runStatus->setProgress(fraction, secondsRemaining);
            });
    connect(m_runner, &ExperimentRunner::message, this,
            [this](const QString& text) { m_statusMessage->setText(text); });
    connect(m_runner, &ExperimentRunner::finished, this, &MainWindow::onRunFinished);
}

bool MainWindow::isTraining() const
{
    return m_runner->isRunning();
}

bool MainWindow::launch(const LaunchRequest& request)
{
    if (request.source == LaunchRequest::Source::Table) {
        if (request.config.strategy != Strategy::HigherOrder)
            return openPath(request.tablePath);
        TableReadResult read = readCandidateTable(request.tablePath.toStdString());
        if (!read) {
            m_prompts->showError(this, tr("Cannot Open Candidate Table"),
                                 QString::fromStdString(read.error));
            return false;
        }
        HigherOrderResult completed = predictHigherOrder(*read.table);
        if (!completed) {
            m_prompts->showError(this, tr("Cannot Predict Larger Groups"),
                                 tr("%1\n\nThe higher-order strategy needs every pair network.")
                                     .arg(QString::fromStdString(completed.error)));
            return false;
        }
        m_candidateNames.clear();
        clearCurves();
        m_document->setTable(std::make_shared<const CandidateTable>(std::move(*completed.table)),
                             Document::Kind::Table, request.tablePath);
        m_statusMessage->setText(tr("Predicted %1 networks of three or more tasks from pairs.")
                                     .arg(completed.predicted));
        return true;
    }

    if (!QDir().mkpath(request.outputFolder)) {
        m_prompts->showError(this, tr("Cannot Start Experiment"),
                             tr("The folder %1 cannot be created. Choose a writable location.")
                                 .arg(QDir::toNativeSeparators(request.outputFolder)));
        return false;
    }
    return startRunner(request.config, QDir(request.outputFolder).absolutePath(), false);
}

bool MainWindow::resumeExperiment()
{
    if (m_document->kind() != Document::Kind::Experiment || isTraining() || m_experimentComplete)
        return false;
    const QString folder = m_document->path();
    ExperimentConfigResult config =
        readExperimentConfig(training::configPath(folder).toStdString());
    if (!config) {
        m_prompts->showError(this, tr("Cannot Resume"), QString::fromStdString(config.error));
        return false;
    }
    return startRunner(*config.config, folder, true);
}

bool MainWindow::startRunner(const ExperimentConfig& config, const QString& folder, bool resume)
{
    QString error;
    if (!resume)
        clearCurves();
    m_experimentTasks.clear();
    for (const std::string& task : config.tasks)
        m_experimentTasks << QString::fromStdString(task);
    if (!m_runner->start(config, folder, resume, &error)) {
        m_prompts->showError(this, resume ? tr("Cannot Resume") : tr("Cannot Start Experiment"),
                             error);
        return false;
    }
    qCInfo(lcRun) << (resume ? "Resumed" : "Started") << "experiment in" << folder;
    m_experimentComplete = false;
    m_candidateNames.clear();
    for (const training::CandidateInfo& info : m_runner->candidates())
        m_candidateNames << info.name;
    if (!resume)
        m_document->setTable(nullptr, Document::Kind::Experiment, folder);
    m_settings->addRecentFile(folder);
    m_cancelRequested = false;
    m_runStatus->startRun();
    m_sampleTimer->start();
    m_tabs->setCurrentIndex(TrainingTab);
    m_statusMessage->setText(tr("Training in %1").arg(QDir::toNativeSeparators(folder)));
    updateActionStates();
    return true;
}

void MainWindow::drainLossSamples()
{
    const std::vector<training::LossSample> samples = m_runner->takeSamples();
    for (const training::LossSample& sample : samples) {
        if (sample.candidate < 0 || sample.candidate >= m_candidateNames.size())
            continue;
        const QString& name = m_candidateNames[sample.candidate];
        if (sample.validation.isEmpty()) {
            appendCurvePoint({name, LossSplit::Training, QString()}, sample.step, sample.loss);
            m_candidateDock->setStep(sample.candidate, sample.step);
            continue;
        }
        appendCurvePoint({name, LossSplit::Validation, QString()}, sample.step, sample.loss);
        const QVector<training::CandidateInfo> infos = m_runner->candidates();
        const QStringList& tasks = infos[sample.candidate].tasks;
        for (int t = 0; t < sample.validation.size() && t < tasks.size(); ++t) {
            appendCurvePoint({name, LossSplit::Validation, tasks[t]}, sample.step,
                             sample.validation[t]);
        }
    }
}

void MainWindow::clearCurves()
{
    m_lossPlot->clear();
    m_lossBuffer->takePending();
    m_curves.clear();
}

void MainWindow::appendCurvePoint(const LossCurveId& id, double step, double loss)
{
    m_lossBuffer->append(id, step, loss);
    m_curves.append(id, step, loss);
}

void MainWindow::onRunFinished(bool completed, const QString& message)
{
    m_sampleTimer->stop();
    drainLossSamples();
    m_runStatus->finishRun();
    const QString folder = m_runner->folder();
    qCInfo(lcRun) << "Experiment in" << folder << (completed ? "completed" : "stopped:") << message;

    QString error;
    std::optional<LoadedExperiment> loaded = loadExperimentFolder(folder, &error);
    m_experimentComplete = loaded && loaded->complete;
    if (loaded && loaded->table)
        m_document->setTable(loaded->table, Document::Kind::Experiment, folder,
                             loaded->approximations);
    updateActionStates();

    if (completed) {
        m_statusMessage->setText(
            tr("Training finished; the tables are in %1.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    m_statusMessage->setText(tr("Training stopped: %1").arg(message));
    if (m_cancelRequested)
        return; // the user cancelled; nothing to report
    m_prompts->showError(this, tr("Training Stopped"),
                         tr("%1\n\nFinished candidates and checkpoints are kept in %2. Fix the "
                            "problem, then open the folder and resume.")
                             .arg(message, QDir::toNativeSeparators(folder)));
}

void MainWindow::cancelAndWait()
{
    QElapsedTimer timer;
    timer.start();
    m_cancelRequested = true;
    m_runner->cancel();
    m_runner->wait();
    m_sampleTimer->stop();
    qCInfo(lcRun) << "Training stopped after" << timer.elapsed() << "ms";
}

bool MainWindow::confirmStopTraining()
{
    const QMessageBox::StandardButton answer = m_prompts->ask(
        this, tr("Training Is Running"),
        tr("Stop training and close? Finished candidates and the latest checkpoints are saved; "
           "open the experiment folder later to resume."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    cancelAndWait();
    return true;
}

bool MainWindow::openExperimentFolder(const QString& folder)
{
    QString error;
    std::optional<LoadedExperiment> loaded = loadExperimentFolder(folder, &error);
    if (!loaded) {
        m_prompts->showError(this, tr("Cannot Open Experiment"), error);
        return false;
    }

    clearCurves();
    if (!loadExperimentCurves(folder, *loaded, m_curves, &error))
        m_prompts->showError(this, tr("Cannot Read Loss Curves"), error);
    m_curves.copyTo(*m_lossBuffer);
    m_lossPlot->drainBuffer();

    m_candidateNames.clear();
    m_experimentTasks.clear();
    for (const std::string& task : loaded->config.tasks)
        m_experimentTasks << QString::fromStdString(task);
    for (const training::CandidateInfo& info : loaded->candidates)
        m_candidateNames << info.name;
    m_candidateDock->setCandidates(loaded->candidates);
    m_experimentComplete = loaded->complete;
    for (int i = 0; i < loaded->candidates.size(); ++i) {
        m_candidateDock->setStep(i, loaded->steps[i]);
        m_candidateDock->setStatus(i, loaded->statuses[i]);
        if (loaded->bestLosses[i])
            m_candidateDock->reportValidationLoss(i, *loaded->bestLosses[i]);
    }
    m_document->setTable(loaded->table, Document::Kind::Experiment, folder, loaded->approximations);
    m_statusMessage->setText(loaded->table ? tr("Opened experiment %1.").arg(folder)
                                           : tr("Opened experiment %1. No candidate table yet: %2")
                                                 .arg(folder, loaded->tableProblem));
    if (loaded->complete)
        return true;

    const QMessageBox::StandardButton answer = m_prompts->ask(
        this, tr("Unfinished Experiment"),
        tr("The experiment in %1 has not finished: %2 of %3 candidates are trained. Resume "
           "training now?")
            .arg(QDir::toNativeSeparators(folder))
            .arg(loaded->finishedCount)
            .arg(loaded->candidates.size()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        resumeExperiment();
    return true;
}

} // namespace tg
