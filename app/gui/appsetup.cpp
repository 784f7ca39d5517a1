#include "app/gui/appsetup.h"

#include "app/gui/appsettings.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

// Q_INIT_RESOURCE must be used outside any namespace, and calling it from the
// library keeps the linker from dropping the resources of a static build.
static void initTaskGrouperResources()
{
    Q_INIT_RESOURCE(taskgrouper);
}

namespace tg {

Q_LOGGING_CATEGORY(lcApp, "taskgrouper.app")

void initApplicationResources()
{
    initTaskGrouperResources();
}

void configureApplication(QApplication& app)
{
    QApplication::setApplicationName(QStringLiteral("taskgrouper"));
    QApplication::setApplicationDisplayName(QStringLiteral("TaskGrouper"));
    QApplication::setOrganizationName(QStringLiteral("TaskGrouper"));
    QApplication::setApplicationVersion(QStringLiteral(TASKGROUPER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("taskgrouper"));

    QIcon icon(QStringLiteral(":/icons/taskgrouper.svg"));
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/taskgrouper-%1.png").arg(size), QSize(size, size));
    app.setWindowIcon(icon);
}

QString chosenLanguage()
{
    const QString stored = AppSettings().language();
    if (!stored.isEmpty())
        return stored;
    // The POSIX "C" locale names no language; it means English here.
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::C)
        return QStringLiteral("en");
    return system.name().section(QLatin1Char('_'), 0, 0);
}

bool installTranslators(QCoreApplication& app, const QString& language)
{
    if (language.isEmpty() || language == QLatin1String("en"))
        return true;

    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/taskgrouper_%1.qm").arg(language))) {
        qCWarning(lcApp) << "No translation for language" << language << "; using English";
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);

    // Qt's own strings (standard buttons, file dialogs) come from the Qt
    // installation; a missing catalogue leaves them in English.
    auto* qt = new QTranslator(&app);
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), qtDirectory))
        QCoreApplication::installTranslator(qt);
    else {
        qCInfo(lcApp) << "Qt's translation for" << language << "not found in" << qtDirectory;
        delete qt;
    }
    return true;
}

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList catalogues =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("taskgrouper_*.qm")});
    for (const QString& file : catalogues)
        languages << file.section(QLatin1Char('_'), 1).section(QLatin1Char('.'), 0, 0);
    return languages;
}

} // namespace tg
