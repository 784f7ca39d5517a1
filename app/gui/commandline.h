#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace tg {

class MainWindow;

// Declares the options of the `taskgrouper` executable on `parser`: help,
// version and an optional path to open.
void addCommandLineOptions(QCommandLineParser& parser);

// The table file or experiment folder named on the command line, or an
// empty string. `arguments` starts with the program name.
QString pathFromCommandLine(const QStringList& arguments);

// Opens the path named in `arguments`, if any, in `window`. Returns false
// when a path was given and could not be opened (the window reported why).
bool openFromCommandLine(MainWindow& window, const QStringList& arguments);

} // namespace tg
