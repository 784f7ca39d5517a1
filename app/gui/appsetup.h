#pragma once

#include <QString>

class QApplication;
class QCoreApplication;

namespace tg {

// Registers the embedded icons and translations. Call once before the first
// window; safe to call again.
void initApplicationResources();

// Sets the application name, organisation, version and window icon that
// QSettings, the About box and the desktop use.
void configureApplication(QApplication& app);

// The language to load: the override stored in the settings when there is
// one, otherwise the system locale's language ("de" for de_AT, "en" for C).
QString chosenLanguage();

// Installs the application's and Qt's own translators for `language` on
// `app`; the translators are owned by `app`. English needs none. Returns
// false when the application's catalogue for `language` is not embedded.
bool installTranslators(QCoreApplication& app, const QString& language);

// Languages with an embedded catalogue, English included, as locale names.
QStringList availableLanguages();

} // namespace tg
