#include "app/gui/curvestore.h"

#include <cmath>

namespace tg {

void CurveStore::append(const LossCurveId& id, double step, double loss)
{
    if (!std::isfinite(step) || !std::isfinite(loss))
        return;
    Points& points = m_curves[id];
    points.steps << step;
    points.losses << loss;
}

void CurveStore::append(const LossCurveId& id, const QVector<double>& steps,
                        const QVector<double>& losses)
{
    const qsizetype count = std::min(steps.size(), losses.size());
    for (qsizetype i = 0; i < count; ++i)
        append(id, steps[i], losses[i]);
}

void CurveStore::clear()
{
    m_curves.clear();
}

qsizetype CurveStore::pointCount() const
{
    qsizetype count = 0;
    for (const auto& [id, points] : m_curves)
        count += points.steps.size();
    return count;
}

void CurveStore::copyTo(LossCurveBuffer& buffer) const
{
    for (const auto& [id, points] : m_curves)
        buffer.append(id, points.steps, points.losses);
}

QString CurveStore::toCsv() const
{
    QString csv = QStringLiteral("network,split,task,step,loss\n");
    for (const auto& [id, points] : m_curves) {
        const QString prefix =
            QStringLiteral("%1,%2,%3,")
                .arg(id.candidate,
                     id.split == LossSplit::Training ? QStringLiteral("train")
                                                     : QStringLiteral("validation"),
                     id.task);
        for (qsizetype i = 0; i < points.steps.size(); ++i) {
            csv += prefix + QString::number(points.steps[i], 'g', 12) + QLatin1Char(',') +
                   QString::number(points.losses[i], 'g', 9) + QLatin1Char('\n');
        }
    }
    return csv;
}

} // namespace tg
