// The JSON form of candidate tables, with the same checks as the CSV reader.
#include "core/candidatetable.h"
#include "core/tablevalidation.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace tg {

namespace {

using nlohmann::json;

const char* const kExpectedShape =
    "Expected {\"tasks\": [...], \"networks\": [{\"name\", \"cost\", "
    "\"losses\": {task: loss}, \"origin\"}, ...]}.";

// Validates a parsed document into a table, stopping at the first problem.
class JsonTableParser
{
public:
    explicit JsonTableParser(std::string source) : m_source(std::move(source)) {}

    TableReadResult parse(const json& document)
    {
        TableReadResult result;
        if (!parseTasks(document) || !parseNetworks(document) || !checkTable()) {
            result.error = m_error;
            return result;
        }
        result.table = std::move(m_table);
        return result;
    }

private:
    bool fail(const std::string& where, const std::string& message)
    {
        m_error = m_source + (where.empty() ? "" : ", " + where) + ": " + message;
        return false;
    }

    bool parseTasks(const json& document)
    {
        if (!document.is_object())
            return fail("", std::string("the document is not a JSON object. ") + kExpectedShape);
        const auto tasks = document.find("tasks");
        if (tasks == document.end() || !tasks->is_array() || tasks->empty())
            return fail("", std::string("missing or empty \"tasks\" array. ") + kExpectedShape);
        for (std::size_t t = 0; t < tasks->size(); ++t) {
            const json& task = (*tasks)[t];
            const std::string where = "tasks[" + std::to_string(t) + "]";
            if (!task.is_string())
                return fail(where, "task name " + task.dump() + " is not a string.");
            const std::string name = task.get<std::string>();
            const std::string problem = taskNameProblem(name);
            if (!problem.empty())
                return fail(where, "the task list has " + problem + ". Name every task.");
            if (m_table.taskIndex(name) >= 0)
                return fail(where, "duplicate task '" + name + "'. List each task once.");
            m_table.tasks.push_back(name);
        }
        return true;
    }

    bool parseNetworks(const json& document)
    {
        const auto networks = document.find("networks");
        if (networks == document.end() || !networks->is_array())
            return fail("", std::string("missing \"networks\" array. ") + kExpectedShape);
        for (std::size_t n = 0; n < networks->size(); ++n) {
            if (!parseNetwork((*networks)[n], "networks[" + std::to_string(n) + "]"))
                return false;
        }
        return true;
    }

    bool parseNetwork(const json& entry, std::string where)
    {
        if (!entry.is_object())
            return fail(where, "the network " + entry.dump() + " is not a JSON object.");
        Network network;
        const auto name = entry.find("name");
        if (name == entry.end() || !name->is_string() || name->get<std::string>().empty())
            return fail(where, "missing or empty \"name\". Name every network.");
        network.name = name->get<std::string>();
        where += " ('" + network.name + "')";
        const auto [found, inserted] = m_networkPositions.emplace(network.name, where);
        if (!inserted) {
            return fail(where, "duplicate network name '" + network.name + "' (first at " +
                                   found->second + "). Give each network a unique name.");
        }
        if (!parseCost(entry, where, &network) || !parseOrigin(entry, where, &network) ||
            !parseLosses(entry, where, &network))
            return false;
        m_table.networks.push_back(std::move(network));
        return true;
    }

    bool parseCost(const json& entry, const std::string& where, Network* network)
    {
        const auto cost = entry.find("cost");
        if (cost == entry.end())
            return fail(where, "missing \"cost\". Give every network its cost in SNT.");
        const std::optional<Cost> value =
            cost->is_number() ? costFromSnt(cost->get<double>()) : std::nullopt;
        if (!value) {
            return fail(where + ", cost", "invalid cost " + cost->dump() +
                                              ". Enter a non-negative number of at most 1e9 SNT.");
        }
        network->cost = *value;
        return true;
    }

    bool parseOrigin(const json& entry, const std::string& where, Network* network)
    {
        const auto origin = entry.find("origin");
        if (origin == entry.end() || origin->is_null())
            return true;
        const std::optional<Origin> value =
            origin->is_string() ? originFromName(origin->get<std::string>()) : std::nullopt;
        if (!value) {
            return fail(where + ", origin", "invalid origin " + origin->dump() +
                                                ". Use \"trained\", \"early-stop\" or "
                                                "\"predicted\", or leave it out.");
        }
        network->origin = *value;
        return true;
    }

    bool parseLosses(const json& entry, const std::string& where, Network* network)
    {
        const auto losses = entry.find("losses");
        if (losses == entry.end() || !losses->is_object())
            return fail(where, "missing \"losses\" object. Map each solved task to its loss.");
        network->losses.assign(m_table.tasks.size(), kNotSolved);
        bool solvesAny = false;
        for (const auto& [task, loss] : losses->items()) {
            const int t = m_table.taskIndex(task);
            if (t < 0) {
                return fail(where + ", losses",
                            "unknown task '" + task + "'. Add it to \"tasks\" or remove the loss.");
            }
            if (loss.is_null())
                continue;
            const bool valid =
                loss.is_number() && std::isfinite(loss.get<double>()) && loss.get<double>() >= 0.0;
            if (!valid) {
                return fail(where + ", losses." + task,
                            "invalid loss " + loss.dump() +
                                ". Enter a finite, non-negative number, or null or no entry "
                                "when the network does not solve the task.");
            }
            network->losses[t] = loss.get<double>() + 0.0;
            solvesAny = true;
        }
        if (!solvesAny) {
            return fail(where, "network '" + network->name +
                                   "' solves no task because it has no losses. Add its losses "
                                   "or remove it.");
        }
        return true;
    }

    bool checkTable()
    {
        if (m_table.networks.empty())
            return fail("networks", "the table has no networks. Add one entry per network.");
        const int unsolved = firstUnsolvedTask(m_table);
        if (unsolved >= 0) {
            return fail("tasks[" + std::to_string(unsolved) + "]",
                        "no network solves task '" + m_table.tasks[unsolved] +
                            "'. Add a loss for it to at least one network or remove the task.");
        }
        return true;
    }

    std::string m_source;
    CandidateTable m_table;
    std::map<std::string, std::string> m_networkPositions;
    std::string m_error;
};

} // namespace

TableReadResult parseCandidateJson(const std::string& text, const std::string& sourceName)
{
    std::string_view body(text);
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
        body.remove_prefix(3);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        TableReadResult result;
        result.error = sourceName + ": the file is empty. " + kExpectedShape;
        return result;
    }
    json document;
    try {
        document = json::parse(body);
    } catch (const json::parse_error& error) {
        TableReadResult result;
        result.error = sourceName + ": invalid JSON at byte " + std::to_string(error.byte) + ": " +
                       error.what();
        return result;
    } catch (const json::out_of_range& error) {
        // nlohmann_json reports a number too large for a double this way.
        TableReadResult result;
        result.error = sourceName + ": invalid JSON: " + error.what() +
                       ". Use finite numbers no larger than 1e308.";
        return result;
    }
    return JsonTableParser(sourceName).parse(document);
}

std::string toCandidateJson(const CandidateTable& table)
{
    nlohmann::ordered_json networks = nlohmann::ordered_json::array();
    for (const Network& network : table.networks) {
        nlohmann::ordered_json losses = nlohmann::ordered_json::object();
        for (std::size_t t = 0; t < table.tasks.size(); ++t) {
            if (network.solves(t))
                losses[table.tasks[t]] = network.losses[t];
        }
        networks.push_back({{"name", network.name},
                            {"cost", costToSnt(network.cost)},
                            {"losses", losses},
                            {"origin", originName(network.origin)}});
    }
    nlohmann::ordered_json document;
    document["tasks"] = table.tasks;
    document["networks"] = networks;
    return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

} // namespace tg
