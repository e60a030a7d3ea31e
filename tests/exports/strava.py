#!/usr/bin/env python3
"""Write a Strava bulk export (export_<athleteId>.zip) built from the real corpus files.

  strava.py --out export_12345.zip --activities N --manifest M.json
            [--header 94|99|101|de] [--old-dates] [--seed S] [--corpus DIR]
            [--truncate BYTES] [--corrupt-gz]
  strava.py --out bomb.zip --bomb [--manifest M.json]

The layout and its quirks follow real exports (see README.md beside this file): CSVs at the
root, the original uploads under activities/ as .fit.gz, .fit, .gpx, .gpx.gz and .tcx.gz
(some TCX with whitespace before <?xml), media/, and routes/ with planned routes that have
no times. The manifest says what an importer should find: one entry per CSV row.
Standard library only; the same seed writes the same bytes.
"""

import argparse
import datetime
import json
import os
import random
import struct
import sys
import zipfile
import zlib

import fitshift

# activities.csv as exported in 2024-2025 (94 columns, geo-activity-playground's test
# export). Names repeat: the first Elapsed Time is whole seconds and the first Distance is
# km rounded to two decimals; the second ones are floats in seconds and metres.
_COLUMNS_94 = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Elevation Loss", "Elevation Low", "Elevation High", "Max Grade", "Average Grade",
    "Average Positive Grade", "Average Negative Grade", "Max Cadence", "Average Cadence",
    "Max Heart Rate", "Average Heart Rate", "Max Watts", "Average Watts", "Calories",
    "Max Temperature", "Average Temperature", "Relative Effort", "Total Work", "Number of Runs",
    "Uphill Time", "Downhill Time", "Other Time", "Perceived Exertion", "Type", "Start Time",
    "Weighted Average Power", "Power Count", "Prefer Perceived Exertion",
    "Perceived Relative Effort", "Commute", "Total Weight Lifted", "From Upload",
    "Grade Adjusted Distance", "Weather Observation Time", "Weather Condition",
    "Weather Temperature", "Apparent Temperature", "Dewpoint", "Humidity", "Weather Pressure",
    "Wind Speed", "Wind Gust", "Wind Bearing", "Precipitation Intensity", "Sunrise Time",
    "Sunset Time", "Moon Phase", "Bike", "Gear", "Precipitation Probability",
    "Precipitation Type", "Cloud Cover", "Weather Visibility", "UV Index", "Weather Ozone",
    "Jump Count", "Total Grit", "Average Flow", "Flagged", "Average Elapsed Speed",
    "Dirt Distance", "Newly Explored Distance", "Newly Explored Dirt Distance",
    "Activity Count", "Total Steps", "Carbon Saved", "Pool Length", "Training Load",
    "Intensity", "Average Grade Adjusted Pace", "Timer Time", "Total Cycles", "Media",
]
# The 99-column drift (geo-activity-playground EXPECTED_COLUMNS, GAP#348/#393): five columns
# before Media, named in German even in the English header as that list has them.
_COLUMNS_99 = _COLUMNS_94[:-1] + [
    "Regeneration", "Mit Haustier", "Wettbewerb", "Langer Lauf", "Für einen guten Zweck", "Media"]
# The 101-column drift (GAP#403): two more before Media. "Downhill Distance" is in GAP's
# mapping; the name of the other one is not public, so it is marked as such.
_COLUMNS_101 = _COLUMNS_99[:-1] + ["Downhill Distance", "Unconfirmed Column", "Media"]

# German headers (GAP#191, #393; names from GAP's strava-csv-mapping.json).
_GERMAN = {
    "Activity ID": "Aktivitäts-ID", "Activity Date": "Aktivitätsdatum",
    "Activity Name": "Name der Aktivität", "Activity Type": "Aktivitätsart",
    "Activity Description": "Aktivitätsbeschreibung", "Elapsed Time": "Verstrichene Zeit",
    "Distance": "Distanz", "Max Heart Rate": "Max. Herzfrequenz",
    "Relative Effort": "Relative Leistung", "Commute": "Pendeln",
    "Activity Private Note": "Hinweis zur Privatsphäre für Aktivitäten",
    "Activity Gear": "Aktivitätsausrüstung", "Filename": "Dateiname",
    "Athlete Weight": "Sportlergewicht", "Bike Weight": "Fahrradgewicht",
    "Moving Time": "Bewegungszeit", "Max Speed": "Höchstgeschw.",
    "Average Speed": "Durchschnittliche Geschwindigkeit", "Elevation Gain": "Höhenzunahme",
    "Elevation Loss": "Höhenunterschied", "Elevation Low": "Min. Höhe",
    "Elevation High": "Max. Höhe", "Max Grade": "Max. Steigung",
    "Average Grade": "Durchschnittliche Steigung",
    "Average Positive Grade": "Durchschnittliche positive Steigung",
    "Average Negative Grade": "Durchschnittliche negative Steigung",
    "Max Cadence": "Max. Tritt-/Schrittfrequenz",
    "Average Cadence": "Durchschnittliche Trittfrequenz",
    "Average Heart Rate": "Durchschnittliche Herzfrequenz", "Max Watts": "Max. Watt",
    "Average Watts": "Durchschnittliche Watt", "Calories": "Kalorien",
    "Max Temperature": "Max. Temperatur", "Average Temperature": "Durchschnittliche Temperatur",
    "Total Work": "Gesamtarbeit", "Number of Runs": "Anzahl Läufe", "Uphill Time": "Bergaufzeit",
    "Downhill Time": "Bergabzeit", "Other Time": "Andere Zeit",
    "Perceived Exertion": "Gefühlte Anstrengung", "Type": "Art", "Start Time": "Startzeit",
    "Weighted Average Power": "Gewichtete durchschnittliche Leistung",
    "Power Count": "Leistungszahl", "Prefer Perceived Exertion": "Gefühlte Anstrengung verwenden",
    "Perceived Relative Effort": "Gefühlte relative Leistung",
    "Total Weight Lifted": "Insgesamt gestemmtes Gewicht", "From Upload": "Von Upload",
    "Grade Adjusted Distance": "Auf Steigung angepasste Distanz",
    "Weather Observation Time": "Wetterbeobachtungszeit", "Weather Condition": "Wetterlage",
    "Weather Temperature": "Wetter: Temperatur", "Apparent Temperature": "Scheinbare Temperatur",
    "Dewpoint": "Taupunkt", "Humidity": "Luftfeuchtigkeit", "Weather Pressure": "Wetter: Druck",
    "Wind Speed": "Windgeschwindigkeit", "Wind Gust": "Windböe", "Wind Bearing": "Windrichtung",
    "Precipitation Intensity": "Niederschlagsintensität", "Sunrise Time": "Sonnenaufgangszeit",
    "Sunset Time": "Sonnenuntergangszeit", "Moon Phase": "Mondphase", "Bike": "Fahrrad",
    "Gear": "Ausrüstung", "Precipitation Probability": "Niederschlagswahrscheinlichkeit",
    "Precipitation Type": "Niederschlagsart", "Cloud Cover": "Wolkendecke",
    "Weather Visibility": "Wetter: Sichtbarkeit", "UV Index": "UV-Index",
    "Weather Ozone": "Wetter: Ozon", "Jump Count": "Sprunganzahl",
    "Total Grit": "Schwierigkeit insgesamt", "Average Flow": "Durchschnittlicher Flow",
    "Flagged": "Markiert",
    "Average Elapsed Speed": "Durchschnittsgeschwindigkeit im Aufzeichnungszeitraum",
    "Dirt Distance": "Auf Schotter zurückgelegte Distanz",
    "Newly Explored Distance": "Neu getestete Distanz",
    "Newly Explored Dirt Distance": "Neu getestete Schotterdistanz",
    "Activity Count": "Aktivitätsanzahl", "Total Steps": "Schritte insgesamt",
    "Carbon Saved": "Eingesparte CO₂-Emissionen", "Pool Length": "Pool-Länge",
    "Training Load": "Trainingsbelastung", "Intensity": "Intensität",
    "Average Grade Adjusted Pace": "Durchschnittliches auf Steigung angepasstes Tempo",
    "Timer Time": "Stoppuhr-Zeit", "Total Cycles": "Zyklen gesamt", "Media": "Medien",
}
# Sport names as a German account shows them.
_GERMAN_TYPES = {"Run": "Lauf", "Ride": "Radfahrt", "Walk": "Spaziergang", "Hike": "Wanderung"}

LAYOUTS = {"94": _COLUMNS_94, "99": _COLUMNS_99, "101": _COLUMNS_101,
           "de": [_GERMAN[name] for name in _COLUMNS_94]}

# Other CSVs of a real export, header only: they hold nothing an import needs.
_OTHER_CSVS = {
    "applications.csv": "App Name,App Description",
    "blocks.csv": "Blocked Athlete ID,Created At",
    "clubs.csv": "Club Name,Club Description,Club Type,Club Sport,City,Country,State,"
                 "Club Website,Cover Photo,Club Picture",
    "components.csv": "Bike Name,Component Type,Component Brand,Component Model",
    "connected_apps.csv": "Enabled Application Name",
    "events.csv": "Event Title,Event Description,Start Time",
    "followers.csv": "Follower Athlete ID,Follow Status,Created At",
    "following.csv": "Following Athlete ID,Follow Status,Created At",
    "goals.csv": "Goal Type,Activity Type,Goal,Start Date,End Date,Segment ID,Time Period,"
                 "Interval Time",
    "logins.csv": "IP Address,Login Source,Login Date & Time",
    "reactions.csv": "Reaction Date,Reaction Type,Parent Type,Parent ID",
    "segments.csv": "Segment Name,Activity ID,Starting Latitude,Starting Longitude,"
                    "Ending Latitude,Ending Longitude",
    "starred_routes.csv": "Date,Route ID",
}

# Non-runs with files, which an importer of runs must skip, and planned routes (no times).
RIDE_FILES = (
    "fit/fitparse--2015-10-13-08-43-15.fit", "fit/fitparse--garmin-edge-820-bike.fit",
    "fit/fitparse--garmin-fenix-5-bike.fit", "fit/fitparse--null_compressed_speed_dist.fit",
    "fit/gc--14582164182.fit.gz", "fit/gc--2012_01_11_11_51_01.fit", "fit/gc--20130716_202738.fit",
    "fit/gc--Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit",
    "fit/gpsbabel--garmin-edge-800.fit",
)
WALK_FILES = ("fit/fitparse--garmin-fenix-5-walk.fit", "fit/gc--FR55-CoreTemp-Walk.fit")
HIKE_FILES = ("gpx/gpxpy--korita-zbevnica.gpx", "gpx/gpxpy--cerknicko-jezero.gpx")
_ROUTE_FILES = ("gpx/gpxpy--cerknicko-without-times.gpx", "gpx/gpxpy--route.gpx")

_RUN_NAMES = [
    "Morning Run", "Lunch Run", "Afternoon Run", "Evening Run", "Easy 5k, legs heavy",
    'Tempo "ish" run', "Long run – river loop", "Intervals 6×400 m", "Recovery jog",
    "Laufen am Rhein", "Parkrun, PB!", "Run with Anna, slow & chatty", "Hill repeats 🏔",
]
_OTHER_NAMES = {"Ride": ["Morning Ride", "Commute, windy"], "Walk": ["Evening Walk"],
                "Hike": ["Hike to the lake", "Hütte, Mittagessen"]}
_DESCRIPTIONS = [
    "", "", "", "Back felt tight after 3 km.\nStretched after, better.",
    'Coach said "keep it easy", so I did.',
    "Lower back sore the morning after,\nbut OK by lunch.\n\nWill take a rest day.",
    "New shoes, first run.", "Zu schnell angegangen, Rücken zwickt.",
]

EXPORT_TIME = (2025, 7, 1, 8, 0, 0)  # date of every zip entry, for reproducible bytes
LAST_DAY = datetime.date(2025, 6, 30)
GIGABYTES_IN_BOMB = 3.5  # inflates past 3 GB but stays under 4 GiB (no Zip64)


# ---------------------------------------------------------------------------------------
# activities.csv

def _quote(text):
    return '"' + text.replace('"', '""') + '"'


def _cell(value):
    """CSV text of one value: quoted when it holds a comma, quote or line break."""
    text = "" if value is None else str(value)
    if any(c in text for c in ',"\n\r'):
        return _quote(text)
    return text


def _number(value, german, digits=None):
    if value is None:
        return ""
    text = repr(float(value)) if digits is None else "%.*f" % (digits, value)
    return text.replace(".", ",") if german else text


def _activity_date(moment, style):
    """Activity Date as each export style writes it (always UTC, no offset)."""
    if style == "old":
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    if style == "de":
        return moment.strftime("%d.%m.%Y, %H:%M:%S")
    hour = moment.hour % 12 or 12
    return "%s %d, %d, %d:%02d:%02d %s" % (moment.strftime("%b"), moment.day, moment.year, hour,
                                          moment.minute, moment.second,
                                          "AM" if moment.hour < 12 else "PM")


def _csv_row(columns, activity, header, date_style):
    german = header == "de"
    english = _COLUMNS_94 if german else columns
    cells = [""] * len(columns)
    seen = {}

    def put(name, value, occurrence=0):
        index = [i for i, n in enumerate(english) if n == name][occurrence]
        cells[index] = value
        seen[index] = True

    start = fitshift.parse_utc(activity["start"])
    distance = activity["distance_m"]
    put("Activity ID", str(activity["id"]))
    put("Activity Date", _cell(_activity_date(start, date_style)))
    put("Activity Name", _cell(activity["name"]))
    put("Activity Type", _cell(activity["csv_type"]))
    put("Activity Description", _quote(activity["description"]))
    put("Elapsed Time", str(activity["elapsed_s"]))
    # Before 2019 the first Distance was metres, then km with two decimals
    # (hugovk/strava-tools#1, #2).
    first_distance = (_number(distance, german, 1) if date_style == "old"
                      else _number(distance / 1000.0, german, 2))
    put("Distance", _cell(first_distance))
    put("Commute", "false")
    put("Activity Private Note", _quote(""))
    put("Filename", activity["file"] or "")
    put("Elapsed Time", _cell(_number(activity["elapsed_s"], german)), 1)
    put("Moving Time", _cell(_number(activity["moving_s"], german)))
    put("Distance", _cell(_number(distance, german)), 1)
    if activity["moving_s"]:
        put("Average Speed", _cell(_number(distance / activity["moving_s"], german)))
    put("Commute", "0.0", 1)
    put("From Upload", "1.0" if activity["file"] else "0.0")
    put("Timer Time", _cell(_number(activity["moving_s"], german)))
    put("Media", _quote(activity.get("media") or ""))
    return ",".join(cells)


# ---------------------------------------------------------------------------------------
# The export

def _zip_info(name, compress_type=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, EXPORT_TIME)
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16
    return info


def _jpeg_like(rng, size):
    """Bytes that start and end like a JPEG; media only has to be there, not be viewable."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + rng.randbytes(size) + b"\xff\xd9"


def _plan(rng, count, corpus_dir):
    """The activities of the export, oldest first, as manifest entries (without files)."""
    runs = fitshift.corpus_runs()
    by_kind = {kind: [p for p in runs if p.startswith(kind + "/")]
               for kind in ("fit", "gpx", "tcx")}
    days = fitshift.plan_days(rng, count, LAST_DAY)
    activity_id = 1800000000 + rng.randrange(10 ** 6)
    plan = []
    for index, day in enumerate(days):
        # The first few cover every case (manual, Ride, Walk, Hike, each kind of file);
        # then every ~20th is manual, every ~8th another sport, and the rest runs, mostly
        # FIT as watches upload them.
        roll = rng.random()
        opening = ("manual", "Ride", "Walk", "Hike")
        if index < len(opening):
            kind = "Run" if index == 0 else opening[index]
        elif roll < 0.05:
            kind = "manual"
        elif roll < 0.17:
            kind = rng.choice(("Ride", "Ride", "Walk", "Hike"))
        else:
            kind = "Run"
        if index == 0 or kind == "manual":
            kind, source = "Run", None
        elif kind != "Run":
            source = rng.choice({"Ride": RIDE_FILES, "Walk": WALK_FILES, "Hike": HIKE_FILES}[kind])
        else:
            file_kind = ("fit", "gpx", "tcx")[index % 3] if index < 16 else rng.choices(
                ("fit", "gpx", "tcx"), weights=(70, 15, 15))[0]
            source = rng.choice(by_kind[file_kind])
        activity_id += rng.randrange(2_000_000, 9_000_000)
        names = _RUN_NAMES if kind == "Run" else _OTHER_NAMES[kind]
        entry = {"id": activity_id, "type": kind, "is_run": kind == "Run", "start": None,
                 "source": source, "file": None, "distance_m": None, "moving_s": None,
                 "elapsed_s": None, "name": rng.choice(names),
                 "description": rng.choice(_DESCRIPTIONS), "day": day}
        if source is None:
            distance = round(rng.uniform(3000, 15000), 1)
            moving = int(distance * rng.uniform(0.30, 0.42))
            start = datetime.datetime.combine(day, datetime.time(rng.randrange(5, 20),
                                                                  rng.randrange(60)),
                                              tzinfo=datetime.timezone.utc)
            entry.update(start=fitshift.format_utc(start), distance_m=distance, moving_s=moving,
                         elapsed_s=moving + rng.randrange(0, 300))
        plan.append(entry)
    return plan


def _file_name(source, upload_id, kind_index):
    kind = fitshift.kind_of(source)
    if kind == "fit":
        suffix = ".fit" if kind_index % 5 == 4 else ".fit.gz"
    elif kind == "gpx":
        suffix = ".gpx" if kind_index % 2 else ".gpx.gz"
    else:
        suffix = ".tcx.gz"
    return "activities/%d%s" % (upload_id, suffix)


def write_export(args):
    rng = random.Random(args.seed)
    columns = LAYOUTS[args.header]
    date_style = "de" if args.header == "de" else ("old" if args.old_dates else "new")
    plan = _plan(rng, args.activities, args.corpus)
    media_names = ["media/%08x-%04x.jpg" % (rng.getrandbits(32), rng.getrandbits(16))
                   for _ in range(2)]
    corrupt_file = None
    rows = []
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        # Names first, so that the CSV can list them; the files are shifted as they are
        # written, after the CSVs, so the export is never held in memory whole.
        payloads = []
        for index, entry in enumerate(plan):
            day = entry.pop("day")
            source = entry["source"]
            if source is not None:
                start, days = fitshift.shifted_start(source, day)
                row = fitshift.corpus_row(source)
                # The file name carries the upload's id, not the activity's (GAP test export).
                upload_id = entry["id"] + rng.randrange(10 ** 8, 10 ** 9)
                name = _file_name(source, upload_id, index)
                # Strava's TCX often begin with spaces before <?xml (GPSBabel#371).
                leading_spaces = name.endswith(".tcx.gz") and index % 2 == 0
                corrupt = (args.corrupt_gz and corrupt_file is None and name.endswith(".fit.gz"))
                if corrupt:
                    corrupt_file = name
                    entry["corrupt"] = True
                entry.update(start=start, file=name, distance_m=row["distance_m"],
                             elapsed_s=int(round(row["elapsed_s"])),
                             moving_s=int(round(row["moving_s"])))
                payloads.append((name, source, days, leading_spaces, corrupt))
            entry["csv_type"] = (_GERMAN_TYPES[entry["type"]] if args.header == "de"
                                 else entry["type"])
            rows.append(_csv_row(columns, entry, args.header, date_style))
        if plan and plan[-1]["is_run"]:
            plan[-1]["media"] = media_names[0]
            rows[-1] = _csv_row(columns, plan[-1], args.header, date_style)

        def text(name, body):
            archive.writestr(_zip_info(name), body.encode("utf-8"))

        text("activities.csv", ",".join(_cell(c) for c in columns) + "\n" + "\n".join(rows) + "\n")
        athlete = os.path.basename(args.out).split("_")[-1].split(".")[0]
        text("profile.csv", "Athlete ID,Email Address,First Name,Last Name,Sex,Description,Weight,"
             "City,State,Country,Health Consent Status,Date of Health Consent approval/denial\n"
             "%s,runner@example.org,Sam,Example,Female,\"Runs, mostly.\",61.0,Bonn,"
             "North Rhine-Westphalia,Germany,Unknown,\n"
             % (athlete if athlete.isdigit() else "12345"))
        text("bikes.csv", "Bike Name,Bike Brand,Bike Model,Bike Default Sport Types\n"
             "Old steel,Peugeot,PX10,Ride\n")
        text("shoes.csv", "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\n"
             "Daily trainer,Asics,Novablast 4,Run\n")
        text("comments.csv", "Comment Date,Comment\n"
             "\"Mar 3, 2025, 6:12:40 PM\",\"Nice one, Sam!\nSee you Saturday.\"\n")
        text("media.csv", "Media Filename,Media Caption\n" +
             "".join("%s,%s\n" % (m, _cell(c)) for m, c in zip(media_names, ("Finish line", ""))))
        route_rows = []
        route_payloads = []
        for route_index, route in enumerate(_ROUTE_FILES):
            route_name = "routes/%d.gpx" % (3100000000000000000 + route_index * 7919)
            route_rows.append("%s,%s\n" % (_cell(("Lake loop, flat", "Hill route")[route_index]),
                                           route_name))
            route_payloads.append((route_name, fitshift.read_corpus(args.corpus, route)))
        text("routes.csv", "Route Name,Route Filename\n" + "".join(route_rows))
        for name, header in sorted(_OTHER_CSVS.items()):
            text(name, header + "\n")
        for name, source, days, leading_spaces, corrupt in payloads:
            data = fitshift.shift_file(fitshift.read_corpus(args.corpus, source),
                                       fitshift.kind_of(source), days * fitshift.DAY_S)
            if leading_spaces:
                data = b"          " + data.lstrip()
            if name.endswith(".gz"):
                data = fitshift.gzip_bytes(data)
                if corrupt:
                    data = _flip_deflate_bytes(data)
            # Level 1 keeps a thousand activities quick; the archive is no less real for it.
            archive.writestr(_zip_info(name), data, compresslevel=1)
        for name in media_names:
            archive.writestr(_zip_info(name, zipfile.ZIP_STORED),
                             _jpeg_like(rng, rng.randrange(20000, 60000)))
        for name, data in route_payloads:
            archive.writestr(_zip_info(name), data)
    manifest = {"service": "strava", "header": args.header, "date_style": date_style,
                "columns": len(columns), "seed": args.seed, "routes": [n for n, _ in route_payloads],
                "media": media_names, "corrupt_gz": corrupt_file, "truncated_to": None,
                "activities": plan}
    if args.truncate is not None:
        with open(args.out, "r+b") as f:
            f.truncate(args.truncate)
        manifest["truncated_to"] = args.truncate
    return manifest


def _flip_deflate_bytes(gz):
    """A gzip member whose deflate data has a few flipped bytes in the middle."""
    data = bytearray(gz)
    header, trailer = 10, 8
    middle = header + (len(data) - header - trailer) // 2
    for offset in range(middle, min(middle + 16, len(data) - trailer)):
        data[offset] ^= 0x5A
    return bytes(data)


def write_bomb(path):
    """A small zip holding activities/1.fit that inflates to GIGABYTES_IN_BOMB GB of zeros.

    The deflate stream is built from one flushed chunk repeated: after a full flush the
    compressor starts afresh, so each later chunk of zeros compresses to the same bytes.
    The generator never holds more than a megabyte.
    """
    chunk_size = 1 << 20
    total = int(GIGABYTES_IN_BOMB * 1e9) // chunk_size * chunk_size
    zeros = bytes(chunk_size)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    chunks = total // chunk_size
    compressed_size = len(first) + len(repeated) * (chunks - 1) + len(tail)
    crc = 0
    for _ in range(chunks):
        crc = zlib.crc32(zeros, crc)
    name = b"activities/1.fit"
    dos_time, dos_date = 8 << 11, ((2025 - 1980) << 9) | (7 << 5) | 1
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dos_time, dos_date, crc,
                        compressed_size, total, len(name), 0) + name
    with open(path, "wb") as f:
        f.write(local)
        f.write(first)
        for _ in range(chunks - 1):
            f.write(repeated)
        f.write(tail)
        directory_offset = f.tell()
        central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, dos_time, dos_date,
                              crc, compressed_size, total, len(name), 0, 0, 0, 0, 0o644 << 16,
                              0) + name
        f.write(central)
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), directory_offset,
                            0))
    return {"service": "strava", "bomb": True, "entry": name.decode(), "inflated_bytes": total,
            "compressed_bytes": compressed_size, "activities": []}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="the zip to write, e.g. export_12345.zip")
    parser.add_argument("--activities", type=int, default=30, help="activities in all")
    parser.add_argument("--manifest", help="where to write the manifest (JSON)")
    parser.add_argument("--header", choices=sorted(LAYOUTS), default="99")
    parser.add_argument("--old-dates", action="store_true",
                        help="dates as before 2019: 2018-09-12 15:02:23, first Distance in metres")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", default=fitshift.DEFAULT_CORPUS)
    parser.add_argument("--truncate", type=int, metavar="BYTES", help="cut the zip to BYTES")
    parser.add_argument("--corrupt-gz", action="store_true",
                        help="flip bytes in the deflate data of one .fit.gz")
    parser.add_argument("--bomb", action="store_true",
                        help="write a small zip that inflates to more than 3 GB instead")
    args = parser.parse_args(argv)
    if not args.bomb and not os.path.isdir(args.corpus):
        print("strava.py: no corpus at %s (give --corpus)" % args.corpus, file=sys.stderr)
        return 2
    manifest = write_bomb(args.out) if args.bomb else write_export(args)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=1, ensure_ascii=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
