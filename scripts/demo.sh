#!/usr/bin/env bash
# Installs what is missing, builds TaskGrouper and runs the main job on the
# built-in scene data: the desktop application where a display exists,
# otherwise the headless demo, which prints its results and writes them to
# demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh -DTASKGROUPER_BUILD_TESTS=OFF

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/bin/taskgrouper resources/examples/scenes-5tasks-quick-val.csv
fi
exec build/bin/taskgrouper-cli demo --out demo-output
