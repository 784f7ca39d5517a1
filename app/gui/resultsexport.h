#pragma once

#include "core/affinity.h"
#include "core/baselines.h"
#include "core/selection.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace tg {

// The contents of the results JSON: the table's source, the selection at the
// chosen budget, the whole Pareto front, the baselines at that budget when
// they were computed, and the affinity matrices.
struct ResultsSnapshot
{
    QString source;
    const CandidateTable* table = nullptr;
    Cost budget = 0;
    Solution selection;
    const std::vector<Solution>* front = nullptr;
    std::optional<BaselineSet> baselines;
    const AffinityMatrices* affinity = nullptr;
};

// Builds the JSON document. Costs are in SNT; missing values (an empty
// affinity cell, a NaN mean) are null.
QJsonObject resultsToJson(const ResultsSnapshot& snapshot);

// Writes `object` atomically to `path`. Returns false with a message naming
// the path and the reason.
bool writeJsonFile(const QJsonObject& object, const QString& path, QString* error);

// Writes `text` as UTF-8, atomically.
bool writeTextFileAtomically(const QString& text, const QString& path, QString* error);

} // namespace tg
