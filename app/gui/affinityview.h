#pragma once

#include "core/affinity.h"

#include <QWidget>
#include <memory>

class QLabel;

namespace tg {

class AffinityHeatmapWidget;

// The Affinity tab: heatmaps of the relative performance and of the
// symmetric affinity of the open table, side by side, with a line listing
// the networks the table lacks for them.
class AffinityView : public QWidget
{
    Q_OBJECT

public:
    explicit AffinityView(QWidget* parent = nullptr);

    void setTable(std::shared_ptr<const CandidateTable> table);
    const AffinityMatrices& matrices() const { return m_matrices; }

    AffinityHeatmapWidget* relativeHeatmap() const { return m_relative; }
    AffinityHeatmapWidget* affinityHeatmap() const { return m_affinity; }
    // The heatmap the user last clicked or moved the keyboard focus to; the
    // relative-performance one until then. Export Figure writes this one.
    AffinityHeatmapWidget* currentHeatmap() const { return m_current; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AffinityMatrices m_matrices;
    AffinityHeatmapWidget* m_relative;
    AffinityHeatmapWidget* m_affinity;
    QLabel* m_problems;
    AffinityHeatmapWidget* m_current;
};

} // namespace tg
