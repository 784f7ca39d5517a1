#include "clirun.h"
#include "core/candidatetable.h"
#include "core/selection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace tg;
using nlohmann::json;

namespace {

// The study trains three experiments, so it gets more than the default minute.
CliRun runStudy(const QStringList& arguments)
{
    return runCli(arguments, 240000);
}

// Three tasks so that the higher-order strategy predicts one group (sdn);
// tiny images and schedules keep the three runs to seconds.
const char* const kConfig = R"({
    "dataset": {"kind": "scenes", "seed": 3, "train": 64, "validation": 32, "test": 32},
    "tasks": ["s", "d", "n"], "imageSize": 16,
    "widths": {"full": 0.25, "half": 0.125},
    "schedule": {"batchSize": 16, "learningRate": 0.05, "momentum": 0.9,
                 "validationInterval": 0.5, "patience": 3, "plateauWindow": 4,
                 "maxSteps": 12, "maxEpochs": 10},
    "strategy": {"name": "exhaustive", "fraction": 0.5},
    "device": "cpu", "workers": 2, "seed": 5
})";

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CandidateTable table(const QString& path)
{
    TableReadResult result = readCandidateTable(path.toStdString());
    if (!result)
        qFatal("%s", result.error.c_str());
    return *result.table;
}

std::vector<std::string> names(const CandidateTable& table, const Solution& solution)
{
    std::vector<std::string> result;
    for (int index : solution.networks)
        result.push_back(table.networks[index].name);
    return result;
}

} // namespace

class TestCliStudy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsEveryStrategyAtEveryBudget();
    void exhaustiveRowsMatchSelectionOnItsTables();
    void earlyStopRowsSelectOnEarlyLosses();
    void computeMatchesTheRunsResults();
    void writesPlots();
    void secondRunReusesFinishedRuns();
    void reportOnlyNeedsFinishedRuns();
    void otherConfigurationIsRejected();
    void missingOutIsUsageError();
    void badDatasetOrTaskCreatesNothing_data();
    void badDatasetOrTaskCreatesNothing();

private:
    QTemporaryDir m_dir;
    QString m_out;
    QList<QStringList> m_rows;
};

void TestCliStudy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = m_dir.filePath(QStringLiteral("tiny.json"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kConfig);
    file.close();
    m_out = m_dir.filePath(QStringLiteral("study"));
    const CliRun run = runStudy({QStringLiteral("study"), QStringLiteral("--config"), config,
                                 QStringLiteral("--out"), m_out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("# Shortcut study")));
    // Training prints status changes, not every validation check.
    QVERIFY(run.out.contains(QStringLiteral(": done\n")));
    QVERIFY(!run.out.contains(QRegularExpression(QStringLiteral(" step [0-9]+: validation"))));
    const QList<QByteArray> lines = readAll(m_out + QStringLiteral("/study.csv")).split('\n');
    QCOMPARE(lines.first(),
             QByteArray("budget,strategy,networks,cost,selected_loss,test_loss,regret_percent"));
    for (int i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            m_rows << QString::fromUtf8(lines[i]).split(QLatin1Char(','));
    }
}

void TestCliStudy::reportsEveryStrategyAtEveryBudget()
{
    const QStringList budgets{QStringLiteral("1"), QStringLiteral("1.5"), QStringLiteral("2"),
                              QStringLiteral("2.5"), QStringLiteral("3")};
    const QStringList strategies{QStringLiteral("exhaustive"), QStringLiteral("early-stop"),
                                 QStringLiteral("higher-order")};
    QCOMPARE(m_rows.size(), 15);
    for (int i = 0; i < m_rows.size(); ++i) {
        QCOMPARE(m_rows[i].size(), 7);
        QCOMPARE(m_rows[i][0], budgets[i / 3]);
        QCOMPARE(m_rows[i][1], strategies[i % 3]);
        if (i % 3 == 0)
            QCOMPARE(m_rows[i][6], QStringLiteral("0.00"));
        const double testLoss = m_rows[i][5].toDouble();
        const double reference = m_rows[i - i % 3][5].toDouble();
        const double regret = (testLoss - reference) / reference * 100.0;
        QVERIFY(std::abs(regret - m_rows[i][6].toDouble()) < 0.01);
    }
}

void TestCliStudy::exhaustiveRowsMatchSelectionOnItsTables()
{
    const CandidateTable validation = table(m_out + QStringLiteral("/exhaustive/val.csv"));
    const CandidateTable test = table(m_out + QStringLiteral("/exhaustive/test.csv"));
    for (int i = 0; i < m_rows.size(); i += 3) {
        const Cost budget = *parseCost(m_rows[i][0].toStdString());
        const Solution solution = selectNetworks(validation, budget);
        QVERIFY(solution.feasible);
        std::string joined;
        for (const std::string& name : names(validation, solution))
            joined += (joined.empty() ? "" : " ") + name;
        QCOMPARE(m_rows[i][2].toStdString(), joined);
        const double testLoss = evaluateOnTable(solution, validation, test).totalLoss;
        QVERIFY(std::abs(m_rows[i][5].toDouble() - testLoss) < 1e-6);
    }
}

void TestCliStudy::earlyStopRowsSelectOnEarlyLosses()
{
    const CandidateTable early = table(m_out + QStringLiteral("/early-stop/early-stop.csv"));
    for (int i = 1; i < m_rows.size(); i += 3) {
        const Cost budget = *parseCost(m_rows[i][0].toStdString());
        std::string joined;
        for (const std::string& name : names(early, selectNetworks(early, budget)))
            joined += (joined.empty() ? "" : " ") + name;
        QCOMPARE(m_rows[i][2].toStdString(), joined);
    }
}

void TestCliStudy::computeMatchesTheRunsResults()
{
    const json study = json::parse(readAll(m_out + QStringLiteral("/study.json")).toStdString());
    const char* const folders[] = {"exhaustive", "early-stop", "higher-order"};
    const int networks[] = {10, 10, 9};
    for (int s = 0; s < 3; ++s) {
        const json results =
            json::parse(readAll(m_out + QLatin1Char('/') + QLatin1String(folders[s]) +
                                QStringLiteral("/results.json"))
                            .toStdString());
        std::int64_t steps = 0;
        double seconds = 0.0;
        double multiplyAdds = 0.0;
        for (const json& candidate : results.at("candidates")) {
            steps += candidate.at("step").get<std::int64_t>();
            seconds += candidate.at("computeSeconds").get<double>();
            // Batches of 16 images, forward and backward counted as three forward passes.
            multiplyAdds += 3.0 * 16.0 * candidate.at("step").get<double>() *
                            candidate.at("multiplyAdds").get<double>();
        }
        const json& facts = study.at("strategies").at(s);
        QCOMPARE(facts.at("strategy").get<std::string>(), std::string(folders[s]));
        QCOMPARE(facts.at("trainedNetworks").get<int>(), networks[s]);
        QCOMPARE(facts.at("trainingSteps").get<std::int64_t>(), steps);
        QVERIFY(std::abs(facts.at("computeSeconds").get<double>() - seconds) < 1e-9);
        QVERIFY(multiplyAdds > 0.0);
        QCOMPARE(facts.at("trainingMultiplyAdds").get<double>(), multiplyAdds);
    }
    // Early stop trains every network to the early check and only the
    // chosen ones further, so it spends fewer steps than the exhaustive run.
    QVERIFY(study["strategies"][1]["trainingSteps"].get<std::int64_t>() <
            study["strategies"][0]["trainingSteps"].get<std::int64_t>());
    QCOMPARE(study["higherOrderRelativeError"]["cells"].get<int>(), 3);
    QCOMPARE(study["earlyCheckCorrelation"]["pairs"].get<int>(), 15);
}

void TestCliStudy::writesPlots()
{
    const QImage png(m_out + QStringLiteral("/study-tradeoff.png"));
    QCOMPARE(png.size(), QSize(900, 560));
    QVERIFY(readAll(m_out + QStringLiteral("/study-tradeoff.svg")).contains("<svg"));
    QVERIFY(readAll(m_out + QStringLiteral("/study-tradeoff.pdf")).startsWith("%PDF"));
}

void TestCliStudy::secondRunReusesFinishedRuns()
{
    const QByteArray before = readAll(m_out + QStringLiteral("/study.csv"));
    const CliRun run =
        runStudy({QStringLiteral("study"), QStringLiteral("--config"),
                  m_dir.filePath(QStringLiteral("tiny.json")), QStringLiteral("--out"), m_out});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(QStringLiteral("Reusing the finished")), 3);
    QCOMPARE(readAll(m_out + QStringLiteral("/study.csv")), before);
}

void TestCliStudy::reportOnlyNeedsFinishedRuns()
{
    const QByteArray before = readAll(m_out + QStringLiteral("/study.csv"));
    CliRun run = runStudy(
        {QStringLiteral("study"), QStringLiteral("--report-only"), QStringLiteral("--out"), m_out});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(readAll(m_out + QStringLiteral("/study.csv")), before);

    const QString empty = m_dir.filePath(QStringLiteral("empty"));
    run = runStudy(
        {QStringLiteral("study"), QStringLiteral("--report-only"), QStringLiteral("--out"), empty});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(empty + QStringLiteral("/exhaustive/config.json")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("run the study without --report-only first")),
             qPrintable(run.err));

    // A study whose runs have not finished names the missing table and the fix.
    const QString unfinished = m_dir.filePath(QStringLiteral("unfinished"));
    QVERIFY(QDir().mkpath(unfinished + QStringLiteral("/exhaustive")));
    QVERIFY(QFile::copy(m_out + QStringLiteral("/exhaustive/config.json"),
                        unfinished + QStringLiteral("/exhaustive/config.json")));
    run = runStudy({QStringLiteral("study"), QStringLiteral("--report-only"),
                    QStringLiteral("--out"), unfinished});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(unfinished + QStringLiteral("/exhaustive/val.csv")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("run the study without --report-only to finish")),
             qPrintable(run.err));
}

void TestCliStudy::otherConfigurationIsRejected()
{
    const QByteArray before = readAll(m_out + QStringLiteral("/study.csv"));
    const CliRun run = runStudy({QStringLiteral("study"), QStringLiteral("--tasks"),
                                 QStringLiteral("s,d,n"), QStringLiteral("--out"), m_out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(m_out + QStringLiteral("/exhaustive/config.json contains a run with "
                                                     "another configuration")),
             qPrintable(run.err));
    QCOMPARE(readAll(m_out + QStringLiteral("/study.csv")), before);
}

void TestCliStudy::missingOutIsUsageError()
{
    const CliRun both = runStudy({QStringLiteral("study"), QStringLiteral("--config"),
                                  m_dir.filePath(QStringLiteral("tiny.json")),
                                  QStringLiteral("--preset"), QStringLiteral("demo"),
                                  QStringLiteral("--out"), m_dir.filePath(QStringLiteral("both"))});
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains(QStringLiteral("the configuration file sets all of them")),
             qPrintable(both.err));

    const CliRun run =
        runStudy({QStringLiteral("study"), QStringLiteral("--tasks"), QStringLiteral("s,d")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--out DIR is required")));
}

void TestCliStudy::badDatasetOrTaskCreatesNothing_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown data set")
        << QStringList{QStringLiteral("--dataset"), QStringLiteral("nope")}
        << QStringLiteral("unknown data set 'nope'; use scenes or multimnist");
    QTest::newRow("one task") << QStringList{QStringLiteral("--tasks"), QStringLiteral("s")}
                              << QStringLiteral("the study needs at least two tasks");
    QTest::newRow("unknown task") << QStringList{QStringLiteral("--tasks"), QStringLiteral("s,zz")}
                                  << QStringLiteral("unknown task \"zz\"");
}

void TestCliStudy::badDatasetOrTaskCreatesNothing()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString out = m_dir.filePath(QStringLiteral("not-created"));
    const CliRun run =
        runStudy(QStringList{QStringLiteral("study"), QStringLiteral("--out"), out} + options);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_GUILESS_MAIN(TestCliStudy)
#include "tst_cli_study.moc"
