#pragma once

#include "core/candidatetable.h"
#include "core/selection.h"

#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QSplitter;

namespace tg {

class BudgetPanel;
class GroupingGraphWidget;

// The Grouping tab: the budget slider with the chosen solution's losses and
// the baselines on the left, the grouping graph of that solution on the right.
class GroupingView : public QWidget
{
    Q_OBJECT

public:
    explicit GroupingView(QWidget* parent = nullptr);

    // Shows `table` with no solution until setFront() delivers its front.
    void setTable(std::shared_ptr<const CandidateTable> table);
    // `front` must come from paretoFront on the table given to setTable().
    void setFront(const std::vector<Solution>& front);

    BudgetPanel* budgetPanel() const { return m_panel; }
    GroupingGraphWidget* graphWidget() const { return m_graph; }

Q_SIGNALS:
    // The slider's budget in SNT.
    void budgetChanged(double budgetSnt);

private:
    std::shared_ptr<const CandidateTable> m_table;
    BudgetPanel* m_panel;
    GroupingGraphWidget* m_graph;
    QLabel* m_placeholder;
};

} // namespace tg
