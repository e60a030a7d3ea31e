# The two commands of the README. Each installs what is missing, then builds.
#   make run   - build and start backstride
#   make test  - build under the sanitizers and run every test

JOBS ?= $(shell nproc)

.PHONY: all deps build run test clean format fuzz bench

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

run: build
	./build/release/src/cli/backstride assess

test: deps build
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

format:
	find src tests -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build

# libFuzzer on each decoder (clang from Debian); FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Decoders and import against GPSBabel, gpxpy, @garmin/fitsdk and fit-file-parser.
BENCH_MB ?= 300
bench: deps
	bench/setup.sh
	bench/run.py --mb $(BENCH_MB)
