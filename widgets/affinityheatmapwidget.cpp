#include "widgets/affinityheatmapwidget.h"

#include "widgets/plotstyle.h"

#include <QHelpEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace tg {

namespace {

// The mean column (row) sits this far right of (below) the last cell centre
// plus one, leaving a visible gap between the matrix and the means.
constexpr double kMeanOffset = 0.25;

QString cellValueText(double value)
{
    return QString::number(value, 'f', 1);
}

QString exactValueText(double value, const QString& unit)
{
    return QStringLiteral("%1 %2").arg(QString::number(value, 'f', 3), unit).trimmed();
}

QBrush missingBrush(const QPalette& palette)
{
    return QBrush(palette.color(QPalette::Text), Qt::BDiagPattern);
}

int nearestIndex(double coordinate, int count)
{
    const long index = std::lround(coordinate);
    if (index < 0 || index >= count || std::abs(coordinate - static_cast<double>(index)) > 0.5)
        return -1;
    return static_cast<int>(index);
}

} // namespace

AffinityHeatmapWidget::AffinityHeatmapWidget(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_colourScale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_colourScale);
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    m_colourScale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    m_colourMap = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_colourMap->setInterpolate(false);
    m_colourMap->setTightBoundary(false);
    // setColorScale() takes over the scale's gradient, so set ours afterwards.
    m_colourMap->setColorScale(m_colourScale);
    m_colourMap->setGradient(divergingGradient());

    m_plot->yAxis->setRangeReversed(true);
    m_plot->installEventFilter(this);
    applyPlotPalette(m_plot, palette());
    rebuild();
}

void AffinityHeatmapWidget::setData(const HeatmapData& data)
{
    m_data = data;
    rebuild();
}

void AffinityHeatmapWidget::setAffinity(const AffinityMatrices& matrices, AffinityKind kind)
{
    setData(heatmapFromAffinity(matrices, kind));
}

void AffinityHeatmapWidget::setRangeLimit(std::optional<double> limit)
{
    if (limit && !(std::isfinite(*limit) && *limit > 0.0))
        limit.reset();
    m_rangeLimit = limit;
    rebuild();
}

double AffinityHeatmapWidget::rangeLimit() const
{
    return m_rangeLimit ? *m_rangeLimit : computedLimit();
}

double AffinityHeatmapWidget::computedLimit() const
{
    double limit = 0.0;
    auto include = [&limit](const std::optional<double>& value) {
        if (value && std::isfinite(*value))
            limit = std::max(limit, std::abs(*value));
    };
    for (const auto& row : m_data.values)
        std::for_each(row.begin(), row.end(), include);
    std::for_each(m_data.rowMeans.begin(), m_data.rowMeans.end(), include);
    std::for_each(m_data.columnMeans.begin(), m_data.columnMeans.end(), include);
    return limit > 0.0 ? limit : 1.0;
}

int AffinityHeatmapWidget::rowCount() const
{
    return static_cast<int>(m_data.rowLabels.size());
}

int AffinityHeatmapWidget::columnCount() const
{
    return static_cast<int>(m_data.columnLabels.size());
}

bool AffinityHeatmapWidget::isDiagonal(int row, int column) const
{
    return row >= 0 && row < rowCount() && column >= 0 && column < columnCount() &&
           m_data.rowLabels[row] == m_data.columnLabels[column];
}

std::optional<double> AffinityHeatmapWidget::cellValue(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return std::nullopt;
    if (rowCount() < 2 || columnCount() < 2) // drawn without the colour map
        return m_data.values[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
    const double value = m_colourMap->data()->cell(column, row);
    if (std::isnan(value))
        return std::nullopt;
    return value;
}

bool AffinityHeatmapWidget::isCellMissing(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return false;
    return !cellValue(row, column) && !isDiagonal(row, column);
}

QString AffinityHeatmapWidget::cellText(int row, int column) const
{
    if (isDiagonal(row, column))
        return {};
    const std::optional<double> value = cellValue(row, column);
    return value ? cellValueText(*value) : tr("n/a");
}

QPoint AffinityHeatmapWidget::cellCentre(int row, int column) const
{
    return QPointF(m_plot->xAxis->coordToPixel(column), m_plot->yAxis->coordToPixel(row)).toPoint();
}

void AffinityHeatmapWidget::rebuild()
{
    m_plot->clearItems();
    const double limit = rangeLimit();
    fillColourMap(limit);
    addCellItems();
    addMeanItems();
    setUpAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AffinityHeatmapWidget::fillColourMap(double limit)
{
    const int rows = rowCount();
    const int columns = columnCount();
    QCPColorMapData* data = m_colourMap->data();

    // QCPColorMapData needs two cells per dimension to place cell centres;
    // smaller matrices are drawn with cell boxes only.
    if (rows < 2 || columns < 2) {
        data->clear();
        m_colourMap->setVisible(false);
    } else {
        m_colourMap->setVisible(true);
        data->setSize(columns, rows);
        data->setRange(QCPRange(0, columns - 1), QCPRange(0, rows - 1));
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                const std::optional<double>& value =
                    m_data.values[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                data->setCell(c, r, value ? *value : std::numeric_limits<double>::quiet_NaN());
            }
        }
    }
    m_colourMap->setDataRange(QCPRange(-limit, limit));
    m_colourScale->axis()->setLabel(m_data.unit);
    m_colourScale->setVisible(rows > 0);
}

void AffinityHeatmapWidget::addCellBox(double x, double y, const QBrush& brush)
{
    auto* box = new QCPItemRect(m_plot);
    box->topLeft->setCoords(x - 0.5, y - 0.5);
    box->bottomRight->setCoords(x + 0.5, y + 0.5);
    box->setPen(Qt::NoPen);
    box->setBrush(brush);
}

void AffinityHeatmapWidget::addCellLabel(double x, double y, const std::optional<double>& value,
                                         bool missing)
{
    auto* label = new QCPItemText(m_plot);
    label->position->setCoords(x, y);
    label->setPositionAlignment(Qt::AlignCenter);
    if (missing) {
        label->setText(tr("n/a"));
        label->setColor(palette().color(QPalette::Text));
        label->setBrush(palette().color(QPalette::Base));
        return;
    }
    const QCPRange range = m_colourMap->dataRange();
    const QColor background = QColor::fromRgb(m_colourMap->gradient().color(*value, range));
    label->setText(cellValueText(*value));
    label->setColor(contrastingTextColor(background));
}

void AffinityHeatmapWidget::addCellItems()
{
    const bool small = rowCount() < 2 || columnCount() < 2;
    const QCPRange range = m_colourMap->dataRange();
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            const std::optional<double>& value =
                m_data.values[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            if (isDiagonal(r, c)) {
                addCellBox(c, r, palette().color(QPalette::Window));
                continue;
            }
            if (!value) {
                addCellBox(c, r, missingBrush(palette()));
            } else if (small) {
                QCPColorGradient gradient = m_colourMap->gradient();
                addCellBox(c, r, QColor::fromRgb(gradient.color(*value, range)));
            }
            addCellLabel(c, r, value, !value);
        }
    }
}

void AffinityHeatmapWidget::addMeanItems()
{
    QCPColorGradient gradient = m_colourMap->gradient();
    const QCPRange range = m_colourMap->dataRange();
    auto addMean = [&](double x, double y, const std::optional<double>& mean) {
        if (mean) {
            addCellBox(x, y, QColor::fromRgb(gradient.color(*mean, range)));
        } else {
            addCellBox(x, y, QColor(0x9e, 0x9e, 0x9e));
            addCellBox(x, y, missingBrush(palette()));
        }
        addCellLabel(x, y, mean, !mean);
    };

    const double meanColumn = columnCount() + kMeanOffset;
    for (std::size_t r = 0; r < m_data.rowMeans.size(); ++r)
        addMean(meanColumn, static_cast<double>(r), m_data.rowMeans[r]);
    const double meanRow = rowCount() + kMeanOffset;
    for (std::size_t c = 0; c < m_data.columnMeans.size(); ++c)
        addMean(static_cast<double>(c), meanRow, m_data.columnMeans[c]);
}

void AffinityHeatmapWidget::setUpAxes()
{
    auto setUpAxis = [this](QCPAxis* axis, const QStringList& labels, bool hasMean,
                            const QString& title) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int i = 0; i < labels.size(); ++i)
            ticker->addTick(i, labels[i]);
        const int count = static_cast<int>(labels.size());
        if (hasMean)
            ticker->addTick(count + kMeanOffset, tr("Mean"));
        axis->setTicker(ticker);
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
        axis->grid()->setVisible(false);
        axis->setLabel(title);
        axis->setRange(-0.5, hasMean ? count + kMeanOffset + 0.5 : count - 0.5);
    };
    // The row means form the extra column and the column means the extra row.
    setUpAxis(m_plot->xAxis, m_data.columnLabels, !m_data.rowMeans.empty(), m_data.columnTitle);
    setUpAxis(m_plot->yAxis, m_data.rowLabels, !m_data.columnMeans.empty(), m_data.rowTitle);
    m_plot->xAxis->setTickLabelRotation(columnCount() > 5 ? -35.0 : 0.0);
}

QString AffinityHeatmapWidget::toolTipAt(const QPoint& position) const
{
    const double x = m_plot->xAxis->pixelToCoord(position.x());
    const double y = m_plot->yAxis->pixelToCoord(position.y());
    const int column = nearestIndex(x, columnCount());
    const int row = nearestIndex(y, rowCount());
    const bool inMeanColumn =
        !m_data.rowMeans.empty() && std::abs(x - (columnCount() + kMeanOffset)) <= 0.5 && row >= 0;
    const bool inMeanRow = !m_data.columnMeans.empty() &&
                           std::abs(y - (rowCount() + kMeanOffset)) <= 0.5 && column >= 0;

    if (inMeanColumn) {
        const std::optional<double>& mean = m_data.rowMeans[static_cast<std::size_t>(row)];
        return tr("Mean of row %1: %2")
            .arg(m_data.rowLabels[row], mean ? exactValueText(*mean, m_data.unit) : tr("n/a"));
    }
    if (inMeanRow) {
        const std::optional<double>& mean = m_data.columnMeans[static_cast<std::size_t>(column)];
        return tr("Mean of column %1: %2")
            .arg(m_data.columnLabels[column],
                 mean ? exactValueText(*mean, m_data.unit) : tr("n/a"));
    }
    if (row < 0 || column < 0 || isDiagonal(row, column))
        return {};

    const std::optional<double> value = cellValue(row, column);
    const QString valueText = value ? exactValueText(*value, m_data.unit)
                                    : tr("n/a: a network that this cell needs is missing");
    return tr("%1: %2\n%3: %4\n%5")
        .arg(m_data.rowTitle, m_data.rowLabels[row], m_data.columnTitle,
             m_data.columnLabels[column], valueText);
}

bool AffinityHeatmapWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_plot || event->type() != QEvent::ToolTip)
        return QWidget::eventFilter(watched, event);
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, m_plot);
    return true;
}

void AffinityHeatmapWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    applyPlotPalette(m_plot, palette());
    rebuild();
}

} // namespace tg
