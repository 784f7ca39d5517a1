#include "cbcreference.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <cstdio>

namespace tg::benchmark {
namespace {

QString yName(std::size_t n, std::size_t t)
{
    return QStringLiteral("y_%1_%2").arg(n).arg(t);
}

QString number(double value)
{
    return QString::number(value, 'g', 17);
}

// One term per line: CBC's LP reader handles long models that way without
// relying on its line-length limits.
QByteArray lpModel(const CandidateTable& table, Cost budget)
{
    QString text;
    QTextStream out(&text);
    const std::size_t k = table.tasks.size();
    out << "Minimize\n obj:\n";
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        for (std::size_t t = 0; t < k; ++t) {
            if (table.networks[n].solves(t))
                out << " + " << number(table.networks[n].losses[t]) << ' ' << yName(n, t) << '\n';
        }
    }
    out << "Subject To\n";
    for (std::size_t t = 0; t < k; ++t) {
        out << " assign_" << t << ":\n";
        for (std::size_t n = 0; n < table.networks.size(); ++n) {
            if (table.networks[n].solves(t))
                out << " + " << yName(n, t) << '\n';
        }
        out << " = 1\n";
    }
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        for (std::size_t t = 0; t < k; ++t) {
            if (table.networks[n].solves(t))
                out << " link_" << n << '_' << t << ": " << yName(n, t) << " - x_" << n
                    << " <= 0\n";
        }
    }
    out << " budget:\n";
    for (std::size_t n = 0; n < table.networks.size(); ++n)
        out << " + " << number(costToSnt(table.networks[n].cost)) << " x_" << n << '\n';
    out << " <= " << number(costToSnt(budget)) << "\nBinary\n";
    for (std::size_t n = 0; n < table.networks.size(); ++n) {
        out << " x_" << n << '\n';
        for (std::size_t t = 0; t < k; ++t) {
            if (table.networks[n].solves(t))
                out << ' ' << yName(n, t) << '\n';
        }
    }
    out << "End\n";
    out.flush();
    return text.toUtf8();
}

double captureNumber(const QString& output, const QString& pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(output);
    return match.hasMatch() ? match.captured(1).toDouble() : -1.0;
}

} // namespace

CbcResult solveWithCbc(const CandidateTable& table, Cost budget, const QString& cbcPath,
                       const QString& workDir, int timeLimitSeconds)
{
    CbcResult result;
    const QString modelPath = workDir + QStringLiteral("/model.lp");
    QFile model(modelPath);
    if (!model.open(QIODevice::WriteOnly) || model.write(lpModel(table, budget)) < 0) {
        result.error = QStringLiteral("cannot write %1: %2").arg(modelPath, model.errorString());
        return result;
    }
    model.close();

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(cbcPath, {modelPath, QStringLiteral("-sec"), QString::number(timeLimitSeconds),
                            QStringLiteral("-solve"), QStringLiteral("-quit")});
    if (!process.waitForFinished(1000 * (timeLimitSeconds + 120))) {
        result.error = QStringLiteral("%1 did not finish: %2").arg(cbcPath, process.errorString());
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.wallSeconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    const QString output = QString::fromUtf8(process.readAll());

    result.ran = output.contains(QStringLiteral("Result - "));
    result.optimal = output.contains(QStringLiteral("Result - Optimal solution found"));
    result.stoppedOnTimeLimit = output.contains(QStringLiteral("Result - Stopped on time"));
    result.objective = captureNumber(output, QStringLiteral("Objective value:\\s+([-0-9.eE+]+)"));
    result.reportedSeconds =
        captureNumber(output, QStringLiteral("Result - [^\\n]*\\n[\\s\\S]*?Time \\(Wallclock "
                                             "seconds\\):\\s+([0-9.]+)"));
    if (!result.ran)
        result.error = QStringLiteral("unexpected output from %1:\n%2").arg(cbcPath, output);
    return result;
}

} // namespace tg::benchmark
