#pragma once

#include <QThread>
#include <atomic>
#include <memory>

namespace tg {

// Raises `cancel`, waits until `thread` has finished, deletes it and sets it to null. The
// thread's function must check `cancel` and return soon after it is raised. Does nothing when
// `thread` is null.
inline void stopWorkerThread(QThread*& thread, const std::shared_ptr<std::atomic_bool>& cancel)
{
    if (!thread)
        return;
    cancel->store(true);
    thread->wait();
    delete thread;
    thread = nullptr;
}

} // namespace tg
