// Renders every view of the main window to PNG, in the light and the dark
// theme. The images go to the folder named by TASKGROUPER_SCREENSHOT_DIR, so
// a reviewer can look at them. Without that variable they go to a temporary
// folder that is removed.
#include "app/gui/appsetup.h"
#include "app/gui/groupingview.h"
#include "app/gui/launcherdialog.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "apptestsupport.h"
#include "widgets/budgetpanel.h"

#include <QApplication>
#include <QImage>
#include <QTabWidget>
#include <QTest>

using namespace tg;

class ScreenshotTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void renderViews_data();
    void renderViews();
    void renderLauncher();

private:
    QString outputFolder() const;
    static void verifyNotBlank(const QImage& image, const QString& name);

    QTemporaryDir m_dir;
    QString m_experiment;
};

void ScreenshotTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
    // A finished experiment, so the Training tab has curves to show.
    m_experiment = test::writeExperimentFolder(m_dir, QStringLiteral("experiment"), 200);
    QVERIFY(!m_experiment.isEmpty());
    QVERIFY(QDir().mkpath(outputFolder()));
}

QString ScreenshotTest::outputFolder() const
{
    const QString requested = qEnvironmentVariable("TASKGROUPER_SCREENSHOT_DIR");
    return requested.isEmpty() ? m_dir.filePath(QStringLiteral("screenshots")) : requested;
}

void ScreenshotTest::verifyNotBlank(const QImage& image, const QString& name)
{
    QVERIFY2(!image.isNull(), qPrintable(name));
    // A rendered view has text and lines: many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(name));
}

void ScreenshotTest::renderViews_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<int>("theme");
    const std::pair<int, const char*> tabs[] = {{MainWindow::TrainingTab, "training"},
                                                {MainWindow::AffinityTab, "affinity"},
                                                {MainWindow::GroupingTab, "grouping"},
                                                {MainWindow::TradeoffTab, "tradeoff"},
                                                {MainWindow::TableTab, "table"}};
    for (const auto& [tab, name] : tabs) {
        QTest::addRow("%s-light", name) << tab << int(Theme::Light);
        QTest::addRow("%s-dark", name) << tab << int(Theme::Dark);
    }
}

void ScreenshotTest::renderViews()
{
    QFETCH(int, tab);
    QFETCH(int, theme);
    applyTheme(*qApp, Theme(theme));
    MainWindow window;
    window.setPrompts(std::make_unique<test::RecordingPrompts>());
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openPath(m_experiment));
    QTRY_VERIFY(window.document()->frontReady());
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->tradeoffReady(), 20000);
    const BudgetPanel* panel = window.groupingView()->budgetPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->cachedBaselines(panel->budget()).has_value(), 20000);
    window.tabs()->setCurrentIndex(tab);
    QTest::qWait(100);

    const QImage image = window.grab().toImage();
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    verifyNotBlank(image, name);
    QVERIFY(image.save(QDir(outputFolder()).filePath(name + QStringLiteral(".png"))));
}

void ScreenshotTest::renderLauncher()
{
    applyTheme(*qApp, Theme::Light);
    LauncherDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QImage image = dialog.grab().toImage();
    verifyNotBlank(image, QStringLiteral("launcher"));
    QVERIFY(image.save(QDir(outputFolder()).filePath(QStringLiteral("launcher.png"))));
}

QTEST_MAIN(ScreenshotTest)
#include "tst_app_screenshots.moc"
