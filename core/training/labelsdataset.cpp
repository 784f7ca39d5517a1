#include "core/training/labelsdataset.h"

#include "core/training/folderimages.h"
#include "core/training/labelsfile.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcLabelsData)

namespace tg::training {

namespace {

// Raised inside the loader and turned into the `error` output.
struct LoadError
{
    std::string message;
};

// The source of a chosen task's labels: a labels column, or a per-pixel folder.
struct TaskSource
{
    TaskSpec task;
    int column = -1;    // index into LabelsTable::columns, or -1
    QString folderPath; // per-pixel folder when column is -1
};

// Finds the column or per-pixel folder that offers `task`, which labelsTasks() listed.
TaskSource taskSource(const TaskSpec& task, const LabelsTable& table,
                      const std::vector<PixelTaskFolder>& folders)
{
    TaskSource source{task, -1, {}};
    if (task.folder.empty()) {
        const auto column =
            std::find_if(table.columns.begin(), table.columns.end(),
                         [&](const LabelsColumn& entry) { return entry.name == task.name; });
        source.column = static_cast<int>(column - table.columns.begin());
        return source;
    }
    const auto folder =
        std::find_if(folders.begin(), folders.end(),
                     [&](const PixelTaskFolder& entry) { return entry.task.name == task.name; });
    source.folderPath = QString::fromStdString(folder->path);
    return source;
}

std::vector<TaskSource> chooseTasks(const std::vector<std::string>& taskNames,
                                    const LabelsTable& table,
                                    const std::vector<PixelTaskFolder>& folders)
{
    std::string error;
    std::vector<SkippedLabelsTask> skipped;
    const std::optional<std::vector<TaskSpec>> available =
        labelsTasks(table, folders, &error, &skipped);
    if (!available)
        throw LoadError{error};
    std::string list;
    for (const TaskSpec& task : *available)
        list += (list.empty() ? "" : ", ") + task.name;
    if (taskNames.empty())
        throw LoadError{"no tasks given; name at least one of " + list};

    std::vector<TaskSource> sources;
    for (const std::string& name : taskNames) {
        const auto found = std::find_if(available->begin(), available->end(),
                                        [&](const TaskSpec& task) { return task.name == name; });
        if (found == available->end()) {
            for (const SkippedLabelsTask& column : skipped) {
                if (column.name == name)
                    throw LoadError{column.problem};
            }
            throw LoadError{"unknown task \"" + name + "\"; " + table.path +
                            " and the per-pixel folders offer " + list};
        }
        for (const TaskSource& source : sources) {
            if (source.task.name == name)
                throw LoadError{"task \"" + name + "\" is listed more than once"};
        }
        sources.push_back(taskSource(*found, table, folders));
    }
    return sources;
}

// The per-pixel label file of an image: the image's path with the extension .png.
QString pixelLabelName(const QString& file)
{
    const qsizetype dot = file.lastIndexOf(QLatin1Char('.'));
    const qsizetype slash = file.lastIndexOf(QLatin1Char('/'));
    return (dot > slash ? file.left(dot) : file) + QStringLiteral(".png");
}

// Orders rows by split, then by file name, and returns the ends of train and validation.
std::pair<std::int64_t, std::int64_t> orderBySplit(LabelsTable* table,
                                                   const FolderDatasetOptions& options)
{
    std::vector<LabelsRow>& rows = table->rows;
    std::sort(rows.begin(), rows.end(),
              [](const LabelsRow& a, const LabelsRow& b) { return a.file < b.file; });
    const auto count = static_cast<std::int64_t>(rows.size());
    if (rows.front().split < 0) {
        std::int64_t trainEnd = 0;
        std::int64_t validationEnd = 0;
        if (!splitByFractions(count, options, &trainEnd, &validationEnd)) {
            throw LoadError{table->path + ": " + std::to_string(count) +
                            " images are too few to give every split at least one image with "
                            "the split fractions; add images or a split column"};
        }
        return {trainEnd, validationEnd};
    }

    std::stable_sort(rows.begin(), rows.end(),
                     [](const LabelsRow& a, const LabelsRow& b) { return a.split < b.split; });
    std::int64_t sizes[3] = {0, 0, 0};
    for (const LabelsRow& row : rows)
        ++sizes[row.split];
    const char* names[3] = {"train", "validation", "test"};
    for (int split = 0; split < 3; ++split) {
        if (sizes[split] == 0) {
            throw LoadError{table->path + ": no image is in the " + names[split] +
                            " split; assign at least one image to every split"};
        }
    }
    return {sizes[0], sizes[0] + sizes[1]};
}

// The end of the message for a listed path that is not a regular file: a directory, or
// nothing.
std::string notAFileProblem(const QString& path, const std::string& directoryFix,
                            const std::string& missingFix)
{
    if (QFileInfo(path).isDir())
        return " is a directory, not an image file; " + directoryFix;
    return " not found; " + missingFix;
}

void checkFilesExist(const LabelsTable& table, const QDir& images,
                     const std::vector<TaskSource>& sources)
{
    for (const LabelsRow& row : table.rows) {
        const QString file = QString::fromStdString(row.file);
        const QString path = images.filePath(file);
        if (!QFileInfo(path).isFile()) {
            throw LoadError{table.path + ":" + std::to_string(row.line) + ": image " +
                            path.toStdString() + notAFileProblem(path, "write an image file name on the line or remove the line",
                                            "add it or remove its line")};
        }
        for (const TaskSource& source : sources) {
            if (source.column >= 0)
                continue;
            const QString label = QDir(source.folderPath).filePath(pixelLabelName(file));
            if (!QFileInfo(label).isFile()) {
                throw LoadError{table.path + ":" + std::to_string(row.line) + ": label image " +
                                label.toStdString() + " of task \"" + source.task.name + "\"" +
                                notAFileProblem(label,
                                                "replace it with the label image or remove "
                                                "the image's line",
                                                "add it or remove the image's line")};
            }
        }
    }
}

// Decodes one row's image and labels. `reference` is the first listed image and its size.
ExamplePointer loadRow(const LabelsTable& table, const LabelsRow& row, const QDir& images,
                       const std::vector<TaskSource>& sources, const LabelsRow& reference,
                       QSize referenceSize, int imageSize, std::string* problem)
{
    const std::string where = table.path + ":" + std::to_string(row.line) + ": ";
    const QString file = QString::fromStdString(row.file);
    const QString path = images.filePath(file);
    const std::optional<InputImage> input = loadInputImage(path, imageSize, true, problem);
    if (!input) {
        *problem = where + *problem;
        return nullptr;
    }
    if (input->size != referenceSize) {
        *problem =
            where + "image " + path.toStdString() + " is " + std::to_string(input->size.width()) +
            "x" + std::to_string(input->size.height()) + " pixels but image " +
            images.filePath(QString::fromStdString(reference.file)).toStdString() + " on line " +
            std::to_string(reference.line) + " is " + std::to_string(referenceSize.width()) + "x" +
            std::to_string(referenceSize.height()) + "; give all images the same size";
        return nullptr;
    }

    auto example = std::make_shared<Example>();
    example->image = input->pixels;
    for (const TaskSource& source : sources) {
        if (source.column < 0) {
            const QString label = QDir(source.folderPath).filePath(pixelLabelName(file));
            const std::optional<torch::Tensor> target =
                loadPixelTarget(source.task, label, path, input->size, imageSize, problem);
            if (!target) {
                *problem = where + *problem;
                return nullptr;
            }
            example->targets.push_back(*target);
            continue;
        }
        const LabelsColumn& column = table.columns[static_cast<std::size_t>(source.column)];
        const double value = row.values[static_cast<std::size_t>(source.column)];
        if (column.classes)
            example->targets.push_back(torch::tensor(std::int64_t{classIndex(column, value)}));
        else
            example->targets.push_back(torch::tensor({static_cast<float>(value)}));
    }
    return example;
}

std::unique_ptr<Dataset> openOrThrow(const std::string& imagesFolder, const std::string& labelsPath,
                                     const std::string& partitionPath,
                                     const std::vector<std::string>& taskNames,
                                     const FolderDatasetOptions& options)
{
    std::string problem = folderDatasetOptionsProblem(options);
    if (!problem.empty())
        throw LoadError{problem};
    const std::optional<std::vector<PixelTaskFolder>> folders =
        findPixelTaskFolders(imagesFolder, options.classCounts, &problem);
    if (!folders)
        throw LoadError{problem};
    std::optional<LabelsTable> table = readLabelsTable(labelsPath, &problem);
    if (!table)
        throw LoadError{problem};
    if (!partitionPath.empty() && !applyPartitionFile(partitionPath, &*table, &problem))
        throw LoadError{problem};
    const std::vector<TaskSource> sources = chooseTasks(taskNames, *table, *folders);

    const QDir images(QString::fromStdString(imagesFolder));
    checkFilesExist(*table, images, sources);
    // The first listed image sets the size that every image must have.
    const LabelsRow reference = table->rows.front();
    const std::optional<InputImage> first = loadInputImage(
        images.filePath(QString::fromStdString(reference.file)), options.imageSize, true, &problem);
    if (!first)
        throw LoadError{table->path + ":" + std::to_string(reference.line) + ": " + problem};
    const QSize referenceSize = first->size;
    const auto [trainEnd, validationEnd] = orderBySplit(&*table, options);

    std::vector<ExamplePointer> examples = loadExamplesInParallel(
        table->rows.size(), options.loaderThreads,
        [&](std::size_t i, std::string* exampleProblem) {
            return loadRow(*table, table->rows[i], images, sources, reference, referenceSize,
                           options.imageSize, exampleProblem);
        },
        &problem);
    if (examples.empty())
        throw LoadError{problem};

    std::vector<TaskSpec> tasks;
    for (const TaskSource& source : sources)
        tasks.push_back(source.task);
    qCInfo(lcLabelsData) << "opened" << examples.size() << "images from"
                         << QString::fromStdString(imagesFolder);
    // Every image must have the first image's size, so the first image represents all of them.
    const std::string resized =
        referenceSize == QSize(options.imageSize, options.imageSize)
            ? std::string()
            : resizeNote(images.filePath(QString::fromStdString(reference.file)), referenceSize,
                         options.imageSize);
    return makeMemoryDataset(std::move(tasks), options.imageSize, std::move(examples), trainEnd,
                             validationEnd, resized);
}

} // namespace

std::unique_ptr<Dataset> openLabelsDataset(const std::string& imagesFolder,
                                           const std::string& labelsPath,
                                           const std::string& partitionPath,
                                           const std::vector<std::string>& taskNames,
                                           const FolderDatasetOptions& options, std::string* error)
{
    try {
        return openOrThrow(imagesFolder, labelsPath, partitionPath, taskNames, options);
    } catch (const LoadError& problem) {
        qCDebug(lcLabelsData).noquote() << QString::fromStdString(problem.message);
        if (error)
            *error = problem.message;
        return nullptr;
    }
}

} // namespace tg::training
