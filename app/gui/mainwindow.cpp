#include "app/gui/mainwindow.h"

#include "app/gui/affinityview.h"
#include "app/gui/appsettings.h"
#include "app/gui/candidatelistdock.h"
#include "app/gui/groupingview.h"
#include "app/gui/runstatuswidget.h"
#include "app/gui/userprompts.h"
#include "core/training/experimentrunner.h"
#include "widgets/candidatetableview.h"
#include "widgets/losscurvebuffer.h"
#include "widgets/lossplotwidget.h"
#include "widgets/tradeoffplotwidget.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace tg {

namespace {

// Window moves and resizes arrive in bursts; the layout is written once the
// burst is over.
constexpr int kLayoutSaveDelayMs = 500;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_prompts(std::make_unique<MessageBoxPrompts>()),
      m_settings(new AppSettings(this)), m_document(new Document(this)),
      m_lossBuffer(std::make_shared<LossCurveBuffer>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    resize(1280, 820);

    createCentralTabs();
    createDocks();
    createActions();
    createMenus();
    createToolBar();
    createRunner();

    m_statusMessage = new QLabel(this);
    statusBar()->addWidget(m_statusMessage, 1);
    m_runStatus = new RunStatusWidget(this);
    statusBar()->addPermanentWidget(m_runStatus);
    connect(m_runStatus, &RunStatusWidget::cancelRequested, this, [this] {
        m_cancelRequested = true;
        m_runner->cancel();
    });

    m_layoutSaveTimer = new QTimer(this);
    m_layoutSaveTimer->setSingleShot(true);
    m_layoutSaveTimer->setInterval(kLayoutSaveDelayMs);
    connect(m_layoutSaveTimer, &QTimer::timeout, this, &MainWindow::saveLayout);

    connect(m_document, &Document::tableChanged, this, &MainWindow::showDocument);
    connect(m_document, &Document::frontChanged, this,
            [this] { m_groupingView->setFront(m_document->front()); });
    connect(m_document, &Document::tradeoffChanged, this,
            [this] { m_tradeoffPlot->setSeries(m_document->tradeoffSeries()); });
    connect(m_settings, &AppSettings::recentFilesChanged, this, &MainWindow::updateRecentMenu);

    restoreLayout();
    updateRecentMenu();
    updateTitle();
    updateActionStates();
    m_statusMessage->setText(tr("Open a candidate table or an experiment folder, or start a new "
                                "experiment."));
}

MainWindow::~MainWindow()
{
    // The runner's destructor cancels and joins its workers; stopping them
    // here first keeps their queued signals away from half-destroyed views.
    if (m_runner->isRunning())
        cancelAndWait();
}

void MainWindow::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void MainWindow::createCentralTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_lossPlot = new LossPlotWidget(m_tabs);
    m_lossPlot->setBuffer(m_lossBuffer);
    m_affinityView = new AffinityView(m_tabs);
    m_groupingView = new GroupingView(m_tabs);
    m_tradeoffPlot = new TradeoffPlotWidget(m_tabs);
    m_tableView = new CandidateTableView(m_tabs);

    m_tabs->addTab(m_lossPlot, tr("Training"));
    m_tabs->addTab(m_affinityView, tr("Affinity"));
    m_tabs->addTab(m_groupingView, tr("Grouping"));
    m_tabs->addTab(m_tradeoffPlot, tr("Trade-off"));
    m_tabs->addTab(m_tableView, tr("Table"));
    m_tabs->setTabToolTip(TrainingTab, tr("Live training and validation loss curves"));
    m_tabs->setTabToolTip(AffinityTab, tr("How much each task gains from sharing a network"));
    m_tabs->setTabToolTip(GroupingTab, tr("The best networks for a budget, drawn as a graph"));
    m_tabs->setTabToolTip(TradeoffTab, tr("Total loss against budget"));
    m_tabs->setTabToolTip(TableTab, tr("Every candidate network with its losses"));
    setCentralWidget(m_tabs);

    connect(m_groupingView, &GroupingView::budgetChanged, this,
            [this](double budgetSnt) { m_tradeoffPlot->setBudgetMarker(budgetSnt); });
}

void MainWindow::createDocks()
{
    m_candidateDock = new CandidateListDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_candidateDock);
    // Wide enough for every column at the default window size; a stored
    // layout replaces it.
    resizeDocks({m_candidateDock}, {460}, Qt::Horizontal);
    connect(m_candidateDock, &QDockWidget::dockLocationChanged, this,
            &MainWindow::scheduleLayoutSave);
    connect(m_candidateDock, &QDockWidget::visibilityChanged, this,
            &MainWindow::scheduleLayoutSave);
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings->windowState();
    if (!state.isEmpty())
        restoreState(state);
}

void MainWindow::scheduleLayoutSave()
{
    if (m_layoutSaveTimer)
        m_layoutSaveTimer->start();
}

void MainWindow::saveLayout()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
}

void MainWindow::moveEvent(QMoveEvent* event)
{
    QMainWindow::moveEvent(event);
    scheduleLayoutSave();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    scheduleLayoutSave();
}

bool MainWindow::openPath(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        m_prompts->showError(this, tr("Cannot Open"),
                             tr("%1 does not exist. Check the path, or remove it from the recent "
                                "files.")
                                 .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (isTraining()) {
        m_prompts->showError(this, tr("Cannot Open"),
                             tr("An experiment is training. Cancel it before opening %1.")
                                 .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    const bool opened = info.isDir() ? openExperimentFolder(info.absoluteFilePath())
                                     : openTableFile(info.absoluteFilePath());
    if (opened) {
        m_settings->addRecentFile(info.absoluteFilePath());
        m_settings->setLastDirectory(info.absolutePath());
    }
    return opened;
}

bool MainWindow::openTableFile(const QString& path)
{
    TableReadResult result = readCandidateTable(path.toStdString());
    if (!result) {
        m_prompts->showError(
            this, tr("Cannot Open Candidate Table"),
            tr("%1\n\nFix the file and open it again.").arg(QString::fromStdString(result.error)));
        return false;
    }
    clearCurves();
    m_candidateNames.clear();
    auto table = std::make_shared<const CandidateTable>(std::move(*result.table));
    m_document->setTable(table, Document::Kind::Table, path);
    m_statusMessage->setText(tr("Opened %1: %2 networks, %3 tasks.")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(table->networks.size())
                                 .arg(table->tasks.size()));
    return true;
}

void MainWindow::showDocument()
{
    const std::shared_ptr<const CandidateTable> table = m_document->table();
    m_tableView->setTable(table);
    m_affinityView->setTable(table);
    m_groupingView->setTable(table);
    m_tradeoffPlot->setSeries({});
    if (table && m_candidateNames.isEmpty())
        m_candidateDock->setTable(*table);
    if (!table && m_candidateNames.isEmpty())
        m_candidateDock->clear();
    if (table && m_tabs->currentIndex() == TrainingTab &&
        m_document->kind() == Document::Kind::Table)
        m_tabs->setCurrentIndex(GroupingTab);
    updateTitle();
    updateActionStates();
}

void MainWindow::updateTitle()
{
    setWindowFilePath(m_document->path());
    setWindowTitle(m_document->kind() == Document::Kind::Empty
                       ? QStringLiteral("TaskGrouper")
                       : tr("%1 – TaskGrouper").arg(m_document->displayName()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (isTraining() && !confirmStopTraining()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    // Opening may show a dialog; leave the drop handler first so the source
    // application is not blocked meanwhile.
    const QString path = urls.first().toLocalFile();
    QTimer::singleShot(0, this, [this, path] { openPath(path); });
}

} // namespace tg
