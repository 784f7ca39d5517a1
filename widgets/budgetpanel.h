#pragma once

#include "core/baselines.h"
#include "core/selection.h"

#include <QThread>
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <map>
#include <memory>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTableWidget;

namespace tg {

struct BaselineRequest;
struct BaselineResult;

// A budget slider bound to a spin box, over a precomputed Pareto front. Every
// move reads the optimal solution for the budget from the front (no search)
// and emits solutionChanged(). Beside the controls it shows the solution's
// total loss and, per task, the loss and the serving network, together with
// the baselines at the same budget. Baselines are computed on a worker thread
// and cached per budget. They are requested once the budget has rested for
// baselineDelay() milliseconds and appear when ready.
class BudgetPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BudgetPanel(QWidget* parent = nullptr);
    // Waits for a baseline computation in progress to finish.
    ~BudgetPanel() override;

    // Sets the table and its front (from paretoFront on the same table). The
    // panel shares ownership of the table. Keeps the current budget when the
    // front is not empty and emits solutionChanged().
    void setFront(std::shared_ptr<const CandidateTable> table, std::vector<Solution> front);
    void setBaselineOptions(const BaselineOptions& options);
    // Milliseconds the budget must rest before its baselines are requested
    // (default 150).
    void setBaselineDelay(int milliseconds);
    int baselineDelay() const { return m_baselineDelay.interval(); }

    // Budget step of the slider and the spin box arrows, in cost units
    // (default 0.5 SNT). The spin box still accepts any value.
    void setStep(Cost step);
    Cost step() const { return m_step; }

    Cost budget() const { return m_budget; }
    const Solution& solution() const { return m_solution; }
    const std::vector<Solution>& front() const { return m_front; }
    std::shared_ptr<const CandidateTable> table() const { return m_table; }
    // The baselines at `budget` when they have been computed.
    std::optional<BaselineSet> cachedBaselines(Cost budget) const;

    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* spinBox() const { return m_spinBox; }
    // Slider position to budget and back; positions cover the front's costs.
    Cost budgetAtPosition(int position) const;
    int positionForBudget(Cost budget) const;

public Q_SLOTS:
    void setBudget(tg::Cost budget);

Q_SIGNALS:
    void budgetChanged(tg::Cost budget);
    void solutionChanged(const tg::Solution& solution);
    void baselinesReady(tg::Cost budget, const tg::BaselineSet& baselines);
    void baselineRequested(const tg::BaselineRequest& request);

private:
    void buildUi();
    void updateRanges();
    void showSolution();
    void showBaselines();
    void requestBaselines();
    void onBaselinesComputed(const BaselineResult& result);

    std::shared_ptr<const CandidateTable> m_table;
    std::vector<Solution> m_front;
    Solution m_solution;
    Cost m_budget = 0;
    Cost m_step = kCostUnitsPerSnt / 2;
    Cost m_sliderMinimum = 0;
    // True while the spin box itself changes the budget, so its text is left alone.
    bool m_editingSpinBox = false;
    BaselineOptions m_baselineOptions;
    std::map<Cost, BaselineSet> m_baselineCache;
    std::shared_ptr<std::atomic<quint64>> m_latestRequest;
    quint64 m_firstValidRequest = 0;
    QThread m_thread;
    // Delays baseline requests until the budget rests, so that a slider drag
    // does not start a computation at every step.
    QTimer m_baselineDelay;

    QSlider* m_slider = nullptr;
    QDoubleSpinBox* m_spinBox = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_taskTable = nullptr;
    QTableWidget* m_baselineTable = nullptr;
};

} // namespace tg
