#pragma once

#include "app/gui/userprompts.h"
#include "core/candidatetable.h"
#include "core/experimentplan.h"
#include "core/training/experimentstore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <cmath>

namespace tg::test {

// Records every message instead of showing a modal dialog and answers each
// question with `answer`.
class RecordingPrompts : public UserPrompts
{
public:
    struct Record
    {
        QString title;
        QString text;
    };

    QList<Record> errors;
    QList<Record> informations;
    QList<Record> questions;
    QMessageBox::StandardButton answer = QMessageBox::No;
    // Returned by saveFileName(); empty cancels.
    QString savePath;

    void showError(QWidget*, const QString& title, const QString& text) override
    {
        errors << Record{title, text};
    }
    void showInformation(QWidget*, const QString& title, const QString& text) override
    {
        informations << Record{title, text};
    }
    QMessageBox::StandardButton ask(QWidget*, const QString& title, const QString& text,
                                    QMessageBox::StandardButtons,
                                    QMessageBox::StandardButton) override
    {
        questions << Record{title, text};
        return answer;
    }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override
    {
        return savePath;
    }
};

// Three tasks, every non-empty subset at full size plus a half-size network
// per task: the candidate set of a three-task experiment.
inline const char* kThreeTaskTable = "network,cost,s,d,n\n"
                                     "s,1,0.40,,\n"
                                     "d,1,,0.30,\n"
                                     "n,1,,,0.50\n"
                                     "sd,1,0.35,0.32,\n"
                                     "sn,1,0.42,,0.45\n"
                                     "dn,1,,0.28,0.47\n"
                                     "sdn,1,0.38,0.31,0.44\n"
                                     "s-half,0.5,0.48,,\n"
                                     "d-half,0.5,,0.36,\n"
                                     "n-half,0.5,,,0.58\n";

inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return path;
}

// Points QSettings and QStandardPaths at `dir`, so tests never touch the
// user's configuration.
inline void isolateSettings(const QTemporaryDir& dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings().clear();
}

// Writes a finished three-task experiment folder as the runner leaves it:
// config.json, results.json, val.csv (kThreeTaskTable) and one curve file per
// candidate with `points` training rows and a validation row every tenth.
// Returns the folder, or an empty string when a file could not be written.
inline QString writeExperimentFolder(const QTemporaryDir& dir, const QString& name, int points,
                                     bool complete = true)
{
    const QString folder = dir.filePath(name);
    if (!QDir().mkpath(folder + QStringLiteral("/curves")))
        return {};
    ExperimentConfig config = *experimentPreset("demo", {"s", "d", "n"});
    config.imageSize = 16;
    QString error;
    if (!training::writeTextFile(training::configPath(folder), toExperimentConfigJson(config),
                                 &error))
        return {};
    const CandidateTable table = *parseCandidateCsv(kThreeTaskTable, "three").table;

    training::ExperimentResults results;
    results.strategy = "exhaustive";
    results.phase = complete ? "complete" : "train";
    results.tasks = config.tasks;
    int index = 0;
    for (const PlannedCandidate& planned : planCandidates(config)) {
        training::CandidateRecord record;
        record.name = planned.name;
        for (int task : planned.tasks)
            record.tasks.push_back(config.tasks[task]);
        record.halfSize = planned.halfSize;
        record.width = planned.width;
        record.costSnt = costToSnt(planned.cost);
        const bool finished = complete || index % 2 == 0;
        record.status =
            finished ? training::CandidateStatus::Done : training::CandidateStatus::Cancelled;
        record.step = points;
        record.bestStep = points;
        const Network& row = table.networks[table.networkIndex(planned.name)];
        for (int task : planned.tasks)
            record.validationLosses.push_back(row.losses[task]);
        record.testLosses = record.validationLosses;
        results.candidates.push_back(record);

        QString csv = QStringLiteral("step,train_loss");
        for (const std::string& task : record.tasks)
            csv += QStringLiteral(",val_") + QString::fromStdString(task);
        csv += QStringLiteral(",val_total\n");
        for (int step = 1; step <= points; ++step) {
            const double base = 0.3 + 0.05 * index;
            const double loss = base + 1.5 * std::exp(-step / 40.0) + 0.02 * std::sin(step);
            csv += QStringLiteral("%1,%2").arg(step).arg(loss) +
                   QString(int(record.tasks.size()) + 1, QLatin1Char(',')) + QLatin1Char('\n');
            if (step % 10 == 0) {
                csv += QStringLiteral("%1,").arg(step);
                for (std::size_t t = 0; t < record.tasks.size(); ++t)
                    csv += QStringLiteral(",%1").arg(loss * (1.0 + 0.1 * t));
                csv += QStringLiteral(",%1\n").arg(loss * 1.05);
            }
        }
        if (!training::writeTextFile(training::curvePath(folder, planned.name), csv.toStdString(),
                                     &error))
            return {};
        ++index;
    }
    if (!training::writeTextFile(training::resultsPath(folder), training::resultsToJson(results),
                                 &error))
        return {};
    if (complete && writeFile(dir, name + QStringLiteral("/val.csv"), kThreeTaskTable).isEmpty())
        return {};
    return folder;
}

} // namespace tg::test
