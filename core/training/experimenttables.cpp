#include "core/training/experimenttables.h"

#include "core/higherorder.h"
#include "core/selection.h"

#include <algorithm>
#include <set>

namespace tg::training {

namespace {

const std::vector<double>* chosenLosses(const CandidateRecord& record, TableLosses losses)
{
    switch (losses) {
    case TableLosses::Validation:
        return record.status == CandidateStatus::Done ? &record.validationLosses : nullptr;
    case TableLosses::Test:
        return record.status == CandidateStatus::Done ? &record.testLosses : nullptr;
    case TableLosses::EarlyCheck:
        return &record.earlyLosses;
    }
    return nullptr;
}

bool writeTable(const CandidateTable& table, const QString& path, QStringList* written,
                QString* error)
{
    std::string message;
    if (!writeCandidateTable(table, path.toStdString(), &message)) {
        *error = QString::fromStdString(message);
        return false;
    }
    written->append(path);
    return true;
}

bool writeHigherOrder(const CandidateTable& table, const QString& path, QStringList* written,
                      QString* error)
{
    const HigherOrderResult completed = predictHigherOrder(table);
    if (!completed) {
        *error = path + QStringLiteral(": ") + QString::fromStdString(completed.error);
        return false;
    }
    return writeTable(*completed.table, path, written, error);
}

} // namespace

std::optional<CandidateTable> buildCandidateTable(const ExperimentResults& results,
                                                  TableLosses losses,
                                                  const std::vector<std::string>& only,
                                                  std::string* error)
{
    CandidateTable table;
    table.tasks = results.tasks;
    for (const CandidateRecord& record : results.candidates) {
        if (!only.empty() && std::find(only.begin(), only.end(), record.name) == only.end())
            continue;
        if (record.status == CandidateStatus::Diverged || record.status == CandidateStatus::Failed)
            continue;
        const std::vector<double>* values = chosenLosses(record, losses);
        if (values == nullptr || values->size() != record.tasks.size() || values->empty())
            continue;
        Network network;
        network.name = record.name;
        network.cost = costFromSnt(record.costSnt).value_or(0);
        network.origin = losses == TableLosses::EarlyCheck ? Origin::EarlyStop : Origin::Trained;
        network.losses.assign(table.tasks.size(), kNotSolved);
        for (size_t i = 0; i < record.tasks.size(); ++i)
            network.losses[table.taskIndex(record.tasks[i])] = (*values)[i];
        table.networks.push_back(network);
    }
    for (size_t t = 0; t < table.tasks.size(); ++t) {
        const bool solved = std::any_of(table.networks.begin(), table.networks.end(),
                                        [t](const Network& network) { return network.solves(t); });
        if (!solved) {
            *error = "no trained network solves task '" + table.tasks[t] +
                     "' (every candidate for it diverged, failed or was not trained)";
            return std::nullopt;
        }
    }
    return table;
}

std::vector<Cost> standardBudgets(std::size_t taskCount)
{
    std::vector<Cost> budgets;
    for (Cost budget = kCostUnitsPerSnt; budget <= Cost(taskCount) * kCostUnitsPerSnt;
         budget += kCostUnitsPerSnt / 2)
        budgets.push_back(budget);
    return budgets;
}

std::vector<std::string> networksChosenAtBudgets(const CandidateTable& table)
{
    std::set<int> chosen;
    for (Cost budget : standardBudgets(table.tasks.size())) {
        const Solution solution = selectNetworks(table, budget);
        if (solution.feasible)
            chosen.insert(solution.networks.begin(), solution.networks.end());
    }
    std::vector<std::string> names;
    for (int index : chosen)
        names.push_back(table.networks[index].name);
    return names;
}

bool writeExperimentTables(const QString& folder, const ExperimentResults& results,
                           Strategy strategy, QStringList* written, QString* error)
{
    const std::vector<std::string> only =
        strategy == Strategy::EarlyStop ? results.chosen : std::vector<std::string>();
    std::string message;
    const auto validation = buildCandidateTable(results, TableLosses::Validation, only, &message);
    const auto test =
        validation ? buildCandidateTable(results, TableLosses::Test, only, &message) : std::nullopt;
    if (!validation || !test) {
        *error = folder + QStringLiteral(": cannot write the candidate tables: ") +
                 QString::fromStdString(message);
        return false;
    }
    if (!writeTable(*validation, folder + QStringLiteral("/val.csv"), written, error) ||
        !writeTable(*test, folder + QStringLiteral("/test.csv"), written, error))
        return false;
    if (strategy == Strategy::HigherOrder) {
        return writeHigherOrder(*validation, folder + QStringLiteral("/higher-order-val.csv"),
                                written, error) &&
               writeHigherOrder(*test, folder + QStringLiteral("/higher-order-test.csv"), written,
                                error);
    }
    return true;
}

} // namespace tg::training
