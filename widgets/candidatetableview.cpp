#include "widgets/candidatetableview.h"

#include "core/csvreader.h"
#include "widgets/candidatetablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <limits>
#include <map>

namespace tg {

CandidateTableView::CandidateTableView(QWidget* parent) : QTableView(parent)
{
    m_model = new CandidateTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CandidateTableModel::SortRole);
    setModel(m_proxy);

    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionsMovable(true);
}

void CandidateTableView::setTable(std::shared_ptr<const CandidateTable> table)
{
    m_model->setTable(std::move(table));
    resizeColumnsToContents();
}

QString CandidateTableView::selectionText() const
{
    const QModelIndexList indexes = selectionModel()->selectedIndexes();
    if (indexes.isEmpty())
        return {};

    // Place cells by their visual position, so moved columns and sorting copy
    // as the user sees them.
    std::map<int, std::map<int, QString>> cells;
    for (const QModelIndex& index : indexes) {
        const int row = verticalHeader()->visualIndex(index.row());
        const int column = horizontalHeader()->visualIndex(index.column());
        cells[row][column] = index.data(Qt::DisplayRole).toString();
    }
    int firstColumn = std::numeric_limits<int>::max();
    int lastColumn = -1;
    for (const auto& row : cells) {
        firstColumn = std::min(firstColumn, row.second.begin()->first);
        lastColumn = std::max(lastColumn, row.second.rbegin()->first);
    }

    QString text;
    for (const auto& row : cells) {
        QStringList fields;
        for (int column = firstColumn; column <= lastColumn; ++column) {
            const auto cell = row.second.find(column);
            fields.append(cell == row.second.end() ? QString() : cell->second);
        }
        text += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}

QString CandidateTableView::toCsv() const
{
    const int columns = m_proxy->columnCount();
    QString text;
    QStringList fields;
    for (int column = 0; column < columns; ++column) {
        const int logical = horizontalHeader()->logicalIndex(column);
        fields.append(QString::fromStdString(
            quoteCsvField(m_proxy->headerData(logical, Qt::Horizontal).toString().toStdString())));
    }
    text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');

    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < columns; ++column) {
            const int logical = horizontalHeader()->logicalIndex(column);
            const QString value = m_proxy->index(row, logical).data().toString();
            fields.append(QString::fromStdString(quoteCsvField(value.toStdString())));
        }
        text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text;
}

bool CandidateTableView::exportCsv(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toCsv().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void CandidateTableView::copySelection()
{
    const QString text = selectionText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void CandidateTableView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace tg
