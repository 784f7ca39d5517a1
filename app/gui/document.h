#pragma once

#include "app/gui/tradeoffdata.h"
#include "core/candidatetable.h"
#include "core/selection.h"
#include "widgets/tradeoffseries.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace tg {

// The candidate table shown in the main window, its Pareto front and the
// trade-off series. Both are computed on a background thread after every
// setTable(), so a large table never blocks the window. frontChanged() and
// then tradeoffChanged() follow when each is ready. GUI thread only.
class Document : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Empty,
        Table,      // a candidate table file
        Experiment, // an experiment folder, finished or not
    };

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    Kind kind() const { return m_kind; }
    // The table file or the experiment folder; empty when nothing is open.
    QString path() const { return m_path; }
    // The file or folder name, for the window title.
    QString displayName() const;

    std::shared_ptr<const CandidateTable> table() const { return m_table; }
    // Empty until frontReady(); also empty when no set of networks covers
    // every task.
    const std::vector<Solution>& front() const { return m_front; }
    bool frontReady() const { return m_frontReady; }
    // Empty until tradeoffReady().
    const std::vector<TradeoffSeries>& tradeoffSeries() const { return m_tradeoff; }
    bool tradeoffReady() const { return m_tradeoffReady; }
    const std::vector<ApproximationTable>& approximations() const { return m_approximations; }

    // Replaces the shown table; a null table clears it but keeps `kind` and
    // `path` (an experiment whose table is not written yet). The trade-off
    // plot compares `approximations` with the exact selection on `table`.
    void setTable(std::shared_ptr<const CandidateTable> table, Kind kind, const QString& path,
                  std::vector<ApproximationTable> approximations = {});
    void clear();

Q_SIGNALS:
    void tableChanged();
    void frontChanged();
    void tradeoffChanged();

private:
    void startComputation();
    void stopComputation();
    void acceptFront(quint64 generation, std::vector<Solution> front);
    void acceptTradeoff(quint64 generation, std::vector<TradeoffSeries> series);

    Kind m_kind = Kind::Empty;
    QString m_path;
    std::shared_ptr<const CandidateTable> m_table;
    std::vector<Solution> m_front;
    bool m_frontReady = false;
    std::vector<ApproximationTable> m_approximations;
    std::vector<TradeoffSeries> m_tradeoff;
    bool m_tradeoffReady = false;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
};

} // namespace tg
