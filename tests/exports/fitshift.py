#!/usr/bin/env python3
"""Move a real FIT, GPX or TCX recording to another start time.

The export generators (strava.py, garmin.py) turn the ~140 real files of the shared
corpus into hundreds of activities. Each copy is shifted to its own day so that a
thousand activities are a thousand different runs to the importer, not duplicates.

Shifts are whole days: a multiple of 32 s keeps FIT compressed-timestamp headers right
(they hold 5-bit offsets from the last full timestamp), a multiple of 60 s keeps the
minute counters of monitoring files right, and whole days keep the local time of day
of the run, so a morning run stays a morning run.

Standard library only. Also a command line:
  fitshift.py shift IN OUT --days N            one file (.fit, .gpx, .tcx, also .gz)
  fitshift.py survey --backstride BIN [--corpus DIR]
                                               print CORPUS as backstride decodes it
  fitshift.py check EXPORT.zip MANIFEST.json --backstride BIN
                                               import an export's files and compare
"""

import argparse
import datetime
import gzip
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zipfile

DAY_S = 86400
FIT_EPOCH = datetime.datetime(1989, 12, 31, tzinfo=datetime.timezone.utc)

# The corpus folder relative to the repository root (tests/exports/../../../shared).
DEFAULT_CORPUS = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpus"))

# ---------------------------------------------------------------------------------------
# What backstride makes of each corpus file, from `fitshift.py survey` (import --dry-run
# --format json over the corpus). The generators pick runs and non-runs from here and write
# the manifests' start times, distances and durations from it, so a test compares the
# importer against what the same importer reads in the original file. Regenerate it when
# the corpus or the decoders change what they report.
# path: (status, sport, start_utc, distance_m, elapsed_s, moving_s, timer_s, utc_offset_s,
#        indoor, avg_hr_bpm, avg_cadence_spm); field names in CORPUS_FIELDS.
CORPUS = {
    # BEGIN SURVEY
    'fit/fitparse--2013-02-06-12-11-14.fit': ('imported', 'running', '2013-02-06T12:11:14Z', 4835.38, 2625.14, 1896.0, 2625.14, None, False, 147.0, None),
    'fit/fitparse--2015-10-13-08-43-15.fit': ('skipped', 'cycling', '2015-10-13T15:43:15Z', 11536.43, 1623.198, 1548.0, 1558.198, None, False, None, None),
    'fit/fitparse--20170518-191602-1740899583.fit': ('skipped', 'other', '2017-05-18T16:37:30Z', 0.0, 1707.308, 0.0, 1707.308, 3600, True, 132.0, 43.47404844290657),
    'fit/fitparse--Activity.fit': ('skipped', 'running', '2012-04-09T21:22:26Z', 5.73, 13.749, 1.0, 13.749, -14400, False, None, None),
    'fit/fitparse--DeveloperData.fit': ('skipped', 'unknown', '1989-12-31T00:00:00Z', 3710.0, 0.0, 0.0, None, None, True, 142.33333333333334, 90.0),
    'fit/fitparse--MonitoringFile.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--Settings.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--Settings2.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--WeightScaleMultiUser.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--WeightScaleSingleUser.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--WorkoutCustomTargetValues.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--WorkoutRepeatSteps.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/fitparse--activity-filecrc.fit': ('skipped', 'running', '2012-04-09T21:22:26Z', 5.73, 13.749, 1.0, 13.749, -14400, False, None, None),
    'fit/fitparse--activity-large-fenxi2-multisport.fit': ('imported', 'running', '2015-08-29T10:36:00Z', 2245.23, 2294.84, 930.0, 2294.84, 7200, False, 164.37846433439347, 114.78080295339178),
    'fit/fitparse--activity-settings-nodata.fit': ('skipped', 'running', '2012-04-09T21:22:26Z', 5.73, 13.749, 1.0, 13.749, -14400, False, None, None),
    'fit/fitparse--activity-unexpected-eof.fit': ('skipped', 'running', '2012-04-09T21:22:26Z', 5.73, 13.749, 1.0, 13.749, None, False, None, None),
    'fit/fitparse--compressed-speed-distance.fit': ('skipped', 'running', '1990-07-18T06:44:24Z', 10248.67, 3883.273, 3375.0, 3772.75, None, True, 170.0, 173.8338028169014),
    'fit/fitparse--coros-pace-2-cycling-misaligned-fields.fit': ('skipped', 'cycling', '2020-10-25T11:10:19Z', 32145.76, 12719.0, 10219.0, 11287.0, 0, False, 131.939302481556, 0.0),
    'fit/fitparse--developer-types-sample.fit': ('imported', 'running', '2017-01-17T17:06:47Z', 6753.99, 3424.0, 3160.0, 3424.0, None, False, 130.8393691588785, 149.38843457943926),
    'fit/fitparse--elemnt-bolt-no-application-id-inside-developer-data-id.fit': ('skipped', 'cycling', '2017-08-21T08:18:00Z', 963.65, 140.0, 130.0, 132.0, 7200, False, None, 59.101694915254235),
    'fit/fitparse--garmin-edge-500-activity.fit': ('skipped', 'cycling', '2011-09-25T13:00:21Z', 92622.34, 12691.28, 10615.0, 10641.06, None, False, 162.0, 88.54698708751793),
    'fit/fitparse--garmin-edge-820-bike.fit': ('skipped', 'cycling', '2017-06-12T16:10:15Z', 457.12, 64.524, 65.0, 64.524, -25200, False, 116.0, 68.2),
    'fit/fitparse--garmin-fenix-5-bike.fit': ('skipped', 'cycling', '2017-06-12T16:09:22Z', 459.52, 60.363, 61.0, 60.363, -25200, False, 101.0, None),
    'fit/fitparse--garmin-fenix-5-run.fit': ('imported', 'running', '2017-06-11T14:34:09Z', 157.56, 56.887, 55.0, 56.887, -25200, False, 90.0, 173.88888888888889),
    'fit/fitparse--garmin-fenix-5-walk.fit': ('skipped', 'walking', '2017-06-11T14:32:51Z', 67.85, 45.379, 46.0, 45.379, -25200, False, 75.0, 121.17647058823529),
    'fit/fitparse--nick.fit': ('skipped', 'cycling', '2020-09-12T12:23:38Z', 113550.87, 16723.0, 14278.0, 13288.0, None, False, 142.74178077431014, None),
    'fit/fitparse--null_compressed_speed_dist.fit': ('skipped', 'cycling', '2017-10-05T00:04:06Z', 13400.14, 1807.0, 1803.0, 1808.0, None, False, None, 84.60022209883398),
    'fit/fitparse--sample-activity-indoor-trainer.fit': ('skipped', 'cycling', '2011-11-02T12:54:19Z', 0.0, 2261.85, 2261.85, 2261.85, None, True, 148.0, 81.76114649681529),
    'fit/fitparse--sample-activity.fit': ('skipped', 'cycling', '2011-06-26T21:18:39Z', 88797.21, 11741.57, 10672.0, 10699.36, None, False, 166.0, 87.73793615441723),
    'fit/fitparse--sample_mulitple_header.fit': ('imported', 'running', '2018-05-27T09:23:41Z', 9805.92, 2850.694, 2849.0, 2850.694, 7200, False, 176.0, 167.03868471953578),
    'fit/fitparse--strava-android-app-201.10-b1218918.fit': ('imported', 'running', '2021-09-27T14:13:10Z', 11274.04, 3558.0, 269.0, 3558.0, None, False, None, None),
    'fit/garminsdk--ActivityDevFields.fit': ('skipped', 'other', '2022-08-15T17:39:09Z', 3600.0, 3601.0, 3600.0, 3601.0, -21600, False, 130.42112797022617, 126.56302286670385),
    'fit/garminsdk--WithGearChangeData.fit': ('skipped', 'unknown', '2022-06-22T23:08:37Z', 12466.05, 1978.0, 1949.0, 1978.0, -21600, True, 105.18595250126326, 87.61050920910075),
    'fit/gc--10kUNLP2014-Garmin15.fit': ('imported', 'running', '2014-10-11T18:08:45Z', 10010.82, 2223.803, 2224.0, 2223.803, -10800, False, None, None),
    'fit/gc--14582164182.fit.gz': ('skipped', 'cycling', '2025-02-19T00:10:45Z', 14921.2, 1632.0, 723.0, 2760.0, None, False, 108.0, 69.31912302070646),
    'fit/gc--2012_01_11_11_51_01.fit': ('skipped', 'cycling', '2012-01-11T11:50:35Z', 23611.51, 4044.24, 2959.0, 4044.24, None, False, 132.0, 86.11563169164883),
    'fit/gc--2012_02_05_09_03_59.fit': ('skipped', 'cycling', '2011-12-20T10:53:20Z', None, 38.35, 18.71, 18.71, None, True, 107.0, 11.0),
    'fit/gc--2013-04-11-17-32-50.fit': ('skipped', 'cycling', '2013-04-11T21:32:50Z', 43663.43, 7057.19, 6641.0, 6799.47, None, False, 129.0, None),
    'fit/gc--20130716_202738.fit': ('skipped', 'cycling', '2013-07-16T18:27:40Z', 4301.04, 436.0, 436.0, 436.0, None, False, 162.0, 83.02209944751381),
    'fit/gc--20130717_143733.fit': ('skipped', 'cycling', '2013-07-17T12:37:34Z', 38922.0, 6710.0, 3818.0, 6254.0, None, False, 129.0, 63.148990825688074),
    'fit/gc--3386684871.fit': ('imported', 'running', '2019-02-16T05:05:52Z', 4922.73, 1440.668, 1440.0, 1440.668, 7200, False, 137.0, 166.86875),
    'fit/gc--FR55-CoreTemp-Walk.fit': ('skipped', 'walking', '2025-01-28T13:33:02Z', 732.76, 588.228, 455.0, 588.228, 225, False, 83.64432989690722, 96.70618556701031),
    'fit/gc--FR55-loaded-and-saved-via-GC.fit': ('skipped', 'unknown', '2025-01-28T13:36:46Z', 732.82, 588.0, 455.0, None, None, False, 83.62585034013605, 48.076530612244895),
    'fit/gc--Fr955v19.28andStryd-saved.fit': ('imported', 'running', '2024-07-09T14:12:48Z', 10021.51, 3118.0, 3114.0, None, None, False, 138.65169980756895, 166.37459910198845),
    'fit/gc--Fr955v19.28andStryd.fit': ('duplicate', 'running', '2024-07-09T14:12:49Z', 10021.48, 3117.009, 3114.0, 3117.009, 3600, False, 139.0, 166.37459910198845),
    'fit/gc--Garmin1000_withFirstbeat.fit': ('skipped', 'cycling', '2018-12-31T13:12:18Z', 50921.21, 6609.225, 6590.0, 6609.225, 3600, False, 134.0, 91.93403070693437),
    'fit/gc--Garmin830_with_Stages.fit': ('skipped', 'cycling', '2020-01-26T13:00:39Z', None, 1797.0, 1799.0, 1799.0, None, True, 141.65016685205785, 87.01557285873193),
    'fit/gc--Garmin920_withFirstbeat.fit': ('imported', 'running', '2019-01-01T15:37:12Z', 7278.71, 2124.084, 2067.0, 2124.084, 3600, False, 141.0, 176.69673704414586),
    'fit/gc--HRV-Data.fit': ('imported', 'running', '2017-03-04T17:41:40Z', 8239.99, 4242.0, 3918.0, 4242.0, None, False, 134.0, 152.37623762376236),
    'fit/gc--Indoor_Cycling2smO2sensors.fit': ('skipped', 'cycling', '2025-05-22T13:51:27Z', 0.0, 15.601, 0.0, 15.601, 7200, True, 82.0, None),
    'fit/gc--Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit': ('skipped', 'cycling', '2025-05-09T11:38:00Z', 34133.2, 4358.0, 4265.0, 4315.0, None, False, 127.0, 75.84706755753527),
    'fit/gc--Move_2020_01_15_19_27_16_Running.fit': ('imported', 'running', '2020-01-15T18:27:16Z', 2338.0, 1480.259, 363.0, 1480.259, 3600, False, 94.60013623978202, 109.3671928620453),
    'fit/gc--MultiSport-2019-11-24.fit': ('imported', 'running', '2019-11-24T21:28:42Z', 34706.46, 19846.366, 19422.0, 19839.616, -18000, False, 130.0, 145.2104642215953),
    'fit/gc--SigmaRox11_1.fit': ('skipped', 'cycling', '2024-09-19T15:30:30Z', 54304.86, 7285.4, 7245.0, 7252.3, None, False, 134.0, 79.48472693613083),
    'fit/gc--Weather_XDATA_2016_02_06_13_01_22.fit': ('skipped', 'cycling', '2016-02-06T12:01:23Z', 59394.65, 8076.55, 7538.0, 8076.55, 3600, False, 132.0, 79.68925619834711),
    'fit/gc--moxy.fit': ('skipped', 'unknown', '2014-11-04T03:46:33Z', None, 348.0, 348.0, None, None, True, None, None),
    'fit/gpsbabel--fit-sample.fit': ('imported', 'running', '2011-05-02T08:30:54Z', 9986.82, 2810.25, 2805.0, 2810.25, None, False, None, None),
    'fit/gpsbabel--fitlocations-sample.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/gpsbabel--fitwrite-track.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/gpsbabel--garmin-edge-200-output.fit': ('skipped', 'cycling', '2012-05-02T06:31:48Z', 1122.46, 202.432, 203.0, 202.432, None, False, None, None),
    'fit/gpsbabel--garmin-edge-800.fit': ('skipped', 'cycling', '2012-04-12T12:53:58Z', 25196.98, 3619.136, 3487.0, 3492.13, None, False, None, None),
    'fit/gpsbabel--garmin-forerunner-10.fit': ('imported', 'running', '2013-06-13T03:56:35Z', 10207.73, 1695.242, 1478.0, 1499.417, 7200, False, None, None),
    'fit/gpsbabel--garmin-oregon-700.fit': ('skipped', 'cycling', '2018-09-19T08:52:13Z', 22288.51, 6050.0, 3969.0, 4146.0, 7200, False, None, None),
    'fit/gpsbabel--garmin-vivosmart-hr.fit': ('skipped', 'running', '2016-04-07T10:36:04Z', 46.46, 31.736, 28.0, 31.736, 1080, True, 90.0, None),
    'fit/gpsbabel--lezyne_super_gps-garmin_fit-sample-bad-endian.fit': ('skipped', 'cycling', '2019-08-18T03:50:16Z', 8074.0, 5497.0, 1179.0, 1805.0, None, False, None, None),
    'fit/sportslib--2067489619.fit': ('imported', 'running', '2017-10-08T14:54:11Z', 4489.39, 2824.407, 2592.0, 2820.172, 7200, False, 130.0, 134.87211740041928),
    'fit/sportslib--27-days-activity.fit': ('skipped', 'cycling', '2021-06-20T04:08:36Z', 56911.91, 2412583.0, 7282.0, 7373.0, None, False, 130.0, 0.0),
    'fit/sportslib--31-days-activity.fit': ('skipped', 'cycling', '2018-04-10T17:15:21Z', 9997.42, 2656055.111, 1450.0, 1477.123, None, False, None, None),
    'fit/sportslib--6782987395.fit': ('imported', 'running', '2019-06-15T09:42:23Z', 14004.85, 4989.112, 4355.0, 4989.112, -14400, False, 137.0, 164.79631164525486),
    'fit/sportslib--6860622783.fit': ('imported', 'running', '2020-02-02T11:19:33Z', 10630.37, 3763.503, 2911.0, 3097.789, -18000, True, 145.0, 173.70104835982414),
    'fit/sportslib--6909950168-no-pause-records.fit': ('imported', 'running', '2020-03-04T16:14:31Z', 6458.0, 2195.998, 2140.0, 2160.68, None, False, 148.0, 180.18732525629076),
    'fit/sportslib--6909950168.fit': ('duplicate', 'running', '2020-03-04T16:14:31Z', 6458.0, 2195.998, 2140.0, 2160.68, None, False, 148.0, 180.18732525629076),
    'fit/sportslib--6910052863.fit': ('imported', 'running', '2019-09-14T06:59:53Z', 8225.0, 9601.784, 2836.0, 9542.64, None, False, 164.0, 87.18919487071683),
    'fit/sportslib--6914448270.fit': ('imported', 'running', '2021-05-29T08:23:17Z', 49897.0, 20418.561, 15961.0, 20418.551, 3600, False, None, 147.88721017202693),
    'fit/sportslib--6914538454.fit': ('imported', 'running', '2021-05-10T18:19:59Z', 4330.0, 1263.765, 1018.0, 1263.68, 3600, False, None, 174.023352793995),
    'fit/sportslib--6916663933.fit': ('imported', 'running', '2020-03-14T13:52:29Z', 10743.64, 2922.0, 2906.0, 2922.0, 0, False, 160.0, 183.32852233676977),
    'fit/sportslib--6916728382.fit': ('imported', 'running', '2020-02-15T10:16:30Z', 21524.3, 9699.0, 9388.0, 9699.0, 0, False, 131.0, 142.37595081796394),
    'fit/sportslib--broken-dates.fit': ('skipped', 'cycling', '2017-03-20T19:09:28Z', 3599.62, 658.083, 626.0, None, None, True, 119.10003049710278, 55.09820067093626),
    'fit/sportslib--empty-activities.fit': ('skipped', 'unknown', '2016-01-16T14:33:51Z', 18294.4, 2318.0, 2316.0, None, None, False, 165.74342388960758, 76.21611087050671),
    'fit/sportslib--empty-sessions.fit': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'fit/sportslib--garmin.fit': ('imported', 'running', '2012-08-18T05:15:44Z', 28524.95, 20343.2, 14435.0, 20343.2, 7200, False, 160.0, None),
    'fit/sportslib--inverted-times.fit': ('skipped', 'unknown', '2016-08-08T13:10:26Z', 7861.02, 2839.6, 2766.0, 21680.0, None, False, None, 19.82033898305085),
    'gpx/gc--1292585194-20906.gpx': ('skipped', 'unknown', '2010-03-21T21:55:01Z', 40646.293596736854, 6004.0, 5914.0, 5919.0, None, False, None, None),
    'gpx/gc--A_ride_mapped_on_11_22_2011.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gc--MetadataOnly.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gc--Move_2014_01_16_19_48_44.gpx': ('imported', 'running', '2014-01-16T18:48:44Z', 8541.257764394413, 1656.4500000476837, 1655.6400001049042, None, None, False, None, None),
    'gpx/gc--Move_2014_01_17_09_33_11.gpx': ('imported', 'running', '2014-01-17T08:33:11Z', 15538.585022963856, 4509.929999828339, 4508.919999837875, None, None, False, 155.14804270462633, None),
    'gpx/gpxpy--Mojstrovka.gpx': ('skipped', 'unknown', '1901-12-13T20:45:52Z', 2697.626669330922, 0.0, 0.0, None, None, False, None, None),
    'gpx/gpxpy--cerknicko-jezero-no-creator.gpx': ('skipped', 'unknown', '2010-08-05T14:23:59Z', 4574.672630939465, 7190.0, 1509.0, 4239.0, None, False, None, None),
    'gpx/gpxpy--cerknicko-jezero-without-elevations.gpx': ('skipped', 'unknown', '2010-08-05T14:23:59Z', 4564.755077518255, 7176.0, 1509.0, 4225.0, None, False, None, None),
    'gpx/gpxpy--cerknicko-jezero.gpx': ('skipped', 'unknown', '2010-08-05T14:23:59Z', 4574.672630939465, 7190.0, 1509.0, 4239.0, None, False, None, None),
    'gpx/gpxpy--cerknicko-without-times.gpx': ('skipped', 'unknown', '2010-08-05T16:22:52Z', 53.09753547284339, 57.0, 43.0, None, None, False, None, None),
    'gpx/gpxpy--default_schema_locations.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--first_and_last_elevation.gpx': ('skipped', 'unknown', '2013-05-18T08:23:04Z', 195497.50642665938, 7200.0, 7200.0, None, None, False, None, None),
    'gpx/gpxpy--gpx-with-node-with-comments.gpx': ('skipped', 'unknown', '2014-05-06T12:29:33Z', None, 0.0, 0.0, None, None, False, None, None),
    'gpx/gpxpy--gpx1.0_with_all_fields.gpx': ('skipped', 'unknown', '2013-01-01T12:00:04Z', None, 0.0, 0.0, None, None, False, None, None),
    'gpx/gpxpy--gpx1.1_with_all_fields.gpx': ('skipped', 'other', '2013-01-01T12:00:04Z', None, 0.0, 0.0, None, None, False, None, None),
    'gpx/gpxpy--gpx1.1_with_extensions.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--gpx1.1_with_extensions_without_namespaces.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--gpx_with_garmin_extension.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--korita-zbevnica.gpx': ('skipped', 'unknown', '2010-10-03T09:36:30Z', 6261.53636752549, 13381.0, 2898.0, 13093.0, None, False, None, None),
    'gpx/gpxpy--route.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--track-with-empty-segment.gpx': ('skipped', 'unknown', '2013-07-06T17:26:26Z', 83.73376070519113, 76.0, 23.0, None, None, False, None, None),
    'gpx/gpxpy--track-with-extremes.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--track-with-less-sec-time.gpx': ('skipped', 'running', '2015-12-11T14:43:13Z', None, 0.9939999580383301, 0.9939999580383301, None, None, False, None, None),
    'gpx/gpxpy--track-with-small-floats.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--unicode.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--unicode2.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--unicode_with_bom.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/gpxpy--unicode_with_bom_noencoding.gpx': ('skipped', None, None, None, None, None, None, None, None, None, None),
    'gpx/sportslib--6037744996.gpx': ('imported', 'running', '2020-12-25T20:40:26Z', 5099.5412849319255, 4039.0, 1018.0, None, None, False, None, 135.13122437024018),
    'gpx/sportslib--6782987395.gpx': ('duplicate', 'running', '2019-06-15T09:42:23Z', 14051.572395500252, 4989.0, 4400.0, None, None, False, 137.25423387096774, 164.74380853277836),
    'gpx/sportslib--6909258631.gpx': ('imported', 'running', '2014-09-07T08:03:31Z', 40778.38564893859, 23422.0, 15159.0, None, None, False, None, None),
    'gpx/sportslib--amazfit.gpx': ('imported', 'running', '2018-05-14T09:54:12Z', 8722.539577411762, 2531.0, 2531.0, None, None, False, 146.4934210526316, None),
    'gpx/sportslib--garmin.gpx': ('imported', 'running', '2018-04-23T15:54:34Z', 3873.22912834421, 1377.0, 1360.0, None, None, False, 121.2073732718894, 152.88888888888889),
    'gpx/sportslib--movescount.gpx': ('imported', 'running', '2018-05-13T14:11:03Z', 12251.307550396712, 6548.0, 4700.0, None, None, False, 140.17798742138365, 161.11698113207547),
    'tcx/gc--2009_01_09_11_13_14.tcx': ('skipped', 'cycling', '2009-01-09T19:13:14Z', 238.741821, 7767.0, 85.0, 7687.12, None, False, None, None),
    'tcx/gc--2020-02-05_17-25-14_Training-with-Notes.tcx': ('skipped', 'cycling', '2020-02-05T16:25:15Z', None, 6952.866000175476, 6862.0, 6862.0, None, True, 149.45963276012824, 75.68630317205087),
    'tcx/gc--activity_165850259_multi-session.tcx': ('imported', 'running', '2011-11-29T12:12:00Z', 7651.0292969, 3601.0, 2697.0, 3601.84, None, False, 160.3587786259542, None),
    'tcx/gpsbabel--history.tcx': ('skipped', 'cycling', '2008-08-21T13:08:52Z', 56818.2578125, 6555.0, 6135.0, 6552.33, None, False, 131.3502495840266, None),
    'tcx/gpsbabel--kona2013.tcx': ('skipped', 'cycling', '2013-10-12T18:17:26Z', 180219.88, 4.0, 4.0, 18930.35, None, False, 140.6, 46.8),
    'tcx/gpsbabel--tcxdata.tcx': ('skipped', 'other', '2026-02-23T23:40:52Z', 33.49, 3.0, 3.0, 3.0, None, False, 115.0, 91.5),
    'tcx/sportslib--1604524853.tcx': ('imported', 'running', '2016-09-11T15:57:36Z', 6106.6, 4070.0, 3197.0, 4070.0, None, False, 157.97993311036788, 138.50271002710028),
    'tcx/sportslib--6782987395.tcx': ('duplicate', 'running', '2019-06-15T09:42:23Z', 14004.849999999999, 4989.0, 4355.0, 4989.112, None, False, 137.2007226013649, 164.78226641806506),
    'tcx/sportslib--6860622783.tcx': ('duplicate', 'running', '2020-02-02T11:19:33Z', 10630.37, 3763.0, 2911.0, 3097.789, None, True, 145.1431796194776, 173.60297598917822),
    'tcx/sportslib--6860622916.tcx': ('imported', 'running', '2020-02-03T14:57:04Z', 13973.09, 3738.0, 3718.0, 3736.975, None, False, 142.75040128410916, 179.8159443552702),
    'tcx/sportslib--garmin.tcx': ('imported', 'running', '2017-08-29T15:23:18Z', 11086.87, 5183.0, 4828.0, 5171.0, None, False, 157.35641025641024, 172.57433240334794),
    'tcx/sportslib--movescount.tcx': ('imported', 'running', '2018-02-23T16:55:43Z', 1999.04, 907.0, 898.0, 625.0, None, False, 138.05869324473974, 177.84496124031008),
    'tcx/sportslib--polar.tcx': ('imported', 'running', '2018-01-21T10:10:59Z', 10821.0, 6958.072000026703, 5782.0, 6314.0, None, False, 156.68541105654998, 131.2123287671233),
    'tcx/sportslib--unknown_example.tcx': ('imported', 'running', '2017-05-09T18:11:26Z', 5729.0, 1730.0, 1565.0, 1916.1669999999997, None, False, 140.38829787234042, 169.0572569906791),
    # END SURVEY
}


CORPUS_FIELDS = ("status", "sport", "start_utc", "distance_m", "elapsed_s", "moving_s", "timer_s",
                 "utc_offset_s", "indoor", "avg_hr_bpm", "avg_cadence_spm")


def corpus_row(path):
    """What backstride reads in a corpus file, as a dict of CORPUS_FIELDS."""
    return dict(zip(CORPUS_FIELDS, CORPUS[path]))


def corpus_runs():
    """Corpus files that backstride imports as a run, sorted for determinism."""
    return sorted(p for p, (status, sport, *_rest) in CORPUS.items()
                  if sport == "running" and status in ("imported", "duplicate"))


def corpus_by_sport(sport):
    """Corpus files of another sport (cycling, walking) that the importer must skip."""
    return sorted(p for p, (status, s, *_rest) in CORPUS.items()
                  if s == sport and status == "skipped")


def parse_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def format_utc(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def days_to(original_start_utc, target_day):
    """Whole days that move a start (UTC ISO text) onto target_day (a date)."""
    return (target_day - parse_utc(original_start_utc).date()).days


# ---------------------------------------------------------------------------------------
# FIT

# Fields whose FIT profile type is date_time or local_date_time, by global message number
# (python-fitparse profile.py, FIT profile 21.x). Field 253 is the timestamp in every
# message, so it is handled apart. set (225) keeps its timestamp in 254.
_DATE_TIME_FIELDS = {
    0: (4,), 2: (39,), 15: (2, 3), 18: (2,), 19: (2,), 28: (3, 6), 32: (1,), 34: (5,),
    55: (11,), 72: (4,), 101: (2,), 103: (0,), 128: (9,), 129: (1, 2), 142: (2,),
    160: (6,), 162: (1, 3), 174: (6,), 187: (1, 3), 225: (6, 254), 227: (1,),
}
_MONITORING = 55
_MONITORING_TIMESTAMP_MIN_8 = 25   # low 8 bits of the minutes
_MONITORING_TIMESTAMP_16 = 26      # low 16 bits of the seconds

# Below this a date_time is seconds since the device was switched on, not a date.
_SYSTEM_TIME_LIMIT = 0x10000000

_KIND_DATE_TIME, _KIND_TIMESTAMP_16, _KIND_MINUTES_8 = 0, 1, 2


def _crc16_tables():
    """CRC-16/ARC, the FIT file CRC: a byte table and a table for two bytes at once.

    A 16-bit register is consumed whole by two bytes, so state' = T2[state ^ word]: half
    as many Python steps as byte by byte, which is most of the generators' time.
    """
    byte_table = []
    for value in range(256):
        crc = value
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        byte_table.append(crc)
    word_table = [0] * 65536
    for word in range(65536):
        crc = byte_table[word & 0xFF]
        word_table[word] = (crc >> 8) ^ byte_table[(crc ^ (word >> 8)) & 0xFF]
    return byte_table, word_table


_CRC_BYTE, _CRC_WORD = _crc16_tables()


def fit_crc(data, crc=0):
    """CRC-16/ARC of data (bytes-like), as the FIT header and file CRC use it."""
    view = memoryview(data)
    even = len(view) & ~1
    if even:
        table = _CRC_WORD
        for word in struct.unpack_from("<%dH" % (even // 2), view):
            crc = table[crc ^ word]
    if even != len(view):
        crc = (crc >> 8) ^ _CRC_BYTE[(crc ^ view[-1]) & 0xFF]
    return crc


class FitError(ValueError):
    """A FIT file this helper cannot walk; the message says where."""


def _definition_patches(global_num, fields, big_endian):
    """(offset in the message, kind, element count) of the time fields of a definition."""
    date_fields = _DATE_TIME_FIELDS.get(global_num, ())
    patches = []
    offset = 0
    for number, size, base_type in fields:
        if number == 253 or number in date_fields:
            if size >= 4 and size % 4 == 0:
                patches.append((offset, _KIND_DATE_TIME, size // 4))
        elif global_num == _MONITORING and number == _MONITORING_TIMESTAMP_16 and size == 2:
            patches.append((offset, _KIND_TIMESTAMP_16, 1))
        elif global_num == _MONITORING and number == _MONITORING_TIMESTAMP_MIN_8 and size == 1:
            patches.append((offset, _KIND_MINUTES_8, 1))
        offset += size
    return patches


def _walk_fit(data):
    """Yield (absolute offset, kind, big_endian) of every time value in a FIT file.

    Also yields ("file", header_start, header_size, data_end) once per chained file so the
    caller can rewrite each file CRC. Bytes past the last file are left alone.
    """
    pos = 0
    length = len(data)
    while pos + 12 <= length:
        header_size = data[pos]
        if header_size not in (12, 14) or data[pos + 8:pos + 12] != b".FIT":
            if pos == 0:
                raise FitError("not a FIT file: no .FIT header at byte 0")
            break  # trailing bytes after the last file stay as they are
        (data_size,) = struct.unpack_from("<I", data, pos + 4)
        start = pos + header_size
        # A recording cut short (the phone app died, data_size 0 of a crashed watch) is
        # walked as far as whole messages go; it has no file CRC to rewrite.
        end = start + data_size if data_size else length
        limit = min(end, length)
        definitions = {}
        cursor = start
        while cursor < limit:
            record_header = data[cursor]
            if record_header & 0x80:  # compressed timestamp: a data message, local type 0-3
                local = (record_header >> 5) & 0x03
            elif record_header & 0x40:  # definition message
                if cursor + 6 > limit:
                    break
                local = record_header & 0x0F
                big_endian = data[cursor + 2] == 1
                (global_num,) = struct.unpack_from(">H" if big_endian else "<H", data, cursor + 3)
                field_count = data[cursor + 5]
                fields_at = cursor + 6
                fields = [tuple(data[fields_at + 3 * i:fields_at + 3 * i + 3])
                          for i in range(field_count)]
                after = fields_at + 3 * field_count
                developer_size = 0
                if record_header & 0x20:
                    if after >= limit:
                        break
                    developer_count = data[after]
                    developer_size = sum(data[after + 1 + 3 * i + 1]
                                         for i in range(developer_count) if after + 3 + 3 * i < limit)
                    after += 1 + 3 * developer_count
                if after > limit:
                    break
                size = sum(f[1] for f in fields) + developer_size
                definitions[local] = (size, _definition_patches(global_num, fields, big_endian),
                                      big_endian)
                cursor = after
                continue
            else:
                local = record_header & 0x0F
            definition = definitions.get(local)
            if definition is None:
                # Decoders keep the records before such a message and stop there, so the
                # bytes after it are never read as times either.
                return
            size, patches, big_endian = definition
            if cursor + 1 + size > limit:
                break  # the last message is cut short: leave its bytes as they are
            for offset, kind, count in patches:
                for element in range(count):
                    yield cursor + 1 + offset + 4 * element, kind, big_endian
            cursor += 1 + size
        if data_size == 0 or end + 2 > length:
            return
        yield "file", pos, header_size, end
        pos = end + 2


def fit_first_time(data):
    """The first full date_time in a FIT file (UTC datetime), e.g. file_id.time_created."""
    data = unwrap(data)
    for item in _walk_fit(data):
        if item[0] == "file" or item[1] != _KIND_DATE_TIME:
            continue
        (value,) = struct.unpack_from(">I" if item[2] else "<I", data, item[0])
        if _SYSTEM_TIME_LIMIT <= value != 0xFFFFFFFF:
            return FIT_EPOCH + datetime.timedelta(seconds=value)
    return None


class _ZeroAdvance:
    """The CRC register after k zero bytes, as two table lookups per k.

    CRC-16/ARC starts at 0 and is linear, so crc(new) = crc(old) ^ crc(new ^ old), and
    new ^ old is zero but for the rewritten times. Its CRC needs only the few changed bytes
    and jumps over the zeros between them: a jump of k zero bytes is a linear map of the
    16-bit register, kept as tables of its low and high byte. That is what makes a
    thousand-activity export take seconds rather than minutes.
    """

    def __init__(self):
        one = [(1 << bit >> 8) ^ _CRC_BYTE[(1 << bit) & 0xFF] for bit in range(16)]
        self._powers = [one]  # images of the 16 register bits after 2**i zero bytes
        self._tables = {}

    def _power(self, i):
        while len(self._powers) <= i:
            last = self._powers[-1]
            self._powers.append([self._apply(last, self._apply(last, 1 << bit))
                                 for bit in range(16)])
        return self._powers[i]

    @staticmethod
    def _apply(images, register):
        result = 0
        bit = 0
        while register:
            if register & 1:
                result ^= images[bit]
            register >>= 1
            bit += 1
        return result

    def tables(self, count):
        tables = self._tables.get(count)
        if tables is None:
            images = [1 << bit for bit in range(16)]
            i = 0
            remaining = count
            while remaining:
                if remaining & 1:
                    power = self._power(i)
                    images = [self._apply(power, image) for image in images]
                remaining >>= 1
                i += 1
            low = [0] * 256
            high = [0] * 256
            for value in range(1, 256):
                lowest = (value & -value).bit_length() - 1
                low[value] = low[value & (value - 1)] ^ images[lowest]
                high[value] = high[value & (value - 1)] ^ images[lowest + 8]
            tables = (low, high)
            self._tables[count] = tables
        return tables


_zero_advance = _ZeroAdvance()


def _change_tables(width, big_endian):
    """Per byte of a changed value: its share of the CRC by the end of the value."""
    tables = []
    for index in range(width):
        # Byte `index` of the value in memory order; file order is reversed for big endian.
        position = width - 1 - index if big_endian else index
        low, high = _zero_advance.tables(width - 1 - position)
        tables.append([low[t & 0xFF] ^ high[t >> 8] for t in _CRC_BYTE])
    return tables


_CHANGE_TABLES = {(width, big): _change_tables(width, big)
                  for width in (1, 2, 4) for big in (False, True)}


class _FitPlan:
    """Where the times of one FIT file are, found once however often it is shifted."""

    def __init__(self, data):
        # segments: (header_start, data_end, crc_was_right, stored_crc, patches); a patch is
        # (offset, struct format, old value, mask, unit, jump tables, change tables).
        self.segments = []
        patches = []
        previous = 0
        for item in _walk_fit(data):
            if item[0] == "file":
                _, header_start, _header_size, data_end = item
                stored = struct.unpack_from("<H", data, data_end)[0]
                right = stored == fit_crc(memoryview(data)[header_start:data_end])
                if right:
                    # Jumps from the previous changed value (or the header) to past this one.
                    previous = header_start
                    for i, patch in enumerate(patches):
                        offset, form, width = patch[0], patch[1], patch[6]
                        patches[i] = patch[:5] + (_zero_advance.tables(offset + width - previous),
                                                  _CHANGE_TABLES[(width, form[0] == ">")])
                        previous = offset + width
                    tail = _zero_advance.tables(data_end - previous)
                else:
                    patches = [patch[:5] + (None, None) for patch in patches]
                    tail = None
                self.segments.append((header_start, data_end, right, stored, patches, tail))
                patches = []
                continue
            offset, kind, big_endian = item
            order = ">" if big_endian else "<"
            if kind == _KIND_DATE_TIME:
                (value,) = struct.unpack_from(order + "I", data, offset)
                if _SYSTEM_TIME_LIMIT <= value != 0xFFFFFFFF:
                    patches.append((offset, order + "I", value, 0xFFFFFFFF, 1, None, 4))
            elif kind == _KIND_TIMESTAMP_16:
                (value,) = struct.unpack_from(order + "H", data, offset)
                if value != 0xFFFF:
                    patches.append((offset, order + "H", value, 0xFFFF, 1, None, 2))
            elif data[offset] != 0xFF:
                patches.append((offset, "<B", data[offset], 0xFF, 60, None, 1))
        if patches:  # a file cut short: no CRC to keep right
            patches = [patch[:5] + (None, None) for patch in patches]
            self.segments.append((0, len(data), False, 0, patches, None))


_fit_plans = {}


def shift_fit(data, shift_s):
    """A copy of a FIT file (bytes) with every time moved by shift_s, file CRCs rewritten.

    The header CRC covers bytes that do not change and stays as it is. A file that came
    with a wrong file CRC keeps a wrong one: its damage is the point of it.
    """
    if shift_s % 60:
        raise ValueError("FIT shifts must be whole minutes (compressed timestamps, minute "
                         "counters); got %d s" % shift_s)
    plan = _fit_plans.get(data)
    if plan is None:
        plan = _fit_plans[data] = _FitPlan(data)
    out = bytearray(data)
    pack_into = struct.pack_into
    for _header_start, data_end, crc_was_right, stored, patches, tail in plan.segments:
        if not crc_was_right:
            for offset, form, old, mask, unit, _jump, _change in patches:
                pack_into(form, out, offset, (old + shift_s // unit) & mask)
            continue
        register = 0
        for offset, form, old, mask, unit, (low, high), change_tables in patches:
            new = (old + shift_s // unit) & mask
            pack_into(form, out, offset, new)
            register = low[register & 0xFF] ^ high[register >> 8]
            change = old ^ new
            for table in change_tables:
                register ^= table[change & 0xFF]
                change >>= 8
        low, high = tail
        pack_into("<H", out, data_end, stored ^ low[register & 0xFF] ^ high[register >> 8])
    return bytes(out)


# ---------------------------------------------------------------------------------------
# GPX and TCX

# Every ISO date-time in the text: <time>, <Time>, <Id>, StartTime="…", metadata times.
# Only the date and clock are rewritten; fractions and the zone (Z or ±hh:mm) that follow
# stay as written.
_ISO_DATE_TIME = re.compile(rb"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})")
_ISO_DATE_BEFORE_T = re.compile(rb"(\d{4}-\d{2}-\d{2})(?=T\d{2}:\d{2}:\d{2})")


_xml_pieces = {}


def shift_xml(data, shift_s):
    """A copy of a GPX or TCX file (bytes) with every ISO time moved by shift_s."""
    if shift_s % DAY_S == 0:
        # Whole days change the date only. The file is split at its dates once; each shift
        # then joins the pieces with the few distinct dates moved.
        pieces = _xml_pieces.get(data)
        if pieces is None:
            pieces = _xml_pieces[data] = _ISO_DATE_BEFORE_T.split(data)
        days = datetime.timedelta(days=shift_s // DAY_S)
        moved = {date: (datetime.date.fromisoformat(date.decode()) + days).isoformat().encode()
                 for date in set(pieces[1::2])}
        out = pieces[:]
        out[1::2] = [moved[date] for date in pieces[1::2]]
        return b"".join(out)

    delta = datetime.timedelta(seconds=shift_s)

    def shift_date_time(match):
        moment = datetime.datetime(*(int(g) for g in match.groups())) + delta
        return moment.strftime("%Y-%m-%dT%H:%M:%S").encode()

    return _ISO_DATE_TIME.sub(shift_date_time, data)


# ---------------------------------------------------------------------------------------
# Any file

def unwrap(data):
    """The bytes inside a gzip member, or data itself when it is not gzipped."""
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def kind_of(path):
    """fit, gpx or tcx from a file name, looking past a .gz suffix."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1].lstrip(".")


def shift_file(data, kind, shift_s):
    """Unwrapped, shifted bytes of a corpus file of the given kind (fit, gpx or tcx)."""
    data = unwrap(data)
    if kind == "fit":
        return shift_fit(data, shift_s)
    if kind in ("gpx", "tcx"):
        return shift_xml(data, shift_s)
    raise ValueError("cannot shift a .%s file" % kind)


_file_cache = {}


def read_corpus(corpus_dir, relative_path):
    """Bytes of a corpus file, unwrapped, read once per process."""
    data = _file_cache.get(relative_path)
    if data is None:
        with open(os.path.join(corpus_dir, relative_path), "rb") as f:
            data = unwrap(f.read())
        _file_cache[relative_path] = data
    return data


# ---------------------------------------------------------------------------------------
# Planning an export

def plan_days(rng, count, last_day):
    """count distinct days, oldest first, ending at last_day, one to three days apart.

    One activity a day keeps every start distinct however the corpus files are reused.
    """
    days = []
    day = last_day
    for _ in range(count):
        days.append(day)
        day -= datetime.timedelta(days=rng.choice((1, 1, 1, 2, 2, 3)))
    days.reverse()
    return days


def shifted_start(path, target_day):
    """(start UTC text, shift in days) of a corpus file moved onto target_day."""
    start = corpus_row(path)["start_utc"]
    days = days_to(start, target_day)
    return format_utc(parse_utc(start) + datetime.timedelta(days=days)), days


def shifted_activity(corpus_dir, path, target_day):
    """(bytes, start UTC text, shift in days) for a corpus file moved onto target_day."""
    moved, days = shifted_start(path, target_day)
    data = shift_file(read_corpus(corpus_dir, path), kind_of(path), days * DAY_S)
    return data, moved, days


def gzip_bytes(data):
    """gzip with a fixed mtime, so that the same seed writes the same archive.

    Level 1: three times quicker than the default and only a little larger; importers
    read any level alike.
    """
    return gzip.compress(data, compresslevel=1, mtime=0)


# ---------------------------------------------------------------------------------------
# Command line

def _survey(args):
    """Print the CORPUS table as backstride's own import reads the corpus."""
    folders = [os.path.join(args.corpus, kind) for kind in ("fit", "gpx", "tcx")]
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [args.backstride, "--db", os.path.join(scratch, "survey.db"), "import", "--dry-run",
             "--format", "json"] + folders, stdout=subprocess.PIPE, check=False)
    for line in result.stdout.decode().splitlines():
        item = json.loads(line)
        activity = item.get("activity") or {}
        status = "duplicate" if item["status"].startswith("duplicate") else item["status"]
        path = os.path.relpath(item["file"], args.corpus)
        row = (status, activity.get("sport"), activity.get("start_utc"),
               activity.get("distance_m"), activity.get("elapsed_s"), activity.get("moving_s"),
               activity.get("timer_s"), activity.get("utc_offset_s"), activity.get("indoor"),
               activity.get("avg_hr_bpm"), activity.get("avg_cadence_spm"))
        print("    %r: %r," % (path, row))


def _check(args):
    """Import every activity file of an export with backstride; compare with its manifest.

    Each run must be imported with the manifest's start and distance, each other sport
    skipped. Prints one line per disagreement and a count; exit status 1 if any.
    """
    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    with tempfile.TemporaryDirectory() as scratch:
        with zipfile.ZipFile(args.export) as archive:
            archive.extractall(scratch)
            nested = [n for n in archive.namelist() if n.endswith(".zip")]
        for name in nested:
            with zipfile.ZipFile(os.path.join(scratch, name)) as inner:
                inner.extractall(os.path.join(scratch, name[:-4]))
        files = sorted(os.path.join(root, name) for root, _dirs, names in os.walk(scratch)
                       for name in names if kind_of(name) in ("fit", "gpx", "tcx")
                       and "routes" not in os.path.relpath(root, scratch).split(os.sep))
        result = subprocess.run(
            [args.backstride, "--db", os.path.join(scratch, "check.db"), "import", "--dry-run",
             "--format", "json"] + files, stdout=subprocess.PIPE, check=False)
    decoded = {}
    for line in result.stdout.decode().splitlines():
        item = json.loads(line)
        decoded[os.path.basename(item["file"])] = item
    agreed = disagreed = 0
    for entry in manifest["activities"]:
        if not entry.get("file") or entry.get("corrupt"):
            continue
        item = decoded.get(os.path.basename(entry["file"]))
        activity = (item or {}).get("activity") or {}
        if item is None:
            good = False
        elif entry["is_run"]:
            good = (item["status"] == "imported" and activity.get("start_utc") == entry["start"]
                    and abs(activity.get("distance_m", 0) - entry["distance_m"]) < 0.01)
        else:
            good = item["status"] == "skipped"
        if good:
            agreed += 1
        else:
            disagreed += 1
            print("differs: %s %s (%s): manifest %s, backstride %s %s" % (
                entry["type"], entry["file"], entry["source"], entry["start"],
                item and item["status"], activity.get("start_utc")))
    print("%d files imported; %d agree with the manifest, %d differ" % (len(files), agreed,
                                                                        disagreed))
    if disagreed:
        raise ValueError("%d activities differ from the manifest" % disagreed)


def _shift_command(args):
    with open(args.input, "rb") as f:
        data = f.read()
    with open(args.output, "wb") as f:
        f.write(shift_file(data, kind_of(args.input), args.days * DAY_S))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    shift = commands.add_parser("shift", help="shift one file by whole days")
    shift.add_argument("input")
    shift.add_argument("output")
    shift.add_argument("--days", type=int, required=True)
    shift.set_defaults(run=_shift_command)
    survey = commands.add_parser("survey", help="print the CORPUS table")
    survey.add_argument("--backstride", required=True, help="the backstride binary")
    survey.add_argument("--corpus", default=DEFAULT_CORPUS)
    survey.set_defaults(run=_survey)
    check = commands.add_parser("check", help="import an export and compare with its manifest")
    check.add_argument("export")
    check.add_argument("manifest")
    check.add_argument("--backstride", required=True, help="the backstride binary")
    check.set_defaults(run=_check)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except (OSError, ValueError) as error:
        print("fitshift: %s" % error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
