#include "app/cli/taskoptions.h"

#include "core/training/labelstasks.h"
#include "core/training/tasks.h"

#include <algorithm>

namespace tg::cli {

std::vector<std::string> splitTaskList(const QString& text)
{
    std::vector<std::string> tasks;
    for (const QString& name : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        tasks.push_back(name.trimmed().toStdString());
    return tasks;
}

bool checkTaskNames(const ExperimentConfig& config, std::string* error)
{
    if (config.dataset.kind == DatasetKind::Scenes)
        return training::resolveBuiltinTasks(config.tasks, error).has_value();
    if (config.dataset.kind != DatasetKind::Labels)
        return true;

    const auto offered =
        training::readLabelsTasks(config.dataset.path, config.dataset.labels, error, nullptr,
                                  config.dataset.classes);
    if (!offered)
        return false;
    std::string list;
    for (const training::TaskSpec& task : *offered)
        list += (list.empty() ? "" : ", ") + task.name;
    for (const std::string& name : config.tasks) {
        const bool found =
            std::any_of(offered->begin(), offered->end(),
                        [&](const training::TaskSpec& task) { return task.name == name; });
        if (!found) {
            *error = "unknown task \"" + name + "\"; " + config.dataset.labels +
                     " and the per-pixel folders offer " + list;
            return false;
        }
    }
    return true;
}

} // namespace tg::cli
