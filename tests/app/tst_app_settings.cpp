#include "app/gui/appsettings.h"
#include "app/gui/appsetup.h"
#include "app/gui/mainwindow.h"
#include "apptestsupport.h"

#include <QAction>
#include <QMenu>
#include <QTest>

using namespace tg;

class SettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void recentFilesRoundTrip();
    void recentFilesCapped();
    void openAddsRecentFile();
    void recentMenuOpensFile();
    void themeAndLanguageStored();
    void windowLayoutStored();

private:
    QTemporaryDir m_dir;
    QString m_tablePath;
};

void SettingsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
    m_tablePath = test::writeFile(m_dir, QStringLiteral("three.csv"), test::kThreeTaskTable);
}

void SettingsTest::init()
{
    QSettings().clear();
}

void SettingsTest::recentFilesRoundTrip()
{
    const QString a = m_dir.filePath(QStringLiteral("a.csv"));
    const QString b = m_dir.filePath(QStringLiteral("b.csv"));
    {
        AppSettings settings;
        settings.addRecentFile(a);
        settings.addRecentFile(b);
        settings.addRecentFile(a);
    }
    // A new object reads what the first one wrote, as after a restart.
    AppSettings reread;
    QCOMPARE(reread.recentFiles(), (QStringList{a, b}));
    reread.removeRecentFile(a);
    QCOMPARE(AppSettings().recentFiles(), QStringList{b});
    reread.clearRecentFiles();
    QCOMPARE(AppSettings().recentFiles(), QStringList());
}

void SettingsTest::recentFilesCapped()
{
    AppSettings settings;
    for (int i = 0; i < AppSettings::kMaxRecentFiles + 3; ++i)
        settings.addRecentFile(m_dir.filePath(QStringLiteral("t%1.csv").arg(i)));
    const QStringList files = AppSettings().recentFiles();
    QCOMPARE(files.size(), AppSettings::kMaxRecentFiles);
    QCOMPARE(files.first(),
             m_dir.filePath(QStringLiteral("t%1.csv").arg(AppSettings::kMaxRecentFiles + 2)));
}

void SettingsTest::openAddsRecentFile()
{
    MainWindow window;
    window.setPrompts(std::make_unique<test::RecordingPrompts>());
    QVERIFY(window.openPath(m_tablePath));
    QCOMPARE(AppSettings().recentFiles(), QStringList{m_tablePath});
    const QList<QAction*> entries = window.actions().recentMenu->actions();
    QVERIFY(entries.size() >= 1);
    QVERIFY(entries.first()->text().contains(QStringLiteral("three.csv")));
}

void SettingsTest::recentMenuOpensFile()
{
    AppSettings().addRecentFile(m_tablePath);
    MainWindow window;
    window.setPrompts(std::make_unique<test::RecordingPrompts>());
    QCOMPARE(window.document()->kind(), Document::Kind::Empty);
    window.actions().recentMenu->actions().first()->trigger();
    QCOMPARE(window.document()->kind(), Document::Kind::Table);
    QCOMPARE(window.document()->path(), m_tablePath);
}

void SettingsTest::themeAndLanguageStored()
{
    AppSettings settings;
    QCOMPARE(settings.theme(), Theme::System);
    settings.setTheme(Theme::Dark);
    settings.setLanguage(QStringLiteral("de"));
    QCOMPARE(AppSettings().theme(), Theme::Dark);
    QCOMPARE(AppSettings().language(), QStringLiteral("de"));
    QCOMPARE(chosenLanguage(), QStringLiteral("de"));
    settings.setLanguage(QString());
    const QString systemLanguage = QLocale::system().language() == QLocale::C
                                       ? QStringLiteral("en")
                                       : QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    QCOMPARE(chosenLanguage(), systemLanguage);
}

void SettingsTest::windowLayoutStored()
{
    {
        MainWindow window;
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
    }
    QVERIFY(!AppSettings().windowGeometry().isEmpty());
    QVERIFY(!AppSettings().windowState().isEmpty());
    MainWindow restored;
    QCOMPARE(restored.size(), QSize(900, 600));
}

QTEST_MAIN(SettingsTest)
#include "tst_app_settings.moc"
