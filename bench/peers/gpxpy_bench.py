"""gpxpy (Debian's python3-gpxpy): parse every file of a list, count track points."""
import sys
import time

import gpxpy

paths = [p for p in open(sys.argv[1]).read().split("\n") if p]
total_bytes = points = failed = 0
start = time.perf_counter()
for path in paths:
    with open(path, "rb") as handle:
        data = handle.read()
    total_bytes += len(data)
    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig"))
        points += sum(len(s.points) for t in gpx.tracks for s in t.segments)
    except Exception:  # a peer's failure is counted, not fatal
        failed += 1
seconds = time.perf_counter() - start
print(f"gpxpy bytes={total_bytes} points={points} seconds={seconds:.3f} failed={failed}")
