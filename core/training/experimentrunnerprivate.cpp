#include "core/training/experimentrunnerprivate.h"

#include "core/training/deviceinfo.h"
#include "core/training/experimenttables.h"
#include "core/training/folderdataset.h"
#include "core/training/labelsdataset.h"
#include "core/training/networkstats.h"
#include "core/training/scenedataset.h"

#include <QDir>
#include <QLoggingCategory>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <thread>

Q_DECLARE_LOGGING_CATEGORY(lcExperiment)

namespace tg::training {

namespace {

// SplitMix64: spreads (experiment seed, candidate index) over 64 bits.
std::uint64_t candidateSeed(std::uint64_t seed, int candidate)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(candidate + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

bool isFinal(CandidateStatus status)
{
    return status == CandidateStatus::Done || status == CandidateStatus::Diverged;
}

// The fields that must match for a run to continue an earlier one; the
// device and the worker count may change between runs.
std::string resumableJson(ExperimentConfig config)
{
    config.device = DeviceChoice::Auto;
    config.workers = 0;
    return toExperimentConfigJson(config);
}

// Lists the settings in which two configuration JSON texts differ, as
// dotted paths with both values, such as "schedule.maxSteps (saved 100,
// given 200)".
QString configurationDifferences(const std::string& saved, const std::string& given)
{
    const nlohmann::json savedJson = nlohmann::json::parse(saved, nullptr, false);
    const nlohmann::json givenJson = nlohmann::json::parse(given, nullptr, false);
    if (savedJson.is_discarded() || givenJson.is_discarded())
        return {};
    QStringList differences;
    for (const nlohmann::json& operation : nlohmann::json::diff(savedJson, givenJson)) {
        const std::string path = operation.at("path").get<std::string>();
        const nlohmann::json::json_pointer pointer(path);
        const std::string savedValue =
            savedJson.contains(pointer) ? savedJson.at(pointer).dump() : "none";
        const std::string givenValue =
            givenJson.contains(pointer) ? givenJson.at(pointer).dump() : "none";
        QString name = QString::fromStdString(path.substr(1));
        name.replace(QLatin1Char('/'), QLatin1Char('.'));
        differences << QStringLiteral("%1 (saved %2, given %3)")
                           .arg(name, QString::fromStdString(savedValue),
                                QString::fromStdString(givenValue));
    }
    return differences.join(QStringLiteral(", "));
}

// Returns why training cannot run on batches of the given size, or an empty string.
// Batch norm in training mode needs more than one value per channel, so a batch of one image
// fails where a layer's output is 1x1 pixels (the encoder's output at image size 16) and gives
// per-image statistics elsewhere. The check therefore requires 2 images at every image size.
// Training draws only full batches of min(batchSize, train images) images, and evaluation runs
// in eval mode, where a last batch of one image is fine.
QString trainingBatchProblem(std::int64_t trainImages, int batchSize)
{
    if (trainImages < 2) {
        return QStringLiteral("the train split has %1 image%2, but batch norm needs at least 2 "
                              "images per training batch; assign at least 2 images to the "
                              "train split")
            .arg(trainImages)
            .arg(trainImages == 1 ? QString() : QStringLiteral("s"));
    }
    if (batchSize < 2) {
        return QStringLiteral("schedule.batchSize is %1, but batch norm needs at least 2 images "
                              "per training batch; set batchSize to 2 or more")
            .arg(batchSize);
    }
    return {};
}

} // namespace

ExperimentRunnerPrivate::ExperimentRunnerPrivate(ExperimentRunner* runner) : q(runner)
{}

ExperimentRunnerPrivate::~ExperimentRunnerPrivate()
{
    cancel();
    wait();
}

void ExperimentRunnerPrivate::wait()
{
    if (m_coordinator)
        m_coordinator->wait();
}

std::vector<LossSample> ExperimentRunnerPrivate::takeSamples()
{
    std::lock_guard<std::mutex> lock(m_sampleMutex);
    std::vector<LossSample> taken;
    taken.swap(m_samples);
    return taken;
}

bool ExperimentRunnerPrivate::prepare(const ExperimentConfig& config, const QString& folder,
                                      bool resume, QString* error)
{
    m_config = config;
    m_folder = QDir(folder).absolutePath();
    if (config.imageSize % 16 != 0) {
        *error =
            QStringLiteral("imageSize %1 is invalid; use a multiple of 16").arg(config.imageSize);
        return false;
    }
    const DeviceInfo device = deviceInfo();
    m_cuda = config.device != DeviceChoice::Cpu && device.cudaAvailable;
    if (config.device == DeviceChoice::Cuda && !device.cudaAvailable) {
        *error = QStringLiteral("device \"cuda\" was requested but LibTorch sees no CUDA device; "
                                "use \"auto\" or \"cpu\"");
        return false;
    }
    m_plan = planCandidates(config);
    const int cores = std::max(1, QThread::idealThreadCount());
    const int available = m_cuda ? device.cudaDeviceCount : cores;
    m_workers = config.workers > 0 ? std::min(config.workers, available) : available;
    m_workers = std::max(1, std::min<int>(m_workers, static_cast<int>(m_plan.size())));
    m_threads = std::max(1, cores / m_workers);

    m_results.torchVersion = device.torchVersion;
    m_results.qtVersion = qVersion();
    m_results.device = m_cuda ? device.description : "CPU (" + std::to_string(cores) + " cores)";
    m_results.strategy = strategyName(config.strategy);
    m_results.seed = config.seed;
    m_results.workers = m_workers;
    m_results.threadsPerWorker = m_threads;
    m_results.tasks = config.tasks;
    for (size_t i = 0; i < m_plan.size(); ++i) {
        const PlannedCandidate& planned = m_plan[i];
        CandidateRecord record;
        record.name = planned.name;
        for (int task : planned.tasks)
            record.tasks.push_back(config.tasks[task]);
        record.halfSize = planned.halfSize;
        record.width = planned.width;
        record.costSnt = costToSnt(planned.cost);
        record.seed = candidateSeed(config.seed, static_cast<int>(i));
        m_results.candidates.push_back(record);

        CandidateInfo info;
        info.index = static_cast<int>(i);
        info.name = QString::fromStdString(record.name);
        for (const std::string& task : record.tasks)
            info.tasks.append(QString::fromStdString(task));
        info.width = record.width;
        info.costSnt = record.costSnt;
        info.halfSize = record.halfSize;
        m_infos.append(info);
    }
    m_liveSteps.assign(m_plan.size(), 0);
    return resume ? loadEarlierRun(error) : createFolder(error);
}

bool ExperimentRunnerPrivate::createFolder(QString* error)
{
    QDir dir(m_folder);
    if (dir.exists() && !dir.isEmpty()) {
        *error = m_folder + QStringLiteral(": the experiment folder is not empty; choose a new "
                                           "folder, or resume the run in it");
        return false;
    }
    m_createdFolder = !dir.exists();
    if (!QDir().mkpath(m_folder)) {
        *error = m_folder + QStringLiteral(": cannot create the experiment folder");
        return false;
    }
    m_freshRun = true;
    std::lock_guard<std::mutex> lock(m_mutex);
    return writeTextFile(configPath(m_folder), toExperimentConfigJson(m_config), error) &&
           writeTextFile(resultsPath(m_folder), resultsToJson(m_results), error);
}

bool ExperimentRunnerPrivate::loadEarlierRun(QString* error)
{
    std::string text;
    if (!readTextFile(configPath(m_folder), &text, error))
        return false;
    const ExperimentConfigResult saved =
        parseExperimentConfig(text, configPath(m_folder).toStdString());
    if (!saved) {
        *error = QString::fromStdString(saved.error);
        return false;
    }
    const std::string savedText = resumableJson(*saved.config);
    const std::string givenText = resumableJson(m_config);
    if (savedText != givenText) {
        *error = configPath(m_folder) +
                 QStringLiteral(": the configuration differs from the one given in ") +
                 configurationDifferences(savedText, givenText) +
                 QStringLiteral("; resume with the saved configuration or start a new folder");
        return false;
    }
    if (!readTextFile(resultsPath(m_folder), &text, error))
        return false;
    std::string message;
    const auto earlier = resultsFromJson(text, &message);
    if (!earlier || earlier->candidates.size() != m_results.candidates.size()) {
        *error = resultsPath(m_folder) + QStringLiteral(": invalid results file: ") +
                 QString::fromStdString(earlier ? "it lists other candidates" : message);
        return false;
    }
    for (size_t i = 0; i < m_plan.size(); ++i) {
        CandidateRecord record = earlier->candidates[i];
        if (record.name != m_results.candidates[i].name) {
            *error = resultsPath(m_folder) + QStringLiteral(": candidate %1 is '%2', expected "
                                                            "'%3'")
                                                 .arg(i)
                                                 .arg(QString::fromStdString(record.name),
                                                      QString::fromStdString(m_plan[i].name));
            return false;
        }
        if (!isFinal(record.status) && record.status != CandidateStatus::EarlyDone)
            record.status = CandidateStatus::Queued;
        m_results.candidates[i] = record;
        m_liveSteps[i] = record.step;
    }
    m_results.phase = earlier->phase == "complete" ? "train" : earlier->phase;
    m_results.chosen = earlier->chosen;
    return true;
}

void ExperimentRunnerPrivate::launch()
{
    m_running = true;
    m_clock.start();
    m_coordinator.reset(QThread::create([this] { run(); }));
    m_coordinator->start();
}

void ExperimentRunnerPrivate::run()
{
    QString error;
    Q_EMIT q->candidatesPlanned(m_infos);
    for (int i = 0; i < m_infos.size(); ++i)
        Q_EMIT q->candidateStatusChanged(i, m_results.candidates[i].status);

    bool ok = openDataset(&error);
    if (!ok && m_freshRun)
        removeFreshFiles();
    recordNetworkStats();
    if (ok && m_config.strategy == Strategy::EarlyStop) {
        if (m_results.phase == "train") {
            const std::int64_t early = std::max<std::int64_t>(
                1, std::llround(m_config.earlyStopFraction * double(m_stepsPerEpoch)));
            runPhase(pending(false), early);
            ok = !m_cancel && chooseAfterEarlyCheck(&error);
        }
        if (ok)
            runPhase(pending(true), -1);
    } else if (ok) {
        runPhase(pending(false), -1);
    }

    QStringList written;
    if (ok && !m_cancel) {
        std::lock_guard<std::mutex> lock(m_mutex);
        ok = writeExperimentTables(m_folder, m_results, m_config.strategy, &written, &error);
        if (ok) {
            m_results.phase = "complete";
            saveResultsLocked();
        }
    }
    m_dataset.reset();
    m_running = false;
    if (m_cancel) {
        Q_EMIT q->finished(false, QStringLiteral("cancelled; resume to continue from the last "
                                                 "checkpoints in ") +
                                      m_folder);
    } else if (!ok) {
        // finished() hands the error to the caller, which shows it once.
        qCDebug(lcExperiment).noquote() << error;
        Q_EMIT q->finished(false, error);
    } else {
        reportProgress(true);
        Q_EMIT q->finished(true, QStringLiteral("wrote ") + written.join(QStringLiteral(", ")));
    }
}

// A dataset that fails its checks leaves nothing behind, so the corrected
// command can run on the same folder.
void ExperimentRunnerPrivate::removeFreshFiles()
{
    QFile::remove(configPath(m_folder));
    QFile::remove(resultsPath(m_folder));
    if (m_createdFolder)
        QDir().rmdir(m_folder);
}

bool ExperimentRunnerPrivate::openDataset(QString* error)
{
    std::string message;
    if (m_config.dataset.kind == DatasetKind::Scenes) {
        SceneDatasetConfig scenes;
        scenes.seed = m_config.dataset.seed;
        scenes.imageSize = m_config.imageSize;
        scenes.trainSize = m_config.dataset.trainSize;
        scenes.validationSize = m_config.dataset.validationSize;
        scenes.testSize = m_config.dataset.testSize;
        m_dataset = makeSceneDataset(scenes, m_config.tasks, &message);
    } else if (m_config.dataset.kind == DatasetKind::Labels) {
        FolderDatasetOptions options;
        options.imageSize = m_config.imageSize;
        options.classCounts = m_config.dataset.classes;
        m_dataset =
            openLabelsDataset(m_config.dataset.path, m_config.dataset.labels,
                              m_config.dataset.partition, m_config.tasks, options, &message);
    } else {
        FolderDatasetOptions options;
        options.imageSize = m_config.imageSize;
        options.classCounts = m_config.dataset.classes;
        m_dataset = openFolderDataset(m_config.dataset.path, m_config.tasks, options, &message);
    }
    if (!m_dataset) {
        *error = QString::fromStdString(message);
        return false;
    }
    *error = trainingBatchProblem(m_dataset->size(Split::Train), m_config.schedule.batchSize);
    if (!error->isEmpty()) {
        m_dataset.reset();
        return false;
    }
    if (const std::string resized = m_dataset->resizeNote(); !resized.empty())
        postMessage(QString::fromStdString(resized));
    const std::int64_t batch =
        std::min<std::int64_t>(m_config.schedule.batchSize, m_dataset->size(Split::Train));
    m_stepsPerEpoch = std::max<std::int64_t>(1, m_dataset->size(Split::Train) / batch);
    return true;
}

// Runs before any worker starts: counting builds networks, which draws from
// LibTorch's global generator and would disturb the seeded initialisation of
// a network built at the same time. Without an open dataset (it failed to
// open) only built-in task names can be counted.
void ExperimentRunnerPrivate::recordNetworkStats()
{
    for (size_t i = 0; i < m_plan.size(); ++i) {
        CandidateRecord& record = m_results.candidates[i];
        NetworkStats stats;
        if (m_dataset) {
            std::vector<TaskSpec> tasks;
            for (const int task : m_plan[i].tasks)
                tasks.push_back(m_dataset->tasks()[static_cast<std::size_t>(task)]);
            stats = networkStats(tasks, record.width, m_config.imageSize);
        } else {
            stats = networkStats(record.tasks, record.width, m_config.imageSize);
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        record.parameters = stats.parameters;
        record.multiplyAdds = stats.multiplyAdds;
    }
}

std::vector<int> ExperimentRunnerPrivate::pending(bool includeEarlyDone) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<int> indices;
    for (size_t i = 0; i < m_results.candidates.size(); ++i) {
        const CandidateRecord& record = m_results.candidates[i];
        if (isFinal(record.status))
            continue;
        if (record.status == CandidateStatus::EarlyDone &&
            (!includeEarlyDone || std::find(m_results.chosen.begin(), m_results.chosen.end(),
                                            record.name) == m_results.chosen.end()))
            continue;
        indices.push_back(static_cast<int>(i));
    }
    return indices;
}

std::int64_t ExperimentRunnerPrivate::plannedSteps(int) const
{
    const std::int64_t cap = std::min<std::int64_t>(m_config.schedule.maxSteps,
                                                    m_stepsPerEpoch * m_config.schedule.maxEpochs);
    return m_phaseStopAtStep > 0 ? std::min(cap, m_phaseStopAtStep) : cap;
}

void ExperimentRunnerPrivate::runPhase(const std::vector<int>& candidates, std::int64_t stopAtStep)
{
    m_phaseStopAtStep = stopAtStep;
    Q_EMIT q->stepLimit(plannedSteps(0));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_phaseCandidates = candidates;
        m_stepsAtStart = -1;
    }
    std::deque<int> queue(candidates.begin(), candidates.end());
    std::vector<std::thread> workers;
    const int count = std::min<int>(m_workers, static_cast<int>(candidates.size()));
    for (int worker = 0; worker < count; ++worker)
        workers.emplace_back(
            [this, worker, &queue, stopAtStep] { workerLoop(worker, &queue, stopAtStep); });
    for (std::thread& worker : workers)
        worker.join();
}

void ExperimentRunnerPrivate::workerLoop(int worker, std::deque<int>* queue,
                                         std::int64_t stopAtStep)
{
    while (!m_cancel) {
        int candidate = -1;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (queue->empty())
                return;
            candidate = queue->front();
            queue->pop_front();
        }
        trainCandidate(candidate, worker, stopAtStep);
    }
}

} // namespace tg::training
