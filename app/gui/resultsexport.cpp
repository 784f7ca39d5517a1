#include "app/gui/resultsexport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cmath>

namespace tg {

namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? number(*value) : QJsonValue();
}

QJsonObject solutionToJson(const CandidateTable& table, const Solution& solution)
{
    QJsonObject object{{QStringLiteral("feasible"), solution.feasible}};
    if (!solution.feasible) {
        object[QStringLiteral("minimumCost")] =
            solution.minCost >= 0 ? QJsonValue(costToSnt(solution.minCost)) : QJsonValue();
        return object;
    }
    QJsonArray networks;
    for (int index : solution.networks)
        networks << QString::fromStdString(table.networks[index].name);
    QJsonArray tasks;
    for (std::size_t t = 0; t < table.tasks.size() && t < solution.assignment.size(); ++t) {
        const Network& serving = table.networks[solution.assignment[t]];
        tasks << QJsonObject{{QStringLiteral("task"), QString::fromStdString(table.tasks[t])},
                             {QStringLiteral("loss"), number(serving.losses[t])},
                             {QStringLiteral("network"), QString::fromStdString(serving.name)}};
    }
    object[QStringLiteral("cost")] = costToSnt(solution.cost);
    object[QStringLiteral("totalLoss")] = number(solution.totalLoss);
    object[QStringLiteral("networks")] = networks;
    object[QStringLiteral("tasks")] = tasks;
    return object;
}

QJsonArray matrixToJson(const std::vector<std::vector<std::optional<double>>>& matrix)
{
    QJsonArray rows;
    for (const auto& row : matrix) {
        QJsonArray cells;
        for (const std::optional<double>& cell : row)
            cells << optionalNumber(cell);
        rows << cells;
    }
    return rows;
}

QJsonObject baselinesToJson(const CandidateTable& table, const BaselineSet& baselines)
{
    return {
        {QStringLiteral("allInOne"), solutionToJson(table, baselines.allInOne)},
        {QStringLiteral("independent"), solutionToJson(table, baselines.independent)},
        {QStringLiteral("randomMeanTotalLoss"), number(baselines.randomMeanTotalLoss)},
        {QStringLiteral("randomValidCount"), baselines.randomValidCount},
        {QStringLiteral("pessimal"), solutionToJson(table, baselines.pessimal)},
        {QStringLiteral("pessimalExact"), baselines.pessimalExact},
    };
}

} // namespace

QJsonObject resultsToJson(const ResultsSnapshot& snapshot)
{
    const CandidateTable& table = *snapshot.table;
    QJsonArray tasks;
    for (const std::string& task : table.tasks)
        tasks << QString::fromStdString(task);
    QJsonObject root{
        {QStringLiteral("source"), snapshot.source},
        {QStringLiteral("generator"),
         QStringLiteral("TaskGrouper %1").arg(QCoreApplication::applicationVersion())},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("budget"), costToSnt(snapshot.budget)},
        {QStringLiteral("selection"), solutionToJson(table, snapshot.selection)},
    };
    if (snapshot.front) {
        QJsonArray front;
        for (const Solution& solution : *snapshot.front)
            front << solutionToJson(table, solution);
        root[QStringLiteral("paretoFront")] = front;
    }
    if (snapshot.baselines)
        root[QStringLiteral("baselines")] = baselinesToJson(table, *snapshot.baselines);
    if (snapshot.affinity) {
        root[QStringLiteral("affinity")] = QJsonObject{
            {QStringLiteral("relativePercent"), matrixToJson(snapshot.affinity->relative)},
            {QStringLiteral("affinityPercent"), matrixToJson(snapshot.affinity->affinity)},
        };
    }
    return root;
}

bool writeTextFileAtomically(const QString& text, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("tg::Export", "%1: cannot write: %2")
                     .arg(path, file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = QCoreApplication::translate("tg::Export", "%1: cannot write: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writeJsonFile(const QJsonObject& object, const QString& path, QString* error)
{
    return writeTextFileAtomically(
        QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)), path, error);
}

} // namespace tg
