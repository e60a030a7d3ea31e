// Runs, logged and imported alike: list them, show one with its laps and splits, set
// where the pain started, and rate an imported run's pain afterwards.
#ifndef BACKSTRIDE_APP_RUNS_H_
#define BACKSTRIDE_APP_RUNS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "activity/activity.h"
#include "activity/metrics.h"
#include "app/training.h"
#include "base/date.h"
#include "base/result.h"

namespace backstride {

class Store;

// The same run as it came from another source, kept as an alias of the recording.
struct RecordingAlias {
  std::string source;  // "file", "strava", "garmin", "apple"
  std::string file;
};

// What the watch recorded for an imported run, beside the log entry.
struct Recording {
  std::string file;
  std::string format;  // "fit", "gpx", "tcx"
  std::string sport;
  double start_utc = 0;  // seconds since 1970
  std::optional<int> utc_offset_s;
  bool indoor = false;
  double elapsed_s = 0;
  std::optional<double> timer_s;
  double moving_s = 0;
  std::optional<double> avg_hr_bpm;
  std::optional<double> avg_cadence_spm;
  std::optional<double> elevation_gain_m;
  std::string source = "file";          // where it came from: "file", "strava", "garmin", "apple"
  std::string title;                    // the service's name for the run, when an export gave one
  std::string description;              // the runner's words on it there
  std::vector<RecordingAlias> aliases;  // the same run from other sources (ShowRun only)
};

struct RunView {
  LogEntry entry;
  std::optional<Recording> activity;    // for imported runs
  std::optional<RunDecision> decision;  // the run rule's verdict, when there is a plan
};

// The runs between two dates (inclusive, either open), oldest first.
Result<std::vector<RunView>> ListRuns(Store& store, std::optional<Date> from,
                                      std::optional<Date> to, Date today);

// Heart rate and cadence along a run, for a chart: each point the average over one step
// of the track (kAlongStepM on a run with a distance, kAlongStepS on one without).
struct AlongPoint {
  std::optional<double> distance_m;  // at the step's end; none on a time-based run
  double elapsed_s = 0;              // at the step's end
  std::optional<double> heart_rate_bpm;
  std::optional<double> cadence_spm;
};

struct RunDetail {
  RunView run;
  std::vector<Lap> laps;            // start_s relative to the run's start
  std::vector<Split> splits;        // per km or mile
  std::vector<TrackPoint> profile;  // the track every 50 m, for a pace chart
  std::vector<AlongPoint> along;    // empty when the watch recorded neither
};

// The steps of AlongPoint: a 10 km run gives 200 points, an hour on a treadmill 240, few
// enough for a phone and close enough to show a climb in heart rate.
inline constexpr double kAlongStepM = 50;
inline constexpr double kAlongStepS = 15;

// One run with laps and splits (`split_m` metres each). kNotFound when `id` is not a run.
Result<RunDetail> ShowRun(Store& store, std::int64_t id, double split_m, Date today);

struct OnsetSpec {
  std::optional<std::size_t> lap;  // the end of this lap (1-based)
  std::optional<double> distance_m;
  std::optional<double> elapsed_s;
};

// Sets where the pain started on run `id`, placed on its track (a distance gets its time
// and a time its distance; a run without a track is taken at an even pace). Fails with
// kInvalidArgument when the point is past the end of the run or the lap does not exist.
Result<LogEntry> SetOnset(Store& store, std::int64_t id, const OnsetSpec& onset);

// Logs pain for a run already in the log (an imported one): run `id`, or the latest run on
// `date` that has no pain yet. Says what changed, like AddToLog.
Result<LogOutcome> RateRun(Store& store, std::optional<std::int64_t> id, Date date, int pain,
                           std::optional<int> pain_before, Date today);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_RUNS_H_
