// Times the exact selection against CBC on full candidate sets and prints
// Markdown tables. Exits with status 1 when an optimal total differs from
// CBC's or CBC fails to run.
#include "benchmarkinstance.h"
#include "cbcreference.h"
#include "core/selection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>

using namespace tg;
using namespace tg::benchmark;

namespace {

constexpr std::uint32_t kSeed = 20200712;
// CBC prints its objective with eight decimals.
constexpr double kObjectiveTolerance = 1e-6;

// Whether each speed target held in this run.
struct Targets
{
    bool fasterThanCbcEverywhere = true;
    int instancesBelowCbcResolution = 0;
    bool sweepUnderOneMillisecond = true;
    bool frontFasterThanTenCbcSolves = true;
};

struct Settings
{
    QString cbcPath;
    int timeLimitSeconds = 300;
    QList<int> sizes;
    QString workDir;
};

// Mean seconds per call over enough calls to fill about 0.2 s (at least one).
double timeCalls(const std::function<void()>& call)
{
    using Clock = std::chrono::steady_clock;
    int calls = 0;
    const Clock::time_point start = Clock::now();
    double elapsed = 0.0;
    do {
        call();
        ++calls;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < 0.2);
    return elapsed / calls;
}

QString milliseconds(double seconds)
{
    return QString::number(seconds * 1000.0, 'f', seconds < 0.01 ? 3 : 1);
}

// Tight, middle and loose budgets: a quarter, half and three quarters of one
// full-size network per task, rounded to half a network.
QList<Cost> budgetsFor(int taskCount)
{
    QList<Cost> budgets;
    for (double fraction : {0.25, 0.5, 0.75}) {
        const double snt = std::round(fraction * taskCount * 2.0) / 2.0;
        budgets.push_back(*costFromSnt(snt));
    }
    return budgets;
}

QString checkColumn(const CbcResult& cbc, double score, bool* mismatch)
{
    if (!cbc.ran) {
        *mismatch = true;
        return QStringLiteral("CBC FAILED");
    }
    if (!cbc.optimal)
        return QStringLiteral("CBC stopped at %1 s").arg(cbc.reportedSeconds);
    if (std::abs(cbc.objective - score) > kObjectiveTolerance) {
        *mismatch = true;
        return QStringLiteral("MISMATCH");
    }
    return QStringLiteral("equal");
}

void printLine(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

bool runInstances(const Settings& settings, Targets* targets)
{
    bool mismatch = false;
    printLine(QStringLiteral("| tasks | networks | budget | total loss | branch and bound (ms) | "
                             "nodes | CBC reported (ms) | CBC wall (ms) | speed-up | "
                             "brute force (ms) | check |"));
    printLine(QStringLiteral("|---|---|---|---|---|---|---|---|---|---|---|"));
    for (int taskCount : settings.sizes) {
        const CandidateTable table = makeFullCandidateSet(taskCount, kSeed + taskCount);
        for (Cost budget : budgetsFor(taskCount)) {
            SearchStats stats;
            const Solution solution = selectNetworks(table, budget, {}, &stats);
            const double ours = timeCalls([&] { selectNetworks(table, budget); });
            const CbcResult cbc = solveWithCbc(table, budget, settings.cbcPath, settings.workDir,
                                               settings.timeLimitSeconds);
            QString brute = QStringLiteral("-");
            if (taskCount <= 5) {
                Solution reference;
                const double seconds =
                    timeCalls([&] { reference = bruteForceSelect(table, budget); });
                brute = milliseconds(seconds);
                if (reference.networks != solution.networks) {
                    mismatch = true;
                    brute += QStringLiteral(" MISMATCH");
                }
            }
            if (!cbc.error.isEmpty())
                std::fprintf(stderr, "%s\n", qPrintable(cbc.error));
            // CBC prints its time in 10 ms steps; 0.00 means it finished
            // below 5 ms, which the comparison cannot resolve.
            if (cbc.reportedSeconds > 0.0 && !(ours < cbc.reportedSeconds))
                targets->fasterThanCbcEverywhere = false;
            if (cbc.reportedSeconds == 0.0)
                ++targets->instancesBelowCbcResolution;
            printLine(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 |")
                          .arg(taskCount)
                          .arg(table.networks.size())
                          .arg(QString::fromStdString(formatCost(budget)))
                          .arg(solution.score, 0, 'f', 6)
                          .arg(milliseconds(ours))
                          .arg(stats.nodes)
                          .arg(milliseconds(cbc.reportedSeconds))
                          .arg(milliseconds(cbc.wallSeconds))
                          .arg(cbc.reportedSeconds > 0 ? QStringLiteral("%1x").arg(
                                                             cbc.reportedSeconds / ours, 0, 'f', 0)
                                                       : QStringLiteral("-"))
                          .arg(brute)
                          .arg(checkColumn(cbc, solution.score, &mismatch)));
        }
    }
    return !mismatch;
}

void runBudgetSweep(Targets* targets)
{
    const CandidateTable table = makeFullCandidateSet(5, kSeed + 5);
    const double seconds = timeCalls([&] {
        for (Cost budget = kCostUnitsPerSnt; budget <= 5 * kCostUnitsPerSnt;
             budget += kCostUnitsPerSnt / 2)
            selectNetworks(table, budget);
    });
    targets->sweepUnderOneMillisecond = seconds < 0.001;
    printLine(QStringLiteral("\n5 tasks (%1 networks), budgets 1 to 5 in steps of 0.5 (9 "
                             "budgets): %2 ms in total, mean of repeated sweeps")
                  .arg(table.networks.size())
                  .arg(milliseconds(seconds)));
}

bool runParetoComparison(const Settings& settings, Targets* targets)
{
    const int taskCount = 10;
    const CandidateTable table = makeFullCandidateSet(taskCount, kSeed + taskCount);
    std::vector<Solution> front;
    const double ours = timeCalls([&] { front = paretoFront(table); });

    bool mismatch = false;
    double cbcReported = 0.0;
    double cbcWall = 0.0;
    QStringList checks;
    for (int snt = 1; snt <= 10; ++snt) {
        const Cost budget = snt * kCostUnitsPerSnt;
        const CbcResult cbc = solveWithCbc(table, budget, settings.cbcPath, settings.workDir,
                                           settings.timeLimitSeconds);
        cbcReported += cbc.reportedSeconds;
        cbcWall += cbc.wallSeconds;
        checks << QStringLiteral("%1: %2").arg(snt).arg(
            checkColumn(cbc, solutionAtBudget(front, budget).score, &mismatch));
    }
    targets->frontFasterThanTenCbcSolves = ours < cbcReported;
    printLine(QStringLiteral("\n10 tasks (%1 networks): whole Pareto front (%2 points) %3 ms; "
                             "CBC at budgets 1, 2, ..., 10: %4 ms reported, %5 ms wall; "
                             "speed-up %6x")
                  .arg(table.networks.size())
                  .arg(front.size())
                  .arg(milliseconds(ours))
                  .arg(milliseconds(cbcReported))
                  .arg(milliseconds(cbcWall))
                  .arg(cbcReported / ours, 0, 'f', 1));
    printLine(QStringLiteral("front read at each budget against CBC: ") +
              checks.join(QStringLiteral(", ")));
    return !mismatch;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the exact network selection against the CBC integer-program "
                       "solver on full candidate sets."));
    parser.addHelpOption();
    const QCommandLineOption cbcOption(QStringLiteral("cbc"),
                                       QStringLiteral("Path of the cbc program."),
                                       QStringLiteral("path"), QStringLiteral("cbc"));
    const QCommandLineOption limitOption(QStringLiteral("time-limit"),
                                         QStringLiteral("CBC time limit per solve, in seconds."),
                                         QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption sizesOption(QStringLiteral("sizes"),
                                         QStringLiteral("Comma-separated task counts, 2 to 16."),
                                         QStringLiteral("list"), QStringLiteral("5,8,10,12"));
    parser.addOptions({cbcOption, limitOption, sizesOption});
    parser.process(app);

    Settings settings;
    settings.cbcPath = parser.value(cbcOption);
    bool ok = false;
    settings.timeLimitSeconds = parser.value(limitOption).toInt(&ok);
    if (!ok || settings.timeLimitSeconds <= 0) {
        std::fprintf(stderr, "invalid --time-limit '%s': expected a positive whole number\n",
                     qPrintable(parser.value(limitOption)));
        return 2;
    }
    for (const QString& item : parser.value(sizesOption).split(QLatin1Char(','))) {
        const int size = item.toInt(&ok);
        if (!ok || size < 2 || size > 16) {
            std::fprintf(stderr, "invalid task count '%s' in --sizes: expected 2 to 16\n",
                         qPrintable(item));
            return 2;
        }
        settings.sizes << size;
    }
    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder: %s\n",
                     qPrintable(workDir.errorString()));
        return 1;
    }
    settings.workDir = workDir.path();

    Targets targets;
    bool identical = runInstances(settings, &targets);
    runBudgetSweep(&targets);
    identical = runParetoComparison(settings, &targets) && identical;

    auto verdict = [](bool met) { return met ? "met" : "NOT met"; };
    std::printf("\nTargets:\n");
    std::printf("  faster than CBC's reported time on every instance: %s (%d instances where "
                "CBC printed 0.00 s, below its 10 ms resolution, are not compared)\n",
                verdict(targets.fasterThanCbcEverywhere), targets.instancesBelowCbcResolution);
    std::printf("  5-task budget sweep under 1 ms: %s\n",
                verdict(targets.sweepUnderOneMillisecond));
    std::printf("  10-task Pareto front faster than CBC on ten budgets: %s\n",
                verdict(targets.frontFasterThanTenCbcSolves));
    std::printf("  optimal totals identical to the references: %s\n", verdict(identical));
    if (!identical) {
        std::fprintf(stderr, "an optimal total differs from the reference; see the table\n");
        return 1;
    }
    return 0;
}
