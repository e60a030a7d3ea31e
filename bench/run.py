#!/usr/bin/env python3
"""Runs backstride's decoders and the peer tools side by side on the same inputs and prints
MB/s, points/s, peak RSS and the ratios. Usage: bench/run.py [--mb 300] [--import-files 1000]

Inputs: the files of ../shared/corpus that every peer reads, repeated to about --mb MB per
format. Each tool runs once per format as its own process, timed by GNU time (wall and peak
RSS); the tools report their own decode time and point count, excluding start-up.
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BENCH = ROOT / "build" / "bench"
PEERS = ROOT / "bench" / "peers"

# Files some peer cannot read (notes/peers.md), left out so every tool gets the same input.
LEFT_OUT = {
    "fitparse--activity-filecrc.fit", "fitparse--activity-settings-nodata.fit",
    "fitparse--activity-unexpected-eof.fit", "fitparse--compressed-speed-distance.fit",
    "fitparse--nick.fit", "fitparse--strava-android-app-201.10-b1218918.fit",
    "gpsbabel--lezyne_super_gps-garmin_fit-sample-bad-endian.fit",
    "sportslib--empty-activities.fit", "sportslib--empty-sessions.fit",
    "sportslib--6037744996.gpx", "gc--14582164182.fit.gz",
}
GPSBABEL_FORMAT = {"fit": "garmin_fit", "gpx": "gpx", "tcx": "gtrnctr"}


def inputs(fmt, megabytes):
    files = sorted(p for p in (CORPUS / fmt).iterdir() if p.name not in LEFT_OUT)
    size = sum(p.stat().st_size for p in files)
    repeats = max(1, round(megabytes * 1e6 / size))
    return [str(p) for p in files] * repeats


def timed(command):
    """Runs command under GNU time; returns (stdout, wall seconds, peak RSS MiB)."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", *command],
                            capture_output=True, text=True)
    match = re.search(r"TIME ([\d.]+) (\d+)", result.stderr)
    if result.returncode != 0 or not match:
        raise RuntimeError(f"{command[0]} failed: {result.stderr[-500:]}")
    return result.stdout, float(match.group(1)), int(match.group(2)) / 1024


def self_report(stdout):
    fields = dict(re.findall(r"(\w+)=([\d.]+)", stdout))
    return int(fields["bytes"]), int(fields["points"]), float(fields["seconds"])


def run_tool(name, command, list_file=None, files=None):
    stdout, wall, rss = timed(command)
    if "bytes=" in stdout:
        total, points, seconds = self_report(stdout)
    else:  # GPSBabel reports nothing: its wall time, and the points the others counted
        total = sum(os.path.getsize(f) for f in files)
        points, seconds = None, wall
    return {"tool": name, "bytes": total, "points": points, "seconds": seconds, "rss": rss}


def table(fmt, rows, ours):
    print(f"\n## {fmt}\n")
    print("| tool | MB/s | points/s | peak RSS MiB | seconds | points | backstride is |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    base = next(r for r in rows if r["tool"] == ours)
    for r in rows:
        rate = r["bytes"] / r["seconds"] / 1e6
        points = r["points"] if r["points"] is not None else base["points"]
        ratio = (base["bytes"] / base["seconds"]) / (r["bytes"] / r["seconds"])
        print(f"| {r['tool']} | {rate:,.1f} | {points / r['seconds']:,.0f} | {r['rss']:.0f} | "
              f"{r['seconds']:.3f} | {r['points'] if r['points'] is not None else '-'} | "
              f"{'-' if r['tool'] == ours else f'{ratio:.1f}x faster' if ratio >= 1 else f'{1 / ratio:.2f}x slower'} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=300)
    parser.add_argument("--import-files", type=int, default=1000)
    parser.add_argument("--formats", default="fit,gpx,tcx")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    decode = str(BENCH / "bench" / "decode_bench")
    node_modules = PEERS / "node_modules"
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            files = inputs(fmt, args.mb)
            list_file = os.path.join(tmp, f"{fmt}.txt")
            pathlib.Path(list_file).write_text("\n".join(files) + "\n")
            rows = [run_tool("backstride", [decode, fmt, list_file])]
            if fmt == "fit":
                rows.append(run_tool("@garmin/fitsdk", ["node", str(PEERS / "fitsdk.mjs"), list_file]))
                rows.append(run_tool("fit-file-parser", ["node", str(PEERS / "ffp.mjs"), list_file]))
            else:
                rows.append(run_tool(f"pugixml parse only (floor)", [decode, f"pugixml-{fmt}", list_file]))
                if fmt == "gpx":
                    rows.append(run_tool("gpxpy", ["/usr/bin/python3", str(PEERS / "gpxpy_bench.py"), list_file]))
            babel = ["gpsbabel", "-i", GPSBABEL_FORMAT[fmt]]
            for f in files:
                babel += ["-f", f]
            babel += ["-o", "unicsv", "-F", "/dev/null"]
            rows.append(run_tool("gpsbabel -> unicsv", babel, files=files))
            print(f"\n{fmt}: {len(files)} files, {rows[0]['bytes'] / 1e6:.1f} MB")
            table(fmt, rows, "backstride")

        # Import: N mixed files into a fresh store, against GPSBabel converting them to CSV.
        mixed = [p for fmt in ("fit", "gpx", "tcx") for p in sorted((CORPUS / fmt).iterdir())
                 if p.name not in LEFT_OUT]
        folder = pathlib.Path(tmp) / "import"
        folder.mkdir()
        chosen = [mixed[i % len(mixed)] for i in range(args.import_files)]
        for i, path in enumerate(chosen):
            os.symlink(path, folder / f"{i:05d}-{path.name}")
        binary = str(BENCH / "src" / "cli" / "backstride")
        db = os.path.join(tmp, "import.db")
        _, ours, ours_rss = timed([binary, "--db", db, "import", str(folder)])
        babel_total, babel_rss = 0.0, 0.0
        for fmt in ("fit", "gpx", "tcx"):
            group = [str(p) for p in sorted(folder.iterdir()) if p.name.endswith("." + fmt)]
            command = ["gpsbabel", "-i", GPSBABEL_FORMAT[fmt]]
            for f in group:
                command += ["-f", f]
            command += ["-o", "unicsv", "-F", os.path.join(tmp, f"{fmt}.csv")]
            _, wall, rss = timed(command)
            babel_total += wall
            babel_rss = max(babel_rss, rss)
        print(f"\n## import of {args.import_files} mixed files (the corpus repeated; repeats are "
              f"recognised as duplicates)\n")
        print("| tool | seconds | peak RSS MiB | backstride is |")
        print("| --- | --- | --- | --- |")
        print(f"| backstride import (decode, dedupe, store) | {ours:.2f} | {ours_rss:.0f} | - |")
        print(f"| gpsbabel -> CSV | {babel_total:.2f} | {babel_rss:.0f} | "
              f"{babel_total / ours:.1f}x faster |")


if __name__ == "__main__":
    main()
