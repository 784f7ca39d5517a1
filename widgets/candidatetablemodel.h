#pragma once

#include "core/candidatetable.h"

#include <QAbstractTableModel>
#include <memory>

namespace tg {

// A read-only table model of a CandidateTable: one row per network, columns
// network, cost, origin, then one loss column per task. The display text of
// an unsolved loss is empty. SortRole returns numbers for cost and losses,
// with unsolved losses sorting after every solved one. Rows whose losses
// are predicted or come from early stopping are drawn in italics on a tinted
// background and explain their origin in a tool tip.
class CandidateTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        CostColumn,
        OriginColumn,
        FirstTaskColumn,
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CandidateTableModel(QObject* parent = nullptr);

    // The model shares ownership of the table; nullptr empties the model.
    void setTable(std::shared_ptr<const CandidateTable> table);
    std::shared_ptr<const CandidateTable> table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const Network& network, int column) const;
    QVariant sortData(const Network& network, int column) const;

    std::shared_ptr<const CandidateTable> m_table;
};

} // namespace tg
