#pragma once

#include <string>

namespace tg::training {

// Facts about the compute device and library that training uses, for the
// About box, experiment records and the command-line tool. Thread-safe.
struct DeviceInfo
{
    std::string torchVersion; // for example "1.13.1"
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    int cpuThreads = 1; // intra-op threads LibTorch would use by default
    std::string description; // "CUDA (2 devices)" or "CPU (2 threads)"
};

DeviceInfo deviceInfo();

} // namespace tg::training
