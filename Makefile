# The two commands of the README. Each installs what is missing, then builds.
#   make run   - build and start the web app (backstride serve) on 127.0.0.1
#   make test  - build under the sanitizers and run every test, the browser tests too
# make run installs only what running needs; make test also what the tests need.

JOBS ?= $(shell nproc)

.PHONY: all deps web build run test clean format fuzz bench

all: build

# What `deps` installs: `run` (build and run) or `test` (that and the tests' tools). A
# target's variable holds for everything it depends on, so `make test` sets it for all.
DEPS = run
test: DEPS = test

deps:
	@scripts/install-deps.sh $(DEPS)

# The front end (web/), built with Vite into web/dist, which the binary embeds. npm ci
# runs only when the lock file is newer than what is installed.
web: deps
	cd web && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build

build: deps web
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

# PORT=8081 make run, if 8080 is taken; LAN=1 make run to open it from a phone (serve --lan).
PORT ?= 8080
run: build
	./build/release/src/cli/backstride serve --port $(PORT) $(if $(LAN),--lan)

# Builds the asan tree only (and the front end, which both trees embed).
test: web
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

# Decoders and import against GPSBabel, gpxpy, @garmin/fitsdk and fit-file-parser; an
# Apple Health export.xml of HEALTH_MB against expat and Python's iterparse; a Strava
# export of 1,000 activities imported beside unzip; the clinic server under wrk on a seeded
# clinic of 1,000 runners beside pgbench (bench/clinic_load.py: fails when a target of
# issue 15 is missed, after printing every figure).
BENCH_MB ?= 300
HEALTH_MB ?= 2000
bench: deps
	bench/setup.sh
	bench/run.py --mb $(BENCH_MB)
	bench/export_xml_bench.py --size-mb $(HEALTH_MB)
	cmake --preset release >/dev/null && cmake --build --preset release --target backstride
	bench/export_import_bench.py
	bench/clinic_load.py
