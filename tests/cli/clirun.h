#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// The outcome of one run of the built command-line tool. exitCode stays -1
// when the tool crashed or did not finish within the timeout.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs taskgrouper-cli (TASKGROUPER_CLI_PATH, set by CMake) with `arguments`.
inline CliRun runCli(const QStringList& arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(TASKGROUPER_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
