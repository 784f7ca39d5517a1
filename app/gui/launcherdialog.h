#pragma once

#include "app/gui/datasetpreparation.h"
#include "core/datasetcatalog.h"
#include "core/experimentconfig.h"
#include "core/training/tasks.h"

#include <QDialog>
#include <QVector>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QDialogButtonBox;
class QTimer;

namespace tg {

// The action the launcher requests from the main window.
struct LaunchRequest
{
    enum class Source
    {
        Scenes,
        Folder,
        Table,
        Handwriting, // the prepared MultiMNIST set in the data folder
        Labels,      // an images folder with a labels CSV or attribute list
    };

    Source source = Source::Scenes;
    ExperimentConfig config;
    // The experiment folder to create (every source but the table).
    QString outputFolder;
    // The candidate table to open (table source). With the higher-order
    // strategy, the table's pair networks are completed with predictions.
    QString tablePath;
};

// The New Experiment dialog. OK stays disabled while a choice is invalid, and
// a line under the form names the problem and how to fix it. The task check
// boxes follow the source: the built-in tasks for scenes and Taskonomy
// folders, the tasks read from the labels file for labelled images and the
// handwriting set. Accepting stores the source and the labelled-images paths
// with QSettings for the next dialog. GUI thread only.
class LauncherDialog : public QDialog
{
    Q_OBJECT

public:
    // Image size for labelled images unless the user changes it, in pixels.
    static constexpr int kLabelsImageSize = 64;

    explicit LauncherDialog(QWidget* parent = nullptr);
    ~LauncherDialog() override;

    LaunchRequest request() const;

    // The first problem with the current choices, or an empty string when
    // the experiment can start.
    QString validationProblem() const;

    // For tests and for preselecting a source from the main window. For the
    // labelled-images source `path` is the images folder.
    void setSource(LaunchRequest::Source source, const QString& path = {});
    // Sets both labelled-images paths and reads the labels file at once.
    void setLabelsFiles(const QString& imagesFolder, const QString& labelsPath);
    void setOutputFolder(const QString& folder);
    void setTasks(const QStringList& shortNames);
    void setStrategy(Strategy strategy);
    void setDevice(DeviceChoice device);
    // Replaces the handwriting preparation that Prepare runs (tests use a
    // job that needs no network).
    void setPreparationJob(DatasetPreparation::Job job);

    // The task check boxes' short names, in order.
    QStringList taskNames() const;

public Q_SLOTS:
    void accept() override;

private:
    QWidget* createSourceGroup();
    QWidget* createTaskGroup();
    QWidget* createTrainingGroup();
    QWidget* createOutputGroup();
    void applyPreset(const QString& name);
    void browseSource();
    void browseImagesFolder();
    void browseLabelsFile();
    void browseOutput();
    LaunchRequest::Source currentSource() const;
    void onSourceChanged();
    void onLabelsPathEdited();
    void updateState();
    void updateSourceRows();
    QStringList checkedTasks() const;
    ExperimentConfig currentConfig() const;
    QString sourceProblem() const;
    QString labelsProblem() const;
    QString taskProblem() const;
    QString outputProblem() const;

    // Task list handling, in launchersources.cpp.
    void refreshTasks();
    void loadLabelsTasks();
    void loadHandwritingTasks();
    void showTasks(const std::vector<training::TaskSpec>& tasks,
                   const std::vector<std::string>& defaults, bool builtin);
    int sourceImageSize() const;
    void startPreparation();
    void finishPreparation(bool completed, const QString& error);
    void restoreChoices();
    void saveChoices() const;

    QComboBox* m_source = nullptr;
    QFormLayout* m_sourceForm = nullptr;
    QLineEdit* m_sourcePath = nullptr;
    QPushButton* m_browseSource = nullptr;
    QWidget* m_sourcePathRow = nullptr;
    QLineEdit* m_imagesFolder = nullptr;
    QWidget* m_imagesFolderRow = nullptr;
    QLineEdit* m_labelsFile = nullptr;
    QWidget* m_labelsFileRow = nullptr;
    QLabel* m_handwritingFolder = nullptr;
    QPushButton* m_prepare = nullptr;
    QWidget* m_handwritingRow = nullptr;
    QTimer* m_labelsTimer = nullptr;

    QGroupBox* m_taskGroup = nullptr;
    QGridLayout* m_taskGrid = nullptr;
    QVector<QCheckBox*> m_tasks;
    // Lists the labels columns that are not offered as tasks, and why; hidden when none.
    QLabel* m_skippedTasksNote = nullptr;
    // True while the check boxes list the built-in tasks.
    bool m_builtinTasksShown = false;
    // The error from reading the source's tasks, or empty after a successful read.
    QString m_tasksProblem;
    // The labels file state the check boxes were read from, so an unchanged
    // file is not parsed again.
    QString m_labelsKey;
    std::vector<training::TaskSpec> m_labelsTasks;
    QStringList m_skippedLabelsProblems;
    std::optional<NamedDataset> m_handwriting;

    QSpinBox* m_imageSize = nullptr;
    QComboBox* m_preset = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QSpinBox* m_maxEpochs = nullptr;
    QSpinBox* m_maxSteps = nullptr;
    QComboBox* m_strategy = nullptr;
    QComboBox* m_device = nullptr;
    QSpinBox* m_workers = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    ExperimentConfig m_presetConfig;

    DatasetPreparation* m_preparation = nullptr;
    DatasetPreparation::Job m_preparationJob;
};

} // namespace tg
