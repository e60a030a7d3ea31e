#!/usr/bin/env python3
"""Write a Garmin Connect data export (GDPR request) built from the real corpus files.

  garmin.py --out garmin_export.zip --activities N --manifest M.json [--old-layout]
            [--seed S] [--corpus DIR]

Layout and quirks (see README.md beside this file):
  DI_CONNECT/DI-Connect-Fitness/<user>_0_summarizedActivities.json
      [{"summarizedActivitiesExport": [...]}], distances and elevations in centimetres,
      durations in milliseconds, times as epoch milliseconds
  DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip (Part2, … when large)
      a zip inside the zip: the FIT originals named <user>_<uploadId>.fit, mixed with
      monitoring, settings, weight and workout FITs
  DI_CONNECT/DI-Connect-Wellness/*_sleepData.json, DI-Connect-Aggregator/UDSFile_*.json
      other data an import of runs passes over
--old-layout puts the UploadedFiles zips under DI-Connect-Fitness, as 2018 exports did.
Some summaries have no FIT (manual entries) and some FITs no summary. The manifest says
what an importer should find. Standard library only; the same seed writes the same bytes.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import sys
import tempfile
import zipfile

import fitshift

USER = "sam.runner@example.org"
EXPORT_TIME = (2025, 7, 1, 8, 0, 0)
LAST_DAY = datetime.date(2025, 6, 30)
FILES_PER_PART = 500  # UploadedFiles zips are split in parts; a large export has several

RIDE_FILES = (
    "fit/fitparse--2015-10-13-08-43-15.fit", "fit/fitparse--garmin-edge-820-bike.fit",
    "fit/fitparse--garmin-fenix-5-bike.fit", "fit/gc--2012_01_11_11_51_01.fit",
    "fit/gc--20130716_202738.fit", "fit/gpsbabel--garmin-edge-800.fit",
)
WALK_FILES = ("fit/fitparse--garmin-fenix-5-walk.fit", "fit/gc--FR55-CoreTemp-Walk.fit")
MONITORING_FILE = "fit/fitparse--MonitoringFile.fit"
# Non-activity FITs a watch uploads too (file_id.type is not activity).
OTHER_DEVICE_FILES = (
    "fit/fitparse--Settings.fit", "fit/fitparse--Settings2.fit",
    "fit/fitparse--WeightScaleSingleUser.fit", "fit/fitparse--WeightScaleMultiUser.fit",
    "fit/fitparse--WorkoutRepeatSteps.fit",
)
RUN_TYPES = ("running", "treadmill_running", "trail_running")

_RUN_NAMES = ["Bonn Running", "Bonn - Easy Run", "Tempo, 3×2 km", "Long Run", "Treadmill Run",
              "Parkrun – Rheinaue", "Recovery run, back stiff", 'Trail "Siebengebirge"']


def _epoch_ms(text):
    return int(fitshift.parse_utc(text).timestamp() * 1000)


def _zip_info(name):
    info = zipfile.ZipInfo(name, EXPORT_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _summary(rng, entry, row, activity_type):
    """One summarizedActivitiesExport item, in the export's own units."""
    start_ms = _epoch_ms(entry["start"])
    offset_s = row.get("utc_offset_s")
    offset_s = 3600 if offset_s is None else offset_s
    elapsed_ms = entry["elapsed_s"] * 1000.0
    sport = {"running": "RUNNING", "treadmill_running": "RUNNING", "trail_running": "RUNNING",
             "cycling": "CYCLING", "walking": "WALKING"}[activity_type]
    summary = {
        "activityId": entry["id"], "uuid": {"mostSignificantBits": rng.getrandbits(63),
                                            "leastSignificantBits": rng.getrandbits(63)},
        "name": entry["name"], "activityType": activity_type, "userProfileId": 98765432,
        "timeZoneId": 124, "beginTimestamp": start_ms, "eventTypeId": 9, "rule": "private",
        "sportType": sport, "startTimeGmt": float(start_ms),
        "startTimeLocal": float(start_ms + offset_s * 1000),
        "duration": (row.get("timer_s") or entry["elapsed_s"]) * 1000.0,
        "distance": entry["distance_m"] * 100.0 if entry["distance_m"] is not None else None,
        "elevationGain": round(rng.uniform(5, 250), 1) * 100.0,
        "elevationLoss": round(rng.uniform(5, 250), 1) * 100.0,
        "avgHr": row.get("avg_hr_bpm") and round(row["avg_hr_bpm"]),
        "maxHr": row.get("avg_hr_bpm") and round(row["avg_hr_bpm"]) + rng.randrange(8, 30),
        "avgRunCadence": (row.get("avg_cadence_spm") and round(row["avg_cadence_spm"], 1)
                          if sport == "RUNNING" else None),
        "calories": round(entry["distance_m"] / 1000.0 * rng.uniform(55, 75), 1)
        if entry["distance_m"] else None,
        "movingDuration": entry["moving_s"] * 1000.0, "elapsedDuration": elapsed_ms,
        "manufacturer": "GARMIN", "deviceId": 3314951627, "lapCount": rng.randrange(1, 12),
        "manualActivity": entry["file"] is None, "favorite": False, "pr": False,
        "parent": False, "purposeful": False, "autoCalcCalories": False,
    }
    if entry["description"]:
        summary["description"] = entry["description"]
    return {k: v for k, v in summary.items() if v is not None}


def _plan(rng, count):
    """Activities oldest first: manifest entries plus what the summary needs."""
    runs = [p for p in fitshift.corpus_runs() if p.startswith("fit/")]
    indoor_runs = [p for p in runs if fitshift.corpus_row(p)["indoor"]]
    days = fitshift.plan_days(rng, count, LAST_DAY)
    activity_id = 9800000000 + rng.randrange(10 ** 7)
    plan = []
    for index, day in enumerate(days):
        # The first few cover every case: manual, a ride, a walk, a FIT without summary,
        # a treadmill run.
        roll = rng.random()
        if index == 0 or (index > 4 and roll < 0.05):
            case = "manual"
        elif index == 1 or (index > 4 and roll < 0.13):
            case = "cycling"
        elif index == 2 or (index > 4 and roll < 0.16):
            case = "walking"
        elif index == 3 or (index > 4 and roll < 0.19):
            case = "no_summary"
        else:
            case = "running"
        activity_id += rng.randrange(30_000_000, 90_000_000)
        if case == "manual":
            source = None
        elif case == "cycling":
            source = rng.choice(RIDE_FILES)
        elif case == "walking":
            source = rng.choice(WALK_FILES)
        elif index == 4 and indoor_runs:
            source = indoor_runs[0]  # a treadmill run among the first few
        else:
            source = rng.choice(runs)
        plan.append({"case": case, "day": day, "id": activity_id, "source": source})
    return plan


def _plan_same_runs(rng, manifest_path):
    """The FIT runs of another export's manifest (Strava's), on the same days: the same
    runs as that export holds, as Garmin would have them."""
    with open(manifest_path, encoding="utf-8") as f:
        other = json.load(f)
    activity_id = 9800000000 + rng.randrange(10 ** 7)
    plan = []
    for entry in other["activities"]:
        source = entry.get("source")
        if not entry.get("is_run") or not source or not source.startswith("fit/"):
            continue
        activity_id += rng.randrange(30_000_000, 90_000_000)
        plan.append({"case": "running", "day": fitshift.parse_utc(entry["start"]).date(),
                     "id": activity_id, "source": source})
    return plan


def write_export(args):
    rng = random.Random(args.seed)
    plan = _plan_same_runs(rng, args.same_runs) if args.same_runs else _plan(rng, args.activities)
    summaries = []
    activities = []
    inner_files = []  # (name, (corpus path, shift in days), manifest entry)
    upload_id = 11000000000 + rng.randrange(10 ** 8)
    for item in plan:
        case, source = item["case"], item["source"]
        row = fitshift.corpus_row(source) if source else {}
        entry = {"id": item["id"], "type": None, "is_run": False, "start": None,
                 "source": source, "file": None, "container": None, "has_summary": True,
                 "distance_m": None, "moving_s": None, "elapsed_s": None,
                 "name": rng.choice(_RUN_NAMES) if case in ("running", "manual", "no_summary")
                 else ("Bonn Cycling" if case == "cycling" else "Bonn Walking"),
                 "description": rng.choice(("", "", "", "Back OK today.",
                                            "Lower back tight,\nstopped at 5 km."))}
        if source is None:
            distance = round(rng.uniform(3000, 12000), 1)
            moving = int(distance * rng.uniform(0.30, 0.40))
            start = datetime.datetime.combine(item["day"], datetime.time(rng.randrange(5, 20), 0),
                                              tzinfo=datetime.timezone.utc)
            entry.update(type="running", is_run=True, start=fitshift.format_utc(start),
                         distance_m=distance, moving_s=moving, elapsed_s=moving + 60)
        else:
            start, days = fitshift.shifted_start(source, item["day"])
            # Shifted when written, so that the export is never held in memory whole.
            data = (source, days)
            upload_id += rng.randrange(1_000_000, 9_000_000)
            name = "%s_%d.fit" % (USER, upload_id)
            if case in ("running", "no_summary"):
                activity_type = "treadmill_running" if row["indoor"] else rng.choice(
                    ("running",) * 6 + ("trail_running",))
            else:
                activity_type = case
            entry.update(type=activity_type, is_run=activity_type in RUN_TYPES, start=start,
                         file=name, distance_m=row["distance_m"],
                         moving_s=int(round(row["moving_s"] or 0)),
                         elapsed_s=int(round(row["elapsed_s"] or 0)))
            inner_files.append((name, data, entry))
        if case == "no_summary":
            # An activity deleted on Connect after upload: its FIT stays in the export.
            entry["has_summary"] = False
        else:
            summaries.append(_summary(rng, entry, row, entry["type"]))
        activities.append(entry)

    # Monitoring FITs, one every few days, and the other device files, once each.
    other_files = []
    monitoring_days = [item["day"] for item in plan[::5]]
    monitoring_start = fitshift.fit_first_time(
        fitshift.read_corpus(args.corpus, MONITORING_FILE)).date()
    for day in monitoring_days:
        data = (MONITORING_FILE, (day - monitoring_start).days)
        upload_id += rng.randrange(1_000_000, 9_000_000)
        other_files.append(("%s_%d.fit" % (USER, upload_id), data, MONITORING_FILE))
    for path in OTHER_DEVICE_FILES:
        first = fitshift.fit_first_time(fitshift.read_corpus(args.corpus, path))
        data = (path, 0 if first is None else (LAST_DAY - first.date()).days)
        upload_id += rng.randrange(1_000_000, 9_000_000)
        other_files.append(("%s_%d.fit" % (USER, upload_id), data, path))

    # Upload order, not activity order: the parts mix activities and device files.
    uploads = [(name, data, entry) for name, data, entry in inner_files] + [
        (name, data, None) for name, data, _path in other_files]
    rng.shuffle(uploads)
    folder = "DI_CONNECT/DI-Connect-Fitness" if args.old_layout else \
        "DI_CONNECT/DI-Connect-Uploaded-Files"
    parts = []
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        def text(name, body):
            archive.writestr(_zip_info(name), json.dumps(body, ensure_ascii=False).encode("utf-8"))

        text("DI_CONNECT/DI-Connect-Fitness/%s_0_summarizedActivities.json" % USER,
             [{"summarizedActivitiesExport": summaries}])
        text("DI_CONNECT/DI-Connect-Fitness/%s_personalRecord.json" % USER,
             [{"personalRecords": [{"personalRecordType": "Best 5K", "value": 1412.0,
                                    "current": True}]}])
        text("DI_CONNECT/DI-Connect-User/user_profile.json",
             {"userName": USER, "firstName": "Sam", "lastName": "Example", "gender": "FEMALE"})
        first_day, last_day = plan[0]["day"] if plan else LAST_DAY, LAST_DAY
        text("DI_CONNECT/DI-Connect-Wellness/%s_%s_98765432_sleepData.json"
             % (first_day.isoformat(), last_day.isoformat()),
             [{"sleepStartTimestampGMT": "%sT22:41:00.0" % day.isoformat(),
               "sleepEndTimestampGMT":
                   "%sT06:12:00.0" % (day + datetime.timedelta(days=1)).isoformat(),
               "deepSleepSeconds": rng.randrange(3000, 7000), "lightSleepSeconds":
               rng.randrange(10000, 16000), "awakeCount": rng.randrange(0, 4)}
              for day in monitoring_days])
        text("DI_CONNECT/DI-Connect-Aggregator/UDSFile_%s_%s.json"
             % (first_day.isoformat(), last_day.isoformat()),
             [{"calendarDate": day.isoformat(), "totalSteps": rng.randrange(4000, 20000),
               "restingHeartRate": rng.randrange(45, 60), "userProfilePK": 98765432}
              for day in monitoring_days])
        for first in range(0, len(uploads), FILES_PER_PART):
            part_name = "%s/UploadedFiles_0-_Part%d.zip" % (folder, len(parts) + 1)
            parts.append(part_name)
            # Each part is built in a temporary file and copied in, a megabyte at a time.
            with tempfile.TemporaryFile() as scratch:
                with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as part:
                    for name, (path, days), entry in uploads[first:first + FILES_PER_PART]:
                        data = fitshift.shift_file(fitshift.read_corpus(args.corpus, path), "fit",
                                                   days * fitshift.DAY_S)
                        part.writestr(_zip_info(name), data)
                        if entry is not None:
                            entry["container"] = part_name
                scratch.seek(0)
                info = _zip_info(part_name)
                info.compress_type = zipfile.ZIP_STORED  # deflating a zip again gains nothing
                with archive.open(info, "w") as member:
                    shutil.copyfileobj(scratch, member, 1 << 20)

    return {"service": "garmin", "old_layout": args.old_layout, "seed": args.seed, "user": USER,
            "summaries_file": "DI_CONNECT/DI-Connect-Fitness/%s_0_summarizedActivities.json" % USER,
            "uploaded_zips": parts,
            "device_files": [{"file": name, "source": path} for name, _, path in other_files],
            "activities": activities}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="the zip to write")
    parser.add_argument("--activities", type=int, default=30, help="activities in all")
    parser.add_argument("--manifest", help="where to write the manifest (JSON)")
    parser.add_argument("--old-layout", action="store_true",
                        help="UploadedFiles zips under DI-Connect-Fitness (2018 exports)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", default=fitshift.DEFAULT_CORPUS)
    parser.add_argument("--same-runs", metavar="MANIFEST",
                        help="write the FIT runs of this manifest (another export's) instead")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.corpus):
        print("garmin.py: no corpus at %s (give --corpus)" % args.corpus, file=sys.stderr)
        return 2
    manifest = write_export(args)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=1, ensure_ascii=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
