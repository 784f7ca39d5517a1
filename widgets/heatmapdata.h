#pragma once

#include "core/affinity.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace tg {

// The contents of one heatmap: a matrix of optional values with labels, and
// optional row and column means drawn as an extra column and row. A cell whose
// row and column label are equal is a diagonal cell, drawn blank; every other
// empty cell is missing data.
struct HeatmapData
{
    QStringList rowLabels;
    QStringList columnLabels;
    // [row][column]; rowLabels.size() rows of columnLabels.size() entries.
    std::vector<std::vector<std::optional<double>>> values;
    // Empty: no mean column (row). Otherwise one entry per row (column).
    std::vector<std::optional<double>> rowMeans;
    std::vector<std::optional<double>> columnMeans;
    QString rowTitle;
    QString columnTitle;
    QString unit;
};

enum class AffinityKind
{
    Relative, // relative performance, rows: partner task, columns: measured task
    Affinity, // symmetric multi-task affinity
};

// The heatmap of one matrix of `matrices`, values in percent. The relative
// matrix takes its means from the matrices. The affinity matrix gets the mean
// of the present cells of each row, which is also the column mean because the
// matrix is symmetric.
HeatmapData heatmapFromAffinity(const AffinityMatrices& matrices, AffinityKind kind);

} // namespace tg
