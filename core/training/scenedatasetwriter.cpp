#include "core/training/scenedataset.h"
#include "core/training/scenerenderer.h"

#include <QDir>
#include <QImage>
#include <QSaveFile>
#include <QString>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

namespace tg::training {

namespace {

// Depth is stored in units of 1/512 m, the Taskonomy convention, so 16 bits
// cover 128 m.
constexpr double kDepthUnitsPerMetre = 512.0;

quint16 to16Bit(double value)
{
    return static_cast<quint16>(std::lround(std::clamp(value, 0.0, 65535.0)));
}

QImage grey16(const std::vector<float>& values, int size, double scale)
{
    QImage image(size, size, QImage::Format_Grayscale16);
    for (int row = 0; row < size; ++row) {
        auto* line = reinterpret_cast<quint16*>(image.scanLine(row));
        for (int column = 0; column < size; ++column)
            line[column] = to16Bit(values[row * size + column] * scale);
    }
    return image;
}

QImage classes8(const std::vector<std::int32_t>& classes, int size)
{
    QImage image(size, size, QImage::Format_Grayscale8);
    for (int row = 0; row < size; ++row) {
        uchar* line = image.scanLine(row);
        for (int column = 0; column < size; ++column)
            line[column] = static_cast<uchar>(classes[row * size + column]);
    }
    return image;
}

// Unit normals map from [-1, 1] to [0, 65535] per channel.
QImage normals16(const std::vector<float>& normals, int size)
{
    const int pixels = size * size;
    QImage image(size, size, QImage::Format_RGBX64);
    for (int row = 0; row < size; ++row) {
        auto* line = reinterpret_cast<QRgba64*>(image.scanLine(row));
        for (int column = 0; column < size; ++column) {
            const int p = row * size + column;
            auto channel = [&](int c) {
                return to16Bit((normals[c * pixels + p] + 1.0) * 32767.5);
            };
            line[column] = QRgba64::fromRgba64(channel(0), channel(1), channel(2), 65535);
        }
    }
    return image;
}

QImage rgb8(const std::vector<float>& rgb, int size)
{
    const int pixels = size * size;
    QImage image(size, size, QImage::Format_RGB888);
    for (int row = 0; row < size; ++row) {
        uchar* line = image.scanLine(row);
        for (int column = 0; column < size; ++column) {
            const int p = row * size + column;
            for (int c = 0; c < 3; ++c)
                line[3 * column + c] =
                    static_cast<uchar>(std::lround(rgb[c * pixels + p] * 255.0f));
        }
    }
    return image;
}

bool saveAtomically(const QString& path, const QByteArray& bytes, std::string* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = "cannot write " + path.toStdString() + ": " + file.errorString().toStdString();
    return false;
}

bool savePng(const QString& path, const QImage& image, std::string* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && image.save(&file, "PNG") && file.commit())
        return true;
    *error = "cannot write " + path.toStdString() + ": " + file.errorString().toStdString();
    return false;
}

QString numbers(const float* values, int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << QString::number(values[i], 'g', 9);
    return parts.join(QLatin1Char(' ')) + QLatin1Char('\n');
}

// Writes one scene's RGB image and the files of `tasks`, named `stem`.
bool writeScene(const QDir& root, const QString& stem, const SceneImage& scene,
                const std::vector<TaskSpec>& tasks, std::string* error)
{
    const int size = scene.width;
    if (!savePng(root.filePath(QStringLiteral("rgb/") + stem + QStringLiteral(".png")),
                 rgb8(scene.rgb, size), error)) {
        return false;
    }
    for (const TaskSpec& task : tasks) {
        const QString folder = QString::fromStdString(task.folder) + QLatin1Char('/');
        const QString png = root.filePath(folder + stem + QStringLiteral(".png"));
        const QString text = root.filePath(folder + stem + QStringLiteral(".txt"));
        bool ok = true;
        if (task.name == "s")
            ok = savePng(png, classes8(scene.segmentation, size), error);
        else if (task.name == "d")
            ok = savePng(png, grey16(scene.depth, size, kDepthUnitsPerMetre), error);
        else if (task.name == "n")
            ok = savePng(png, normals16(scene.normals, size), error);
        else if (task.name == "k")
            ok = savePng(png, grey16(scene.keypoints, size, 65535.0), error);
        else if (task.name == "e")
            ok = savePng(png, grey16(scene.edges, size, 65535.0), error);
        else if (task.name == "o")
            ok = savePng(png, grey16(scene.occlusionEdges, size, 65535.0), error);
        else if (task.name == "r")
            ok = savePng(png, grey16(scene.reshading, size, 65535.0), error);
        else if (task.name == "c")
            ok = saveAtomically(text, QByteArray::number(scene.dominantObject) + '\n', error);
        else if (task.name == "l")
            ok = saveAtomically(text, numbers(scene.lightPosition.data(), 3).toUtf8(), error);
        // Autoencoding ("a") reads its targets from rgb/.
        if (!ok)
            return false;
    }
    return true;
}

bool makeFolders(const QDir& root, const std::vector<TaskSpec>& tasks, std::string* error)
{
    QStringList folders = {QStringLiteral("rgb")};
    for (const TaskSpec& task : tasks)
        folders << QString::fromStdString(task.folder);
    for (const QString& folder : folders) {
        if (!root.mkpath(folder)) {
            *error = "cannot create folder " + root.filePath(folder).toStdString();
            return false;
        }
    }
    return true;
}

} // namespace

bool writeSceneDatasetFolder(const SceneDatasetConfig& config,
                             const std::vector<std::string>& taskNames, const std::string& folder,
                             std::string* error)
{
    std::string message;
    auto fail = [&](const std::string& text) {
        if (error)
            *error = text;
        return false;
    };
    const std::optional<std::vector<TaskSpec>> tasks = resolveBuiltinTasks(taskNames, &message);
    if (!tasks)
        return fail(message);
    if (config.imageSize < 8 || config.trainSize < 1 || config.validationSize < 1 ||
        config.testSize < 1) {
        return fail("scene dataset of " + std::to_string(config.imageSize) + " px with splits " +
                    std::to_string(config.trainSize) + "/" + std::to_string(config.validationSize) +
                    "/" + std::to_string(config.testSize) + " is invalid");
    }
    const QDir root(QString::fromStdString(folder));
    if (!makeFolders(root, *tasks, &message))
        return fail(message);

    // Files are numbered across the splits in order, and each split draws its
    // scenes from its own index range as the in-memory dataset does.
    const std::int64_t sizes[3] = {config.trainSize, config.validationSize, config.testSize};
    const std::int64_t total = sizes[0] + sizes[1] + sizes[2];
    std::atomic<std::int64_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    auto work = [&] {
        for (std::int64_t k = next++; k < total && !failed; k = next++) {
            std::int64_t i = k;
            int split = 0;
            while (i >= sizes[split])
                i -= sizes[split++];
            const SceneImage scene = renderScene(
                config.seed, sceneIndex(static_cast<Split>(split), i), config.imageSize);
            const QString stem = QStringLiteral("scene_%1").arg(k, 6, 10, QLatin1Char('0'));
            std::string sceneError;
            if (!writeScene(root, stem, scene, *tasks, &sceneError)) {
                const std::lock_guard<std::mutex> lock(errorMutex);
                if (!failed.exchange(true))
                    message = sceneError;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < std::max(1, config.generatorThreads); ++t)
        threads.emplace_back(work);
    work();
    for (std::thread& thread : threads)
        thread.join();
    return failed ? fail(message) : true;
}

} // namespace tg::training
