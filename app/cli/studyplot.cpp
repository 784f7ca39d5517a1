#include "app/cli/studyplot.h"

#ifdef TASKGROUPER_CLI_PLOTS
#include "widgets/figureexport.h"
#include "widgets/tradeoffplotwidget.h"
#include "widgets/tradeoffseries.h"

#include <QApplication>
#include <QDir>
#include <cmath>
#include <map>
#endif

namespace tg::cli {

#ifdef TASKGROUPER_CLI_PLOTS

bool studyPlotsAvailable()
{
    return qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr;
}

bool writeStudyPlots(const StudyReport& report, const CandidateTable& exhaustiveTest,
                     const QString& folder, QStringList* written, QString* error)
{
    if (!studyPlotsAvailable())
        return true;
    std::vector<TradeoffSeries> series;
    std::map<std::string, size_t> byStrategy;
    std::vector<Cost> budgets;
    for (const StudyChoice& choice : report.choices) {
        if (budgets.empty() || budgets.back() != choice.budget)
            budgets.push_back(choice.budget);
        auto [entry, added] = byStrategy.emplace(choice.strategy, series.size());
        if (added) {
            TradeoffSeries strategy;
            strategy.name = QString::fromStdString(choice.strategy);
            strategy.kind =
                series.empty() ? TradeoffSeries::Kind::Exact : TradeoffSeries::Kind::Approximation;
            series.push_back(strategy);
        }
        if (choice.feasible && !std::isnan(choice.testLoss))
            series[entry->second].points.emplace_back(costToSnt(choice.budget), choice.testLoss);
    }
    std::vector<TradeoffSeries> baselines = baselineTradeoffSeries(exhaustiveTest, budgets);
    series.push_back(baselines[0]); // all in one
    series.push_back(baselines[1]); // independent

    TradeoffPlotWidget plot;
    plot.resize(900, 560);
    plot.setSeries(series);
    for (const char* name : {"study-tradeoff.svg", "study-tradeoff.pdf", "study-tradeoff.png"}) {
        const QString path = QDir(folder).filePath(QString::fromLatin1(name));
        if (!exportView(&plot, path, QSize(900, 560), error,
                        QStringLiteral("Test loss against budget per strategy")))
            return false;
        written->append(path);
    }
    return true;
}

#else

bool studyPlotsAvailable()
{
    return false;
}

bool writeStudyPlots(const StudyReport&, const CandidateTable&, const QString&, QStringList*,
                     QString*)
{
    return true;
}

#endif

} // namespace tg::cli
