#pragma once

#include "core/experimentconfig.h"

#include <QDialog>
#include <QVector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QDialogButtonBox;

namespace tg {

// The action the launcher requests from the main window.
struct LaunchRequest
{
    enum class Source
    {
        Scenes,
        Folder,
        Table,
    };

    Source source = Source::Scenes;
    ExperimentConfig config;
    // The experiment folder to create (scenes and folder sources).
    QString outputFolder;
    // The candidate table to open (table source). With the higher-order
    // strategy, the table's pair networks are completed with predictions.
    QString tablePath;
};

// The New Experiment dialog. OK stays disabled while a choice is invalid, and
// a line under the form names the problem and how to fix it.
class LauncherDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LauncherDialog(QWidget* parent = nullptr);

    LaunchRequest request() const;

    // The first problem with the current choices, or an empty string when
    // the experiment can start.
    QString validationProblem() const;

    // For tests and for preselecting a source from the main window.
    void setSource(LaunchRequest::Source source, const QString& path = {});
    void setOutputFolder(const QString& folder);
    void setTasks(const QStringList& shortNames);
    void setStrategy(Strategy strategy);
    void setDevice(DeviceChoice device);

private:
    QWidget* createSourceGroup();
    QWidget* createTaskGroup();
    QWidget* createTrainingGroup();
    QWidget* createOutputGroup();
    void applyPreset(const QString& name);
    void browseSource();
    void browseOutput();
    void updateState();
    QStringList checkedTasks() const;
    ExperimentConfig currentConfig() const;
    QString sourceProblem() const;
    QString taskProblem() const;
    QString outputProblem() const;

    QComboBox* m_source = nullptr;
    QLineEdit* m_sourcePath = nullptr;
    QPushButton* m_browseSource = nullptr;
    QVector<QCheckBox*> m_tasks;
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
};

} // namespace tg
