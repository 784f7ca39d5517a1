#include "widgettestsupport.h"

#include <cmath>

namespace tg::test {

QString threeTaskCsv()
{
    return QStringLiteral("network,cost,origin,depth,normal,edges\n"
                          "depth,1,trained,0.50,,\n"
                          "normal,1,trained,,0.80,\n"
                          "edges,1,trained,,,0.30\n"
                          "depth-half,0.5,trained,0.56,,\n"
                          "normal-half,0.5,trained,,0.90,\n"
                          "edges-half,0.5,early-stop,,,0.33\n"
                          "depth+normal,1,trained,0.45,0.86,\n"
                          "depth+edges,1,predicted,0.53,,0.31\n"
                          "depth+normal+edges,1,trained,0.49,0.84,0.36\n");
}

namespace {

// A deterministic value in [0, 1) from two integers (a sine hash).
double hashUnit(double a, double b)
{
    const double phase = std::sin(12.9898 * (a + 1.0) + 78.233 * (b + 1.0)) * 43758.5453;
    return phase - std::floor(phase);
}

// Relative change of task `a`'s loss when task `b` shares its network, in
// [-0.1, 0.1]; negative values help. Not symmetric, as in measured tables.
double pairEffect(int a, int b)
{
    return 0.2 * hashUnit(a, b) - 0.1;
}

std::string subsetName(const std::vector<std::string>& tasks, unsigned mask)
{
    std::string name;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (mask & (1u << t)) {
            if (!name.empty())
                name += '+';
            name += tasks[t];
        }
    }
    return name;
}

} // namespace

CandidateTable syntheticTable(int taskCount)
{
    static const char* const names[] = {"depth",   "normal",  "edges",     "keypoints",
                                        "segment", "reshade", "curvature", "occlusion",
                                        "autoenc", "denoise"};
    CandidateTable table;
    for (int t = 0; t < taskCount; ++t)
        table.tasks.emplace_back(t < 10 ? names[t] : "task" + std::to_string(t));

    const auto count = static_cast<std::size_t>(taskCount);
    for (unsigned mask = 1; mask < (1u << taskCount); ++mask) {
        Network network;
        network.name = subsetName(table.tasks, mask);
        network.cost = kCostUnitsPerSnt;
        network.losses.assign(count, kNotSolved);
        const int size = __builtin_popcount(mask);
        for (int t = 0; t < taskCount; ++t) {
            if (!(mask & (1u << t)))
                continue;
            double effect = 0.0;
            for (int u = 0; u < taskCount; ++u) {
                if (u != t && (mask & (1u << u)))
                    effect += pairEffect(t, u);
            }
            const double mean = size > 1 ? effect / (size - 1) : 0.0;
            const double noise = 0.02 * hashUnit(mask, 100.0 + t) - 0.01;
            const double base = 0.4 + 0.07 * t;
            network.losses[static_cast<std::size_t>(t)] =
                base * (1.0 + mean + 0.015 * (size - 1) + noise);
        }
        table.networks.push_back(std::move(network));
    }
    for (int t = 0; t < taskCount; ++t) {
        Network half;
        half.name = table.tasks[static_cast<std::size_t>(t)] + "-half";
        half.cost = kCostUnitsPerSnt / 2;
        half.losses.assign(count, kNotSolved);
        half.losses[static_cast<std::size_t>(t)] = (0.4 + 0.07 * t) * 1.08;
        table.networks.push_back(std::move(half));
    }
    return table;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    return palette;
}

} // namespace tg::test
