#include "widgets/heatmapdata.h"

#include <QCoreApplication>

namespace tg {

namespace {

std::optional<double> meanOfPresent(const std::vector<std::optional<double>>& cells)
{
    double sum = 0.0;
    int count = 0;
    for (const std::optional<double>& cell : cells) {
        if (cell) {
            sum += *cell;
            ++count;
        }
    }
    if (count == 0)
        return std::nullopt;
    return sum / count;
}

} // namespace

HeatmapData heatmapFromAffinity(const AffinityMatrices& matrices, AffinityKind kind)
{
    HeatmapData data;
    for (const std::string& task : matrices.tasks) {
        data.rowLabels.append(QString::fromStdString(task));
        data.columnLabels.append(QString::fromStdString(task));
    }
    data.unit = QStringLiteral("%");

    if (kind == AffinityKind::Relative) {
        data.values = matrices.relative;
        data.rowMeans = matrices.rowMean;
        data.columnMeans = matrices.columnMean;
        data.rowTitle = QCoreApplication::translate("tg::HeatmapData", "Partner task");
        data.columnTitle = QCoreApplication::translate("tg::HeatmapData", "Task measured");
        return data;
    }

    data.values = matrices.affinity;
    for (const auto& row : matrices.affinity)
        data.rowMeans.push_back(meanOfPresent(row));
    data.columnMeans = data.rowMeans;
    data.rowTitle = QCoreApplication::translate("tg::HeatmapData", "Task");
    data.columnTitle = QCoreApplication::translate("tg::HeatmapData", "Task");
    return data;
}

} // namespace tg
