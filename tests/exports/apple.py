#!/usr/bin/env python3
"""Writes an Apple Health export (export.xml, workout routes, optionally export.zip) built
from the real GPX recordings in ../shared/corpus/gpx, with a JSON manifest of every
running workout it wrote, so readers can be checked against known answers.

    apple.py --out DIR --runs N [--seed S] [--zip] [--records-mb M] [--routes-first]
             [--cut-at BYTES] --manifest FILE

Layout (as an iPhone writes it): DIR/apple_health_export/export.xml, export_cda.xml and
workout-routes/route_YYYY-MM-DD_H.MMam.gpx; with --zip, DIR/export.zip holding the same
under apple_health_export/ (routes after export.xml, or before with --routes-first).

What it reproduces from real exports: the iOS 16 inline DTD with an <!ATTLIST> left
unclosed (strict parsers stop at it), a byte-order mark, control characters (\\x0b) inside
some attribute values, Records before Workouts, MetadataEntry children, WorkoutEvent
pauses, WorkoutStatistics (iOS 16+) or the older totalDistance in miles, inline
<Location> routes of very old exports, indoor runs without a route, and walking and
cycling workouts a running reader must leave out. Standard library only; the same
--seed gives the same bytes.
"""
import argparse
import datetime as dt
import json
import math
import os
import random
import sys
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_GPX = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "corpus", "gpx"))
LAST_DAY = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
OFFSETS = [-5 * 3600, 1 * 3600, 2 * 3600]
PAUSE_S = 150
MI = 1609.344

# The iOS 16 DTD, shortened; its defect kept: the VisionPrescription ATTLIST has no '>'.
DTD = """<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 12 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
  HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!-- Note: Any Records that appear as children of a correlation also appear as top-level records in this document. -->
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ATTLIST Correlation
  type          CDATA #REQUIRED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  totalDistance         CDATA #IMPLIED
  totalDistanceUnit     CDATA #IMPLIED
  totalEnergyBurned     CDATA #IMPLIED
  totalEnergyBurnedUnit CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  sourceVersion         CDATA #IMPLIED
  device                CDATA #IMPLIED
  creationDate          CDATA #IMPLIED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutEvent EMPTY>
<!ATTLIST WorkoutEvent
  type         CDATA #REQUIRED
  date         CDATA #REQUIRED
  duration     CDATA #IMPLIED
  durationUnit CDATA #IMPLIED
>
<!ELEMENT WorkoutStatistics EMPTY>
<!ATTLIST WorkoutStatistics
  type      CDATA #REQUIRED
  startDate CDATA #REQUIRED
  endDate   CDATA #REQUIRED
  average   CDATA #IMPLIED
  minimum   CDATA #IMPLIED
  maximum   CDATA #IMPLIED
  sum       CDATA #IMPLIED
  unit      CDATA #IMPLIED
>
<!ELEMENT WorkoutRoute ((MetadataEntry|FileReference)*)>
<!ATTLIST WorkoutRoute
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT FileReference EMPTY>
<!ATTLIST FileReference
  path CDATA #REQUIRED
>
<!ELEMENT VisionPrescription ((RightEye|LeftEye|Attachment|MetadataEntry)*)>
<!ATTLIST VisionPrescription
  type             CDATA #REQUIRED
  dateIssued       CDATA #REQUIRED
  expirationDate   CDATA #IMPLIED
  brand            CDATA #IMPLIED
<!ELEMENT RightEye EMPTY>
<!ATTLIST RightEye
  sphere           CDATA #IMPLIED
  sphereUnit       CDATA #IMPLIED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
<!ELEMENT ActivitySummary EMPTY>
<!ATTLIST ActivitySummary
  dateComponents           CDATA #IMPLIED
  activeEnergyBurned       CDATA #IMPLIED
  activeEnergyBurnedGoal   CDATA #IMPLIED
  activeEnergyBurnedUnit   CDATA #IMPLIED
>
]>
"""

WATCH = "Apple\x0bWatch de Léa"  # a stray \x0b as real exports carry
WATCH_CLEAN = "AppleWatch de Léa"
DEVICE = ("&lt;&lt;HKDevice: 0x283c6a1c0&gt;, name:Apple Watch, manufacturer:Apple Inc., "
          "model:Watch, hardware:Watch6,2, software:10.1&gt;")


def parse_time(text):
    text = text.strip().replace("Z", "+00:00")
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.timestamp()


def read_track(path):
    """(lat, lon, ele or None, utc seconds) of every timed trkpt, or None if unusable."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    points = []
    for element in root.iter():
        if not element.tag.endswith("trkpt"):
            continue
        time = ele = None
        for child in element:
            if child.tag.endswith("time") and child.text:
                try:
                    time = parse_time(child.text)
                except ValueError:
                    time = None
            elif child.tag.endswith("ele") and child.text:
                try:
                    ele = float(child.text)
                except ValueError:
                    ele = None
        if time is None:
            continue
        try:
            points.append((float(element.get("lat")), float(element.get("lon")), ele, time))
        except (TypeError, ValueError):
            continue
    points.sort(key=lambda p: p[3])
    kept = []
    for point in points:
        if kept and point[3] <= kept[-1][3]:
            continue
        if point[3] - points[0][3] > 2 * 3600:  # a run, not a day's hike
            break
        kept.append(point)
    if len(kept) < 20 or kept[-1][3] - kept[0][3] < 300:
        return None
    return kept


def haversine_m(a, b):
    r = 6371008.8
    lat1, lat2 = math.radians(a[0]), math.radians(b[0])
    dlat, dlon = lat2 - lat1, math.radians(b[1] - a[1])
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def apple_date(utc_s, offset_s):
    local = dt.datetime.fromtimestamp(utc_s + offset_s, dt.timezone.utc)
    sign = "-" if offset_s < 0 else "+"
    hours, minutes = divmod(abs(offset_s) // 60, 60)
    return local.strftime("%Y-%m-%d %H:%M:%S") + f" {sign}{hours:02d}{minutes:02d}"


def iso_z(utc_s):
    return dt.datetime.fromtimestamp(utc_s, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def route_name(utc_s, offset_s):
    local = dt.datetime.fromtimestamp(utc_s + offset_s, dt.timezone.utc)
    hour = local.hour % 12 or 12
    half = "am" if local.hour < 12 else "pm"
    return f"route_{local:%Y-%m-%d}_{hour}.{local:%M}{half}.gpx"


def record(kind, unit, value, start, end, offset, source="iPhone", extra=""):
    s, e = apple_date(start, offset), apple_date(end, offset)
    head = (f' <Record type="{kind}" sourceName="{source}" sourceVersion="17.1" unit="{unit}" '
            f'creationDate="{e}" startDate="{s}" endDate="{e}" value="{value}"')
    if extra:
        return head + ">\n" + extra + " </Record>\n"
    return head + "/>\n"


def hr_record(t, bpm, offset, rng):
    source = WATCH if rng.random() < 0.02 else "Apple Watch de Léa"
    date = apple_date(t, offset)
    head = (f' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="{source}" '
            f'sourceVersion="10.1" device="{DEVICE}" unit="count/min" creationDate="{date}" '
            f'startDate="{date}" endDate="{date}" value="{bpm}"')
    if rng.random() < 0.3:
        return head + '>\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="2"/>\n </Record>\n'
    return head + "/>\n"


def filler_records(start, end, step, offset, rng):
    out = []
    t = start
    while t < end:
        which = rng.randrange(3)
        if which == 0:
            extra = ('  <MetadataEntry key="HKWasUserEntered" value="0"/>\n'
                     if rng.random() < 0.2 else "")
            out.append(record("HKQuantityTypeIdentifierStepCount", "count", rng.randrange(5, 900),
                              t, t + 60, offset, "iPhone\x0b" if rng.random() < 0.05 else "iPhone",
                              extra))
        elif which == 1:
            out.append(record("HKQuantityTypeIdentifierActiveEnergyBurned", "Cal",
                              f"{rng.uniform(0.05, 9):.3f}", t, t + 60, offset, "Apple Watch de Léa"))
        else:
            out.append(record("HKQuantityTypeIdentifierDistanceWalkingRunning", "km",
                              f"{rng.uniform(0.001, 0.3):.5f}", t, t + 60, offset, "iPhone"))
        t += step
    return out


def route_gpx(points, name):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="Apple Health Export" xmlns="http://www.topografix.com/GPX/1/1" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
             f" <metadata>\n  <time>{iso_z(points[0][3])}</time>\n </metadata>",
             f" <trk>\n  <name>{name}</name>\n  <trkseg>"]
    previous = None
    for point in points:
        speed = course = 0.0
        if previous:
            gap = max(1e-3, point[3] - previous[3])
            speed = haversine_m(previous, point) / gap
            course = (math.degrees(math.atan2(point[1] - previous[1], point[0] - previous[0])) + 360) % 360
        ele = f"<ele>{point[2]:.6f}</ele>" if point[2] is not None else ""
        lines.append(f'   <trkpt lon="{point[1]:.6f}" lat="{point[0]:.6f}">{ele}<time>{iso_z(point[3])}</time>'
                     f"<extensions><speed>{speed:.6f}</speed><course>{course:.6f}</course>"
                     f"<hAcc>3.5</hAcc><vAcc>2.1</vAcc></extensions></trkpt>")
        previous = point
    lines.append("  </trkseg>\n </trk>\n</gpx>\n")
    return "\n".join(lines)


def build(args):
    rng = random.Random(args.seed)
    tracks = []
    corpus_gpx = os.path.join(args.corpus, "gpx")
    for name in sorted(os.listdir(corpus_gpx)):
        if name.endswith(".gpx"):
            points = read_track(os.path.join(corpus_gpx, name))
            if points:
                tracks.append((name, points))
    if not tracks:
        sys.exit(f"no timed GPX tracks found in {corpus_gpx}")

    # --same-runs: the GPX runs of another export's manifest (Strava's), at the same
    # starts, as an Apple Watch recording the same runs would have them.
    same = []
    if args.same_runs:
        by_name = dict(tracks)
        with open(args.same_runs, encoding="utf-8") as f:
            for entry in json.load(f)["activities"]:
                source = entry.get("source") or ""
                name = source[len("gpx/"):]
                if entry.get("is_run") and source.startswith("gpx/") and name in by_name:
                    # Only a recording of the whole run: a file of several tracks is read
                    # here as its first alone, which would be another run.
                    points = by_name[name]
                    length = sum(haversine_m(a, b) for a, b in zip(points, points[1:]))
                    if abs(length - entry["distance_m"]) > 0.03 * entry["distance_m"]:
                        continue
                    start = dt.datetime.strptime(entry["start"], "%Y-%m-%dT%H:%M:%SZ")
                    same.append((name, by_name[name],
                                 int(start.replace(tzinfo=dt.timezone.utc).timestamp())))

    runs, routes = [], {}
    workouts, hr, fillers, others = [], [], [], []
    for i in range(len(same) if same else args.runs):
        corpus_name, points = same[i][:2] if same else tracks[i % len(tracks)]
        offset = OFFSETS[i % len(OFFSETS)]
        day = LAST_DAY - dt.timedelta(days=2 * i)
        local_start = day + dt.timedelta(hours=6 + (i * 5) % 13, minutes=(i * 7) % 60, seconds=(i * 13) % 60)
        start = same[i][2] if same else math.floor(local_start.timestamp() - offset)
        t0 = points[0][3]
        paused = i % 3 == 2 and not same
        middle = points[len(points) // 2][3]
        shifted = []
        for lat, lon, ele, t in points:
            t = start + (t - t0)
            if paused and t >= start + (middle - t0):
                t += PAUSE_S
            shifted.append((lat, lon, ele, t))
        end = math.ceil(shifted[-1][3])
        pause_at = start + (middle - t0) - 1 if paused else None
        moving_s = end - start - (PAUSE_S + 1 if paused else 0)
        distance = sum(haversine_m(a, b) for a, b in zip(shifted, shifted[1:]))
        gain = sum(max(0.0, b[2] - a[2]) for a, b in zip(shifted, shifted[1:])
                   if a[2] is not None and b[2] is not None)
        indoor = i % 10 == 9 and not same
        old_style = i % 7 == 6 and not indoor and not same  # pre-iOS 16: totalDistance in miles, inline route

        samples = []
        t = start
        while t <= end:
            bpm = int(round(140 + 18 * math.sin((t - start) / 300.0) + rng.uniform(-4, 4)))
            samples.append((t, bpm))
            hr.append((t, bpm, offset))
            t += 5
        avg = sum(b for _, b in samples) / len(samples)
        maximum = max(b for _, b in samples)
        minimum = min(b for _, b in samples)

        s, e = apple_date(start, offset), apple_date(end, offset)
        lines = []
        if old_style:
            miles = float(f"{distance / MI:.5f}")
            distance_written = miles * MI
            lines.append(f' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="{moving_s / 60:.6f}" '
                         f'durationUnit="min" totalDistance="{miles:.5f}" totalDistanceUnit="mi" '
                         f'totalEnergyBurned="312" totalEnergyBurnedUnit="Cal" sourceName="Apple Watch de Léa" '
                         f'sourceVersion="4.3" creationDate="{e}" startDate="{s}" endDate="{e}">')
        else:
            km = float(f"{distance / 1000:.5f}")
            distance_written = km * 1000
            source = WATCH if i % 4 == 1 else "Apple Watch de Léa"
            lines.append(f' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="{moving_s / 60:.6f}" '
                         f'durationUnit="min" sourceName="{source}" sourceVersion="10.1" device="{DEVICE}" '
                         f'creationDate="{e}" startDate="{s}" endDate="{e}">')
        lines.append(f'  <MetadataEntry key="HKIndoorWorkout" value="{1 if indoor else 0}"/>')
        lines.append('  <MetadataEntry key="HKTimeZone" value="Europe/Paris"/>')
        gain_cm = int(round(gain * 100))
        if not indoor:
            lines.append(f'  <MetadataEntry key="HKElevationAscended" value="{gain_cm} cm"/>')
        lines.append(f'  <WorkoutEvent type="HKWorkoutEventTypeSegment" date="{s}" duration="5" durationUnit="min"/>')
        if paused:
            lines.append(f'  <WorkoutEvent type="HKWorkoutEventTypePause" date="{apple_date(pause_at, offset)}"/>')
            lines.append(f'  <WorkoutEvent type="HKWorkoutEventTypeResume" date="{apple_date(pause_at + PAUSE_S + 1, offset)}"/>')
        if not old_style:
            lines.append(f'  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="{s}" endDate="{e}" sum="312.5" unit="Cal"/>')
            lines.append(f'  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="{s}" endDate="{e}" sum="{km:.5f}" unit="km"/>')
            lines.append(f'  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="{s}" endDate="{e}" '
                         f'average="{avg:.4f}" minimum="{minimum}" maximum="{maximum}" unit="count/min"/>')
        route_file = None
        if not indoor:
            lines.append(f'  <WorkoutRoute sourceName="Apple Watch de Léa" sourceVersion="10.1" creationDate="{e}" startDate="{s}" endDate="{e}">')
            lines.append('   <MetadataEntry key="HKMetadataKeySyncVersion" value="2"/>')
            if old_style:
                for lat, lon, ele, t in shifted:
                    lines.append(f'   <Location date="{apple_date(round(t), offset)}" latitude="{lat:.6f}" longitude="{lon:.6f}" '
                                 f'altitude="{ele or 0:.3f}" horizontalAccuracy="3.5" verticalAccuracy="2.1" course="0" speed="2.9"/>')
            else:
                route_file = "/workout-routes/" + route_name(start, offset)
                routes[route_file[1:]] = route_gpx(shifted, route_file[len("/workout-routes/"):-4])
                lines.append(f'   <FileReference path="{route_file}"/>')
            lines.append("  </WorkoutRoute>")
        lines.append(" </Workout>")
        workouts.append((start, "\n".join(lines) + "\n"))

        # A walk and a ride the next day: workouts a running reader must leave out.
        other_start = start + 86400 + 3600
        for kind in ("HKWorkoutActivityTypeWalking", "HKWorkoutActivityTypeCycling"):
            os_, oe = apple_date(other_start, offset), apple_date(other_start + 1800, offset)
            workouts.append((other_start, f' <Workout workoutActivityType="{kind}" duration="30" durationUnit="min" '
                                          f'sourceName="Apple Watch de Léa" startDate="{os_}" endDate="{oe}">\n'
                                          f'  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n'
                                          f'  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" '
                                          f'startDate="{os_}" endDate="{oe}" sum="2.5" unit="km"/>\n </Workout>\n'))
            others.append(kind)
            other_start += 3 * 3600

        # Resting heart rate every 5 minutes through the day before the run.
        t = start - 86400
        while t < start - 60:
            hr.append((t, rng.randrange(52, 80), offset))
            t += 300
        fillers.extend(filler_records(start - 86400, start + 86400, 600, offset, rng))

        runs.append({
            "start_utc": iso_z(start), "start_utc_s": start, "utc_offset_s": offset,
            "end_utc_s": end, "duration_s": moving_s, "distance_m": distance_written,
            "distance_source": "totalDistance mi" if old_style else "WorkoutStatistics km",
            "elevation_gain_m": None if indoor else gain_cm / 100.0,
            "indoor": indoor, "route_file": route_file, "route_inline_points": len(shifted) if old_style else 0,
            "paused_s": PAUSE_S + 1 if paused else 0, "avg_hr_bpm": avg, "max_hr_bpm": maximum,
            "hr_samples": len(samples), "corpus_file": "gpx/" + corpus_name,
        })
    workouts.sort(key=lambda w: w[0])
    runs.sort(key=lambda r: r["start_utc_s"])
    hr.sort(key=lambda h: h[0])
    return runs, routes, workouts, [hr_record(t, b, o, rng) for t, b, o in hr], fillers, others


def padding_blocks(rng, count=8):
    """Blocks of about 1 MB of Records dated 2015-2020 (before every run, so the manifest's
    answers stay true), 40% heart rate as in a real export, written again and again."""
    blocks = []
    base = dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc).timestamp()
    for b in range(count):
        parts, size = [], 0
        t = base + b * 40 * 86400
        while size < 1 << 20:
            if rng.random() < 0.4:
                text = hr_record(t, rng.randrange(50, 180), 3600, rng)
            else:
                text = filler_records(t, t + 1, 1, 3600, rng)[0]
            parts.append(text)
            size += len(text.encode())
            t += 37
        blocks.append("".join(parts).encode())
    return blocks


def write_export(path, args, runs, workouts, hr, fillers):
    rng = random.Random(args.seed + 1)
    head = ('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n  \n' + DTD +
            '<HealthData locale="fr_FR">\n <ExportDate value="2026-11-02 08:00:00 +0100"/>\n'
            ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1988-04-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" '
            'HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" '
            'HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>\n')
    records = len(hr) + len(fillers)
    heart_rate = len(hr)
    body = ("".join(fillers) + "".join(hr) + "".join(w for _, w in workouts)).encode()
    with open(path, "wb") as out:
        out.write(head.encode())
        if args.records_mb:
            blocks = padding_blocks(rng)
            target = args.records_mb * 1000 * 1000 - len(body)
            block_records = [b.count(b"<Record ") for b in blocks]
            block_hr = [b.count(b"HKQuantityTypeIdentifierHeartRate") for b in blocks]
            i = 0
            while out.tell() < target:
                out.write(blocks[i % len(blocks)])
                records += block_records[i % len(blocks)]
                heart_rate += block_hr[i % len(blocks)]
                i += 1
        out.write(body)
        out.write(' <ActivitySummary dateComponents="2026-11-01" activeEnergyBurned="512" '
                  'activeEnergyBurnedGoal="500" activeEnergyBurnedUnit="Cal"/>\n</HealthData>\n'.encode())
    if args.cut_at is not None:
        with open(path, "r+b") as out:
            out.truncate(args.cut_at)
    return records, heart_rate


CDA = ('<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n'
       ' <title>Health Data</title>\n</ClinicalDocument>\n'
       '<ClinicalDocument xmlns="urn:hl7-org:v3">\n <title>second root</title>\n</ClinicalDocument>\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--runs", type=int, default=0)
    parser.add_argument("--corpus", default=os.path.dirname(CORPUS_GPX),
                        help="the shared corpus (its gpx/ folder is read)")
    parser.add_argument("--same-runs", metavar="MANIFEST",
                        help="the GPX runs of this manifest (another export's), at the same starts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zip", action="store_true")
    parser.add_argument("--records-mb", type=int, default=0)
    parser.add_argument("--routes-first", action="store_true")
    parser.add_argument("--cut-at", type=int)
    parser.add_argument("--manifest", required=True)
    args = parser.parse_args()

    runs, routes, workouts, hr, fillers, others = build(args)
    folder = os.path.join(args.out, "apple_health_export")
    os.makedirs(os.path.join(folder, "workout-routes"), exist_ok=True)
    export = os.path.join(folder, "export.xml")
    records, heart_rate = write_export(export, args, runs, workouts, hr, fillers)
    with open(os.path.join(folder, "export_cda.xml"), "w") as out:
        out.write(CDA)
    for name, text in routes.items():
        with open(os.path.join(folder, name), "w") as out:
            out.write(text)
    if args.zip:
        with zipfile.ZipFile(os.path.join(args.out, "export.zip"), "w", zipfile.ZIP_DEFLATED) as archive:
            route_names = sorted(routes)
            if args.routes_first:
                for name in route_names:
                    archive.write(os.path.join(folder, name), "apple_health_export/" + name)
            archive.write(export, "apple_health_export/export.xml")
            archive.write(os.path.join(folder, "export_cda.xml"), "apple_health_export/export_cda.xml")
            if not args.routes_first:
                for name in route_names:
                    archive.write(os.path.join(folder, name), "apple_health_export/" + name)
    manifest = {
        "export_xml": os.path.relpath(export, args.out), "export_bytes": os.path.getsize(export),
        "cut_at": args.cut_at, "records": records, "heart_rate_records": heart_rate,
        "non_running_workouts": len(others), "source_name": WATCH_CLEAN, "runs": runs,
    }
    with open(args.manifest, "w") as out:
        json.dump(manifest, out, indent=1)
    print(f"{len(runs)} runs, {records} records ({heart_rate} heart rate), "
          f"{os.path.getsize(export) / 1e6:.1f} MB export.xml")


if __name__ == "__main__":
    main()
