#pragma once

#include "core/candidatetable.h"
#include "core/cost.h"

#include <optional>
#include <string>
#include <vector>

namespace tg {

// One strategy's outcome: the table it selects on and the cost of its
// training.
struct StudyStrategy
{
    std::string name; // for example "exhaustive", "early-stop", "higher-order"
    // The losses this strategy selects on: trained validation losses for the
    // exhaustive strategy, early-check losses for early stop, the completed
    // table with predicted rows for higher order.
    CandidateTable selectionTable;
    // Training time of every network, times its threads: it grows with other
    // load on the machine.
    double computeSeconds = 0.0;
    // Multiply-adds of training, independent of load: steps x batch x the
    // network's forward multiply-adds per image x 3, where 3 estimates forward
    // plus backward.
    double trainingMultiplyAdds = 0.0;
    int trainedNetworks = 0;
    std::int64_t trainingSteps = 0;
};

struct StudyInputs
{
    // The exhaustive strategy's trained networks: validation losses decide
    // which chosen network serves each task, test losses give the true loss.
    CandidateTable exhaustiveValidation;
    CandidateTable exhaustiveTest;
    // The reference strategy first; regret is measured against its choice.
    std::vector<StudyStrategy> strategies;
    std::vector<Cost> budgets;
    // Early-stop losses, correlated with the final test losses.
    std::optional<CandidateTable> earlyCheck;
    // Higher-order table completed with predicted test losses, compared with
    // the trained networks of the same name.
    std::optional<CandidateTable> predictedTest;
};

// The grouping one strategy picks at one budget, and what it really costs.
struct StudyChoice
{
    std::string strategy;
    Cost budget = 0;
    bool feasible = false;
    std::vector<std::string> networks; // in the selection table's order
    Cost cost = 0;
    double selectedLoss = 0.0; // total loss on the strategy's own table
    // Total test loss of the chosen networks once trained: each task is
    // served by the chosen network with the lowest validation loss on it.
    // NaN when a chosen network is missing from the exhaustive tables.
    double testLoss = 0.0;
    // (testLoss - reference testLoss) / reference testLoss * 100; NaN when
    // either is unknown.
    double regretPercent = 0.0;
};

struct TaskCorrelation
{
    std::string task;
    double pearson = 0.0; // NaN when fewer than 3 pairs or no spread
    int pairs = 0;
};

struct StudyReport
{
    std::vector<StudyChoice> choices; // by budget, then in strategy order
    std::vector<StudyStrategy> strategies;
    // Pearson correlation between early-check losses and final test losses,
    // over every (network, task) cell that both tables contain, and per task.
    double earlyPearson = 0.0;
    int earlyPairs = 0;
    std::vector<TaskCorrelation> earlyPearsonPerTask;
    // Mean of |predicted - trained| / trained over the predicted cells whose
    // network was also trained; NaN when there are none.
    double higherOrderRelativeError = 0.0;
    int predictedCells = 0;
};

// Sample Pearson correlation; NaN for fewer than 3 pairs or a zero spread.
double pearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y);

// Runs every strategy's selection at every budget and measures it against the
// exhaustive tables. Returns nullopt and sets `error` when the two exhaustive
// tables differ in shape or no strategy is given.
std::optional<StudyReport> runShortcutStudy(const StudyInputs& inputs, std::string* error);

// One row per choice: budget,strategy,networks,cost,selected_loss,test_loss,
// regret_percent; networks joined with spaces.
std::string studyChoicesCsv(const StudyReport& report);

// A Markdown summary: the choices table, compute per strategy, the
// correlation and the prediction error.
std::string studyMarkdown(const StudyReport& report, const std::string& title);

} // namespace tg
