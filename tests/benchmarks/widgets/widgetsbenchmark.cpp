// Measures the live loss plot and the budget slider on the offscreen
// platform and prints median and maximum times in milliseconds.
#include "widgets/budgetpanel.h"
#include "widgets/groupinggraphwidget.h"
#include "widgets/lossplotwidget.h"
#include "widgettestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSlider>
#include <QTextStream>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <qcustomplot.h>
#include <thread>
#include <vector>

using namespace tg;

namespace {

struct Summary
{
    double median = 0.0;
    double max = 0.0;
    std::size_t samples = 0;
};

Summary summarize(std::vector<double> milliseconds)
{
    Summary summary;
    if (milliseconds.empty())
        return summary;
    std::sort(milliseconds.begin(), milliseconds.end());
    summary.samples = milliseconds.size();
    summary.median = milliseconds[milliseconds.size() / 2];
    summary.max = milliseconds.back();
    return summary;
}

void print(const char* what, const Summary& summary)
{
    std::printf("%-58s median %8.2f ms  max %8.2f ms  (%zu samples)\n", what, summary.median,
                summary.max, summary.samples);
}

double elapsedMs(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread: unlike wall time it does not grow when
// other processes share the cores.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double syntheticLoss(int curve, int step)
{
    return 0.3 + 0.01 * curve + std::exp(-step / (800.0 + 50.0 * curve)) +
           0.02 * std::sin(step * 0.37 + curve);
}

// Appends `pointsPerCurve` points to each curve through the buffer, then
// drains and replots once; repeats the increment as a live run would.
void benchmarkLossPlot(int curves, int pointsPerCurve, bool bothSplits)
{
    LossPlotWidget widget;
    widget.resize(1280, 800);
    widget.show();
    QApplication::processEvents();
    auto buffer = std::make_shared<LossCurveBuffer>();
    widget.setBuffer(buffer);
    widget.setRefreshInterval(1'000'000); // drained by hand below

    const int splits = bothSplits ? 2 : 1;
    auto appendRange = [&](int from, int to) {
        for (int c = 0; c < curves; ++c) {
            const QString name = QStringLiteral("net%1").arg(c);
            for (int s = 0; s < splits; ++s) {
                const LossCurveId id{name, s == 0 ? LossSplit::Validation : LossSplit::Training,
                                     QString()};
                QVector<double> steps;
                QVector<double> losses;
                for (int step = from; step < to; ++step) {
                    steps.append(step);
                    losses.append(syntheticLoss(c + s, step));
                }
                buffer->append(id, steps, losses);
            }
        }
    };

    QElapsedTimer timer;
    timer.start();
    appendRange(0, pointsPerCurve);
    widget.drainBuffer();
    widget.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const double firstMs = elapsedMs(timer);

    // Live increments: 25 new points per curve per 40 ms tick.
    std::vector<double> increments;
    std::vector<double> incrementCpu;
    std::vector<double> replots;
    std::vector<double> replotCpu;
    int step = pointsPerCurve;
    for (int tick = 0; tick < 40; ++tick) {
        timer.restart();
        const double cpuStart = threadCpuMs();
        appendRange(step, step + 25);
        widget.drainBuffer();
        widget.plot()->replot(QCustomPlot::rpImmediateRefresh);
        increments.push_back(elapsedMs(timer));
        incrementCpu.push_back(threadCpuMs() - cpuStart);
        step += 25;
    }
    for (int i = 0; i < 40; ++i) {
        timer.restart();
        const double cpuStart = threadCpuMs();
        widget.plot()->replot(QCustomPlot::rpImmediateRefresh);
        replots.push_back(elapsedMs(timer));
        replotCpu.push_back(threadCpuMs() - cpuStart);
    }

    const int totalCurves = curves * splits;
    std::printf("loss plot: %d curves x %d points, 1280x800 offscreen\n", totalCurves,
                pointsPerCurve);
    std::printf("%-58s %8.2f ms\n", "  append all + drain + one replot", firstMs);
    print("  tick: append 25 points/curve + drain + replot", summarize(increments));
    print("    same, thread CPU time", summarize(incrementCpu));
    print("  replot only", summarize(replots));
    print("    same, thread CPU time", summarize(replotCpu));
}

void benchmarkSlider(int taskCount, int rounds)
{
    auto table = std::make_shared<const CandidateTable>(test::syntheticTable(taskCount));
    std::printf("slider: %d tasks, %zu networks, computing the Pareto front\n", taskCount,
                table->networks.size());
    // The front is input here, not what is measured: stop its search after a
    // time limit and use the solutions found so far.
    std::atomic_bool cancel{false};
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::thread watchdog([&] {
        std::unique_lock<std::mutex> lock(mutex);
        if (!finished.wait_for(lock, std::chrono::seconds(120), [&] { return done; }))
            cancel = true;
    });
    QElapsedTimer timer;
    timer.start();
    std::vector<Solution> front = paretoFront(*table, {}, &cancel);
    const double frontMs = elapsedMs(timer);
    {
        std::lock_guard<std::mutex> lock(mutex);
        done = true;
    }
    finished.notify_one();
    watchdog.join();
    if (cancel)
        std::printf("  NOTE: front search stopped after 120 s; it may not be optimal\n");

    BudgetPanel panel;
    GroupingGraphWidget graph;
    graph.setTable(table);
    QObject::connect(&panel, &BudgetPanel::solutionChanged, &graph,
                     &GroupingGraphWidget::setSolution);
    panel.resize(700, 400);
    graph.resize(900, 360);
    panel.show();
    graph.show();
    panel.setFront(table, std::move(front));
    QApplication::processEvents();

    // One slider step moves the budget, updates the panel's tables, rebuilds
    // the graph model and repaints the graph synchronously.
    QSlider* slider = panel.slider();
    std::vector<double> moves;
    std::vector<double> graphCpu;
    std::vector<double> graphOnly;
    std::vector<double> withPanel;
    for (int round = 0; round < rounds; ++round) {
        for (int position = slider->minimum(); position <= slider->maximum(); ++position) {
            timer.restart();
            const double cpuStart = threadCpuMs();
            slider->setValue(position);
            moves.push_back(elapsedMs(timer));
            graph.repaint();
            graphOnly.push_back(elapsedMs(timer));
            graphCpu.push_back(threadCpuMs() - cpuStart);
            panel.repaint();
            withPanel.push_back(elapsedMs(timer));
            QApplication::processEvents();
        }
    }

    std::printf("  front of %zu solutions computed in %.1f ms, %d slider positions\n",
                panel.front().size(), frontMs, slider->maximum() - slider->minimum() + 1);
    print("  slider move (solution, panel text, graph model)", summarize(moves));
    print("  slider move to redrawn graph", summarize(graphOnly));
    print("    same, thread CPU time", summarize(graphCpu));
    print("  slider move to redrawn graph and panel", summarize(withPanel));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("platform %s\n", qPrintable(QGuiApplication::platformName()));
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    auto selected = [&arguments](const char* name) {
        return arguments.isEmpty() || arguments.contains(QLatin1String(name));
    };
    if (selected("losses")) {
        benchmarkLossPlot(36, 10'000, false);
        benchmarkLossPlot(36, 10'000, true);
    }
    if (selected("slider5"))
        benchmarkSlider(5, 20);
    if (selected("slider10"))
        benchmarkSlider(10, 5);
    return 0;
}
