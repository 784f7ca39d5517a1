#include "core/shortcutstudy.h"

#include "core/selection.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace tg {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The true loss of a set of networks: serving networks chosen on validation
// losses, losses read from the test table.
double trueTestLoss(const StudyInputs& inputs, const std::vector<std::string>& names)
{
    std::vector<int> indices;
    for (const std::string& name : names) {
        const int index = inputs.exhaustiveValidation.networkIndex(name);
        if (index < 0)
            return kNaN;
        indices.push_back(index);
    }
    const Solution onValidation = evaluateNetworkSet(inputs.exhaustiveValidation, indices);
    if (!onValidation.feasible)
        return kNaN;
    const Solution onTest =
        evaluateOnTable(onValidation, inputs.exhaustiveValidation, inputs.exhaustiveTest);
    return onTest.totalLoss;
}

StudyChoice choose(const StudyInputs& inputs, const StudyStrategy& strategy, Cost budget)
{
    StudyChoice choice;
    choice.strategy = strategy.name;
    choice.budget = budget;
    const Solution solution = selectNetworks(strategy.selectionTable, budget);
    choice.feasible = solution.feasible;
    if (!solution.feasible) {
        choice.selectedLoss = kNaN;
        choice.testLoss = kNaN;
        choice.regretPercent = kNaN;
        return choice;
    }
    for (const int index : solution.networks)
        choice.networks.push_back(strategy.selectionTable.networks[index].name);
    choice.cost = solution.cost;
    choice.selectedLoss = solution.totalLoss;
    choice.testLoss = trueTestLoss(inputs, choice.networks);
    return choice;
}

double lossOf(const CandidateTable& table, const std::string& network, const std::string& task)
{
    const int row = table.networkIndex(network);
    const int column = table.taskIndex(task);
    if (row < 0 || column < 0)
        return kNotSolved;
    return table.networks[row].losses[column];
}

void correlateEarly(const CandidateTable& early, const CandidateTable& test, StudyReport* report)
{
    std::vector<double> allEarly;
    std::vector<double> allTest;
    for (size_t t = 0; t < early.tasks.size(); ++t) {
        std::vector<double> x;
        std::vector<double> y;
        for (const Network& network : early.networks) {
            const double trained = lossOf(test, network.name, early.tasks[t]);
            if (!network.solves(t) || trained == kNotSolved)
                continue;
            x.push_back(network.losses[t]);
            y.push_back(trained);
        }
        report->earlyPearsonPerTask.push_back(
            {early.tasks[t], pearsonCorrelation(x, y), static_cast<int>(x.size())});
        allEarly.insert(allEarly.end(), x.begin(), x.end());
        allTest.insert(allTest.end(), y.begin(), y.end());
    }
    report->earlyPearson = pearsonCorrelation(allEarly, allTest);
    report->earlyPairs = static_cast<int>(allEarly.size());
}

void measurePredictions(const CandidateTable& predicted, const CandidateTable& test,
                        StudyReport* report)
{
    double sum = 0.0;
    int cells = 0;
    for (const Network& network : predicted.networks) {
        if (network.origin != Origin::Predicted)
            continue;
        for (size_t t = 0; t < predicted.tasks.size(); ++t) {
            const double trained = lossOf(test, network.name, predicted.tasks[t]);
            if (!network.solves(t) || trained == kNotSolved || trained <= 0.0)
                continue;
            sum += std::abs(network.losses[t] - trained) / trained;
            ++cells;
        }
    }
    report->predictedCells = cells;
    report->higherOrderRelativeError = cells > 0 ? sum / cells : kNaN;
}

std::string formatNumber(double value, int decimals)
{
    if (std::isnan(value))
        return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string joined(const std::vector<std::string>& names, const char* separator)
{
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty())
            text += separator;
        text += name;
    }
    return text;
}

} // namespace

double pearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y)
{
    const size_t n = std::min(x.size(), y.size());
    if (n < 3)
        return kNaN;
    double meanX = 0.0;
    double meanY = 0.0;
    for (size_t i = 0; i < n; ++i) {
        meanX += x[i];
        meanY += y[i];
    }
    meanX /= static_cast<double>(n);
    meanY /= static_cast<double>(n);
    double covariance = 0.0;
    double varianceX = 0.0;
    double varianceY = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double dx = x[i] - meanX;
        const double dy = y[i] - meanY;
        covariance += dx * dy;
        varianceX += dx * dx;
        varianceY += dy * dy;
    }
    if (varianceX <= 0.0 || varianceY <= 0.0)
        return kNaN;
    return covariance / std::sqrt(varianceX * varianceY);
}

std::optional<StudyReport> runShortcutStudy(const StudyInputs& inputs, std::string* error)
{
    auto fail = [&](const std::string& message) -> std::optional<StudyReport> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (inputs.strategies.empty())
        return fail("no strategy to compare; give at least the exhaustive strategy's tables");
    const std::string shapes =
        compareTableShapes(inputs.exhaustiveValidation, inputs.exhaustiveTest);
    if (!shapes.empty())
        return fail("the exhaustive validation and test tables differ: " + shapes);

    StudyReport report;
    report.strategies = inputs.strategies;
    for (const Cost budget : inputs.budgets) {
        const size_t first = report.choices.size();
        for (const StudyStrategy& strategy : inputs.strategies)
            report.choices.push_back(choose(inputs, strategy, budget));
        const double reference = report.choices[first].testLoss;
        for (size_t i = first; i < report.choices.size(); ++i) {
            StudyChoice& choice = report.choices[i];
            const bool known =
                !std::isnan(reference) && !std::isnan(choice.testLoss) && reference > 0.0;
            choice.regretPercent = known ? (choice.testLoss - reference) / reference * 100.0 : kNaN;
        }
    }
    report.earlyPearson = kNaN;
    report.higherOrderRelativeError = kNaN;
    if (inputs.earlyCheck)
        correlateEarly(*inputs.earlyCheck, inputs.exhaustiveTest, &report);
    if (inputs.predictedTest)
        measurePredictions(*inputs.predictedTest, inputs.exhaustiveTest, &report);
    return report;
}

std::string studyChoicesCsv(const StudyReport& report)
{
    std::ostringstream out;
    out << "budget,strategy,networks,cost,selected_loss,test_loss,regret_percent\n";
    for (const StudyChoice& choice : report.choices) {
        out << formatCost(choice.budget) << ',' << choice.strategy << ','
            << joined(choice.networks, " ") << ','
            << (choice.feasible ? formatCost(choice.cost) : std::string()) << ','
            << formatNumber(choice.selectedLoss, 6) << ',' << formatNumber(choice.testLoss, 6)
            << ',' << formatNumber(choice.regretPercent, 2) << '\n';
    }
    return out.str();
}

std::string studyMarkdown(const StudyReport& report, const std::string& title)
{
    std::ostringstream out;
    out << "# " << title << "\n\n";
    out << "| Budget (SNT) | Strategy | Networks | Test loss | Regret (%) |\n";
    out << "|---:|---|---|---:|---:|\n";
    for (const StudyChoice& choice : report.choices) {
        out << "| " << formatCost(choice.budget) << " | " << choice.strategy << " | "
            << (choice.feasible ? joined(choice.networks, ", ") : std::string("no cover")) << " | "
            << formatNumber(choice.testLoss, 4) << " | " << formatNumber(choice.regretPercent, 2)
            << " |\n";
    }
    out << "\n| Strategy | Networks trained | Training steps | Training multiply-adds (10^12) "
           "| Thread-hours |\n";
    out << "|---|---:|---:|---:|---:|\n";
    for (const StudyStrategy& strategy : report.strategies) {
        out << "| " << strategy.name << " | " << strategy.trainedNetworks << " | "
            << strategy.trainingSteps << " | "
            << formatNumber(strategy.trainingMultiplyAdds / 1e12, 2) << " | "
            << formatNumber(strategy.computeSeconds / 3600.0, 3) << " |\n";
    }
    out << "\nMultiply-adds count forward and backward passes as three forward passes and do "
           "not depend on the machine's load; thread-hours are training time times threads, "
           "and grow with other load.\n";
    out << "\nPearson correlation of early-check validation losses with final test losses, "
           "per task:";
    for (const TaskCorrelation& task : report.earlyPearsonPerTask)
        out << ' ' << task.task << ' ' << formatNumber(task.pearson, 3) << " (" << task.pairs
            << " networks)" << (&task == &report.earlyPearsonPerTask.back() ? "" : ",");
    out << ". Pooled over all " << report.earlyPairs
        << " network-task pairs: " << formatNumber(report.earlyPearson, 3)
        << ", which also reflects the tasks' different loss scales.\n";
    out << "\nMean relative error of higher-order predictions against trained networks: ";
    if (std::isnan(report.higherOrderRelativeError))
        out << "n/a";
    else
        out << formatNumber(report.higherOrderRelativeError * 100.0, 1) << "%";
    out << " over " << report.predictedCells << " predicted network-task losses.\n";
    return out.str();
}

} // namespace tg
