#include "core/shortcutstudy.h"

#include <QtTest>
#include <cmath>

using namespace tg;

namespace {

constexpr Cost kSnt = kCostUnitsPerSnt;

// Two tasks. On validation losses the exhaustive choice is both half-size
// networks at 1 SNT (1.85), a with the half-size b at 1.5 SNT (1.55) and the
// two single-task networks at 2 SNT (1.3).
const char* const kValidation = "network,cost,a,b\n"
                                "ab,1,1.0,1.0\n"
                                "a,1,0.6,\n"
                                "b,1,,0.7\n"
                                "a-half,0.5,0.9,\n"
                                "b-half,0.5,,0.95\n";

const char* const kTest = "network,cost,a,b\n"
                          "ab,1,1.1,1.2\n"
                          "a,1,0.5,\n"
                          "b,1,,0.8\n"
                          "a-half,0.5,0.95,\n"
                          "b-half,0.5,,1.0\n";

// Early-check losses that favour the shared network at every budget.
const char* const kEarly = "network,cost,a,b,origin\n"
                           "ab,1,1.2,1.3,early-stop\n"
                           "a,1,2.0,,early-stop\n"
                           "b,1,,1.5,early-stop\n"
                           "a-half,0.5,2.2,,early-stop\n"
                           "b-half,0.5,,1.4,early-stop\n";

QStringList names(std::initializer_list<const char*> list)
{
    QStringList result;
    for (const char* name : list)
        result << QString::fromLatin1(name);
    return result;
}

CandidateTable parse(const char* text)
{
    TableReadResult result = parseCandidateCsv(text, "study.csv");
    if (!result)
        qFatal("%s", result.error.c_str());
    return *result.table;
}

StudyInputs twoTaskInputs()
{
    StudyInputs inputs;
    inputs.exhaustiveValidation = parse(kValidation);
    inputs.exhaustiveTest = parse(kTest);
    inputs.strategies.push_back({"exhaustive", parse(kValidation), 7200.0, 4e12, 5, 500});
    inputs.strategies.push_back({"early-stop", parse(kEarly), 1800.0, 1.25e12, 5, 100});
    inputs.budgets = {kSnt, kSnt + kSnt / 2, 2 * kSnt};
    inputs.earlyCheck = parse(kEarly);
    return inputs;
}

} // namespace

class TestShortcutStudy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choicesAndRegret_data();
    void choicesAndRegret();
    void correlatesEarlyLossesWithTestLosses();
    void measuresPredictionError();
    void chosenNetworkMissingFromExhaustiveTablesHasNoLoss();
    void rejectsTablesOfDifferentShape();
    void pearsonOfKnownSeries();
    void writesCsvRows();
};

void TestShortcutStudy::choicesAndRegret_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QStringList>("networks");
    QTest::addColumn<double>("testLoss");
    QTest::addColumn<double>("regret");

    const QStringList shared = names({"ab"});
    QTest::newRow("1 SNT exhaustive")
        << 0 << QStringLiteral("exhaustive") << names({"a-half", "b-half"}) << 1.95 << 0.0;
    QTest::newRow("1 SNT early stop")
        << 1 << QStringLiteral("early-stop") << shared << 2.3 << 0.35 / 1.95 * 100;
    QTest::newRow("1.5 SNT exhaustive")
        << 2 << QStringLiteral("exhaustive") << names({"a", "b-half"}) << 1.5 << 0.0;
    QTest::newRow("1.5 SNT early stop")
        << 3 << QStringLiteral("early-stop") << shared << 2.3 << 0.8 / 1.5 * 100;
    QTest::newRow("2 SNT exhaustive")
        << 4 << QStringLiteral("exhaustive") << names({"a", "b"}) << 1.3 << 0.0;
    QTest::newRow("2 SNT early stop")
        << 5 << QStringLiteral("early-stop") << shared << 2.3 << 1.0 / 1.3 * 100;
}

void TestShortcutStudy::choicesAndRegret()
{
    QFETCH(int, row);
    QFETCH(QString, strategy);
    QFETCH(QStringList, networks);
    QFETCH(double, testLoss);
    QFETCH(double, regret);

    std::string error;
    const std::optional<StudyReport> report = runShortcutStudy(twoTaskInputs(), &error);
    QVERIFY2(report, error.c_str());
    QCOMPARE(report->choices.size(), size_t(6));
    const StudyChoice& choice = report->choices[row];
    QCOMPARE(QString::fromStdString(choice.strategy), strategy);
    QVERIFY(choice.feasible);
    QStringList chosen;
    for (const std::string& name : choice.networks)
        chosen << QString::fromStdString(name);
    QCOMPARE(chosen, networks);
    QVERIFY(std::abs(choice.testLoss - testLoss) < 1e-12);
    QVERIFY2(std::abs(choice.regretPercent - regret) < 1e-9,
             qPrintable(QString::number(choice.regretPercent, 'g', 17)));
}

void TestShortcutStudy::correlatesEarlyLossesWithTestLosses()
{
    const std::optional<StudyReport> report = runShortcutStudy(twoTaskInputs(), nullptr);
    QVERIFY(report);
    QCOMPARE(report->earlyPairs, 6);
    // numpy.corrcoef of the six (early, test) pairs.
    QVERIFY(std::abs(report->earlyPearson - -0.6161001074112292) < 1e-12);
    QCOMPARE(report->earlyPearsonPerTask.size(), size_t(2));
    QCOMPARE(report->earlyPearsonPerTask[0].task, std::string("a"));
    QCOMPARE(report->earlyPearsonPerTask[0].pairs, 3);
    QVERIFY(std::abs(report->earlyPearsonPerTask[0].pearson - -0.5447047794019222) < 1e-12);
    QVERIFY(std::abs(report->earlyPearsonPerTask[1].pearson - -1.0) < 1e-12);
    QVERIFY(std::isnan(report->higherOrderRelativeError));
    QCOMPARE(report->predictedCells, 0);
}

void TestShortcutStudy::measuresPredictionError()
{
    const char* const trained = "network,cost,a,b,c\n"
                                "abc,1,0.8,2.5,3.0\n"
                                "a-half,0.5,1,,\n"
                                "b-half,0.5,,1,\n"
                                "c-half,0.5,,,1\n";
    const char* const predicted = "network,cost,a,b,c,origin\n"
                                  "a-half,0.5,1,,,trained\n"
                                  "b-half,0.5,,1,,trained\n"
                                  "c-half,0.5,,,1,trained\n"
                                  "abc,1,1.0,2.0,3.0,predicted\n";
    StudyInputs inputs;
    inputs.exhaustiveValidation = parse(trained);
    inputs.exhaustiveTest = parse(trained);
    inputs.strategies.push_back({"higher-order", parse(predicted), 60.0, 0.0, 3, 30});
    inputs.budgets = {kSnt};
    inputs.predictedTest = parse(predicted);

    const std::optional<StudyReport> report = runShortcutStudy(inputs, nullptr);
    QVERIFY(report);
    // |1.0 - 0.8| / 0.8 = 0.25, |2.0 - 2.5| / 2.5 = 0.2, 0 for c.
    QCOMPARE(report->predictedCells, 3);
    QVERIFY(std::abs(report->higherOrderRelativeError - 0.15) < 1e-12);
    QCOMPARE(report->choices.size(), size_t(1));
    // At 1 SNT only abc fits (the three halves cost 1.5); its trained losses sum to 6.3.
    QCOMPARE(report->choices[0].networks, std::vector<std::string>{"abc"});
    QVERIFY(std::abs(report->choices[0].selectedLoss - 6.0) < 1e-12);
    QVERIFY(std::abs(report->choices[0].testLoss - 6.3) < 1e-12);
}

void TestShortcutStudy::chosenNetworkMissingFromExhaustiveTablesHasNoLoss()
{
    StudyInputs inputs = twoTaskInputs();
    const char* const renamed = "network,cost,a,b\n"
                                "ab-other,1,0.1,0.1\n"
                                "a-half,0.5,0.9,\n"
                                "b-half,0.5,,0.95\n";
    inputs.strategies[1] = {"renamed", parse(renamed), 0.0, 0.0, 3, 0};
    const std::optional<StudyReport> report = runShortcutStudy(inputs, nullptr);
    QVERIFY(report);
    const StudyChoice& choice = report->choices[1];
    QCOMPARE(choice.networks, std::vector<std::string>{"ab-other"});
    QVERIFY(std::isnan(choice.testLoss));
    QVERIFY(std::isnan(choice.regretPercent));
}

void TestShortcutStudy::rejectsTablesOfDifferentShape()
{
    StudyInputs inputs = twoTaskInputs();
    inputs.exhaustiveTest = parse("network,cost,a,b\nab,1,1,1\n");
    std::string error;
    QVERIFY(!runShortcutStudy(inputs, &error));
    QVERIFY2(error.find("the exhaustive validation and test tables differ") == 0, error.c_str());

    inputs = twoTaskInputs();
    inputs.strategies.clear();
    QVERIFY(!runShortcutStudy(inputs, &error));
    QVERIFY2(error.find("no strategy") == 0, error.c_str());
}

void TestShortcutStudy::pearsonOfKnownSeries()
{
    QCOMPARE(pearsonCorrelation({1, 2, 3}, {2, 4, 6}), 1.0);
    QCOMPARE(pearsonCorrelation({1, 2, 3}, {3, 2, 1}), -1.0);
    QVERIFY(std::isnan(pearsonCorrelation({1, 2}, {1, 2})));
    QVERIFY(std::isnan(pearsonCorrelation({1, 1, 1}, {1, 2, 3})));
}

void TestShortcutStudy::writesCsvRows()
{
    const std::optional<StudyReport> report = runShortcutStudy(twoTaskInputs(), nullptr);
    QVERIFY(report);
    const std::string csv = studyChoicesCsv(*report);
    const std::string expectedStart =
        "budget,strategy,networks,cost,selected_loss,test_loss,regret_percent\n"
        "1,exhaustive,a-half b-half,1,1.850000,1.950000,0.00\n"
        "1,early-stop,ab,1,2.500000,2.300000,17.95\n"
        "1.5,exhaustive,a b-half,1.5,1.550000,1.500000,0.00\n";
    QCOMPARE(csv.substr(0, expectedStart.size()), expectedStart);
    const std::string markdown = studyMarkdown(*report, "Two tasks");
    QVERIFY(markdown.find("| 1.5 | early-stop | ab | 2.3000 | 53.33 |") != std::string::npos);
    QVERIFY(markdown.find("| early-stop | 5 | 100 | 1.25 | 0.500 |") != std::string::npos);
    QVERIFY(markdown.find("per task: a -0.545 (3 networks), b -1.000 (3 networks). Pooled over "
                          "all 6 network-task pairs: -0.616") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestShortcutStudy)
#include "tst_shortcutstudy.moc"
