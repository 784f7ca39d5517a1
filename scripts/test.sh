#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite
# through CTest on the offscreen Qt platform.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh -DTASKGROUPER_BUILD_TESTS=ON "$@"

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --timeout 900
