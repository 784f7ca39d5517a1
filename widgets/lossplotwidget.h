#pragma once

#include "widgets/losscurvebuffer.h"

#include <QWidget>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QCPAbstractLegendItem;
class QCPGraph;
class QCPLegend;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QMouseEvent;
class QTimer;

namespace tg {

// Live training and validation loss curves. Workers append points to the
// shared LossCurveBuffer from any thread; a GUI timer drains it every
// refreshInterval() and replots once. Shows the curves of one task, or the
// totals, for the enabled splits; a legend click hides or shows one curve.
// Mouse drag pans and the wheel zooms; a double click restores automatic
// ranges. All members must be called on the GUI thread.
class LossPlotWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LossPlotWidget(QWidget* parent = nullptr);
    ~LossPlotWidget() override;

    // The widget shares ownership of the buffer; nullptr detaches it.
    void setBuffer(std::shared_ptr<LossCurveBuffer> buffer);
    std::shared_ptr<LossCurveBuffer> buffer() const { return m_buffer; }

    // Refresh interval of the drain timer in milliseconds (default 40).
    void setRefreshInterval(int milliseconds);
    int refreshInterval() const;

    // Removes every curve.
    void clear();

    bool logScale() const { return m_logScale; }
    // Weight of the previous smoothed value in the exponential moving average,
    // in [0, 0.99]; 0 shows the raw losses.
    double smoothing() const { return m_smoothing; }
    // The task whose curves are shown; an empty string shows the totals.
    QString taskFilter() const { return m_taskFilter; }
    bool isSplitShown(LossSplit split) const;

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    bool hasCurve(const LossCurveId& id) const;
    // True when the curve matches the filters and was not hidden by the user.
    bool isCurveVisible(const LossCurveId& id) const;
    // The values drawn for a curve after smoothing, in step order; empty when
    // the curve is unknown.
    QVector<double> displayedLosses(const LossCurveId& id) const;
    // The curve's legend entry in widget coordinates of plot(); empty when the
    // curve is not in the legend.
    QRect legendItemRect(const LossCurveId& id) const;

    QCustomPlot* plot() const { return m_plot; }
    // The text in the middle of the axes while the plot has no points.
    QCPItemText* placeholder() const { return m_placeholder; }

public Q_SLOTS:
    // Moves every pending point from the buffer onto the curves and queues one
    // replot. Returns the number of points added.
    int drainBuffer();
    void setLogScale(bool enabled);
    void setSmoothing(double weight);
    void setTaskFilter(const QString& task);
    void setSplitShown(tg::LossSplit split, bool shown);
    void setCurveHidden(const tg::LossCurveId& id, bool hidden);

Q_SIGNALS:
    void curveVisibilityChanged(const tg::LossCurveId& id, bool visible);
    void logScaleChanged(bool enabled);
    void smoothingChanged(double weight);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Curve
    {
        LossCurveId id;
        QVector<double> steps;
        QVector<double> losses;
        double lastSmoothed = 0.0;
        QCPGraph* graph = nullptr;
        bool hiddenByUser = false;
    };

    void buildControls();
    void buildPlot();
    Curve& curveFor(const LossCurveId& id);
    void addChunk(const LossCurveChunk& chunk);
    void rebuildGraph(Curve& curve);
    void applyFilters();
    void updateLegendLayout();
    void updateTaskChoices(const QString& task);
    bool matchesFilters(const Curve& curve) const;
    void updateCurveStyle(Curve& curve);
    void rescaleIfAutomatic();
    void updateAntialiasing();
    bool isLargePlot() const;
    void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item, QMouseEvent* event);

    std::shared_ptr<LossCurveBuffer> m_buffer;
    std::map<LossCurveId, Curve> m_curves;
    QCustomPlot* m_plot = nullptr;
    QCPItemText* m_placeholder = nullptr;
    QTimer* m_timer = nullptr;
    QCheckBox* m_logBox = nullptr;
    QDoubleSpinBox* m_smoothingBox = nullptr;
    QComboBox* m_taskBox = nullptr;
    QCheckBox* m_trainingBox = nullptr;
    QCheckBox* m_validationBox = nullptr;
    bool m_logScale = false;
    double m_smoothing = 0.0;
    QString m_taskFilter;
    bool m_showTraining = true;
    bool m_showValidation = true;
    bool m_automaticRange = true;
    int m_nextColour = 0;
    qint64 m_pointCount = 0;
    std::map<QString, int> m_candidateColours;
};

} // namespace tg
