#!/usr/bin/env bash
# Installs the Debian packages backstride needs to build and test, and only those
# that are missing, so running it again is quick and changes nothing.
set -euo pipefail

packages=(
  cmake ninja-build g++ make pkg-config
  libfmt-dev           # string formatting (GCC 12 has no <format>)
  nlohmann-json3-dev   # the answers' JSON wire form
  libcli11-dev         # command-line parsing
  libsqlite3-dev       # the embedded store
  libpugixml-dev       # GPX and TCX (chosen by measurement, see src/activity/xml_decoder.h)
  libdeflate-dev       # .gz activity files
  libgtest-dev libgmock-dev  # unit tests
  python3 python3-icalendar  # tests: the .ics export read by a real calendar parser
  libcpp-httplib-dev   # the local web app's HTTP server
  chromium fonts-dejavu-core  # tests: the web app driven in a real, headless browser
)
# The front end is built with Node.js tools from npm; use the machine's Node.js when it
# has one (Vite needs a recent one), Debian's otherwise.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing missing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
