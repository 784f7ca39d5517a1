#include "app/gui/appsetup.h"
#include "app/gui/launcherdialog.h"
#include "app/gui/mainwindow.h"
#include "apptestsupport.h"
#include "core/training/deviceinfo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QThread>

using namespace tg;

namespace {

// A labels CSV with two class columns and one value column over three images.
const char* kLabelsCsv = "file,age,score,smile\n"
                         "a.png,1,0.5,0\n"
                         "b.png,2,0.75,1\n"
                         "c.png,1,0.25,0\n";

// Lists d.png, which the images folder lacks.
const char* kMissingImageCsv = "file,age\n"
                               "a.png,1\n"
                               "b.png,2\n"
                               "d.png,1\n";

// Line 3 has two cells where the header has four.
const char* kMalformedLabelsCsv = "file,age,score,smile\n"
                                  "a.png,1,0.5,0\n"
                                  "b.png,2\n"
                                  "c.png,1,0.25,0\n";

// The prepared handwriting layout: labels.csv with t, b, p, q, v and the
// per-pixel folder m next to images.
const char* kHandwritingCsv = "file,split,t,b,p,q,v\n"
                              "00000.png,train,3,5,0,0,0.4444\n"
                              "00001.png,validation,7,7,0,1,0.7778\n"
                              "00002.png,test,2,9,1,0,0.6111\n";

// Upper bound for a cancelled preparation to report back, in milliseconds.
constexpr int kCancelLimitMs = 1000;
// Upper bound for the runner to check a labelled dataset before training, in
// milliseconds on a slow, shared CPU.
constexpr int kDatasetCheckTimeoutMs = 30000;

bool writeGreyImage(const QString& path, int size, int value)
{
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(value);
    return image.save(path);
}

// Writes images named in `names` (8x8 grey) into `folder`, creating it.
bool writeImages(const QString& folder, const QStringList& names)
{
    if (!QDir().mkpath(folder))
        return false;
    int value = 0;
    for (const QString& name : names) {
        if (!writeGreyImage(folder + QLatin1Char('/') + name, 8, value))
            return false;
        value += 60;
    }
    return true;
}

// Writes a minimal prepared MultiMNIST set under `root`/multimnist.
bool writeHandwritingSet(const QString& root)
{
    const QString folder = root + QStringLiteral("/multimnist");
    const QStringList names{QStringLiteral("00000.png"), QStringLiteral("00001.png"),
                            QStringLiteral("00002.png")};
    if (!writeImages(folder + QStringLiteral("/images"), names) ||
        !writeImages(folder + QStringLiteral("/m"), names))
        return false;
    QFile labels(folder + QStringLiteral("/labels.csv"));
    return labels.open(QIODevice::WriteOnly) && labels.write(kHandwritingCsv) > 0;
}

} // namespace

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
    void labelsSourceListsCsvTasks();
    void labelsRequestCarriesPaths();
    void invalidColumnNameListedAsNote();
    void malformedLabelsDisableStart();
    void labelsProblemsNamed_data();
    void labelsProblemsNamed();
    void typedLabelsPathReadAfterPause();
    void labelsPathsRemembered();
    void labelsLaunchReportsMissingImage();
    void handwritingListsPreparedTasks();
    void handwritingUnpreparedOffersPrepare();
    void prepareRunsOffGuiThread();
    void prepareCancelStopsQuickly();
    void germanSourceNames();
    void cleanup();

private:
    static bool startEnabled(const LauncherDialog& dialog);
    static QString problemText(const LauncherDialog& dialog);
    static QStringList checkedTaskNames(const LauncherDialog& dialog);
    static QCheckBox* taskBox(const LauncherDialog& dialog, const QString& name);
    // Points the data root at a new empty folder and returns it.
    QString useEmptyDataRoot(const QString& name);

    QTemporaryDir m_dir;
};

bool LauncherTest::startEnabled(const LauncherDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

QString LauncherTest::problemText(const LauncherDialog& dialog)
{
    return dialog.findChild<QLabel*>(QStringLiteral("problemLabel"))->text();
}

QStringList LauncherTest::checkedTaskNames(const LauncherDialog& dialog)
{
    QStringList names;
    for (const QString& name : dialog.taskNames()) {
        if (taskBox(dialog, name)->isChecked())
            names << name;
    }
    return names;
}

QCheckBox* LauncherTest::taskBox(const LauncherDialog& dialog, const QString& name)
{
    for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
        if (box->property("taskName").toString() == name)
            return box;
    }
    return nullptr;
}

QString LauncherTest::useEmptyDataRoot(const QString& name)
{
    const QString root = m_dir.filePath(name);
    if (!QDir().mkpath(root))
        return {};
    qputenv("TASKGROUPER_DATA", root.toUtf8());
    return root;
}

void LauncherTest::cleanup()
{
    QSettings().clear();
    qunsetenv("TASKGROUPER_DATA");
}

void LauncherTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
    const QStringList images{QStringLiteral("a.png"), QStringLiteral("b.png"),
                             QStringLiteral("c.png")};
    QVERIFY(writeImages(m_dir.filePath(QStringLiteral("faces/images")), images));
    QVERIFY(!test::writeFile(m_dir, QStringLiteral("faces/labels.csv"), kLabelsCsv).isEmpty());
    QVERIFY(
        !test::writeFile(m_dir, QStringLiteral("faces/bad.csv"), kMalformedLabelsCsv).isEmpty());
    QVERIFY(
        !test::writeFile(m_dir, QStringLiteral("faces/missing.csv"), kMissingImageCsv).isEmpty());
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

void LauncherTest::labelsSourceListsCsvTasks()
{
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels);
    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")),
                          m_dir.filePath(QStringLiteral("faces/labels.csv")));
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("labels-run")));

    QCOMPARE(dialog.taskNames(), (QStringList{QStringLiteral("age"), QStringLiteral("score"),
                                              QStringLiteral("smile")}));
    QCOMPARE(dialog.findChildren<QCheckBox*>().size(), 3);
    QCOMPARE(checkedTaskNames(dialog), dialog.taskNames());
    QCOMPARE(taskBox(dialog, QStringLiteral("age"))->toolTip(),
             QStringLiteral("Per-image classification into 2 classes"));
    QCOMPARE(taskBox(dialog, QStringLiteral("score"))->toolTip(),
             QStringLiteral("Per-image regression of one value"));
    QCOMPARE(dialog.findChild<QSpinBox*>()->value(), LauncherDialog::kLabelsImageSize);
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));
}

void LauncherTest::invalidColumnNameListedAsNote()
{
    const QString labels = test::writeFile(m_dir, QStringLiteral("faces/invalid-name.csv"),
                                           "file,age,a-b\na.png,1,2\nb.png,2,3\nc.png,1,2\n");
    QVERIFY(!labels.isEmpty());
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels);
    const auto* note = dialog.findChild<QLabel*>(QStringLiteral("skippedTasksNote"));
    QVERIFY(note);
    QVERIFY(note->isHidden());
    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")), labels);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("invalid-name-run")));

    QCOMPARE(dialog.taskNames(), QStringList{QStringLiteral("age")});
    QVERIFY(!note->isHidden());
    QCOMPARE(note->text(),
             QStringLiteral("Not offered as tasks:\n%1:1: column 3 (\"a-b\"): task name \"a-b\" "
                            "is invalid because candidate names and tables reserve commas, "
                            "quotes, '-', '+' and line breaks; rename it")
                 .arg(labels));
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));

    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")),
                          m_dir.filePath(QStringLiteral("faces/labels.csv")));
    QVERIFY(note->isHidden());
}

void LauncherTest::labelsRequestCarriesPaths()
{
    const QString images = m_dir.filePath(QStringLiteral("faces/images"));
    const QString labels = m_dir.filePath(QStringLiteral("faces/labels.csv"));
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels, images);
    dialog.setLabelsFiles(images, labels);
    dialog.setTasks({QStringLiteral("age"), QStringLiteral("smile")});
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("labels-request")));
    QCOMPARE(dialog.validationProblem(), QString());

    const LaunchRequest request = dialog.request();
    QCOMPARE(request.source, LaunchRequest::Source::Labels);
    QCOMPARE(request.config.dataset.kind, DatasetKind::Labels);
    QCOMPARE(QString::fromStdString(request.config.dataset.path), images);
    QCOMPARE(QString::fromStdString(request.config.dataset.labels), labels);
    QCOMPARE(request.config.dataset.partition, std::string());
    QCOMPARE(request.config.tasks, (std::vector<std::string>{"age", "smile"}));
    QCOMPARE(request.config.imageSize, LauncherDialog::kLabelsImageSize);
    QCOMPARE(request.outputFolder, m_dir.filePath(QStringLiteral("labels-request")));
}

void LauncherTest::malformedLabelsDisableStart()
{
    const QString bad = m_dir.filePath(QStringLiteral("faces/bad.csv"));
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels);
    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")), bad);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("bad-run")));

    const QString problem = dialog.validationProblem();
    QVERIFY2(problem.contains(bad + QStringLiteral(":3")), qPrintable(problem));
    QCOMPARE(problemText(dialog), problem);
    QVERIFY(!startEnabled(dialog));
    QVERIFY(dialog.taskNames().isEmpty());

    // Pointing at the valid file again clears the problem.
    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")),
                          m_dir.filePath(QStringLiteral("faces/labels.csv")));
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));
}

void LauncherTest::labelsProblemsNamed_data()
{
    QTest::addColumn<QString>("images");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("expected");

    const QString images = m_dir.filePath(QStringLiteral("faces/images"));
    const QString labels = m_dir.filePath(QStringLiteral("faces/labels.csv"));
    QTest::newRow("no images folder")
        << QString() << labels << QStringLiteral("Choose the folder with the input images");
    QTest::newRow("images folder missing") << m_dir.filePath(QStringLiteral("no-images")) << labels
                                           << QStringLiteral("no-images does not exist");
    QTest::newRow("no labels file")
        << images << QString() << QStringLiteral("Choose the labels file");
    QTest::newRow("labels file missing")
        << images << m_dir.filePath(QStringLiteral("faces/gone.csv"))
        << QStringLiteral("gone.csv does not exist");
}

void LauncherTest::labelsProblemsNamed()
{
    QFETCH(QString, images);
    QFETCH(QString, labels);
    QFETCH(QString, expected);

    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels);
    dialog.setLabelsFiles(images, labels);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("labels-problem")));
    const QString problem = dialog.validationProblem();
    QVERIFY2(problem.contains(expected), qPrintable(problem));
    QCOMPARE(problemText(dialog), problem);
    QVERIFY(!startEnabled(dialog));
}

void LauncherTest::typedLabelsPathReadAfterPause()
{
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels);
    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")), QString());
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("typed-run")));
    auto* labelsEdit = dialog.findChild<QLineEdit*>(QStringLiteral("labelsFile"));
    QVERIFY(labelsEdit);

    QTest::keyClicks(labelsEdit, m_dir.filePath(QStringLiteral("faces/labels.csv")));
    QCOMPARE(dialog.validationProblem(), QStringLiteral("Reading the labels file…"));
    QVERIFY(!startEnabled(dialog));
    QTRY_COMPARE(dialog.taskNames().size(), 3);
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));
}

void LauncherTest::labelsPathsRemembered()
{
    const QString images = m_dir.filePath(QStringLiteral("faces/images"));
    const QString labels = m_dir.filePath(QStringLiteral("faces/labels.csv"));
    {
        LauncherDialog dialog;
        dialog.setSource(LaunchRequest::Source::Labels);
        dialog.setLabelsFiles(images, labels);
        dialog.setOutputFolder(m_dir.filePath(QStringLiteral("remembered-run")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    LauncherDialog reopened;
    QCOMPARE(reopened.request().source, LaunchRequest::Source::Labels);
    QCOMPARE(reopened.findChild<QLineEdit*>(QStringLiteral("imagesFolder"))->text(), images);
    QCOMPARE(reopened.findChild<QLineEdit*>(QStringLiteral("labelsFile"))->text(), labels);
    QCOMPARE(reopened.taskNames().size(), 3);
}

void LauncherTest::labelsLaunchReportsMissingImage()
{
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Labels);
    dialog.setLabelsFiles(m_dir.filePath(QStringLiteral("faces/images")),
                          m_dir.filePath(QStringLiteral("faces/missing.csv")));
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("missing-image-run")));
    dialog.setDevice(DeviceChoice::Cpu);
    QCOMPARE(dialog.validationProblem(), QString());

    MainWindow window;
    auto prompts = std::make_unique<test::RecordingPrompts>();
    test::RecordingPrompts* recorded = prompts.get();
    window.setPrompts(std::move(prompts));
    window.launch(dialog.request());
    QTRY_VERIFY_WITH_TIMEOUT(!recorded->errors.isEmpty(), kDatasetCheckTimeoutMs);
    QTRY_VERIFY(!window.isTraining());
    QVERIFY2(recorded->errors.first().text.contains(QStringLiteral("missing.csv:4")),
             qPrintable(recorded->errors.first().text));
    QVERIFY2(recorded->errors.first().text.contains(QStringLiteral("d.png")),
             qPrintable(recorded->errors.first().text));
}

void LauncherTest::handwritingListsPreparedTasks()
{
    const QString root = useEmptyDataRoot(QStringLiteral("data-prepared"));
    QVERIFY(!root.isEmpty());
    QVERIFY(writeHandwritingSet(root));

    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Handwriting);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("handwriting-run")));
    QCOMPARE(dialog.taskNames(),
             (QStringList{QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("p"),
                          QStringLiteral("q"), QStringLiteral("v"), QStringLiteral("m")}));
    QCOMPARE(checkedTaskNames(dialog),
             (QStringList{QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("p"),
                          QStringLiteral("v"), QStringLiteral("m")}));
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("prepareButton"))->isVisibleTo(&dialog));
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));

    const LaunchRequest request = dialog.request();
    QCOMPARE(request.source, LaunchRequest::Source::Handwriting);
    QCOMPARE(request.config.imageSize, 32);
    QCOMPARE(request.config.dataset.kind, DatasetKind::Labels);
    QCOMPARE(QString::fromStdString(request.config.dataset.path),
             root + QStringLiteral("/multimnist/images"));
    QCOMPARE(QString::fromStdString(request.config.dataset.labels),
             root + QStringLiteral("/multimnist/labels.csv"));
    QCOMPARE(request.config.tasks, (std::vector<std::string>{"t", "b", "p", "v", "m"}));

    // Back to the scenes: the built-in tasks and the preset's image size return.
    dialog.setSource(LaunchRequest::Source::Scenes);
    QCOMPARE(dialog.taskNames().first(), QStringLiteral("s"));
    QCOMPARE(dialog.request().config.imageSize, experimentPreset("quick", {})->imageSize);
}

void LauncherTest::handwritingUnpreparedOffersPrepare()
{
    QVERIFY(!useEmptyDataRoot(QStringLiteral("data-empty")).isEmpty());
    LauncherDialog dialog;
    dialog.setSource(LaunchRequest::Source::Handwriting);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("unprepared-run")));

    const QString problem = dialog.validationProblem();
    QVERIFY2(problem.contains(QStringLiteral("taskgrouper-cli prepare multimnist")),
             qPrintable(problem));
    QCOMPARE(problemText(dialog), problem);
    QVERIFY(!startEnabled(dialog));
    QVERIFY(dialog.taskNames().isEmpty());
    auto* prepare = dialog.findChild<QPushButton*>(QStringLiteral("prepareButton"));
    QVERIFY(prepare->isVisibleTo(&dialog));
    QVERIFY(prepare->isEnabled());
}

void LauncherTest::prepareRunsOffGuiThread()
{
    const QString root = useEmptyDataRoot(QStringLiteral("data-to-prepare"));
    QVERIFY(!root.isEmpty());
    LauncherDialog dialog;
    dialog.show();
    dialog.setSource(LaunchRequest::Source::Handwriting);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("prepared-run")));

    std::atomic_bool ranOnGuiThread{true};
    QThread* guiThread = QThread::currentThread();
    dialog.setPreparationJob([&, root](const DatasetPreparation::Progress& progress,
                                       const std::atomic_bool&, std::string* error) {
        ranOnGuiThread = QThread::currentThread() == guiThread;
        progress(0.5, "Writing");
        if (!writeHandwritingSet(root)) {
            *error = "the test set could not be written";
            return false;
        }
        progress(1.0, "Done");
        return true;
    });
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("prepareButton")),
                      Qt::LeftButton);

    QTRY_COMPARE(dialog.taskNames().size(), 6);
    QVERIFY(!ranOnGuiThread);
    QCOMPARE(dialog.validationProblem(), QString());
    QVERIFY(startEnabled(dialog));
    QCOMPARE(dialog.request().config.imageSize, 32);
    QTRY_VERIFY(!dialog.findChild<QProgressDialog*>(QStringLiteral("preparationProgress")));
}

void LauncherTest::prepareCancelStopsQuickly()
{
    QVERIFY(!useEmptyDataRoot(QStringLiteral("data-cancelled")).isEmpty());
    LauncherDialog dialog;
    dialog.show();
    dialog.setSource(LaunchRequest::Source::Handwriting);
    dialog.setOutputFolder(m_dir.filePath(QStringLiteral("cancelled-run")));

    // Runs until cancelled, for at most ten seconds.
    dialog.setPreparationJob([](const DatasetPreparation::Progress& progress,
                                const std::atomic_bool& cancel, std::string* error) {
        QElapsedTimer timer;
        timer.start();
        while (!cancel.load() && timer.elapsed() < 10000) {
            progress(double(timer.elapsed()) / 10000.0, "Waiting");
            QThread::msleep(10);
        }
        *error = "cancelled by the test";
        return false;
    });
    auto* prepare = dialog.findChild<QPushButton*>(QStringLiteral("prepareButton"));
    QTest::mouseClick(prepare, Qt::LeftButton);
    QVERIFY(!prepare->isEnabled());
    QCOMPARE(dialog.validationProblem(), QStringLiteral("The handwriting set is being prepared."));

    auto* progress = dialog.findChild<QProgressDialog*>(QStringLiteral("preparationProgress"));
    QVERIFY(progress);
    auto* cancelButton = progress->findChild<QPushButton*>();
    QVERIFY(cancelButton);
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(cancelButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(prepare->isEnabled(), kCancelLimitMs);
    QVERIFY2(timer.elapsed() < kCancelLimitMs, qPrintable(QString::number(timer.elapsed())));
    const QString problem = dialog.validationProblem();
    QVERIFY2(problem.contains(QStringLiteral("stopped (cancelled by the test)")),
             qPrintable(problem));
    QVERIFY(!startEnabled(dialog));
    QVERIFY(dialog.taskNames().isEmpty());
}

void LauncherTest::germanSourceNames()
{
    QVERIFY(installTranslators(*qApp, QStringLiteral("de")));
    LauncherDialog dialog;
    auto* sources = dialog.findChild<QComboBox*>(QStringLiteral("source"));
    QCOMPARE(sources->itemText(sources->findData(int(LaunchRequest::Source::Handwriting))),
             QStringLiteral("Handschrift (MultiMNIST)"));
    QCOMPARE(sources->itemText(sources->findData(int(LaunchRequest::Source::Labels))),
             QStringLiteral("Beschriftete Bilder (Ordner + Label-Datei)"));
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("prepareButton"))->text(),
             QStringLiteral("Vorbereiten"));
    QVERIFY(installTranslators(*qApp, QStringLiteral("en")));
}

QTEST_MAIN(LauncherTest)
#include "tst_app_launcher.moc"
