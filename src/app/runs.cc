#include "app/runs.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "app/explain.h"
#include "store/store.h"

namespace backstride {
namespace {

std::map<std::int64_t, RunDecision> Decisions(Store& store, Date today) {
  std::map<std::int64_t, RunDecision> decisions;
  auto active = LoadActivePlan(store, today);
  if (!active) return decisions;
  for (const RunDecision& decision : active->state.decisions) {
    decisions[decision.run_id] = decision;
  }
  return decisions;
}

LapTrigger TriggerFromId(const std::string& id) {
  for (LapTrigger trigger :
       {LapTrigger::kManual, LapTrigger::kTime, LapTrigger::kDistance, LapTrigger::kPosition,
        LapTrigger::kSessionEnd, LapTrigger::kFitnessEquipment, LapTrigger::kHeartRate}) {
    if (LapTriggerId(trigger) == id) return trigger;
  }
  return LapTrigger::kUnknown;
}

std::vector<Lap> ParseLaps(const std::string& json) {
  std::vector<Lap> laps;
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return laps;
  for (const auto& item : parsed) {
    Lap lap;
    lap.start_s = item.value("start_s", 0.0);
    lap.elapsed_s = item.value("elapsed_s", 0.0);
    if (item.contains("timer_s")) lap.timer_s = item["timer_s"].get<double>();
    if (item.contains("distance_m")) lap.distance_m = item["distance_m"].get<double>();
    lap.trigger = TriggerFromId(item.value("trigger", ""));
    laps.push_back(lap);
  }
  return laps;
}

// The spacing of a run's pace profile: close enough to show where a runner slowed; a
// 10 km run gives 200 points.
constexpr double kProfileStepM = 50;

// The stored track as an activity of samples starting at time 0.
Activity TrackActivity(const StoredActivity& stored) {
  Activity activity;
  activity.start_utc_s = 0;
  activity.samples.reserve(stored.track.size());
  for (const TrackSample& point : stored.track) {
    Sample sample;
    sample.time_s = point.elapsed_s;
    sample.distance_m = point.distance_m;
    if (point.heart_rate_bpm) sample.heart_rate_bpm = static_cast<int>(*point.heart_rate_bpm);
    sample.cadence_spm = point.cadence_spm;
    activity.samples.push_back(sample);
  }
  return activity;
}

// Heart rate and cadence averaged over each step of the track: by distance when every
// point has one, else by time.
std::vector<AlongPoint> Along(const std::vector<TrackSample>& track) {
  std::vector<AlongPoint> along;
  const bool any = std::any_of(track.begin(), track.end(), [](const TrackSample& p) {
    return p.heart_rate_bpm.has_value() || p.cadence_spm.has_value();
  });
  if (!any) return along;
  const bool by_distance =
      std::all_of(track.begin(), track.end(), [](const TrackSample& p) { return p.distance_m; });
  double hr_sum = 0, cadence_sum = 0;
  int hr_count = 0, cadence_count = 0;
  double step_end = by_distance ? kAlongStepM : kAlongStepS;
  for (std::size_t i = 0; i < track.size(); ++i) {
    const TrackSample& point = track[i];
    if (point.heart_rate_bpm) {
      hr_sum += *point.heart_rate_bpm;
      ++hr_count;
    }
    if (point.cadence_spm) {
      cadence_sum += *point.cadence_spm;
      ++cadence_count;
    }
    const double at = by_distance ? *point.distance_m : point.elapsed_s;
    const bool last = i + 1 == track.size();
    if (at < step_end && !last) continue;
    AlongPoint step;
    if (by_distance) step.distance_m = *point.distance_m;
    step.elapsed_s = point.elapsed_s;
    if (hr_count > 0) step.heart_rate_bpm = hr_sum / hr_count;
    if (cadence_count > 0) step.cadence_spm = cadence_sum / cadence_count;
    if (hr_count > 0 || cadence_count > 0) along.push_back(step);
    hr_sum = cadence_sum = 0;
    hr_count = cadence_count = 0;
    // The next step after `at`, however far a damaged file's point jumped.
    const double step_size = by_distance ? kAlongStepM : kAlongStepS;
    step_end = std::max(step_end, (std::floor(at / step_size) + 1) * step_size);
  }
  return along;
}

// Laps as the runner reads them: a lap the file closed without its time or distance (some
// watches and apps write the session's one lap so) gets them from the laps around it and
// the track: its time up to the next lap's start (or the end of the run), and the
// distance the track covered in it.
std::vector<Lap> CompleteLaps(std::vector<Lap> laps, const Activity& track, double elapsed_s) {
  for (std::size_t i = 0; i < laps.size(); ++i) {
    Lap& lap = laps[i];
    const double end = i + 1 < laps.size() ? laps[i + 1].start_s : elapsed_s;
    if (lap.elapsed_s <= 0 && end > lap.start_s) lap.elapsed_s = end - lap.start_s;
    if (!lap.distance_m && lap.elapsed_s > 0) {
      // The track's last point may come a moment before the run's recorded end.
      const double last = track.samples.empty()
                              ? 0
                              : track.samples.back().time_s - track.samples.front().time_s;
      const auto from = PointAtTime(track, std::min(lap.start_s, last));
      const auto to = PointAtTime(track, std::min(lap.start_s + lap.elapsed_s, last));
      if (from && to) lap.distance_m = to->distance_m - from->distance_m;
    }
  }
  return laps;
}

Recording RecordingOf(const StoredActivity& stored) {
  Recording recording;
  recording.file = stored.file;
  recording.format = stored.format;
  recording.sport = stored.sport;
  recording.start_utc = stored.start_utc;
  recording.utc_offset_s = stored.utc_offset_s;
  recording.indoor = stored.indoor;
  recording.elapsed_s = stored.elapsed_s;
  recording.timer_s = stored.timer_s;
  recording.moving_s = stored.moving_s;
  recording.avg_hr_bpm = stored.avg_hr_bpm;
  recording.avg_cadence_spm = stored.avg_cadence_spm;
  recording.elevation_gain_m = stored.elevation_gain_m;
  recording.source = stored.source;
  recording.title = stored.title;
  recording.description = stored.description;
  for (const ActivityAlias& alias : stored.aliases) {
    recording.aliases.push_back({alias.source, alias.file});
  }
  return recording;
}

Result<LogEntry> FindRun(Store& store, std::int64_t id) {
  auto log = store.Log({std::nullopt, std::nullopt, LogKind::kRun});
  if (!log) return Fail(log.error());
  const auto it =
      std::find_if(log->begin(), log->end(), [&](const LogEntry& e) { return e.id == id; });
  if (it == log->end()) {
    return Fail(Error::NotFound("there is no run " + std::to_string(id) + " in the log"));
  }
  return *it;
}

}  // namespace

Result<std::vector<RunView>> ListRuns(Store& store, std::optional<Date> from,
                                      std::optional<Date> to, Date today) {
  auto log = store.Log({from, to, LogKind::kRun});
  if (!log) return Fail(log.error());
  auto activities = store.Activities();
  if (!activities) return Fail(activities.error());
  std::map<std::int64_t, Recording> by_run;
  for (const StoredActivity& activity : *activities)
    by_run[activity.log_id] = RecordingOf(activity);
  const auto decisions = Decisions(store, today);
  std::vector<RunView> runs;
  for (LogEntry& entry : *log) {
    RunView view;
    if (auto it = by_run.find(entry.id); it != by_run.end()) view.activity = it->second;
    if (auto it = decisions.find(entry.id); it != decisions.end()) view.decision = it->second;
    view.entry = std::move(entry);
    runs.push_back(std::move(view));
  }
  return runs;
}

Result<RunDetail> ShowRun(Store& store, std::int64_t id, double split_m, Date today) {
  auto entry = FindRun(store, id);
  if (!entry) return Fail(entry.error());
  RunDetail detail;
  detail.run.entry = *entry;
  auto activity = store.ActivityForRun(id);
  if (!activity) return Fail(activity.error());
  if (*activity) {
    const Activity track = TrackActivity(**activity);
    detail.laps = CompleteLaps(ParseLaps((*activity)->laps_json), track, (*activity)->elapsed_s);
    detail.splits = Splits(track, split_m);
    detail.profile = TrackEvery(track, kProfileStepM);
    detail.along = Along((*activity)->track);
    detail.run.activity = RecordingOf(**activity);
  }
  const auto decisions = Decisions(store, today);
  if (auto it = decisions.find(id); it != decisions.end()) detail.run.decision = it->second;
  return detail;
}

Result<LogEntry> SetOnset(Store& store, std::int64_t id, const OnsetSpec& onset) {
  auto entry = FindRun(store, id);
  if (!entry) return Fail(entry.error());
  auto stored = store.ActivityForRun(id);
  if (!stored) return Fail(stored.error());
  const auto has_distance = [](const StoredActivity& a) {
    return !a.track.empty() && a.track.front().distance_m.has_value();
  };
  std::optional<TrackPoint> point;
  if (!entry->distance_m) {
    // A time-based run (a treadmill without a pod): the onset is a time, or a lap's end.
    std::optional<double> at_s = onset.elapsed_s;
    if (onset.distance_m) {
      return Fail(Error::InvalidArgument(
          "onset: run " + std::to_string(id) + " has no distance recorded; give a time, e.g. 9min",
          "onset"));
    }
    if (onset.lap) {
      const std::vector<Lap> laps = *stored ? ParseLaps((*stored)->laps_json) : std::vector<Lap>();
      if (*onset.lap == 0 || *onset.lap > laps.size()) {
        return Fail(Error::InvalidArgument("lap: run " + std::to_string(id) + " has " +
                                               std::to_string(laps.size()) + " laps",
                                           "lap"));
      }
      const Lap& lap = laps[*onset.lap - 1];
      at_s = std::min(lap.start_s + lap.elapsed_s, entry->duration_s.value_or(0));
    }
    if (!at_s || !entry->duration_s || *at_s > *entry->duration_s) {
      return Fail(Error::InvalidArgument("that point is past the end of run " + std::to_string(id),
                                         "onset"));
    }
    if (auto set = store.SetRunOnset(id, std::nullopt, *at_s); !set) return Fail(set.error());
    entry->onset_m.reset();
    entry->onset_s = *at_s;
    return *entry;
  }
  if (*stored && has_distance(**stored)) {
    Activity track = TrackActivity(**stored);
    track.laps = ParseLaps((*stored)->laps_json);
    if (onset.lap) {
      if (*onset.lap == 0 || *onset.lap > track.laps.size()) {
        return Fail(Error::InvalidArgument("lap: run " + std::to_string(id) + " has " +
                                               std::to_string(track.laps.size()) + " laps",
                                           "lap"));
      }
      point = LapEnd(track, *onset.lap);
    } else if (onset.distance_m) {
      point = PointAtDistance(track, *onset.distance_m);
    } else if (onset.elapsed_s) {
      point = PointAtTime(track, *onset.elapsed_s);
    }
  } else if (onset.lap) {
    return Fail(Error::InvalidArgument(
        "lap: run " + std::to_string(id) + " was logged by hand and has no laps", "lap"));
  } else if (entry->distance_m && entry->duration_s) {
    // No track: assume an even pace.
    const double distance = *entry->distance_m;
    const double duration = *entry->duration_s;
    if (onset.distance_m && *onset.distance_m <= distance) {
      point = TrackPoint{*onset.distance_m, *onset.distance_m / distance * duration};
    } else if (onset.elapsed_s && *onset.elapsed_s <= duration) {
      point = TrackPoint{*onset.elapsed_s / duration * distance, *onset.elapsed_s};
    }
  }
  if (!point) {
    return Fail(
        Error::InvalidArgument("that point is past the end of run " + std::to_string(id), "onset"));
  }
  if (auto set = store.SetRunOnset(id, point->distance_m, point->elapsed_s); !set) {
    return Fail(set.error());
  }
  entry->onset_m = point->distance_m;
  entry->onset_s = point->elapsed_s;
  return *entry;
}

Result<LogOutcome> RateRun(Store& store, std::optional<std::int64_t> id, Date date, int pain,
                           std::optional<int> pain_before, Date today) {
  if (pain < 0 || pain > 10) return Fail(Error::InvalidArgument("pain: must be 0-10", "pain"));
  std::int64_t run_id = 0;
  Date run_date = date;
  bool run_has_distance = false;
  if (id) {
    auto entry = FindRun(store, *id);
    if (!entry) return Fail(entry.error());
    run_id = *id;
    run_date = entry->date;
    run_has_distance = entry->distance_m.has_value();
  } else {
    auto log = store.Log({date, date, LogKind::kRun});
    if (!log) return Fail(log.error());
    const auto unrated = std::find_if(log->rbegin(), log->rend(),
                                      [](const LogEntry& e) { return !e.pain.has_value(); });
    if (unrated == log->rend()) {
      return Fail(Error::InvalidArgument(
          "no imported run on " + FormatDate(date) +
              " is waiting for a pain score; give a distance and a time to log a new run",
          "distance"));
    }
    run_id = unrated->id;
    run_has_distance = unrated->distance_m.has_value();
  }
  auto before = LoadActivePlan(store, today);
  if (auto set = store.SetRunPain(run_id, pain, pain_before); !set) return Fail(set.error());
  LogOutcome outcome;
  outcome.id = run_id;
  auto after = LoadActivePlan(store, today);
  if (!after) {
    outcome.changes.push_back(Say("log.logged_no_plan", {{"why", after.error().message}}));
    return outcome;
  }
  const DistanceUnit units = after->units;
  for (const RunDecision& decision : after->state.decisions) {
    if (decision.run_id != run_id) continue;
    for (std::string& sentence : ExplainDecision(decision, units)) {
      outcome.changes.push_back(std::move(sentence));
    }
  }
  if (outcome.changes.empty()) {
    outcome.changes.push_back(SayRunBeforePlan(run_date, run_has_distance, today));
  }
  const std::string cap_after = FormatCap(after->cap_today.cap, units);
  if (before && FormatCap(before->cap_today.cap, units) != cap_after) {
    outcome.changes.push_back(
        Say("log.cap_changed",
            {{"cap_after", cap_after}, {"cap_before", FormatCap(before->cap_today.cap, units)}}));
  } else {
    outcome.changes.push_back(Say("log.cap_stays", {{"cap", cap_after}}));
  }
  if (after->cap_today.limited) outcome.changes.push_back(ExplainGuard(after->cap_today, units));
  return outcome;
}

}  // namespace backstride
