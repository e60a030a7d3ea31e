// Apple Health's export (export.zip: apple_health_export/export.xml, workout-routes/*.gpx):
// export.xml is streamed through AppleHealthReader, which keeps the running workouts and
// the heart rate; each workout's route file (a GPX without heart rate) is joined to it
// when it comes. Routes that come before export.xml wait for it, within a bound.
#include <algorithm>
#include <cmath>
#include <map>

#include "activity/decode.h"
#include "app/export_layouts.h"

namespace backstride {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;
// Route files held while export.xml has not come yet: beyond this they are imported as
// plain GPX files (a run that later matches its workout is kept once).
constexpr std::size_t kHeldRouteBytes = std::size_t{256} << 20;

std::string BaseName(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool IsRoute(std::string_view path) {
  return path.find("workout-routes/") != std::string_view::npos && path.ends_with(".gpx");
}

class AppleHealth final : public ExportLayout {
 public:
  bool Take(ExportEntry& entry, ExportWalk& walk) override {
    if (IsHealthExportXml(entry.path)) {
      ReadExport(entry, walk);
      return true;
    }
    if (!IsRoute(entry.path)) return false;
    if (!read_export_) {
      Hold(entry, walk);
      return true;
    }
    const auto waiting = by_route_.find(BaseName(entry.path));
    if (waiting == by_route_.end()) {
      // The route of a walk, a ride, or any workout that is not a run.
      ++walk.session().summary().archive_other;
      return true;
    }
    auto bytes = ReadAll(entry.data, entry.shown, kMaxActivityFileBytes);
    if (!bytes) {
      walk.Add(UnreadableFile(entry.shown, bytes.error().message), "");
      return true;
    }
    ImportWorkout(waiting->second, entry.shown, &*bytes, walk);
    return true;
  }

  void Hint(const std::string&, const DecodedFile&, ImportHints&) override {}
  void Imported(const std::string&, const ImportedFile&, ExportWalk&) override {}

  void Finish(bool, ExportWalk& walk) override {
    // Workouts whose route never came (an indoor run has none): their statistics.
    for (std::size_t i = 0; i < workouts_.size(); ++i) {
      if (!imported_[i]) ImportWorkout(i, shown_, nullptr, walk);
    }
    // Routes that came with no export.xml after them: plain GPX files.
    for (auto& [path, route] : held_) {
      walk.ImportActivityFile(path, route.shown, route.bytes);
    }
    held_.clear();
  }

 private:
  struct HeldRoute {
    std::string shown;
    std::vector<std::uint8_t> bytes;
  };

  void Hold(ExportEntry& entry, ExportWalk& walk) {
    auto bytes = ReadAll(entry.data, entry.shown, kMaxActivityFileBytes);
    if (!bytes) {
      walk.Add(UnreadableFile(entry.shown, bytes.error().message), "");
      return;
    }
    if (held_bytes_ + bytes->size() > kHeldRouteBytes) {
      walk.ImportActivityFile(entry.path, entry.shown, *bytes);
      return;
    }
    held_bytes_ += bytes->size();
    held_.emplace(entry.path, HeldRoute{entry.shown, std::move(*bytes)});
  }

  void ReadExport(ExportEntry& entry, ExportWalk& walk) {
    shown_ = entry.shown;
    export_path_ = entry.path;
    AppleHealthReader reader;
    std::vector<std::uint8_t> chunk(kChunk);
    std::optional<Error> error;
    for (;;) {
      auto got = entry.data.Read(chunk);
      if (!got) {
        error = got.error();
        break;
      }
      if (*got == 0) break;
      auto fed = reader.Feed(std::span<const char>(reinterpret_cast<const char*>(chunk.data()), *got));
      if (!fed) {
        error = fed.error();
        break;
      }
    }
    auto finished = reader.Finish();
    if (finished) {
      workouts_ = std::move(*finished);
    } else {
      if (!error) error = finished.error();
      workouts_ = reader.workouts_so_far();
    }
    read_export_ = true;
    imported_.assign(workouts_.size(), false);
    for (std::size_t i = 0; i < workouts_.size(); ++i) {
      if (walk.Done(KeyOf(workouts_[i]))) {
        imported_[i] = true;
        ++walk.session().summary().resumed;
        continue;
      }
      for (const std::string& route : workouts_[i].route_files) by_route_[BaseName(route)] = i;
      if (workouts_[i].route_files.empty()) ImportWorkout(i, shown_, nullptr, walk);
    }
    if (error) walk.Stopped(entry.shown, *error);
    // Routes that came first join their workouts now.
    for (auto it = held_.begin(); it != held_.end();) {
      const auto waiting = by_route_.find(BaseName(it->first));
      if (waiting == by_route_.end()) {
        ++it;
        continue;
      }
      ImportWorkout(waiting->second, it->second.shown, &it->second.bytes, walk);
      held_bytes_ -= it->second.bytes.size();
      it = held_.erase(it);
    }
  }

  std::string KeyOf(const AppleWorkout& workout) const {
    return export_path_ + "#" + FormatIsoTime(workout.start_utc_s);
  }

  // Imports workout `index`, with its route's GPX when given.
  void ImportWorkout(std::size_t index, const std::string& shown,
                     const std::vector<std::uint8_t>* route_bytes, ExportWalk& walk) {
    if (imported_[index]) return;
    imported_[index] = true;
    const AppleWorkout& workout = workouts_[index];
    std::optional<Activity> route;
    std::vector<std::string> warnings;
    if (route_bytes != nullptr) {
      auto decoded = DecodeActivityFile(shown, *route_bytes);
      if (decoded && !decoded->activities.empty()) {
        route = std::move(decoded->activities.front());
        warnings = std::move(decoded->warnings);
      }
    }
    DecodedFile decoded;
    decoded.activities.push_back(ActivityFromWorkout(workout, route ? &*route : nullptr));
    decoded.points = decoded.activities.front().points;
    decoded.warnings = std::move(warnings);
    ImportHints hints;
    hints.source = "apple";
    hints.service_says_run = true;
    hints.mark = walk.MarkOf(KeyOf(workout));
    walk.Add(walk.session().Import(shown, std::move(decoded), hints), "");
    // The joined samples are not needed again.
    std::vector<HeartRatePoint>().swap(workouts_[index].heart_rate);
  }

  bool read_export_ = false;
  std::string shown_;
  std::string export_path_;
  std::vector<AppleWorkout> workouts_;
  std::vector<bool> imported_;
  std::map<std::string, std::size_t> by_route_;
  std::map<std::string, HeldRoute> held_;
  std::size_t held_bytes_ = 0;
};

}  // namespace

std::unique_ptr<ExportLayout> AppleHealthLayout() { return std::make_unique<AppleHealth>(); }

Activity ActivityFromWorkout(const AppleWorkout& workout, const Activity* route) {
  Activity activity;
  if (route != nullptr) {
    activity.samples = route->samples;
    activity.segment_starts = route->segment_starts;
    activity.elevation_gain_m = route->elevation_gain_m;
    if (!workout.distance_m) activity.distance_m = route->distance_m;
  } else if (!workout.route.empty()) {
    activity.samples = workout.route;  // the inline points of an old export
  }
  activity.format = "apple-health";
  activity.sport = Sport::kRunning;
  activity.start_utc_s = workout.start_utc_s;
  activity.utc_offset_s = workout.utc_offset_s;
  activity.elapsed_s = std::max(0.0, workout.end_utc_s - workout.start_utc_s);
  activity.timer_s = workout.duration_s;
  activity.moving_s = workout.duration_s;
  if (workout.distance_m) {
    activity.distance_m = workout.distance_m;
    activity.distance_from_device = true;
  }
  activity.indoor = workout.indoor;
  if (workout.elevation_gain_m) activity.elevation_gain_m = workout.elevation_gain_m;
  activity.avg_hr_bpm = workout.avg_hr_bpm;

  const std::vector<HeartRatePoint>& heart = workout.heart_rate;
  if (activity.samples.empty()) {
    // No route (a treadmill run): heart rate over time is the track.
    for (const HeartRatePoint& point : heart) {
      Sample sample;
      sample.time_s = point.time_utc_s;
      sample.heart_rate_bpm = point.bpm;
      activity.samples.push_back(sample);
    }
  } else if (!heart.empty()) {
    // Each point takes the nearest reading in time, within kHeartRateJoinS.
    std::size_t h = 0;
    for (Sample& sample : activity.samples) {
      while (h + 1 < heart.size() && std::abs(heart[h + 1].time_utc_s - sample.time_s) <=
                                         std::abs(heart[h].time_utc_s - sample.time_s)) {
        ++h;
      }
      if (std::abs(heart[h].time_utc_s - sample.time_s) <= kHeartRateJoinS) {
        sample.heart_rate_bpm = heart[h].bpm;
      }
    }
  }
  // A pause splits the track: no distance is counted across it.
  for (const auto& [paused, resumed] : workout.pauses) {
    const auto first_after = std::find_if(activity.samples.begin(), activity.samples.end(),
                                          [&](const Sample& s) { return s.time_s >= resumed; });
    const auto index = static_cast<std::size_t>(first_after - activity.samples.begin());
    if (index > 0 && index < activity.samples.size() &&
        std::find(activity.segment_starts.begin(), activity.segment_starts.end(), index) ==
            activity.segment_starts.end()) {
      activity.segment_starts.push_back(index);
    }
    (void)paused;
  }
  std::sort(activity.segment_starts.begin(), activity.segment_starts.end());
  activity.points = activity.samples.size();
  return activity;
}

}  // namespace backstride
