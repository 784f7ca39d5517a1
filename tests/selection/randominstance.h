#pragma once

#include "core/candidatetable.h"
#include "core/selection.h"

#include <cstdint>
#include <string>

// Seeded random selection problems for comparing the branch and bound with
// the brute-force enumerator.
namespace tg::testing {

struct RandomInstance
{
    CandidateTable table;
    Objective objective;
    Cost budget = 0;
    std::string description; // shape of the instance, printed on failure
};

// Every instance has 3 to 7 tasks and at most 19 networks, so the brute force
// stays below a million subsets. The seed fixes the whole instance.
RandomInstance makeRandomInstance(std::uint32_t seed);

// An instance with 15 to 18 tasks and at most 18 networks that each solve
// several tasks: too many tasks for the subset fronts, so the search runs on
// its per-task bounds alone.
RandomInstance makeWideRandomInstance(std::uint32_t seed);

// A network named after its tasks: "a+b" at cost 1, or "a/2" at cost 0.5 for
// a half-size single-task network.
Network makeNetwork(const std::string& name, double costSnt, std::vector<double> losses);

} // namespace tg::testing
