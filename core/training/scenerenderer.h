#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace tg::training {

// Semantic classes of the built-in scenes. Background is the sky seen above
// the walls; the room has no ceiling.
enum class SceneClass : std::int32_t
{
    Background = 0,
    Floor = 1,
    Wall = 2,
    Sphere = 3,
    Box = 4,
    Cylinder = 5,
    Cone = 6,
};

inline constexpr int kSceneClassCount = 7;
inline constexpr int kSceneObjectClassCount = 4; // sphere, box, cylinder, cone

// The fixed pinhole camera of every scene. World axes: y up, the camera at
// (0, height, 0) looking along +z, tilted down by `pitch`. Camera axes: x to
// the right, y down, z forward (the optical axis).
struct SceneCamera
{
    float height = 0.0f;      // metres above the floor
    float pitch = 0.0f;       // radians below the horizon
    float verticalFov = 0.0f; // radians, equal to the horizontal one
};

SceneCamera sceneCamera();

// One rendered scene with its labels. Every buffer is row-major with
// `height` rows of `width` pixels; multi-channel buffers are planar (CHW).
struct SceneImage
{
    int width = 0;
    int height = 0;
    std::vector<float> rgb;                 // 3*H*W, multiples of 1/255 in [0, 1]
    std::vector<std::int32_t> segmentation; // H*W, SceneClass values
    std::vector<float> depth;               // H*W, z-buffer depth in metres along the optical axis
    std::vector<float> normals;             // 3*H*W, unit surface normals in camera axes
    std::vector<float> keypoints;           // H*W, Harris corner response of the image, >= 0
    std::vector<float> edges;               // H*W, Sobel gradient magnitude of the image
    std::vector<float> occlusionEdges;      // H*W, 1 at depth discontinuities, 0 elsewhere
    std::vector<float> reshading; // H*W, diffuse shading from a light at the camera, [0, 1]
    // Object class with the most pixels, 0..3 = SceneClass - 3; ties and scenes
    // with no visible object give the lowest class.
    std::int32_t dominantObject = 0;
    std::array<float, 3> lightPosition{}; // scene light in camera axes, metres
};

// Renders scene `index` of the scene family `seed` by ray casting at
// size x size pixels. The result depends only on (seed, index, size), so the
// same arguments give the same image on every run and thread. Thread-safe.
// `size` must be at least 8.
SceneImage renderScene(std::uint64_t seed, std::int64_t index, int size);

} // namespace tg::training
