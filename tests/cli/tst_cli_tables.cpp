#include "clirun.h"
#include "core/candidatetable.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace tg;
using nlohmann::json;

namespace {

// Half-size losses a 1.25, b 2.5, c 5; pairs ab and ac, no bc.
const char* const kAffinityTable = "network,cost,a,b,c\n"
                                   "a,1,1,,\n"
                                   "b,1,,2,\n"
                                   "c,1,,,4\n"
                                   "a-half,0.5,1.25,,\n"
                                   "b-half,0.5,,2.5,\n"
                                   "c-half,0.5,,,5\n"
                                   "ab,1,1.0,2.25,\n"
                                   "ac,1,1.5,,4\n";

const char* const kBaselineTable = "network,cost,a,b,c\n"
                                   "abc,1,1,1,1\n"
                                   "ab,1,1,1,\n"
                                   "ac,1,2.2,,2\n"
                                   "bc,1,,2,1\n"
                                   "a,1,1.5,,\n"
                                   "b,1,,1.5,\n"
                                   "c,1,,,1.5\n"
                                   "a-half,0.5,2,,\n"
                                   "b-half,0.5,,2,\n"
                                   "c-half,0.5,,,2\n";

const char* const kPairTable = "network,cost,a,b,c\n"
                               "a,1,1,,\n"
                               "ab,1,1,2,\n"
                               "ac,1,3,,4\n"
                               "bc,1,,5,6\n"
                               "abc,1,9,9,9\n";

json parseJson(const QString& text)
{
    return json::parse(text.toStdString(), nullptr, false);
}

} // namespace

class TestCliTables : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpExitsZero_data();
    void helpExitsZero();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void invalidTableExitsOne_data();
    void invalidTableExitsOne();
    void affinityJson();
    void affinityText();
    void baselinesJson();
    void baselinesText();
    void predictHigherOrderCsv();
    void predictHigherOrderJson();
    void predictHigherOrderMissingPair();
    void trainUnknownTaskLeavesNoFolder();

private:
    QString write(const QString& name, const QByteArray& bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliTables::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCliTables::write(const QString& name, const QByteArray& bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliTables::helpExitsZero_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("option");
    QTest::newRow("affinity") << QStringLiteral("affinity") << QStringLiteral("--candidates");
    QTest::newRow("baselines") << QStringLiteral("baselines") << QStringLiteral("--samples");
    QTest::newRow("predict-higher-order")
        << QStringLiteral("predict-higher-order") << QStringLiteral("--out");
    QTest::newRow("train") << QStringLiteral("train") << QStringLiteral("--resume");
    QTest::newRow("demo") << QStringLiteral("demo") << QStringLiteral("--out");
    QTest::newRow("select") << QStringLiteral("select") << QStringLiteral("--budgets");
    QTest::newRow("prepare") << QStringLiteral("prepare") << QStringLiteral("--force");
    QTest::newRow("study") << QStringLiteral("study") << QStringLiteral("--report-only");
}

void TestCliTables::helpExitsZero()
{
    QFETCH(QString, command);
    QFETCH(QString, option);
    const CliRun run = runCli({command, QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(option), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("taskgrouper-cli ") + command), qPrintable(run.out));

    // --help-all, which QCommandLineParser offers, prints the same help and
    // runs nothing (demo used to start training).
    const CliRun all = runCli({command, QStringLiteral("--help-all")});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out, run.out);
    QCOMPARE(all.err, QString());
}

void TestCliTables::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString table = QStringLiteral("unused.csv");
    QTest::newRow("affinity without table")
        << QStringList{QStringLiteral("affinity")} << QStringLiteral("--candidates");
    QTest::newRow("affinity unknown option")
        << QStringList{QStringLiteral("affinity"), QStringLiteral("--bogus")}
        << QStringLiteral("bogus");
    QTest::newRow("baselines without budgets")
        << QStringList{QStringLiteral("baselines"), QStringLiteral("--candidates"), table}
        << QStringLiteral("--budgets");
    QTest::newRow("baselines bad budget")
        << QStringList{QStringLiteral("baselines"), QStringLiteral("--candidates"), table,
                       QStringLiteral("--budgets"), QStringLiteral("1,x")}
        << QStringLiteral("Invalid budget 'x'");
    QTest::newRow("baselines negative budget")
        << QStringList{QStringLiteral("baselines"), QStringLiteral("--candidates"), table,
                       QStringLiteral("--budgets"), QStringLiteral("-1")}
        << QStringLiteral("Invalid budget '-1'");
    QTest::newRow("baselines zero samples") << QStringList{QStringLiteral("baselines"),
                                                           QStringLiteral("--candidates"),
                                                           table,
                                                           QStringLiteral("--budgets"),
                                                           QStringLiteral("1"),
                                                           QStringLiteral("--samples"),
                                                           QStringLiteral("0")}
                                            << QStringLiteral("Invalid --samples '0'");
    QTest::newRow("baselines bad seed") << QStringList{QStringLiteral("baselines"),
                                                       QStringLiteral("--candidates"),
                                                       table,
                                                       QStringLiteral("--budgets"),
                                                       QStringLiteral("1"),
                                                       QStringLiteral("--seed"),
                                                       QStringLiteral("-3")}
                                        << QStringLiteral("Invalid --seed '-3'");
    QTest::newRow("predict without out") << QStringList{QStringLiteral("predict-higher-order"),
                                                        QStringLiteral("--candidates"), table}
                                         << QStringLiteral("--out");
}

void TestCliTables::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestCliTables::invalidTableExitsOne_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("affinity") << QStringLiteral("affinity");
    QTest::newRow("baselines") << QStringLiteral("baselines");
    QTest::newRow("predict-higher-order") << QStringLiteral("predict-higher-order");
}

void TestCliTables::invalidTableExitsOne()
{
    QFETCH(QString, command);
    const QString out = m_dir->filePath(QStringLiteral("out.csv"));
    const auto argumentsFor = [&](const QString& table) {
        QStringList arguments{command, QStringLiteral("--candidates"), table};
        if (command == QLatin1String("baselines"))
            arguments << QStringLiteral("--budgets") << QStringLiteral("1");
        if (command == QLatin1String("predict-higher-order"))
            arguments << QStringLiteral("--out") << out;
        return arguments;
    };

    const QString path = write(QStringLiteral("bad.csv"), "network,cost,s\na,1,1\nb,1,oops\n");
    const CliRun run = runCli(argumentsFor(path));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(path + QStringLiteral(", line 3, column 3 ('s')")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("'oops'")), qPrintable(run.err));
    QVERIFY(!QFile::exists(out));

    const QString absent = m_dir->filePath(QStringLiteral("absent.csv"));
    const CliRun missing = runCli(argumentsFor(absent));
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(absent + QStringLiteral(": cannot open")),
             qPrintable(missing.err));
}

void TestCliTables::affinityJson()
{
    const QString path = write(QStringLiteral("pairs.csv"), kAffinityTable);
    const CliRun run = runCli({QStringLiteral("affinity"), QStringLiteral("--candidates"), path,
                               QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const json document = parseJson(run.out);
    QVERIFY2(document.is_object(), qPrintable(run.out));
    QCOMPARE(document["tasks"], json::array({"a", "b", "c"}));
    QCOMPARE(document["relative"][0][1].get<double>(), 10.0);
    QCOMPARE(document["relative"][1][0].get<double>(), 20.0);
    QCOMPARE(document["relative"][2][0].get<double>(), -20.0);
    QVERIFY(document["relative"][0][0].is_null());
    QVERIFY(document["relative"][1][2].is_null());
    QCOMPARE(document["affinity"][0][1].get<double>(), 15.0);
    QCOMPARE(document["affinity"][2][0].get<double>(), 0.0);
    QVERIFY(document["affinity"][2][1].is_null());
    QCOMPARE(document["relative_row_mean"][0].get<double>(), 15.0);
    QCOMPARE(document["relative_column_mean"][2].get<double>(), 20.0);
    QCOMPARE(document["problems"].size(), std::size_t(1));
    QVERIFY(document["problems"][0].get<std::string>().find("'b' and 'c'") != std::string::npos);
}

void TestCliTables::affinityText()
{
    const QString path = write(QStringLiteral("pairs.csv"), kAffinityTable);
    const CliRun run = runCli({QStringLiteral("affinity"), QStringLiteral("--candidates"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Relative performance")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("   -20.00")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("    15.00")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("n/a")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("No pair network for tasks 'b' and 'c'")),
             qPrintable(run.out));
}

void TestCliTables::baselinesJson()
{
    const QString path = write(QStringLiteral("table.csv"), kBaselineTable);
    const CliRun run =
        runCli({QStringLiteral("baselines"), QStringLiteral("--candidates"), path,
                QStringLiteral("--budgets"), QStringLiteral("1,2"), QStringLiteral("--samples"),
                QStringLiteral("200"), QStringLiteral("--seed"), QStringLiteral("5"),
                QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const json document = parseJson(run.out);
    QVERIFY2(document.is_object(), qPrintable(run.out));
    const json& one = document["baselines"][0];
    QCOMPARE(one["budget"].get<double>(), 1.0);
    QCOMPARE(one["all_in_one"]["total_loss"].get<double>(), 3.0);
    QCOMPARE(one["all_in_one"]["networks"][0]["name"], json("abc"));
    QCOMPARE(one["all_in_one"]["networks"][0]["used_for"], json::array({"a", "b", "c"}));
    QCOMPARE(one["all_in_one"]["assignment"]["b"], json("abc"));
    QCOMPARE(one["independent"]["feasible"], json(false));
    QCOMPARE(one["independent"]["min_cost"].get<double>(), 3.0);
    QCOMPARE(one["random"]["mean_total_loss"].get<double>(), 3.0);
    QCOMPARE(one["random"]["valid_samples"].get<int>(), 200);
    QCOMPARE(one["random"]["valid_groupings"].get<int>(), 1);
    QCOMPARE(one["random"]["seed"].get<int>(), 5);
    QCOMPARE(one["pessimal"]["exact"], json(true));

    const json& two = document["baselines"][1];
    QCOMPARE(two["budget"].get<double>(), 2.0);
    QCOMPARE(two["random"]["valid_groupings"].get<int>(), 11);
    QCOMPARE(two["pessimal"]["total_loss"].get<double>(), 2.2 + 2.0 + 2.0);
    QCOMPARE(two["pessimal"]["cost"].get<double>(), 1.5);
    QCOMPARE(two["pessimal"]["networks"][0]["name"], json("ac"));
    QCOMPARE(two["pessimal"]["networks"][1]["name"], json("b-half"));
    QCOMPARE(two["pessimal"]["networks"][0]["tasks"], json::array({"a", "c"}));
}

void TestCliTables::baselinesText()
{
    const QString path = write(QStringLiteral("table.csv"), kBaselineTable);
    const CliRun run = runCli({QStringLiteral("baselines"), QStringLiteral("--candidates"), path,
                               QStringLiteral("--budgets"), QStringLiteral("0.5,2")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Budget 0.5 SNT")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("no valid grouping within the budget")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("infeasible: needs 1 SNT")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("total loss 6.2, cost 1.5 SNT, networks ac, b-half")),
             qPrintable(run.out));
}

void TestCliTables::predictHigherOrderCsv()
{
    const QString path = write(QStringLiteral("pairs.csv"), kPairTable);
    const QString out = m_dir->filePath(QStringLiteral("completed.csv"));
    const CliRun run = runCli({QStringLiteral("predict-higher-order"),
                               QStringLiteral("--candidates"), path, QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Predicted 1 rows")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("set aside 1 input rows")), qPrintable(run.out));
    const TableReadResult result = readCandidateTable(out.toStdString());
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.table->networks.size(), std::size_t(5));
    const Network& predicted = result.table->networks.back();
    QCOMPARE(predicted.name, std::string("abc"));
    QCOMPARE(predicted.origin, Origin::Predicted);
    QCOMPARE(predicted.losses, (std::vector<double>{2.0, 3.5, 5.0}));
    QCOMPARE(predicted.cost, kCostUnitsPerSnt);
}

void TestCliTables::predictHigherOrderJson()
{
    const QString path = write(QStringLiteral("pairs.csv"), kPairTable);
    const QString out = m_dir->filePath(QStringLiteral("completed.json"));
    const CliRun run = runCli({QStringLiteral("predict-higher-order"),
                               QStringLiteral("--candidates"), path, QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json document = json::parse(file.readAll().toStdString(), nullptr, false);
    QVERIFY(document.is_object());
    QCOMPARE(document["networks"].back()["origin"], json("predicted"));
    QCOMPARE(document["networks"].back()["losses"]["b"].get<double>(), 3.5);
}

void TestCliTables::predictHigherOrderMissingPair()
{
    const QString path = write(QStringLiteral("pairs.csv"), "network,cost,a,b,c\n"
                                                            "ab,1,1,2,\n"
                                                            "ac,1,3,,4\n");
    const QString out = m_dir->filePath(QStringLiteral("completed.csv"));
    const CliRun run = runCli({QStringLiteral("predict-higher-order"),
                               QStringLiteral("--candidates"), path, QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(path + QStringLiteral(": No pair network for b+c.")),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestCliTables)

void TestCliTables::trainUnknownTaskLeavesNoFolder()
{
    const QString folder = m_dir->filePath(QStringLiteral("experiment"));
    const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("--tasks"),
                               QStringLiteral("s,x"), QStringLiteral("--out"), folder});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("\"x\"")), qPrintable(run.err));
    QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));
}

#include "tst_cli_tables.moc"
