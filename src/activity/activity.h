// One model for every activity file, whatever its format: what the run rule, the
// importer and the charts need from a recording.
#ifndef BACKSTRIDE_ACTIVITY_ACTIVITY_H_
#define BACKSTRIDE_ACTIVITY_ACTIVITY_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "activity/decode_warning.h"

namespace backstride {

enum class Sport { kRunning, kWalking, kHiking, kCycling, kSwimming, kOther, kUnknown };
std::string_view SportId(Sport sport);  // "running", "walking", ...

// True for the sports whose cadence counts steps; files write it as strides per minute
// (one foot), so decoders double it.
bool CountsSteps(Sport sport);

enum class LapTrigger {
  kManual,
  kTime,
  kDistance,
  kPosition,
  kSessionEnd,
  kFitnessEquipment,
  kHeartRate,
  kUnknown
};
std::string_view LapTriggerId(LapTrigger trigger);  // "manual", "time", "distance", ...

// One recorded point. Times are UTC seconds since the Unix epoch (fractions kept).
struct Sample {
  double time_s = 0;
  std::optional<double> lat_deg;
  std::optional<double> lon_deg;
  std::optional<double> distance_m;  // as the device measured it, from the start
  std::optional<double> altitude_m;
  std::optional<double> speed_mps;
  std::optional<int> heart_rate_bpm;
  std::optional<double> cadence_spm;  // steps per minute (both feet)
};

struct Lap {
  double start_s = 0;  // UTC seconds
  double elapsed_s = 0;
  std::optional<double> timer_s;
  std::optional<double> distance_m;
  LapTrigger trigger = LapTrigger::kUnknown;
};

// A developer field (e.g. Stryd power), kept by the name its field_description gave.
struct DeveloperSeries {
  std::string name;
  std::string units;
  std::vector<std::pair<double, double>> values;  // (UTC seconds, value)
};

struct Activity {
  std::string format;  // "fit", "gpx", "tcx"
  Sport sport = Sport::kUnknown;
  bool sport_inferred = false;  // no sport in the file; guessed from the pace and cadence
  // A run (as the file says) faster than the world record over its distance: not on
  // foot, or not timed right. The importer may refuse it or mark it.
  bool pace_beyond_record = false;
  bool indoor = false;  // treadmill or indoor, or no positions at all (then no distance
                        // may be recorded: a time-based run)
  // Times count from when the device was switched on (an old watch with no clock set):
  // durations are right, the date is not (start_utc_s falls in 1990).
  bool times_from_power_on = false;
  std::optional<double> start_utc_s;
  std::optional<int> utc_offset_s;  // local time minus UTC, when the file says
  double elapsed_s = 0;             // first to last sample (or as the file states)
  std::optional<double> timer_s;    // excluding pauses, when the device recorded them
  double moving_s = 0;              // time spent moving (see metrics.h)
  std::optional<double> distance_m;
  bool distance_from_device = false;  // false: summed from GPS positions
  std::size_t points = 0;             // samples in the file, before any filtering
  std::vector<Sample> samples;  // in the order recorded; times never step back
  // Where the recording was paused and resumed (a GPX track's segments, or its tracks):
  // the index of each sample that starts a new segment, ascending, 0 not included. No
  // distance or moving time is counted across the gap before it.
  std::vector<std::size_t> segment_starts;
  std::vector<Lap> laps;
  std::optional<double> elevation_gain_m;
  std::optional<double> avg_hr_bpm;
  std::optional<double> avg_cadence_spm;
  std::vector<DeveloperSeries> developer_fields;
};

// What a decoder found in one file: zero or more activities, or the reason there are
// none (a settings or monitoring file), and warnings about damage it read past.
struct DecodedFile {
  std::vector<Activity> activities;
  std::string not_an_activity;  // non-empty: the file holds no activity, and why
  // The damage or doubt, as data (decode_warning.h), and the same in English, one
  // sentence each, in the same order. Add both with AddWarning.
  std::vector<DecodeWarning> notices;
  std::vector<std::string> warnings;
  std::size_t points = 0;  // samples the file holds (FIT records, trkpt, Trackpoint)
};

// Adds `warning` to `out`: as data, and as its English sentence.
void AddWarning(DecodedFile& out, const DecodeWarning& warning);

// ISO 8601 date-time ("2017-06-11T14:34:09Z", "...09.250+02:00") to UTC seconds.
// Returns nullopt if it is not one. Sets *offset_s to the written offset when present.
std::optional<double> ParseIsoTime(std::string_view text, std::optional<int>* offset_s = nullptr);
// "2017-06-11T14:34:09Z".
std::string FormatIsoTime(double utc_s);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_ACTIVITY_H_
