#include "core/training/folderdataset.h"

#include "core/experimentconfig.h"
#include "core/training/folderimages.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QLoggingCategory>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <thread>

Q_LOGGING_CATEGORY(lcFolderData, "taskgrouper.training.folders", QtInfoMsg)

namespace tg::training {

namespace {

// Name shared by an image and its labels: the file name without extension
// and without a Taskonomy "_domain_<task>" suffix.
QString matchKey(const QString& fileName)
{
    QString stem = fileName.left(fileName.lastIndexOf(QLatin1Char('.')));
    const qsizetype domain = stem.indexOf(QStringLiteral("_domain_"));
    return domain >= 0 ? stem.left(domain) : stem;
}

// Files of `folder` with `suffix`, keyed by match key, in sorted order. `filters` selects
// directories named like files in place of files.
std::map<QString, QString> listFiles(const QDir& folder, const QString& suffix,
                                     QDir::Filters filters = QDir::Files)
{
    std::map<QString, QString> files;
    const QStringList names =
        folder.entryList({QStringLiteral("*.") + suffix}, filters, QDir::Name);
    for (const QString& name : names)
        files.emplace(matchKey(name), folder.filePath(name));
    return files;
}

bool isPerImage(const TaskSpec& task)
{
    return task.kind == TaskKind::ImageClasses || task.kind == TaskKind::ImageValues;
}

std::string layoutDescription(const QDir& root, const std::vector<TaskSpec>& tasks)
{
    std::string text =
        "expected layout: " + root.filePath(QStringLiteral("rgb")).toStdString() + "/<name>.png";
    for (const TaskSpec& task : tasks) {
        if (task.folder == "rgb")
            continue;
        text += ", " + root.path().toStdString() + "/" + task.folder + "/<name>" +
                (isPerImage(task) ? ".txt" : ".png");
    }
    return text + " with the same <name> in every folder";
}

// Per task, the label file of each RGB key, in the order of the RGB keys.
// Returns an empty string or the first layout problem found.
std::string matchLayout(const QDir& root, const std::vector<TaskSpec>& tasks,
                        const std::map<QString, QString>& images,
                        std::vector<std::vector<QString>>& labelFiles)
{
    for (const TaskSpec& task : tasks) {
        std::vector<QString> files;
        if (task.folder == "rgb") {
            for (const auto& [key, path] : images)
                files.push_back(path);
            labelFiles.push_back(files);
            continue;
        }
        const QString name = QString::fromStdString(task.folder);
        if (!root.exists(name))
            return "missing folder " + root.filePath(name).toStdString();
        const QDir folder(root.filePath(name));
        const QString suffix = isPerImage(task) ? QStringLiteral("txt") : QStringLiteral("png");
        const std::map<QString, QString> labels = listFiles(folder, suffix);
        const std::map<QString, QString> directories =
            listFiles(folder, suffix, QDir::Dirs | QDir::NoDotAndDotDot);
        for (const auto& [key, path] : images) {
            const auto found = labels.find(key);
            const auto directory = directories.find(key);
            if (found == labels.end() && directory != directories.end()) {
                return "label " + directory->second.toStdString() +
                       " is a directory, not a label file; replace it with the label of image " +
                       path.toStdString();
            }
            if (found == labels.end()) {
                return "no label in " + folder.path().toStdString() + " for image " +
                       path.toStdString();
            }
            files.push_back(found->second);
        }
        for (const auto& [key, path] : labels) {
            if (images.count(key) == 0)
                return "label " + path.toStdString() + " has no matching image in rgb/";
        }
        labelFiles.push_back(files);
    }
    return {};
}

class FolderDataset final : public Dataset
{
public:
    FolderDataset(std::vector<TaskSpec> tasks, int imageSize, std::vector<ExamplePointer> examples,
                  std::int64_t trainEnd, std::int64_t validationEnd, std::string resizeNote)
        : m_tasks(std::move(tasks)), m_imageSize(imageSize),
          m_examples(std::move(examples)), m_ends{trainEnd, validationEnd,
                                                  static_cast<std::int64_t>(m_examples.size())},
          m_resizeNote(std::move(resizeNote))
    {
        const std::vector<ExamplePointer> train(m_examples.begin(), m_examples.begin() + trainEnd);
        for (std::size_t t = 0; t < m_tasks.size(); ++t)
            m_statistics.push_back(computeStatistics(m_tasks[t], static_cast<int>(t), train));
    }

    const std::vector<TaskSpec>& tasks() const override { return m_tasks; }
    int imageSize() const override { return m_imageSize; }
    std::string resizeNote() const override { return m_resizeNote; }
    std::int64_t size(Split split) const override { return end(split) - begin(split); }
    ChannelStatistics statistics(int taskIndex) const override
    {
        return m_statistics.at(static_cast<std::size_t>(taskIndex));
    }

    Batch batch(Split split, const std::vector<std::int64_t>& indices) const override
    {
        std::vector<ExamplePointer> examples;
        examples.reserve(indices.size());
        for (const std::int64_t i : indices) {
            if (i < 0 || i >= size(split)) {
                throw std::out_of_range("index " + std::to_string(i) + " is outside the " +
                                        splitName(split) + " split of " +
                                        std::to_string(size(split)) + " images");
            }
            examples.push_back(m_examples[static_cast<std::size_t>(begin(split) + i)]);
        }
        return assembleBatch(m_tasks, m_statistics, examples);
    }

private:
    std::int64_t begin(Split split) const
    {
        return split == Split::Train ? 0 : m_ends[static_cast<int>(split) - 1];
    }
    std::int64_t end(Split split) const { return m_ends[static_cast<int>(split)]; }

    std::vector<TaskSpec> m_tasks;
    int m_imageSize;
    std::vector<ExamplePointer> m_examples; // sorted by file name
    std::int64_t m_ends[3];
    std::vector<ChannelStatistics> m_statistics;
    std::string m_resizeNote;
};

// The folder whose labels a classCounts entry applies to: the built-in task's folder for a
// built-in name, else the entry's name. Returns an empty string and sets `problem` when the
// entry cannot name a per-pixel task folder of `root`.
std::string classEntryFolder(const QDir& root, const std::string& name, std::string* problem)
{
    const std::optional<TaskSpec> builtin = findBuiltinTask(name);
    if (builtin && !isPerPixel(builtin->kind)) {
        *problem = "dataset.classes entry \"" + name + "\" names a per-image task; the entry "
                   "applies to per-pixel tasks only, so remove it";
        return {};
    }
    const std::string folder = builtin ? builtin->folder : name;
    if (folder == "rgb") {
        *problem = "dataset.classes entry \"" + name + "\" names rgb/, which contains the input "
                   "images; remove the entry";
        return {};
    }
    const QString path = root.filePath(QString::fromStdString(folder));
    if (!QFileInfo(path).isDir()) {
        *problem = "dataset.classes entry \"" + name + "\" names no task folder: " +
                   path.toStdString() + " not found; name a folder of per-pixel class images";
        return {};
    }
    return folder;
}

// Resolves task names to built-in tasks and to the class tasks of `classCounts`, whose
// entries turn per-pixel task folders into class tasks with their counts.
std::optional<std::vector<TaskSpec>> resolveFolderTasks(const QDir& root,
                                                        const std::vector<std::string>& taskNames,
                                                        const std::map<std::string, int>& classCounts,
                                                        std::string* problem)
{
    std::map<std::string, int> folderClasses;
    std::map<std::string, std::string> entryOfFolder;
    for (const auto& [name, count] : classCounts) {
        const std::string folder = classEntryFolder(root, name, problem);
        if (folder.empty())
            return std::nullopt;
        if (entryOfFolder.count(folder) != 0) {
            *problem = "dataset.classes entries \"" + entryOfFolder[folder] + "\" and \"" +
                       name + "\" both name the task folder " + folder + "; keep one of them";
            return std::nullopt;
        }
        entryOfFolder[folder] = name;
        folderClasses[folder] = count;
    }

    std::vector<std::string> builtinNames;
    for (const std::string& name : taskNames) {
        if (findBuiltinTask(name) || folderClasses.count(name) == 0)
            builtinNames.push_back(name);
    }
    std::optional<std::vector<TaskSpec>> builtins;
    if (!builtinNames.empty() || taskNames.empty()) {
        builtins = resolveBuiltinTasks(builtinNames, problem);
        if (!builtins) {
            if (problem->rfind("unknown task", 0) == 0) {
                *problem += "; a folder of per-pixel class images with another name needs a "
                            "dataset.classes entry with its class count";
            }
            return std::nullopt;
        }
    }

    std::vector<TaskSpec> tasks;
    std::size_t nextBuiltin = 0;
    for (const std::string& name : taskNames) {
        TaskSpec task;
        if (findBuiltinTask(name) || folderClasses.count(name) == 0)
            task = (*builtins)[nextBuiltin++];
        else
            task = TaskSpec{name, name, name, TaskKind::PixelClasses, 0};
        const auto classes = folderClasses.find(task.folder);
        if (classes != folderClasses.end()) {
            task.kind = TaskKind::PixelClasses;
            task.channels = classes->second;
        }
        const bool repeated = std::any_of(tasks.begin(), tasks.end(), [&](const TaskSpec& other) {
            return other.folder == task.folder;
        });
        if (repeated) {
            *problem = "task \"" + name + "\" is listed more than once";
            return std::nullopt;
        }
        tasks.push_back(task);
    }
    return tasks;
}

// Decodes every example on `threads` threads. Returns the examples in key
// order, or an empty vector and the problem of the first failing example.
std::vector<ExamplePointer> loadExamples(const std::vector<TaskSpec>& tasks,
                                         const std::vector<QString>& images,
                                         const std::vector<std::vector<QString>>& labelFiles,
                                         int imageSize, int threads, std::string* problem)
{
    return loadExamplesInParallel(
        images.size(), threads,
        [&](std::size_t i, std::string* exampleProblem) {
            std::vector<QString> files;
            for (const auto& taskFiles : labelFiles)
                files.push_back(taskFiles[i]);
            return loadExample(tasks, images[i], files, imageSize, exampleProblem);
        },
        problem);
}

// The resize note for the first image whose file is not imageSize x imageSize pixels. Reads
// only the image headers.
std::string firstResizeNote(const std::vector<QString>& imageFiles, int imageSize)
{
    for (const QString& path : imageFiles) {
        const QSize size = QImageReader(path).size();
        if (size.isValid() && size != QSize(imageSize, imageSize))
            return resizeNote(path, size, imageSize);
    }
    return {};
}

} // namespace

std::vector<ExamplePointer>
loadExamplesInParallel(std::size_t count, int threads,
                       const std::function<ExamplePointer(std::size_t, std::string*)>& load,
                       std::string* problem)
{
    std::vector<ExamplePointer> examples(count);
    std::vector<std::string> problems(count);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
        for (std::size_t i = next++; i < count && !failed; i = next++) {
            examples[i] = load(i, &problems[i]);
            if (!examples[i])
                failed = true;
        }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < std::max(1, threads); ++t)
        workers.emplace_back(work);
    work();
    for (std::thread& worker : workers)
        worker.join();

    // Report the failing example with the lowest index, so the message does
    // not depend on thread timing.
    for (std::size_t i = 0; i < count; ++i) {
        if (!problems[i].empty()) {
            *problem = problems[i];
            return {};
        }
    }
    return examples;
}

std::string folderDatasetOptionsProblem(const FolderDatasetOptions& options)
{
    const double test = 1.0 - options.trainFraction - options.validationFraction;
    if (!(options.trainFraction > 0.0) || !(options.validationFraction > 0.0) || test <= 0.0) {
        return "split fractions " + std::to_string(options.trainFraction) + " (train) and " +
               std::to_string(options.validationFraction) +
               " (validation) are invalid; both must be positive and sum to less than 1";
    }
    if (options.imageSize < 16 || options.imageSize % 16 != 0) {
        return "image size " + std::to_string(options.imageSize) +
               " is invalid; use a multiple of 16 such as 64";
    }
    for (const auto& [name, count] : options.classCounts) {
        if (count < 2 || count > kMaxDatasetClasses) {
            return "class count " + std::to_string(count) + " of task \"" + name +
                   "\" is invalid; use an integer from 2 to " +
                   std::to_string(kMaxDatasetClasses);
        }
    }
    return {};
}

bool splitByFractions(std::int64_t count, const FolderDatasetOptions& options,
                      std::int64_t* trainEnd, std::int64_t* validationEnd)
{
    *trainEnd = static_cast<std::int64_t>(std::llround(count * options.trainFraction));
    *validationEnd = static_cast<std::int64_t>(
        std::llround(count * (options.trainFraction + options.validationFraction)));
    return *trainEnd >= 1 && *validationEnd > *trainEnd && *validationEnd < count;
}

std::unique_ptr<Dataset> makeMemoryDataset(std::vector<TaskSpec> tasks, int imageSize,
                                           std::vector<ExamplePointer> examples,
                                           std::int64_t trainEnd, std::int64_t validationEnd,
                                           std::string resizeNote)
{
    return std::make_unique<FolderDataset>(std::move(tasks), imageSize, std::move(examples),
                                           trainEnd, validationEnd, std::move(resizeNote));
}

std::unique_ptr<Dataset> openFolderDataset(const std::string& folder,
                                           const std::vector<std::string>& taskNames,
                                           const FolderDatasetOptions& options, std::string* error)
{
    const QDir root(QString::fromStdString(folder));
    std::string problem = folderDatasetOptionsProblem(options);
    std::optional<std::vector<TaskSpec>> tasks;
    if (problem.empty())
        tasks = resolveFolderTasks(root, taskNames, options.classCounts, &problem);
    auto fail = [&](const std::string& message, bool withLayout) -> std::unique_ptr<Dataset> {
        if (error) {
            *error = "invalid dataset folder " + folder + ": " + message;
            if (withLayout)
                *error += "; " + layoutDescription(QDir(QString::fromStdString(folder)), *tasks);
        }
        qCDebug(lcFolderData).noquote() << QString::fromStdString(message);
        return nullptr;
    };
    if (!problem.empty())
        return fail(problem, false);

    if (!root.exists(QStringLiteral("rgb")))
        return fail("missing folder " + root.filePath(QStringLiteral("rgb")).toStdString(), true);
    const QDir rgb(root.filePath(QStringLiteral("rgb")));
    const std::map<QString, QString> directories =
        listFiles(rgb, QStringLiteral("png"), QDir::Dirs | QDir::NoDotAndDotDot);
    if (!directories.empty()) {
        return fail(directories.begin()->second.toStdString() +
                        " is a directory, not an image file; move it out of " +
                        rgb.path().toStdString(),
                    false);
    }
    const std::map<QString, QString> images = listFiles(rgb, QStringLiteral("png"));
    if (images.empty())
        return fail("no PNG images in " + root.filePath(QStringLiteral("rgb")).toStdString(), true);

    std::vector<std::vector<QString>> labelFiles;
    problem = matchLayout(root, *tasks, images, labelFiles);
    if (!problem.empty())
        return fail(problem, true);

    const auto count = static_cast<std::int64_t>(images.size());
    std::int64_t trainEnd = 0;
    std::int64_t validationEnd = 0;
    if (!splitByFractions(count, options, &trainEnd, &validationEnd)) {
        return fail(std::to_string(count) + " images are too few to give every split at least "
                                            "one image with the split fractions",
                    false);
    }

    std::vector<QString> imageFiles;
    for (const auto& [key, path] : images)
        imageFiles.push_back(path);
    std::vector<ExamplePointer> examples = loadExamples(
        *tasks, imageFiles, labelFiles, options.imageSize, options.loaderThreads, &problem);
    if (examples.empty())
        return fail(problem, true);

    qCInfo(lcFolderData) << "opened" << count << "images from" << QString::fromStdString(folder);
    return makeMemoryDataset(std::move(*tasks), options.imageSize, std::move(examples), trainEnd,
                             validationEnd, firstResizeNote(imageFiles, options.imageSize));
}

} // namespace tg::training
