#pragma once

// Scene description and ray casting for the built-in procedural scenes.
// Private to core/training.

#include "core/training/scenerenderer.h"

#include <cstdint>
#include <vector>

namespace tg::training::scene {

struct Vec3
{
    float x = 0.0f;
    float y = 0.0f;
    float z = 0.0f;
};

inline Vec3 operator+(Vec3 a, Vec3 b)
{
    return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec3 operator-(Vec3 a, Vec3 b)
{
    return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline Vec3 operator*(Vec3 a, float s)
{
    return {a.x * s, a.y * s, a.z * s};
}
inline Vec3 operator*(Vec3 a, Vec3 b)
{
    return {a.x * b.x, a.y * b.y, a.z * b.z};
}
inline float dot(Vec3 a, Vec3 b)
{
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
Vec3 normalized(Vec3 v);

enum class Pattern
{
    Plain,
    Stripes,
    Checker,
    Waves,
};

// Procedural texture: colour `a` and `b` mixed by `pattern` with `frequency`
// cycles per metre of surface coordinate.
struct Material
{
    Vec3 a;
    Vec3 b;
    Pattern pattern = Pattern::Plain;
    float frequency = 1.0f;
};

// A primitive standing on the floor at (x, 0, z). `radius` is the sphere or
// base radius and the box's half extent along its local x; `depth` is the
// box's half extent along its local z; `height` the cylinder, cone or box height.
struct Object
{
    SceneClass kind = SceneClass::Sphere;
    float x = 0.0f;
    float z = 0.0f;
    float radius = 0.5f;
    float depth = 0.5f;
    float height = 1.0f;
    float yawCos = 1.0f;
    float yawSin = 0.0f;
    Material material;
};

// A room with no ceiling: the floor y = 0, walls at x = -halfWidth,
// x = +halfWidth and z = depth, up to wallHeight.
struct Scene
{
    float halfWidth = 4.0f;
    float depth = 8.0f;
    float wallHeight = 2.2f;
    Material floor;
    Material walls[3]; // left, right, back
    std::vector<Object> objects;
    Vec3 light; // point light, world axes
};

// Surfaces are numbered: 0 none (sky), 1 floor, 2..4 walls, 5 + i object i.
struct Hit
{
    float t = 0.0f;
    Vec3 point;
    Vec3 normal; // unit, world axes, facing the ray
    int surface = 0;
    SceneClass kind = SceneClass::Background;
    Vec3 albedo;
};

Scene generateScene(std::uint64_t seed, std::int64_t index);

// Casts a ray from `origin` along `direction` (any length) and returns the
// nearest hit with t > 0 in units of `direction`.
Hit castRay(const Scene& scene, Vec3 origin, Vec3 direction);

// True when an object blocks the segment from `point` to the light.
bool inShadow(const Scene& scene, Vec3 point);

} // namespace tg::training::scene
