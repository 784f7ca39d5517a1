#include "core/training/scenegeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tg::training::scene {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kEpsilon = 1e-4f;
constexpr float kNoHit = std::numeric_limits<float>::infinity();

// SplitMix64: a small, well-mixed generator whose output is the same on every
// platform, unlike the standard library's distributions.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    float uniform(float low, float high)
    {
        const float unit = static_cast<float>(next() >> 40) / static_cast<float>(1ull << 24);
        return low + (high - low) * unit;
    }

    int integer(int low, int high) // inclusive
    {
        return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
    }

private:
    std::uint64_t m_state;
};

Vec3 hsv(float hue, float saturation, float value)
{
    const float h = hue * 6.0f;
    const float c = value * saturation;
    const float x = c * (1.0f - std::fabs(std::fmod(h, 2.0f) - 1.0f));
    const float m = value - c;
    const int sector = static_cast<int>(h) % 6;
    const Vec3 table[6] = {{c, x, 0}, {x, c, 0}, {0, c, x}, {0, x, c}, {x, 0, c}, {c, 0, x}};
    return table[sector] + Vec3{m, m, m};
}

Material randomMaterial(Random& random, float saturationHigh, float frequencyLow,
                        float frequencyHigh)
{
    Material material;
    const float hue = random.uniform(0.0f, 1.0f);
    material.a = hsv(hue, random.uniform(0.2f, saturationHigh), random.uniform(0.55f, 1.0f));
    const float otherHue = std::fmod(hue + random.uniform(0.1f, 0.5f), 1.0f);
    material.b = hsv(otherHue, random.uniform(0.1f, saturationHigh), random.uniform(0.2f, 0.8f));
    material.pattern = static_cast<Pattern>(random.integer(0, 3));
    material.frequency = random.uniform(frequencyLow, frequencyHigh);
    return material;
}

bool overlaps(const Object& candidate, const std::vector<Object>& placed)
{
    return std::any_of(placed.begin(), placed.end(), [&](const Object& other) {
        const float dx = candidate.x - other.x;
        const float dz = candidate.z - other.z;
        const float reach = std::max(candidate.radius, candidate.depth) +
                            std::max(other.radius, other.depth) + 0.1f;
        return dx * dx + dz * dz < reach * reach;
    });
}

Object randomObject(Random& random, const Scene& scene)
{
    Object object;
    object.kind = static_cast<SceneClass>(static_cast<int>(SceneClass::Sphere) +
                                          random.integer(0, kSceneObjectClassCount - 1));
    object.radius = random.uniform(0.3f, 0.75f);
    object.depth = random.uniform(0.3f, 0.75f);
    object.height = random.uniform(0.5f, 1.6f);
    if (object.kind == SceneClass::Sphere)
        object.height = 2.0f * object.radius;
    const float yaw = random.uniform(0.0f, kPi);
    object.yawCos = std::cos(yaw);
    object.yawSin = std::sin(yaw);

    // Objects stand at least 2.5 m ahead so the bottom image rows always show
    // the floor, and inside the horizontal field of view.
    const float reach = std::max(object.radius, object.depth);
    object.z = random.uniform(2.5f + reach, scene.depth - reach);
    const float halfView = std::min(scene.halfWidth - reach, 0.5f * object.z);
    object.x = random.uniform(-halfView, halfView);
    object.material = randomMaterial(random, 0.9f, 2.0f, 6.0f);
    return object;
}

float texture(const Material& material, float u, float v)
{
    const float f = material.frequency;
    switch (material.pattern) {
    case Pattern::Plain:
        return 0.0f;
    case Pattern::Stripes:
        return static_cast<float>(static_cast<long>(std::floor(u * f)) & 1);
    case Pattern::Checker:
        return static_cast<float>(static_cast<long>(std::floor(u * f) + std::floor(v * f)) & 1);
    case Pattern::Waves:
        return 0.5f + 0.5f * std::sin(2.0f * kPi * f * (u + 0.5f * v));
    }
    return 0.0f;
}

Vec3 shade(const Material& material, float u, float v)
{
    const float mix = texture(material, u, v);
    return material.a * (1.0f - mix) + material.b * mix;
}

struct Candidate
{
    float t = kNoHit;
    Vec3 normal;
    float u = 0.0f;
    float v = 0.0f;
};

// Smallest root of a t^2 + b t + c = 0 above kEpsilon whose point passes
// `accept`, or kNoHit.
template <typename Accept> float nearestRoot(float a, float b, float c, Accept accept)
{
    if (std::fabs(a) < 1e-12f)
        return kNoHit;
    const float discriminant = b * b - 4.0f * a * c;
    if (discriminant < 0.0f)
        return kNoHit;
    const float root = std::sqrt(discriminant);
    float t0 = (-b - root) / (2.0f * a);
    float t1 = (-b + root) / (2.0f * a);
    if (t0 > t1)
        std::swap(t0, t1);
    if (t0 > kEpsilon && accept(t0))
        return t0;
    if (t1 > kEpsilon && accept(t1))
        return t1;
    return kNoHit;
}

Candidate hitSphere(const Object& s, Vec3 o, Vec3 d)
{
    const Vec3 centre{s.x, s.radius, s.z};
    const Vec3 oc = o - centre;
    Candidate hit;
    hit.t = nearestRoot(dot(d, d), 2.0f * dot(oc, d), dot(oc, oc) - s.radius * s.radius,
                        [](float) { return true; });
    if (hit.t == kNoHit)
        return hit;
    const Vec3 p = o + d * hit.t;
    hit.normal = (p - centre) * (1.0f / s.radius);
    hit.u = std::atan2(hit.normal.z, hit.normal.x) * s.radius;
    hit.v = p.y;
    return hit;
}

// Rotates world offsets into the object's local axes (yaw about y) and back.
Vec3 toLocal(const Object& b, Vec3 w)
{
    return {b.yawCos * w.x + b.yawSin * w.z, w.y, -b.yawSin * w.x + b.yawCos * w.z};
}
Vec3 toWorld(const Object& b, Vec3 l)
{
    return {b.yawCos * l.x - b.yawSin * l.z, l.y, b.yawSin * l.x + b.yawCos * l.z};
}

Candidate hitBox(const Object& b, Vec3 o, Vec3 d)
{
    const Vec3 centre{b.x, 0.5f * b.height, b.z};
    const Vec3 lo = toLocal(b, o - centre);
    const Vec3 ld = toLocal(b, d);
    const float half[3] = {b.radius, 0.5f * b.height, b.depth};
    const float origin[3] = {lo.x, lo.y, lo.z};
    const float direction[3] = {ld.x, ld.y, ld.z};

    // Slab test: the entry face is the axis whose near plane is crossed last.
    float tNear = -kNoHit;
    float tFar = kNoHit;
    int entryAxis = 0;
    float entrySign = 1.0f;
    for (int axis = 0; axis < 3; ++axis) {
        if (std::fabs(direction[axis]) < 1e-12f) {
            if (std::fabs(origin[axis]) > half[axis])
                return {};
            continue;
        }
        float t0 = (-half[axis] - origin[axis]) / direction[axis];
        float t1 = (half[axis] - origin[axis]) / direction[axis];
        float sign = -1.0f;
        if (t0 > t1) {
            std::swap(t0, t1);
            sign = 1.0f;
        }
        if (t0 > tNear) {
            tNear = t0;
            entryAxis = axis;
            entrySign = sign;
        }
        tFar = std::min(tFar, t1);
    }
    if (tNear > tFar || tNear <= kEpsilon)
        return {};

    Candidate hit;
    hit.t = tNear;
    Vec3 localNormal;
    if (entryAxis == 0)
        localNormal.x = entrySign;
    else if (entryAxis == 1)
        localNormal.y = entrySign;
    else
        localNormal.z = entrySign;
    hit.normal = toWorld(b, localNormal);
    const Vec3 p = lo + ld * tNear;
    hit.u = entryAxis == 0 ? p.z : p.x;
    hit.v = entryAxis == 1 ? p.z : p.y;
    return hit;
}

Candidate hitCylinder(const Object& c, Vec3 o, Vec3 d)
{
    const float dx = o.x - c.x;
    const float dz = o.z - c.z;
    Candidate hit;
    const float side = nearestRoot(d.x * d.x + d.z * d.z, 2.0f * (dx * d.x + dz * d.z),
                                   dx * dx + dz * dz - c.radius * c.radius, [&](float t) {
                                       const float y = o.y + d.y * t;
                                       return y >= 0.0f && y <= c.height;
                                   });
    if (side < hit.t) {
        const Vec3 p = o + d * side;
        hit.t = side;
        hit.normal = Vec3{p.x - c.x, 0.0f, p.z - c.z} * (1.0f / c.radius);
        hit.u = std::atan2(hit.normal.z, hit.normal.x) * c.radius;
        hit.v = p.y;
    }
    if (std::fabs(d.y) > 1e-12f) {
        const float cap = (c.height - o.y) / d.y;
        const Vec3 p = o + d * cap;
        const float rx = p.x - c.x;
        const float rz = p.z - c.z;
        if (cap > kEpsilon && cap < hit.t && rx * rx + rz * rz <= c.radius * c.radius) {
            hit.t = cap;
            hit.normal = {0.0f, 1.0f, 0.0f};
            hit.u = rx;
            hit.v = rz;
        }
    }
    return hit;
}

Candidate hitCone(const Object& c, Vec3 o, Vec3 d)
{
    // Points with (x - cx)^2 + (z - cz)^2 = k^2 (height - y)^2 and 0 <= y <= height.
    const float k = c.radius / c.height;
    const float k2 = k * k;
    const float dx = o.x - c.x;
    const float dz = o.z - c.z;
    const float dy = c.height - o.y;
    Candidate hit;
    hit.t = nearestRoot(d.x * d.x + d.z * d.z - k2 * d.y * d.y,
                        2.0f * (dx * d.x + dz * d.z + k2 * dy * d.y),
                        dx * dx + dz * dz - k2 * dy * dy, [&](float t) {
                            const float y = o.y + d.y * t;
                            return y >= 0.0f && y <= c.height;
                        });
    if (hit.t == kNoHit)
        return hit;
    const Vec3 p = o + d * hit.t;
    hit.normal = normalized({p.x - c.x, k2 * (c.height - p.y), p.z - c.z});
    hit.u = std::atan2(p.z - c.z, p.x - c.x) * c.radius;
    hit.v = p.y;
    return hit;
}

Candidate hitObject(const Object& object, Vec3 o, Vec3 d)
{
    switch (object.kind) {
    case SceneClass::Sphere:
        return hitSphere(object, o, d);
    case SceneClass::Box:
        return hitBox(object, o, d);
    case SceneClass::Cylinder:
        return hitCylinder(object, o, d);
    default:
        return hitCone(object, o, d);
    }
}

// The room is convex, so the ray leaves it through the nearest of the floor
// and wall planes it moves towards. A ray that leaves above the walls hits the sky.
Hit hitRoom(const Scene& scene, Vec3 o, Vec3 d)
{
    Hit hit;
    hit.t = kNoHit;
    auto consider = [&](float t, int surface, Vec3 normal) {
        if (t > kEpsilon && t < hit.t) {
            hit.t = t;
            hit.surface = surface;
            hit.normal = normal;
        }
    };
    if (d.y < 0.0f)
        consider(-o.y / d.y, 1, {0.0f, 1.0f, 0.0f});
    if (d.x < 0.0f)
        consider((-scene.halfWidth - o.x) / d.x, 2, {1.0f, 0.0f, 0.0f});
    if (d.x > 0.0f)
        consider((scene.halfWidth - o.x) / d.x, 3, {-1.0f, 0.0f, 0.0f});
    if (d.z > 0.0f)
        consider((scene.depth - o.z) / d.z, 4, {0.0f, 0.0f, -1.0f});

    hit.point = o + d * hit.t;
    if (hit.surface == 0 || hit.point.y > scene.wallHeight) {
        hit.surface = 0;
        hit.kind = SceneClass::Background;
        return hit;
    }
    if (hit.surface == 1) {
        hit.kind = SceneClass::Floor;
        hit.albedo = shade(scene.floor, hit.point.x, hit.point.z);
        return hit;
    }
    hit.kind = SceneClass::Wall;
    const float u = hit.surface == 4 ? hit.point.x : hit.point.z;
    hit.albedo = shade(scene.walls[hit.surface - 2], u, hit.point.y);
    return hit;
}

} // namespace

Vec3 normalized(Vec3 v)
{
    const float length = std::sqrt(dot(v, v));
    return length > 0.0f ? v * (1.0f / length) : v;
}

Scene generateScene(std::uint64_t seed, std::int64_t index)
{
    Random random(seed * 0xD1B54A32D192ED03ull ^ static_cast<std::uint64_t>(index));
    random.next();

    Scene scene;
    scene.halfWidth = random.uniform(3.0f, 5.0f);
    scene.depth = random.uniform(6.0f, 10.0f);
    scene.wallHeight = random.uniform(1.8f, 2.6f);
    scene.floor = randomMaterial(random, 0.5f, 0.8f, 2.5f);
    for (Material& wall : scene.walls)
        wall = randomMaterial(random, 0.4f, 0.5f, 2.0f);

    const int count = random.integer(3, 6);
    for (int attempt = 0; attempt < 60 && static_cast<int>(scene.objects.size()) < count;
         ++attempt) {
        const Object object = randomObject(random, scene);
        if (!overlaps(object, scene.objects))
            scene.objects.push_back(object);
    }

    scene.light = {random.uniform(-scene.halfWidth + 0.5f, scene.halfWidth - 0.5f),
                   random.uniform(2.5f, 3.5f), random.uniform(0.5f, scene.depth - 0.5f)};
    return scene;
}

Hit castRay(const Scene& scene, Vec3 origin, Vec3 direction)
{
    Hit hit = hitRoom(scene, origin, direction);
    for (std::size_t i = 0; i < scene.objects.size(); ++i) {
        const Object& object = scene.objects[i];
        const Candidate candidate = hitObject(object, origin, direction);
        if (candidate.t >= hit.t)
            continue;
        hit.t = candidate.t;
        hit.point = origin + direction * candidate.t;
        hit.normal = candidate.normal;
        hit.surface = 5 + static_cast<int>(i);
        hit.kind = object.kind;
        hit.albedo = shade(object.material, candidate.u, candidate.v);
    }
    if (hit.surface != 0 && dot(hit.normal, direction) > 0.0f)
        hit.normal = hit.normal * -1.0f;
    return hit;
}

bool inShadow(const Scene& scene, Vec3 point)
{
    const Vec3 toLight = scene.light - point;
    for (const Object& object : scene.objects) {
        const float t = hitObject(object, point, toLight).t;
        if (t < 1.0f)
            return true;
    }
    return false;
}

} // namespace tg::training::scene
