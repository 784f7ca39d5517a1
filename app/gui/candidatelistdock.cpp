#include "app/gui/candidatelistdock.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTreeView>
#include <algorithm>
#include <cmath>

namespace tg {

namespace {

constexpr int kSortRole = Qt::UserRole + 1;

QStringList tasksSolvedBy(const CandidateTable& table, const Network& network)
{
    QStringList tasks;
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        if (network.solves(t))
            tasks << QString::fromStdString(table.tasks[t]);
    }
    return tasks;
}

double meanLoss(const Network& network)
{
    double sum = 0.0;
    int count = 0;
    for (double loss : network.losses) {
        if (loss != kNotSolved) {
            sum += loss;
            ++count;
        }
    }
    return count > 0 ? sum / count : 0.0;
}

} // namespace

QString statusText(training::CandidateStatus status)
{
    using training::CandidateStatus;
    switch (status) {
    case CandidateStatus::Queued:
        return CandidateListDock::tr("queued");
    case CandidateStatus::Training:
        return CandidateListDock::tr("training");
    case CandidateStatus::Done:
        return CandidateListDock::tr("done");
    case CandidateStatus::EarlyDone:
        return CandidateListDock::tr("stopped early");
    case CandidateStatus::Diverged:
        return CandidateListDock::tr("diverged");
    case CandidateStatus::Cancelled:
        return CandidateListDock::tr("cancelled");
    case CandidateStatus::Failed:
        return CandidateListDock::tr("failed");
    }
    return {};
}

CandidateListDock::CandidateListDock(QWidget* parent)
    : QDockWidget(tr("Candidates"), parent), m_model(new QStandardItemModel(0, ColumnCount, this)),
      m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("candidateListDock"));
    m_model->setSortRole(kSortRole);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    // Plan order first; enabling sorting alone sorts the first column
    // descending.
    m_view->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setToolTip(tr("Every candidate network of the experiment, with its training state"));
    setWidget(m_view);
    retranslateHeader();
}

void CandidateListDock::retranslateHeader()
{
    m_model->setHorizontalHeaderLabels({tr("Network"), tr("Tasks"), tr("Width"), tr("Cost (SNT)"),
                                        tr("Status"), tr("Progress"), tr("Best loss")});
}

void CandidateListDock::clear()
{
    m_model->removeRows(0, m_model->rowCount());
    m_bestLoss.clear();
    m_stepLimit = 0;
}

void CandidateListDock::setCandidates(const QVector<training::CandidateInfo>& candidates)
{
    clear();
    m_view->setSortingEnabled(false);
    m_model->setRowCount(candidates.size());
    m_bestLoss.resize(candidates.size());
    for (int row = 0; row < candidates.size(); ++row) {
        const training::CandidateInfo& info = candidates[row];
        setCell(row, NameColumn, info.name, row);
        setCell(row, TasksColumn, info.tasks.join(QStringLiteral(", ")));
        setCell(row, WidthColumn, QString::number(info.width), info.width);
        setCell(row, CostColumn, QString::number(info.costSnt), info.costSnt);
        setCell(row, ProgressColumn, QString(), 0);
        setCell(row, BestLossColumn, QString(), std::numeric_limits<double>::infinity());
        setStatus(row, training::CandidateStatus::Queued);
    }
    m_view->setSortingEnabled(true);
}

void CandidateListDock::setTable(const CandidateTable& table)
{
    clear();
    m_view->setSortingEnabled(false);
    const int rows = static_cast<int>(table.networks.size());
    m_model->setRowCount(rows);
    m_bestLoss.resize(rows);
    for (int row = 0; row < rows; ++row) {
        const Network& network = table.networks[row];
        const double cost = costToSnt(network.cost);
        setCell(row, NameColumn, QString::fromStdString(network.name), row);
        setCell(row, TasksColumn, tasksSolvedBy(table, network).join(QStringLiteral(", ")));
        setCell(row, WidthColumn, QStringLiteral("–"), 0.0);
        setCell(row, CostColumn, QString::fromStdString(formatCost(network.cost)), cost);
        const QString status = network.origin == Origin::Predicted   ? tr("predicted")
                               : network.origin == Origin::EarlyStop ? tr("stopped early")
                                                                     : tr("done");
        setCell(row, StatusColumn, status);
        setCell(row, ProgressColumn, QString(), 0);
        m_bestLoss[row] = meanLoss(network);
        setCell(row, BestLossColumn, QString::number(*m_bestLoss[row], 'g', 5), *m_bestLoss[row]);
    }
    m_view->setSortingEnabled(true);
}

void CandidateListDock::setStatus(int candidate, training::CandidateStatus status)
{
    if (candidate < 0 || candidate >= m_model->rowCount())
        return;
    setCell(candidate, StatusColumn, statusText(status), static_cast<int>(status));
    if (status == training::CandidateStatus::Done)
        setCell(candidate, ProgressColumn, tr("finished"), std::numeric_limits<qint64>::max());
}

void CandidateListDock::setStep(int candidate, qint64 step)
{
    if (candidate < 0 || candidate >= m_model->rowCount())
        return;
    if (m_stepLimit <= 0) {
        setCell(candidate, ProgressColumn, tr("step %1").arg(step), step);
        return;
    }
    // Early stopping can end a candidate before the limit, so the share is
    // an upper bound on the work left, not a forecast.
    const qint64 percent = std::min<qint64>(100, step * 100 / m_stepLimit);
    setCell(candidate, ProgressColumn,
            tr("step %1 of %2 (%3%)").arg(step).arg(m_stepLimit).arg(percent), step);
}

void CandidateListDock::reportValidationLoss(int candidate, double total)
{
    if (candidate < 0 || candidate >= m_bestLoss.size() || !std::isfinite(total))
        return;
    std::optional<double>& best = m_bestLoss[candidate];
    if (best && *best <= total)
        return;
    best = total;
    setCell(candidate, BestLossColumn, QString::number(total, 'g', 5), total);
}

int CandidateListDock::rowCount() const
{
    return m_model->rowCount();
}

QString CandidateListDock::text(int row, Column column) const
{
    // Rows are addressed by candidate index, which sorting does not change:
    // the name column stores the index as its sort value.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->item(r, NameColumn)->data(kSortRole).toInt() == row)
            return m_model->item(r, column)->text();
    }
    return {};
}

void CandidateListDock::setCell(int row, Column column, const QString& text,
                                const QVariant& sortValue)
{
    // Sorting moves rows, so the candidate index is looked up through the
    // name column rather than used as a row number.
    int modelRow = row;
    if (QStandardItem* name = m_model->item(row, NameColumn);
        name && name->data(kSortRole).toInt() != row) {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->item(r, NameColumn)->data(kSortRole).toInt() == row)
                modelRow = r;
        }
    }
    QStandardItem* item = m_model->item(modelRow, column);
    if (!item) {
        item = new QStandardItem;
        m_model->setItem(modelRow, column, item);
    }
    item->setText(text);
    item->setData(sortValue.isValid() ? sortValue : QVariant(text), kSortRole);
    if (column != NameColumn && column != TasksColumn && column != StatusColumn)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace tg
