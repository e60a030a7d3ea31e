#!/usr/bin/env python3
"""Writes a python-fitparse record dump (expected/NAME-records.csv) as a TCX file.

The TCX is the same run as fit/NAME.fit, point for point, so the FIT and TCX decoders
can be compared on one recording without a third-party TCX file (none in the shared
corpus may be copied here). How each column is written:
  timestamp      "Sun Jun 11 07:34:09 PDT 2017" (US Pacific daylight time) -> UTC
  position_*     semicircles -> degrees (x 180 / 2^31); the dump repeats the last valid
                 position for an invalid one, so a repeated position is written as is
  cadence        strides per minute -> RunCadence; 0 is the dump's "invalid", left out
  heart_rate, speed, distance, altitude   unchanged
The one lap covers the run; its trigger is Manual, as Garmin writes a FIT session end in
TCX. Usage: fitparse_csv_to_tcx.py RECORDS.csv > OUT.tcx
"""
import csv
import datetime
import sys

PDT = datetime.timezone(datetime.timedelta(hours=-7))


def utc(text):
    weekday, month, day, clock, zone, year = text.split()
    assert zone == "PDT", text
    local = datetime.datetime.strptime(f"{year} {month} {day} {clock}", "%Y %b %d %H:%M:%S")
    return local.replace(tzinfo=PDT).astimezone(datetime.timezone.utc)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main(path):
    with open(path, newline="") as file:
        rows = list(csv.DictReader(file))
    start, end = utc(rows[0]["timestamp"]), utc(rows[-1]["timestamp"])
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"',
        '  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">',
        " <Activities>",
        '  <Activity Sport="Running">',
        f"   <Id>{iso(start)}</Id>",
        f'   <Lap StartTime="{iso(start)}">',
        f"    <TotalTimeSeconds>{(end - start).total_seconds():.1f}</TotalTimeSeconds>",
        f"    <DistanceMeters>{rows[-1]['distance']}</DistanceMeters>",
        "    <Intensity>Active</Intensity>",
        "    <TriggerMethod>Manual</TriggerMethod>",
        "    <Track>",
    ]
    for row in rows:
        lat = int(row["position_lat"]) * 180 / 2**31
        lon = int(row["position_long"]) * 180 / 2**31
        point = [
            f"     <Trackpoint><Time>{iso(utc(row['timestamp']))}</Time>",
            f"<Position><LatitudeDegrees>{lat!r}</LatitudeDegrees>"
            f"<LongitudeDegrees>{lon!r}</LongitudeDegrees></Position>",
            f"<AltitudeMeters>{float(row['altitude']):.1f}</AltitudeMeters>",
            f"<DistanceMeters>{row['distance']}</DistanceMeters>",
            f"<HeartRateBpm><Value>{row['heart_rate']}</Value></HeartRateBpm>",
            f"<Extensions><ns3:TPX><ns3:Speed>{row['speed']}</ns3:Speed>",
        ]
        if row["cadence"] not in ("", "0"):
            point.append(f"<ns3:RunCadence>{row['cadence']}</ns3:RunCadence>")
        point.append("</ns3:TPX></Extensions></Trackpoint>")
        out.append("".join(point))
    out += ["    </Track>", "   </Lap>", "  </Activity>", " </Activities>",
            "</TrainingCenterDatabase>"]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
