#include "widgets/losscurvebuffer.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace tg {

bool LossCurveId::operator==(const LossCurveId& other) const
{
    return candidate == other.candidate && split == other.split && task == other.task;
}

bool LossCurveId::operator<(const LossCurveId& other) const
{
    return std::tie(candidate, split, task) < std::tie(other.candidate, other.split, other.task);
}

bool LossCurveBuffer::append(const LossCurveId& id, double step, double loss)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return appendLocked(chunkFor(id), step, loss);
}

int LossCurveBuffer::append(const LossCurveId& id, const QVector<double>& steps,
                            const QVector<double>& losses)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    LossCurveChunk& chunk = chunkFor(id);
    const qsizetype count = std::min(steps.size(), losses.size());
    int rejected = 0;
    for (qsizetype i = 0; i < count; ++i) {
        if (!appendLocked(chunk, steps[i], losses[i]))
            ++rejected;
    }
    return rejected;
}

std::vector<LossCurveChunk> LossCurveBuffer::takePending()
{
    std::vector<LossCurveChunk> taken;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        taken.swap(m_pending);
        m_pendingPoints = 0;
    }

    // Curves that only received rejected points leave empty chunks behind.
    taken.erase(std::remove_if(taken.begin(), taken.end(),
                               [](const LossCurveChunk& chunk) { return chunk.steps.isEmpty(); }),
                taken.end());
    return taken;
}

std::int64_t LossCurveBuffer::rejectedCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_rejected;
}

std::int64_t LossCurveBuffer::pendingCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_pendingPoints;
}

LossCurveChunk& LossCurveBuffer::chunkFor(const LossCurveId& id)
{
    // Sorted by id so that lookups are logarithmic and takePending() returns
    // curves in a stable order.
    auto it = std::lower_bound(
        m_pending.begin(), m_pending.end(), id,
        [](const LossCurveChunk& chunk, const LossCurveId& key) { return chunk.id < key; });
    if (it == m_pending.end() || !(it->id == id)) {
        LossCurveChunk chunk;
        chunk.id = id;
        it = m_pending.insert(it, std::move(chunk));
    }
    return *it;
}

bool LossCurveBuffer::appendLocked(LossCurveChunk& chunk, double step, double loss)
{
    if (!std::isfinite(step) || !std::isfinite(loss)) {
        ++m_rejected;
        return false;
    }
    if (!chunk.steps.isEmpty() && step < chunk.steps.constLast())
        chunk.sorted = false;
    chunk.steps.append(step);
    chunk.losses.append(loss);
    ++m_pendingPoints;
    return true;
}

} // namespace tg
