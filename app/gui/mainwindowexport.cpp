// Exports from the main window: figures as SVG, PDF or PNG, results as JSON,
// the candidate table and the loss curves as CSV.
#include "app/gui/affinityview.h"
#include "app/gui/appsettings.h"
#include "app/gui/figureexportdialog.h"
#include "app/gui/groupingview.h"
#include "app/gui/mainwindow.h"
#include "app/gui/resultsexport.h"
#include "app/gui/userprompts.h"
#include "widgets/affinityheatmapwidget.h"
#include "widgets/budgetpanel.h"
#include "widgets/candidatetableview.h"
#include "widgets/figureexport.h"
#include "widgets/groupinggraphwidget.h"
#include "widgets/lossplotwidget.h"
#include "widgets/tradeoffplotwidget.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>

namespace tg {

namespace {

QString baseName(const Document& document)
{
    const QString name = QFileInfo(document.path()).completeBaseName();
    return name.isEmpty() ? QStringLiteral("taskgrouper") : name;
}

} // namespace

QList<QPair<QString, QWidget*>> MainWindow::figureViews() const
{
    QList<QPair<QString, QWidget*>> views;
    if (m_document->table()) {
        views << qMakePair(QStringLiteral("grouping-graph"),
                           static_cast<QWidget*>(m_groupingView->graphWidget()));
        views << qMakePair(QStringLiteral("relative-performance"),
                           static_cast<QWidget*>(m_affinityView->relativeHeatmap()));
        views << qMakePair(QStringLiteral("affinity"),
                           static_cast<QWidget*>(m_affinityView->affinityHeatmap()));
        views << qMakePair(QStringLiteral("tradeoff"), static_cast<QWidget*>(m_tradeoffPlot));
    }
    if (m_lossPlot->curveCount() > 0)
        views << qMakePair(QStringLiteral("loss-curves"), static_cast<QWidget*>(m_lossPlot));
    return views;
}

QStringList MainWindow::exportAllFigures(const QString& folder, const QStringList& formats,
                                         QSize size, QString* error)
{
    if (!QDir().mkpath(folder)) {
        *error = tr("The folder %1 cannot be created. Choose a writable location.")
                     .arg(QDir::toNativeSeparators(folder));
        return {};
    }
    QStringList written;
    for (const auto& [name, view] : figureViews()) {
        for (const QString& format : formats) {
            const QString path = QDir(folder).filePath(name + QLatin1Char('.') + format);
            if (!exportView(view, path, size, error, name))
                return {};
            written << path;
        }
    }
    if (written.isEmpty())
        *error = tr("There is no figure to export. Open a table or an experiment first.");
    return written;
}

QString MainWindow::chooseSavePath(const QString& title, const QString& suggestedName,
                                   const QString& filter)
{
    QString directory = m_settings->lastDirectory();
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        m_prompts->saveFileName(this, title, QDir(directory).filePath(suggestedName), filter);
    if (!path.isEmpty())
        m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    return path;
}

QPair<QString, QWidget*> MainWindow::currentFigure() const
{
    switch (m_tabs->currentIndex()) {
    case TrainingTab:
        return {QStringLiteral("loss-curves"), m_lossPlot};
    case AffinityTab:
        if (m_affinityView->currentHeatmap() == m_affinityView->affinityHeatmap())
            return {QStringLiteral("affinity"), m_affinityView->affinityHeatmap()};
        return {QStringLiteral("relative-performance"), m_affinityView->relativeHeatmap()};
    case GroupingTab:
        return {QStringLiteral("grouping-graph"), m_groupingView->graphWidget()};
    case TradeoffTab:
        return {QStringLiteral("tradeoff"), m_tradeoffPlot};
    default:
        return {QString(), nullptr};
    }
}

void MainWindow::exportCurrentFigure()
{
    const auto [name, view] = currentFigure();
    if (!view) {
        exportTableCsv();
        return;
    }
    QString directory = m_settings->lastDirectory();
    FigureExportDialog dialog(FigureExportDialog::Mode::SingleFigure,
                              QDir(directory).filePath(baseName(*m_document) + QLatin1Char('-') +
                                                       name + QStringLiteral(".svg")),
                              this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!exportView(view, dialog.path(), dialog.figureSize(), &error, name)) {
        m_prompts->showError(this, tr("Export Failed"), error);
        return;
    }
    m_settings->setLastDirectory(QFileInfo(dialog.path()).absolutePath());
    m_statusMessage->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(dialog.path())));
}

void MainWindow::exportAllFiguresDialog()
{
    const QString suggested = QDir(m_settings->lastDirectory())
                                  .filePath(baseName(*m_document) + QStringLiteral("-figures"));
    FigureExportDialog dialog(FigureExportDialog::Mode::AllFigures, suggested, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const QStringList written =
        exportAllFigures(dialog.path(), dialog.formats(), dialog.figureSize(), &error);
    if (written.isEmpty()) {
        m_prompts->showError(this, tr("Export Failed"), error);
        return;
    }
    m_statusMessage->setText(tr("Wrote %1 files to %2.")
                                 .arg(written.size())
                                 .arg(QDir::toNativeSeparators(dialog.path())));
}

void MainWindow::exportResultsJson()
{
    const std::shared_ptr<const CandidateTable> table = m_document->table();
    if (!table)
        return;
    const QString path = chooseSavePath(tr("Export Results"),
                                        baseName(*m_document) + QStringLiteral("-results.json"),
                                        tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    const BudgetPanel* panel = m_groupingView->budgetPanel();
    ResultsSnapshot snapshot;
    snapshot.source = m_document->path();
    snapshot.table = table.get();
    snapshot.budget = panel->budget();
    snapshot.selection = panel->solution();
    snapshot.front = &m_document->front();
    snapshot.baselines = panel->cachedBaselines(panel->budget());
    snapshot.affinity = &m_affinityView->matrices();
    QString error;
    if (!writeJsonFile(resultsToJson(snapshot), path, &error)) {
        m_prompts->showError(this, tr("Export Failed"), error);
        return;
    }
    m_statusMessage->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportTableCsv()
{
    if (!m_document->table())
        return;
    const QString path =
        chooseSavePath(tr("Export Table"), baseName(*m_document) + QStringLiteral("-table.csv"),
                       tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    // The candidate table format, not the view's translated headers, so the
    // file opens again here and in the command-line tool.
    std::string error;
    if (!writeCandidateTable(*m_document->table(), path.toStdString(), &error)) {
        m_prompts->showError(this, tr("Export Failed"), QString::fromStdString(error));
        return;
    }
    m_statusMessage->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportCurvesCsv()
{
    if (m_curves.isEmpty()) {
        m_prompts->showInformation(this, tr("Export Curves"),
                                   tr("There are no loss curves yet. Start or open an "
                                      "experiment first."));
        return;
    }
    const QString path =
        chooseSavePath(tr("Export Curves"), baseName(*m_document) + QStringLiteral("-curves.csv"),
                       tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeTextFileAtomically(m_curves.toCsv(), path, &error)) {
        m_prompts->showError(this, tr("Export Failed"), error);
        return;
    }
    m_statusMessage->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace tg
