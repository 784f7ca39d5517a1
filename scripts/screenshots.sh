#!/usr/bin/env bash
# Renders every view of the main window, in the light and the dark theme, to
# PNG files in OUT_DIR (default: screenshots) on the offscreen platform.
# Builds the screenshot test first; BUILD_DIR selects the build (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
out_dir=$(realpath -m "${OUT_DIR:-screenshots}")

cmake --build "$build_dir" --target tst_app_screenshots
mkdir -p "$out_dir"
QT_QPA_PLATFORM=offscreen TASKGROUPER_SCREENSHOT_DIR="$out_dir" \
    "$build_dir/tests/app/tst_app_screenshots" -silent
echo "Wrote the screenshots to $out_dir"
