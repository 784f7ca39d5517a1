#pragma once

#include "core/candidatetable.h"
#include "core/experimentconfig.h"
#include "core/training/experimentstore.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

namespace tg::training {

enum class TableLosses
{
    Validation, // best validation losses, origin trained
    Test,       // test losses of the best checkpoint, origin trained
    EarlyCheck, // validation losses at the early check, origin early-stop
};

// Builds a candidate table from the candidates that have the requested
// losses. Diverged and failed candidates never enter it; with `only` not
// empty, only the named candidates do. Returns nullopt with a message when
// a task is left without any network.
std::optional<CandidateTable> buildCandidateTable(const ExperimentResults& results,
                                                  TableLosses losses,
                                                  const std::vector<std::string>& only,
                                                  std::string* error);

// Budgets 1, 1.5, ... up to the task count, in SNT units.
std::vector<Cost> standardBudgets(std::size_t taskCount);

// Names of the networks that the exact selection picks at any of the
// standard budgets, in table order.
std::vector<std::string> networksChosenAtBudgets(const CandidateTable& table);

// Writes the tables of a finished experiment (see experimentstore.h for the
// names). Appends the written paths to `written`.
bool writeExperimentTables(const QString& folder, const ExperimentResults& results,
                           Strategy strategy, QStringList* written, QString* error);

} // namespace tg::training
