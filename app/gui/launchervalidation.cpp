// Checks of the New Experiment dialog: each returns the first problem it
// finds as a sentence that names the value and the fix, or an empty string.
#include "app/gui/launcherdialog.h"
#include "core/training/deviceinfo.h"
#include "core/training/tasks.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QTimer>

namespace tg {

namespace {

// Exhaustive and early-stop plans grow as 2^k + k - 1 networks (1,033 for 10
// tasks), so past this count the dialog points to the higher-order strategy.
constexpr int kMaxExhaustiveTasks = 10;

} // namespace

QString LauncherDialog::validationProblem() const
{
    for (const QString& problem : {sourceProblem(), taskProblem(), outputProblem()}) {
        if (!problem.isEmpty())
            return problem;
    }
    if (m_source->currentData().toInt() == int(LaunchRequest::Source::Table))
        return {};

    const ExperimentConfig config = currentConfig();
    if (config.device == DeviceChoice::Cuda && !training::deviceInfo().cudaAvailable) {
        return tr("CUDA is not available here (%1). Choose Automatic or CPU.")
            .arg(QString::fromStdString(training::deviceInfo().description));
    }

    // The core's parser performs the range checks of every field, so a round
    // trip through it reports the configuration errors the runner rejects.
    const ExperimentConfigResult parsed =
        parseExperimentConfig(toExperimentConfigJson(config), "settings");
    if (!parsed)
        return QString::fromStdString(parsed.error);
    return {};
}

QString LauncherDialog::sourceProblem() const
{
    const LaunchRequest::Source source = currentSource();
    const QString path = m_sourcePath->text().trimmed();
    if (source == LaunchRequest::Source::Scenes)
        return {};
    if (source == LaunchRequest::Source::Labels)
        return labelsProblem();
    if (source == LaunchRequest::Source::Handwriting) {
        if (m_preparation && m_preparation->isRunning())
            return tr("The handwriting set is being prepared.");
        return m_tasksProblem;
    }

    if (source == LaunchRequest::Source::Table) {
        if (path.isEmpty())
            return tr("Choose a candidate table file (CSV or JSON).");
        if (!QFileInfo(path).isFile())
            return tr("The candidate table %1 does not exist. Choose an existing file.").arg(path);
        return {};
    }

    if (path.isEmpty())
        return tr("Choose the dataset folder in the Taskonomy layout.");
    const QDir folder(path);
    if (!folder.exists())
        return tr("The dataset folder %1 does not exist.").arg(path);
    if (!folder.exists(QStringLiteral("rgb")))
        return tr("The dataset folder %1 has no rgb subfolder with the input images.").arg(path);
    for (const QString& name : checkedTasks()) {
        const std::optional<training::TaskSpec> task =
            training::findBuiltinTask(name.toStdString());
        if (task && !folder.exists(QString::fromStdString(task->folder))) {
            return tr("The dataset folder %1 has no %2 subfolder for the task %3. Add the labels "
                      "or clear the task.")
                .arg(path, QString::fromStdString(task->folder),
                     QString::fromStdString(task->title));
        }
    }
    return {};
}

QString LauncherDialog::labelsProblem() const
{
    const QString folder = m_imagesFolder->text().trimmed();
    const QString labels = m_labelsFile->text().trimmed();
    if (folder.isEmpty())
        return tr("Choose the folder with the input images.");
    if (!QFileInfo(folder).isDir())
        return tr("The images folder %1 does not exist.").arg(folder);
    if (labels.isEmpty())
        return tr("Choose the labels file (a CSV file or a CelebA-style attribute list).");
    if (!QFileInfo(labels).isFile())
        return tr("The labels file %1 does not exist. Choose an existing file.").arg(labels);
    if (m_labelsTimer->isActive())
        return tr("Reading the labels file…");
    return m_tasksProblem;
}

QString LauncherDialog::taskProblem() const
{
    if (m_source->currentData().toInt() == int(LaunchRequest::Source::Table))
        return {};
    const int count = checkedTasks().size();
    if (count == 0)
        return tr("Select at least one task.");
    const auto strategy = Strategy(m_strategy->currentData().toInt());
    if (strategy == Strategy::HigherOrder && count < 2)
        return tr("The higher-order strategy predicts groups from pairs: select at least two "
                  "tasks.");
    if (strategy != Strategy::HigherOrder && count > kMaxExhaustiveTasks) {
        return tr("%1 tasks need %2 candidate networks. Select at most %3 tasks or use the "
                  "higher-order strategy.")
            .arg(count)
            .arg((qint64(1) << count) - 1 + count)
            .arg(kMaxExhaustiveTasks);
    }
    return {};
}

QString LauncherDialog::outputProblem() const
{
    if (m_source->currentData().toInt() == int(LaunchRequest::Source::Table))
        return {};
    const QString path = m_output->text().trimmed();
    if (path.isEmpty())
        return tr("Choose a folder for the experiment's results.");
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return tr("%1 is a file. Choose a folder for the experiment.").arg(path);
    if (info.isDir() && !QDir(path).isEmpty()) {
        return tr("The folder %1 is not empty. Choose a new or empty folder, or open the folder "
                  "to see or resume an earlier experiment.")
            .arg(path);
    }
    return {};
}

} // namespace tg
