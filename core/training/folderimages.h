#pragma once

// Decoding of the images and per-pixel labels of folder and labels datasets. Private to
// core/training.

#include "core/training/dataset.h"

#include <QSize>
#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace tg::training {

// Decodes the RGB image at `imagePath` and one label file per task, and
// resizes them to imageSize x imageSize. `labelPaths` follows the order of
// `tasks`, with the RGB path for autoencoding. Returns null and sets `problem`
// to a message naming the offending file when a file cannot be read, has the
// wrong channel count or size, or contains an invalid label. Thread-safe.
ExamplePointer loadExample(const std::vector<TaskSpec>& tasks, const QString& imagePath,
                           const std::vector<QString>& labelPaths, int imageSize,
                           std::string* problem);

// An input image as the datasets cache it.
struct InputImage
{
    torch::Tensor pixels; // uint8 [3, imageSize, imageSize]
    QSize size;           // size of the file before resizing
};

// Decodes the 8- or 16-bit image at `path` (PNG, or any format QImage reads) and resizes it
// to imageSize x imageSize. A colour image is required unless `allowGrey`, which copies a
// greyscale image into three channels. Returns nullopt and sets `problem` to a message naming
// the file. Thread-safe.
std::optional<InputImage> loadInputImage(const QString& path, int imageSize, bool allowGrey,
                                         std::string* problem);

// Returns the sentence that Dataset::resizeNote() returns when `path`, of `size` pixels, is the
// first image file resized to imageSize x imageSize.
std::string resizeNote(const QString& path, QSize size, int imageSize);

// Decodes the label image of a PixelClasses or PixelValues task at `path`, which must be
// `size` pixels like its input image `imagePath`, and resizes it to imageSize x imageSize.
// The result has the types of Example::targets. Returns nullopt and sets `problem` to a
// message naming the file. Thread-safe.
std::optional<torch::Tensor> loadPixelTarget(const TaskSpec& task, const QString& path,
                                             const QString& imagePath, QSize size, int imageSize,
                                             std::string* problem);

} // namespace tg::training
