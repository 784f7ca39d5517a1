#include "app/gui/groupingview.h"

#include "widgets/budgetpanel.h"
#include "widgets/groupinggraphwidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedLayout>

namespace tg {

GroupingView::GroupingView(QWidget* parent)
    : QWidget(parent), m_panel(new BudgetPanel(this)), m_graph(new GroupingGraphWidget(this)),
      m_placeholder(new QLabel(this))
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_panel);
    splitter->addWidget(m_graph);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Open a candidate table or an experiment to choose networks for a "
                              "budget."));

    auto* stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(splitter);

    connect(m_panel, &BudgetPanel::solutionChanged, m_graph, &GroupingGraphWidget::setSolution);
    connect(m_panel, &BudgetPanel::budgetChanged, this,
            [this](Cost budget) { Q_EMIT budgetChanged(costToSnt(budget)); });
}

void GroupingView::setTable(std::shared_ptr<const CandidateTable> table)
{
    m_table = std::move(table);
    m_graph->setTable(m_table);
    if (m_table)
        m_panel->setFront(m_table, {});
    auto* stack = static_cast<QStackedLayout*>(layout());
    stack->setCurrentIndex(m_table ? 1 : 0);
}

void GroupingView::setFront(const std::vector<Solution>& front)
{
    if (m_table)
        m_panel->setFront(m_table, front);
}

} // namespace tg
