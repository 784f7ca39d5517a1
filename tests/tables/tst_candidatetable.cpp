#include "core/candidatetable.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <random>

using namespace tg;

namespace {

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path.toStdString();
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Compares two tables field by field, losses bit for bit.
void compareTables(const CandidateTable& actual, const CandidateTable& expected)
{
    QCOMPARE(actual.tasks, expected.tasks);
    QCOMPARE(actual.networks.size(), expected.networks.size());
    for (std::size_t n = 0; n < expected.networks.size(); ++n) {
        const Network& a = actual.networks[n];
        const Network& e = expected.networks[n];
        QCOMPARE(a.name, e.name);
        QCOMPARE(a.cost, e.cost);
        QCOMPARE(a.origin, e.origin);
        QCOMPARE(a.losses.size(), e.losses.size());
        for (std::size_t t = 0; t < e.losses.size(); ++t)
            QVERIFY2(sameBits(a.losses[t], e.losses[t]), (a.name + " loss differs").c_str());
    }
}

CandidateTable awkwardTable()
{
    CandidateTable table;
    table.tasks = {"seg", "depth", "n,x"};
    table.networks = {
        {"all", 1'000'000, {0.1 + 0.2, 1.0 / 3.0, 123456789.123456789}, Origin::Trained},
        {"#starts with hash", 500'000, {1e-300, kNotSolved, kNotSolved}, Origin::EarlyStop},
        {"quote \"q\", comma", 1'250'000, {kNotSolved, 5e-324, 0.0}, Origin::Predicted},
        {" padded ", 1, {kNotSolved, kNotSolved, 1.7976931348623157e308}, Origin::Trained},
    };
    return table;
}

} // namespace

class TestCandidateTable : public QObject
{
    Q_OBJECT

private slots:
    void readsCsvWithBomCrlfCommentsQuotes();
    void readsOriginColumnAnywhere();
    void badCsvNamesLineAndValue_data();
    void badCsvNamesLineAndValue();
    void badJsonNamesPositionAndValue_data();
    void badJsonNamesPositionAndValue();
    void readsJson();
    void csvRoundTripIsExact();
    void jsonRoundTripIsExact();
    void writeFailureNamesPath();
    void missingFileNamesPath();
    void compareShapesMatchesReordered();
    void compareShapesNamesDifferences();
    void compareShapesNamesSolvedTaskMismatch();
    void bundledExamplesRead();
    void garbageNeverCrashes();
};

void TestCandidateTable::readsCsvWithBomCrlfCommentsQuotes()
{
    const std::string text = "\xEF\xBB\xBF# example table\r\n"
                             "network , cost,s,d\r\n"
                             "\r\n"
                             "# a comment between rows\r\n"
                             "\"s,d\",1, 0.5 ,0.25\r\n"
                             "\"say \"\"hi\"\"\",0.5,1.5,\r\n"
                             "\"two\r\nlines\",2,,3\r\n";
    const TableReadResult result = parseCandidateCsv(text, "mem.csv");
    QVERIFY2(result, result.error.c_str());
    const CandidateTable& table = *result.table;
    QCOMPARE(table.tasks, (std::vector<std::string>{"s", "d"}));
    QCOMPARE(table.networks.size(), std::size_t(3));
    QCOMPARE(table.networks[0].name, std::string("s,d"));
    QCOMPARE(table.networks[0].cost, Cost(1'000'000));
    QCOMPARE(table.networks[0].losses[0], 0.5);
    QCOMPARE(table.networks[0].losses[1], 0.25);
    QCOMPARE(table.networks[1].name, std::string("say \"hi\""));
    QCOMPARE(table.networks[1].cost, Cost(500'000));
    QVERIFY(!table.networks[1].solves(1));
    QCOMPARE(table.networks[2].name, std::string("two\r\nlines"));
    QCOMPARE(table.networks[2].losses[1], 3.0);
    QCOMPARE(table.networks[2].origin, Origin::Trained);
    QCOMPARE(table.networkIndex("s,d"), 0);
    QCOMPARE(table.networkIndex("absent"), -1);
    QCOMPARE(table.taskIndex("d"), 1);
    QCOMPARE(table.taskIndex("cost"), -1);
}

void TestCandidateTable::readsOriginColumnAnywhere()
{
    const std::string text = "origin,s,network,cost\n"
                             "predicted,1,a,1\n"
                             ",2,b,0.5\n"
                             "early-stop,3,c,0.25\n";
    const TableReadResult result = parseCandidateCsv(text, "mem.csv");
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.table->tasks, std::vector<std::string>{"s"});
    QCOMPARE(result.table->networks[0].origin, Origin::Predicted);
    QCOMPARE(result.table->networks[1].origin, Origin::Trained);
    QCOMPARE(result.table->networks[2].origin, Origin::EarlyStop);
    QCOMPARE(result.table->networks[2].cost, Cost(250'000));
    QCOMPARE(result.table->networks[2].losses[0], 3.0);
}

void TestCandidateTable::badCsvNamesLineAndValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("fragments");

    const QByteArray head = "network,cost,s,d\n";
    QTest::newRow("empty file") << QByteArray() << QStringList{QStringLiteral("file is empty")};
    QTest::newRow("only comments")
        << QByteArray("# one\n# two\n\n") << QStringList{QStringLiteral("file is empty")};
    QTest::newRow("no network column")
        << QByteArray("name,cost,s\nx,1,1\n")
        << QStringList{QStringLiteral("line 1:"), QStringLiteral("no 'network' column")};
    QTest::newRow("no cost column")
        << QByteArray("# c\nnetwork,price,s\nx,1,1\n")
        << QStringList{QStringLiteral("line 2:"), QStringLiteral("no 'cost' column")};
    QTest::newRow("no task columns")
        << QByteArray("network,cost\nx,1\n")
        << QStringList{QStringLiteral("line 1:"), QStringLiteral("no task columns")};
    QTest::newRow("duplicate task column")
        << QByteArray("network,cost,s,s\nx,1,1,1\n")
        << QStringList{QStringLiteral("line 1, column 4 ('s')"),
                       QStringLiteral("duplicate column 's' (also column 3)")};
    QTest::newRow("duplicate network column")
        << QByteArray("network,cost,s,network\n")
        << QStringList{QStringLiteral("column 4"), QStringLiteral("duplicate column 'network'")};
    QTest::newRow("empty task name")
        << QByteArray("network,cost,s,,d\n")
        << QStringList{QStringLiteral("line 1, column 4"), QStringLiteral("empty task name")};
    QTest::newRow("duplicate network name")
        << head + "a,1,1,\nb,1,,1\na,1,2,\n"
        << QStringList{QStringLiteral("line 4, column 1 ('network')"),
                       QStringLiteral("duplicate network name 'a' (first on line 2)")};
    QTest::newRow("empty network name")
        << head + ",1,1,1\n"
        << QStringList{QStringLiteral("line 2, column 1 ('network')"),
                       QStringLiteral("empty network name")};
    QTest::newRow("non-numeric cost") << head + "a,1,1,1\nb,abc,1,1\n"
                                      << QStringList{QStringLiteral("line 3, column 2 ('cost')"),
                                                     QStringLiteral("invalid cost 'abc'")};
    QTest::newRow("empty cost") << head + "a,,1,1\n"
                                << QStringList{QStringLiteral("line 2, column 2 ('cost')"),
                                               QStringLiteral("invalid cost ''")};
    QTest::newRow("negative cost") << head + "a,-1,1,1\n"
                                   << QStringList{QStringLiteral("line 2, column 2 ('cost')"),
                                                  QStringLiteral("invalid cost '-1'")};
    QTest::newRow("NaN cost") << head + "a,nan,1,1\n"
                              << QStringList{QStringLiteral("line 2, column 2 ('cost')"),
                                             QStringLiteral("invalid cost 'nan'")};
    QTest::newRow("infinite cost") << head + "a,inf,1,1\n"
                                   << QStringList{QStringLiteral("line 2, column 2 ('cost')"),
                                                  QStringLiteral("invalid cost 'inf'")};
    QTest::newRow("non-numeric loss") << head + "a,1,1.2.3,1\n"
                                      << QStringList{QStringLiteral("line 2, column 3 ('s')"),
                                                     QStringLiteral("invalid loss '1.2.3'")};
    QTest::newRow("negative loss") << head + "a,1,1,-0.5\n"
                                   << QStringList{QStringLiteral("line 2, column 4 ('d')"),
                                                  QStringLiteral("invalid loss '-0.5'")};
    QTest::newRow("NaN loss") << head + "a,1,NaN,1\n"
                              << QStringList{QStringLiteral("line 2, column 3 ('s')"),
                                             QStringLiteral("invalid loss 'NaN'")};
    QTest::newRow("infinite loss") << head + "a,1,1,inf\n"
                                   << QStringList{QStringLiteral("line 2, column 4 ('d')"),
                                                  QStringLiteral("invalid loss 'inf'")};
    QTest::newRow("overflowing loss") << head + "a,1,1e999,1\n"
                                      << QStringList{QStringLiteral("line 2, column 3 ('s')"),
                                                     QStringLiteral("invalid loss '1e999'")};
    QTest::newRow("row solves no task")
        << head + "a,1,1,1\nidle,1,,\n"
        << QStringList{QStringLiteral("line 3:"), QStringLiteral("network 'idle' solves no task")};
    QTest::newRow("task nobody solves")
        << head + "a,1,1,\nb,1,2,\n"
        << QStringList{QStringLiteral("line 1, column 4 ('d')"),
                       QStringLiteral("no network solves task 'd'")};
    QTest::newRow("short row") << head + "a,1,1,1\nb,1,1\n"
                               << QStringList{
                                      QStringLiteral("line 3:"),
                                      QStringLiteral("the row has 3 fields but the header has 4")};
    QTest::newRow("long row") << head + "a,1,1,1,9\n"
                              << QStringList{QStringLiteral("line 2:"),
                                             QStringLiteral("the row has 5 fields")};
    QTest::newRow("unknown origin") << QByteArray("network,cost,s,origin\na,1,1,guessed\n")
                                    << QStringList{QStringLiteral("line 2, column 4 ('origin')"),
                                                   QStringLiteral("invalid origin 'guessed'")};
    QTest::newRow("no rows") << head
                             << QStringList{QStringLiteral("the table has no network rows")};
    QTest::newRow("unclosed quote")
        << head + "a,1,1,1\n\"b,1,1,1\n"
        << QStringList{QStringLiteral("line 3:"), QStringLiteral("never closed")};
    QTest::newRow("text after quote")
        << head + "\"a\"x,1,1,1\n"
        << QStringList{QStringLiteral("line 2:"), QStringLiteral("after the closing double quote")};
    QTest::newRow("comments count as lines")
        << QByteArray("# c\nnetwork,cost,s\n# c2\n\nx,1,bad\n")
        << QStringList{QStringLiteral("line 5, column 3 ('s')"),
                       QStringLiteral("invalid loss 'bad'")};
    QTest::newRow("CRLF lines count once") << QByteArray("network,cost,s\r\nx,1,1\r\ny,1,bad\r\n")
                                           << QStringList{QStringLiteral("line 3, column 3 ('s')"),
                                                          QStringLiteral("invalid loss 'bad'")};
    QTest::newRow("quoted line break counts")
        << QByteArray("network,cost,s\n\"a\nb\",1,1\nc,1,bad\n")
        << QStringList{QStringLiteral("line 4, column 3 ('s')"),
                       QStringLiteral("invalid loss 'bad'")};
}

void TestCandidateTable::badCsvNamesLineAndValue()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, fragments);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeFile(dir, QStringLiteral("bad.csv"), text);
    QVERIFY(!path.empty());
    const TableReadResult result = readCandidateTable(path);
    QVERIFY(!result);
    QVERIFY(!result.table.has_value());
    const QString error = QString::fromStdString(result.error);
    QVERIFY2(error.startsWith(QString::fromStdString(path)), qPrintable(error));
    for (const QString& fragment : fragments)
        QVERIFY2(error.contains(fragment),
                 qPrintable(error + QStringLiteral(" lacks ") + fragment));
}

void TestCandidateTable::badJsonNamesPositionAndValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("fragments");

    const auto doc = [](const char* networks) {
        return QByteArray(R"({"tasks": ["s", "d"], "networks": [)") + networks + "]}";
    };
    const char* good = R"({"name": "a", "cost": 1, "losses": {"s": 1, "d": 2}})";

    QTest::newRow("empty file") << QByteArray(" \n")
                                << QStringList{QStringLiteral("file is empty")};
    QTest::newRow("syntax error") << QByteArray(R"({"tasks": ["s",]})")
                                  << QStringList{QStringLiteral("invalid JSON at byte 16"),
                                                 QStringLiteral("line 1")};
    QTest::newRow("not an object")
        << QByteArray("[1]") << QStringList{QStringLiteral("not a JSON object")};
    QTest::newRow("number past double")
        << doc(R"({"name": "a", "cost": 1e400, "losses": {"s": 1, "d": 2}})")
        << QStringList{QStringLiteral("invalid JSON"), QStringLiteral("1e400")};
    QTest::newRow("no tasks") << QByteArray(R"({"networks": []})")
                              << QStringList{QStringLiteral("\"tasks\"")};
    QTest::newRow("duplicate task")
        << QByteArray(R"({"tasks": ["s", "s"], "networks": []})")
        << QStringList{QStringLiteral("tasks[1]"), QStringLiteral("duplicate task 's'")};
    QTest::newRow("reserved task name")
        << QByteArray(R"({"tasks": ["s", "cost"], "networks": []})")
        << QStringList{QStringLiteral("tasks[1]"), QStringLiteral("reserved name 'cost'")};
    QTest::newRow("empty task name")
        << QByteArray(R"({"tasks": [""], "networks": []})")
        << QStringList{QStringLiteral("tasks[0]"), QStringLiteral("empty task name")};
    QTest::newRow("no networks") << doc("") << QStringList{QStringLiteral("no networks")};
    QTest::newRow("nameless network")
        << doc(R"({"cost": 1, "losses": {"s": 1}})")
        << QStringList{QStringLiteral("networks[0]"), QStringLiteral("\"name\"")};
    QTest::newRow("duplicate network")
        << doc((std::string(good) + "," + good).c_str())
        << QStringList{QStringLiteral("networks[1] ('a')"),
                       QStringLiteral("duplicate network name 'a' (first at networks[0]")};
    QTest::newRow("missing cost") << doc(R"({"name": "a", "losses": {"s": 1, "d": 1}})")
                                  << QStringList{QStringLiteral("networks[0] ('a')"),
                                                 QStringLiteral("missing \"cost\"")};
    QTest::newRow("negative cost")
        << doc(R"({"name": "a", "cost": -0.5, "losses": {"s": 1, "d": 1}})")
        << QStringList{QStringLiteral("networks[0] ('a'), cost"),
                       QStringLiteral("invalid cost -0.5")};
    QTest::newRow("string cost") << doc(R"({"name": "a", "cost": "1", "losses": {"s": 1, "d": 1}})")
                                 << QStringList{QStringLiteral("networks[0] ('a'), cost"),
                                                QStringLiteral("invalid cost \"1\"")};
    QTest::newRow("negative loss")
        << doc(R"({"name": "a", "cost": 1, "losses": {"s": 1, "d": -2}})")
        << QStringList{QStringLiteral("networks[0] ('a'), losses.d"),
                       QStringLiteral("invalid loss -2")};
    QTest::newRow("string loss") << doc(R"({"name": "a", "cost": 1, "losses": {"s": "x", "d": 1}})")
                                 << QStringList{QStringLiteral("losses.s"),
                                                QStringLiteral("invalid loss \"x\"")};
    QTest::newRow("unknown task loss")
        << doc(R"({"name": "a", "cost": 1, "losses": {"s": 1, "d": 1, "z": 1}})")
        << QStringList{QStringLiteral("networks[0] ('a'), losses"),
                       QStringLiteral("unknown task 'z'")};
    QTest::newRow("unknown origin")
        << doc(R"({"name": "a", "cost": 1, "losses": {"s": 1, "d": 1}, "origin": "x"})")
        << QStringList{QStringLiteral("networks[0] ('a'), origin"),
                       QStringLiteral("invalid origin \"x\"")};
    QTest::newRow("solves no task") << doc(R"({"name": "a", "cost": 1, "losses": {"s": null}})")
                                    << QStringList{QStringLiteral("networks[0] ('a')"),
                                                   QStringLiteral("network 'a' solves no task")};
    QTest::newRow("task nobody solves")
        << doc(R"({"name": "a", "cost": 1, "losses": {"s": 1}})")
        << QStringList{QStringLiteral("tasks[1]"), QStringLiteral("no network solves task 'd'")};
}

void TestCandidateTable::badJsonNamesPositionAndValue()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, fragments);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeFile(dir, QStringLiteral("bad.json"), text);
    const TableReadResult result = readCandidateTable(path);
    QVERIFY(!result);
    const QString error = QString::fromStdString(result.error);
    QVERIFY2(error.startsWith(QString::fromStdString(path)), qPrintable(error));
    for (const QString& fragment : fragments)
        QVERIFY2(error.contains(fragment),
                 qPrintable(error + QStringLiteral(" lacks ") + fragment));
}

void TestCandidateTable::readsJson()
{
    const std::string text = "\xEF\xBB\xBF"
                             R"({"tasks": ["s", "d"], "networks": [
        {"name": "sd", "cost": 1, "losses": {"s": 0.5, "d": 0.25}},
        {"name": "s-half", "cost": 0.5, "losses": {"s": 0.75, "d": null}, "origin": "predicted"}
    ]})";
    const TableReadResult result = parseCandidateJson(text, "mem.json");
    QVERIFY2(result, result.error.c_str());
    QCOMPARE(result.table->tasks, (std::vector<std::string>{"s", "d"}));
    QCOMPARE(result.table->networks[0].losses[1], 0.25);
    QCOMPARE(result.table->networks[1].cost, Cost(500'000));
    QVERIFY(!result.table->networks[1].solves(1));
    QCOMPARE(result.table->networks[1].origin, Origin::Predicted);
    QCOMPARE(result.table->networks[0].origin, Origin::Trained);
}

void TestCandidateTable::csvRoundTripIsExact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("table.csv")).toStdString();
    std::string error;
    QVERIFY2(writeCandidateTable(awkwardTable(), path, &error), error.c_str());
    const TableReadResult result = readCandidateTable(path);
    QVERIFY2(result, result.error.c_str());
    compareTables(*result.table, awkwardTable());
}

void TestCandidateTable::jsonRoundTripIsExact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("table.json")).toStdString();
    std::string error;
    QVERIFY2(writeCandidateTable(awkwardTable(), path, &error), error.c_str());
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().trimmed().startsWith('{'));
    const TableReadResult result = readCandidateTable(path);
    QVERIFY2(result, result.error.c_str());
    compareTables(*result.table, awkwardTable());
}

void TestCandidateTable::writeFailureNamesPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("missing/dir/table.csv")).toStdString();
    std::string error;
    QVERIFY(!writeCandidateTable(awkwardTable(), path, &error));
    QVERIFY2(error.find(path) == 0, error.c_str());
}

void TestCandidateTable::missingFileNamesPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("absent.csv")).toStdString();
    const TableReadResult result = readCandidateTable(path);
    QVERIFY(!result);
    QVERIFY2(result.error.find(path + ": cannot open") == 0, result.error.c_str());
}

void TestCandidateTable::compareShapesMatchesReordered()
{
    const CandidateTable table =
        *parseCandidateCsv("network,cost,s,d\na,1,1,\nb,1,,2\n", "x").table;
    const CandidateTable other =
        *parseCandidateCsv("network,cost,d,s\nb,1,5,\na,1,,7\n", "y").table;
    QCOMPARE(compareTableShapes(table, other), std::string());
}

void TestCandidateTable::compareShapesNamesDifferences()
{
    const CandidateTable table =
        *parseCandidateCsv("network,cost,s,d\na,1,1,\nb,1,,2\nc,1,1,1\n", "x").table;
    const CandidateTable other =
        *parseCandidateCsv("network,cost,s,n\na,1,1,\nz,1,,2\nc,1,1,1\n", "y").table;
    const std::string message = compareTableShapes(table, other);
    QCOMPARE(message, std::string("The tables differ. Networks missing from the second table: "
                                  "'b'. Networks only in the second table: 'z'. Tasks missing "
                                  "from the second table: 'd'. Tasks only in the second table: "
                                  "'n'."));
}

void TestCandidateTable::compareShapesNamesSolvedTaskMismatch()
{
    const CandidateTable table =
        *parseCandidateCsv("network,cost,s,d\na,1,1,\nb,1,,2\n", "x").table;
    const CandidateTable other =
        *parseCandidateCsv("network,cost,s,d\na,1,1,3\nb,1,,2\n", "y").table;
    const std::string message = compareTableShapes(table, other);
    QVERIFY2(message.find("Network 'a' solves task 'd' in only one of the tables") !=
                 std::string::npos,
             message.c_str());
}

void TestCandidateTable::bundledExamplesRead()
{
    const QString root = qEnvironmentVariable("TASKGROUPER_SOURCE_DIR");
    QVERIFY2(!root.isEmpty(), "TASKGROUPER_SOURCE_DIR is not set");
    const std::string val =
        (root + QStringLiteral("/resources/examples/scenes-5tasks-val.csv")).toStdString();
    const std::string test =
        (root + QStringLiteral("/resources/examples/scenes-5tasks-test.csv")).toStdString();
    const TableReadResult valTable = readCandidateTable(val);
    const TableReadResult testTable = readCandidateTable(test);
    QVERIFY2(valTable, valTable.error.c_str());
    QVERIFY2(testTable, testTable.error.c_str());
    QCOMPARE(valTable.table->tasks, (std::vector<std::string>{"s", "d", "n", "k", "e"}));
    QCOMPARE(valTable.table->networks.size(), std::size_t(36));
    QCOMPARE(compareTableShapes(*valTable.table, *testTable.table), std::string());
    QCOMPARE(valTable.table->networks[valTable.table->networkIndex("s-half")].cost, Cost(500'000));
    QCOMPARE(valTable.table->networks[valTable.table->networkIndex("sdnke")].cost, Cost(1'000'000));
}

void TestCandidateTable::garbageNeverCrashes()
{
    // Mutations of a valid table and random bytes: each parse either returns a
    // complete, valid table or an error naming the source, never both.
    const std::string valid = "network,cost,s,d,origin\nsd,1,0.5,0.25,\n\"s\",0.5,1,,predicted\n";
    const std::string alphabet = "network,cost\"\r\n#0.5e-+1ab\xEF\xBB\xBF{}[]:nulltrue ";
    std::mt19937_64 random(11);
    std::uniform_int_distribution<std::size_t> letter(0, alphabet.size() - 1);
    for (int i = 0; i < 3000; ++i) {
        std::string text = valid;
        const int edits = 1 + i % 5;
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = random() % (text.size() + 1);
            if (random() % 2 == 0 && at < text.size())
                text.erase(at, 1);
            else
                text.insert(at, 1, alphabet[letter(random)]);
        }
        for (const bool json : {false, true}) {
            const TableReadResult result =
                json ? parseCandidateJson(text, "fuzz") : parseCandidateCsv(text, "fuzz");
            QVERIFY(result.table.has_value() != !result.error.empty());
            if (!result) {
                QVERIFY(result.error.rfind("fuzz", 0) == 0);
                continue;
            }
            for (const Network& network : result.table->networks)
                QCOMPARE(network.losses.size(), result.table->tasks.size());
        }
    }
}

QTEST_GUILESS_MAIN(TestCandidateTable)
#include "tst_candidatetable.moc"
