#include "core/training/labelstasks.h"

#include "core/training/labelsfile.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcLabelsData, "taskgrouper.training.labels", QtInfoMsg)

namespace tg::training {

namespace {

bool isPixelKind(TaskKind kind)
{
    return kind == TaskKind::PixelClasses || kind == TaskKind::PixelValues;
}

// The task of a per-pixel folder: classes with the count of its `classCounts` entry, else a
// built-in per-pixel task when the folder is named like one, otherwise values with the channel
// count of its first image.
std::optional<TaskSpec> folderTask(const QString& name, const QString& firstImage,
                                   const std::map<std::string, int>& classCounts,
                                   std::string* error)
{
    const std::string taskName = name.toStdString();
    const auto classes = classCounts.find(taskName);
    if (classes != classCounts.end())
        return TaskSpec{taskName, taskName, taskName, TaskKind::PixelClasses, classes->second};
    const std::optional<TaskSpec> builtin = findBuiltinTask(taskName);
    if (builtin && isPixelKind(builtin->kind)) {
        TaskSpec task = *builtin;
        task.name = taskName;
        task.folder = taskName;
        return task;
    }
    QImageReader reader(firstImage);
    const QImage image = reader.read();
    if (image.isNull()) {
        if (error) {
            *error = "cannot read image " + firstImage.toStdString() + ": " +
                     reader.errorString().toStdString();
        }
        return std::nullopt;
    }
    const bool grey =
        image.format() == QImage::Format_Grayscale8 || image.format() == QImage::Format_Grayscale16;
    qCInfo(lcLabelsData).noquote()
        << "per-pixel folder" << QFileInfo(firstImage).path()
        << "is a values (regression) task; to make it a class task, add" << name
        << "with its class count to dataset.classes";
    return TaskSpec{taskName, taskName, taskName, TaskKind::PixelValues, grey ? 1 : 3};
}

} // namespace

std::optional<std::vector<PixelTaskFolder>>
findPixelTaskFolders(const std::string& imagesFolder, const std::map<std::string, int>& classCounts,
                     std::string* error)
{
    const QFileInfo images(QDir::cleanPath(QString::fromStdString(imagesFolder)));
    if (!images.isDir()) {
        if (error)
            *error = "images folder " + imagesFolder + " not found; check the dataset path";
        return std::nullopt;
    }
    const QDir parent = images.absoluteDir();
    std::vector<PixelTaskFolder> folders;
    const QStringList names = parent.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : names) {
        if (name == images.fileName())
            continue;
        const QDir folder(parent.filePath(name));
        const QStringList pngs =
            folder.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        if (pngs.isEmpty())
            continue;
        const std::string problem = labelsTaskNameProblem(name.toStdString());
        if (!problem.empty()) {
            qCInfo(lcLabelsData).noquote()
                << "not offering folder" << folder.path() << "as a task:" << problem.c_str();
            continue;
        }
        const std::optional<TaskSpec> task =
            folderTask(name, folder.filePath(pngs[0]), classCounts, error);
        if (!task)
            return std::nullopt;
        folders.push_back({*task, folder.path().toStdString()});
    }
    for (const auto& [name, count] : classCounts) {
        const bool found =
            std::any_of(folders.begin(), folders.end(),
                        [&](const PixelTaskFolder& folder) { return folder.task.name == name; });
        if (found)
            continue;
        std::string list;
        for (const PixelTaskFolder& folder : folders)
            list += (list.empty() ? "" : ", ") + folder.task.name;
        if (error) {
            *error = "dataset.classes entry \"" + name +
                     "\" names no per-pixel task folder next to " + imagesFolder + "; " +
                     (list.empty() ? std::string("there is none, so remove the entry")
                                   : "name one of " + list);
        }
        return std::nullopt;
    }
    return folders;
}

std::optional<std::vector<TaskSpec>> labelsTasks(const LabelsTable& table,
                                                 const std::vector<PixelTaskFolder>& folders,
                                                 std::string* error,
                                                 std::vector<SkippedLabelsTask>* skipped)
{
    std::vector<TaskSpec> tasks;
    for (const LabelsColumn& column : table.columns) {
        if (!column.nameProblem.empty()) {
            if (skipped)
                skipped->push_back({column.name, column.nameProblem});
            continue;
        }
        if (column.classes) {
            const int classes = static_cast<int>(column.classValues.size());
            tasks.push_back({column.name, "", column.name, TaskKind::ImageClasses, classes});
        } else {
            tasks.push_back({column.name, "", column.name, TaskKind::ImageValues, 1});
        }
    }
    for (const PixelTaskFolder& folder : folders) {
        for (const LabelsColumn& column : table.columns) {
            if (column.name != folder.task.name)
                continue;
            if (error) {
                *error = "task name \"" + column.name + "\" names both a column of " + table.path +
                         " and the folder " + folder.path + "; rename one of them";
            }
            return std::nullopt;
        }
        tasks.push_back(folder.task);
    }
    return tasks;
}

std::optional<std::vector<TaskSpec>>
readLabelsTasks(const std::string& imagesFolder, const std::string& labelsPath, std::string* error,
                std::vector<SkippedLabelsTask>* skipped,
                const std::map<std::string, int>& classCounts)
{
    std::string problem;
    const std::optional<std::vector<PixelTaskFolder>> folders =
        findPixelTaskFolders(imagesFolder, classCounts, &problem);
    std::optional<LabelsTable> table;
    if (folders)
        table = readLabelsTable(labelsPath, &problem);
    std::optional<std::vector<TaskSpec>> tasks;
    std::vector<SkippedLabelsTask> invalid;
    if (table)
        tasks = labelsTasks(*table, *folders, &problem, &invalid);
    for (const SkippedLabelsTask& column : invalid) {
        qCWarning(lcLabelsData).noquote()
            << "not offering column as a task:" << column.problem.c_str();
    }
    if (skipped)
        skipped->insert(skipped->end(), invalid.begin(), invalid.end());
    if (!tasks && error)
        *error = problem;
    return tasks;
}

} // namespace tg::training
