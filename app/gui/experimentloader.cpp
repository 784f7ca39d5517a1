#include "app/gui/experimentloader.h"

#include "app/gui/curvestore.h"
#include "core/experimentplan.h"
#include "core/training/experimenttables.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tg {

namespace {

QVector<training::CandidateInfo> plannedInfo(const ExperimentConfig& config)
{
    QVector<training::CandidateInfo> infos;
    for (const PlannedCandidate& planned : planCandidates(config)) {
        training::CandidateInfo info;
        info.index = infos.size();
        info.name = QString::fromStdString(planned.name);
        for (int task : planned.tasks)
            info.tasks << QString::fromStdString(config.tasks[task]);
        info.width = planned.width;
        info.costSnt = costToSnt(planned.cost);
        info.halfSize = planned.halfSize;
        infos << info;
    }
    return infos;
}

training::CandidateInfo recordInfo(const training::CandidateRecord& record, int index)
{
    training::CandidateInfo info;
    info.index = index;
    info.name = QString::fromStdString(record.name);
    for (const std::string& task : record.tasks)
        info.tasks << QString::fromStdString(task);
    info.width = record.width;
    info.costSnt = record.costSnt;
    info.halfSize = record.halfSize;
    return info;
}

std::optional<double> meanOf(const std::vector<double>& values)
{
    if (values.empty())
        return std::nullopt;
    double sum = 0.0;
    for (double value : values)
        sum += value;
    return sum / static_cast<double>(values.size());
}

bool isFinished(training::CandidateStatus status)
{
    using training::CandidateStatus;
    return status == CandidateStatus::Done || status == CandidateStatus::EarlyDone ||
           status == CandidateStatus::Diverged;
}

void fillFromResults(LoadedExperiment& experiment)
{
    const training::ExperimentResults& results = *experiment.results;
    experiment.candidates.clear();
    for (const training::CandidateRecord& record : results.candidates) {
        experiment.candidates << recordInfo(record, experiment.candidates.size());
        experiment.statuses << record.status;
        experiment.steps << record.step;
        experiment.bestLosses << meanOf(record.validationLosses);
        if (isFinished(record.status))
            ++experiment.finishedCount;
    }
    experiment.complete = results.phase == "complete";
}

// Prefers the tables the runner wrote at the end; while a run is unfinished,
// builds one from the candidates finished so far.
void loadTable(const QString& folder, LoadedExperiment& experiment)
{
    const QStringList names =
        experiment.config.strategy == Strategy::HigherOrder
            ? QStringList{QStringLiteral("higher-order-val.csv"), QStringLiteral("val.csv")}
            : QStringList{QStringLiteral("val.csv")};
    for (const QString& name : names) {
        const QString path = QDir(folder).filePath(name);
        if (!QFileInfo::exists(path))
            continue;
        TableReadResult read = readCandidateTable(path.toStdString());
        if (!read) {
            experiment.tableProblem = QString::fromStdString(read.error);
            return;
        }
        experiment.table = std::make_shared<const CandidateTable>(std::move(*read.table));
        experiment.tableSource = path;
        return;
    }
    if (!experiment.results) {
        experiment.tableProblem = QObject::tr("No candidate has finished training yet.");
        return;
    }
    std::string error;
    std::optional<CandidateTable> built = training::buildCandidateTable(
        *experiment.results, training::TableLosses::Validation, {}, &error);
    if (!built) {
        experiment.tableProblem = QString::fromStdString(error);
        return;
    }
    experiment.table = std::make_shared<const CandidateTable>(std::move(*built));
    experiment.tableSource = training::resultsPath(folder);
}

void loadApproximations(const QString& folder, LoadedExperiment& experiment)
{
    const QString path = QDir(folder).filePath(QStringLiteral("early-stop.csv"));
    if (!QFileInfo::exists(path))
        return;
    TableReadResult read = readCandidateTable(path.toStdString());
    if (!read) {
        experiment.tableProblem = QString::fromStdString(read.error);
        return;
    }
    experiment.approximations.push_back(
        {QObject::tr("Early stop"),
         std::make_shared<const CandidateTable>(std::move(*read.table))});
}

} // namespace

std::optional<LoadedExperiment> loadExperimentFolder(const QString& folder, QString* error)
{
    const QString config = training::configPath(folder);
    if (!QFileInfo::exists(config)) {
        *error = QObject::tr("%1 is not an experiment folder: it has no config.json. Open a "
                             "folder created by TaskGrouper, or a candidate table file.")
                     .arg(QDir::toNativeSeparators(folder));
        return std::nullopt;
    }
    ExperimentConfigResult parsed = readExperimentConfig(config.toStdString());
    if (!parsed) {
        *error = QString::fromStdString(parsed.error);
        return std::nullopt;
    }

    LoadedExperiment experiment;
    experiment.config = std::move(*parsed.config);
    const QString results = training::resultsPath(folder);
    if (QFileInfo::exists(results)) {
        std::string text;
        QString readError;
        if (!training::readTextFile(results, &text, &readError)) {
            *error = readError;
            return std::nullopt;
        }
        std::string parseError;
        experiment.results = training::resultsFromJson(text, &parseError);
        if (!experiment.results) {
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(results),
                                                  QString::fromStdString(parseError));
            return std::nullopt;
        }
        fillFromResults(experiment);
    } else {
        experiment.candidates = plannedInfo(experiment.config);
        experiment.statuses.fill(training::CandidateStatus::Queued, experiment.candidates.size());
        experiment.steps.fill(0, experiment.candidates.size());
        experiment.bestLosses.resize(experiment.candidates.size());
    }
    loadTable(folder, experiment);
    loadApproximations(folder, experiment);
    return experiment;
}

bool loadCurveFile(const QString& path, const QString& candidate, CurveStore& store, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QObject::tr("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    const QList<QByteArray> header = file.readLine().trimmed().split(',');
    if (header.size() < 3 || header[0] != "step" || header[1] != "train_loss") {
        *error = QObject::tr("%1, line 1: expected the header step,train_loss,val_...,val_total")
                     .arg(path);
        return false;
    }

    QVector<double> trainSteps, trainLosses;
    std::vector<QVector<double>> valSteps(header.size() - 2), valLosses(header.size() - 2);
    int line = 1;
    while (!file.atEnd()) {
        const QByteArray row = file.readLine().trimmed();
        ++line;
        if (row.isEmpty())
            continue;
        const QList<QByteArray> cells = row.split(',');
        bool ok = false;
        const double step = cells[0].toDouble(&ok);
        if (!ok || cells.size() != header.size()) {
            *error = QObject::tr("%1, line %2: invalid row '%3'; expected %4 comma-separated "
                                 "values starting with the step")
                         .arg(path)
                         .arg(line)
                         .arg(QString::fromUtf8(row))
                         .arg(header.size());
            return false;
        }
        if (const double loss = cells[1].toDouble(&ok); ok) {
            trainSteps << step;
            trainLosses << loss;
        }
        for (qsizetype c = 2; c < cells.size(); ++c) {
            if (const double loss = cells[c].toDouble(&ok); ok) {
                valSteps[c - 2] << step;
                valLosses[c - 2] << loss;
            }
        }
    }

    store.append({candidate, LossSplit::Training, QString()}, trainSteps, trainLosses);
    for (qsizetype c = 2; c < header.size(); ++c) {
        const QByteArray name = header[c];
        // The last column, val_total, is the curve of the whole network.
        const QString task = c + 1 == header.size() ? QString() : QString::fromUtf8(name.mid(4));
        store.append({candidate, LossSplit::Validation, task}, valSteps[c - 2], valLosses[c - 2]);
    }
    return true;
}

bool loadExperimentCurves(const QString& folder, const LoadedExperiment& experiment,
                          CurveStore& store, QString* error)
{
    for (const training::CandidateInfo& info : experiment.candidates) {
        const QString path = training::curvePath(folder, info.name.toStdString());
        if (QFileInfo::exists(path) && !loadCurveFile(path, info.name, store, error))
            return false;
    }
    return true;
}

} // namespace tg
