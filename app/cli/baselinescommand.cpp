#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "core/baselines.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <cmath>
#include <nlohmann/json.hpp>

namespace tg::cli {

namespace {

using Json = nlohmann::ordered_json;

struct BaselineRequest
{
    std::string path;
    std::vector<Cost> budgets;
    BaselineOptions options;
    bool json = false;
};

// Parses "1,1.5,2" into costs; returns false with `error` naming the bad entry.
bool parseBudgets(const QString& text, std::vector<Cost>* budgets, QString* error)
{
    for (const QString& entry : text.split(QLatin1Char(','))) {
        const std::optional<Cost> budget = parseCost(entry.trimmed().toStdString());
        if (!budget) {
            *error = QStringLiteral("Invalid budget '%1' in --budgets: expected comma-separated "
                                    "non-negative numbers of at most 1e9 SNT, such as 1,1.5,2.")
                         .arg(entry);
            return false;
        }
        budgets->push_back(*budget);
    }
    return true;
}

Json solutionJson(const CandidateTable& table, const Solution& solution)
{
    Json object;
    object["budget"] = costToSnt(solution.budget);
    if (!solution.feasible) {
        object["feasible"] = false;
        object["min_cost"] =
            solution.minCost < 0 ? Json(nullptr) : Json(costToSnt(solution.minCost));
        return object;
    }
    object["feasible"] = true;
    object["cost"] = costToSnt(solution.cost);
    object["total_loss"] = solution.totalLoss;
    Json networks = Json::array();
    Json assignment = Json::object();
    for (int n : solution.networks) {
        const Network& network = table.networks[n];
        Json tasks = Json::array();
        Json usedFor = Json::array();
        for (std::size_t t = 0; t < table.tasks.size(); ++t) {
            if (network.solves(t))
                tasks.push_back(table.tasks[t]);
            if (solution.assignment[t] == n)
                usedFor.push_back(table.tasks[t]);
        }
        networks.push_back({{"name", network.name},
                            {"cost", costToSnt(network.cost)},
                            {"tasks", tasks},
                            {"used_for", usedFor}});
    }
    for (std::size_t t = 0; t < table.tasks.size(); ++t)
        assignment[table.tasks[t]] = table.networks[solution.assignment[t]].name;
    object["networks"] = networks;
    object["assignment"] = assignment;
    return object;
}

Json baselinesJson(const CandidateTable& table, Cost budget, const BaselineSet& set,
                   const BaselineOptions& options)
{
    Json random;
    random["mean_total_loss"] =
        std::isnan(set.randomMeanTotalLoss) ? Json(nullptr) : Json(set.randomMeanTotalLoss);
    random["valid_samples"] = set.randomValidCount;
    random["valid_groupings"] =
        set.validGroupingCount < 0 ? Json(nullptr) : Json(set.validGroupingCount);
    random["samples"] = options.randomSamples;
    random["seed"] = options.seed;

    Json object;
    object["budget"] = costToSnt(budget);
    object["all_in_one"] = solutionJson(table, set.allInOne);
    object["independent"] = solutionJson(table, set.independent);
    object["random"] = random;
    object["pessimal"] = solutionJson(table, set.pessimal);
    object["pessimal"]["exact"] = set.pessimalExact;
    return object;
}

QString solutionText(const CandidateTable& table, const Solution& solution)
{
    if (!solution.feasible) {
        if (solution.minCost < 0)
            return QStringLiteral("not available: the table lacks the networks it needs");
        return QStringLiteral("infeasible: needs %1 SNT")
            .arg(QString::fromStdString(formatCost(solution.minCost)));
    }
    QStringList names;
    for (int n : solution.networks)
        names << QString::fromStdString(table.networks[n].name);
    return QStringLiteral("total loss %1, cost %2 SNT, networks %3")
        .arg(solution.totalLoss, 0, 'g', 6)
        .arg(QString::fromStdString(formatCost(solution.cost)), names.join(QStringLiteral(", ")));
}

void printText(QTextStream& out, const CandidateTable& table, Cost budget, const BaselineSet& set)
{
    out << "Budget " << QString::fromStdString(formatCost(budget)) << " SNT\n";
    out << "  all in one:   " << solutionText(table, set.allInOne) << '\n';
    out << "  independent:  " << solutionText(table, set.independent) << '\n';
    out << "  random:       ";
    if (set.randomValidCount == 0)
        out << "no valid grouping within the budget\n";
    else
        out << "mean total loss " << QString::number(set.randomMeanTotalLoss, 'g', 6) << " over "
            << set.randomValidCount << " valid groupings drawn\n";
    out << "  pessimal:     " << solutionText(table, set.pessimal);
    if (!set.pessimalExact)
        out << " (search stopped at its node limit: the worst grouping found, not proven worst)";
    out << '\n';
}

// Reads the options into `request`; returns an exit code, or -1 to go on.
int parseRequest(QCommandLineParser& parser, const QStringList& arguments, BaselineRequest* request)
{
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption candidates(
        QStringLiteral("candidates"),
        QStringLiteral("Candidate table to read (CSV, or JSON with a .json suffix)."),
        QStringLiteral("FILE"));
    const QCommandLineOption budgets(QStringLiteral("budgets"),
                                     QStringLiteral("Comma-separated budgets in SNT."),
                                     QStringLiteral("B1,B2,..."));
    const QCommandLineOption samples(QStringLiteral("samples"),
                                     QStringLiteral("Random groupings to average (default 1000)."),
                                     QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the random groupings (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON instead of text."));
    parser.addOptions({candidates, budgets, samples, seed, json});

    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n' << commandHelpText(parser, arguments);
        return kExitUsage;
    }
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    if (!parser.isSet(candidates) || !parser.isSet(budgets) ||
        !parser.positionalArguments().isEmpty()) {
        err << "Missing --candidates FILE or --budgets B1,B2,..., or unexpected arguments.\n"
            << commandHelpText(parser, arguments);
        return kExitUsage;
    }
    QString error;
    if (!parseBudgets(parser.value(budgets), &request->budgets, &error)) {
        err << error << '\n';
        return kExitUsage;
    }
    bool ok = false;
    request->options.randomSamples = parser.value(samples).toInt(&ok);
    if (!ok || request->options.randomSamples < 1) {
        err << "Invalid --samples '" << parser.value(samples)
            << "': expected a positive integer.\n";
        return kExitUsage;
    }
    request->options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        err << "Invalid --seed '" << parser.value(seed)
            << "': expected a non-negative integer below 2^64.\n";
        return kExitUsage;
    }
    request->path = parser.value(candidates).toStdString();
    request->json = parser.isSet(json);
    return -1;
}

} // namespace

int runBaselines(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints baseline groupings for each budget: one network for all tasks, independent "
        "full-size single-task networks, the mean total loss of random valid groupings (set "
        "partitions of the tasks, each group served by a network that solves exactly that "
        "group) and the pessimal grouping (the worst total loss within the budget)."));
    BaselineRequest request;
    const int exitCode = parseRequest(parser, arguments, &request);
    if (exitCode >= 0)
        return exitCode;

    const TableReadResult read = readCandidateTable(request.path);
    if (!read) {
        QTextStream(stderr) << QString::fromStdString(read.error) << '\n';
        return kExitInvalidInput;
    }
    const CandidateTable& table = *read.table;
    Json all = Json::array();
    QTextStream out(stdout);
    for (std::size_t i = 0; i < request.budgets.size(); ++i) {
        const Cost budget = request.budgets[i];
        const BaselineSet set = computeBaselines(table, budget, request.options);
        if (request.json) {
            all.push_back(baselinesJson(table, budget, set, request.options));
            continue;
        }
        if (i > 0)
            out << '\n';
        printText(out, table, budget, set);
    }
    if (request.json) {
        const Json document = {{"baselines", all}};
        out << QString::fromStdString(document.dump(2, ' ', false, Json::error_handler_t::replace))
            << '\n';
    }
    return kExitOk;
}

} // namespace tg::cli
