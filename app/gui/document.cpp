#include "app/gui/document.h"

#include "app/gui/workerthread.h"

#include <QFileInfo>
#include <QThread>

namespace tg {

Document::Document(QObject* parent) : QObject(parent)
{}

Document::~Document()
{
    stopComputation();
}

QString Document::displayName() const
{
    return QFileInfo(m_path).fileName();
}

void Document::setTable(std::shared_ptr<const CandidateTable> table, Kind kind, const QString& path,
                        std::vector<ApproximationTable> approximations)
{
    stopComputation();
    m_kind = kind;
    m_path = path;
    m_table = std::move(table);
    m_approximations = std::move(approximations);
    m_front.clear();
    m_frontReady = false;
    m_tradeoff.clear();
    m_tradeoffReady = false;
    Q_EMIT tableChanged();
    if (m_table) {
        startComputation();
        return;
    }
    Q_EMIT frontChanged();
    Q_EMIT tradeoffChanged();
}

void Document::clear()
{
    setTable(nullptr, Kind::Empty, QString());
}

void Document::startComputation()
{
    const quint64 generation = ++m_generation;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    std::shared_ptr<const CandidateTable> table = m_table;
    std::vector<ApproximationTable> approximations = m_approximations;

    // The thread is joined in stopComputation() before this object dies, so
    // posting back to `this` is safe; a stale generation is ignored.
    m_thread = QThread::create([this, table, approximations, cancel, generation] {
        std::vector<Solution> front = paretoFront(*table, {}, cancel.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, front]() mutable { acceptFront(generation, std::move(front)); },
            Qt::QueuedConnection);

        std::vector<TradeoffSeries> series =
            computeTradeoffSeries(*table, front, approximations, cancel.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, series = std::move(series)]() mutable {
                acceptTradeoff(generation, std::move(series));
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("selection"));
    m_thread->start(QThread::LowPriority);
}

void Document::stopComputation()
{
    stopWorkerThread(m_thread, m_cancel);
}

void Document::acceptFront(quint64 generation, std::vector<Solution> front)
{
    if (generation != m_generation)
        return;
    m_front = std::move(front);
    m_frontReady = true;
    Q_EMIT frontChanged();
}

void Document::acceptTradeoff(quint64 generation, std::vector<TradeoffSeries> series)
{
    if (generation != m_generation)
        return;
    m_tradeoff = std::move(series);
    m_tradeoffReady = true;
    Q_EMIT tradeoffChanged();
}

} // namespace tg
