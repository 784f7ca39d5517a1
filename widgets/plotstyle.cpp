#include "widgets/plotstyle.h"

#include <array>
#include <qcustomplot.h>

namespace tg {

namespace {

void styleAxis(QCPAxis* axis, const QColor& text, const QColor& grid)
{
    const QPen axisPen(text, 1);
    axis->setBasePen(axisPen);
    axis->setTickPen(axisPen);
    axis->setSubTickPen(axisPen);
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setSubGridPen(Qt::NoPen);
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

} // namespace

void applyPlotPalette(QCustomPlot* plot, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(140);

    plot->setBackground(base);
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(base);
        for (QCPAxis* axis : rect->axes())
            styleAxis(axis, text, grid);
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(text);
    }
    plot->legend->setBrush(base);
    plot->legend->setBorderPen(QPen(grid));
    plot->legend->setTextColor(text);
    plot->legend->setSelectedTextColor(text);
}

QColor seriesColor(int index)
{
    // Tableau 10: readable on white and on dark grey.
    static const std::array<QRgb, 10> colours = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                                 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    const int count = static_cast<int>(colours.size());
    QColor colour = QColor::fromRgb(colours[static_cast<std::size_t>(index % count)]);

    // Later rounds of the palette shift lightness so that up to 40 series stay
    // distinguishable.
    const int round = (index / count) % 4;
    if (round == 1)
        colour = colour.darker(135);
    else if (round == 2)
        colour = colour.lighter(130);
    else if (round == 3)
        colour = colour.darker(170);
    return colour;
}

QCPColorGradient divergingGradient()
{
    // ColorBrewer RdBu with five stops, reversed so that positive is blue.
    QCPColorGradient gradient;
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setColorStopAt(0.0, QColor(0xb2, 0x18, 0x2b));
    gradient.setColorStopAt(0.25, QColor(0xef, 0x8a, 0x62));
    gradient.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    gradient.setColorStopAt(0.75, QColor(0x67, 0xa9, 0xcf));
    gradient.setColorStopAt(1.0, QColor(0x21, 0x66, 0xac));
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0x9e, 0x9e, 0x9e));
    return gradient;
}

QColor contrastingTextColor(const QColor& background)
{
    // Relative luminance weights from ITU-R BT.709.
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace tg
