#pragma once

#include "widgets/losscurvebuffer.h"

#include <QString>
#include <QVector>
#include <map>

namespace tg {

// A copy of every loss point shown in the Training tab, kept for the CSV
// export (the plot keeps only what it draws). GUI thread only.
class CurveStore
{
public:
    void append(const LossCurveId& id, double step, double loss);
    void append(const LossCurveId& id, const QVector<double>& steps, const QVector<double>& losses);
    void clear();
    bool isEmpty() const { return m_curves.empty(); }
    qsizetype pointCount() const;
    // Appends every stored point to `buffer`, one chunk per curve.
    void copyTo(LossCurveBuffer& buffer) const;

    // Long-format CSV with the header network,split,task,step,loss; curves in
    // name order, points in append order, an empty task for totals.
    QString toCsv() const;

private:
    struct Points
    {
        QVector<double> steps;
        QVector<double> losses;
    };
    std::map<LossCurveId, Points> m_curves;
};

} // namespace tg
