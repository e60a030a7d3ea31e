// What is computed from a recording rather than read from it: distance summed from GPS
// when the device gave none, moving time, elevation gain with the noise filtered out,
// averages, splits, and where in the run a given distance or time falls.
#ifndef BACKSTRIDE_ACTIVITY_METRICS_H_
#define BACKSTRIDE_ACTIVITY_METRICS_H_

#include <optional>
#include <vector>

#include "activity/activity.h"

namespace backstride {

// Strava's threshold for "moving" on runs without device pauses: faster than 30 min
// per mile (0.894 m/s).
inline constexpr double kMovingSpeedMps = 0.894;
// A gap between samples longer than this is a pause (auto-pause or a stopped recording).
inline constexpr double kPauseGapS = 30;
// GPS moves shorter than this from the last counted fix are jitter, not distance. On the
// corpus's run recorded as FIT and GPX, summing every fix gave 1.06 % more than the
// watch's own distance; ignoring moves under 3 m gives 0.33 %.
inline constexpr double kGpsJitterM = 3;
// Climbs are counted once they exceed this, so barometer and GPS noise does not add up.
inline constexpr double kElevationNoiseM = 3;

// A run is inferred (no sport in the file) only from enough data to tell: at least this
// far and this long. A few metres over a few seconds look like any sport.
inline constexpr double kInferMinDistanceM = 200;
inline constexpr double kInferMinDurationS = 60;
// ...and only at a pace slower than 12 min/km (a brisk walk) and no faster than this
// share of the world record's speed over the distance: 3:02 /km over a half marathon.
// Runners who need backstride are not that fast, and rides are.
inline constexpr double kInferSlowestRunMps = 1000.0 / 720.0;
inline constexpr double kInferRecordShare = 0.9;
// Running cadence as files write it: strides per minute (one foot; Garmin's TCX, GPX
// TrackPointExtension and FIT) or steps per minute (some phone apps). An average outside
// both ranges (a cyclist's 60-100 rpm overlaps strides only at the top) is not running.
inline constexpr double kRunStridesLowest = 75;    // 150 steps/min: a slow jog
inline constexpr double kRunStridesHighest = 115;  // 230 steps/min: sprinting
inline constexpr double kRunStepsLowest = 2 * kRunStridesLowest;
inline constexpr double kRunStepsHighest = 2 * kRunStridesHighest;

// The world record's average speed over `distance_m` (men's, World Athletics, road and
// track, as of 2025), interpolated between the record distances on a log scale; below
// 100 m the 100 m record's, past 100 km the 100 km record's.
double WorldRecordSpeedMps(double distance_m);

// Fills what the decoder could not read: start, elapsed, distance (device first, else
// GPS, never across a gap between segments), indoor when there are no positions, moving
// time, timer time from the segments, elevation gain, averages, and the sport when the
// file gives none: running only when the pace and the cadence (when recorded) look like
// running, with the cadence then made steps per minute. Flags a run faster than the world
// record (Activity::pace_beyond_record).
void FinishActivity(Activity& activity);

// Adds to `out` the warnings about its activities a runner should see (a pace beyond the
// world record). Decoders call it last.
void AddActivityWarnings(DecodedFile& out);

// Distance from the start at each sample, device distance where recorded, else summed
// from positions (great-circle), else empty.
std::vector<double> CumulativeDistance(const Activity& activity);

struct Split {
  int number = 0;         // 1-based
  double distance_m = 0;  // the split's length (the last one may be short)
  double duration_s = 0;  // wall-clock time across it
  std::optional<double> avg_hr_bpm;
};

// Splits every `split_m` metres (1000 for km, 1609.344 for miles).
std::vector<Split> Splits(const Activity& activity, double split_m);

struct TrackPoint {
  double distance_m = 0;
  double elapsed_s = 0;  // since the start
};

// Where on the track a distance from the start falls, with the time then; or where a time
// since the start falls, with the distance then. nullopt when the run is shorter or the
// track has no distance.
std::optional<TrackPoint> PointAtDistance(const Activity& activity, double distance_m);
std::optional<TrackPoint> PointAtTime(const Activity& activity, double elapsed_s);

// The track every `step_m` metres from the start, the end included: a few hundred points
// for a chart whatever the recording rate. Empty when the track has no distance.
std::vector<TrackPoint> TrackEvery(const Activity& activity, double step_m);

// The pain onset a runner marked by pressing lap: the end of the first lap they ended by
// hand, when another lap follows it (the last lap ends with the run, not with pain).
std::optional<TrackPoint> OnsetFromManualLap(const Activity& activity);

// The end of lap `number` (1-based), as a point on the track.
std::optional<TrackPoint> LapEnd(const Activity& activity, std::size_t number);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_METRICS_H_
