#include "app/views.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "app/explain.h"
#include "base/date.h"
#include "core/thresholds.h"

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

// Whether a run's pace belongs on the pace chart: a recording of another sport does not, nor
// a pace no runner holds for more than a kilometre (a ride taken for a run).
bool CountsForPace(const RunView& run) {
  if (run.activity && !run.activity->sport.empty() && run.activity->sport != "running" &&
      run.activity->sport != "unknown") {
    return false;
  }
  const double distance = run.entry.distance_m.value_or(0);
  const double duration = run.entry.duration_s.value_or(0);
  if (distance <= 0 || duration <= 0) return false;
  return distance <= thresholds::kFastPaceCheckFromMetres ||
         duration / (distance / 1000.0) >= thresholds::kFastestPlausiblePaceSecondsPerKm;
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

namespace {

Json DecisionJson(const RunDecision& decision, DistanceUnit units) {
  Json json;
  json["run_id"] = decision.run_id;
  json["date"] = FormatDate(decision.date);
  json["verdict"] = RunVerdictId(decision.verdict);
  json["change"] = CapChangeId(decision.change);
  json["cap_before"] = CapJson(decision.cap_before, units);
  json["cap_after"] = CapJson(decision.cap_after, units);
  json["verdict_text"] = VerdictLabel(decision.verdict);
  json["spike"] = decision.spike;
  json["reason"] = JoinSentences(ExplainDecision(decision, units));
  return json;
}

// The kind of log entry that ticks off a session; none for a rest day. A check-in on the
// treatment route is answered by saying whether treatment helped.
std::optional<LogKind> LogKindFor(const Session& session) {
  switch (session.kind) {
    case SessionKind::kRun:
      return LogKind::kRun;
    case SessionKind::kSprint:
      return LogKind::kSprint;
    case SessionKind::kStrength:
      return LogKind::kStrength;
    case SessionKind::kMobility:
      return LogKind::kMobility;
    case SessionKind::kTreatment:
      return LogKind::kTreatment;
    case SessionKind::kCheckIn:
      return session.text == "treatment_check_in" ? LogKind::kTreatment : LogKind::kCheckIn;
    default:
      return std::nullopt;
  }
}

}  // namespace

Json StatusJson(const ActivePlan& active, Date today, DistanceUnit units,
                const DecisionPage& page) {
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
  const std::size_t total = state.decisions.size();
  const std::size_t end = total - std::min(page.offset, total);
  const std::size_t begin = page.limit ? end - std::min(*page.limit, end) : 0;
  Json decisions = Json::array();
  for (std::size_t i = begin; i < end; ++i) {
    decisions.push_back(DecisionJson(state.decisions[i], units));
  }
  json["decisions"] = std::move(decisions);
  json["decisions_total"] = total;
  json["older_offset"] = begin > 0 ? Json(total - begin) : Json(nullptr);
  return json;
}

Json TodayJson(const ActivePlan& active, Date today, DistanceUnit units) {
  std::vector<const LogEntry*> todays;  // in log order
  for (const LogEntry& entry : active.log) {
    if (entry.date == today) todays.push_back(&entry);
  }
  // Each entry ticks off one session: two strength sessions on a day take two entries.
  std::vector<bool> used(todays.size(), false);
  auto take = [&](LogKind kind, bool needs_helped) -> const LogEntry* {
    for (std::size_t i = 0; i < todays.size(); ++i) {
      if (used[i] || todays[i]->kind != kind) continue;
      if (needs_helped && !todays[i]->helped) continue;
      used[i] = true;
      return todays[i];
    }
    return nullptr;
  };
  Json json;
  json["date"] = FormatDate(today);
  json["weekday"] = WeekdayName(today);
  Json sessions = Json::array();
  for (const Session* session : SessionsOn(active.plan, today)) {
    Json item;
    item["session"] = SessionJson(*session, active.route, units);
    const auto kind = LogKindFor(*session);
    item["log_kind"] = kind ? Json(LogKindId(*kind)) : Json(nullptr);
    const bool helped = session->kind == SessionKind::kCheckIn && kind == LogKind::kTreatment;
    const LogEntry* logged = kind ? take(*kind, helped) : nullptr;
    item["logged"] = logged ? LogEntryJson(*logged) : Json(nullptr);
    sessions.push_back(std::move(item));
  }
  json["sessions"] = std::move(sessions);
  // The day's check-in: the latest, whether or not a session took one.
  const LogEntry* checkin = nullptr;
  for (const LogEntry* entry : todays) {
    if (entry->kind == LogKind::kCheckIn) checkin = entry;
  }
  json["checkin"] = checkin ? LogEntryJson(*checkin) : Json(nullptr);
  // The morning question: the run a score given now would belong to (DESIGN 3.1a), or the
  // run that today's score was given for.
  json["morning"] = nullptr;
  const LogEntry* answered = nullptr;
  for (const LogEntry* entry : todays) {
    if (entry->kind == LogKind::kMorning) answered = entry;
  }
  std::optional<std::int64_t> run_id =
      answered ? answered->run_id
               : RunForMorning(active.log, today, std::numeric_limits<std::int64_t>::max());
  if (run_id) {
    const auto run = std::find_if(active.log.begin(), active.log.end(),
                                  [&](const LogEntry& e) { return e.id == *run_id; });
    const bool scored_before =
        !answered && std::any_of(active.log.begin(), active.log.end(), [&](const LogEntry& e) {
          return e.kind == LogKind::kMorning && e.run_id == run_id;
        });
    if (run != active.log.end() && run->date < today && !scored_before) {
      Json morning;
      morning["run"] = LogEntryJson(*run);
      morning["logged"] = answered ? LogEntryJson(*answered) : Json(nullptr);
      json["morning"] = std::move(morning);
    }
  }
  json["status"] = StatusJson(active, today, units, {.offset = 0, .limit = kTodayDecisions});
  return json;
}

Json PainJson(const ActivePlan& active, Date today, DistanceUnit units, std::optional<Date> from,
              std::optional<Date> to) {
  auto inside = [&](Date day) { return (!from || day >= *from) && (!to || day <= *to); };
  Json json;
  json["plan_start"] = FormatDate(active.plan.start);
  json["plan_end"] = FormatDate(AddDays(active.plan.start, active.plan.weeks * 7 - 1));
  json["today"] = FormatDate(today);
  Json scores = Json::array();
  for (const LogEntry& entry : active.log) {
    if (!entry.pain || entry.date > today || !inside(entry.date)) continue;
    if (entry.kind != LogKind::kRun && entry.kind != LogKind::kMorning &&
        entry.kind != LogKind::kCheckIn) {
      continue;
    }
    Json score;
    score["id"] = entry.id;
    score["date"] = FormatDate(entry.date);
    score["kind"] = LogKindId(entry.kind);
    score["pain"] = *entry.pain;
    score["run_id"] = entry.kind == LogKind::kRun ? Json(entry.id) : OrNull(entry.run_id);
    score["note"] = entry.note;
    scores.push_back(std::move(score));
  }
  json["scores"] = std::move(scores);
  // The cap's changes: a rise, a step back or a pause moved it; a hold (pain, the next
  // morning, a rising trend, a run past the cap) kept it.
  Json changes = Json::array();
  for (const RunDecision& decision : active.state.decisions) {
    if (!inside(decision.date)) continue;
    std::string_view change;
    switch (decision.change) {
      case CapChange::kProgress:
        change = "rise";
        break;
      case CapChange::kStepBack:
        change = "step_back";
        break;
      case CapChange::kPause:
        change = "pause";
        break;
      case CapChange::kNone:
        // A run past the cap holds it too (DESIGN 3.1a), with its own reason.
        if (decision.verdict != RunVerdict::kHold && decision.verdict != RunVerdict::kOverCap) {
          continue;
        }
        change = "hold";
        break;
    }
    Json item;
    item["mark"] = change;
    item["decision"] = DecisionJson(decision, units);
    changes.push_back(std::move(item));
  }
  json["changes"] = std::move(changes);
  return json;
}

Json ProgressJson(std::span<const RunView> runs, Date today, DistanceUnit units) {
  Json json;
  json["today"] = FormatDate(today);
  Json items = Json::array();
  std::map<Date, double> weekly;
  for (const RunView& run : runs) {
    const LogEntry& e = run.entry;
    const double distance = e.distance_m.value_or(0);
    const double duration = e.duration_s.value_or(0);
    Json item;
    item["id"] = e.id;
    item["date"] = FormatDate(e.date);
    item["distance_m"] = distance > 0 ? Json(distance) : Json(nullptr);  // null: by time only
    item["duration_s"] = duration;
    item["pace_s_per_km"] = distance > 0 ? Json(duration / (distance / 1000.0)) : Json(nullptr);
    item["counts_for_pace"] = CountsForPace(run);
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
