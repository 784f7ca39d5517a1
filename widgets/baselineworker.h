#pragma once

#include "core/baselines.h"

#include <QMetaType>
#include <QObject>
#include <atomic>
#include <memory>

namespace tg {

// One request for the baselines of a table at one budget. `id` increases with
// every request, so the worker can skip requests that a newer one replaced.
struct BaselineRequest
{
    std::shared_ptr<const CandidateTable> table;
    Cost budget = 0;
    BaselineOptions options;
    quint64 id = 0;
};

struct BaselineResult
{
    quint64 id = 0;
    Cost budget = 0;
    BaselineSet baselines;
};

// Computes baselines on its own thread. compute() skips a request whose id is
// older than `latestRequest` at the time it starts, so a fast-moving budget
// slider only costs the computations of the budgets it rests on.
class BaselineWorker : public QObject
{
    Q_OBJECT

public:
    explicit BaselineWorker(std::shared_ptr<const std::atomic<quint64>> latestRequest);

public Q_SLOTS:
    void compute(const tg::BaselineRequest& request);

Q_SIGNALS:
    void computed(const tg::BaselineResult& result);

private:
    std::shared_ptr<const std::atomic<quint64>> m_latestRequest;
};

} // namespace tg

Q_DECLARE_METATYPE(tg::BaselineRequest)
Q_DECLARE_METATYPE(tg::BaselineResult)
