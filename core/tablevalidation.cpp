#include "core/tablevalidation.h"

#include <charconv>
#include <cmath>

namespace tg {

std::optional<double> parseLoss(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;

    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < 0.0)
        return std::nullopt;
    // Folds -0 into +0 so that a written table never shows "-0".
    return value + 0.0;
}

std::string formatLoss(double loss)
{
    char buffer[64];
    const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, loss);
    return ec == std::errc() ? std::string(buffer, ptr) : std::string();
}

std::string taskNameProblem(const std::string& name)
{
    if (name.empty())
        return "an empty task name";
    if (name == "network" || name == "cost" || name == "origin")
        return "the reserved name '" + name + "', which cannot name a task";
    return {};
}

int firstUnsolvedTask(const CandidateTable& table)
{
    for (std::size_t t = 0; t < table.tasks.size(); ++t) {
        bool solved = false;
        for (const Network& network : table.networks)
            solved = solved || network.solves(t);
        if (!solved)
            return static_cast<int>(t);
    }
    return -1;
}

} // namespace tg
