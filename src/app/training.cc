#include "app/training.h"

#include <algorithm>

#include "app/explain.h"
#include "core/thresholds.h"
#include "store/store.h"

namespace backstride {
namespace {

constexpr std::string_view kUnitsKey = "units";
constexpr std::string_view kRunsPerWeekKey = "runs_per_week";
constexpr std::string_view kOnsetLapKey = "onset_lap";

std::vector<RunEntry> Filter(const std::vector<RunEntry>& runs, std::optional<Date> from,
                             std::optional<Date> to) {
  std::vector<RunEntry> kept;
  for (const RunEntry& run : runs) {
    if ((!from || run.date >= *from) && (!to || run.date <= *to)) kept.push_back(run);
  }
  return kept;
}

Result<int> ParseRunsPerWeek(std::string_view text) {
  if (text.size() == 1 && text[0] >= '0' + kMinRunsPerWeek && text[0] <= '0' + kMaxRunsPerWeek) {
    return text[0] - '0';
  }
  return Fail(Error::InvalidArgument(
      "runs per week must be a whole number from 2 to 5, got '" + std::string(text) + "'",
      "runs-per-week"));
}

}  // namespace

Result<Settings> LoadSettings(Store& store) {
  Settings settings;
  auto units = store.Setting(kUnitsKey);
  if (!units) return Fail(units.error());
  if (*units) {
    if (auto unit = DistanceUnitFromId(**units)) settings.units = *unit;
  }
  auto runs = store.Setting(kRunsPerWeekKey);
  if (!runs) return Fail(runs.error());
  if (*runs) {
    if (auto parsed = ParseRunsPerWeek(**runs)) settings.runs_per_week = *parsed;
  }
  auto onset_lap = store.Setting(kOnsetLapKey);
  if (!onset_lap) return Fail(onset_lap.error());
  settings.onset_lap = *onset_lap && **onset_lap == "on";
  return settings;
}

Result<void> ChangeSetting(Store& store, std::string_view name, std::string_view value) {
  if (name == "units") {
    if (!DistanceUnitFromId(value)) {
      return Fail(Error::InvalidArgument("units must be km or mi, got '" + std::string(value) + "'",
                                         "units"));
    }
    return store.PutSetting(kUnitsKey, value);
  }
  if (name == "runs-per-week") {
    auto runs = ParseRunsPerWeek(value);
    if (!runs) return Fail(runs.error());
    return store.PutSetting(kRunsPerWeekKey, value);
  }
  if (name == "onset-lap") {
    if (value != "on" && value != "off") {
      return Fail(Error::InvalidArgument(
          "onset-lap must be on or off, got '" + std::string(value) + "'", "onset-lap"));
    }
    return store.PutSetting(kOnsetLapKey, value);
  }
  return Fail(Error::InvalidArgument("unknown setting '" + std::string(name) +
                                         "'; the settings are units, runs-per-week and onset-lap",
                                     "setting"));
}

namespace {

// An assessment to store as of `today`, with a plan from today when its route leads to
// one. Filled field by field: GCC 12 at -O3 takes a nested aggregate with strings for
// "maybe uninitialized".
NewAssessment AssessmentToStore(const Assessment& assessment, Date today, std::string_view source,
                                int runs_per_week) {
  NewAssessment added;
  added.assessment.date = today;
  added.assessment.route = std::string(RouteId(assessment.triage.route));
  added.assessment.answers_json = AnswersToJson(assessment.answers, -1);
  added.assessment.source = std::string(source);
  if (LeadsToPlan(assessment.triage.route)) {
    StoredPlan plan;
    plan.start = today;
    plan.runs_per_week = runs_per_week;
    added.plan = plan;
  }
  return added;
}

}  // namespace

Result<SavedAssessment> SaveAssessment(Store& store, const Assessment& assessment, Date today,
                                       std::string_view source) {
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  auto ids =
      store.AddAssessment(AssessmentToStore(assessment, today, source, settings->runs_per_week));
  if (!ids) return Fail(ids.error());
  SavedAssessment saved;
  saved.assessment_id = ids->assessment_id;
  saved.plan_id = ids->plan_id;
  return saved;
}

Result<LatestAssessment> LoadLatestAssessment(Store& store) {
  auto stored = store.Assessments();
  if (!stored) return Fail(stored.error());
  if (stored->empty())
    return Fail(Error::NotFound("no assessment yet: answer the questions first"));
  auto assessment = AssessJson(stored->back().answers_json);
  if (!assessment) return Fail(assessment.error());
  return LatestAssessment{std::move(*assessment), stored->back().date};
}

Result<std::vector<LogEntry>> LoadLog(Store& store, const LogFilter& filter) {
  return store.Log(filter);
}

Result<ActivePlan> LoadActivePlan(Store& store, Date today) {
  auto assessments = store.Assessments();
  if (!assessments) return Fail(assessments.error());
  if (assessments->empty()) {
    return Fail(Error::NotFound("no assessment yet: answer the questions first"));
  }
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  ActivePlan active;
  active.units = settings->units;
  const StoredAssessment& latest = assessments->back();
  active.assessment_id = latest.id;
  active.assessed = latest.date;
  auto answers = ParseAnswers(latest.answers_json);
  auto route = RouteFromId(latest.route);
  if (!answers || !route) {
    return Fail(
        Error::Corruption("the stored assessment " + std::to_string(latest.id) + " is damaged"));
  }
  active.answers = *answers;
  active.route = *route;
  if (!LeadsToPlan(active.route)) {
    return Fail(Error::FailedPrecondition(PlanlessReason(active.route)));
  }
  auto plans = store.Plans();
  if (!plans) return Fail(plans.error());
  const auto plan = std::find_if(plans->rbegin(), plans->rend(), [&](const StoredPlan& p) {
    return p.assessment_id == active.assessment_id;
  });
  if (plan == plans->rend()) {
    return Fail(Error::NotFound("no plan yet: start one from your latest assessment"));
  }
  active.plan_id = plan->id;
  active.start = plan->start;
  active.runs_per_week = plan->runs_per_week;

  auto log = store.Log();
  if (!log) return Fail(log.error());
  active.log = std::move(*log);
  active.runs = RunsFromLog(active.log);

  PlanInput input;
  input.route = active.route;
  input.answers = active.answers;
  input.start = active.start;
  input.runs_per_week = active.runs_per_week;
  input.today = today;
  input.runs = active.runs;
  input.daily = DailyPainFromLog(active.log);
  for (const LogEntry& entry : active.log) {
    if (entry.kind == LogKind::kStrength || entry.kind == LogKind::kSprint) {
      input.efforts.push_back(
          {entry.date,
           entry.kind == LogKind::kStrength ? SessionKind::kStrength : SessionKind::kSprint,
           entry.done.value_or(true), entry.pain, entry.reps_in_reserve});
    }
  }
  input.units = active.units;
  auto built = BuildPlan(input);
  if (!built) return Fail(built.error());
  active.plan = std::move(*built);
  WordPlan(active.plan, active.units);

  const std::vector<RunEntry> known = Filter(active.runs, std::nullopt, today);
  active.state = ReplayRuns(PlanStartingCap(input), Filter(active.runs, active.start, today),
                            input.daily, RunRuleOptionsFor(input));
  active.cap_today = CapOn(active.state, known, today, active.units);
  return active;
}

Result<ActivePlan> StartPlan(Store& store, Date today, std::optional<Date> start,
                             std::optional<int> runs_per_week) {
  using namespace thresholds;
  if (runs_per_week && (*runs_per_week < kMinRunsPerWeek || *runs_per_week > kMaxRunsPerWeek)) {
    return Fail(Error::InvalidArgument(
        "runs per week: must be 2-5, got " + std::to_string(*runs_per_week), "runs_per_week"));
  }
  if (start && DaysBetween(*start, today) > kMaxPlanStartDaysBack) {
    return Fail(Error::InvalidArgument(
        "start: " + FormatDate(*start) + " is more than " +
            std::to_string(kMaxPlanStartDaysBack / 7) + " weeks ago; a new plan starts at most " +
            std::to_string(kMaxPlanStartDaysBack / 7) + " weeks back, on " +
            FormatDate(AddDays(today, -kMaxPlanStartDaysBack)) + " or later",
        "start"));
  }
  if (start && DaysBetween(today, *start) > kMaxPlanStartDaysAhead) {
    return Fail(Error::InvalidArgument(
        "start: " + FormatDate(*start) + " is more than " +
            std::to_string(kMaxPlanStartDaysAhead / 7) + " weeks ahead; a new plan starts on " +
            FormatDate(AddDays(today, kMaxPlanStartDaysAhead)) + " at the latest",
        "start"));
  }
  auto assessments = store.Assessments();
  if (!assessments) return Fail(assessments.error());
  if (assessments->empty()) {
    return Fail(Error::NotFound("no assessment yet: answer the questions first"));
  }
  const StoredAssessment& latest = assessments->back();
  const auto route = RouteFromId(latest.route);
  if (!route || !LeadsToPlan(*route)) {
    return Fail(Error::FailedPrecondition(PlanlessReason(route.value_or(Route::kSeeClinician))));
  }
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const int runs = runs_per_week.value_or(settings->runs_per_week);
  // A change of runs a week alone re-plans the plan in force (DESIGN 3.1a): it keeps its
  // start, so the phase, the cap and the count of good runs carry on.
  std::optional<Date> kept_start;
  if (!start) {
    auto plans = store.Plans();
    if (!plans) return Fail(plans.error());
    for (const StoredPlan& plan : *plans) {
      if (plan.assessment_id == latest.id) kept_start = plan.start;
    }
  }
  SettingsList chosen;
  if (runs_per_week) chosen.emplace_back(kRunsPerWeekKey, std::to_string(runs));
  auto plan =
      store.AddPlan({0, latest.id, start.value_or(kept_start.value_or(today)), runs, ""}, chosen);
  if (!plan) return Fail(plan.error());
  return LoadActivePlan(store, today);
}

namespace {

Error Missing(std::string what, std::string field) {
  return Error::InvalidArgument(std::move(what), std::move(field));
}

// Characters as a reader counts them: UTF-8 continuation bytes are not counted.
std::size_t CountCharacters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string_view LogKindLabel(LogKind kind) {
  switch (kind) {
    case LogKind::kRun:
      return "run";
    case LogKind::kMorning:
      return "next-morning pain";
    case LogKind::kStrength:
      return "strength session";
    case LogKind::kSprint:
      return "sprint session";
    case LogKind::kMobility:
      return "mobility session";
    case LogKind::kTreatment:
      return "treatment session";
    case LogKind::kCheckIn:
      return "check-in";
  }
  return "entry";
}

namespace {

// The fields each kind of entry may carry, so that a check-in never stores a distance.
bool Carries(LogKind kind, std::string_view field) {
  switch (kind) {
    case LogKind::kRun:
      return field != "done" && field != "helped" && field != "reserve";
    case LogKind::kMorning:
    case LogKind::kCheckIn:
      return field == "pain";
    case LogKind::kTreatment:
      return field == "done" || field == "helped";
    case LogKind::kStrength:
    case LogKind::kSprint:  // how hard it felt too (DESIGN 3.1b)
      return field == "done" || field == "pain" || field == "reserve";
    default:
      return field == "done" || field == "pain";
  }
}

}  // namespace

Result<void> CheckLogEntry(const LogEntry& entry, Date today, std::optional<Date> plan_start,
                           DistanceUnit units) {
  using namespace thresholds;
  if (entry.date > today) {
    return Fail(Missing("date: " + FormatDate(entry.date) + " is after today (" +
                            FormatDate(today) + "); log things once they have happened",
                        "date"));
  }
  if (DaysBetween(entry.date, today) > kMaxLogAgeDays) {
    return Fail(Missing("date: " + FormatDate(entry.date) +
                            " is more than a year ago; the log "
                            "takes entries from the last " +
                            std::to_string(kMaxLogAgeDays) +
                            " days (import older runs from their files)",
                        "date"));
  }
  if (plan_start && entry.date < *plan_start) {
    return Fail(Missing("date: " + FormatDate(entry.date) + " is before your plan started (" +
                            FormatDate(*plan_start) + ")",
                        "date"));
  }
  const auto pain_ok = [](std::optional<int> pain) { return !pain || (*pain >= 0 && *pain <= 10); };
  if (!pain_ok(entry.pain)) return Fail(Missing("pain: must be 0-10", "pain"));
  if (!pain_ok(entry.pain_before)) return Fail(Missing("pain before: must be 0-10", "before"));
  if (entry.reps_in_reserve &&
      (*entry.reps_in_reserve < 0 || *entry.reps_in_reserve > kMaxRepsInReserve)) {
    return Fail(Missing("reserve: repetitions in reserve must be 0-" +
                            std::to_string(kMaxRepsInReserve) + ", got " +
                            std::to_string(*entry.reps_in_reserve) + " (" +
                            std::to_string(kMaxRepsInReserve) +
                            " is the most counted: more than that and the set was a warm-up)",
                        "reserve"));
  }
  if (CountCharacters(entry.note) > static_cast<std::size_t>(kMaxNoteCharacters)) {
    return Fail(Missing("note: at most " + std::to_string(kMaxNoteCharacters) +
                            " characters, this one has " +
                            std::to_string(CountCharacters(entry.note)),
                        "note"));
  }
  const auto refuse = [&](std::string_view field, std::string_view label,
                          std::string_view instead = "a run") -> Result<void> {
    return Fail(Missing(std::string(label) + ": a " + std::string(LogKindLabel(entry.kind)) +
                            " has no " + std::string(label) + "; log it as " +
                            std::string(instead) + " instead",
                        std::string(field)));
  };
  if (entry.distance_m && !Carries(entry.kind, "distance")) return refuse("distance", "distance");
  if (entry.duration_s && !Carries(entry.kind, "time")) return refuse("time", "time");
  if ((entry.onset_m || entry.onset_s) && !Carries(entry.kind, "onset")) {
    return refuse("onset", "onset");
  }
  if (entry.pain_before && !Carries(entry.kind, "before")) return refuse("before", "pain before");
  if (entry.pain && !Carries(entry.kind, "pain")) return refuse("pain", "pain score");
  if (entry.reps_in_reserve && !Carries(entry.kind, "reserve")) {
    return refuse("reserve", "repetitions in reserve", "a strength or sprint session");
  }
  if (entry.reps_in_reserve && entry.done == false) {
    return Fail(
        Missing("reserve: a skipped session has no repetitions in reserve; leave it out, "
                "or log the session as done",
                "reserve"));
  }
  switch (entry.kind) {
    case LogKind::kRun: {
      if (!entry.distance_m) return Fail(Missing("a run needs a distance, e.g. 2.1km", "distance"));
      if (!entry.duration_s) return Fail(Missing("a run needs a time, e.g. 12:34", "time"));
      if (!entry.pain) return Fail(Missing("a run needs the pain during it, 0-10", "pain"));
      const double pace = *entry.duration_s / (*entry.distance_m / 1000.0);
      if (*entry.distance_m > kFastPaceCheckFromMetres &&
          pace < kFastestPlausiblePaceSecondsPerKm) {
        return Fail(Missing("time: " + FormatDistance(*entry.distance_m, units) + " in " +
                                FormatDuration(*entry.duration_s) + " is a pace of " +
                                FormatPace(pace, units) + ", faster than " +
                                FormatPace(kFastestPlausiblePaceSecondsPerKm, units) +
                                ", the fastest pace backstride takes over more than " +
                                FormatDistance(kFastPaceCheckFromMetres, units) +
                                "; check the distance, its unit and the time",
                            "time"));
      }
      if (entry.onset_m && *entry.onset_m > *entry.distance_m) {
        return Fail(Missing("onset: the pain cannot start after the end of the run", "onset"));
      }
      if (entry.onset_s && *entry.onset_s > *entry.duration_s) {
        return Fail(Missing("onset: the pain cannot start after the end of the run", "onset"));
      }
      return {};
    }
    case LogKind::kMorning:
    case LogKind::kCheckIn:
      if (!entry.pain) return Fail(Missing("pain: give a score, 0-10", "pain"));
      return {};
    default:
      return {};
  }
}

namespace {

const RunDecision* DecisionFor(const RunRuleState& state, std::int64_t run_id) {
  for (const RunDecision& decision : state.decisions) {
    if (decision.run_id == run_id) return &decision;
  }
  return nullptr;
}

int TreatmentsSince(const std::vector<LogEntry>& log, Date since) {
  return static_cast<int>(std::count_if(log.begin(), log.end(), [&](const LogEntry& e) {
    return e.kind == LogKind::kTreatment && e.date >= since && e.done.value_or(true);
  }));
}

}  // namespace

Result<LogOutcome> AddToLog(Store& store, LogEntry entry, Date today) {
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const DistanceUnit units = settings->units;

  auto before = LoadActivePlan(store, today);
  const bool have_plan = before.has_value();
  if (!have_plan && before.error().code != ErrorCode::kNotFound &&
      before.error().code != ErrorCode::kFailedPrecondition) {
    return Fail(before.error());
  }
  const std::optional<Date> plan_start =
      have_plan ? std::optional<Date>(before->start) : std::nullopt;
  if (auto checked = CheckLogEntry(entry, today, plan_start, units); !checked) {
    return Fail(checked.error());
  }

  // A next-morning score belongs to the run of the day before (DESIGN 3.1a); on any other
  // day it is a check-in, and the runner is told so.
  bool morning_as_checkin = false;
  std::optional<int> earlier_morning;
  std::optional<LogEntry> earlier_entry;  // a second score for the same run edits the first
  Date run_date = entry.date;
  bool run_has_distance = entry.distance_m.has_value();
  if (entry.kind == LogKind::kMorning) {
    auto log = store.Log({AddDays(entry.date, -1), entry.date, std::nullopt});
    if (!log) return Fail(log.error());
    entry.run_id = RunForMorning(*log, entry.date, INT64_MAX);
    if (!entry.run_id) {
      entry.kind = LogKind::kCheckIn;
      morning_as_checkin = true;
    } else {
      for (const LogEntry& other : *log) {
        if (other.id == *entry.run_id) {
          run_date = other.date;
          run_has_distance = other.distance_m.has_value();
        }
        if (other.kind == LogKind::kMorning && other.run_id == entry.run_id) {
          earlier_morning = other.pain;
          earlier_entry = other;
        }
      }
    }
  }

  LogOutcome outcome;
  std::optional<Assessment> new_route;
  int treatments = 0;
  if (entry.kind == LogKind::kTreatment && have_plan) {
    treatments = TreatmentsSince(before->log, before->assessed) + 1;
    if (before->route == Route::kSeasonedTreatment && entry.helped == false &&
        treatments >= thresholds::kTreatmentSessionsBeforeRehab) {
      Answers answers = before->answers;
      answers.pain.treatment_sessions = std::max(answers.pain.treatment_sessions, treatments);
      answers.pain.treatment_helped = false;
      auto assessed = Assess(answers);
      if (!assessed) return Fail(assessed.error());
      new_route = std::move(*assessed);
    }
  }

  if (earlier_entry) {
    // A second score for the same morning edits the first (one row, undone as an edit).
    LogEntry edited = *earlier_entry;
    edited.pain = entry.pain;
    if (!entry.note.empty()) edited.note = entry.note;
    if (auto updated = store.UpdateLogEntry(edited); !updated) return Fail(updated.error());
    outcome.id = edited.id;
    outcome.kind = edited.kind;
  } else {
    std::optional<NewAssessment> route_change;
    if (new_route) {
      route_change = AssessmentToStore(*new_route, today, "checkin", before->runs_per_week);
    }
    auto id = store.AddRunnerEntry(entry, route_change);
    if (!id) return Fail(id.error());
    outcome.id = *id;
    outcome.kind = entry.kind;
  }

  std::vector<std::string>& changes = outcome.changes;
  const std::string pain_text = entry.pain ? std::to_string(*entry.pain) : "-";
  if (morning_as_checkin) {
    changes.push_back(
        Say("log.morning_as_checkin", {{"pain", pain_text}, {"date", FormatDate(entry.date)}}));
  }
  if (!have_plan) {
    changes.push_back(Say("log.logged_no_plan", {{"why", before.error().message}}));
    return outcome;
  }
  auto after = LoadActivePlan(store, today);
  if (!after) return Fail(after.error());
  const std::string cap_before = FormatCap(before->cap_today.cap, units);
  const auto sessions = [](int count) { return std::to_string(count); };

  switch (entry.kind) {
    case LogKind::kRun:
    case LogKind::kMorning: {
      const std::int64_t run_id = entry.kind == LogKind::kRun ? outcome.id : *entry.run_id;
      const RunDecision* decision = DecisionFor(after->state, run_id);
      if (entry.kind == LogKind::kMorning) {
        if (earlier_morning) {
          changes.push_back(
              Say("log.morning_edited", {{"run_date", FormatDate(run_date)},
                                         {"old_pain", std::to_string(*earlier_morning)},
                                         {"pain", pain_text}}));
        } else {
          changes.push_back(Say("log.morning_recorded",
                                {{"pain", pain_text}, {"run_date", FormatDate(run_date)}}));
        }
      }
      if (decision != nullptr) {
        for (std::string& sentence : ExplainDecision(*decision, units)) {
          changes.push_back(std::move(sentence));
        }
      } else {
        changes.push_back(SayRunBeforePlan(run_date, run_has_distance, today));
      }
      SayCapChange(cap_before, after->cap_today, units, changes);
      break;
    }
    case LogKind::kTreatment:
      if (new_route) {
        changes.push_back(Say("log.treatment_to_rehab", {{"sessions", sessions(treatments)}}));
      } else if (after->route == Route::kSeasonedTreatment && entry.helped == true) {
        changes.push_back(Say("log.treatment_helping"));
      } else if (after->route == Route::kSeasonedTreatment && entry.helped == false) {
        changes.push_back(Say("log.treatment_not_yet",
                              {{"series", sessions(thresholds::kTreatmentSessionsBeforeRehab)}}));
      } else if (after->route == Route::kSeasonedTreatment &&
                 treatments >= thresholds::kTreatmentSessionsBeforeRehab) {
        changes.push_back(Say("log.treatment_ask", {{"sessions", sessions(treatments)}}));
      } else {
        changes.push_back(Say("log.treatment_logged", {{"sessions", sessions(treatments)}}));
      }
      break;
    case LogKind::kCheckIn:
      if (!morning_as_checkin) changes.push_back(Say("log.checkin", {{"pain", pain_text}}));
      break;
    default: {
      const std::string label = Say("session." + std::string(LogKindId(entry.kind)));
      changes.push_back(Say(entry.done.value_or(true) ? "log.session_done" : "log.session_skipped",
                            {{"session", label}}));
      if (entry.pain) changes.push_back(Say("log.session_pain", {{"pain", pain_text}}));
      if (entry.reps_in_reserve) {
        changes.push_back(
            Say("log.session_reserve", {{"reserve", std::to_string(*entry.reps_in_reserve)}}));
      }
      if (entry.kind == LogKind::kStrength) {
        // Strength moves by criterion (DESIGN 3.1b): say when this session moved it.
        const auto next_strength = [&](const Plan& plan) -> std::string {
          for (const Session& session : plan.sessions) {
            if (session.kind == SessionKind::kStrength && session.date > today &&
                !session.exercises.empty()) {
              return session.exercises.front().name;
            }
          }
          return {};
        };
        const std::string was = next_strength(before->plan);
        const std::string now = next_strength(after->plan);
        if (!now.empty() && was != now) {
          changes.push_back(Say("log.strength_moved", {{"exercise", now}}));
        } else if (!entry.pain || !entry.reps_in_reserve) {
          changes.push_back(
              Say("log.strength_criterion",
                  {{"good_max", std::to_string(thresholds::kGoodMaxPain)},
                   {"reserve", std::to_string(thresholds::kMinRepsInReserveToLevelUp)},
                   {"sessions", std::to_string(thresholds::kStrengthSessionsToLevelUp)}}));
        }
      }
      break;
    }
  }
  return outcome;
}

}  // namespace backstride
