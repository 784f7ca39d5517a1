#include "core/training/folderimages.h"

#include <QFile>
#include <QImage>
#include <QImageReader>

namespace tg::training {

namespace {

// A decoded image: raw sample values as float [C, H, W] and the largest
// value its bit depth can hold.
struct Planes
{
    torch::Tensor values;
    double maximum = 255.0;
};

bool isGrey(QImage::Format format)
{
    return format == QImage::Format_Grayscale8 || format == QImage::Format_Grayscale16;
}

bool isSixteenBit(QImage::Format format)
{
    return format == QImage::Format_Grayscale16 || format == QImage::Format_RGBX64 ||
           format == QImage::Format_RGBA64 || format == QImage::Format_RGBA64_Premultiplied;
}

Planes greyPlanes(const QImage& image)
{
    const int width = image.width();
    const int height = image.height();
    torch::Tensor values = torch::empty({1, height, width}, torch::kFloat);
    float* out = values.data_ptr<float>();
    const bool wide = image.format() == QImage::Format_Grayscale16;
    for (int row = 0; row < height; ++row) {
        const uchar* line = image.constScanLine(row);
        for (int column = 0; column < width; ++column) {
            out[row * width + column] =
                wide ? reinterpret_cast<const quint16*>(line)[column] : line[column];
        }
    }
    return {values, wide ? 65535.0 : 255.0};
}

Planes colourPlanes(const QImage& source)
{
    const bool wide = isSixteenBit(source.format());
    const QImage image =
        source.convertToFormat(wide ? QImage::Format_RGBX64 : QImage::Format_RGB888);
    const int width = image.width();
    const int height = image.height();
    const int pixels = width * height;
    torch::Tensor values = torch::empty({3, height, width}, torch::kFloat);
    float* out = values.data_ptr<float>();
    for (int row = 0; row < height; ++row) {
        const uchar* line = image.constScanLine(row);
        for (int column = 0; column < width; ++column) {
            const int p = row * width + column;
            if (wide) {
                const QRgba64 pixel = reinterpret_cast<const QRgba64*>(line)[column];
                out[p] = pixel.red();
                out[pixels + p] = pixel.green();
                out[2 * pixels + p] = pixel.blue();
            } else {
                out[p] = line[3 * column];
                out[pixels + p] = line[3 * column + 1];
                out[2 * pixels + p] = line[3 * column + 2];
            }
        }
    }
    return {values, wide ? 65535.0 : 255.0};
}

std::string describe(const QString& path)
{
    return path.toStdString();
}

// Reads a PNG with the expected channel count (1: greyscale, 3: colour), or either count
// when `channels` is 0. `imagePath` names the input image that `expectedSize` comes from.
std::optional<Planes> readPlanes(const QString& path, int channels, QSize expectedSize,
                                 const QString& imagePath, std::string* problem)
{
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        *problem =
            "cannot read image " + describe(path) + ": " + reader.errorString().toStdString();
        return std::nullopt;
    }
    const int found = isGrey(image.format()) ? 1 : 3;
    if (channels != 0 && found != channels) {
        *problem = "image " + describe(path) + " has " + std::to_string(found) +
                   (found == 1 ? " channel (greyscale)" : " channels (colour)") + " but " +
                   std::to_string(channels) + (channels == 1 ? " (greyscale) is" : " (RGB) are") +
                   " expected";
        return std::nullopt;
    }
    if (expectedSize.isValid() && image.size() != expectedSize) {
        *problem = "image " + describe(path) + " is " + std::to_string(image.width()) + "x" +
                   std::to_string(image.height()) + " pixels but its input image " +
                   describe(imagePath) + " is " + std::to_string(expectedSize.width()) + "x" +
                   std::to_string(expectedSize.height());
        return std::nullopt;
    }
    return found == 1 ? greyPlanes(image) : colourPlanes(image);
}

// Area averaging when shrinking, bilinear when enlarging, nearest for classes.
torch::Tensor resized(const torch::Tensor& planes, int size, bool nearest)
{
    if (planes.size(1) == size && planes.size(2) == size)
        return planes;
    namespace F = torch::nn::functional;
    auto options = F::InterpolateFuncOptions().size(std::vector<std::int64_t>{size, size});
    if (nearest)
        options.mode(torch::kNearest);
    else if (planes.size(1) >= size && planes.size(2) >= size)
        options.mode(torch::kArea);
    else
        options.mode(torch::kBilinear).align_corners(false);
    return F::interpolate(planes.unsqueeze(0), options).squeeze(0);
}

std::optional<std::vector<double>> readNumbers(const QString& path, std::string* problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = "cannot read " + describe(path) + ": " + file.errorString().toStdString();
        return std::nullopt;
    }
    std::vector<double> numbers;
    const QList<QByteArray> words = file.readAll().simplified().split(' ');
    for (const QByteArray& word : words) {
        if (word.isEmpty())
            continue;
        bool ok = false;
        numbers.push_back(word.toDouble(&ok));
        if (!ok || !std::isfinite(numbers.back())) {
            *problem = "label file " + describe(path) + " holds \"" + word.toStdString() +
                       "\", which is not a finite number";
            return std::nullopt;
        }
    }
    return numbers;
}

std::optional<torch::Tensor> imageLabel(const TaskSpec& task, const QString& path,
                                        std::string* problem)
{
    const std::optional<std::vector<double>> numbers = readNumbers(path, problem);
    if (!numbers)
        return std::nullopt;
    const bool classes = task.kind == TaskKind::ImageClasses;
    const std::size_t expected = classes ? 1 : static_cast<std::size_t>(task.channels);
    if (numbers->size() != expected) {
        *problem = "label file " + describe(path) + " holds " + std::to_string(numbers->size()) +
                   " numbers but " + std::to_string(expected) + " are expected";
        return std::nullopt;
    }
    if (!classes) {
        return torch::tensor(std::vector<float>(numbers->begin(), numbers->end()));
    }
    const double value = numbers->front();
    if (value != std::floor(value) || value < 0 || value >= task.channels) {
        *problem = "label file " + describe(path) + " holds class " + std::to_string(value) +
                   "; expected an integer from 0 to " + std::to_string(task.channels - 1);
        return std::nullopt;
    }
    return torch::tensor(static_cast<std::int64_t>(value));
}

std::optional<torch::Tensor> pixelClasses(const TaskSpec& task, const QString& path,
                                          const QString& imagePath, QSize size, int imageSize,
                                          std::string* problem)
{
    const std::optional<Planes> planes = readPlanes(path, 1, size, imagePath, problem);
    if (!planes)
        return std::nullopt;
    const double largest = planes->values.max().item<double>();
    if (largest >= task.channels) {
        const auto found = static_cast<long long>(largest);
        *problem = "class image " + describe(path) + " contains class " + std::to_string(found) +
                   " but task \"" + task.folder + "\" has " + std::to_string(task.channels) +
                   " classes (0 to " + std::to_string(task.channels - 1) +
                   "); set the class count in the dataset configuration, for example "
                   "\"classes\": {\"" + task.folder + "\": " + std::to_string(found + 1) +
                   "} or the data set's full class count";
        return std::nullopt;
    }
    return resized(planes->values, imageSize, true)
        .squeeze(0)
        .round()
        .to(classStorageType(task.channels));
}

std::optional<torch::Tensor> pixelValues(const TaskSpec& task, const QString& path,
                                         const QString& imagePath, QSize size, int imageSize,
                                         std::string* problem)
{
    const std::optional<Planes> planes = readPlanes(path, task.channels, size, imagePath, problem);
    if (!planes)
        return std::nullopt;
    return resized(planes->values / planes->maximum, imageSize, false);
}

} // namespace

std::optional<InputImage> loadInputImage(const QString& path, int imageSize, bool allowGrey,
                                         std::string* problem)
{
    const std::optional<Planes> planes =
        readPlanes(path, allowGrey ? 0 : 3, QSize(), path, problem);
    if (!planes)
        return std::nullopt;
    torch::Tensor image = resized(planes->values / planes->maximum, imageSize, false);
    if (image.size(0) == 1)
        image = image.expand({3, imageSize, imageSize});
    InputImage input;
    input.pixels = image.mul(255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    input.size =
        QSize(static_cast<int>(planes->values.size(2)), static_cast<int>(planes->values.size(1)));
    return input;
}

std::optional<torch::Tensor> loadPixelTarget(const TaskSpec& task, const QString& path,
                                             const QString& imagePath, QSize size, int imageSize,
                                             std::string* problem)
{
    if (task.kind == TaskKind::PixelClasses)
        return pixelClasses(task, path, imagePath, size, imageSize, problem);
    return pixelValues(task, path, imagePath, size, imageSize, problem);
}

ExamplePointer loadExample(const std::vector<TaskSpec>& tasks, const QString& imagePath,
                           const std::vector<QString>& labelPaths, int imageSize,
                           std::string* problem)
{
    const std::optional<InputImage> input = loadInputImage(imagePath, imageSize, false, problem);
    if (!input)
        return nullptr;

    auto example = std::make_shared<Example>();
    example->image = input->pixels;

    for (std::size_t t = 0; t < tasks.size(); ++t) {
        const TaskSpec& task = tasks[t];
        std::optional<torch::Tensor> target;
        if (task.folder == "rgb")
            target = example->image.to(torch::kFloat) / 255.0;
        else if (task.kind == TaskKind::PixelClasses || task.kind == TaskKind::PixelValues)
            target =
                loadPixelTarget(task, labelPaths[t], imagePath, input->size, imageSize, problem);
        else
            target = imageLabel(task, labelPaths[t], problem);
        if (!target)
            return nullptr;
        example->targets.push_back(*target);
    }
    return example;
}

std::string resizeNote(const QString& path, QSize size, int imageSize)
{
    const std::string target = std::to_string(imageSize) + "x" + std::to_string(imageSize);
    return "resizing images to " + target + " pixels, the configured image size; the first "
           "resized image, " + path.toStdString() + ", is " + std::to_string(size.width()) + "x" +
           std::to_string(size.height()) + " pixels";
}

} // namespace tg::training
