#include "widgets/figureexport.h"

#include "widgets/affinityheatmapwidget.h"
#include "widgets/groupinggraphwidget.h"
#include "widgets/lossplotwidget.h"
#include "widgets/tradeoffplotwidget.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace tg {

namespace {

// Translation context of the messages below.
struct FigureExport
{
    Q_DECLARE_TR_FUNCTIONS(FigureExport)
};

// Points per inch of SVG and PDF output, so that one unit of `size` is one point.
constexpr int kVectorResolution = 72;

bool renderSvg(const FigurePainter& paint, QSaveFile& file, const QSize& size, const QString& title)
{
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(kVectorResolution);
    generator.setTitle(title);
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    paint(painter, QRectF(QPointF(0, 0), size));
    return painter.end();
}

bool renderPdf(const FigurePainter& paint, QSaveFile& file, const QSize& size, const QString& title)
{
    QPdfWriter writer(&file);
    writer.setResolution(kVectorResolution);
    writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(title);
    writer.setCreator(QCoreApplication::applicationName());
    QCPPainter painter;
    if (!painter.begin(&writer))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    paint(painter, QRectF(QPointF(0, 0), size));
    return painter.end();
}

bool renderPng(const FigurePainter& paint, QSaveFile& file, const QSize& size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::transparent);
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(painter, QRectF(QPointF(0, 0), size));
    }
    return image.save(&file, "PNG");
}

} // namespace

std::optional<FigureFormat> figureFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return FigureFormat::Pdf;
    if (suffix == QLatin1String("png"))
        return FigureFormat::Png;
    return std::nullopt;
}

bool exportFigure(const FigurePainter& paint, const QString& path, const QSize& size,
                  QString* error, const QString& title)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const std::optional<FigureFormat> format = figureFormatForPath(path);
    if (!format)
        return fail(
            FigureExport::tr("Cannot export %1: unknown format; use a .svg, .pdf or .png file name")
                .arg(path));
    if (size.width() <= 0 || size.height() <= 0)
        return fail(
            FigureExport::tr("Cannot export %1: invalid size %2 x %3; both must be positive")
                .arg(path)
                .arg(size.width())
                .arg(size.height()));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(FigureExport::tr("Cannot write %1: %2").arg(path, file.errorString()));

    bool rendered = false;
    switch (*format) {
    case FigureFormat::Svg:
        rendered = renderSvg(paint, file, size, title);
        break;
    case FigureFormat::Pdf:
        rendered = renderPdf(paint, file, size, title);
        break;
    case FigureFormat::Png:
        rendered = renderPng(paint, file, size);
        break;
    }
    if (!rendered) {
        file.cancelWriting();
        return fail(FigureExport::tr("Cannot write %1: rendering the figure failed").arg(path));
    }
    if (!file.commit())
        return fail(FigureExport::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool exportPlot(QCustomPlot* plot, const QString& path, const QSize& size, QString* error,
                const QString& title)
{
    const FigurePainter paint = [plot](QPainter& painter, const QRectF& area) {
        // Every painter that exportFigure() creates is a QCPPainter.
        auto& plotPainter = static_cast<QCPPainter&>(painter);
        plotPainter.fillRect(area, plot->background().isNull() ? QBrush(Qt::white)
                                                               : QBrush(plot->background()));
        plot->toPainter(&plotPainter, static_cast<int>(area.width()),
                        static_cast<int>(area.height()));
    };
    return exportFigure(paint, path, size, error, title);
}

bool exportView(QWidget* view, const QString& path, const QSize& size, QString* error,
                const QString& title)
{
    if (auto* graph = qobject_cast<GroupingGraphWidget*>(view)) {
        const FigurePainter paint = [graph](QPainter& painter, const QRectF& area) {
            graph->paintGraph(painter, area);
        };
        return exportFigure(paint, path, size, error, title);
    }
    QCustomPlot* plot = qobject_cast<QCustomPlot*>(view);
    if (auto* lossPlot = qobject_cast<LossPlotWidget*>(view))
        plot = lossPlot->plot();
    else if (auto* heatmap = qobject_cast<AffinityHeatmapWidget*>(view))
        plot = heatmap->plot();
    else if (auto* tradeoff = qobject_cast<TradeoffPlotWidget*>(view))
        plot = tradeoff->plot();
    if (!plot) {
        if (error)
            *error = FigureExport::tr("Cannot export %1: this view has no figure").arg(path);
        return false;
    }
    return exportPlot(plot, path, size, error, title);
}

} // namespace tg
