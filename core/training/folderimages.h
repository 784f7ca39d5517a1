#pragma once

// Decoding of one example of a Taskonomy-layout folder. Private to core/training.

#include "core/training/dataset.h"

#include <QString>
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

} // namespace tg::training
