#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "core/affinity.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace tg::cli {

namespace {

using Matrix = std::vector<std::vector<std::optional<double>>>;

QString cell(const std::optional<double>& value, bool diagonal)
{
    const QString text = diagonal ? QStringLiteral("-")
                         : value  ? QString::number(*value, 'f', 2)
                                  : QStringLiteral("n/a");
    return text.rightJustified(9);
}

void printMatrix(QTextStream& out, const AffinityMatrices& result, const Matrix& matrix,
                 bool withMeans)
{
    const int k = static_cast<int>(result.tasks.size());
    out << QString().leftJustified(10);
    for (const std::string& task : result.tasks)
        out << QString::fromStdString(task).rightJustified(9);
    out << (withMeans ? QStringLiteral("     mean\n") : QStringLiteral("\n"));
    for (int a = 0; a < k; ++a) {
        out << QString::fromStdString(result.tasks[a]).leftJustified(10);
        for (int b = 0; b < k; ++b)
            out << cell(matrix[a][b], a == b);
        if (withMeans)
            out << cell(result.rowMean[a], false);
        out << '\n';
    }
    if (!withMeans)
        return;
    out << QStringLiteral("mean").leftJustified(10);
    for (int b = 0; b < k; ++b)
        out << cell(result.columnMean[b], false);
    out << '\n';
}

void printText(const AffinityMatrices& result)
{
    QTextStream out(stdout);
    out << "Relative performance (%) of the column task in the pair network with the row task,\n"
           "compared with its half-size network (positive: better in the pair):\n";
    printMatrix(out, result, result.relative, true);
    out << "\nAffinity (%): mean of both directions of the relative performance:\n";
    printMatrix(out, result, result.affinity, false);
    if (!result.problems.empty()) {
        out << "\nMissing values:\n";
        for (const std::string& problem : result.problems)
            out << "  " << QString::fromStdString(problem) << '\n';
    }
}

nlohmann::json toJson(const std::vector<std::optional<double>>& values)
{
    nlohmann::json array = nlohmann::json::array();
    for (const std::optional<double>& value : values)
        array.push_back(value ? nlohmann::json(*value) : nlohmann::json(nullptr));
    return array;
}

nlohmann::json toJson(const Matrix& matrix)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const std::vector<std::optional<double>>& row : matrix)
        rows.push_back(toJson(row));
    return rows;
}

void printJson(const AffinityMatrices& result)
{
    nlohmann::ordered_json document;
    document["tasks"] = result.tasks;
    document["relative"] = toJson(result.relative);
    document["affinity"] = toJson(result.affinity);
    document["relative_row_mean"] = toJson(result.rowMean);
    document["relative_column_mean"] = toJson(result.columnMean);
    document["problems"] = result.problems;
    const std::string text =
        document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    QTextStream(stdout) << QString::fromStdString(text) << '\n';
}

} // namespace

int runAffinity(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the task affinity of a candidate table: the relative performance of each task "
        "in every pair network compared with its half-size network, in percent, and the "
        "symmetric affinity of each pair."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption candidatesOption(
        QStringLiteral("candidates"),
        QStringLiteral("Candidate table to read (CSV, or JSON with a .json suffix)."),
        QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print JSON instead of text."));
    parser.addOptions({candidatesOption, jsonOption});

    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n' << commandHelpText(parser, arguments);
        return kExitUsage;
    }
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    if (!parser.isSet(candidatesOption) || !parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "Missing --candidates FILE or unexpected arguments.\n"
                            << commandHelpText(parser, arguments);
        return kExitUsage;
    }

    const TableReadResult read = readCandidateTable(parser.value(candidatesOption).toStdString());
    if (!read) {
        QTextStream(stderr) << QString::fromStdString(read.error) << '\n';
        return kExitInvalidInput;
    }
    const AffinityMatrices result = computeAffinity(*read.table);
    if (parser.isSet(jsonOption))
        printJson(result);
    else
        printText(result);
    return kExitOk;
}

} // namespace tg::cli
