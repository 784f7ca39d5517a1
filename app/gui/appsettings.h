#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace tg {

enum class Theme
{
    System,
    Light,
    Dark,
};

// The user's preferences and the window layout, stored with QSettings in the
// platform's usual place (organisation "TaskGrouper", application
// "taskgrouper"). Every setter writes through at once, so a crash loses
// nothing. Used from the GUI thread only.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRecentFiles = 10;

    explicit AppSettings(QObject* parent = nullptr);

    // Most recent first, without duplicates; paths that no longer exist are
    // kept so a file on an unmounted drive is not forgotten.
    QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void clearRecentFiles();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    Theme theme() const;
    void setTheme(Theme theme);

    // A locale name such as "de" or "en"; empty follows the system locale.
    QString language() const;
    void setLanguage(const QString& language);

    QString lastDirectory() const;
    void setLastDirectory(const QString& directory);

Q_SIGNALS:
    void recentFilesChanged();
    void themeChanged(tg::Theme theme);

private:
    void writeRecentFiles(const QStringList& files);
};

QString themeKey(Theme theme);
Theme themeFromKey(const QString& key);

} // namespace tg
