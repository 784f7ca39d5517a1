#include "widgets/baselineworker.h"

namespace tg {

BaselineWorker::BaselineWorker(std::shared_ptr<const std::atomic<quint64>> latestRequest)
    : m_latestRequest(std::move(latestRequest))
{}

void BaselineWorker::compute(const BaselineRequest& request)
{
    if (!request.table || request.id < m_latestRequest->load())
        return;
    BaselineResult result;
    result.id = request.id;
    result.budget = request.budget;
    result.baselines = computeBaselines(*request.table, request.budget, request.options);
    Q_EMIT computed(result);
}

} // namespace tg
