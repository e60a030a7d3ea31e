#!/usr/bin/env python3
"""Apple Health export.xml benchmark: backstride's streaming reader against a bare expat
parse and Python's ElementTree.iterparse + clear(), side by side on one generated file.

What it does
  1. Writes (or reuses, with --reuse) an export of --size-mb MB (default 2000) with
     tests/exports/apple.py: 364 runs laid out as an iPhone writes them, padded with
     Records (40% heart rate) to the size asked.
  2. Times, each under /usr/bin/time -f %M for the peak RSS:
       backstride  build/bench/bench/apple_health_bench (read() 1 MiB chunks)
       expat       build/bench/bench/expat_bench (64 KiB chunks, start-element counts)
       python      xml.etree.ElementTree.iterparse + elem.clear(), as the common export
                   tools (healthkit-to-sqlite, Simple-Apple-Health-XML-to-CSV) do
     and prints MB/s, the ratios and the peak RSS, checking that all three count the
     same heart-rate Records and running workouts as the generator's manifest.
  3. Checks backstride's runs one by one against the manifest (start, duration,
     distance, pauses, heart rate), then writes a second, smaller export (--small-mb,
     default 500) and reports backstride's peak RSS there too: memory must not grow
     with the file.
  4. Deletes the generated files unless --keep.

Neither expat nor ElementTree can read a real iOS 16 export as written (the DTD has an
unclosed <!ATTLIST>, and values carry \\x0b, which XML forbids); both are given the file
the way the export tools prepare it: DOCTYPE dropped, control characters deleted,
inside the timed run. backstride reads the bytes as they are.

Targets: backstride >= 10x python, >= 4x expat, peak RSS < 100 MB at every size.

    cmake --preset bench && cmake --build --preset bench --target apple_health_bench expat_bench
    python3 bench/export_xml_bench.py [--size-mb 2000] [--small-mb 500] [--work /tmp/x] [--keep]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "tests", "exports", "apple.py")
BUILD = os.path.join(ROOT, "build", "bench", "bench")

PYTHON_PEER = r'''
import re, sys, time
import xml.etree.ElementTree as ET

class Prepared:
    """The file as the export tools prepare it: no DOCTYPE, no forbidden control bytes."""
    DROP = bytes(c for c in range(32) if c not in (9, 10, 13))
    def __init__(self, path):
        self.file = open(path, "rb")
        self.first = True
        self.bytes = 0
    def read(self, size=-1):
        data = self.file.read(size)
        self.bytes += len(data)
        if self.first:
            self.first = False
            data = re.sub(rb"<!DOCTYPE.*?\]>", b"", data, count=1, flags=re.S)
        return data.translate(None, self.DROP)

start = time.perf_counter()
source = Prepared(sys.argv[1])
heart_rate = runs = 0
for _, elem in ET.iterparse(source, events=("end",)):
    if elem.tag == "Record":
        if elem.get("type") == "HKQuantityTypeIdentifierHeartRate":
            heart_rate += 1
    elif elem.tag == "Workout":
        if elem.get("workoutActivityType") == "HKWorkoutActivityTypeRunning":
            runs += 1
    elem.clear()
seconds = time.perf_counter() - start
mb = source.bytes / 1e6
print(f"python: {mb:.1f} MB in {seconds:.3f} s = {mb / seconds:.1f} MB/s; "
      f"{runs} running workouts, {heart_rate} heart-rate records")
'''

LINE = re.compile(r"= ([\d.]+) MB/s; (\d+) running workouts, (\d+) heart-rate records")


def generate(folder, size_mb, runs):
    manifest = os.path.join(folder, "manifest.json")
    subprocess.run([sys.executable, GENERATOR, "--out", folder, "--runs", str(runs), "--seed", "11",
                    "--records-mb", str(size_mb), "--manifest", manifest], check=True)
    with open(manifest) as f:
        return os.path.join(folder, "apple_health_export", "export.xml"), json.load(f)


def timed(command):
    """Runs `command` under /usr/bin/time; returns (stdout, peak RSS in MiB)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
    rss_kib = int(result.stderr.strip().splitlines()[-1])
    return result.stdout, rss_kib / 1024


def summary(stdout):
    match = LINE.search(stdout)
    if not match:
        sys.exit("unexpected output:\n" + stdout)
    return float(match.group(1)), int(match.group(2)), int(match.group(3))


def check_runs(listing, manifest):
    """backstride's runs against the manifest, field by field; returns the mismatches."""
    lines = [l.split("\t") for l in listing.strip().splitlines()[2:]]
    problems = []
    if len(lines) != len(manifest["runs"]):
        return [f"{len(lines)} runs read, {len(manifest['runs'])} written"]
    for got, want in zip(lines, manifest["runs"]):
        checks = [
            ("start", float(got[0]), want["start_utc_s"], 0.5),
            ("offset", float(got[1]), want["utc_offset_s"], 0),
            ("duration", float(got[2]), want["duration_s"], 0.01),
            ("distance", float(got[3]), want["distance_m"], 0.01),
            ("indoor", float(got[4]), float(want["indoor"]), 0),
            ("paused", float(got[6]), want["paused_s"], 0.5),
            ("avg hr", float(got[7]), want["avg_hr_bpm"], 0.01),
            ("max hr", float(got[8]), want["max_hr_bpm"], 0),
            ("hr samples", float(got[9]), want["hr_samples"], 0),
            ("inline points", float(got[10]), want["route_inline_points"], 0),
        ]
        for name, value, expected, tolerance in checks:
            if abs(value - expected) > tolerance:
                problems.append(f"run at {want['start_utc']}: {name} {value} != {expected}")
        if (got[5] if got[5] != "-" else None) != want["route_file"]:
            problems.append(f"run at {want['start_utc']}: route {got[5]} != {want['route_file']}")
    return problems


def main():
    parser = argparse.ArgumentParser(description="Apple Health export.xml benchmark")
    parser.add_argument("--size-mb", type=int, default=2000)
    parser.add_argument("--small-mb", type=int, default=500)
    parser.add_argument("--runs", type=int, default=364)
    parser.add_argument("--work", help="folder for the generated exports (default: a new temp folder)")
    parser.add_argument("--reuse", action="store_true", help="reuse exports already in --work")
    parser.add_argument("--keep", action="store_true", help="keep the generated exports")
    args = parser.parse_args()

    for tool in ("apple_health_bench", "expat_bench"):
        if not os.access(os.path.join(BUILD, tool), os.X_OK):
            sys.exit(f"build it first: cmake --preset bench && cmake --build --preset bench --target {tool}")
    work = args.work or tempfile.mkdtemp(prefix="export-xml-bench-")
    big_dir, small_dir = os.path.join(work, "big"), os.path.join(work, "small")
    try:
        if args.reuse and os.path.exists(os.path.join(big_dir, "manifest.json")):
            export = os.path.join(big_dir, "apple_health_export", "export.xml")
            with open(os.path.join(big_dir, "manifest.json")) as f:
                manifest = json.load(f)
        else:
            export, manifest = generate(big_dir, args.size_mb, args.runs)
        size_mb = os.path.getsize(export) / 1e6
        print(f"export.xml: {size_mb:.0f} MB, {manifest['records']} records, "
              f"{manifest['heart_rate_records']} heart rate, {len(manifest['runs'])} runs")

        rows = {}
        out, rss = timed([os.path.join(BUILD, "apple_health_bench"), export, "--list"])
        rows["backstride"] = summary(out) + (rss,)
        problems = check_runs(out, manifest)
        out, rss = timed([os.path.join(BUILD, "expat_bench"), export])
        rows["expat"] = summary(out) + (rss,)
        out, rss = timed([sys.executable, "-c", PYTHON_PEER, export])
        rows["python iterparse+clear"] = summary(out) + (rss,)

        print(f"\n| reader | MB/s | runs | heart-rate records | peak RSS MiB |")
        print("| --- | --- | --- | --- | --- |")
        for name, (speed, runs, hr, rss) in rows.items():
            print(f"| {name} | {speed:.1f} | {runs} | {hr} | {rss:.0f} |")
        ours = rows["backstride"][0]
        vs_expat = ours / rows["expat"][0]
        vs_python = ours / rows["python iterparse+clear"][0]
        print(f"\nbackstride / expat: {vs_expat:.1f}x (target >= 4x)")
        print(f"backstride / python: {vs_python:.1f}x (target >= 10x)")

        for name, (_, runs, hr, _) in rows.items():
            if (runs, hr) != (len(manifest["runs"]), manifest["heart_rate_records"]):
                problems.append(f"{name} counted {runs} runs and {hr} heart-rate records; "
                                f"the manifest says {len(manifest['runs'])} and {manifest['heart_rate_records']}")
        print(f"runs checked against the manifest: {len(manifest['runs'])}, "
              f"{'all fields agree' if not problems else str(len(problems)) + ' problems'}")
        for problem in problems[:20]:
            print("  " + problem)

        if not args.keep:
            shutil.rmtree(big_dir)
        small_export, _ = generate(small_dir, args.small_mb, args.runs)
        out, small_rss = timed([os.path.join(BUILD, "apple_health_bench"), small_export])
        small_speed = summary(out)[0]
        print(f"\nbackstride peak RSS: {rows['backstride'][3]:.0f} MiB at {size_mb:.0f} MB, "
              f"{small_rss:.0f} MiB at {os.path.getsize(small_export) / 1e6:.0f} MB "
              f"({small_speed:.1f} MB/s) (target < 100 MiB)")
        ok = (vs_expat >= 4 and vs_python >= 10 and rows["backstride"][3] < 100 and small_rss < 100
              and not problems)
        print("targets met" if ok else "TARGETS NOT MET")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
