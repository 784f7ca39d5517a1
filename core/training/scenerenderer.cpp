#include "core/training/scenerenderer.h"

#include "core/training/scenegeometry.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace tg::training {

using scene::Vec3;

namespace {

constexpr float kSkyDepth = 20.0f; // metres; farther than any wall of the room
constexpr float kAmbient = 0.3f;
constexpr float kDiffuse = 0.8f;
constexpr float kHarrisK = 0.05f;
// Depth jump, relative to the nearer depth, that makes a boundary between two
// surfaces an occlusion edge rather than a crease.
constexpr float kOcclusionJump = 0.03f;

struct CameraFrame
{
    Vec3 origin;
    Vec3 right;   // camera x in world axes
    Vec3 down;    // camera y
    Vec3 forward; // camera z
    float tanHalfFov = 0.0f;
};

CameraFrame cameraFrame()
{
    const SceneCamera camera = sceneCamera();
    const float s = std::sin(camera.pitch);
    const float c = std::cos(camera.pitch);
    return {{0.0f, camera.height, 0.0f},
            {1.0f, 0.0f, 0.0f},
            {0.0f, -c, -s},
            {0.0f, -s, c},
            std::tan(0.5f * camera.verticalFov)};
}

Vec3 toCamera(const CameraFrame& frame, Vec3 world)
{
    return {dot(world, frame.right), dot(world, frame.down), dot(world, frame.forward)};
}

Vec3 skyColour(Vec3 direction)
{
    const float up = std::clamp(scene::normalized(direction).y, 0.0f, 1.0f);
    return Vec3{0.55f, 0.7f, 0.9f} * (1.0f - up) + Vec3{0.25f, 0.45f, 0.85f} * up;
}

void setPixel(std::vector<float>& planes, int plane, int pixels, int pixel, float value)
{
    planes[static_cast<std::size_t>(plane) * pixels + pixel] = value;
}

// Rounds to a multiple of 1/255 in [0, 1], so the image is exactly what an
// 8-bit RGB file stores and the labels derived from it match that file.
float quantise(float value)
{
    return std::round(std::clamp(value, 0.0f, 1.0f) * 255.0f) / 255.0f;
}

// Casts one ray per pixel centre and fills the geometric labels and colour.
void castPixels(const scene::Scene& geometry, SceneImage& image, std::vector<int>& surfaces)
{
    const CameraFrame frame = cameraFrame();
    const int size = image.width;
    const int pixels = size * size;
    std::int64_t objectPixels[kSceneObjectClassCount] = {};

    for (int row = 0; row < size; ++row) {
        const float v = (2.0f * (row + 0.5f) / size - 1.0f) * frame.tanHalfFov;
        for (int column = 0; column < size; ++column) {
            const float u = (2.0f * (column + 0.5f) / size - 1.0f) * frame.tanHalfFov;
            const int pixel = row * size + column;
            // The direction's component along the optical axis is 1, so the
            // ray parameter t is the z-buffer depth.
            const Vec3 direction = frame.right * u + frame.down * v + frame.forward;
            const scene::Hit hit = scene::castRay(geometry, frame.origin, direction);
            surfaces[pixel] = hit.surface;
            image.segmentation[pixel] = static_cast<std::int32_t>(hit.kind);

            Vec3 colour;
            Vec3 normal{0.0f, 0.0f, -1.0f};
            float reshading = 0.0f;
            if (hit.surface == 0) {
                image.depth[pixel] = kSkyDepth;
                colour = skyColour(direction);
            } else {
                image.depth[pixel] = hit.t;
                normal = toCamera(frame, hit.normal);
                const Vec3 toLight = scene::normalized(geometry.light - hit.point);
                const bool shadowed = scene::inShadow(geometry, hit.point + hit.normal * 1e-3f);
                const float diffuse = shadowed ? 0.0f : std::max(0.0f, dot(hit.normal, toLight));
                colour = hit.albedo * (kAmbient + kDiffuse * diffuse);
                reshading = std::max(0.0f, -dot(hit.normal, scene::normalized(direction)));
                if (hit.surface >= 5)
                    ++objectPixels[static_cast<int>(hit.kind) -
                                   static_cast<int>(SceneClass::Sphere)];
            }
            setPixel(image.rgb, 0, pixels, pixel, quantise(colour.x));
            setPixel(image.rgb, 1, pixels, pixel, quantise(colour.y));
            setPixel(image.rgb, 2, pixels, pixel, quantise(colour.z));
            setPixel(image.normals, 0, pixels, pixel, normal.x);
            setPixel(image.normals, 1, pixels, pixel, normal.y);
            setPixel(image.normals, 2, pixels, pixel, normal.z);
            image.reshading[pixel] = reshading;
        }
    }
    image.dominantObject = static_cast<std::int32_t>(
        std::max_element(std::begin(objectPixels), std::end(objectPixels)) - objectPixels);
    const Vec3 light = toCamera(frame, geometry.light - frame.origin);
    image.lightPosition = {light.x, light.y, light.z};
}

// ITU-R BT.601 luma of the RGB image.
std::vector<float> luminance(const SceneImage& image)
{
    const int pixels = image.width * image.height;
    std::vector<float> grey(pixels);
    for (int i = 0; i < pixels; ++i) {
        const float r = image.rgb[i];
        const float g = image.rgb[pixels + i];
        const float b = image.rgb[2 * pixels + i];
        grey[i] = 0.299f * r + 0.587f * g + 0.114f * b;
    }
    return grey;
}

float at(const std::vector<float>& plane, int size, int row, int column)
{
    row = std::clamp(row, 0, size - 1);
    column = std::clamp(column, 0, size - 1);
    return plane[row * size + column];
}

// Sobel gradients divided by 8, so a step of 1 in intensity gives 0.5.
void sobel(const std::vector<float>& grey, int size, std::vector<float>& gx, std::vector<float>& gy)
{
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c) {
            const float a = at(grey, size, r - 1, c - 1), b = at(grey, size, r - 1, c),
                        d = at(grey, size, r - 1, c + 1), e = at(grey, size, r, c - 1),
                        f = at(grey, size, r, c + 1), g = at(grey, size, r + 1, c - 1),
                        h = at(grey, size, r + 1, c), i = at(grey, size, r + 1, c + 1);
            gx[r * size + c] = ((d + 2 * f + i) - (a + 2 * e + g)) / 8.0f;
            gy[r * size + c] = ((g + 2 * h + i) - (a + 2 * b + d)) / 8.0f;
        }
    }
}

// Harris corner response with a 3x3 binomial window (weights sum to 1),
// mapped to sqrt(16 * max(0, R)) so that the label lies in [0, 1] with a
// usable spread.
void harris(const std::vector<float>& gx, const std::vector<float>& gy, int size,
            std::vector<float>& response)
{
    const float weights[3] = {0.25f, 0.5f, 0.25f};
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c) {
            float sxx = 0.0f, syy = 0.0f, sxy = 0.0f;
            for (int dr = -1; dr <= 1; ++dr) {
                for (int dc = -1; dc <= 1; ++dc) {
                    const float w = weights[dr + 1] * weights[dc + 1];
                    const float x = at(gx, size, r + dr, c + dc);
                    const float y = at(gy, size, r + dr, c + dc);
                    sxx += w * x * x;
                    syy += w * y * y;
                    sxy += w * x * y;
                }
            }
            const float trace = sxx + syy;
            const float value = sxx * syy - sxy * sxy - kHarrisK * trace * trace;
            response[r * size + c] = std::sqrt(16.0f * std::max(0.0f, value));
        }
    }
}

void imageLabels(SceneImage& image)
{
    const int size = image.width;
    const std::vector<float> grey = luminance(image);
    std::vector<float> gx(grey.size());
    std::vector<float> gy(grey.size());
    sobel(grey, size, gx, gy);
    for (std::size_t i = 0; i < grey.size(); ++i)
        image.edges[i] = std::sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
    harris(gx, gy, size, image.keypoints);
}

bool occludes(const SceneImage& image, const std::vector<int>& surfaces, int a, int b)
{
    if (surfaces[a] == surfaces[b])
        return false;
    const float near = std::min(image.depth[a], image.depth[b]);
    return std::fabs(image.depth[a] - image.depth[b]) > kOcclusionJump * near;
}

void occlusionLabels(SceneImage& image, const std::vector<int>& surfaces)
{
    const int size = image.width;
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c) {
            const int p = r * size + c;
            const bool edge = (c > 0 && occludes(image, surfaces, p, p - 1)) ||
                              (c + 1 < size && occludes(image, surfaces, p, p + 1)) ||
                              (r > 0 && occludes(image, surfaces, p, p - size)) ||
                              (r + 1 < size && occludes(image, surfaces, p, p + size));
            image.occlusionEdges[p] = edge ? 1.0f : 0.0f;
        }
    }
}

} // namespace

SceneCamera sceneCamera()
{
    return {1.6f, 0.3f, 1.0471976f}; // 1.6 m high, 17 degrees down, 60 degree field of view
}

SceneImage renderScene(std::uint64_t seed, std::int64_t index, int size)
{
    if (size < 8)
        throw std::invalid_argument("scene size " + std::to_string(size) + " is below 8 pixels");

    const scene::Scene geometry = scene::generateScene(seed, index);
    SceneImage image;
    image.width = size;
    image.height = size;
    const std::size_t pixels = static_cast<std::size_t>(size) * size;
    image.rgb.assign(3 * pixels, 0.0f);
    image.segmentation.assign(pixels, 0);
    image.depth.assign(pixels, 0.0f);
    image.normals.assign(3 * pixels, 0.0f);
    image.keypoints.assign(pixels, 0.0f);
    image.edges.assign(pixels, 0.0f);
    image.occlusionEdges.assign(pixels, 0.0f);
    image.reshading.assign(pixels, 0.0f);

    std::vector<int> surfaces(pixels, 0);
    castPixels(geometry, image, surfaces);
    imageLabels(image);
    occlusionLabels(image, surfaces);
    return image;
}

} // namespace tg::training
