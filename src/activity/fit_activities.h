// From what a FIT file said to backstride's activities.
//
// Design note. The decoder gathers a file (or a chain of files) in one pass into
// Contents, and only then are activities made: a session message, which gives the sport
// and the device's own totals, is often written after the records it sums up. A file
// with several sessions (multisport, or chained files) becomes one activity per session,
// holding the samples and laps inside its time span. The device's totals are preferred to
// recomputed ones; without a session the timer time comes from start and stop events.
#ifndef BACKSTRIDE_ACTIVITY_FIT_ACTIVITIES_H_
#define BACKSTRIDE_ACTIVITY_FIT_ACTIVITIES_H_

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "activity/activity.h"
#include "activity/fit_profile.h"

namespace backstride::fit {

// One session message: the device's summary of one activity. Times are UTC seconds.
struct Session {
  std::optional<double> start, timestamp, elapsed, timer, distance, moving, avg_hr, avg_cadence;
  std::optional<int> sport, sub_sport;
};

// Everything gathered from one FIT file (or chain) before it becomes activities.
struct Contents {
  // file_id.type of each file in the chain, in order. A chain holding an activity is an
  // activity file, whatever else is chained to it (a device may append its settings).
  std::vector<FileType> file_types;
  std::optional<int> sport, sub_sport;  // from a sport message
  std::vector<Sample> samples;          // cadence as written: strides or revolutions
  std::vector<Lap> laps;
  std::vector<Session> sessions;
  std::vector<std::pair<double, bool>> timer_events;  // (time, running)
  std::optional<int> utc_offset_s;
  bool relative_times = false;  // some time counted from power-on, not a date
  std::vector<DeveloperSeries> dev_series;
  std::size_t records = 0;
};

// Adds to `out` the activities in `contents`, or the reason there are none (a FIT file
// of another kind, or no recorded activity), and the warnings the contents call for.
// Moves the samples and laps out of `contents`.
void AddActivities(Contents& contents, DecodedFile& out);

}  // namespace backstride::fit

#endif  // BACKSTRIDE_ACTIVITY_FIT_ACTIVITIES_H_
