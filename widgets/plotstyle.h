#pragma once

#include <QColor>
#include <QPalette>

class QCustomPlot;
class QCPAxis;
class QCPColorGradient;

namespace tg {

// Colours a plot's background, axes, grid, tick labels and legend from a
// widget palette, so that light and dark palettes both stay readable.
void applyPlotPalette(QCustomPlot* plot, const QPalette& palette);

// The i-th colour of a qualitative series palette: distinct hues whose
// lightness suits both light and dark backgrounds.
QColor seriesColor(int index);

// A diverging gradient from red (negative) through near-white (zero) to blue
// (positive), for data ranges centred on zero.
QCPColorGradient divergingGradient();

// Black or white, whichever contrasts more with `background`.
QColor contrastingTextColor(const QColor& background);

} // namespace tg
