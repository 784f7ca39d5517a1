#include "core/training/tasks.h"

#include "core/training/scenerenderer.h"

#include <algorithm>

namespace tg::training {

const std::vector<TaskSpec>& builtinTasks()
{
    static const std::vector<TaskSpec> tasks = {
        {"s", "segment_semantic", "Semantic segmentation", TaskKind::PixelClasses,
         kSceneClassCount},
        {"d", "depth_zbuffer", "Depth (z-buffer)", TaskKind::PixelValues, 1},
        {"n", "normal", "Surface normals", TaskKind::PixelValues, 3},
        {"k", "keypoints2d", "2D keypoints", TaskKind::PixelValues, 1},
        {"e", "edge_texture", "Texture edges", TaskKind::PixelValues, 1},
        {"o", "edge_occlusion", "Occlusion edges", TaskKind::PixelValues, 1},
        {"r", "reshading", "Reshading", TaskKind::PixelValues, 1},
        {"a", "rgb", "Autoencoding", TaskKind::PixelValues, 3},
        {"c", "class_object", "Dominant object class", TaskKind::ImageClasses,
         kSceneObjectClassCount},
        {"l", "light_position", "Light position", TaskKind::ImageValues, 3},
    };
    return tasks;
}

std::vector<std::string> defaultTaskNames()
{
    return {"s", "d", "n", "k", "e"};
}

std::optional<TaskSpec> findBuiltinTask(const std::string& name)
{
    const auto& tasks = builtinTasks();
    const auto it = std::find_if(tasks.begin(), tasks.end(), [&](const TaskSpec& task) {
        return task.name == name || task.folder == name;
    });
    if (it == tasks.end())
        return std::nullopt;
    return *it;
}

std::optional<std::vector<TaskSpec>> resolveBuiltinTasks(const std::vector<std::string>& names,
                                                         std::string* error)
{
    auto fail = [&](const std::string& message) -> std::optional<std::vector<TaskSpec>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (names.empty())
        return fail("no tasks given; name at least one of s, d, n, k, e, o, r, a, c, l");

    std::vector<TaskSpec> tasks;
    for (const std::string& name : names) {
        const std::optional<TaskSpec> task = findBuiltinTask(name);
        if (!task) {
            return fail("unknown task \"" + name +
                        "\"; valid short names are s, d, n, k, e, o, r, a, c, l");
        }
        const bool repeated = std::any_of(tasks.begin(), tasks.end(), [&](const TaskSpec& other) {
            return other.name == task->name;
        });
        if (repeated)
            return fail("task \"" + name + "\" is listed more than once");
        tasks.push_back(*task);
    }
    return tasks;
}

} // namespace tg::training
