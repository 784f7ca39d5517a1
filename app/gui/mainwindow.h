#pragma once

#include "app/gui/curvestore.h"
#include "app/gui/document.h"
#include "app/gui/launcherdialog.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;
class QToolBar;

namespace tg {

namespace training {
class ExperimentRunner;
}

class AffinityView;
class AppSettings;
class CandidateListDock;
class CandidateTableView;
class GroupingView;
class LossCurveBuffer;
struct LossCurveId;
class LossPlotWidget;
class RunStatusWidget;
class TradeoffPlotWidget;
class UserPrompts;

// The actions of the menus and the toolbar, created by MainWindow.
struct MainActions
{
    QAction* newExperiment = nullptr;
    QAction* open = nullptr;
    QAction* openFolder = nullptr;
    QAction* close = nullptr;
    QAction* resume = nullptr;
    QAction* cancelRun = nullptr;
    QAction* exportFigure = nullptr;
    QAction* exportAllFigures = nullptr;
    QAction* exportResults = nullptr;
    QAction* exportTable = nullptr;
    QAction* exportCurves = nullptr;
    QAction* quit = nullptr;
    QAction* copy = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* zoomReset = nullptr;
    QAction* fullScreen = nullptr;
    QAction* about = nullptr;
    QAction* aboutQt = nullptr;
    QMenu* recentMenu = nullptr;
    QMenu* themeMenu = nullptr;
    QMenu* languageMenu = nullptr;
    QToolBar* toolBar = nullptr;
};

// The main window: candidate list dock, the Training, Affinity, Grouping,
// Trade-off and Table tabs, menus, toolbar and the status bar that follows a
// running experiment. Opens candidate tables and experiment folders, starts
// and resumes experiments, and exports figures and results.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab
    {
        TrainingTab,
        AffinityTab,
        GroupingTab,
        TradeoffTab,
        TableTab,
    };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Replaces how errors and questions reach the user; the window owns it.
    void setPrompts(std::unique_ptr<UserPrompts> prompts);
    UserPrompts& prompts() const { return *m_prompts; }

    // Opens a candidate table (.csv, .json) or an experiment folder. On
    // failure the error goes through prompts() and false is returned.
    bool openPath(const QString& path);

    // Starts training as the launcher requested, or opens its table.
    bool launch(const LaunchRequest& request);
    // Resumes the experiment in the open folder.
    bool resumeExperiment();
    bool isTraining() const;
    // Cancels a running experiment and waits until its workers have stopped
    // and saved their state.
    void cancelAndWait();

    // Writes every figure of the current experiment as `format` ("svg",
    // "pdf" or "png") at `size` pixels into `folder`. Returns the written
    // paths, or an empty list with `error` filled.
    QStringList exportAllFigures(const QString& folder, const QStringList& formats, QSize size,
                                 QString* error);

    Document* document() const { return m_document; }
    const MainActions& actions() const { return m_actions; }
    const CurveStore& curves() const { return m_curves; }
    // The About box text: version, Qt, LibTorch, QCustomPlot and the device.
    QString aboutText() const;
    // The figures of the current experiment as (file base name, view) pairs,
    // in the order Export All writes them.
    QList<QPair<QString, QWidget*>> figureViews() const;
    // The figure of the current tab that Export Figure writes, and its file
    // name stem. The widget is null on the table tab, which exports CSV.
    QPair<QString, QWidget*> currentFigure() const;
    QTabWidget* tabs() const { return m_tabs; }
    GroupingView* groupingView() const { return m_groupingView; }
    AffinityView* affinityView() const { return m_affinityView; }
    LossPlotWidget* lossPlot() const { return m_lossPlot; }
    TradeoffPlotWidget* tradeoffPlot() const { return m_tradeoffPlot; }
    CandidateTableView* tableView() const { return m_tableView; }
    CandidateListDock* candidateDock() const { return m_candidateDock; }
    RunStatusWidget* runStatus() const { return m_runStatus; }
    training::ExperimentRunner* runner() const { return m_runner; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void moveEvent(QMoveEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // mainwindow.cpp
    void createCentralTabs();
    void createDocks();
    void restoreLayout();
    void scheduleLayoutSave();
    void saveLayout();
    void showDocument();
    void updateTitle();
    void updateActionStates();
    bool openTableFile(const QString& path);
    bool openExperimentFolder(const QString& folder);

    // mainwindowactions.cpp
    void createActions();
    void createMenus();
    void createToolBar();
    void updateRecentMenu();
    void chooseTheme(int theme);
    void chooseLanguage(const QString& language);
    void zoomCurrentView(double factor);
    void resetZoom();
    void copyFromCurrentView();
    void showAbout();
    void openDialog();
    void openFolderDialog();
    void newExperimentDialog();

    // mainwindowrun.cpp
    void createRunner();
    bool startRunner(const ExperimentConfig& config, const QString& folder, bool resume);
    void drainLossSamples();
    void clearCurves();
    void appendCurvePoint(const LossCurveId& id, double step, double loss);
    void onRunFinished(bool completed, const QString& message);
    bool confirmStopTraining();

    // mainwindowexport.cpp
    void exportCurrentFigure();
    void exportAllFiguresDialog();
    void exportResultsJson();
    void exportTableCsv();
    void exportCurvesCsv();
    QString chooseSavePath(const QString& title, const QString& suggestedName,
                           const QString& filter);

    std::unique_ptr<UserPrompts> m_prompts;
    AppSettings* m_settings;
    Document* m_document;
    MainActions m_actions;
    QTabWidget* m_tabs = nullptr;
    LossPlotWidget* m_lossPlot = nullptr;
    AffinityView* m_affinityView = nullptr;
    GroupingView* m_groupingView = nullptr;
    TradeoffPlotWidget* m_tradeoffPlot = nullptr;
    CandidateTableView* m_tableView = nullptr;
    CandidateListDock* m_candidateDock = nullptr;
    RunStatusWidget* m_runStatus = nullptr;
    QLabel* m_statusMessage = nullptr;
    training::ExperimentRunner* m_runner = nullptr;
    std::shared_ptr<LossCurveBuffer> m_lossBuffer;
    CurveStore m_curves;
    QTimer* m_sampleTimer = nullptr;
    QTimer* m_layoutSaveTimer = nullptr;
    QStringList m_candidateNames;
    QStringList m_experimentTasks;
    bool m_cancelRequested = false;
    // Every candidate of the open experiment finished and its tables were written, so Resume
    // has nothing left to train.
    bool m_experimentComplete = false;
};

} // namespace tg
