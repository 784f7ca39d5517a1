#!/usr/bin/env bash
# Configures and builds TaskGrouper into BUILD_DIR (default: build).
# Extra arguments go to CMake's configure step, for example
# -DCMAKE_PREFIX_PATH=/opt/libtorch for another LibTorch.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" --parallel "$jobs"
