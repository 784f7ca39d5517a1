#include "app/gui/appsetup.h"
#include "app/gui/mainwindow.h"
#include "apptestsupport.h"

#include <QAction>
#include <QApplication>
#include <QTabWidget>
#include <QTest>

using namespace tg;

class TranslationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void germanCatalogueEmbedded();
    void germanActionTexts();
    void qtOwnStringsGerman();
    void unknownLanguageFallsBack();

private:
    QTemporaryDir m_dir;
};

void TranslationTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir);
    initApplicationResources();
}

void TranslationTest::germanCatalogueEmbedded()
{
    QVERIFY(availableLanguages().contains(QStringLiteral("de")));
    QVERIFY(installTranslators(*qApp, QStringLiteral("de")));
}

void TranslationTest::germanActionTexts()
{
    MainWindow window;
    QCOMPARE(window.actions().open->text(), QStringLiteral("Ö&ffnen…"));
    QCOMPARE(window.actions().quit->text(), QStringLiteral("&Beenden"));
    QCOMPARE(window.actions().newExperiment->text(), QStringLiteral("&Neues Experiment…"));
    QCOMPARE(window.tabs()->tabText(MainWindow::TrainingTab), QStringLiteral("Training"));
    QCOMPARE(window.tabs()->tabText(MainWindow::GroupingTab), QStringLiteral("Gruppierung"));
    // Strings of the candidate list, the loss plot and the launcher.
    QCOMPARE(QCoreApplication::translate("tg::CandidateListDock", "step %1 of %2 (%3%)"),
             QStringLiteral("Schritt %1 von %2 (%3 %)"));
    QCOMPARE(QCoreApplication::translate("tg::LossPlotWidget",
                                         "No loss values yet. Curves appear once training "
                                         "reports its first steps."),
             QStringLiteral("Noch keine Verlustwerte. Die Kurven erscheinen, sobald das Training "
                            "seine ersten Schritte meldet."));
    QCOMPARE(QCoreApplication::translate("tg::LauncherDialog", "Not offered as tasks:\n%1"),
             QStringLiteral("Nicht als Aufgaben angeboten:\n%1"));
}

void TranslationTest::qtOwnStringsGerman()
{
    // Qt's qtbase catalogue names the Control key "Strg" in German.
    QCOMPARE(QKeySequence(Qt::CTRL | Qt::Key_O).toString(QKeySequence::NativeText),
             QStringLiteral("Strg+O"));
}

void TranslationTest::unknownLanguageFallsBack()
{
    QVERIFY(!installTranslators(*qApp, QStringLiteral("xx")));
    QVERIFY(installTranslators(*qApp, QStringLiteral("en")));
}

QTEST_MAIN(TranslationTest)
#include "tst_app_translation.moc"
