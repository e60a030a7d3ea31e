#!/usr/bin/env python3
"""A whole Strava export imported by backstride beside `unzip` extracting it to disk.

    bench/export_import_bench.py [--activities 1000] [--repeats 3] [--keep DIR]

Writes a Strava bulk export of --activities activities from the shared corpus
(tests/exports/strava.py: mixed .fit.gz/.gpx/.gpx.gz/.tcx.gz, the 99-column CSV, manual
runs, photos), then times, side by side in this one run, best of --repeats:
  - `unzip -q` extracting the export to a fresh folder (the floor every other tool starts
    from: they unpack first, then read the files);
  - `backstride import` of the same zip into a fresh database: inflating, decoding every
    activity file, joining the CSV, checking duplicates and storing each run with its track.
Prints wall seconds, peak RSS (GNU time) and the ratio. Needs the release build
(cmake --preset release && cmake --build --preset release) and unzip.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = ROOT / "build" / "release" / "src" / "cli" / "backstride"


def timed(command, cwd):
    """(wall seconds, peak RSS in MB) of one run of `command` under GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            check=True)
    wall, rss_kb = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", help="write the export here and keep it (default: a temp folder)")
    args = parser.parse_args()
    if not BINARY.exists():
        sys.exit(f"no release build at {BINARY}: cmake --preset release && cmake --build --preset release")
    work = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="backstride-export-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    export = work / "export_1000.zip"
    if not export.exists():
        subprocess.run([sys.executable, str(ROOT / "tests" / "exports" / "strava.py"), "--out",
                        str(export), "--activities", str(args.activities), "--seed", "11",
                        "--manifest", str(work / "manifest.json")], check=True)
    size_mb = export.stat().st_size / 1e6

    unzip, imports = [], []
    for _ in range(args.repeats):
        target = work / "unzipped"
        shutil.rmtree(target, ignore_errors=True)
        unzip.append(timed(["unzip", "-q", "-o", str(export), "-d", str(target)], work))
        shutil.rmtree(target, ignore_errors=True)
        db = work / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(str(db) + suffix).unlink(missing_ok=True)
        imports.append(timed([str(BINARY), "--db", str(db), "import", str(export)], work))

    best_unzip = min(unzip)
    best_import = min(imports)
    print(f"Strava export: {args.activities} activities, {size_mb:.1f} MB zip")
    print(f"{'tool':<34} {'best s':>7} {'runs (s)':<24} {'peak RSS':>9}")
    print(f"{'unzip -q (extract to disk)':<34} {best_unzip[0]:>7.2f} "
          f"{' / '.join(f'{w:.2f}' for w, _ in unzip):<24} {best_unzip[1]:>6.0f} MB")
    print(f"{'backstride import (into store)':<34} {best_import[0]:>7.2f} "
          f"{' / '.join(f'{w:.2f}' for w, _ in imports):<24} {best_import[1]:>6.0f} MB")
    print(f"backstride / unzip: {best_import[0] / best_unzip[0]:.2f}x the time "
          f"({'faster' if best_import[0] < best_unzip[0] else 'slower'} than unzip alone)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
