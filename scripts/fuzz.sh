#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each on a seed corpus made from the shared
# recordings. Usage: scripts/fuzz.sh [SECONDS per target, default 600] [targets...]
# Crashes are written to build/fuzz/artifacts-<format>/; each one found becomes a
# regression file in tests/data/fuzz/ (see tests/activity/fuzz_regression_test.cc).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(fit gpx tcx strava_csv garmin_summary apple_health); fi

packages=(clang-16 libclang-rt-16-dev libc++-16-dev libc++abi-16-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

shared="../shared/corpus"
for format in "${targets[@]}"; do
  corpus="build/fuzz/corpus-$format"
  artifacts="build/fuzz/artifacts-$format/"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "$shared/$format" ]; then
    find "$shared/$format" -type f ! -name '*.gz' -exec cp -n {} "$corpus/" \;
  fi
  # Formats with no recordings in the shared corpus (the export readers) start from
  # hand-written seeds.
  if [ -d "tests/data/fuzz-seeds/$format" ]; then cp -n tests/data/fuzz-seeds/"$format"/* "$corpus/"; fi
  # The Health export has no real files in the shared corpus: seed it with a generated
  # export (broken DTD, control characters, pauses, old totalDistance, inline routes),
  # shrunk to its head, a few Records and the first runs (whole, megabyte seeds make
  # libFuzzer slow), once complete and once cut short.
  if [ "$format" = apple_health ] && [ ! -e "$corpus/seed-export.xml" ]; then
    seeds="$(mktemp -d)"
    python3 tests/exports/apple.py --out "$seeds" --runs 10 --seed 1 --manifest "$seeds/m.json" >/dev/null
    python3 - "$seeds/apple_health_export/export.xml" "$corpus" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8", newline="").read().split("\n")
head = lines[:lines.index(next(l for l in lines if l.startswith(" <Me "))) + 1]
records = [l for l in lines if l.startswith(" <Record")][:12]
body, runs, locations = [], 0, 0
start = next(i for i, l in enumerate(lines) if l.startswith(" <Workout"))
for line in lines[start:]:
    if line.startswith("   <Location"):
        locations += 1
        if locations > 3:
            continue
    body.append(line)
    if line == " </Workout>":
        runs += 1
        if runs == 6:
            break
text = "\n".join(head + records + body + ["</HealthData>", ""])
open(sys.argv[2] + "/seed-export.xml", "w", encoding="utf-8", newline="").write(text)
open(sys.argv[2] + "/seed-cut.xml", "w", encoding="utf-8", newline="").write(text[: len(text) * 2 // 3])
PY
    rm -rf "$seeds"
  fi
  if [ -d "tests/data/fuzz/$format" ]; then cp -n tests/data/fuzz/"$format"/* "$corpus/" 2>/dev/null || true; fi
  echo "Fuzzing $format for $seconds s"
  "build/fuzz/fuzz/${format}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts" -print_final_stats=1 "$corpus"
done
