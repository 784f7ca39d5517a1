#include "core/training/scenerenderer.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

using tg::training::renderScene;
using tg::training::SceneClass;
using tg::training::SceneImage;

namespace {

// The ray through the centre of pixel (row, column), in camera axes, with a
// component of 1 along the optical axis.
std::array<double, 3> cameraRay(int size, int row, int column)
{
    const double tanHalf = std::tan(0.5 * tg::training::sceneCamera().verticalFov);
    return {(2.0 * (column + 0.5) / size - 1.0) * tanHalf,
            (2.0 * (row + 0.5) / size - 1.0) * tanHalf, 1.0};
}

} // namespace

class TestSceneRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floorLabelsMatchGeometry_data();
    void floorLabelsMatchGeometry();
    void normalsUnitLength();
    void labelsInRange();
    void everyClassPresent();
    void dominantObjectCountsPixels();
    void sameSeedSameImage();
    void differentIndexDifferentImage();
    void occlusionEdgesOnSilhouettes();
    void largeSizeRenders();
    void tinySizeThrows();
};

void TestSceneRenderer::floorLabelsMatchGeometry_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("index");
    QTest::newRow("64 px, scene 0") << 64 << 0;
    QTest::newRow("64 px, scene 7") << 64 << 7;
    QTest::newRow("32 px, scene 3") << 32 << 3;
}

// Objects stand at least 2.5 m ahead, so the bottom row shows the floor. On
// the plane y = 0 seen from height h with pitch p, the ray (u, v, 1) in camera
// axes has world height component -(v cos p + sin p), so its z-buffer depth is
// h / (v cos p + sin p) for every column, and the floor normal in camera axes
// is (0, -cos p, -sin p).
void TestSceneRenderer::floorLabelsMatchGeometry()
{
    QFETCH(int, size);
    QFETCH(int, index);
    const SceneImage image = renderScene(5, index, size);
    const auto camera = tg::training::sceneCamera();
    const double cosPitch = std::cos(camera.pitch);
    const double sinPitch = std::sin(camera.pitch);
    const int row = size - 1;
    const int pixels = size * size;

    for (int column = 0; column < size; column += size / 8) {
        const int p = row * size + column;
        const auto ray = cameraRay(size, row, column);
        const double expectedDepth = camera.height / (ray[1] * cosPitch + sinPitch);
        QCOMPARE(image.segmentation[p], static_cast<std::int32_t>(SceneClass::Floor));
        QVERIFY2(
            std::fabs(image.depth[p] - expectedDepth) < 1e-4 * expectedDepth,
            qPrintable(
                QStringLiteral("depth %1, expected %2").arg(image.depth[p]).arg(expectedDepth)));
        QVERIFY(std::fabs(image.normals[p] - 0.0) < 1e-5);
        QVERIFY(std::fabs(image.normals[pixels + p] + cosPitch) < 1e-5);
        QVERIFY(std::fabs(image.normals[2 * pixels + p] + sinPitch) < 1e-5);

        // Reshading is the cosine between the normal and the direction to the camera.
        const double length = std::sqrt(ray[0] * ray[0] + ray[1] * ray[1] + 1.0);
        const double expectedShading = (ray[1] * cosPitch + sinPitch) / length;
        QVERIFY(std::fabs(image.reshading[p] - expectedShading) < 1e-5);
    }
}

void TestSceneRenderer::normalsUnitLength()
{
    for (int index = 0; index < 4; ++index) {
        const SceneImage image = renderScene(11, index, 48);
        const int pixels = 48 * 48;
        for (int p = 0; p < pixels; ++p) {
            const double x = image.normals[p];
            const double y = image.normals[pixels + p];
            const double z = image.normals[2 * pixels + p];
            const double length = std::sqrt(x * x + y * y + z * z);
            QVERIFY2(std::fabs(length - 1.0) < 1e-4,
                     qPrintable(QStringLiteral("scene %1 pixel %2 has normal length %3")
                                    .arg(index)
                                    .arg(p)
                                    .arg(length)));
        }
    }
}

void TestSceneRenderer::labelsInRange()
{
    const SceneImage image = renderScene(2, 9, 64);
    const int pixels = 64 * 64;
    QCOMPARE(image.width, 64);
    QCOMPARE(image.height, 64);
    QCOMPARE(static_cast<int>(image.rgb.size()), 3 * pixels);
    QCOMPARE(static_cast<int>(image.normals.size()), 3 * pixels);
    QCOMPARE(static_cast<int>(image.segmentation.size()), pixels);
    QCOMPARE(static_cast<int>(image.depth.size()), pixels);
    QCOMPARE(static_cast<int>(image.keypoints.size()), pixels);
    QCOMPARE(static_cast<int>(image.edges.size()), pixels);
    QCOMPARE(static_cast<int>(image.occlusionEdges.size()), pixels);
    QCOMPARE(static_cast<int>(image.reshading.size()), pixels);

    for (const float value : image.rgb) {
        QVERIFY(value >= 0.0f && value <= 1.0f);
        // Multiples of 1/255, as an 8-bit file stores them.
        QCOMPARE(std::round(value * 255.0f) / 255.0f, value);
    }
    for (int p = 0; p < pixels; ++p) {
        QVERIFY(image.segmentation[p] >= 0 && image.segmentation[p] < 7);
        QVERIFY(image.depth[p] > 0.0f && image.depth[p] <= 20.0f);
        QVERIFY(image.keypoints[p] >= 0.0f && image.keypoints[p] <= 1.0f);
        QVERIFY(image.edges[p] >= 0.0f && image.edges[p] <= 1.0f);
        QVERIFY(image.occlusionEdges[p] == 0.0f || image.occlusionEdges[p] == 1.0f);
        QVERIFY(image.reshading[p] >= 0.0f && image.reshading[p] <= 1.0f);
    }
    QVERIFY(*std::max_element(image.edges.begin(), image.edges.end()) > 0.05f);
    QVERIFY(*std::max_element(image.keypoints.begin(), image.keypoints.end()) > 0.01f);
}

void TestSceneRenderer::everyClassPresent()
{
    std::set<std::int32_t> classes;
    for (int index = 0; index < 16; ++index) {
        const SceneImage image = renderScene(1, index, 32);
        classes.insert(image.segmentation.begin(), image.segmentation.end());
    }
    QCOMPARE(static_cast<int>(classes.size()), tg::training::kSceneClassCount);
    QCOMPARE(*classes.begin(), 0);
    QCOMPARE(*classes.rbegin(), tg::training::kSceneClassCount - 1);
}

void TestSceneRenderer::dominantObjectCountsPixels()
{
    std::set<int> dominant;
    for (int index = 0; index < 12; ++index) {
        const SceneImage image = renderScene(3, index, 32);
        int counts[4] = {};
        for (const std::int32_t label : image.segmentation) {
            if (label >= static_cast<int>(SceneClass::Sphere))
                ++counts[label - static_cast<int>(SceneClass::Sphere)];
        }
        const int expected = static_cast<int>(std::max_element(counts, counts + 4) - counts);
        QCOMPARE(image.dominantObject, expected);
        dominant.insert(expected);
    }
    QVERIFY(dominant.size() >= 3);
}

void TestSceneRenderer::sameSeedSameImage()
{
    const SceneImage first = renderScene(42, 17, 32);
    const SceneImage second = renderScene(42, 17, 32);
    QVERIFY(first.rgb == second.rgb);
    QVERIFY(first.segmentation == second.segmentation);
    QVERIFY(first.depth == second.depth);
    QVERIFY(first.normals == second.normals);
    QVERIFY(first.keypoints == second.keypoints);
    QCOMPARE(first.lightPosition, second.lightPosition);
}

void TestSceneRenderer::differentIndexDifferentImage()
{
    const SceneImage base = renderScene(42, 17, 32);
    QVERIFY(renderScene(42, 18, 32).rgb != base.rgb);
    QVERIFY(renderScene(43, 17, 32).rgb != base.rgb);
    QVERIFY(renderScene(42, 18, 32).depth != base.depth);
}

// Occlusion edges lie on boundaries between labelled regions and never inside
// the floor area at the bottom of the image.
void TestSceneRenderer::occlusionEdgesOnSilhouettes()
{
    const int size = 64;
    const SceneImage image = renderScene(8, 2, size);
    int edges = 0;
    for (int p = 0; p < size * size; ++p)
        edges += image.occlusionEdges[p] > 0.5f ? 1 : 0;
    QVERIFY(edges > size);
    for (int p = (size - 4) * size; p < size * size; ++p)
        QCOMPARE(image.occlusionEdges[p], 0.0f);
}

void TestSceneRenderer::largeSizeRenders()
{
    const SceneImage image = renderScene(1, 0, 256);
    QCOMPARE(image.width, 256);
    QCOMPARE(static_cast<int>(image.depth.size()), 256 * 256);
    QCOMPARE(image.segmentation[255 * 256 + 128], static_cast<std::int32_t>(SceneClass::Floor));
}

void TestSceneRenderer::tinySizeThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderScene(1, 0, 4));
}

QTEST_GUILESS_MAIN(TestSceneRenderer)
#include "tst_scenerenderer.moc"
