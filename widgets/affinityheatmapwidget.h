#pragma once

#include "widgets/heatmapdata.h"

#include <QWidget>
#include <optional>

class QCPColorMap;
class QCPColorScale;
class QCustomPlot;

namespace tg {

// A heatmap of one matrix (relative performance or affinity) drawn with
// QCPColorMap: a diverging colour scale centred on zero over an explicit
// symmetric range, the value printed in each cell, missing cells hatched and
// marked "n/a", diagonal cells blank, and the row and column means as an
// extra column and row. Hovering a cell shows its exact value.
class AffinityHeatmapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AffinityHeatmapWidget(QWidget* parent = nullptr);

    void setData(const HeatmapData& data);
    void setAffinity(const AffinityMatrices& matrices, AffinityKind kind);
    const HeatmapData& data() const { return m_data; }

    // Colour range [-limit, limit]. nullopt (the default) uses the largest
    // absolute value shown, or 1 when there is none.
    void setRangeLimit(std::optional<double> limit);
    // The limit in use.
    double rangeLimit() const;

    int rowCount() const;
    int columnCount() const;
    // The value drawn in a cell, read back from the colour map; nullopt for a
    // blank or missing cell and for indexes out of range.
    std::optional<double> cellValue(int row, int column) const;
    // True when a non-diagonal cell has no value.
    bool isCellMissing(int row, int column) const;
    bool isDiagonal(int row, int column) const;
    // The text printed in a cell ("n/a" for missing, empty for diagonal).
    QString cellText(int row, int column) const;
    // The tool tip for a point in plot() coordinates; empty outside cells.
    QString toolTipAt(const QPoint& position) const;
    // The centre of a cell in plot() coordinates.
    QPoint cellCentre(int row, int column) const;

    QCustomPlot* plot() const { return m_plot; }

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void fillColourMap(double limit);
    void addCellItems();
    void addMeanItems();
    void addCellLabel(double x, double y, const std::optional<double>& value, bool missing);
    void addCellBox(double x, double y, const QBrush& brush);
    void setUpAxes();
    double computedLimit() const;

    HeatmapData m_data;
    std::optional<double> m_rangeLimit;
    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_colourMap = nullptr;
    QCPColorScale* m_colourScale = nullptr;
};

} // namespace tg
