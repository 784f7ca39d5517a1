#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char* const kCandidates = "network,cost,a,b,c\n"
                                "a+b+c,1,1.0,1.0,1.0\n"
                                "a+b,1,0.5,0.6,\n"
                                "c,1,,,0.4\n"
                                "a/2,0.5,0.9,,\n"
                                "b/2,0.5,,0.9,\n"
                                "c/2,0.5,,,0.7\n";

// Same networks and tasks in another order, with other losses.
const char* const kTestLosses = "network,cost,c,b,a\n"
                                "c/2,0.5,0.75,,\n"
                                "c,1,0.45,,\n"
                                "a+b,1,,0.65,0.55\n"
                                "a+b+c,1,1.1,1.1,1.1\n"
                                "a/2,0.5,,,0.95\n"
                                "b/2,0.5,,0.95,\n";

const char* const kOtherNetworks = "network,cost,a,b,c\n"
                                   "a+b+c,1,1.0,1.0,1.0\n"
                                   "a+c,1,0.5,,0.6\n";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class SelectCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonForBudgets();
    void jsonInfeasibleBudget();
    void exitCodeTellsFeasibility();
    void evaluateOnSecondTable();
    void experimentFolderReadsTables();
    void paretoListsEveryPoint();
    void weightsAndLimits();
    void textOutput();
    void helpExitsZero();
    void rejectsInput_data();
    void rejectsInput();

private:
    QString write(const QString& name, const char* text);
    Run run(const QStringList& arguments);
    QJsonArray solutions(const QStringList& arguments);

    QTemporaryDir m_dir;
    QString m_candidates;
};

QString SelectCommandTest::write(const QString& name, const char* text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Run SelectCommandTest::run(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(TASKGROUPER_CLI),
                  QStringList{QStringLiteral("select")} + arguments);
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonArray SelectCommandTest::solutions(const QStringList& arguments)
{
    const Run result = run(arguments + QStringList{QStringLiteral("--json")});
    // 3: printed, but some budget has no feasible grouping.
    if (result.exitCode != 0 && result.exitCode != 3)
        qWarning("exit code %d: %s", result.exitCode, result.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("invalid JSON: %s", qPrintable(error.errorString()));
    return document.object().value(QStringLiteral("solutions")).toArray();
}

void SelectCommandTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_candidates = write(QStringLiteral("candidates.csv"), kCandidates);
    write(QStringLiteral("test.csv"), kTestLosses);
    write(QStringLiteral("other.csv"), kOtherNetworks);
}

void SelectCommandTest::jsonForBudgets()
{
    const QJsonArray list = solutions({QStringLiteral("--candidates"), m_candidates,
                                       QStringLiteral("--budgets"), QStringLiteral("1.5,2")});
    QCOMPARE(list.size(), 2);

    const QJsonObject first = list[0].toObject();
    QCOMPARE(first.value(QStringLiteral("budget")).toDouble(), 1.5);
    QCOMPARE(first.value(QStringLiteral("feasible")).toBool(), true);
    QCOMPARE(first.value(QStringLiteral("cost")).toDouble(), 1.5);
    QCOMPARE(first.value(QStringLiteral("total_loss")).toDouble(), 0.5 + 0.6 + 0.7);
    const QJsonArray networks = first.value(QStringLiteral("networks")).toArray();
    QCOMPARE(networks.size(), 2);
    const QJsonObject pair = networks[0].toObject();
    QCOMPARE(pair.value(QStringLiteral("name")).toString(), QStringLiteral("a+b"));
    QCOMPARE(pair.value(QStringLiteral("cost")).toDouble(), 1.0);
    QCOMPARE(pair.value(QStringLiteral("tasks")).toArray(),
             (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(pair.value(QStringLiteral("used_for")).toArray(),
             (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(networks[1].toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("c/2"));
    const QJsonObject assignment = first.value(QStringLiteral("assignment")).toObject();
    QCOMPARE(assignment.value(QStringLiteral("a")).toString(), QStringLiteral("a+b"));
    QCOMPARE(assignment.value(QStringLiteral("b")).toString(), QStringLiteral("a+b"));
    QCOMPARE(assignment.value(QStringLiteral("c")).toString(), QStringLiteral("c/2"));
    QVERIFY(!first.contains(QStringLiteral("evaluated_total_loss")));

    const QJsonObject second = list[1].toObject();
    QCOMPARE(second.value(QStringLiteral("cost")).toDouble(), 2.0);
    QCOMPARE(second.value(QStringLiteral("total_loss")).toDouble(), 0.5 + 0.6 + 0.4);
}

void SelectCommandTest::jsonInfeasibleBudget()
{
    const QJsonArray list = solutions({QStringLiteral("--candidates"), m_candidates,
                                       QStringLiteral("--budget"), QStringLiteral("0.5")});
    QCOMPARE(list.size(), 1);
    const QJsonObject solution = list[0].toObject();
    QCOMPARE(solution.value(QStringLiteral("budget")).toDouble(), 0.5);
    QCOMPARE(solution.value(QStringLiteral("feasible")).toBool(true), false);
    QCOMPARE(solution.value(QStringLiteral("min_cost")).toDouble(), 1.0);
    QVERIFY(!solution.contains(QStringLiteral("networks")));
}

// The exit status is 0 when every budget has a grouping and 3 when one has
// none. The results are printed either way, and an unreachable limit names
// its task.
void SelectCommandTest::exitCodeTellsFeasibility()
{
    const Run feasible = run({QStringLiteral("--candidates"), m_candidates,
                              QStringLiteral("--budgets"), QStringLiteral("1.5,2")});
    QCOMPARE(feasible.exitCode, 0);

    const Run mixed = run({QStringLiteral("--candidates"), m_candidates,
                           QStringLiteral("--budgets"), QStringLiteral("0.5,2")});
    QCOMPARE(mixed.exitCode, 3);
    QVERIFY(mixed.out.contains("Budget 0.5 SNT: no feasible solution; the cheapest cover costs 1 "
                               "SNT."));
    QVERIFY(mixed.out.contains("Budget 2 SNT: cost 2 SNT"));
    QVERIFY(mixed.err.isEmpty());

    const Run limited =
        run({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--budget"),
             QStringLiteral("3"), QStringLiteral("--limit"), QStringLiteral("a=0.1,c=0.5")});
    QCOMPARE(limited.exitCode, 3);
    QVERIFY2(limited.out.contains("no feasible solution: no set of networks serves every task "
                                  "within the limits. Task a has limit 0.1, but its lowest loss "
                                  "is 0.5.\n"),
             limited.out.constData());
    QVERIFY(!limited.out.contains("Task c"));

    const Run pareto =
        run({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--pareto"),
             QStringLiteral("--limit"), QStringLiteral("b=0.5")});
    QCOMPARE(pareto.exitCode, 3);
    QVERIFY2(pareto.out.contains("Task b has limit 0.5, but its lowest loss is 0.6."),
             pareto.out.constData());
}

void SelectCommandTest::evaluateOnSecondTable()
{
    const QJsonArray list =
        solutions({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--evaluate"),
                   m_dir.filePath(QStringLiteral("test.csv")), QStringLiteral("--budget"),
                   QStringLiteral("2")});
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject().value(QStringLiteral("evaluated_total_loss")).toDouble(),
             0.45 + 0.65 + 0.55);
}

// An experiment folder stands for its val.csv as the candidates and its
// test.csv as the evaluation table.
void SelectCommandTest::experimentFolderReadsTables()
{
    const QString folder = m_dir.filePath(QStringLiteral("experiment"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(m_candidates, folder + QStringLiteral("/val.csv")));
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("test.csv")),
                        folder + QStringLiteral("/test.csv")));
    const QJsonArray list =
        solutions({QStringLiteral("--candidates"), folder, QStringLiteral("--evaluate"), folder,
                   QStringLiteral("--budget"), QStringLiteral("2")});
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject().value(QStringLiteral("total_loss")).toDouble(), 0.5 + 0.6 + 0.4);
    QCOMPARE(list[0].toObject().value(QStringLiteral("evaluated_total_loss")).toDouble(),
             0.45 + 0.65 + 0.55);

    // A folder without the table names the folder and the file.
    const QString empty = m_dir.filePath(QStringLiteral("unfinished"));
    QVERIFY(QDir().mkpath(empty));
    const Run result = run(
        {QStringLiteral("--candidates"), empty, QStringLiteral("--budget"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(QString::fromUtf8(result.err).trimmed(),
             QStringLiteral("%1 is a folder without val.csv. Give a candidate table file, or an "
                            "experiment folder whose training has finished.")
                 .arg(empty));
}

void SelectCommandTest::paretoListsEveryPoint()
{
    const QJsonArray list =
        solutions({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--pareto")});
    QCOMPARE(list.size(), 3);
    const double costs[] = {1.0, 1.5, 2.0};
    const double totals[] = {3.0, 0.5 + 0.6 + 0.7, 0.5 + 0.6 + 0.4};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject point = list[i].toObject();
        QCOMPARE(point.value(QStringLiteral("budget")).toDouble(), costs[i]);
        QCOMPARE(point.value(QStringLiteral("cost")).toDouble(), costs[i]);
        QCOMPARE(point.value(QStringLiteral("total_loss")).toDouble(), totals[i]);
    }
}

void SelectCommandTest::weightsAndLimits()
{
    const QJsonArray limited =
        solutions({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--budgets"),
                   QStringLiteral("1.5,2"), QStringLiteral("--limit"), QStringLiteral("c=0.5")});
    QCOMPARE(limited.size(), 2);
    QCOMPARE(limited[0].toObject().value(QStringLiteral("feasible")).toBool(true), false);
    QCOMPARE(limited[0].toObject().value(QStringLiteral("min_cost")).toDouble(), 2.0);
    QCOMPARE(limited[1]
                 .toObject()
                 .value(QStringLiteral("assignment"))
                 .toObject()
                 .value(QStringLiteral("c"))
                 .toString(),
             QStringLiteral("c"));

    // JSON reports the weighted score beside the unweighted total loss.
    const QJsonArray weighted =
        solutions({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--budget"),
                   QStringLiteral("1.5"), QStringLiteral("--weights"), QStringLiteral("a=2,c=10")});
    QCOMPARE(weighted.size(), 1);
    const QJsonObject solution = weighted[0].toObject();
    QCOMPARE(solution.value(QStringLiteral("total_loss")).toDouble(), 0.5 + 0.6 + 0.7);
    QCOMPARE(solution.value(QStringLiteral("score")).toDouble(), 2.0 * 0.5 + 0.6 + 10.0 * 0.7);
}

void SelectCommandTest::textOutput()
{
    const Run result =
        run({QStringLiteral("--candidates"), m_candidates, QStringLiteral("--budgets"),
             QStringLiteral("0.5,1.5"), QStringLiteral("--evaluate"),
             m_dir.filePath(QStringLiteral("test.csv"))});
    // Budget 0.5 has no grouping, so the exit status is 3.
    QCOMPARE(result.exitCode, 3);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains(QStringLiteral("Budget 0.5 SNT: no feasible solution; the cheapest "
                                          "cover costs 1 SNT.")),
             result.out.constData());
    QVERIFY2(text.contains(QStringLiteral("Budget 1.5 SNT: cost 1.5 SNT, total loss 1.800000")),
             result.out.constData());
    QVERIFY2(text.contains(QStringLiteral("a+b (cost 1 SNT), used for: a, b")),
             result.out.constData());
    QVERIFY2(text.contains(QStringLiteral("c <- c/2 (loss 0.700000)")), result.out.constData());
    QVERIFY2(text.contains(QStringLiteral("total loss on the evaluation table: 1.950000")),
             result.out.constData());
}

void SelectCommandTest::helpExitsZero()
{
    const Run result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("--budgets"));
    QVERIFY(result.out.contains("such as d=2,n=0.5"));
}

void SelectCommandTest::rejectsInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString candidates = QStringLiteral("CANDIDATES");
    QTest::newRow("unknown task in weights")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("1"),
                       QStringLiteral("--weights"), QStringLiteral("zz=2")}
        << 1 << QStringLiteral("zz");
    QTest::newRow("unknown task in limit")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("1"),
                       QStringLiteral("--limit"), QStringLiteral("qq=2")}
        << 1 << QStringLiteral("qq");
    QTest::newRow("bad weight") << QStringList{candidates, QStringLiteral("--budget"),
                                               QStringLiteral("1"), QStringLiteral("--weights"),
                                               QStringLiteral("a=heavy")}
                                << 2 << QStringLiteral("heavy");
    QTest::newRow("negative limit")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("1"),
                       QStringLiteral("--limit"), QStringLiteral("a=-3")}
        << 2 << QStringLiteral("-3");
    QTest::newRow("weight without task")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("1"),
                       QStringLiteral("--weights"), QStringLiteral("2")}
        << 2 << QStringLiteral("'2'");
    QTest::newRow("negative budget")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("-1")} << 2
        << QStringLiteral("'-1'");
    QTest::newRow("bad budget in list")
        << QStringList{candidates, QStringLiteral("--budgets"), QStringLiteral("1,two")} << 2
        << QStringLiteral("'two'");
    QTest::newRow("budget and pareto")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("1"),
                       QStringLiteral("--pareto")}
        << 2 << QStringLiteral("exactly one");
    QTest::newRow("no budget") << QStringList{candidates} << 2 << QStringLiteral("exactly one");
    QTest::newRow("no candidates") << QStringList{QStringLiteral("--budget"), QStringLiteral("1")}
                                   << 2 << QStringLiteral("--candidates");
    QTest::newRow("missing file") << QStringList{QStringLiteral("--candidates"),
                                                 QStringLiteral("/nonexistent/table.csv"),
                                                 QStringLiteral("--budget"), QStringLiteral("1")}
                                  << 1 << QStringLiteral("/nonexistent/table.csv");
    QTest::newRow("mismatched evaluation table")
        << QStringList{candidates, QStringLiteral("--budget"), QStringLiteral("1"),
                       QStringLiteral("--evaluate"), QStringLiteral("OTHER")}
        << 1 << QStringLiteral("a+c");
}

void SelectCommandTest::rejectsInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    for (QString& argument : arguments) {
        if (argument == QLatin1String("CANDIDATES"))
            argument = QStringLiteral("--candidates=") + m_candidates;
        else if (argument == QLatin1String("OTHER"))
            argument = m_dir.filePath(QStringLiteral("other.csv"));
    }
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(SelectCommandTest)
#include "tst_selectcommand.moc"
