#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "core/higherorder.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace tg::cli {

namespace {} // namespace

int runPredictHigherOrder(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Completes a candidate table of single-task, half-size and pair networks with a "
        "predicted row for every group of three or more tasks: the loss of a task in a group "
        "is the mean of its losses in the pair networks with the group's other tasks. Input "
        "rows for groups of three or more tasks are left out."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption candidatesOption(
        QStringLiteral("candidates"),
        QStringLiteral("Candidate table to read (CSV, or JSON with a .json suffix)."),
        QStringLiteral("FILE"));
    const QCommandLineOption outOption(
        QStringLiteral("out"),
        QStringLiteral("Completed table to write (CSV, or JSON with a .json suffix)."),
        QStringLiteral("FILE"));
    parser.addOptions({candidatesOption, outOption});

    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n' << commandHelpText(parser, arguments);
        return kExitUsage;
    }
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    if (!parser.isSet(candidatesOption) || !parser.isSet(outOption) ||
        !parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "Missing --candidates FILE or --out FILE, or unexpected "
                               "arguments.\n"
                            << commandHelpText(parser, arguments);
        return kExitUsage;
    }

    const std::string path = parser.value(candidatesOption).toStdString();
    const TableReadResult read = readCandidateTable(path);
    if (!read) {
        QTextStream(stderr) << QString::fromStdString(read.error) << '\n';
        return kExitInvalidInput;
    }
    const HigherOrderResult result = predictHigherOrder(*read.table);
    if (!result) {
        QTextStream(stderr) << QString::fromStdString(path + ": " + result.error) << '\n';
        return kExitInvalidInput;
    }
    const std::string out = parser.value(outOption).toStdString();
    std::string error;
    if (!writeCandidateTable(*result.table, out, &error)) {
        QTextStream(stderr) << QString::fromStdString(error) << '\n';
        return kExitInvalidInput;
    }
    QTextStream(stdout) << "Predicted " << result.predicted
                        << " rows for groups of three or more tasks and set aside "
                        << result.setAside << " input rows for such groups. Wrote "
                        << QString::fromStdString(out) << ".\n";
    return kExitOk;
}

} // namespace tg::cli
