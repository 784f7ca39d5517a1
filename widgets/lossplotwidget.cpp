#include "widgets/lossplotwidget.h"

#include "widgets/plotstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>
#include <qcustomplot.h>

namespace tg {

namespace {

constexpr int kDefaultRefreshMs = 40;
constexpr int kLegendRowHeight = 18;

// Axis ranges while no curve has a point: 100 steps, and losses of 0 to 1 (0.01 to 10 on the
// log scale), so the empty axes show readable ticks.
const QCPRange kEmptyStepRange(0.0, 100.0);
const QCPRange kEmptyLossRange(0.0, 1.0);
const QCPRange kEmptyLogLossRange(0.01, 10.0);

QString splitLabel(LossSplit split)
{
    return split == LossSplit::Training ? LossPlotWidget::tr("training")
                                        : LossPlotWidget::tr("validation");
}

// Exponential moving average of `losses` starting from `previous`; the first
// point of a curve starts the average at its own value.
QVector<double> smoothValues(const QVector<double>& losses, double weight, bool continues,
                             double previous, double* last)
{
    QVector<double> smoothed(losses.size());
    double value = previous;
    for (qsizetype i = 0; i < losses.size(); ++i) {
        value = (i == 0 && !continues) ? losses[i] : weight * value + (1.0 - weight) * losses[i];
        smoothed[i] = value;
    }
    *last = value;
    return smoothed;
}

} // namespace

LossPlotWidget::LossPlotWidget(QWidget* parent) : QWidget(parent)
{
    buildControls();
    buildPlot();

    m_timer = new QTimer(this);
    m_timer->setInterval(kDefaultRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &LossPlotWidget::drainBuffer);
}

LossPlotWidget::~LossPlotWidget() = default;

void LossPlotWidget::buildControls()
{
    m_logBox = new QCheckBox(tr("&Log scale"), this);
    m_logBox->setToolTip(tr("Show the loss axis on a logarithmic scale"));
    connect(m_logBox, &QCheckBox::toggled, this, &LossPlotWidget::setLogScale);

    m_smoothingBox = new QDoubleSpinBox(this);
    m_smoothingBox->setRange(0.0, 0.99);
    m_smoothingBox->setSingleStep(0.05);
    m_smoothingBox->setDecimals(2);
    m_smoothingBox->setToolTip(
        tr("Weight of the previous value in an exponential moving average; 0 shows raw losses"));
    connect(m_smoothingBox, &QDoubleSpinBox::valueChanged, this, &LossPlotWidget::setSmoothing);
    auto* smoothingLabel = new QLabel(tr("&Smoothing:"), this);
    smoothingLabel->setBuddy(m_smoothingBox);

    m_taskBox = new QComboBox(this);
    m_taskBox->addItem(tr("Total"), QString());
    m_taskBox->setToolTip(tr("Show the loss of one task, or the total over each network's tasks"));
    connect(m_taskBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setTaskFilter(m_taskBox->itemData(index).toString()); });
    auto* taskLabel = new QLabel(tr("&Loss of:"), this);
    taskLabel->setBuddy(m_taskBox);

    m_trainingBox = new QCheckBox(tr("&Training"), this);
    m_trainingBox->setChecked(true);
    connect(m_trainingBox, &QCheckBox::toggled, this,
            [this](bool shown) { setSplitShown(LossSplit::Training, shown); });
    m_validationBox = new QCheckBox(tr("&Validation"), this);
    m_validationBox->setChecked(true);
    connect(m_validationBox, &QCheckBox::toggled, this,
            [this](bool shown) { setSplitShown(LossSplit::Validation, shown); });

    auto* controls = new QHBoxLayout;
    controls->addWidget(taskLabel);
    controls->addWidget(m_taskBox);
    controls->addWidget(m_trainingBox);
    controls->addWidget(m_validationBox);
    controls->addSpacing(12);
    controls->addWidget(smoothingLabel);
    controls->addWidget(m_smoothingBox);
    controls->addWidget(m_logBox);
    controls->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
}

void LossPlotWidget::buildPlot()
{
    m_plot = new QCustomPlot(this);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    // Thousands of points per curve: draw polylines segment by segment, which
    // the raster engine does far faster than stroking one long path.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->xAxis->setLabel(tr("Step"));
    m_plot->yAxis->setLabel(tr("Loss"));

    // Shown, with the empty ranges, until a curve has a point to draw.
    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->setText(tr("No loss values yet. Curves appear once training reports its "
                              "first steps."));
    m_plot->xAxis->setRange(kEmptyStepRange);
    m_plot->yAxis->setRange(kEmptyLossRange);

    // The legend sits in its own column right of the axes, so many curves never
    // cover the data. It wraps into more columns when it is too tall.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(0, 1, m_plot->legend);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);

    connect(m_plot, &QCustomPlot::legendClick, this, &LossPlotWidget::onLegendClick);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_automaticRange = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() != Qt::NoButton)
            m_automaticRange = false;
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_automaticRange = true;
        rescaleIfAutomatic();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });

    applyPlotPalette(m_plot, palette());
    static_cast<QVBoxLayout*>(layout())->addWidget(m_plot, 1);
    updateLegendLayout();
}

void LossPlotWidget::setBuffer(std::shared_ptr<LossCurveBuffer> buffer)
{
    m_buffer = std::move(buffer);
    if (m_buffer)
        m_timer->start();
    else
        m_timer->stop();
}

void LossPlotWidget::setRefreshInterval(int milliseconds)
{
    m_timer->setInterval(std::max(1, milliseconds));
}

int LossPlotWidget::refreshInterval() const
{
    return m_timer->interval();
}

void LossPlotWidget::clear()
{
    m_plot->clearGraphs();
    updateLegendLayout();
    m_curves.clear();
    m_pointCount = 0;
    updateAntialiasing();
    m_candidateColours.clear();
    m_nextColour = 0;
    m_automaticRange = true;
    rescaleIfAutomatic();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LossPlotWidget::isSplitShown(LossSplit split) const
{
    return split == LossSplit::Training ? m_showTraining : m_showValidation;
}

bool LossPlotWidget::hasCurve(const LossCurveId& id) const
{
    return m_curves.count(id) != 0;
}

bool LossPlotWidget::isCurveVisible(const LossCurveId& id) const
{
    const auto it = m_curves.find(id);
    return it != m_curves.end() && it->second.graph->visible();
}

QVector<double> LossPlotWidget::displayedLosses(const LossCurveId& id) const
{
    QVector<double> values;
    const auto it = m_curves.find(id);
    if (it == m_curves.end())
        return values;
    const QSharedPointer<QCPGraphDataContainer> data = it->second.graph->data();
    values.reserve(data->size());
    for (auto point = data->constBegin(); point != data->constEnd(); ++point)
        values.append(point->value);
    return values;
}

QRect LossPlotWidget::legendItemRect(const LossCurveId& id) const
{
    const auto it = m_curves.find(id);
    if (it == m_curves.end())
        return {};
    QCPPlottableLegendItem* item = m_plot->legend->itemWithPlottable(it->second.graph);
    return item ? item->outerRect() : QRect();
}

int LossPlotWidget::drainBuffer()
{
    if (!m_buffer)
        return 0;
    const std::vector<LossCurveChunk> chunks = m_buffer->takePending();
    if (chunks.empty())
        return 0;

    const int curvesBefore = curveCount();
    int added = 0;
    for (const LossCurveChunk& chunk : chunks) {
        addChunk(chunk);
        added += static_cast<int>(chunk.steps.size());
    }
    m_pointCount += added;
    if (curveCount() != curvesBefore)
        applyFilters();
    updateAntialiasing();
    rescaleIfAutomatic();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return added;
}

LossPlotWidget::Curve& LossPlotWidget::curveFor(const LossCurveId& id)
{
    auto it = m_curves.find(id);
    if (it != m_curves.end())
        return it->second;

    Curve curve;
    curve.id = id;
    curve.graph = m_plot->addGraph();
    curve.graph->setAdaptiveSampling(true);
    curve.graph->removeFromLegend();
    curve.graph->setName(tr("%1 (%2)").arg(id.candidate, splitLabel(id.split)));
    it = m_curves.emplace(id, std::move(curve)).first;
    updateCurveStyle(it->second);
    updateTaskChoices(id.task);
    return it->second;
}

void LossPlotWidget::addChunk(const LossCurveChunk& chunk)
{
    Curve& curve = curveFor(chunk.id);
    const bool continues = !curve.steps.isEmpty();
    const bool inOrder =
        chunk.sorted && (!continues || chunk.steps.constFirst() >= curve.steps.constLast());
    curve.steps.append(chunk.steps);
    curve.losses.append(chunk.losses);
    if (!inOrder) {
        rebuildGraph(curve);
        return;
    }

    // The common case: new steps follow the old ones, so the smoothed values
    // continue from the last one and the graph data is only appended to.
    const QVector<double> smoothed =
        smoothValues(chunk.losses, m_smoothing, continues, curve.lastSmoothed, &curve.lastSmoothed);
    curve.graph->addData(chunk.steps, smoothed, true);
}

void LossPlotWidget::rebuildGraph(Curve& curve)
{
    // Out-of-order steps: sort the raw points by step (stable, so repeated
    // steps keep their append order) before smoothing.
    QVector<int> order(curve.steps.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&curve](int a, int b) { return curve.steps[a] < curve.steps[b]; });
    QVector<double> steps(order.size());
    QVector<double> losses(order.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        steps[i] = curve.steps[order[i]];
        losses[i] = curve.losses[order[i]];
    }
    curve.steps = steps;
    curve.losses = losses;

    const QVector<double> smoothed =
        smoothValues(losses, m_smoothing, false, 0.0, &curve.lastSmoothed);
    curve.graph->setData(steps, smoothed, true);
}

bool LossPlotWidget::isLargePlot() const
{
    // Antialiased and wide lines cost several times more to draw; past this
    // many points smooth replots matter more than smooth edges.
    constexpr qint64 kLargePlotPoints = 50'000;
    return m_pointCount > kLargePlotPoints;
}

void LossPlotWidget::updateAntialiasing()
{
    const bool large = isLargePlot();
    if (m_plot->notAntialiasedElements().testFlag(QCP::aePlottables) == large)
        return;
    m_plot->setNotAntialiasedElement(QCP::aePlottables, large);
    for (auto& entry : m_curves)
        updateCurveStyle(entry.second);
}

bool LossPlotWidget::matchesFilters(const Curve& curve) const
{
    return curve.id.task == m_taskFilter && isSplitShown(curve.id.split);
}

void LossPlotWidget::applyFilters()
{
    m_plot->legend->clearItems();
    for (auto& entry : m_curves) {
        Curve& curve = entry.second;
        const bool matches = matchesFilters(curve);
        curve.graph->setVisible(matches && !curve.hiddenByUser);
        if (matches) {
            curve.graph->addToLegend();
            updateCurveStyle(curve);
        }
    }
    updateLegendLayout();
}

void LossPlotWidget::updateLegendLayout()
{
    QCPLegend* legend = m_plot->legend;
    const int rows = std::max(1, (m_plot->height() - 40) / kLegendRowHeight);
    legend->setWrap(rows);
    const bool shown = legend->itemCount() > 0;
    legend->setVisible(shown);

    // QCPLayoutGrid (QCustomPlot 2.1.0) caps a row's height at the smallest maximum height of
    // its elements, hidden ones included, and an empty legend's maximum is a few pixels. So an
    // empty legend beside the axes squashes them to 50 pixels, and it waits in the axis rect's
    // inset layout until it has items.
    QCPLayoutGrid* plotLayout = m_plot->plotLayout();
    const bool besideAxes = legend->layout() == plotLayout;
    if (shown && !besideAxes) {
        legend->layout()->take(legend);
        plotLayout->addElement(0, 1, legend);
        plotLayout->setColumnStretchFactor(1, 0.001);
    } else if (!shown && besideAxes) {
        plotLayout->take(legend);
        plotLayout->simplify();
        m_plot->axisRect()->insetLayout()->addElement(legend, Qt::AlignRight | Qt::AlignTop);
    }
}

void LossPlotWidget::updateTaskChoices(const QString& task)
{
    if (task.isEmpty() || m_taskBox->findData(task) >= 0)
        return;
    m_taskBox->addItem(task, task);
}

void LossPlotWidget::updateCurveStyle(Curve& curve)
{
    auto colourIt = m_candidateColours.find(curve.id.candidate);
    if (colourIt == m_candidateColours.end())
        colourIt = m_candidateColours.emplace(curve.id.candidate, m_nextColour++).first;
    QColor colour = seriesColor(colourIt->second);

    // Training curves are fainter and thinner, so the validation curves of the
    // same network stand out in the same hue.
    const bool training = curve.id.split == LossSplit::Training;
    if (training)
        colour.setAlpha(150);
    const double width = training || isLargePlot() ? 1.0 : 1.6;
    curve.graph->setPen(QPen(colour, width));

    QCPPlottableLegendItem* item = m_plot->legend->itemWithPlottable(curve.graph);
    if (item) {
        const QColor text = palette().color(
            curve.hiddenByUser ? QPalette::Disabled : QPalette::Active, QPalette::Text);
        item->setTextColor(text);
        QFont font = item->font();
        font.setStrikeOut(curve.hiddenByUser);
        item->setFont(font);
    }
}

void LossPlotWidget::rescaleIfAutomatic()
{
    const bool empty = m_pointCount == 0;
    m_placeholder->setVisible(empty);
    if (!m_automaticRange)
        return;
    if (empty) {
        // rescaleAxes() leaves the ranges of an empty plot as they were, so a cleared plot would
        // keep the last run's ranges, and a first plot QCustomPlot's 0 to 5.
        m_plot->xAxis->setRange(kEmptyStepRange);
        m_plot->yAxis->setRange(m_logScale ? kEmptyLogLossRange : kEmptyLossRange);
        return;
    }
    m_plot->rescaleAxes(true);
}

void LossPlotWidget::setLogScale(bool enabled)
{
    if (enabled == m_logScale)
        return;
    m_logScale = enabled;
    m_logBox->setChecked(enabled);
    QCPAxis* axis = m_plot->yAxis;
    if (enabled) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    m_automaticRange = true;
    rescaleIfAutomatic();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT logScaleChanged(enabled);
}

void LossPlotWidget::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    if (qFuzzyCompare(1.0 + weight, 1.0 + m_smoothing))
        return;
    m_smoothing = weight;
    m_smoothingBox->setValue(weight);
    for (auto& entry : m_curves)
        rebuildGraph(entry.second);
    rescaleIfAutomatic();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT smoothingChanged(weight);
}

void LossPlotWidget::setTaskFilter(const QString& task)
{
    if (task == m_taskFilter)
        return;
    m_taskFilter = task;
    updateTaskChoices(task);
    m_taskBox->setCurrentIndex(m_taskBox->findData(task));
    applyFilters();
    m_automaticRange = true;
    rescaleIfAutomatic();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlotWidget::setSplitShown(LossSplit split, bool shown)
{
    if (isSplitShown(split) == shown)
        return;
    (split == LossSplit::Training ? m_showTraining : m_showValidation) = shown;
    (split == LossSplit::Training ? m_trainingBox : m_validationBox)->setChecked(shown);
    applyFilters();
    rescaleIfAutomatic();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlotWidget::setCurveHidden(const LossCurveId& id, bool hidden)
{
    const auto it = m_curves.find(id);
    if (it == m_curves.end() || it->second.hiddenByUser == hidden)
        return;
    Curve& curve = it->second;
    curve.hiddenByUser = hidden;
    curve.graph->setVisible(matchesFilters(curve) && !hidden);
    updateCurveStyle(curve);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT curveVisibilityChanged(id, curve.graph->visible());
}

void LossPlotWidget::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*)
{
    auto* plottableItem = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!plottableItem)
        return;
    for (auto& entry : m_curves) {
        if (entry.second.graph == plottableItem->plottable()) {
            setCurveHidden(entry.first, !entry.second.hiddenByUser);
            return;
        }
    }
}

void LossPlotWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    applyPlotPalette(m_plot, palette());
    for (auto& entry : m_curves)
        updateCurveStyle(entry.second);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlotWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLegendLayout();
}

} // namespace tg
