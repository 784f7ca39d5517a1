#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tg::training {

// The shape of a task's output and the loss that trains it: cross-entropy for
// classes, L1 on normalised labels for values.
enum class TaskKind
{
    PixelClasses, // one class index per pixel
    PixelValues,  // `channels` values per pixel
    ImageClasses, // one class index per image
    ImageValues,  // `channels` values per image
};

// True for the kinds with an output per pixel.
inline bool isPerPixel(TaskKind kind)
{
    return kind == TaskKind::PixelClasses || kind == TaskKind::PixelValues;
}

struct TaskSpec
{
    std::string name;   // short name used in candidate tables, for example "s"
    std::string folder; // folder name in the Taskonomy layout, for example "segment_semantic"
    std::string title;  // human-readable name, for example "Semantic segmentation"
    TaskKind kind = TaskKind::PixelValues;
    int channels = 1; // number of classes for *Classes kinds, values per pixel or image otherwise
};

// The tasks the built-in scene dataset labels, default five first:
// s d n k e, then the optional o r a c l. The list is fixed for the program's
// lifetime; the reference stays valid.
const std::vector<TaskSpec>& builtinTasks();

// The short names of the default five tasks: s, d, n, k, e.
std::vector<std::string> defaultTaskNames();

// Finds a built-in task by short name ("d") or folder name ("depth_zbuffer").
// Returns nullopt when no built-in task has that name.
std::optional<TaskSpec> findBuiltinTask(const std::string& name);

// Resolves a list of task names in order. Returns nullopt and sets `error`
// (when not null) for an empty list, an unknown name or a repeated task.
std::optional<std::vector<TaskSpec>> resolveBuiltinTasks(const std::vector<std::string>& names,
                                                         std::string* error);

} // namespace tg::training
