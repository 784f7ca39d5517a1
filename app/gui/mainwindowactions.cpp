// The main window's actions, menus, toolbar, theme and language choices,
// and the About box.
#include "app/gui/appsettings.h"
#include "app/gui/appsetup.h"
#include "app/gui/candidatelistdock.h"
#include "app/gui/groupingview.h"
#include "app/gui/launcherdialog.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "app/gui/userprompts.h"
#include "core/training/deviceinfo.h"
#include "core/training/experimentrunner.h"
#include "widgets/candidatetableview.h"
#include "widgets/lossplotwidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QTabWidget>
#include <QToolBar>
#include <qcustomplot.h>

namespace tg {

namespace {

QAction* makeAction(QObject* parent, const QString& text, const QKeySequence& shortcut,
                    const QString& toolTip, const QString& iconName = {})
{
    auto* action = new QAction(text, parent);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    if (!iconName.isEmpty())
        action->setIcon(QIcon::fromTheme(iconName));
    return action;
}

} // namespace

void MainWindow::createActions()
{
    MainActions& a = m_actions;
    a.newExperiment = makeAction(this, tr("&New Experiment…"), QKeySequence::New,
                                 tr("Choose tasks and data, then train the candidate networks"),
                                 QStringLiteral("document-new"));
    a.open =
        makeAction(this, tr("&Open…"), QKeySequence::Open,
                   tr("Open a candidate table (CSV or JSON)"), QStringLiteral("document-open"));
    a.openFolder = makeAction(
        this, tr("Open &Experiment Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Open an experiment folder to see or resume it"), QStringLiteral("folder-open"));
    a.close =
        makeAction(this, tr("&Close"), QKeySequence::Close,
                   tr("Close the open table or experiment"), QStringLiteral("document-close"));
    a.resume = makeAction(this, tr("&Resume Training"), QKeySequence(Qt::CTRL | Qt::Key_R),
                          tr("Continue the unfinished experiment from its checkpoints"),
                          QStringLiteral("media-playback-start"));
    a.cancelRun = makeAction(this, tr("C&ancel Training"), QKeySequence(Qt::Key_Escape),
                             tr("Stop training; finished candidates and checkpoints are kept"),
                             QStringLiteral("process-stop"));
    a.exportFigure = makeAction(this, tr("Export &Figure…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                tr("Save the figure of the current tab as SVG, PDF or PNG"),
                                QStringLiteral("document-export"));
    a.exportAllFigures =
        makeAction(this, tr("Export &All Figures…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                   tr("Save every figure of the experiment into a folder"));
    a.exportResults =
        makeAction(this, tr("Export &Results as JSON…"), QKeySequence::Save,
                   tr("Save the selection at the current budget, the Pareto front and the "
                      "baselines as JSON"),
                   QStringLiteral("document-save"));
    a.exportTable =
        makeAction(this, tr("Export &Table as CSV…"), {}, tr("Save the candidate table as CSV"));
    a.exportCurves =
        makeAction(this, tr("Export &Curves as CSV…"), {}, tr("Save the loss curves as CSV"));
    a.quit = makeAction(this, tr("&Quit"), QKeySequence::Quit, tr("Quit TaskGrouper"),
                        QStringLiteral("application-exit"));
    a.quit->setMenuRole(QAction::QuitRole);
    a.copy = makeAction(this, tr("&Copy"), QKeySequence::Copy, tr("Copy the selected table cells"),
                        QStringLiteral("edit-copy"));
    a.zoomIn = makeAction(this, tr("Zoom &In"), QKeySequence::ZoomIn, tr("Zoom into the plot"),
                          QStringLiteral("zoom-in"));
    a.zoomOut = makeAction(this, tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Zoom out of the plot"),
                           QStringLiteral("zoom-out"));
    a.zoomReset = makeAction(this, tr("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0),
                             tr("Show all data of the plot"), QStringLiteral("zoom-original"));
    a.fullScreen =
        makeAction(this, tr("&Full Screen"), QKeySequence::FullScreen,
                   tr("Show the window on the whole screen"), QStringLiteral("view-fullscreen"));
    a.fullScreen->setCheckable(true);
    a.about =
        makeAction(this, tr("&About TaskGrouper"), {},
                   tr("Version, libraries and the compute device"), QStringLiteral("help-about"));
    a.about->setMenuRole(QAction::AboutRole);
    a.aboutQt = makeAction(this, tr("About &Qt"), {}, tr("The Qt version in use"));
    a.aboutQt->setMenuRole(QAction::AboutQtRole);

    connect(a.newExperiment, &QAction::triggered, this, &MainWindow::newExperimentDialog);
    connect(a.open, &QAction::triggered, this, &MainWindow::openDialog);
    connect(a.openFolder, &QAction::triggered, this, &MainWindow::openFolderDialog);
    connect(a.close, &QAction::triggered, this, [this] {
        if (!isTraining())
            m_document->clear();
    });
    connect(a.resume, &QAction::triggered, this, &MainWindow::resumeExperiment);
    connect(a.cancelRun, &QAction::triggered, this, [this] {
        if (isTraining()) {
            m_cancelRequested = true;
            m_runner->cancel();
        }
    });
    connect(a.exportFigure, &QAction::triggered, this, &MainWindow::exportCurrentFigure);
    connect(a.exportAllFigures, &QAction::triggered, this, &MainWindow::exportAllFiguresDialog);
    connect(a.exportResults, &QAction::triggered, this, &MainWindow::exportResultsJson);
    connect(a.exportTable, &QAction::triggered, this, &MainWindow::exportTableCsv);
    connect(a.exportCurves, &QAction::triggered, this, &MainWindow::exportCurvesCsv);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.copy, &QAction::triggered, this, &MainWindow::copyFromCurrentView);
    connect(a.zoomIn, &QAction::triggered, this, [this] { zoomCurrentView(1.25); });
    connect(a.zoomOut, &QAction::triggered, this, [this] { zoomCurrentView(0.8); });
    connect(a.zoomReset, &QAction::triggered, this, &MainWindow::resetZoom);
    connect(a.fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    MainActions& a = m_actions;
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(a.newExperiment);
    file->addAction(a.open);
    file->addAction(a.openFolder);
    a.recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(a.resume);
    file->addAction(a.cancelRun);
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("E&xport"));
    exports->addAction(a.exportFigure);
    exports->addAction(a.exportAllFigures);
    exports->addSeparator();
    exports->addAction(a.exportResults);
    exports->addAction(a.exportTable);
    exports->addAction(a.exportCurves);
    file->addSeparator();
    file->addAction(a.close);
    file->addAction(a.quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(a.copy);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(a.zoomIn);
    view->addAction(a.zoomOut);
    view->addAction(a.zoomReset);
    view->addSeparator();
    view->addAction(m_candidateDock->toggleViewAction());
    view->addAction(a.fullScreen);
    view->addSeparator();
    a.themeMenu = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const std::pair<Theme, QString> themeChoices[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto& [theme, text] : themeChoices) {
        QAction* action = a.themeMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_settings->theme() == theme);
        action->setActionGroup(themes);
        const int value = int(theme);
        connect(action, &QAction::triggered, this, [this, value] { chooseTheme(value); });
    }
    a.languageMenu = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    QStringList choices{QString()};
    choices << availableLanguages();
    for (const QString& language : choices) {
        const QString text =
            language.isEmpty() ? tr("System Language") : QLocale(language).nativeLanguageName();
        QAction* action = a.languageMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_settings->language() == language);
        action->setActionGroup(languages);
        connect(action, &QAction::triggered, this, [this, language] { chooseLanguage(language); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(a.about);
    help->addAction(a.aboutQt);
}

void MainWindow::createToolBar()
{
    MainActions& a = m_actions;
    a.toolBar = addToolBar(tr("Main Toolbar"));
    a.toolBar->setObjectName(QStringLiteral("mainToolBar"));
    a.toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    a.toolBar->addAction(a.newExperiment);
    a.toolBar->addAction(a.open);
    a.toolBar->addAction(a.openFolder);
    a.toolBar->addSeparator();
    a.toolBar->addAction(a.resume);
    a.toolBar->addAction(a.cancelRun);
    a.toolBar->addSeparator();
    a.toolBar->addAction(a.exportFigure);
    a.toolBar->addAction(a.exportAllFigures);
}

void MainWindow::updateActionStates()
{
    const bool training = isTraining();
    const bool hasTable = m_document->table() != nullptr;
    const bool experiment = m_document->kind() == Document::Kind::Experiment;
    m_actions.newExperiment->setEnabled(!training);
    m_actions.open->setEnabled(!training);
    m_actions.openFolder->setEnabled(!training);
    m_actions.recentMenu->setEnabled(!training);
    m_actions.close->setEnabled(!training && m_document->kind() != Document::Kind::Empty);
    m_actions.resume->setEnabled(!training && experiment && !m_experimentComplete);
    m_actions.cancelRun->setEnabled(training);
    m_actions.exportFigure->setEnabled(hasTable || experiment);
    m_actions.exportAllFigures->setEnabled(hasTable || experiment);
    m_actions.exportResults->setEnabled(hasTable);
    m_actions.exportTable->setEnabled(hasTable);
    m_actions.exportCurves->setEnabled(m_lossPlot->curveCount() > 0 || training || experiment);
}

void MainWindow::updateRecentMenu()
{
    QMenu* menu = m_actions.recentMenu;
    menu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        QAction* action =
            menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    if (!files.isEmpty()) {
        menu->addSeparator();
        connect(menu->addAction(tr("&Clear List")), &QAction::triggered, m_settings,
                &AppSettings::clearRecentFiles);
    }
    menu->setEnabled(!files.isEmpty() && !isTraining());
}

void MainWindow::chooseTheme(int theme)
{
    m_settings->setTheme(Theme(theme));
    applyTheme(*qApp, Theme(theme));
}

void MainWindow::chooseLanguage(const QString& language)
{
    m_settings->setLanguage(language);
    m_prompts->showInformation(this, tr("Language"),
                               tr("The language changes when TaskGrouper starts next time."));
}

void MainWindow::zoomCurrentView(double factor)
{
    // Plots zoom about the centre of their axes; other views scale the font.
    const QList<QCustomPlot*> plots = m_tabs->currentWidget()->findChildren<QCustomPlot*>();
    for (QCustomPlot* plot : plots) {
        for (QCPAxis* axis : plot->axisRect()->axes(QCPAxis::atBottom | QCPAxis::atLeft))
            axis->scaleRange(1.0 / factor);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (plots.isEmpty()) {
        QWidget* view = m_tabs->currentWidget();
        QFont font = view->font();
        font.setPointSizeF(std::clamp(font.pointSizeF() * factor, 6.0, 48.0));
        view->setFont(font);
    }
}

void MainWindow::resetZoom()
{
    const QList<QCustomPlot*> plots = m_tabs->currentWidget()->findChildren<QCustomPlot*>();
    for (QCustomPlot* plot : plots) {
        plot->rescaleAxes();
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (plots.isEmpty())
        m_tabs->currentWidget()->setFont(QFont());
}

void MainWindow::copyFromCurrentView()
{
    if (m_tabs->currentWidget() == m_tableView)
        m_tableView->copySelection();
}

void MainWindow::openDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Candidate Table"), m_settings->lastDirectory(),
                                     tr("Candidate tables (*.csv *.json);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::openFolderDialog()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Experiment Folder"),
                                                           m_settings->lastDirectory());
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::newExperimentDialog()
{
    LauncherDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        launch(dialog.request());
}

QString MainWindow::aboutText() const
{
    const training::DeviceInfo device = training::deviceInfo();
    return tr("<h3>TaskGrouper %1</h3>"
              "<p>Trains candidate multi-task networks and chooses which tasks share a network "
              "under an inference-time budget.</p>"
              "<table>"
              "<tr><td>Qt</td><td>%2 (built with %3)</td></tr>"
              "<tr><td>LibTorch</td><td>%4</td></tr>"
              "<tr><td>QCustomPlot</td><td>%5</td></tr>"
              "<tr><td>Device</td><td>%6</td></tr>"
              "</table>")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), QString::fromStdString(device.torchVersion),
             QStringLiteral(QCUSTOMPLOT_VERSION_STR), QString::fromStdString(device.description));
}

void MainWindow::showAbout()
{
    QMessageBox box(QMessageBox::Information, tr("About TaskGrouper"), aboutText(), QMessageBox::Ok,
                    this);
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.exec();
}

} // namespace tg
