#include "core/training/labelsfile.h"

#include "core/csvreader.h"
#include "core/tablevalidation.h"

#include <QFile>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace tg::training {

namespace {

// Raised inside the readers and turned into the `error` output.
struct LabelsError
{
    std::string message;
};

[[noreturn]] void fail(const std::string& path, int line, const std::string& message)
{
    throw LabelsError{path + ":" + std::to_string(line) + ": " + message};
}

std::string readText(const std::string& path, const char* fileKind)
{
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        throw LabelsError{std::string(fileKind) + " " + path + " not found; check the path"};
    if (!file.open(QIODevice::ReadOnly)) {
        throw LabelsError{"cannot read " + std::string(fileKind) + " " + path + ": " +
                          file.errorString().toStdString()};
    }
    std::string text = file.readAll().toStdString();
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.erase(0, 3);
    return text;
}

// Splits text into lines without their line ends (LF, CRLF or CR).
std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            lines.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

std::vector<std::string> splitWhitespace(const std::string& line)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : line + ' ') {
        if (c == ' ' || c == '\t') {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

bool isLoneInteger(const std::string& line)
{
    const std::vector<std::string> words = splitWhitespace(line);
    return words.size() == 1 && std::all_of(words[0].begin(), words[0].end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
}

// Parses a finite decimal number, the whole cell. A leading '+' is allowed.
std::optional<double> parseNumber(std::string_view cell)
{
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    double value = 0.0;
    const auto [end, status] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (cell.empty() || status != std::errc() || end != cell.data() + cell.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

bool isRealCell(const std::string& cell)
{
    return cell.find_first_of(".eE") != std::string::npos;
}

std::string columnLabel(std::size_t column, const std::string& name)
{
    return "column " + std::to_string(column + 1) + " (\"" + name + "\")";
}

// Returns the column of a task name, with nameProblem set when the name is invalid. Rejects a
// valid name that an earlier column already uses.
LabelsColumn taskColumn(const std::string& path, int line, std::size_t column,
                        const std::string& name, std::set<std::string>* seen)
{
    LabelsColumn result{name, true, {}, {}};
    const std::string problem = labelsTaskNameProblem(name);
    if (!problem.empty()) {
        result.nameProblem =
            path + ":" + std::to_string(line) + ": " + columnLabel(column, name) + ": " + problem;
        return result;
    }
    if (!seen->insert(name).second) {
        fail(path, line,
             columnLabel(column, name) + ": the name \"" + name +
                 "\" is used twice; give every task column its own name");
    }
    return result;
}

void checkUniqueFiles(const LabelsTable& table)
{
    std::map<std::string, int> lines;
    for (const LabelsRow& row : table.rows) {
        if (row.file.empty())
            fail(table.path, row.line, "the image file name is empty; write the file name first");
        const auto [found, inserted] = lines.emplace(row.file, row.line);
        if (!inserted) {
            fail(table.path, row.line,
                 "image \"" + row.file + "\" is listed again (first on line " +
                     std::to_string(found->second) + "); list every image once");
        }
    }
}

// Collects each class column's distinct values and rejects a column with a single class.
void finishColumns(LabelsTable* table, int headerLine)
{
    if (table->rows.empty())
        fail(table->path, headerLine, "the file lists no images; add one line per image");
    for (std::size_t c = 0; c < table->columns.size(); ++c) {
        LabelsColumn& column = table->columns[c];
        if (!column.classes)
            continue;
        std::set<double> values;
        for (const LabelsRow& row : table->rows)
            values.insert(row.values[c]);
        column.classValues.assign(values.begin(), values.end());
        if (column.classValues.size() < 2) {
            std::string value = std::to_string(static_cast<long long>(column.classValues[0]));
            fail(table->path, headerLine,
                 "task \"" + column.name + "\" has a single class (every image has the value " +
                     value +
                     "); a class task needs at least two classes, so drop the column "
                     "or add images of another class");
        }
    }
    checkUniqueFiles(*table);
}

int parseSplit(const std::string& path, int line, const std::string& cell)
{
    if (cell == "train")
        return kTrainSplit;
    if (cell == "validation")
        return kValidationSplit;
    if (cell == "test")
        return kTestSplit;
    if (cell.empty())
        fail(path, line, "the split is empty; write train, validation or test");
    fail(path, line, "split \"" + cell + "\" is invalid; write train, validation or test");
}

// The header of a labels CSV: the file name column, task columns and an optional split column.
struct CsvHeader
{
    std::vector<std::size_t> taskFields; // field index of each task column
    int splitField = -1;
};

CsvHeader readCsvHeader(const CsvRecord& header, LabelsTable* table)
{
    if (header.fields.size() < 2) {
        fail(table->path, header.line,
             "the header names no task columns; write the image file name column, then one "
             "column per task");
    }
    CsvHeader result;
    std::set<std::string> seen;
    for (std::size_t f = 1; f < header.fields.size(); ++f) {
        const std::string& name = header.fields[f];
        if (name == "split" && result.splitField >= 0) {
            fail(table->path, header.line,
                 columnLabel(f, name) + ": a second split column; keep one split column");
        }
        if (name == "split") {
            result.splitField = static_cast<int>(f);
            continue;
        }
        result.taskFields.push_back(f);
        table->columns.push_back(taskColumn(table->path, header.line, f, name, &seen));
    }
    if (result.taskFields.empty()) {
        fail(table->path, header.line,
             "the header names no task columns; add one column per task after the file name");
    }
    table->hasSplitColumn = result.splitField >= 0;
    return result;
}

LabelsRow readCsvRow(const CsvRecord& record, const CsvRecord& header, const CsvHeader& layout,
                     LabelsTable* table)
{
    if (record.fields.size() != header.fields.size()) {
        fail(table->path, record.line,
             "the line has " + std::to_string(record.fields.size()) +
                 " cells but the header on line " + std::to_string(header.line) + " has " +
                 std::to_string(header.fields.size()) + "; write one cell per header column");
    }
    LabelsRow row;
    row.file = record.fields[0];
    row.line = record.line;
    for (std::size_t c = 0; c < layout.taskFields.size(); ++c) {
        const std::size_t f = layout.taskFields[c];
        const std::string& cell = record.fields[f];
        const std::string where = columnLabel(f, header.fields[f]) + ": ";
        if (cell.empty())
            fail(table->path, record.line, where + "the label is empty; write a number");
        const std::optional<double> value = parseNumber(cell);
        if (!value) {
            fail(table->path, record.line,
                 where + "value \"" + cell +
                     "\" is not a number; write an integer class or a real value");
        }
        if (isRealCell(cell))
            table->columns[c].classes = false;
        row.values.push_back(*value);
    }
    if (layout.splitField >= 0)
        row.split = parseSplit(table->path, record.line, record.fields[layout.splitField]);
    return row;
}

void readCsv(const std::string& text, LabelsTable* table)
{
    const CsvSplitResult csv = splitCsv(text);
    if (!csv.error.empty())
        fail(table->path, csv.errorLine, csv.error);
    if (csv.records.empty()) {
        throw LabelsError{table->path + ": the file is empty; write a header row (image file "
                                        "name, then one column per task) and one line per image"};
    }
    const CsvRecord& header = csv.records.front();
    const CsvHeader layout = readCsvHeader(header, table);
    for (std::size_t r = 1; r < csv.records.size(); ++r)
        table->rows.push_back(readCsvRow(csv.records[r], header, layout, table));
    finishColumns(table, header.line);
}

// CelebA's list_attr_celeba.txt layout: a count line, a line of attribute names, then
// `<file> v1 v2 ...` per image with -1/1 values, separated by runs of spaces.
void readAttributeList(const std::string& text, LabelsTable* table)
{
    const std::vector<std::string> lines = splitLines(text);
    const long long count = std::stoll(splitWhitespace(lines[0])[0]);
    const std::vector<std::string> names =
        lines.size() > 1 ? splitWhitespace(lines[1]) : std::vector<std::string>();
    if (names.empty()) {
        fail(table->path, 2,
             "the attribute names are missing; write them on the line after the image count");
    }
    std::set<std::string> seen;
    for (std::size_t c = 0; c < names.size(); ++c) {
        table->columns.push_back(taskColumn(table->path, 2, c, names[c], &seen));
    }

    for (std::size_t i = 2; i < lines.size(); ++i) {
        const std::vector<std::string> words = splitWhitespace(lines[i]);
        const int line = static_cast<int>(i) + 1;
        if (words.empty())
            continue;
        if (words.size() != names.size() + 1) {
            fail(table->path, line,
                 "the line has " + std::to_string(words.size()) + " fields but line 2 names " +
                     std::to_string(names.size()) +
                     " attributes; write the file name and one value per attribute");
        }
        LabelsRow row;
        row.file = words[0];
        row.line = line;
        for (std::size_t c = 0; c < names.size(); ++c) {
            const std::string& word = words[c + 1];
            if (word != "1" && word != "-1") {
                fail(table->path, line,
                     "attribute \"" + names[c] + "\": value \"" + word +
                         "\" is invalid; write -1 or 1");
            }
            row.values.push_back(word == "1" ? 1.0 : -1.0);
        }
        table->rows.push_back(std::move(row));
    }
    if (count != static_cast<long long>(table->rows.size())) {
        fail(table->path, 1,
             "the count line says " + std::to_string(count) + " images but the file lists " +
                 std::to_string(table->rows.size()) + "; correct the count");
    }
    finishColumns(table, 2);
}

// Counts the image lines of text laid out like an attribute list without its count line: a
// line of names, then lines of a file name and -1/1 values, with no commas. Returns 0 when the
// layout does not match.
std::size_t attributeRowsWithoutCount(const std::vector<std::string>& lines)
{
    if (lines.size() < 2 || splitWhitespace(lines[0]).empty())
        return 0;
    std::size_t rows = 0;
    for (const std::string& line : lines) {
        if (line.find(',') != std::string::npos)
            return 0;
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::vector<std::string> words = splitWhitespace(lines[i]);
        if (words.empty())
            continue;
        if (words.size() < 2)
            return 0;
        for (std::size_t w = 1; w < words.size(); ++w) {
            if (words[w] != "1" && words[w] != "-1")
                return 0;
        }
        ++rows;
    }
    return rows;
}

void readCsvOrReportMissingCount(const std::string& text, LabelsTable* table)
{
    const std::size_t rows = attributeRowsWithoutCount(splitLines(text));
    if (rows > 0) {
        fail(table->path, 1,
             "the file looks like an attribute list (a line of attribute names, then a file "
             "name and -1/1 values per image) but the image count line is missing; insert a "
             "first line with the number of images (" +
                 std::to_string(rows) + " in this file)");
    }
    readCsv(text, table);
}

} // namespace

std::optional<LabelsTable> readLabelsTable(const std::string& path, std::string* error)
{
    LabelsTable table;
    table.path = path;
    try {
        const std::string text = readText(path, "labels file");
        const std::vector<std::string> firstLine = splitLines(text.substr(0, text.find('\n') + 1));
        if (!firstLine.empty() && isLoneInteger(firstLine[0]))
            readAttributeList(text, &table);
        else
            readCsvOrReportMissingCount(text, &table);
    } catch (const LabelsError& problem) {
        if (error)
            *error = problem.message;
        return std::nullopt;
    } catch (const std::out_of_range&) {
        if (error)
            *error = path + ":1: the image count is too large; correct the count";
        return std::nullopt;
    }
    return table;
}

bool applyPartitionFile(const std::string& partitionPath, LabelsTable* table, std::string* error)
{
    try {
        if (table->hasSplitColumn) {
            throw LabelsError{"both the split column of " + table->path +
                              " and the partition file " + partitionPath +
                              " set the splits; remove one of them"};
        }
        const std::vector<std::string> lines =
            splitLines(readText(partitionPath, "partition file"));
        std::map<std::string, std::pair<int, int>> splits; // file -> split, line
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::vector<std::string> words = splitWhitespace(lines[i]);
            const int line = static_cast<int>(i) + 1;
            if (words.empty())
                continue;
            if (words.size() != 2 || (words[1] != "0" && words[1] != "1" && words[1] != "2")) {
                fail(partitionPath, line,
                     "expected \"<file> 0|1|2\" (0 train, 1 validation, 2 test), found \"" +
                         lines[i] + "\"");
            }
            const auto [found, inserted] =
                splits.emplace(words[0], std::pair(words[1][0] - '0', line));
            if (!inserted) {
                fail(partitionPath, line,
                     "image \"" + words[0] + "\" is listed again (first on line " +
                         std::to_string(found->second.second) + "); list every image once");
            }
        }
        for (LabelsRow& row : table->rows) {
            const auto found = splits.find(row.file);
            if (found == splits.end()) {
                fail(table->path, row.line,
                     "image \"" + row.file + "\" is not listed in the partition file " +
                         partitionPath + "; add it with 0, 1 or 2");
            }
            row.split = found->second.first;
        }
    } catch (const LabelsError& problem) {
        if (error)
            *error = problem.message;
        return false;
    }
    return true;
}

int classIndex(const LabelsColumn& column, double value)
{
    const auto found =
        std::lower_bound(column.classValues.begin(), column.classValues.end(), value);
    if (found == column.classValues.end() || *found != value)
        return -1;
    return static_cast<int>(found - column.classValues.begin());
}

std::string labelsTaskNameProblem(const std::string& name)
{
    const std::string problem = taskNameProblem(name);
    if (!problem.empty())
        return "task name \"" + name + "\" is invalid (" + problem + "); rename it";
    if (name.find_first_of(",\"\r\n-+") != std::string::npos) {
        return "task name \"" + name +
               "\" is invalid because candidate names and tables reserve commas, quotes, '-', "
               "'+' and line breaks; rename it";
    }
    return {};
}

} // namespace tg::training
