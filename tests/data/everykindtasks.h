#pragma once

#include "core/training/tasks.h"

#include <vector>

namespace tg::test {

// One task of each kind, for network and loss tests.
inline std::vector<training::TaskSpec> everyKindTasks()
{
    using training::TaskKind;
    return {
        {"s", "segment_semantic", "Segmentation", TaskKind::PixelClasses, 7},
        {"n", "normal", "Normals", TaskKind::PixelValues, 3},
        {"c", "class_object", "Object class", TaskKind::ImageClasses, 10},
        {"l", "light_position", "Light", TaskKind::ImageValues, 3},
    };
}

} // namespace tg::test
