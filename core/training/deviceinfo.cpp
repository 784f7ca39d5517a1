#include "core/training/deviceinfo.h"

#include <torch/torch.h>
#include <torch/version.h>

namespace tg::training {

DeviceInfo deviceInfo()
{
    DeviceInfo info;
    info.torchVersion = TORCH_VERSION;
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.cpuThreads = at::get_num_threads();
    if (info.cudaAvailable) {
        info.description = "CUDA (" + std::to_string(info.cudaDeviceCount) + " device" +
                           (info.cudaDeviceCount == 1 ? ")" : "s)");
    } else {
        info.description = "CPU (" + std::to_string(info.cpuThreads) + " thread" +
                           (info.cpuThreads == 1 ? ")" : "s)");
    }
    return info;
}

} // namespace tg::training
