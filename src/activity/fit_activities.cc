#include "activity/fit_activities.h"

#include <algorithm>
#include <string>

#include "activity/metrics.h"

namespace backstride::fit {
namespace {

// Timer time from start/stop events, when no session says.
std::optional<double> TimerFromEvents(const std::vector<std::pair<double, bool>>& events) {
  double total = 0;
  std::optional<double> running_since;
  bool any = false;
  for (const auto& [time, running] : events) {
    if (running && !running_since) running_since = time;
    if (!running && running_since) {
      total += time - *running_since;
      running_since.reset();
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return total;
}

Activity MakeActivity(const Contents& c, const Session* session, std::vector<Sample> samples,
                      std::vector<Lap> laps) {
  Activity activity;
  activity.format = "fit";
  const std::optional<int> sport = session && session->sport ? session->sport : c.sport;
  const std::optional<int> sub_sport =
      session && session->sub_sport ? session->sub_sport : c.sub_sport;
  activity.sport = SportFromFit(sport);
  activity.indoor = sub_sport && IsIndoorSubSport(*sub_sport);
  activity.utc_offset_s = c.utc_offset_s;
  activity.times_from_power_on = c.relative_times;
  activity.points = samples.size();
  const bool steps = CountsSteps(activity.sport);
  if (steps) {
    for (Sample& sample : samples) {
      if (sample.cadence_spm) *sample.cadence_spm *= 2;  // strides to steps
    }
  }
  if (session) {
    activity.start_utc_s = session->start;
    if (session->elapsed) activity.elapsed_s = *session->elapsed;
    activity.timer_s = session->timer;
    if (session->distance) {
      activity.distance_m = session->distance;
      activity.distance_from_device = true;
    }
    activity.avg_hr_bpm = session->avg_hr;
    if (session->avg_cadence) {
      activity.avg_cadence_spm = *session->avg_cadence * (steps ? 2 : 1);
    }
  } else {
    activity.timer_s = TimerFromEvents(c.timer_events);
  }
  activity.samples = std::move(samples);
  activity.laps = std::move(laps);
  for (const DeveloperSeries& series : c.dev_series) activity.developer_fields.push_back(series);
  FinishActivity(activity);
  return activity;
}

}  // namespace

void AddActivities(Contents& c, DecodedFile& out) {
  out.points = c.records;
  if (c.relative_times) {
    DecodeWarning warning;
    warning.kind = WarningKind::kRelativeTimes;
    AddWarning(out, warning);
  }
  const bool activity_file =
      c.file_types.empty() ||
      std::find(c.file_types.begin(), c.file_types.end(), FileType::kActivity) != c.file_types.end();
  if (!activity_file) {
    out.not_an_activity =
        "a FIT file of another kind: " + std::string(FileTypeName(c.file_types.front()));
    return;
  }
  if (c.samples.empty() && c.sessions.empty()) {
    out.not_an_activity = "a FIT file with no recorded activity in it";
    return;
  }
  // Records are almost always in time order already; sort only when they are not.
  const auto by_time = [](const Sample& a, const Sample& b) { return a.time_s < b.time_s; };
  if (!std::is_sorted(c.samples.begin(), c.samples.end(), by_time)) {
    std::sort(c.samples.begin(), c.samples.end(), by_time);
  }
  if (c.sessions.size() <= 1) {
    out.activities.push_back(MakeActivity(c, c.sessions.empty() ? nullptr : &c.sessions[0],
                                          std::move(c.samples), std::move(c.laps)));
    return;
  }
  // Several sessions: one activity each, with the samples and laps inside its time span.
  for (const Session& session : c.sessions) {
    const double start =
        session.start.value_or(session.timestamp.value_or(0) - session.elapsed.value_or(0));
    const double end = session.timestamp.value_or(start + session.elapsed.value_or(0));
    std::vector<Sample> samples;
    for (const Sample& sample : c.samples) {
      if (sample.time_s >= start && sample.time_s <= end) samples.push_back(sample);
    }
    std::vector<Lap> laps;
    for (const Lap& lap : c.laps) {
      if (lap.start_s >= start && lap.start_s < end) laps.push_back(lap);
    }
    out.activities.push_back(MakeActivity(c, &session, std::move(samples), std::move(laps)));
  }
}

}  // namespace backstride::fit
