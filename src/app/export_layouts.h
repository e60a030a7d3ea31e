// The services' export layouts (export_walker.h), and how each turns what it knows of a
// run without a file of its own into an Activity the importer judges like any other.
#ifndef BACKSTRIDE_APP_EXPORT_LAYOUTS_H_
#define BACKSTRIDE_APP_EXPORT_LAYOUTS_H_

#include <memory>
#include <optional>

#include "activity/activity.h"
#include "activity/apple_health.h"
#include "activity/garmin_summary.h"
#include "activity/strava_csv.h"
#include "app/export_walker.h"

namespace backstride {

std::unique_ptr<ExportLayout> StravaLayout();
std::unique_ptr<ExportLayout> GarminLayout();
std::unique_ptr<ExportLayout> AppleHealthLayout();

// A row of Strava's activities.csv with no file (a run typed in, or a file missing from
// the export): its distance and times, no track.
Activity ActivityFromStravaRow(const StravaActivityRow& row);

// A Garmin Connect summary with no FIT file beside it.
Activity ActivityFromGarminSummary(const GarminActivitySummary& summary);

// A running workout of Apple Health: its statistics, with its route's points when the
// route file was there (`route`, decoded from the route's GPX), and heart rate joined to
// the points by time (or, without a route, heart rate over time alone).
Activity ActivityFromWorkout(const AppleWorkout& workout, const Activity* route);

// Samples further apart than this from the nearest heart-rate reading get none.
inline constexpr double kHeartRateJoinS = 10;

}  // namespace backstride

#endif  // BACKSTRIDE_APP_EXPORT_LAYOUTS_H_
