#!/usr/bin/python3
"""The plan's .ics export, read back by a real calendar parser (python3-icalendar).

Usage: ics_check.py BACKSTRIDE_BINARY VIGNETTES_DIR
Checks the event count, dates, titles and that re-exporting keeps every UID.
Prints 'N passed, M failed' and exits non-zero on any failure.
"""
import datetime
import json
import pathlib
import subprocess
import sys
import tempfile

import icalendar

binary, vignettes = sys.argv[1], pathlib.Path(sys.argv[2])
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what)


def run(db, today, *args, stdin=None):
    result = subprocess.run([binary, "--db", db, "--today", today, *args], input=stdin,
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
    return result


def events(path):
    calendar = icalendar.Calendar.from_ical(pathlib.Path(path).read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


with tempfile.TemporaryDirectory() as tmp:
    db = f"{tmp}/b.db"
    answers = json.loads((vignettes / "new-onset-km.json").read_text())["answers"]
    check(run(db, "2026-03-02", "assess", "--answers", "-", stdin=json.dumps(answers)).returncode == 0,
          "assess")
    check(run(db, "2026-03-02", "plan", "--runs-per-week", "3").returncode == 0, "plan")
    first = f"{tmp}/plan.ics"
    exported = run(db, "2026-03-02", "export", "--ics", first)
    check(exported.returncode == 0, "export --ics")
    found = events(first)
    # 12 weeks: 3 runs (one with strides after it), 2 strength and 2 rest days a week.
    check(len(found) == 96, f"96 events, got {len(found)}")
    starts = sorted(e.decoded("dtstart") for e in found)
    check(starts[0] == datetime.date(2026, 3, 2), f"first event on 2026-03-02, got {starts[0]}")
    check(starts[-1] == datetime.date(2026, 5, 24), f"last event on 2026-05-24, got {starts[-1]}")
    check(all(isinstance(s, datetime.date) and not isinstance(s, datetime.datetime) for s in starts),
          "all-day events")
    by_day = {}
    for e in found:
        by_day.setdefault(e.decoded("dtstart"), []).append(str(e.get("summary")))
    check(by_day[datetime.date(2026, 3, 2)] == ["Short, quick run: up to 1.00 km"],
          f"first day's title, got {by_day[datetime.date(2026, 3, 2)]}")
    check(by_day[datetime.date(2026, 3, 3)] == ["Strength: squat and deadlift"],
          f"second day's title, got {by_day[datetime.date(2026, 3, 3)]}")
    kinds = [str(e.get("categories").cats[0]) for e in found]
    check(kinds.count("run") == 36 and kinds.count("strength") == 24 and kinds.count("sprint") == 12,
          "session kinds")
    uids = [str(e.get("uid")) for e in found]
    check(len(set(uids)) == len(uids), "unique UIDs")
    check(any("\n" in str(e.get("description")) for e in found), "multi-line descriptions survive")

    # After three good, faster runs the cap rises; the re-export updates the same events.
    for day, time in (("02", "6:00"), ("04", "5:52"), ("06", "5:40")):
        run(db, f"2026-03-{day}", "log", "run", "--distance", "1km", "--time", time, "--pain", "1")
    second = f"{tmp}/plan-again.ics"
    check(run(db, "2026-03-07", "export", "--ics", second).returncode == 0, "second export")
    again = events(second)
    check(sorted(str(e.get("uid")) for e in again) == sorted(uids), "same UIDs after re-export")
    later = {str(e.get("uid")): str(e.get("summary")) for e in again}
    check(later["2026-03-09-run-0@backstride"] == "Short, quick run: up to 1.25 km",
          f"updated cap in the next week's run, got {later['2026-03-09-run-0@backstride']}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
