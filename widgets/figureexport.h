#pragma once

#include <QRectF>
#include <QSize>
#include <QString>
#include <functional>
#include <optional>

class QCustomPlot;
class QPainter;
class QWidget;

namespace tg {

enum class FigureFormat
{
    Svg,
    Pdf,
    Png,
};

// The format named by a path's suffix (.svg, .pdf, .png, any case), or nullopt.
std::optional<FigureFormat> figureFormatForPath(const QString& path);

// Paints a figure into the given area of any paint device.
using FigurePainter = std::function<void(QPainter&, const QRectF&)>;

// Writes a figure of `size` to `path` in the format its suffix names. PNG size
// is in pixels; SVG and PDF sizes are in points (1/72 inch), drawn at 72 dpi.
// The file is written atomically: a temporary file in the same folder is
// renamed over `path` only when rendering succeeded. Returns false and fills
// `error` with the path and the reason on failure; `path` is then untouched.
bool exportFigure(const FigurePainter& paint, const QString& path, const QSize& size,
                  QString* error, const QString& title = {});

// Exports a QCustomPlot at `size`, as exportFigure().
bool exportPlot(QCustomPlot* plot, const QString& path, const QSize& size, QString* error,
                const QString& title = {});

// Exports one of the views of this library (GroupingGraphWidget, LossPlotWidget,
// AffinityHeatmapWidget, TradeoffPlotWidget) or a bare QCustomPlot. Fails for
// other widgets.
bool exportView(QWidget* view, const QString& path, const QSize& size, QString* error,
                const QString& title = {});

} // namespace tg
