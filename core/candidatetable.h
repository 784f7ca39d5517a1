#pragma once

#include "core/cost.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace tg {

// The source of a row's losses. Written as `trained`, `early-stop` and
// `predicted` in the CSV `origin` column and in JSON.
enum class Origin
{
    Trained,
    EarlyStop,
    Predicted,
};

inline constexpr double kNotSolved = std::numeric_limits<double>::infinity();

// One candidate network: its cost and its loss on every task of the table.
// `losses[t]` is kNotSolved (+infinity) when the network has no decoder for
// task t; every other entry is finite and non-negative.
struct Network
{
    std::string name;
    Cost cost = 0;
    std::vector<double> losses;
    Origin origin = Origin::Trained;

    bool solves(std::size_t task) const { return losses[task] != kNotSolved; }
};

// A validated candidate table: unique task names, unique network names, every
// network solves at least one task and every task is solved by at least one
// network. Row order is the file's order.
struct CandidateTable
{
    std::vector<std::string> tasks;
    std::vector<Network> networks;

    // Return -1 when the name is not present.
    int taskIndex(const std::string& name) const;
    int networkIndex(const std::string& name) const;
};

// The outcome of reading a table. On failure `table` is empty and `error`
// names the file, the line and column where known, the offending value and
// what to do. A partial table is never returned.
struct TableReadResult
{
    std::optional<CandidateTable> table;
    std::string error;

    explicit operator bool() const { return table.has_value(); }
};

// Reads a CSV (the default) or JSON (`.json` suffix) candidate table.
TableReadResult readCandidateTable(const std::string& path);

// Parses CSV text. `sourceName` is used in error messages in place of a path.
// Accepts CRLF line ends, a UTF-8 byte-order mark and `#` comment lines.
TableReadResult parseCandidateCsv(const std::string& text, const std::string& sourceName);

// Parses the JSON form: {"tasks": [..], "networks": [{"name", "cost",
// "losses": {task: loss}, "origin"}]}.
TableReadResult parseCandidateJson(const std::string& text, const std::string& sourceName);

std::string toCandidateCsv(const CandidateTable& table);
std::string toCandidateJson(const CandidateTable& table);

// Writes atomically (temporary file, then rename). Returns false and fills
// `error` with the path and the reason on failure.
bool writeCandidateTable(const CandidateTable& table, const std::string& path, std::string* error);

// Checks that `other` lists exactly the same networks and tasks as `table`
// (order may differ), as needed to evaluate a selection on a second table.
// Returns an empty string when they match, otherwise a message naming the
// networks and tasks that differ.
std::string compareTableShapes(const CandidateTable& table, const CandidateTable& other);

const char* originName(Origin origin);
std::optional<Origin> originFromName(const std::string& name);

} // namespace tg
