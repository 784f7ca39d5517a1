#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tg {

// Inference cost in millionths of a standard network time (SNT). Costs are
// stored as integers so that sums compare exactly: a set of networks that
// costs exactly the budget is feasible, with no floating-point drift.
using Cost = std::int64_t;

inline constexpr Cost kCostUnitsPerSnt = 1'000'000;

// The largest accepted cost, in SNT. At this cap, the costs of more than 9000
// networks still sum without overflowing a Cost.
inline constexpr double kMaxCostSnt = 1e9;

// Parses a decimal cost in SNT such as "0.5", "1", "2.25" or "1e-1". Returns
// nullopt for text that is not a non-negative decimal number of at most
// kMaxCostSnt (hexadecimal, "inf" and "nan" included). Digits past the sixth
// decimal place are rounded to the nearest unit.
std::optional<Cost> parseCost(std::string_view text);

// Converts a cost in SNT, rounding to the nearest unit. Negative, non-finite
// and inputs above kMaxCostSnt return nullopt.
std::optional<Cost> costFromSnt(double snt);

double costToSnt(Cost cost);

// Formats a cost in SNT with at most six decimals and no trailing zeros:
// 500000 -> "0.5", 2000000 -> "2".
std::string formatCost(Cost cost);

} // namespace tg
