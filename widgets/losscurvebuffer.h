#pragma once

#include <QString>
#include <QVector>
#include <cstdint>
#include <mutex>
#include <vector>

namespace tg {

// Which loss a curve shows.
enum class LossSplit
{
    Training,
    Validation,
};

// Identifies one loss curve: a candidate network, the split, and a task name,
// or an empty task for the total over the network's tasks.
struct LossCurveId
{
    QString candidate;
    LossSplit split = LossSplit::Validation;
    QString task;

    bool operator==(const LossCurveId& other) const;
    bool operator<(const LossCurveId& other) const;
};

// The points appended to one curve since the last takePending(), in append
// order. `sorted` is true when the steps never decrease.
struct LossCurveChunk
{
    LossCurveId id;
    QVector<double> steps;
    QVector<double> losses;
    bool sorted = true;
};

// A buffer between training workers and the loss plot. Workers append points
// from any thread; the GUI thread swaps out everything appended so far with
// takePending(). All members are thread-safe. Points whose step or loss is NaN
// or infinite are rejected and counted; they never reach the plot.
class LossCurveBuffer
{
public:
    // Appends one point. Returns false when the point was rejected.
    bool append(const LossCurveId& id, double step, double loss);

    // Appends several points of one curve under a single lock; `steps` and
    // `losses` must have the same length (extra entries of the longer one are
    // ignored). Returns the number of rejected points.
    int append(const LossCurveId& id, const QVector<double>& steps, const QVector<double>& losses);

    // Moves out every point appended since the previous call, one chunk per
    // curve in curve order.
    std::vector<LossCurveChunk> takePending();

    // Number of points rejected since construction because a value was NaN or
    // infinite.
    std::int64_t rejectedCount() const;

    // Number of points waiting for takePending().
    std::int64_t pendingCount() const;

private:
    LossCurveChunk& chunkFor(const LossCurveId& id);
    bool appendLocked(LossCurveChunk& chunk, double step, double loss);

    mutable std::mutex m_mutex;
    std::vector<LossCurveChunk> m_pending;
    std::int64_t m_rejected = 0;
    std::int64_t m_pendingPoints = 0;
};

} // namespace tg
