#include "activity/metrics.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace backstride {
namespace {

constexpr double kEarthRadiusM = 6371008.8;  // mean radius
constexpr double kPi = 3.14159265358979323846;

double Haversine(double lat1, double lon1, double lat2, double lon2) {
  const double to_rad = kPi / 180.0;
  const double dlat = (lat2 - lat1) * to_rad;
  const double dlon = (lon2 - lon1) * to_rad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * to_rad) * std::cos(lat2 * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

// Distance between two fixes. Consecutive fixes are metres apart, where the flat-earth
// (equirectangular) formula agrees with the great circle to well under a millimetre and
// needs one cosine instead of five trigonometric calls; far-apart fixes use the great
// circle. (gpxpy makes the same choice below 0.2 degrees.)
double Distance(double lat1, double lon1, double lat2, double lon2) {
  if (std::abs(lat2 - lat1) > 0.2 || std::abs(lon2 - lon1) > 0.2) {
    return Haversine(lat1, lon1, lat2, lon2);
  }
  const double to_rad = kPi / 180.0;
  const double x = (lon2 - lon1) * to_rad * std::cos((lat1 + lat2) * 0.5 * to_rad);
  const double y = (lat2 - lat1) * to_rad;
  return kEarthRadiusM * std::sqrt(x * x + y * y);
}

// (0, 0) is where broken GPS fixes land, not where anyone runs.
bool UsablePosition(const Sample& sample) {
  return sample.lat_deg && sample.lon_deg && !(*sample.lat_deg == 0 && *sample.lon_deg == 0) &&
         std::abs(*sample.lat_deg) <= 90 && std::abs(*sample.lon_deg) <= 180;
}

// World records (men's, World Athletics, as of 2025): distance in metres, time in seconds.
// 100 m 9.58 (Bolt, 2009); 400 m 43.03 (van Niekerk, 2016); 800 m 1:40.91 (Rudisha,
// 2012); 1500 m 3:26.00 (El Guerrouj, 1998); 5000 m 12:35.36 and 10,000 m 26:11.00
// (Cheptegei, 2020); half marathon 56:42 (Kiplimo, 2025); marathon 2:00:35 (Kiptum,
// 2023); 100 km 6:05:35 (Sorokin, 2022).
struct Record {
  double distance_m;
  double time_s;
};
constexpr Record kWorldRecords[] = {
    {100, 9.58},      {400, 43.03},      {800, 100.91},     {1500, 206.00},    {5000, 755.36},
    {10000, 1571.00}, {21097.5, 3402.0}, {42195, 7235.0}, {100000, 21935.0},
};

// Sets the sport of `activity` (no sport in the file) to running when its data looks
// like running: enough of it, a running pace over `time_s`, and a running cadence when
// cadence was recorded (many phone apps and older watches record none: then the pace
// decides). Cadence written as strides is made steps.
void InferRunning(Activity& activity, double time_s) {
  const double distance = *activity.distance_m;
  if (distance < kInferMinDistanceM || time_s < kInferMinDurationS) return;
  const double speed = distance / time_s;
  if (speed < kInferSlowestRunMps || speed > kInferRecordShare * WorldRecordSpeedMps(distance)) {
    return;
  }
  double sum = 0;
  int count = 0;
  for (const Sample& sample : activity.samples) {
    if (sample.cadence_spm && *sample.cadence_spm > 0) {
      sum += *sample.cadence_spm;
      ++count;
    }
  }
  if (count == 0 && activity.avg_cadence_spm && *activity.avg_cadence_spm > 0) {
    sum = *activity.avg_cadence_spm;
    count = 1;
  }
  bool strides = false;
  if (count > 0) {
    const double cadence = sum / count;
    strides = cadence >= kRunStridesLowest && cadence <= kRunStridesHighest;
    const bool steps = cadence >= kRunStepsLowest && cadence <= kRunStepsHighest;
    if (!strides && !steps) return;
  }
  activity.sport = Sport::kRunning;
  activity.sport_inferred = true;
  if (strides) {
    for (Sample& sample : activity.samples) {
      if (sample.cadence_spm) *sample.cadence_spm *= 2;
    }
    if (activity.avg_cadence_spm) *activity.avg_cadence_spm *= 2;
  }
}

}  // namespace

double WorldRecordSpeedMps(double distance_m) {
  const auto speed = [](const Record& r) { return r.distance_m / r.time_s; };
  if (!(distance_m > kWorldRecords[0].distance_m)) return speed(kWorldRecords[0]);
  for (std::size_t i = 1; i < std::size(kWorldRecords); ++i) {
    const Record& a = kWorldRecords[i - 1];
    const Record& b = kWorldRecords[i];
    if (distance_m <= b.distance_m) {
      const double f = std::log(distance_m / a.distance_m) / std::log(b.distance_m / a.distance_m);
      return speed(a) + f * (speed(b) - speed(a));
    }
  }
  return speed(kWorldRecords[std::size(kWorldRecords) - 1]);
}

std::vector<double> CumulativeDistance(const Activity& activity) {
  const auto& samples = activity.samples;
  std::vector<double> distance;
  const bool device = std::any_of(samples.begin(), samples.end(),
                                  [](const Sample& s) { return s.distance_m.has_value(); });
  if (device) {
    distance.reserve(samples.size());
    double last = 0;
    for (const Sample& sample : samples) {
      // Carry the last reading over gaps, and never go backwards.
      if (sample.distance_m && *sample.distance_m >= last) last = *sample.distance_m;
      distance.push_back(last);
    }
    return distance;
  }
  const bool positions = std::any_of(samples.begin(), samples.end(), UsablePosition);
  if (!positions) return distance;
  distance.reserve(samples.size());
  double total = 0;
  const Sample* previous = nullptr;
  auto next_segment = activity.segment_starts.begin();
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const Sample& sample = samples[i];
    // A new segment starts where the recording resumed: nothing is added across the gap.
    if (next_segment != activity.segment_starts.end() && *next_segment == i) {
      previous = nullptr;
      ++next_segment;
    }
    if (UsablePosition(sample)) {
      if (previous == nullptr) {
        previous = &sample;
      } else {
        const double step =
            Distance(*previous->lat_deg, *previous->lon_deg, *sample.lat_deg, *sample.lon_deg);
        // GPS fixes wander by a few metres even standing still; moves shorter than that
        // are noise, and summing them inflates the distance.
        if (step >= kGpsJitterM) {
          total += step;
          previous = &sample;
        }
      }
    }
    distance.push_back(total);
  }
  return distance;
}

void FinishActivity(Activity& activity) {
  auto& samples = activity.samples;
  if (activity.points == 0) activity.points = samples.size();
  if (!activity.start_utc_s && !samples.empty()) activity.start_utc_s = samples.front().time_s;
  if (activity.elapsed_s <= 0 && samples.size() >= 2) {
    activity.elapsed_s = samples.back().time_s - samples.front().time_s;
  }
  const std::vector<double> distance = CumulativeDistance(activity);
  if (!activity.distance_m && !distance.empty() && distance.back() > 0) {
    activity.distance_m = distance.back();
    activity.distance_from_device = std::any_of(
        samples.begin(), samples.end(), [](const Sample& s) { return s.distance_m.has_value(); });
  }
  if (!std::any_of(samples.begin(), samples.end(), UsablePosition)) activity.indoor = true;

  // Timer time of a recording in segments: each segment's span, not the gaps between.
  if (!activity.timer_s && !activity.segment_starts.empty() && !samples.empty()) {
    double timer = 0;
    std::size_t begin = 0;
    for (std::size_t k = 0; k <= activity.segment_starts.size(); ++k) {
      const std::size_t end =
          k < activity.segment_starts.size() ? activity.segment_starts[k] : samples.size();
      if (end > begin) timer += samples[end - 1].time_s - samples[begin].time_s;
      begin = end;
    }
    activity.timer_s = timer;
  }

  // Moving time: steps faster than the moving threshold, not across pauses or from one
  // segment to the next. Each step's speed comes from the device distance, else from the
  // raw positions (not the jitter-filtered sum, which is flat over short moves), else
  // from the recorded speed. Points timed like the point before them (a repeated or held
  // time) move on with no time of their own: their metres count in the next step that
  // takes time, from the last point whose time moved on (the anchor).
  const bool device_distance = std::any_of(
      samples.begin(), samples.end(), [](const Sample& s) { return s.distance_m.has_value(); });
  double moving = 0;
  bool measured = false;
  auto next_segment = activity.segment_starts.begin();
  std::size_t anchor = 0;
  double raw_since_anchor = 0;  // metres between raw positions since the anchor
  for (std::size_t i = 1; i < samples.size(); ++i) {
    const Sample& a = samples[i - 1];
    const Sample& b = samples[i];
    while (next_segment != activity.segment_starts.end() && *next_segment < i) ++next_segment;
    if (next_segment != activity.segment_starts.end() && *next_segment == i) {
      anchor = i;
      raw_since_anchor = 0;
      continue;
    }
    // Raw metres only when they give the speed (one cosine a point saved on FIT files).
    const bool positions = !device_distance && UsablePosition(a) && UsablePosition(b);
    if (positions) raw_since_anchor += Distance(*a.lat_deg, *a.lon_deg, *b.lat_deg, *b.lon_deg);
    const double dt = b.time_s - samples[anchor].time_s;
    if (dt <= 0) continue;
    if (dt <= kPauseGapS) {
      std::optional<double> speed;
      if (device_distance) {
        speed = (distance[i] - distance[anchor]) / dt;
      } else if (positions) {
        speed = raw_since_anchor / dt;
      } else if (b.speed_mps) {
        speed = b.speed_mps;
      }
      if (speed) {
        measured = true;
        if (*speed >= kMovingSpeedMps) moving += dt;
      }
    }
    anchor = i;
    raw_since_anchor = 0;
  }
  activity.moving_s = measured ? moving : activity.timer_s.value_or(activity.elapsed_s);

  // Elevation gain with hysteresis: a climb counts once it exceeds the noise level.
  std::optional<double> low;
  double gain = 0;
  bool any_altitude = false;
  for (const Sample& sample : samples) {
    if (!sample.altitude_m) continue;
    any_altitude = true;
    const double altitude = *sample.altitude_m;
    if (!low || altitude < *low) {
      low = altitude;
    } else if (altitude - *low >= kElevationNoiseM) {
      gain += altitude - *low;
      low = altitude;
    }
  }
  if (any_altitude && !activity.elevation_gain_m) activity.elevation_gain_m = gain;

  if (!activity.avg_hr_bpm) {
    double sum = 0;
    int count = 0;
    for (const Sample& sample : samples) {
      if (sample.heart_rate_bpm && *sample.heart_rate_bpm > 0) {
        sum += *sample.heart_rate_bpm;
        ++count;
      }
    }
    if (count > 0) activity.avg_hr_bpm = sum / count;
  }
  // Average cadence from the samples when they have it (zeros are standing still), so
  // every format agrees; a file's own summary only when there are none.
  const auto average_cadence = [&samples]() -> std::optional<double> {
    double sum = 0;
    int count = 0;
    for (const Sample& sample : samples) {
      if (sample.cadence_spm && *sample.cadence_spm > 0) {
        sum += *sample.cadence_spm;
        ++count;
      }
    }
    if (count == 0) return std::nullopt;
    return sum / count;
  };
  if (auto cadence = average_cadence()) activity.avg_cadence_spm = cadence;

  // The pace is judged over the time the run will be stored with (the timer's, else the
  // moving time): a sparse hiking track whose moving time is a fraction of its hours would
  // otherwise pass for a run and be stored at a walker's pace.
  const double time =
      activity.timer_s.value_or(activity.moving_s > 0 ? activity.moving_s : activity.elapsed_s);
  if (activity.sport == Sport::kUnknown && activity.distance_m && time > 0) {
    InferRunning(activity, time);
    if (activity.sport == Sport::kRunning) {
      if (auto cadence = average_cadence()) activity.avg_cadence_spm = cadence;
    }
  }

  // A run faster than the world record over its distance was not on foot (or not timed
  // right). Timed by the timer when there is one: a paused run is not flagged for its pauses.
  if (activity.sport == Sport::kRunning && activity.distance_m && *activity.distance_m > 0) {
    const double run_time = activity.timer_s.value_or(activity.elapsed_s);
    activity.pace_beyond_record =
        run_time > 0 &&
        *activity.distance_m / run_time > WorldRecordSpeedMps(*activity.distance_m);
  }
}

void AddActivityWarnings(DecodedFile& out) {
  for (const Activity& activity : out.activities) {
    if (activity.pace_beyond_record) {
      DecodeWarning warning;
      warning.kind = WarningKind::kPaceBeyondRecord;
      AddWarning(out, warning);
    }
  }
}

std::vector<Split> Splits(const Activity& activity, double split_m) {
  std::vector<Split> splits;
  const std::vector<double> distance = CumulativeDistance(activity);
  if (distance.empty() || split_m <= 0) return splits;
  const auto& samples = activity.samples;
  double split_start_time = samples.front().time_s;
  double split_start_distance = 0;
  double hr_sum = 0;
  int hr_count = 0;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (samples[i].heart_rate_bpm) {
      hr_sum += *samples[i].heart_rate_bpm;
      ++hr_count;
    }
    const bool last = i + 1 == samples.size();
    if (distance[i] - split_start_distance >= split_m ||
        (last && distance[i] > split_start_distance)) {
      Split split;
      split.number = static_cast<int>(splits.size()) + 1;
      split.distance_m = distance[i] - split_start_distance;
      split.duration_s = samples[i].time_s - split_start_time;
      if (hr_count > 0) split.avg_hr_bpm = hr_sum / hr_count;
      splits.push_back(split);
      split_start_distance = distance[i];
      split_start_time = samples[i].time_s;
      hr_sum = 0;
      hr_count = 0;
    }
  }
  return splits;
}

namespace {

// The point at `distance_m` given the cumulative distance of each sample (sorted).
TrackPoint Interpolate(const std::vector<Sample>& samples, const std::vector<double>& distance,
                       double distance_m) {
  const double start = samples.front().time_s;
  const auto it = std::lower_bound(distance.begin(), distance.end(), distance_m);
  const auto i = static_cast<std::size_t>(it - distance.begin());
  if (i == 0) return TrackPoint{distance_m, 0};
  const double span = distance[i] - distance[i - 1];
  const double fraction = span > 0 ? (distance_m - distance[i - 1]) / span : 0;
  const double time =
      samples[i - 1].time_s + fraction * (samples[i].time_s - samples[i - 1].time_s);
  return TrackPoint{distance_m, time - start};
}

}  // namespace

std::optional<TrackPoint> PointAtDistance(const Activity& activity, double distance_m) {
  const std::vector<double> distance = CumulativeDistance(activity);
  if (distance.empty() || distance_m < 0 || distance_m > distance.back()) return std::nullopt;
  return Interpolate(activity.samples, distance, distance_m);
}

std::vector<TrackPoint> TrackEvery(const Activity& activity, double step_m) {
  const std::vector<double> distance = CumulativeDistance(activity);
  std::vector<TrackPoint> points;
  if (distance.empty() || !(step_m > 0) || !(distance.back() > 0)) return points;
  const double end = distance.back();
  for (double at = 0; at < end; at += step_m) {
    points.push_back(Interpolate(activity.samples, distance, at));
  }
  points.push_back(Interpolate(activity.samples, distance, end));
  return points;
}

std::optional<TrackPoint> PointAtTime(const Activity& activity, double elapsed_s) {
  const auto& samples = activity.samples;
  if (samples.empty() || elapsed_s < 0) return std::nullopt;
  const double start = samples.front().time_s;
  const double target = start + elapsed_s;
  if (target > samples.back().time_s) return std::nullopt;
  const std::vector<double> distance = CumulativeDistance(activity);
  if (distance.empty()) return std::nullopt;
  const auto it = std::lower_bound(samples.begin(), samples.end(), target,
                                   [](const Sample& s, double t) { return s.time_s < t; });
  const auto i = static_cast<std::size_t>(it - samples.begin());
  if (i == 0) return TrackPoint{0, elapsed_s};
  const double span = samples[i].time_s - samples[i - 1].time_s;
  const double fraction = span > 0 ? (target - samples[i - 1].time_s) / span : 0;
  return TrackPoint{distance[i - 1] + fraction * (distance[i] - distance[i - 1]), elapsed_s};
}

std::optional<TrackPoint> LapEnd(const Activity& activity, std::size_t number) {
  if (number == 0 || number > activity.laps.size() || !activity.start_utc_s) return std::nullopt;
  const Lap& lap = activity.laps[number - 1];
  const double end = lap.start_s + lap.elapsed_s - *activity.start_utc_s;
  if (auto point = PointAtTime(activity, end)) return point;
  // No track: add up the laps' own distances.
  double distance = 0;
  for (std::size_t i = 0; i < number; ++i) {
    if (!activity.laps[i].distance_m) return std::nullopt;
    distance += *activity.laps[i].distance_m;
  }
  return TrackPoint{distance, end};
}

std::optional<TrackPoint> OnsetFromManualLap(const Activity& activity) {
  for (std::size_t i = 0; i + 1 < activity.laps.size(); ++i) {
    if (activity.laps[i].trigger == LapTrigger::kManual) return LapEnd(activity, i + 1);
  }
  return std::nullopt;
}

}  // namespace backstride
