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

// Fills what the decoder could not read: start, elapsed, distance (device first, else
// GPS), indoor when there are no positions, moving time, elevation gain, averages, and
// the sport, inferred from the pace when the file gives none.
void FinishActivity(Activity& activity);

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
