#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and running
# TaskGrouper need. Run as root; packages already present are left alone.
set -euo pipefail

packages=(
    cmake g++ make ninja-build pkg-config
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libtorch-dev nlohmann-json3-dev
    coinor-cbc python3-torch
)
# The handwriting set is fetched with npm. A Node.js installation from another
# source (nodesource's nodejs package, for one) already provides npm and
# conflicts with Debian's npm package, so Debian's npm is added only when no
# npm command exists.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root, or install them with apt-get" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
