// Garmin Connect's data export: DI_CONNECT/DI-Connect-Fitness/*_summarizedActivities.json.
//
// Design note. The file is `[{"summarizedActivitiesExport":[{...},{...}]}]`, one object
// per activity, and can be tens of MB for a decade of activities. Its units are not the
// API's (garmin-grafana#278): distance and elevation in centimetres, durations in
// milliseconds, startTimeGmt and startTimeLocal in epoch milliseconds, the local one being
// the local wall time written as if it were UTC (so offset = local - gmt). Cadence:
// avgDoubleCadence counts both feet (150-180 on a run), avgRunCadence one foot (half of
// that, as FIT's strides per minute); the summary gives steps per minute, both feet.
//
// Policy. An entry keeps what it has: a missing key is no value, a value of the wrong
// type is skipped and named in `problems`. An entry without a start time cannot be placed
// on a day, so it is left out and counted. The document is streamed (nlohmann_json's SAX
// interface, no exceptions) and only the keys below are kept, one activity at a time: a
// 30 MB export reads in a fraction of the time and memory a whole-document tree takes.
// Pure: text in, result out.
#ifndef BACKSTRIDE_ACTIVITY_GARMIN_SUMMARY_H_
#define BACKSTRIDE_ACTIVITY_GARMIN_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace backstride {

// Past this many, problems are counted in one last line instead of listed.
inline constexpr std::size_t kMaxGarminProblems = 100;

// One activity of the export.
struct GarminActivitySummary {
  std::int64_t activity_id = 0;
  std::string name, activity_type;  // activity_type as Garmin keys it: "trail_running"
  double start_utc_s = 0;           // seconds since 1970
  std::optional<int> utc_offset_s;  // local time minus UTC, when startTimeLocal is there
  std::optional<double> distance_m, duration_s, elapsed_s, moving_s;
  std::optional<double> avg_hr_bpm, max_hr_bpm, avg_cadence_spm, elevation_gain_m;
  bool indoor = false;  // treadmill, indoor and virtual types
};

struct GarminActivitySummaries {
  std::vector<GarminActivitySummary> activities;  // in the file's order
  std::size_t dropped_without_start = 0;          // entries with no startTimeGmt
  // Entries left out and values skipped, each naming the entry (1-based) and key.
  std::vector<std::string> problems;
};

// Reads a whole *_summarizedActivities.json. Fails with kCorruption (and the byte offset)
// when the text is not JSON, and kInvalidArgument when it is JSON without a
// "summarizedActivitiesExport" list (another file of the export).
Result<GarminActivitySummaries> ReadGarminSummarizedActivities(std::string_view json);

// True for Garmin's running types: "running" and every "*_running" ("trail_running",
// "treadmill_running", "track_running", ...), "virtual_run", "ultra_run", "obstacle_run".
bool IsGarminRun(std::string_view activity_type);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_GARMIN_SUMMARY_H_
