#!/usr/bin/env bash
# Installs what backstride needs, and only what is missing, so running it again is quick,
# quiet and changes nothing.
#   scripts/install-deps.sh run    what building and running the app needs (make run)
#   scripts/install-deps.sh test   that, and what the tests need too (make test)
# Everything comes from Debian, except a newer Node.js from npm when the machine's is too
# old (see below).
set -euo pipefail

what="${1:-run}"
case "$what" in
  run | test) ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

# Building and running.
packages=(
  cmake ninja-build g++ make pkg-config
  libfmt-dev           # string formatting (GCC 12 has no <format>)
  nlohmann-json3-dev   # the answers' JSON wire form
  libcli11-dev         # command-line parsing
  libsqlite3-dev       # the embedded store
  libpugixml-dev       # GPX and TCX (chosen by measurement, see src/activity/xml_decoder.h)
  libdeflate-dev       # .gz activity files
  libarchive-dev       # service exports: zips, zips in zips, .gz (see src/activity/archive.h)
  libcpp-httplib-dev   # the local web app's HTTP server
  libqrencode-dev      # the QR code of `serve --lan`'s pairing link, in the terminal
  libpq-dev            # PostgreSQL's client library: the clinic server's store
  libsodium-dev        # the clinic's passwords (Argon2id) and session tokens
)
# The tests, in addition.
test_packages=(
  libgtest-dev libgmock-dev   # unit tests
  python3 python3-icalendar   # the .ics export read by a real calendar parser
  chromium fonts-dejavu-core  # the web app driven in a real, headless browser
  zbar-tools                  # reads back the QR code that `serve --lan` prints
  postgresql                  # a throwaway server the store tests start (tests/test_support)
)

# Node.js builds the front end with tools from npm (web/package.json). Vite 6 and
# TypeScript 7 run on Node.js 18 or later, so Debian 12's own nodejs is enough to build and
# run; the browser tests' playwright-core needs Node.js 20 or later.
node_needed=18
node_needed_by="the front end's build (Vite 6)"
if [ "$what" = test ]; then
  packages+=("${test_packages[@]}")
  node_needed=20
  node_needed_by="the browser tests (playwright-core)"
fi
# The Node.js that npm brings when the machine's is older than that: the current LTS.
node_from_npm=22

# Any Node.js with npm is used as it is; Debian's is installed only when there is none.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

if ((${#missing[@]})); then
  echo "Installing missing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_major() {
  local version
  version="$(node --version 2>/dev/null)" || version="v0"
  version="${version#v}"
  echo "${version%%.*}"
}

if (($(node_major) < node_needed)); then
  # Debian 12's nodejs is 18: enough to build, too old for the browser tests. npm has Node.js
  # itself (the binary package behind npm's `node`); installed globally it comes before
  # Debian's on the PATH.
  echo "Node.js $(node --version) is too old for ${node_needed_by}, which needs" \
    "${node_needed} or later; installing Node.js ${node_from_npm} from npm."
  package="node-linux-$(node -p process.arch)@${node_from_npm}"
  $sudo npm install --global --no-audit --no-fund --loglevel=error "$package"
  hash -r
  if (($(node_major) < node_needed)); then
    echo "Still Node.js $(node --version) at $(command -v node) after installing $package" \
      "(in $(npm prefix --global)/bin): put that first on the PATH." >&2
    exit 1
  fi
fi
