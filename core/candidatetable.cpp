#include "core/candidatetable.h"

#include "core/csvreader.h"
#include "core/tablevalidation.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <map>
#include <set>

Q_LOGGING_CATEGORY(lcTables, "taskgrouper.tables", QtInfoMsg)

namespace tg {

namespace {

const char* const kExpectedHeader = "Expected a header row 'network,cost,<task>,...'.";

// Column roles found in a CSV header, as 0-based field indices.
struct CsvLayout
{
    std::vector<std::string> names;
    int networkColumn = -1;
    int costColumn = -1;
    int originColumn = -1;
    std::vector<int> taskColumns;
};

// Turns the records of a CSV file into a validated table, stopping at the
// first problem so that no partial table escapes.
class CsvTableParser
{
public:
    explicit CsvTableParser(std::string source) : m_source(std::move(source)) {}

    TableReadResult parse(const std::string& text)
    {
        CsvSplitResult split = splitCsv(text);
        if (!split.error.empty())
            return failure(at(split.errorLine) + ": " + split.error + '.');
        if (split.records.empty())
            return failure(m_source + ": the file is empty. " + kExpectedHeader);
        if (!parseHeader(split.records.front()))
            return failure(m_error);
        for (std::size_t r = 1; r < split.records.size(); ++r) {
            if (!parseRow(split.records[r]))
                return failure(m_error);
        }
        if (!checkTable())
            return failure(m_error);
        TableReadResult result;
        result.table = std::move(m_table);
        return result;
    }

private:
    static TableReadResult failure(std::string message)
    {
        TableReadResult result;
        result.error = std::move(message);
        return result;
    }

    std::string at(int line) const { return m_source + ", line " + std::to_string(line); }

    std::string at(int line, int column) const
    {
        std::string text = at(line) + ", column " + std::to_string(column + 1);
        if (column < static_cast<int>(m_layout.names.size()))
            text += " ('" + m_layout.names[column] + "')";
        return text;
    }

    bool fail(std::string message)
    {
        m_error = std::move(message);
        return false;
    }

    bool parseHeader(const CsvRecord& header)
    {
        m_headerLine = header.line;
        m_layout.names = header.fields;
        std::map<std::string, int> seen;
        for (int c = 0; c < static_cast<int>(header.fields.size()); ++c) {
            const std::string& name = header.fields[c];
            const auto [found, inserted] = seen.emplace(name, c);
            if (!inserted) {
                return fail(at(header.line, c) + ": duplicate column '" + name + "' (also column " +
                            std::to_string(found->second + 1) + "). Rename or remove one of them.");
            }
            if (!assignColumn(name, c, header.line))
                return false;
        }
        if (m_layout.networkColumn < 0)
            return fail(at(header.line) + ": the header has no 'network' column. " +
                        kExpectedHeader);
        if (m_layout.costColumn < 0)
            return fail(at(header.line) + ": the header has no 'cost' column. " + kExpectedHeader);
        if (m_layout.taskColumns.empty())
            return fail(at(header.line) + ": the header has no task columns. " + kExpectedHeader);
        return true;
    }

    bool assignColumn(const std::string& name, int column, int line)
    {
        if (name == "network") {
            m_layout.networkColumn = column;
        } else if (name == "cost") {
            m_layout.costColumn = column;
        } else if (name == "origin") {
            m_layout.originColumn = column;
        } else {
            const std::string problem = taskNameProblem(name);
            if (!problem.empty())
                return fail(at(line, column) + ": the header has " + problem +
                            ". Name every task column.");
            m_layout.taskColumns.push_back(column);
            m_table.tasks.push_back(name);
        }
        return true;
    }

    bool parseRow(const CsvRecord& row)
    {
        const std::vector<std::string>& fields = row.fields;
        if (fields.size() != m_layout.names.size()) {
            return fail(at(row.line) + ": the row has " + std::to_string(fields.size()) +
                        " fields but the header has " + std::to_string(m_layout.names.size()) +
                        ". Give every row one field per header column.");
        }
        Network network;
        if (!parseName(row, &network) || !parseCostField(row, &network) ||
            !parseOrigin(row, &network) || !parseLosses(row, &network))
            return false;
        m_table.networks.push_back(std::move(network));
        return true;
    }

    bool parseName(const CsvRecord& row, Network* network)
    {
        const int column = m_layout.networkColumn;
        network->name = row.fields[column];
        if (network->name.empty())
            return fail(at(row.line, column) + ": empty network name. Name every network.");
        const auto [found, inserted] = m_networkLines.emplace(network->name, row.line);
        if (!inserted) {
            return fail(at(row.line, column) + ": duplicate network name '" + network->name +
                        "' (first on line " + std::to_string(found->second) +
                        "). Give each network a unique name.");
        }
        return true;
    }

    bool parseCostField(const CsvRecord& row, Network* network)
    {
        const int column = m_layout.costColumn;
        const std::optional<Cost> cost = parseCost(row.fields[column]);
        if (!cost) {
            return fail(at(row.line, column) + ": invalid cost '" + row.fields[column] +
                        "'. Enter a non-negative number of at most 1e9 SNT.");
        }
        network->cost = *cost;
        return true;
    }

    bool parseOrigin(const CsvRecord& row, Network* network)
    {
        const int column = m_layout.originColumn;
        if (column < 0 || row.fields[column].empty())
            return true;
        const std::optional<Origin> origin = originFromName(row.fields[column]);
        if (!origin) {
            return fail(at(row.line, column) + ": invalid origin '" + row.fields[column] +
                        "'. Use trained, early-stop or predicted, or leave the cell empty.");
        }
        network->origin = *origin;
        return true;
    }

    bool parseLosses(const CsvRecord& row, Network* network)
    {
        bool solvesAny = false;
        for (int column : m_layout.taskColumns) {
            const std::string& text = row.fields[column];
            if (text.empty()) {
                network->losses.push_back(kNotSolved);
                continue;
            }
            const std::optional<double> loss = parseLoss(text);
            if (!loss) {
                return fail(at(row.line, column) + ": invalid loss '" + text +
                            "'. Enter a finite, non-negative number, or leave the cell empty "
                            "when the network does not solve the task.");
            }
            network->losses.push_back(*loss);
            solvesAny = true;
        }
        if (!solvesAny) {
            return fail(at(row.line) + ": network '" + network->name +
                        "' solves no task because every task cell is empty. Add its losses or "
                        "remove the row.");
        }
        return true;
    }

    bool checkTable()
    {
        if (m_table.networks.empty())
            return fail(m_source + ": the table has no network rows. Add one row per network.");
        const int unsolved = firstUnsolvedTask(m_table);
        if (unsolved >= 0) {
            const std::string& task = m_table.tasks[unsolved];
            return fail(at(m_headerLine, m_layout.taskColumns[unsolved]) +
                        ": no network solves task '" + task +
                        "'. Add a loss for it to at least one network or remove the column.");
        }
        return true;
    }

    std::string m_source;
    CsvLayout m_layout;
    CandidateTable m_table;
    std::map<std::string, int> m_networkLines;
    int m_headerLine = 0;
    std::string m_error;
};

bool hasJsonSuffix(const std::string& path)
{
    return QFileInfo(QString::fromStdString(path))
               .suffix()
               .compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

template <typename List> std::string joinQuoted(const List& names)
{
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "'" : ", '") + name + "'";
    return text;
}

// Appends " <label>: 'a', 'b'." to `message` for the names in `from` missing in `in`.
void describeMissing(const std::vector<std::string>& from, const std::vector<std::string>& in,
                     const std::string& label, std::string* message)
{
    const std::set<std::string> present(in.begin(), in.end());
    std::vector<std::string> missing;
    for (const std::string& name : from) {
        if (present.count(name) == 0)
            missing.push_back(name);
    }
    if (missing.empty())
        return;
    *message += ' ' + label + ": " + joinQuoted(missing) + '.';
}

std::vector<std::string> networkNames(const CandidateTable& table)
{
    std::vector<std::string> names;
    for (const Network& network : table.networks)
        names.push_back(network.name);
    return names;
}

} // namespace

int CandidateTable::taskIndex(const std::string& name) const
{
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        if (tasks[t] == name)
            return static_cast<int>(t);
    }
    return -1;
}

int CandidateTable::networkIndex(const std::string& name) const
{
    for (std::size_t n = 0; n < networks.size(); ++n) {
        if (networks[n].name == name)
            return static_cast<int>(n);
    }
    return -1;
}

TableReadResult readCandidateTable(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        TableReadResult result;
        result.error = path + ": cannot open the file: " + file.errorString().toStdString() + '.';
        return result;
    }
    const QByteArray bytes = file.readAll();
    const std::string text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    TableReadResult result =
        hasJsonSuffix(path) ? parseCandidateJson(text, path) : parseCandidateCsv(text, path);
    if (result)
        qCDebug(lcTables) << "read" << result.table->networks.size() << "networks and"
                          << result.table->tasks.size() << "tasks from"
                          << QString::fromStdString(path);
    return result;
}

TableReadResult parseCandidateCsv(const std::string& text, const std::string& sourceName)
{
    return CsvTableParser(sourceName).parse(text);
}

std::string toCandidateCsv(const CandidateTable& table)
{
    bool writeOrigin = false;
    for (const Network& network : table.networks)
        writeOrigin = writeOrigin || network.origin != Origin::Trained;

    std::string text = "network,cost";
    for (const std::string& task : table.tasks)
        text += ',' + quoteCsvField(task);
    text += writeOrigin ? ",origin\n" : "\n";
    for (const Network& network : table.networks) {
        text += quoteCsvField(network.name) + ',' + formatCost(network.cost);
        for (double loss : network.losses)
            text += ',' + (loss == kNotSolved ? std::string() : formatLoss(loss));
        if (writeOrigin)
            text += std::string(",") + originName(network.origin);
        text += '\n';
    }
    return text;
}

bool writeCandidateTable(const CandidateTable& table, const std::string& path, std::string* error)
{
    const std::string text = hasJsonSuffix(path) ? toCandidateJson(table) : toCandidateCsv(table);
    QSaveFile file(QString::fromStdString(path));
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.write(text.data(), static_cast<qint64>(text.size())) ==
                             static_cast<qint64>(text.size()) &&
                         file.commit();
    if (!written && error)
        *error = path + ": cannot write the table: " + file.errorString().toStdString() + '.';
    return written;
}

std::string compareTableShapes(const CandidateTable& table, const CandidateTable& other)
{
    const std::vector<std::string> names = networkNames(table);
    const std::vector<std::string> otherNames = networkNames(other);
    std::string message;
    describeMissing(names, otherNames, "Networks missing from the second table", &message);
    describeMissing(otherNames, names, "Networks only in the second table", &message);
    describeMissing(table.tasks, other.tasks, "Tasks missing from the second table", &message);
    describeMissing(other.tasks, table.tasks, "Tasks only in the second table", &message);
    if (message.empty()) {
        // Same names: the solved tasks must match too, or a selection's
        // assignment would point at a network without that decoder.
        for (const Network& network : table.networks) {
            const Network& twin = other.networks[other.networkIndex(network.name)];
            for (std::size_t t = 0; t < table.tasks.size(); ++t) {
                if (network.solves(t) != twin.solves(other.taskIndex(table.tasks[t]))) {
                    message += " Network '" + network.name + "' solves task '" + table.tasks[t] +
                               "' in only one of the tables.";
                }
            }
        }
    }
    return message.empty() ? message : "The tables differ." + message;
}

const char* originName(Origin origin)
{
    switch (origin) {
    case Origin::Trained:
        return "trained";
    case Origin::EarlyStop:
        return "early-stop";
    case Origin::Predicted:
        return "predicted";
    }
    return "trained";
}

std::optional<Origin> originFromName(const std::string& name)
{
    for (Origin origin : {Origin::Trained, Origin::EarlyStop, Origin::Predicted}) {
        if (name == originName(origin))
            return origin;
    }
    return std::nullopt;
}

} // namespace tg
