#include "core/training/checkpoint.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

namespace tg::training {

namespace {

// Trailer: magic, payload length (little-endian 64 bits), SHA-256 of the payload.
constexpr char kMagic[8] = {'T', 'G', 'C', 'K', 'P', 'T', '0', '1'};
constexpr int kHashBytes = 32;
constexpr int kTrailerBytes = 8 + 8 + kHashBytes;

std::string stateToJson(const TrainerState& state)
{
    const nlohmann::json json = {
        {"step", state.step},
        {"validatedStep", state.validatedStep},
        {"learningRate", state.learningRate},
        {"bestStep", state.bestStep},
        {"bestTotal", state.bestTotal},
        {"bestLosses", state.bestLosses},
        {"lastLosses", state.lastLosses},
        {"checksWithoutImprovement", state.checksWithoutImprovement},
        {"recentLosses", state.recentLosses},
        {"lastDecayStep", state.lastDecayStep},
        {"computeSeconds", state.computeSeconds},
    };
    return json.dump();
}

TrainerState stateFromJson(const std::string& text)
{
    const auto json = nlohmann::json::parse(text);
    TrainerState state;
    state.step = json.at("step").get<std::int64_t>();
    state.validatedStep = json.at("validatedStep").get<std::int64_t>();
    state.learningRate = json.at("learningRate").get<double>();
    state.bestStep = json.at("bestStep").get<std::int64_t>();
    state.bestTotal = json.at("bestTotal").get<double>();
    state.bestLosses = json.at("bestLosses").get<std::vector<double>>();
    state.lastLosses = json.at("lastLosses").get<std::vector<double>>();
    state.checksWithoutImprovement = json.at("checksWithoutImprovement").get<int>();
    state.recentLosses = json.at("recentLosses").get<std::vector<double>>();
    state.lastDecayStep = json.at("lastDecayStep").get<std::int64_t>();
    state.computeSeconds = json.at("computeSeconds").get<double>();
    return state;
}

QByteArray trailer(const QByteArray& payload)
{
    QByteArray bytes(kMagic, sizeof kMagic);
    const auto length = static_cast<std::uint64_t>(payload.size());
    for (int i = 0; i < 8; ++i)
        bytes.append(static_cast<char>((length >> (8 * i)) & 0xff));
    bytes.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    return bytes;
}

// Returns the verified payload, or an empty array with `error` set.
QByteArray verifiedPayload(const std::string& path, std::string* error)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot open the checkpoint: " + file.errorString().toStdString();
        return {};
    }
    const QByteArray bytes = file.readAll();
    const qsizetype payloadSize = bytes.size() - kTrailerBytes;
    if (payloadSize <= 0 || std::memcmp(bytes.constData() + payloadSize, kMagic, 8) != 0) {
        *error = path + ": the checkpoint is truncated or not a checkpoint (" +
                 std::to_string(bytes.size()) + " bytes, no valid trailer)";
        return {};
    }
    QByteArray payload = bytes.left(payloadSize);
    if (trailer(payload) != bytes.mid(payloadSize)) {
        *error = path + ": the checkpoint is corrupted (its length or SHA-256 checksum does "
                        "not match its contents)";
        return {};
    }
    return payload;
}

} // namespace

bool saveCheckpoint(const std::string& path, torch::nn::Module& model,
                    torch::optim::Optimizer* optimizer, const TrainerState& state,
                    std::string* error)
{
    QByteArray payload;
    try {
        torch::serialize::OutputArchive archive;
        torch::serialize::OutputArchive modelArchive;
        model.save(modelArchive);
        archive.write("model", modelArchive);
        if (optimizer != nullptr) {
            torch::serialize::OutputArchive optimizerArchive;
            optimizer->save(optimizerArchive);
            archive.write("optimizer", optimizerArchive);
        }
        archive.write("state", c10::IValue(stateToJson(state)));
        archive.save_to([&payload](const void* data, size_t size) {
            payload.append(static_cast<const char*>(data), static_cast<qsizetype>(size));
            return size;
        });
    } catch (const c10::Error& exception) {
        *error = path + ": cannot serialise the checkpoint: " + exception.what_without_backtrace();
        return false;
    }

    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = path + ": cannot write the checkpoint: " + file.errorString().toStdString();
        return false;
    }
    file.write(payload);
    file.write(trailer(payload));
    if (!file.commit()) {
        *error = path + ": cannot write the checkpoint: " + file.errorString().toStdString();
        return false;
    }
    return true;
}

bool loadCheckpoint(const std::string& path, torch::nn::Module& model,
                    torch::optim::Optimizer* optimizer, TrainerState* state, std::string* error)
{
    const QByteArray payload = verifiedPayload(path, error);
    if (payload.isEmpty())
        return false;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(payload.constData(), static_cast<size_t>(payload.size()));
        torch::serialize::InputArchive modelArchive;
        archive.read("model", modelArchive);
        model.load(modelArchive);
        if (optimizer != nullptr) {
            torch::serialize::InputArchive optimizerArchive;
            archive.read("optimizer", optimizerArchive);
            optimizer->load(optimizerArchive);
        }
        if (state != nullptr) {
            c10::IValue value;
            archive.read("state", value);
            *state = stateFromJson(value.toStringRef());
        }
    } catch (const c10::Error& exception) {
        *error = path + ": cannot read the checkpoint: " + exception.what_without_backtrace();
        return false;
    } catch (const nlohmann::json::exception& exception) {
        *error = path + ": invalid trainer state in the checkpoint: " + exception.what();
        return false;
    }
    return true;
}

std::string checkpointPath(const std::string& folder, std::int64_t step)
{
    return folder + "/" +
           QStringLiteral("step-%1.pt").arg(step, 8, 10, QLatin1Char('0')).toStdString();
}

std::vector<std::int64_t> checkpointSteps(const std::string& folder)
{
    std::vector<std::int64_t> steps;
    const QStringList names =
        QDir(QString::fromStdString(folder)).entryList({QStringLiteral("step-*.pt")}, QDir::Files);
    for (const QString& name : names) {
        bool ok = false;
        const qint64 step = name.mid(5, name.size() - 8).toLongLong(&ok);
        if (ok)
            steps.push_back(step);
    }
    std::sort(steps.rbegin(), steps.rend());
    return steps;
}

void pruneCheckpoints(const std::string& folder, const std::vector<std::int64_t>& keep)
{
    for (std::int64_t step : checkpointSteps(folder)) {
        if (std::find(keep.begin(), keep.end(), step) == keep.end())
            QFile::remove(QString::fromStdString(checkpointPath(folder, step)));
    }
}

} // namespace tg::training
