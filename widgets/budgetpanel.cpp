#include "widgets/budgetpanel.h"

#include "widgets/baselineworker.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace tg {

namespace {

// A spin box for costs in SNT that shows up to six decimals without trailing
// zeros, so 2.5 reads "2.5" and 0.333333 keeps its digits.
class CostSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        const std::optional<Cost> cost = costFromSnt(value);
        return cost ? QString::fromStdString(formatCost(*cost)) : QString::number(value);
    }
};

enum BaselineRow
{
    SelectedRow,
    AllInOneRow,
    IndependentRow,
    RandomRow,
    PessimalRow,
    BaselineRowCount,
};

enum TaskColumn
{
    TaskNameColumn,
    TaskLossColumn,
    TaskNetworkColumn,
    AllInOneColumn,
    IndependentColumn,
    PessimalColumn,
    TaskColumnCount,
};

QString lossText(double loss)
{
    return QString::number(loss, 'g', 5);
}

QString costText(Cost cost)
{
    return QString::fromStdString(formatCost(cost));
}

// Sets a cell's text, reusing its item: the panel refreshes every cell on
// each budget step, and new items cost allocations and view notifications.
void setCell(QTableWidget* table, int row, int column, const QString& text,
             const QString& toolTip = {})
{
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        table->setItem(row, column, item);
    }
    if (item->text() != text)
        item->setText(text);
    if (item->toolTip() != toolTip)
        item->setToolTip(toolTip);
}

QString networkName(const CandidateTable& table, int index)
{
    return QString::fromStdString(table.networks[static_cast<std::size_t>(index)].name);
}

} // namespace

BudgetPanel::BudgetPanel(QWidget* parent)
    : QWidget(parent), m_latestRequest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<tg::BaselineRequest>();
    qRegisterMetaType<tg::BaselineResult>();
    buildUi();

    auto* worker = new BaselineWorker(m_latestRequest);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &BudgetPanel::baselineRequested, worker, &BaselineWorker::compute,
            Qt::QueuedConnection);
    connect(worker, &BaselineWorker::computed, this, &BudgetPanel::onBaselinesComputed,
            Qt::QueuedConnection);
    m_baselineDelay.setSingleShot(true);
    m_baselineDelay.setInterval(150);
    connect(&m_baselineDelay, &QTimer::timeout, this, &BudgetPanel::requestBaselines);
    m_thread.setObjectName(QStringLiteral("baselines"));
    m_thread.start(QThread::LowPriority);
}

BudgetPanel::~BudgetPanel()
{
    // NOTE: computeBaselines has no cancel flag, so this waits for the
    // computation in progress; BaselineOptions::pessimalNodeLimit bounds it.
    m_latestRequest->store(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_thread.wait();
}

void BudgetPanel::buildUi()
{
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setToolTip(tr("Inference budget in standard network times (SNT)"));
    m_slider->setEnabled(false);
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int position) { setBudget(budgetAtPosition(position)); });

    m_spinBox = new CostSpinBox(this);
    m_spinBox->setDecimals(6);
    m_spinBox->setSuffix(tr(" SNT"));
    m_spinBox->setSingleStep(costToSnt(m_step));
    m_spinBox->setToolTip(tr("Any budget in SNT; the arrows move in steps of the slider"));
    m_spinBox->setEnabled(false);
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, [this](double snt) {
        const std::optional<Cost> cost = costFromSnt(snt);
        if (!cost)
            return;
        m_editingSpinBox = true;
        setBudget(*cost);
        m_editingSpinBox = false;
    });

    auto* budgetLabel = new QLabel(tr("&Budget:"), this);
    budgetLabel->setBuddy(m_spinBox);
    auto* controls = new QHBoxLayout;
    controls->addWidget(budgetLabel);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_spinBox);

    m_summary = new QLabel(tr("No candidate table loaded."), this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_taskTable = new QTableWidget(0, TaskColumnCount, this);
    m_taskTable->setHorizontalHeaderLabels({tr("Task"), tr("Loss"), tr("Served by"),
                                            tr("All in one"), tr("Independent"), tr("Pessimal")});
    m_taskTable->verticalHeader()->setVisible(false);
    m_taskTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_taskTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_baselineTable = new QTableWidget(BaselineRowCount, 2, this);
    m_baselineTable->setHorizontalHeaderLabels({tr("Cost (SNT)"), tr("Total loss")});
    m_baselineTable->setVerticalHeaderLabels({tr("Selected"), tr("All in one"), tr("Independent"),
                                              tr("Random groupings"), tr("Pessimal")});
    m_baselineTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_baselineTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_baselineTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_taskTable, 1);
    layout->addWidget(m_baselineTable);
}

void BudgetPanel::setFront(std::shared_ptr<const CandidateTable> table, std::vector<Solution> front)
{
    m_table = std::move(table);
    m_front = std::move(front);
    m_baselineCache.clear();
    m_firstValidRequest = m_latestRequest->load() + 1;

    const bool usable = m_table && !m_front.empty();
    m_slider->setEnabled(usable);
    m_spinBox->setEnabled(usable);
    m_taskTable->setRowCount(m_table ? static_cast<int>(m_table->tasks.size()) : 0);
    updateRanges();

    Cost budget = m_budget;
    if (usable && (budget < m_front.front().cost || budget > m_front.back().cost))
        budget = m_front.back().cost;
    m_budget = -1; // forces setBudget to refresh even when the budget is unchanged
    setBudget(budget);
}

void BudgetPanel::setBaselineOptions(const BaselineOptions& options)
{
    m_baselineOptions = options;
    m_baselineCache.clear();
    m_firstValidRequest = m_latestRequest->load() + 1;
    requestBaselines();
}

void BudgetPanel::setBaselineDelay(int milliseconds)
{
    m_baselineDelay.setInterval(std::max(0, milliseconds));
}

void BudgetPanel::setStep(Cost step)
{
    m_step = std::max<Cost>(1, step);
    m_spinBox->setSingleStep(costToSnt(m_step));
    updateRanges();
}

void BudgetPanel::updateRanges()
{
    // The slider starts one step below the cheapest cover, so that its first
    // position shows the infeasible case, and ends past the last front entry.
    const Cost cheapest = m_front.empty() ? 0 : m_front.front().cost;
    const Cost dearest = m_front.empty() ? 0 : m_front.back().cost;
    m_sliderMinimum = std::max<Cost>(0, (cheapest / m_step - 1) * m_step);
    const auto positions = static_cast<int>((dearest - m_sliderMinimum + m_step - 1) / m_step);

    Cost total = 0;
    if (m_table) {
        for (const Network& network : m_table->networks)
            total += network.cost;
    }
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spinBox);
    m_slider->setRange(0, std::max(1, positions));
    m_slider->setPageStep(std::max(1, positions / 10));
    m_spinBox->setRange(0.0, costToSnt(std::max(total, dearest)));
}

Cost BudgetPanel::budgetAtPosition(int position) const
{
    return m_sliderMinimum + static_cast<Cost>(position) * m_step;
}

int BudgetPanel::positionForBudget(Cost budget) const
{
    const double position = static_cast<double>(budget - m_sliderMinimum) / m_step;
    return std::clamp(static_cast<int>(std::lround(position)), m_slider->minimum(),
                      m_slider->maximum());
}

void BudgetPanel::setBudget(Cost budget)
{
    budget = std::max<Cost>(0, budget);
    if (budget == m_budget)
        return;
    m_budget = budget;
    {
        const QSignalBlocker sliderBlocker(m_slider);
        const QSignalBlocker spinBlocker(m_spinBox);
        m_slider->setValue(positionForBudget(budget));
        if (!m_editingSpinBox)
            m_spinBox->setValue(costToSnt(budget));
    }

    m_solution = m_front.empty() ? Solution() : solutionAtBudget(m_front, budget);
    m_solution.budget = budget;
    showSolution();
    showBaselines();
    m_baselineDelay.start();
    Q_EMIT budgetChanged(budget);
    Q_EMIT solutionChanged(m_solution);
}

std::optional<BaselineSet> BudgetPanel::cachedBaselines(Cost budget) const
{
    const auto it = m_baselineCache.find(budget);
    if (it == m_baselineCache.end())
        return std::nullopt;
    return it->second;
}

void BudgetPanel::requestBaselines()
{
    if (!m_table || m_baselineCache.count(m_budget) != 0)
        return;
    BaselineRequest request;
    request.table = m_table;
    request.budget = m_budget;
    request.options = m_baselineOptions;
    request.id = m_latestRequest->load() + 1;
    m_latestRequest->store(request.id);
    Q_EMIT baselineRequested(request);
}

void BudgetPanel::onBaselinesComputed(const BaselineResult& result)
{
    if (result.id < m_firstValidRequest)
        return;
    m_baselineCache[result.budget] = result.baselines;
    if (result.budget == m_budget)
        showBaselines();
    Q_EMIT baselinesReady(result.budget, result.baselines);
}

void BudgetPanel::showSolution()
{
    if (!m_table) {
        m_summary->setText(tr("No candidate table loaded."));
        return;
    }
    const auto taskCount = static_cast<int>(m_table->tasks.size());
    for (int t = 0; t < taskCount; ++t) {
        const auto task = static_cast<std::size_t>(t);
        setCell(m_taskTable, t, TaskNameColumn, QString::fromStdString(m_table->tasks[task]));
        if (!m_solution.feasible) {
            setCell(m_taskTable, t, TaskLossColumn, QString());
            setCell(m_taskTable, t, TaskNetworkColumn, QString());
            continue;
        }
        const int serving = m_solution.assignment[task];
        const double loss = m_table->networks[static_cast<std::size_t>(serving)].losses[task];
        setCell(m_taskTable, t, TaskLossColumn, lossText(loss));
        setCell(m_taskTable, t, TaskNetworkColumn, networkName(*m_table, serving));
    }

    if (!m_solution.feasible) {
        m_summary->setText(m_solution.minCost < 0
                               ? tr("No set of networks covers every task.")
                               : tr("No grouping fits %1 SNT; the cheapest costs %2 SNT.")
                                     .arg(costText(m_budget), costText(m_solution.minCost)));
        return;
    }
    m_summary->setText(
        tr("Cost %1 SNT of %2 SNT, total loss %3, networks: %4")
            .arg(costText(m_solution.cost), costText(m_budget), lossText(m_solution.totalLoss))
            .arg(m_solution.networks.size()));
}

namespace {

void setBaselineRow(QTableWidget* table, int row, const Solution& solution)
{
    if (solution.feasible) {
        setCell(table, row, 0, costText(solution.cost));
        setCell(table, row, 1, lossText(solution.totalLoss));
        return;
    }
    const QString needs = solution.minCost < 0
                              ? BudgetPanel::tr("networks missing")
                              : BudgetPanel::tr("needs %1").arg(costText(solution.minCost));
    setCell(table, row, 0, needs);
    setCell(table, row, 1, QString());
}

void setTaskBaseline(QTableWidget* table, const CandidateTable& candidates, int column,
                     const Solution& solution)
{
    for (int t = 0; t < table->rowCount(); ++t) {
        if (!solution.feasible) {
            setCell(table, t, column, QString());
            continue;
        }
        const auto task = static_cast<std::size_t>(t);
        const int serving = solution.assignment[task];
        const double loss = candidates.networks[static_cast<std::size_t>(serving)].losses[task];
        setCell(table, t, column, lossText(loss),
                BudgetPanel::tr("Served by %1").arg(networkName(candidates, serving)));
    }
}

} // namespace

void BudgetPanel::showBaselines()
{
    setBaselineRow(m_baselineTable, SelectedRow, m_solution);
    const auto cached = m_baselineCache.find(m_budget);
    if (!m_table || cached == m_baselineCache.end()) {
        const QString pending = m_table ? tr("computing…") : QString();
        for (int row = AllInOneRow; row < BaselineRowCount; ++row) {
            setCell(m_baselineTable, row, 0, pending);
            setCell(m_baselineTable, row, 1, QString());
        }
        for (int column = AllInOneColumn; column <= PessimalColumn; ++column) {
            for (int t = 0; t < m_taskTable->rowCount(); ++t)
                setCell(m_taskTable, t, column, QString());
        }
        return;
    }

    const BaselineSet& baselines = cached->second;
    setBaselineRow(m_baselineTable, AllInOneRow, baselines.allInOne);
    setBaselineRow(m_baselineTable, IndependentRow, baselines.independent);
    setBaselineRow(m_baselineTable, PessimalRow, baselines.pessimal);
    if (!baselines.pessimalExact) {
        m_baselineTable->item(PessimalRow, 1)
            ->setToolTip(tr(
                "The search stopped at its node limit; the true pessimal grouping may be worse"));
    }

    const bool randomValid = baselines.randomValidCount > 0;
    const QString averaged =
        randomValid ? tr("mean of %1").arg(baselines.randomValidCount) : tr("none fit");
    setCell(m_baselineTable, RandomRow, 0, averaged);
    setCell(m_baselineTable, RandomRow, 1,
            randomValid ? lossText(baselines.randomMeanTotalLoss) : QString());

    setTaskBaseline(m_taskTable, *m_table, AllInOneColumn, baselines.allInOne);
    setTaskBaseline(m_taskTable, *m_table, IndependentColumn, baselines.independent);
    setTaskBaseline(m_taskTable, *m_table, PessimalColumn, baselines.pessimal);
}

} // namespace tg
