#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tg {

// One CSV record with the 1-based line on which it starts. Unquoted fields
// are trimmed of spaces and tabs; quoted fields keep their text exactly.
struct CsvRecord
{
    int line = 0;
    std::vector<std::string> fields;
};

// The records of a CSV text, or the first syntax error with its line.
struct CsvSplitResult
{
    std::vector<CsvRecord> records;
    std::string error; // empty on success
    int errorLine = 0;
};

// Splits CSV text into records (RFC 4180: comma separator, double-quoted
// fields that may hold commas, doubled quotes and line breaks). Accepts LF,
// CRLF and CR line ends and a leading UTF-8 byte-order mark. Skips blank
// lines and comment lines, which start with `#` outside quotes.
CsvSplitResult splitCsv(std::string_view text);

// Quotes a field when it needs it to read back unchanged: when it holds a
// comma, a quote or a line break, starts with `#`, or has leading or
// trailing spaces or tabs.
std::string quoteCsvField(const std::string& field);

} // namespace tg
