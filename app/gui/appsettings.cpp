#include "app/gui/appsettings.h"

#include <QDir>
#include <QSettings>

namespace tg {

namespace {

const QString kRecentFilesKey = QStringLiteral("recentFiles");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kThemeKey = QStringLiteral("view/theme");
const QString kLanguageKey = QStringLiteral("view/language");
const QString kLastDirectoryKey = QStringLiteral("lastDirectory");

} // namespace

AppSettings::AppSettings(QObject* parent) : QObject(parent)
{}

QStringList AppSettings::recentFiles() const
{
    return QSettings().value(kRecentFilesKey).toStringList();
}

void AppSettings::addRecentFile(const QString& path)
{
    const QString cleaned = QDir::cleanPath(QDir(path).absolutePath());
    QStringList files = recentFiles();
    files.removeAll(cleaned);
    files.prepend(cleaned);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    writeRecentFiles(files);
}

void AppSettings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    if (files.removeAll(path) > 0)
        writeRecentFiles(files);
}

void AppSettings::clearRecentFiles()
{
    writeRecentFiles({});
}

void AppSettings::writeRecentFiles(const QStringList& files)
{
    QSettings settings;
    settings.setValue(kRecentFilesKey, files);
    settings.sync();
    Q_EMIT recentFilesChanged();
}

QByteArray AppSettings::windowGeometry() const
{
    return QSettings().value(kGeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry)
{
    QSettings().setValue(kGeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return QSettings().value(kStateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state)
{
    QSettings().setValue(kStateKey, state);
}

Theme AppSettings::theme() const
{
    return themeFromKey(QSettings().value(kThemeKey).toString());
}

void AppSettings::setTheme(Theme theme)
{
    QSettings().setValue(kThemeKey, themeKey(theme));
    Q_EMIT themeChanged(theme);
}

QString AppSettings::language() const
{
    return QSettings().value(kLanguageKey).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    QSettings().setValue(kLanguageKey, language);
}

QString AppSettings::lastDirectory() const
{
    return QSettings().value(kLastDirectoryKey).toString();
}

void AppSettings::setLastDirectory(const QString& directory)
{
    QSettings().setValue(kLastDirectoryKey, directory);
}

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

} // namespace tg
