#include "app/views.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "app/explain.h"
#include "base/date.h"

namespace backstride {
namespace {

template <typename T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json CapJson(const Cap& cap, DistanceUnit units) {
  Json json;
  json["unit"] = cap.unit == CapUnit::kDistance ? "distance" : "time";
  json["value"] = cap.value;
  json["text"] = FormatCap(cap, units);
  return json;
}

// The Monday of the week `day` is in.
Date WeekStart(Date day) {
  const unsigned from_monday = std::chrono::weekday(day).iso_encoding() - 1;
  return AddDays(day, -static_cast<int>(from_monday));
}

}  // namespace

const Phase* PhaseOn(const Plan& plan, Date day) {
  for (const Phase& phase : plan.phases) {
    if (day >= phase.start && day <= phase.end) return &phase;
  }
  return nullptr;
}

std::optional<AdviceId> WhyItemFor(const Session& session, Route route) {
  switch (session.kind) {
    case SessionKind::kRun:
      return route == Route::kSeasonedRehab ? AdviceId::kReturnShortFast : AdviceId::kShortenRuns;
    case SessionKind::kSprint:
      return AdviceId::kSprintTraining;
    case SessionKind::kStrength:
      return session.text == "strength_posterior_chain" ? AdviceId::kRehabAnteriorPosterior
                                                        : AdviceId::kStrengthSquatDeadlift;
    case SessionKind::kMobility:
      return session.exercises.empty() ? AdviceId::kRestOrReduce
                                       : AdviceId::kRehabAnteriorPosterior;
    case SessionKind::kTreatment:
      if (session.text == "treatment_maintenance") return AdviceId::kMaintenanceTreatment;
      return route == Route::kSeasonedRehab ? AdviceId::kTreatmentWithRehab
                                            : AdviceId::kSeekTreatment;
    default:
      return std::nullopt;
  }
}

std::string SessionHeadline(const Session& session, DistanceUnit units) {
  std::string line = session.title;
  if (session.cap) line += ": up to " + FormatCap(*session.cap, units);
  if (session.kind == SessionKind::kSprint && !session.exercises.empty()) {
    line += fmt::format(": {} x {}", session.exercises[0].sets, session.exercises[0].reps);
  }
  return line;
}

Json ActivityJson(const Activity& a, std::size_t points) {
  Json json;
  json["sport"] = SportId(a.sport);
  json["start_utc"] = a.start_utc_s ? Json(FormatIsoTime(*a.start_utc_s)) : Json(nullptr);
  json["utc_offset_s"] = OrNull(a.utc_offset_s);
  json["indoor"] = a.indoor;
  json["distance_m"] = OrNull(a.distance_m);
  json["elapsed_s"] = a.elapsed_s;
  json["timer_s"] = OrNull(a.timer_s);
  json["moving_s"] = a.moving_s;
  json["points"] = points;
  json["laps"] = a.laps.size();
  json["avg_hr_bpm"] = OrNull(a.avg_hr_bpm);
  json["avg_cadence_spm"] = OrNull(a.avg_cadence_spm);
  return json;
}

Json ImportedFileJson(const ImportedFile& file, DistanceUnit units) {
  Json json;
  json["file"] = file.file;
  json["status"] = ImportStatusId(file.status);
  json["reason"] = ImportReasonText(file, units);
  json["reason_id"] = ImportReasonId(file.reason);
  json["warnings"] = ImportWarningTexts(file.warnings);
  json["notices"] = ImportNoticeTexts(file, units);
  if (file.activity) json["activity"] = ActivityJson(*file.activity, file.points);
  if (file.run) {
    json["run"] = {{"date", FormatDate(file.run->date)},
                   {"distance_m", OrNull(file.run->distance_m)},
                   {"duration_s", file.run->duration_s}};
  }
  if (file.match) {
    json["match"] = {{"run_id", OrNull(file.match->run_id)},
                     {"file", file.match->file},
                     {"date", FormatDate(file.match->date)},
                     {"distance_m", OrNull(file.match->distance_m)},
                     {"duration_s", file.match->duration_s}};
  }
  json["pace_implausible"] = file.pace_implausible;
  if (file.run_id) json["run_id"] = *file.run_id;
  if (file.onset_m) json["onset_m"] = *file.onset_m;
  return json;
}

Json RunViewJson(const RunView& run) {
  Json json;
  json["id"] = run.entry.id;
  json["date"] = FormatDate(run.entry.date);
  json["source"] = run.entry.source;
  json["distance_m"] = OrNull(run.entry.distance_m);  // null: a time-based run
  json["duration_s"] = run.entry.duration_s.value_or(0);
  json["pain"] = OrNull(run.entry.pain);
  json["onset_m"] = OrNull(run.entry.onset_m);
  json["onset_s"] = OrNull(run.entry.onset_s);
  json["verdict"] = run.decision ? Json(RunVerdictId(run.decision->verdict)) : Json(nullptr);
  json["verdict_text"] = run.decision ? Json(VerdictLabel(run.decision->verdict)) : Json(nullptr);
  json["spike"] = run.decision && run.decision->spike;
  if (run.activity) {
    json["file"] = run.activity->file;
    json["start_utc"] = FormatIsoTime(run.activity->start_utc);
    json["avg_hr_bpm"] = OrNull(run.activity->avg_hr_bpm);
    json["avg_cadence_spm"] = OrNull(run.activity->avg_cadence_spm);
  }
  return json;
}

Json RunDetailJson(const RunDetail& detail, DistanceUnit units) {
  Json json = RunViewJson(detail.run);
  if (detail.run.decision)
    json["reason"] = JoinSentences(ExplainDecision(*detail.run.decision, units));
  Json laps = Json::array();
  for (std::size_t i = 0; i < detail.laps.size(); ++i) {
    const Lap& lap = detail.laps[i];
    laps.push_back({{"number", i + 1},
                    {"start_s", lap.start_s},
                    {"elapsed_s", lap.elapsed_s},
                    {"distance_m", OrNull(lap.distance_m)},
                    {"trigger", LapTriggerId(lap.trigger)}});
  }
  json["laps"] = std::move(laps);
  Json splits = Json::array();
  for (const Split& split : detail.splits) {
    Json item{{"number", split.number},
              {"distance_m", split.distance_m},
              {"duration_s", split.duration_s},
              {"avg_hr_bpm", OrNull(split.avg_hr_bpm)}};
    if (split.distance_m > 0) {
      item["pace_text"] = FormatPace(split.duration_s / (split.distance_m / 1000.0), units);
    }
    splits.push_back(std::move(item));
  }
  json["splits"] = std::move(splits);
  Json profile = Json::array();
  for (const TrackPoint& point : detail.profile) {
    profile.push_back(Json::array({point.distance_m, point.elapsed_s}));
  }
  json["profile"] = std::move(profile);  // [[distance_m, elapsed_s], ...]
  // Heart rate and cadence along the run, as columns (a chart's series).
  Json along = {{"distance_m", Json::array()},
                {"elapsed_s", Json::array()},
                {"heart_rate_bpm", Json::array()},
                {"cadence_spm", Json::array()}};
  for (const AlongPoint& point : detail.along) {
    along["distance_m"].push_back(OrNull(point.distance_m));
    along["elapsed_s"].push_back(point.elapsed_s);
    along["heart_rate_bpm"].push_back(OrNull(point.heart_rate_bpm));
    along["cadence_spm"].push_back(OrNull(point.cadence_spm));
  }
  json["along"] = std::move(along);
  return json;
}

Json LogEntryJson(const LogEntry& e) {
  Json json;
  json["id"] = e.id;
  json["date"] = FormatDate(e.date);
  json["kind"] = LogKindId(e.kind);
  json["distance_m"] = OrNull(e.distance_m);
  json["duration_s"] = OrNull(e.duration_s);
  json["pain"] = OrNull(e.pain);
  json["pain_before"] = OrNull(e.pain_before);
  json["reps_in_reserve"] = OrNull(e.reps_in_reserve);
  json["onset_m"] = OrNull(e.onset_m);
  json["onset_s"] = OrNull(e.onset_s);
  json["done"] = OrNull(e.done);
  json["helped"] = OrNull(e.helped);
  json["run_id"] = OrNull(e.run_id);
  json["source"] = e.source;
  json["note"] = e.note;
  return json;
}

Json LogOutcomeJson(const LogOutcome& outcome) {
  return Json{{"id", outcome.id}, {"changes", outcome.changes}};
}

Json SettingsJson(const Settings& settings) {
  return Json{{"units", DistanceUnitId(settings.units)},
              {"runs_per_week", settings.runs_per_week},
              {"onset_lap", settings.onset_lap}};
}

Json SessionJson(const Session& session, Route route, DistanceUnit units) {
  Json json;
  json["uid"] = SessionUid(session);
  json["date"] = FormatDate(session.date);
  json["weekday"] = WeekdayName(session.date);
  json["kind"] = SessionKindId(session.kind);
  json["phase"] = session.phase;
  json["title"] = session.title;
  json["headline"] = SessionHeadline(session, units);
  json["details"] = session.details;
  json["cap"] = session.cap ? CapJson(*session.cap, units) : Json(nullptr);
  json["pace_aim_text"] = session.pace_aim_s_per_km
                              ? Json(FormatPace(*session.pace_aim_s_per_km, units))
                              : Json(nullptr);
  Json exercises = Json::array();
  for (const Exercise& exercise : session.exercises) {
    exercises.push_back({{"name", exercise.name},
                         {"sets", exercise.sets},
                         {"reps", exercise.reps},
                         {"load", exercise.load_text},
                         {"cues", exercise.cues}});
  }
  json["exercises"] = std::move(exercises);
  json["why"] = nullptr;
  if (const auto item = WhyItemFor(session, route)) {
    if (auto content = LoadBuiltinContent()) json["why"] = (*content)->Advice(*item)->why;
  }
  return json;
}

Json PlanJson(const ActivePlan& active, Date today, DistanceUnit units) {
  const Plan& plan = active.plan;
  Json json;
  json["route"] = RouteId(active.route);
  if (auto content = LoadBuiltinContent()) {
    json["route_title"] = (*content)->ForRoute(active.route)->title;
  }
  json["assessed"] = FormatDate(active.assessed);
  json["start"] = FormatDate(plan.start);
  json["end"] = FormatDate(AddDays(plan.start, plan.weeks * 7 - 1));
  json["today"] = FormatDate(today);
  json["runs_per_week"] = plan.runs_per_week;
  json["weeks"] = plan.weeks;
  const Phase* current = PhaseOn(plan, today);
  json["phase_today"] = current ? Json(current->id) : Json(nullptr);
  Json phases = Json::array();
  for (const Phase& phase : plan.phases) {
    phases.push_back({{"id", phase.id},
                      {"name", phase.name},
                      {"purpose", phase.purpose},
                      {"start", FormatDate(phase.start)},
                      {"end", FormatDate(phase.end)}});
  }
  json["phases"] = std::move(phases);
  json["cap_today"] = CapJson(active.cap_today.cap, units);
  json["cap_limited_reason"] =
      active.cap_today.limited ? Json(ExplainGuard(active.cap_today, units)) : Json(nullptr);
  Json sessions = Json::array();
  for (const Session& session : plan.sessions) {
    sessions.push_back(SessionJson(session, active.route, units));
  }
  json["sessions"] = std::move(sessions);
  json["notes"] = plan.notes;
  return json;
}

Json StatusJson(const ActivePlan& active, Date today, DistanceUnit units) {
  const RunRuleState& state = active.state;
  Json json;
  json["route"] = RouteId(active.route);
  const Phase* phase = PhaseOn(active.plan, today);
  json["phase"] = phase ? Json(phase->name) : Json(nullptr);
  json["cap"] = CapJson(active.cap_today.cap, units);
  json["cap_limited_reason"] =
      active.cap_today.limited ? Json(ExplainGuard(active.cap_today, units)) : Json(nullptr);
  const auto target = TargetPace(state);
  json["pace_to_beat_text"] = target ? Json(FormatPace(*target, units)) : Json(nullptr);
  json["good_streak"] = state.good_streak;
  json["paused_until"] = state.paused_until && today < *state.paused_until
                             ? Json(FormatDate(*state.paused_until))
                             : Json(nullptr);
  Json decisions = Json::array();
  for (const RunDecision& decision : state.decisions) {
    decisions.push_back({{"run_id", decision.run_id},
                         {"date", FormatDate(decision.date)},
                         {"verdict", RunVerdictId(decision.verdict)},
                         {"change", CapChangeId(decision.change)},
                         {"cap_before", CapJson(decision.cap_before, units)},
                         {"cap_after", CapJson(decision.cap_after, units)},
                         {"verdict_text", VerdictLabel(decision.verdict)},
                         {"spike", decision.spike},
                         {"reason", JoinSentences(ExplainDecision(decision, units))}});
  }
  json["decisions"] = std::move(decisions);
  return json;
}

Json ProgressJson(std::span<const RunView> runs, Date today, DistanceUnit units) {
  Json json;
  Json items = Json::array();
  std::map<Date, double> weekly;
  for (const RunView& run : runs) {
    const LogEntry& e = run.entry;
    const double distance = e.distance_m.value_or(0);
    const double duration = e.duration_s.value_or(0);
    Json item;
    item["id"] = e.id;
    item["date"] = FormatDate(e.date);
    item["distance_m"] = distance;
    item["duration_s"] = duration;
    item["pace_s_per_km"] = distance > 0 ? Json(duration / (distance / 1000.0)) : Json(nullptr);
    item["pain"] = OrNull(e.pain);
    item["onset_m"] = OrNull(e.onset_m);
    item["source"] = e.source;
    item["verdict"] = run.decision ? Json(RunVerdictId(run.decision->verdict)) : Json(nullptr);
    item["verdict_text"] = run.decision ? Json(VerdictLabel(run.decision->verdict)) : Json(nullptr);
    item["cap_before"] = run.decision ? CapJson(run.decision->cap_before, units) : Json(nullptr);
    item["cap_after"] = run.decision ? CapJson(run.decision->cap_after, units) : Json(nullptr);
    items.push_back(std::move(item));
    weekly[WeekStart(e.date)] += distance;
  }
  json["runs"] = std::move(items);
  // Every week from the first run's to today's, empty weeks included, so a gap shows.
  Json weeks = Json::array();
  if (!weekly.empty()) {
    const Date last = std::max(WeekStart(today), weekly.rbegin()->first);
    for (Date week = weekly.begin()->first; week <= last; week = AddDays(week, 7)) {
      const auto found = weekly.find(week);
      weeks.push_back({{"week_start", FormatDate(week)},
                       {"distance_m", found == weekly.end() ? 0.0 : found->second}});
    }
  }
  json["weeks"] = std::move(weeks);
  return json;
}

}  // namespace backstride
