#include "app/gui/appsetup.h"
#include "app/gui/launcherdialog.h"
#include "apptestsupport.h"
#include "core/training/deviceinfo.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace tg;

class LauncherTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validChoicesEnableStart();
    void problemsNamed_data();
    void problemsNamed();
    void cudaChoiceChecked();
    void tableSourceNeedsNoFolder();

private:
    static bool startEnabled(const LauncherDialog& dialog);

    QTemporaryDir m_dir;
};

bool LauncherTest::startEnabled(const LauncherDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

void LauncherTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("full/something")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("taskonomy/rgb")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("taskonomy/depth_zbuffer")));
    QVERIFY(!test::writeFile(m_dir, QStringLiteral("three.csv"), test::kThreeTaskTable).isEmpty());
}

void LauncherTest::validChoicesEnableStart()
{
    LauncherDialog dialog;
    dialog.setTasks({QStringLiteral("s"), QStringLiteral("d")});
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("new-experiment")));
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));
    const LaunchRequest request = dialog.request();
    QCOMPARE(request.source, LaunchRequest::Source::Scenes);
    QCOMPARE(request.config.tasks, (std::vector<std::string>{"s", "d"}));
    QCOMPARE(request.outputFolder, m_dir.filePath(QStringLiteral("new-experiment")));
}

void LauncherTest::problemsNamed_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("sourcePath");
    QTest::addColumn<QStringList>("tasks");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");

    const QStringList sd{QStringLiteral("s"), QStringLiteral("d")};
    const QString fresh = m_dir.filePath(QStringLiteral("fresh"));
    QTest::newRow("no output") << int(LaunchRequest::Source::Scenes) << QString() << sd << QString()
                               << QStringLiteral("Choose a folder");
    QTest::newRow("output not empty")
        << int(LaunchRequest::Source::Scenes) << QString() << sd
        << m_dir.filePath(QStringLiteral("full")) << QStringLiteral("is not empty");
    QTest::newRow("no tasks") << int(LaunchRequest::Source::Scenes) << QString() << QStringList()
                              << fresh << QStringLiteral("Select at least one task");
    QTest::newRow("folder missing")
        << int(LaunchRequest::Source::Folder) << m_dir.filePath(QStringLiteral("nowhere")) << sd
        << fresh << QStringLiteral("nowhere does not exist");
    QTest::newRow("folder without rgb")
        << int(LaunchRequest::Source::Folder) << m_dir.filePath(QStringLiteral("full")) << sd
        << fresh << QStringLiteral("no rgb subfolder");
    QTest::newRow("folder without task labels")
        << int(LaunchRequest::Source::Folder) << m_dir.filePath(QStringLiteral("taskonomy")) << sd
        << fresh << QStringLiteral("no segment_semantic subfolder");
    QTest::newRow("table missing")
        << int(LaunchRequest::Source::Table) << m_dir.filePath(QStringLiteral("gone.csv")) << sd
        << QString() << QStringLiteral("gone.csv does not exist");
}

void LauncherTest::problemsNamed()
{
    QFETCH(int, source);
    QFETCH(QString, sourcePath);
    QFETCH(QStringList, tasks);
    QFETCH(QString, output);
    QFETCH(QString, expected);

    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source(source), sourcePath);
    dialog.setTasks(tasks);
    dialog.setOutputFolder(output);
    const QString problem = dialog.validationProblem();
    QVERIFY2(problem.contains(expected), qPrintable(problem));
    QVERIFY(!startEnabled(dialog));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("problemLabel"))->text(), problem);
}

void LauncherTest::cudaChoiceChecked()
{
    LauncherDialog dialog;
    dialog.setTasks({QStringLiteral("s")});
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("cuda-run")));
    dialog.setDevice(DeviceChoice::Cuda);
    if (training::deviceInfo().cudaAvailable) {
        QCOMPARE(dialog.validationProblem(), QString());
    } else {
        QVERIFY2(dialog.validationProblem().contains(QStringLiteral("CUDA is not available")),
                 qPrintable(dialog.validationProblem()));
        QVERIFY(!startEnabled(dialog));
    }
}

void LauncherTest::tableSourceNeedsNoFolder()
{
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Table, m_dir.filePath(QStringLiteral("three.csv")));
    dialog.setStrategy(Strategy::HigherOrder);
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));
    const LaunchRequest request = dialog.request();
    QCOMPARE(request.tablePath, m_dir.filePath(QStringLiteral("three.csv")));
    QCOMPARE(request.config.strategy, Strategy::HigherOrder);
}

QTEST_MAIN(LauncherTest)
#include "tst_app_launcher.moc"
