#pragma once

#include "core/candidatetable.h"
#include "core/training/experimentrunner.h"

#include <QDockWidget>
#include <QVector>
#include <optional>

class QStandardItemModel;
class QTreeView;

namespace tg {

// A dock that lists every candidate network of the current experiment or
// table: its tasks, width, cost, status, training progress and best
// validation loss. Fed from the GUI thread.
class CandidateListDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TasksColumn,
        WidthColumn,
        CostColumn,
        StatusColumn,
        ProgressColumn,
        BestLossColumn,
        ColumnCount,
    };

    explicit CandidateListDock(QWidget* parent = nullptr);

    // Lists planned candidates, all queued.
    void setCandidates(const QVector<training::CandidateInfo>& candidates);
    // Lists the rows of a finished table: status done (or predicted), and the
    // mean of the row's losses as its best loss.
    void setTable(const CandidateTable& table);
    void clear();

    void setStatus(int candidate, training::CandidateStatus status);
    // Shows the step, and its share of the step limit once one is set.
    void setStep(int candidate, qint64 step);
    // The step at which training stops at the latest; 0 for none known.
    void setStepLimit(qint64 steps) { m_stepLimit = steps; }
    // Keeps the lowest total validation loss seen for the candidate.
    void reportValidationLoss(int candidate, double total);

    int rowCount() const;
    QString text(int row, Column column) const;
    QTreeView* view() const { return m_view; }

private:
    void setCell(int row, Column column, const QString& text, const QVariant& sortValue = {});
    void retranslateHeader();

    QStandardItemModel* m_model;
    QTreeView* m_view;
    QVector<std::optional<double>> m_bestLoss;
    qint64 m_stepLimit = 0;
};

// The translated word for a status, as shown in the list.
QString statusText(training::CandidateStatus status);

} // namespace tg
