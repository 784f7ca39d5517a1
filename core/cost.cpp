#include "core/cost.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace tg {

std::optional<Cost> parseCost(std::string_view text)
{
    const std::string copy(text);
    // strtod alone would also take hexadecimal, "inf", "nan" and leading spaces.
    if (copy.empty() || copy.find_first_not_of("0123456789.eE+-") != std::string::npos)
        return std::nullopt;

    // strtod accepts the forms a spreadsheet writes ("0.5", "1e-1"). The
    // value is then rounded to whole units, which is exact for every cost
    // written with six or fewer decimals.
    char* end = nullptr;
    errno = 0;
    const double snt = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || errno == ERANGE)
        return std::nullopt;
    return costFromSnt(snt);
}

std::optional<Cost> costFromSnt(double snt)
{
    if (!std::isfinite(snt) || snt < 0.0 || snt > kMaxCostSnt)
        return std::nullopt;
    return static_cast<Cost>(std::llround(snt * static_cast<double>(kCostUnitsPerSnt)));
}

double costToSnt(Cost cost)
{
    return static_cast<double>(cost) / static_cast<double>(kCostUnitsPerSnt);
}

std::string formatCost(Cost cost)
{
    const bool negative = cost < 0;
    const Cost magnitude = negative ? -cost : cost;
    std::string text = std::to_string(magnitude / kCostUnitsPerSnt);
    Cost fraction = magnitude % kCostUnitsPerSnt;
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, 6 - digits.size(), '0');
        while (digits.back() == '0')
            digits.pop_back();
        text += '.' + digits;
    }
    return negative ? '-' + text : text;
}

} // namespace tg
