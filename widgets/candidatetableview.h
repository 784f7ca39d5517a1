#pragma once

#include "core/candidatetable.h"

#include <QTableView>
#include <memory>

class QSortFilterProxyModel;

namespace tg {

class CandidateTableModel;

// A sortable view of a candidate table. Ctrl+C (QKeySequence::Copy) copies the
// selected cells as tab-separated text, one line per row, in the order shown.
class CandidateTableView : public QTableView
{
    Q_OBJECT

public:
    explicit CandidateTableView(QWidget* parent = nullptr);

    void setTable(std::shared_ptr<const CandidateTable> table);

    CandidateTableModel* sourceModel() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }

    // The selected cells as tab-separated text: the bounding rows and columns
    // of the selection in view order, cells outside the selection left empty.
    QString selectionText() const;

    // The whole table in the current sort order as CSV with a header line,
    // unsolved losses empty.
    QString toCsv() const;

    // Writes toCsv() atomically. Returns false and fills `error` with the path
    // and the reason on failure.
    bool exportCsv(const QString& path, QString* error) const;

public Q_SLOTS:
    void copySelection();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    CandidateTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace tg
