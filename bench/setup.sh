#!/usr/bin/env bash
# Installs the peer tools the benchmark compares against, what the clinic server's load
# test runs (wrk, and Debian's PostgreSQL with pgbench), and builds the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(gpsbabel python3-gpxpy time libexpat1-dev python3 nodejs npm libzip-dev unzip
          wrk postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})) && ! { [ "${missing[*]}" = "nodejs npm" ] && command -v npm >/dev/null; }; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  for package in "${missing[@]}"; do
    case "$package" in nodejs|npm) command -v npm >/dev/null && continue ;; esac
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package"
  done
fi
(cd bench/peers && if [ -f package-lock.json ]; then npm ci --silent; else npm install --silent; fi)
cmake --preset bench >/dev/null
cmake --build --preset bench
