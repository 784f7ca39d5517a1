#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace tg::cli {

// Returns the parser's help text with a usage line that names the command
// ("taskgrouper-cli select"): QCommandLineParser takes the program name from
// the application, not from `arguments`.
QString commandHelpText(const QCommandLineParser& parser, const QStringList& arguments);

} // namespace tg::cli
