#include "core/training/experimentstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <cmath>
#include <nlohmann/json.hpp>

namespace tg::training {

namespace {

using nlohmann::json;

const CandidateStatus kStatuses[] = {
    CandidateStatus::Queued,    CandidateStatus::Training, CandidateStatus::Done,
    CandidateStatus::EarlyDone, CandidateStatus::Diverged, CandidateStatus::Cancelled,
    CandidateStatus::Failed,
};

std::optional<CandidateStatus> statusFromName(const std::string& name)
{
    for (CandidateStatus status : kStatuses) {
        if (name == candidateStatusName(status))
            return status;
    }
    return std::nullopt;
}

json candidateToJson(const CandidateRecord& record)
{
    json item = {
        {"name", record.name},
        {"tasks", record.tasks},
        {"halfSize", record.halfSize},
        {"width", record.width},
        {"cost", record.costSnt},
        {"status", candidateStatusName(record.status)},
        {"step", record.step},
        {"bestStep", record.bestStep},
        {"validationLosses", record.validationLosses},
        {"testLosses", record.testLosses},
        {"earlyLosses", record.earlyLosses},
        {"divergedStep", record.divergedStep},
        {"wallSeconds", record.wallSeconds},
        {"computeSeconds", record.computeSeconds},
        {"seed", record.seed},
        {"parameters", record.parameters},
        {"multiplyAdds", record.multiplyAdds},
    };
    if (!record.error.empty())
        item["error"] = record.error;
    return item;
}

CandidateRecord candidateFromJson(const json& item)
{
    CandidateRecord record;
    record.name = item.at("name").get<std::string>();
    record.tasks = item.at("tasks").get<std::vector<std::string>>();
    record.halfSize = item.at("halfSize").get<bool>();
    record.width = item.at("width").get<double>();
    record.costSnt = item.at("cost").get<double>();
    const std::string status = item.at("status").get<std::string>();
    const auto parsed = statusFromName(status);
    if (!parsed)
        throw std::runtime_error("unknown candidate status '" + status + "'");
    record.status = *parsed;
    record.step = item.at("step").get<std::int64_t>();
    record.bestStep = item.at("bestStep").get<std::int64_t>();
    record.validationLosses = item.at("validationLosses").get<std::vector<double>>();
    record.testLosses = item.at("testLosses").get<std::vector<double>>();
    record.earlyLosses = item.at("earlyLosses").get<std::vector<double>>();
    record.divergedStep = item.at("divergedStep").get<std::int64_t>();
    record.wallSeconds = item.at("wallSeconds").get<double>();
    record.computeSeconds = item.at("computeSeconds").get<double>();
    record.seed = item.at("seed").get<std::uint64_t>();
    record.parameters = item.at("parameters").get<std::int64_t>();
    record.multiplyAdds = item.at("multiplyAdds").get<std::int64_t>();
    record.error = item.value("error", std::string());
    return record;
}

QString formatLoss(double value)
{
    return QString::number(value, 'g', 17);
}

} // namespace

std::string resultsToJson(const ExperimentResults& results)
{
    json candidates = json::array();
    for (const CandidateRecord& record : results.candidates)
        candidates.push_back(candidateToJson(record));
    const json root = {
        {"torchVersion", results.torchVersion},
        {"qtVersion", results.qtVersion},
        {"device", results.device},
        {"strategy", results.strategy},
        {"seed", results.seed},
        {"workers", results.workers},
        {"threadsPerWorker", results.threadsPerWorker},
        {"phase", results.phase},
        {"chosen", results.chosen},
        {"tasks", results.tasks},
        {"candidates", candidates},
    };
    return root.dump(2) + "\n";
}

std::optional<ExperimentResults> resultsFromJson(const std::string& text, std::string* error)
{
    try {
        const json root = json::parse(text);
        ExperimentResults results;
        results.torchVersion = root.at("torchVersion").get<std::string>();
        results.qtVersion = root.at("qtVersion").get<std::string>();
        results.device = root.at("device").get<std::string>();
        results.strategy = root.at("strategy").get<std::string>();
        results.seed = root.at("seed").get<std::uint64_t>();
        results.workers = root.at("workers").get<int>();
        results.threadsPerWorker = root.at("threadsPerWorker").get<int>();
        results.phase = root.at("phase").get<std::string>();
        results.chosen = root.at("chosen").get<std::vector<std::string>>();
        results.tasks = root.at("tasks").get<std::vector<std::string>>();
        for (const json& item : root.at("candidates"))
            results.candidates.push_back(candidateFromJson(item));
        return results;
    } catch (const std::exception& exception) {
        *error = exception.what();
        return std::nullopt;
    }
}

QString configPath(const QString& folder)
{
    return folder + QStringLiteral("/config.json");
}

QString resultsPath(const QString& folder)
{
    return folder + QStringLiteral("/results.json");
}

QString curvePath(const QString& folder, const std::string& candidate)
{
    return folder + QStringLiteral("/curves/") + QString::fromStdString(candidate) +
           QStringLiteral(".csv");
}

QString checkpointFolder(const QString& folder, const std::string& candidate)
{
    return folder + QStringLiteral("/checkpoints/") + QString::fromStdString(candidate);
}

bool writeTextFile(const QString& path, const std::string& text, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != qint64(text.size()) ||
        !file.commit()) {
        *error = path + QStringLiteral(": cannot write: ") + file.errorString();
        return false;
    }
    return true;
}

bool readTextFile(const QString& path, std::string* text, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot read: ") + file.errorString();
        return false;
    }
    *text = file.readAll().toStdString();
    return true;
}

CurveWriter::CurveWriter(const QString& path, const std::vector<std::string>& tasks)
    : m_path(path), m_tasks(tasks)
{}

bool CurveWriter::openAt(std::int64_t step, QString* error)
{
    QByteArray header = "step,train_loss";
    for (const std::string& task : m_tasks)
        header += ",val_" + QByteArray::fromStdString(task);
    header += ",val_total\n";

    QByteArray kept = header;
    QFile existing(m_path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = existing.readAll().split('\n');
        // The last element is the text after the final newline: empty, or a
        // row cut off by a kill, and dropped either way.
        for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
            bool ok = false;
            const qint64 rowStep = lines[i].left(lines[i].indexOf(',')).toLongLong(&ok);
            if (ok && rowStep <= step)
                kept += lines[i] + '\n';
        }
        existing.close();
    }
    if (!writeTextFile(m_path, kept.toStdString(), error))
        return false;
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = m_path + QStringLiteral(": cannot append: ") + m_file.errorString();
        return false;
    }
    return true;
}

void CurveWriter::appendTraining(std::int64_t step, double loss)
{
    QByteArray row = QByteArray::number(step) + ',' + formatLoss(loss).toLatin1();
    row += QByteArray(static_cast<qsizetype>(m_tasks.size()) + 1, ',') + '\n';
    m_file.write(row);
    m_file.flush();
}

void CurveWriter::appendValidation(std::int64_t step, const std::vector<double>& losses,
                                   double total)
{
    QByteArray row = QByteArray::number(step) + ',';
    for (double loss : losses)
        row += ',' + formatLoss(loss).toLatin1();
    row += ',' + formatLoss(total).toLatin1() + '\n';
    m_file.write(row);
    m_file.flush();
}

} // namespace tg::training
