#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "core/selection.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace tg::cli {
namespace {

// An error that ends the command with an exit code and a message.
struct CommandError
{
    int exitCode;
    QString message;
};

struct SelectRequest
{
    CandidateTable table;
    std::optional<CandidateTable> evaluationTable;
    Objective objective;
    std::vector<Cost> budgets; // empty with --pareto
    bool pareto = false;
    bool json = false;
};

std::optional<Cost> parseBudget(const QString& text, std::optional<CommandError>* error)
{
    const std::optional<Cost> budget = parseCost(text.trimmed().toStdString());
    if (!budget)
        *error = CommandError{kExitUsage,
                              QStringLiteral("Invalid budget '%1': expected a "
                                             "non-negative number of at most 1e9 SNT, such as "
                                             "2 or 1.5.")
                                  .arg(text)};
    return budget;
}

// Parses "task=value,..." into per-task values indexed like the table's
// tasks; tasks not named keep `fallback`.
std::optional<std::vector<double>> parseTaskValues(const QString& text, const QString& option,
                                                   const CandidateTable& table, double fallback,
                                                   std::optional<CommandError>* error)
{
    std::vector<double> values(table.tasks.size(), fallback);
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *error = CommandError{
                kExitUsage,
                QStringLiteral("Invalid --%1 entry '%2': expected TASK=NUMBER.").arg(option, item)};
            return std::nullopt;
        }
        const QString task = item.left(equals).trimmed();
        const QString number = item.mid(equals + 1).trimmed();
        bool ok = false;
        const double value = number.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0.0) {
            *error = CommandError{kExitUsage, QStringLiteral("Invalid --%1 value '%2' for task "
                                                             "'%3': expected a finite, "
                                                             "non-negative number.")
                                                  .arg(option, number, task)};
            return std::nullopt;
        }
        const int index = table.taskIndex(task.toStdString());
        if (index < 0) {
            QStringList known;
            for (const std::string& name : table.tasks)
                known << QString::fromStdString(name);
            *error = CommandError{kExitInvalidInput,
                                  QStringLiteral("Unknown task '%1' in --%2; the table's tasks "
                                                 "are: %3.")
                                      .arg(task, option, known.join(QStringLiteral(", ")))};
            return std::nullopt;
        }
        values[index] = value;
    }
    return values;
}

// Reads a candidate table. For an experiment folder, reads the table that
// training wrote there under `experimentTable` (val.csv or test.csv).
std::optional<CandidateTable> readTable(const QString& path, const QString& experimentTable,
                                        std::optional<CommandError>* error)
{
    QString file = path;
    if (QFileInfo(path).isDir()) {
        file = QDir(path).filePath(experimentTable);
        if (!QFileInfo::exists(file)) {
            *error = CommandError{
                kExitInvalidInput,
                QStringLiteral("%1 is a folder without %2. Give a candidate table file, or an "
                               "experiment folder whose training has finished.")
                    .arg(path, experimentTable)};
            return std::nullopt;
        }
    }
    TableReadResult read = readCandidateTable(file.toStdString());
    if (!read) {
        *error = CommandError{kExitInvalidInput, QString::fromStdString(read.error)};
        return std::nullopt;
    }
    return std::move(read.table);
}

std::vector<std::string> tasksWhere(const CandidateTable& table, int network,
                                    const std::vector<int>* assignment)
{
    std::vector<std::string> tasks;
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        const bool included =
            assignment ? (*assignment)[t] == network : table.networks[network].solves(t);
        if (included)
            tasks.push_back(table.tasks[t]);
    }
    return tasks;
}

QString joined(const std::vector<std::string>& names)
{
    QStringList list;
    for (const std::string& name : names)
        list << QString::fromStdString(name);
    return list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "));
}

QString snt(Cost cost)
{
    return QString::fromStdString(formatCost(cost));
}

// Names each task whose limit no network meets, with the lowest loss any
// network reaches on it.
QString unreachableLimits(const SelectRequest& request)
{
    const CandidateTable& table = request.table;
    QStringList tasks;
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        double lowest = std::numeric_limits<double>::infinity();
        for (const Network& network : table.networks) {
            if (network.solves(t))
                lowest = std::min(lowest, network.losses[t]);
        }
        if (lowest > request.objective.limit(t)) {
            tasks << QStringLiteral("Task %1 has limit %2, but its lowest loss is %3.")
                         .arg(QString::fromStdString(table.tasks[t]))
                         .arg(request.objective.limit(t))
                         .arg(lowest);
        }
    }
    return tasks.join(QLatin1Char(' '));
}

void printText(QTextStream& out, const SelectRequest& request, const Solution& solution,
               const std::optional<Solution>& evaluated)
{
    const CandidateTable& table = request.table;
    out << "Budget " << snt(solution.budget) << " SNT: ";
    if (!solution.feasible) {
        if (solution.minCost < 0)
            out << "no feasible solution: no set of networks serves every task within the "
                   "limits. "
                << unreachableLimits(request) << '\n';
        else
            out << "no feasible solution; the cheapest cover costs " << snt(solution.minCost)
                << " SNT.\n";
        return;
    }
    out << "cost " << snt(solution.cost) << " SNT, total loss "
        << QString::number(solution.totalLoss, 'f', 6) << '\n';
    if (!request.objective.weights.empty())
        out << "  weighted total loss: " << QString::number(solution.score, 'f', 6) << '\n';
    if (evaluated)
        out << "  total loss on the evaluation table: "
            << QString::number(evaluated->totalLoss, 'f', 6) << '\n';
    out << "  networks:\n";
    for (int n : solution.networks) {
        out << "    " << QString::fromStdString(table.networks[n].name) << " (cost "
            << snt(table.networks[n].cost)
            << " SNT), used for: " << joined(tasksWhere(table, n, &solution.assignment)) << '\n';
    }
    out << "  assignment:\n";
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        const int n = solution.assignment[t];
        out << "    " << QString::fromStdString(table.tasks[t]) << " <- "
            << QString::fromStdString(table.networks[n].name) << " (loss "
            << QString::number(table.networks[n].losses[t], 'f', 6) << ")\n";
    }
}

nlohmann::ordered_json toJson(const SelectRequest& request, const Solution& solution,
                              const std::optional<Solution>& evaluated)
{
    const CandidateTable& table = request.table;
    nlohmann::ordered_json object;
    object["budget"] = costToSnt(solution.budget);
    object["feasible"] = solution.feasible;
    if (!solution.feasible) {
        object["min_cost"] = solution.minCost < 0
                                 ? nlohmann::ordered_json(nullptr)
                                 : nlohmann::ordered_json(costToSnt(solution.minCost));
        return object;
    }
    object["cost"] = costToSnt(solution.cost);
    object["total_loss"] = solution.totalLoss;
    object["score"] = solution.score;
    nlohmann::ordered_json networks = nlohmann::ordered_json::array();
    for (int n : solution.networks) {
        nlohmann::ordered_json network;
        network["name"] = table.networks[n].name;
        network["cost"] = costToSnt(table.networks[n].cost);
        network["tasks"] = tasksWhere(table, n, nullptr);
        network["used_for"] = tasksWhere(table, n, &solution.assignment);
        networks.push_back(network);
    }
    object["networks"] = networks;
    nlohmann::ordered_json assignment = nlohmann::ordered_json::object();
    for (std::size_t t = 0; t < table.tasks.size(); ++t)
        assignment[table.tasks[t]] = table.networks[solution.assignment[t]].name;
    object["assignment"] = assignment;
    if (evaluated)
        object["evaluated_total_loss"] = evaluated->totalLoss;
    return object;
}

std::vector<Solution> solve(const SelectRequest& request)
{
    if (request.pareto)
        return paretoFront(request.table, request.objective);
    std::vector<Solution> solutions;
    for (Cost budget : request.budgets)
        solutions.push_back(selectNetworks(request.table, budget, request.objective));
    return solutions;
}

// Prints the solutions and returns whether every one of them is feasible.
bool printSolutions(const SelectRequest& request)
{
    const std::vector<Solution> solutions = solve(request);
    QTextStream out(stdout);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < solutions.size(); ++i) {
        const Solution& solution = solutions[i];
        std::optional<Solution> evaluated;
        if (request.evaluationTable && solution.feasible)
            evaluated = evaluateOnTable(solution, request.table, *request.evaluationTable,
                                        request.objective);
        if (request.json) {
            list.push_back(toJson(request, solution, evaluated));
            continue;
        }
        if (i > 0)
            out << '\n';
        printText(out, request, solution, evaluated);
    }
    if (request.pareto && solutions.empty() && !request.json)
        out << "No set of networks serves every task within the limits. "
            << unreachableLimits(request) << '\n';
    if (request.json) {
        nlohmann::ordered_json document;
        document["solutions"] = list;
        out << QString::fromStdString(
                   document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
            << '\n';
    }
    return !solutions.empty() &&
           std::all_of(solutions.begin(), solutions.end(),
                       [](const Solution& solution) { return solution.feasible; });
}

struct Options
{
    QCommandLineOption help{QStringList{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Displays help on commandline options.")};
    QCommandLineOption candidates{
        QStringLiteral("candidates"),
        QStringLiteral("Candidate table to select from (CSV, or JSON with a .json suffix), or an "
                       "experiment folder, whose val.csv is read."),
        QStringLiteral("FILE")};
    QCommandLineOption evaluate{
        QStringLiteral("evaluate"),
        QStringLiteral("Second table with the same networks and tasks (for example test-set "
                       "losses) on which each selection's total loss is also reported, or an "
                       "experiment folder, whose test.csv is read."),
        QStringLiteral("FILE")};
    QCommandLineOption budget{QStringLiteral("budget"),
                              QStringLiteral("Inference-time budget in SNT."), QStringLiteral("B")};
    QCommandLineOption budgets{QStringLiteral("budgets"),
                               QStringLiteral("Comma-separated budgets in SNT."),
                               QStringLiteral("B1,B2,...")};
    QCommandLineOption pareto{
        QStringLiteral("pareto"),
        QStringLiteral("Print every point of the cost/loss Pareto front instead of budgets.")};
    QCommandLineOption weights{
        QStringLiteral("weights"),
        QStringLiteral("Per-task loss weights (default 1), by the task names of the table's "
                       "header, such as d=2,n=0.5."),
        QStringLiteral("t=w,...")};
    QCommandLineOption limit{
        QStringLiteral("limit"),
        QStringLiteral("Per-task upper limits on the serving network's loss; a network above "
                       "a task's limit never serves it."),
        QStringLiteral("t=x,...")};
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print JSON: {\"solutions\": [...]}.")};
};

std::optional<SelectRequest> buildRequest(const QCommandLineParser& parser, const Options& options,
                                          std::optional<CommandError>* error)
{
    const int budgetForms = int(parser.isSet(options.budget)) + int(parser.isSet(options.budgets)) +
                            int(parser.isSet(options.pareto));
    if (!parser.isSet(options.candidates) || budgetForms != 1 ||
        !parser.positionalArguments().isEmpty()) {
        *error = CommandError{kExitUsage, QStringLiteral("Expected --candidates FILE and exactly "
                                                         "one of --budget, --budgets and "
                                                         "--pareto.")};
        return std::nullopt;
    }

    SelectRequest request;
    request.json = parser.isSet(options.json);
    request.pareto = parser.isSet(options.pareto);
    QStringList budgetTexts;
    if (parser.isSet(options.budget))
        budgetTexts << parser.value(options.budget);
    if (parser.isSet(options.budgets))
        budgetTexts = parser.value(options.budgets).split(QLatin1Char(','));
    for (const QString& text : budgetTexts) {
        const std::optional<Cost> budget = parseBudget(text, error);
        if (!budget)
            return std::nullopt;
        request.budgets.push_back(*budget);
    }

    std::optional<CandidateTable> table =
        readTable(parser.value(options.candidates), QStringLiteral("val.csv"), error);
    if (!table)
        return std::nullopt;
    request.table = std::move(*table);
    if (request.table.tasks.size() > 64) {
        *error = CommandError{kExitInvalidInput,
                              QStringLiteral("The table %1 has %2 tasks; selection supports at "
                                             "most 64.")
                                  .arg(parser.value(options.candidates))
                                  .arg(request.table.tasks.size())};
        return std::nullopt;
    }
    if (parser.isSet(options.weights)) {
        auto weights = parseTaskValues(parser.value(options.weights), QStringLiteral("weights"),
                                       request.table, 1.0, error);
        if (!weights)
            return std::nullopt;
        request.objective.weights = std::move(*weights);
    }
    if (parser.isSet(options.limit)) {
        auto limits = parseTaskValues(parser.value(options.limit), QStringLiteral("limit"),
                                      request.table, kNotSolved, error);
        if (!limits)
            return std::nullopt;
        request.objective.limits = std::move(*limits);
    }
    if (parser.isSet(options.evaluate)) {
        request.evaluationTable =
            readTable(parser.value(options.evaluate), QStringLiteral("test.csv"), error);
        if (!request.evaluationTable)
            return std::nullopt;
        const std::string mismatch = compareTableShapes(request.table, *request.evaluationTable);
        if (!mismatch.empty()) {
            *error = CommandError{kExitInvalidInput,
                                  QStringLiteral("Cannot evaluate the selection from %2 on %1. %3")
                                      .arg(parser.value(options.evaluate),
                                           parser.value(options.candidates),
                                           QString::fromStdString(mismatch))};
            return std::nullopt;
        }
    }
    return request;
}

} // namespace

int runSelect(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Chooses the set of candidate networks with the lowest total loss whose summed cost "
        "fits each budget (exact branch and bound), and prints which network serves each "
        "task. Costs and budgets are in SNT: one full-size network's inference time."));
    const Options options;
    parser.addOptions({options.help, options.candidates, options.evaluate, options.budget,
                       options.budgets, options.pareto, options.weights, options.limit,
                       options.json});

    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n' << commandHelpText(parser, arguments);
        return kExitUsage;
    }
    if (parser.isSet(options.help)) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }

    std::optional<CommandError> error;
    const std::optional<SelectRequest> request = buildRequest(parser, options, &error);
    if (!request) {
        QTextStream(stderr) << error->message << '\n';
        if (error->exitCode == kExitUsage)
            QTextStream(stderr) << commandHelpText(parser, arguments);
        return error->exitCode;
    }
    return printSolutions(*request) ? kExitOk : kExitInfeasible;
}

} // namespace tg::cli
