// The New Experiment dialog's data sources: the task check boxes of each
// source, the labelled-images and handwriting sets, the handwriting
// preparation, and the choices kept between dialogs.
#include "app/gui/launcherdialog.h"
#include "core/training/labelstasks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <algorithm>

namespace tg {

namespace {

const QString kSourceKey = QStringLiteral("launcher/source");
const QString kSourcePathKey = QStringLiteral("launcher/sourcePath");
const QString kImagesFolderKey = QStringLiteral("launcher/imagesFolder");
const QString kLabelsFileKey = QStringLiteral("launcher/labelsFile");

// A newly read labels file gets its first tasks checked, as many as the
// default scene experiment has, so Start works without more clicks.
constexpr int kDefaultLabelsTaskCount = 5;

// Past this many tasks the check boxes use four columns instead of two, so
// CelebA's 40 attributes fit in ten rows.
constexpr int kMaxTwoColumnTasks = 12;

// Progress bar steps for a fraction from 0 to 1.
constexpr int kProgressSteps = 1000;

struct SourceKey
{
    LaunchRequest::Source source;
    const char* key;
};

constexpr SourceKey kSourceKeys[] = {
    {LaunchRequest::Source::Scenes, "scenes"}, {LaunchRequest::Source::Handwriting, "handwriting"},
    {LaunchRequest::Source::Labels, "labels"}, {LaunchRequest::Source::Folder, "folder"},
    {LaunchRequest::Source::Table, "table"},
};

QString taskLabel(const training::TaskSpec& task)
{
    const QString name = QString::fromStdString(task.name);
    if (task.title.empty() || task.title == task.name)
        return name;
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(task.title), name);
}

QString taskKindText(const training::TaskSpec& task)
{
    switch (task.kind) {
    case training::TaskKind::ImageClasses:
        return LauncherDialog::tr("Per-image classification into %1 classes").arg(task.channels);
    case training::TaskKind::ImageValues:
        return task.channels == 1
                   ? LauncherDialog::tr("Per-image regression of one value")
                   : LauncherDialog::tr("Per-image regression of %1 values").arg(task.channels);
    case training::TaskKind::PixelClasses:
        return LauncherDialog::tr("Per-pixel classification into %1 classes").arg(task.channels);
    case training::TaskKind::PixelValues:
        return task.channels == 1
                   ? LauncherDialog::tr("Per-pixel regression of one channel")
                   : LauncherDialog::tr("Per-pixel regression of %1 channels").arg(task.channels);
    }
    return {};
}

// Identifies one state of the labels file, so an unchanged file is not read
// again when the user switches sources or edits another field.
QString labelsFileKey(const QString& imagesFolder, const QString& labelsPath)
{
    const QFileInfo info(labelsPath);
    return QStringList{QFileInfo(imagesFolder).absoluteFilePath(), info.absoluteFilePath(),
                       info.lastModified().toString(Qt::ISODateWithMs),
                       QString::number(info.size())}
        .join(QLatin1Char('\n'));
}

} // namespace

void LauncherDialog::refreshTasks()
{
    m_labelsTimer->stop();
    m_skippedTasksNote->clear();
    m_skippedTasksNote->setVisible(false);
    switch (currentSource()) {
    case LaunchRequest::Source::Labels:
        loadLabelsTasks();
        return;
    case LaunchRequest::Source::Handwriting:
        loadHandwritingTasks();
        return;
    case LaunchRequest::Source::Scenes:
    case LaunchRequest::Source::Folder:
    case LaunchRequest::Source::Table:
        m_tasksProblem.clear();
        showTasks(training::builtinTasks(), training::defaultTaskNames(), true);
        return;
    }
}

void LauncherDialog::loadLabelsTasks()
{
    const QString folder = m_imagesFolder->text().trimmed();
    const QString labels = m_labelsFile->text().trimmed();
    // labelsProblem() reports missing paths. Reading starts once both exist,
    // so half-typed paths cost nothing.
    if (!QFileInfo(folder).isDir() || !QFileInfo(labels).isFile()) {
        m_tasksProblem.clear();
        m_labelsKey.clear();
        m_labelsTasks.clear();
        showTasks({}, {}, false);
        return;
    }

    const QString key = labelsFileKey(folder, labels);
    if (key != m_labelsKey || !m_tasksProblem.isEmpty()) {
        std::string error;
        std::vector<training::SkippedLabelsTask> skipped;
        std::optional<std::vector<training::TaskSpec>> tasks = training::readLabelsTasks(
            folder.toStdString(), labels.toStdString(), &error, &skipped);
        if (!tasks) {
            m_tasksProblem = QString::fromStdString(error);
            m_labelsKey.clear();
            m_labelsTasks.clear();
            showTasks({}, {}, false);
            return;
        }
        m_tasksProblem.clear();
        m_labelsKey = key;
        m_labelsTasks = std::move(*tasks);
        m_skippedLabelsProblems.clear();
        for (const training::SkippedLabelsTask& column : skipped)
            m_skippedLabelsProblems << QString::fromStdString(column.problem);
    }
    if (!m_skippedLabelsProblems.isEmpty()) {
        m_skippedTasksNote->setText(tr("Not offered as tasks:\n%1")
                                        .arg(m_skippedLabelsProblems.join(QLatin1Char('\n'))));
        m_skippedTasksNote->setVisible(true);
    }

    std::vector<std::string> defaults;
    for (const training::TaskSpec& task : m_labelsTasks) {
        if (int(defaults.size()) < kDefaultLabelsTaskCount)
            defaults.push_back(task.name);
    }
    showTasks(m_labelsTasks, defaults, false);
}

void LauncherDialog::loadHandwritingTasks()
{
    m_handwritingFolder->setText(QDir::toNativeSeparators(QString::fromStdString(datasetRoot())));
    std::string error;
    m_handwriting = findNamedDataset("multimnist", &error);
    if (!m_handwriting) {
        m_tasksProblem = tr("The handwriting set is not prepared yet: %1. Click Prepare to "
                            "download and build it here.")
                             .arg(QString::fromStdString(error));
        showTasks({}, {}, false);
        return;
    }

    const std::optional<std::vector<training::TaskSpec>> tasks =
        training::readLabelsTasks(m_handwriting->config.path, m_handwriting->config.labels, &error);
    if (!tasks) {
        m_tasksProblem =
            tr("The handwriting set in %1 cannot be read (%2). Delete the folder and "
               "prepare the set again.")
                .arg(QFileInfo(QString::fromStdString(m_handwriting->config.path)).absolutePath(),
                     QString::fromStdString(error));
        showTasks({}, {}, false);
        return;
    }
    m_tasksProblem.clear();
    showTasks(*tasks, m_handwriting->defaultTasks, false);
}

void LauncherDialog::showTasks(const std::vector<training::TaskSpec>& tasks,
                               const std::vector<std::string>& defaults, bool builtin)
{
    QStringList names;
    for (const training::TaskSpec& task : tasks)
        names << QString::fromStdString(task.name);
    // The same list again keeps the user's ticks.
    if (builtin == m_builtinTasksShown && names == taskNames() && !m_tasks.isEmpty())
        return;

    qDeleteAll(m_tasks);
    m_tasks.clear();
    m_builtinTasksShown = builtin;
    const int columns = int(tasks.size()) > kMaxTwoColumnTasks ? 4 : 2;
    int index = 0;
    for (const training::TaskSpec& task : tasks) {
        auto* box = new QCheckBox(taskLabel(task), m_taskGroup);
        box->setProperty("taskName", QString::fromStdString(task.name));
        if (builtin) {
            box->setToolTip(tr("Folder name in the Taskonomy layout: %1")
                                .arg(QString::fromStdString(task.folder)));
        } else {
            box->setToolTip(taskKindText(task));
        }
        box->setChecked(std::find(defaults.begin(), defaults.end(), task.name) != defaults.end());
        connect(box, &QCheckBox::toggled, this, &LauncherDialog::updateState);
        m_taskGrid->addWidget(box, index / columns, index % columns);
        m_tasks << box;
        ++index;
    }
}

int LauncherDialog::sourceImageSize() const
{
    switch (currentSource()) {
    case LaunchRequest::Source::Labels:
        return kLabelsImageSize;
    case LaunchRequest::Source::Handwriting:
        if (m_handwriting)
            return m_handwriting->imageSize;
        break;
    case LaunchRequest::Source::Scenes:
    case LaunchRequest::Source::Folder:
    case LaunchRequest::Source::Table:
        break;
    }
    return m_presetConfig.imageSize;
}

void LauncherDialog::startPreparation()
{
    if (!m_preparation) {
        m_preparation = new DatasetPreparation(this);
        connect(m_preparation, &DatasetPreparation::finished, this,
                &LauncherDialog::finishPreparation);
    }
    if (!m_preparation->start(m_preparationJob))
        return;

    auto* progress = new QProgressDialog(tr("Preparing the handwriting set…"), tr("Cancel"), 0,
                                         kProgressSteps, this);
    progress->setObjectName(QStringLiteral("preparationProgress"));
    progress->setWindowTitle(tr("Prepare Handwriting Set"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_preparation, &DatasetPreparation::progressChanged, progress,
            [progress](double fraction, const QString& message) {
                progress->setValue(int(fraction * kProgressSteps));
                if (!message.isEmpty())
                    progress->setLabelText(message);
            });
    connect(progress, &QProgressDialog::canceled, m_preparation, &DatasetPreparation::cancel);
    connect(m_preparation, &DatasetPreparation::finished, progress, &QWidget::close);
    progress->show();
    updateState();
}

void LauncherDialog::finishPreparation(bool completed, const QString& error)
{
    refreshTasks();
    if (currentSource() == LaunchRequest::Source::Handwriting) {
        if (!completed) {
            m_tasksProblem =
                tr("Preparing the handwriting set stopped (%1). Click Prepare to try again.")
                    .arg(error);
        }
        m_imageSize->setValue(sourceImageSize());
    }
    updateState();
}

void LauncherDialog::restoreChoices()
{
    const QSettings settings;
    m_sourcePath->setText(settings.value(kSourcePathKey).toString());
    m_imagesFolder->setText(settings.value(kImagesFolderKey).toString());
    m_labelsFile->setText(settings.value(kLabelsFileKey).toString());
    const QString key = settings.value(kSourceKey).toString();
    for (const SourceKey& entry : kSourceKeys) {
        if (key == QLatin1String(entry.key))
            m_source->setCurrentIndex(m_source->findData(int(entry.source)));
    }
    // A restored path without a source change still needs its tasks read.
    refreshTasks();
}

void LauncherDialog::saveChoices() const
{
    QSettings settings;
    for (const SourceKey& entry : kSourceKeys) {
        if (entry.source == currentSource())
            settings.setValue(kSourceKey, QLatin1String(entry.key));
    }
    settings.setValue(kSourcePathKey, m_sourcePath->text().trimmed());
    settings.setValue(kImagesFolderKey, m_imagesFolder->text().trimmed());
    settings.setValue(kLabelsFileKey, m_labelsFile->text().trimmed());
}

} // namespace tg
