#include "app/training.h"

#include <algorithm>

#include "core/thresholds.h"

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

std::string PlanlessReason(Route route) {
  switch (route) {
    case Route::kEmergency:
      return "your latest assessment found a sign that needs emergency care, so there is no "
             "running plan. Please get emergency care now.";
    case Route::kSeeDoctor:
      return "your latest assessment says to see a doctor before running again, so there is no "
             "running plan. Once a doctor has cleared you, run 'backstride assess' again.";
    default:
      return "your latest assessment says to have your back assessed first, so there is no "
             "running plan yet. Once you have been assessed, run 'backstride assess' again.";
  }
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

Result<SavedAssessment> SaveAssessment(Store& store, const Assessment& assessment, Date today,
                                       std::string_view source) {
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  SavedAssessment saved;
  auto done = store.InTransaction([&]() -> Result<void> {
    auto id = store.AddAssessment({0, today, std::string(RouteId(assessment.triage.route)),
                                   AnswersToJson(assessment.answers, -1), std::string(source), ""});
    if (!id) return Fail(id.error());
    saved.assessment_id = *id;
    if (!LeadsToPlan(assessment.triage.route)) return {};
    auto plan = store.AddPlan({0, *id, today, settings->runs_per_week, ""});
    if (!plan) return Fail(plan.error());
    saved.plan_id = *plan;
    return {};
  });
  if (!done) return Fail(done.error());
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
    return Fail(Error::NotFound("no assessment yet: run 'backstride assess' first"));
  }
  ActivePlan active;
  active.assessment = assessments->back();
  auto answers = ParseAnswers(active.assessment.answers_json);
  auto route = RouteFromId(active.assessment.route);
  if (!answers || !route) {
    return Fail(Error::Corruption("the stored assessment " + std::to_string(active.assessment.id) +
                                  " is damaged"));
  }
  active.answers = *answers;
  active.route = *route;
  if (!LeadsToPlan(active.route)) {
    return Fail(Error::InvalidArgument("No plan: " + PlanlessReason(active.route)));
  }
  auto plans = store.Plans();
  if (!plans) return Fail(plans.error());
  const auto plan = std::find_if(plans->rbegin(), plans->rend(), [&](const StoredPlan& p) {
    return p.assessment_id == active.assessment.id;
  });
  if (plan == plans->rend()) {
    return Fail(Error::NotFound("no plan yet: run 'backstride plan' to start one"));
  }
  active.stored = *plan;

  auto log = store.Log();
  if (!log) return Fail(log.error());
  active.log = std::move(*log);
  active.runs = RunsFromLog(active.log);
  const std::vector<DailyPain> checkins = CheckinsFromLog(active.log);

  PlanInput input;
  input.route = active.route;
  input.answers = active.answers;
  input.start = active.stored.start;
  input.runs_per_week = active.stored.runs_per_week;
  input.today = today;
  input.runs = active.runs;
  input.checkins = checkins;
  auto built = BuildPlan(input);
  if (!built) return Fail(built.error());
  active.plan = std::move(*built);

  const std::vector<RunEntry> known = Filter(active.runs, std::nullopt, today);
  active.state = ReplayRuns(StartingCap(active.answers.pain),
                            Filter(active.runs, active.stored.start, today), checkins);
  active.cap_today = CapOn(active.state, known, today);
  return active;
}

Result<ActivePlan> StartPlan(Store& store, Date today, std::optional<Date> start,
                             std::optional<int> runs_per_week) {
  if (runs_per_week && (*runs_per_week < kMinRunsPerWeek || *runs_per_week > kMaxRunsPerWeek)) {
    return Fail(Error::InvalidArgument(
        "runs per week: must be 2-5, got " + std::to_string(*runs_per_week), "runs_per_week"));
  }
  auto assessments = store.Assessments();
  if (!assessments) return Fail(assessments.error());
  if (assessments->empty()) {
    return Fail(Error::NotFound("no assessment yet: run 'backstride assess' first"));
  }
  const StoredAssessment& latest = assessments->back();
  const auto route = RouteFromId(latest.route);
  if (!route || !LeadsToPlan(*route)) {
    return Fail(
        Error::InvalidArgument("No plan: " + PlanlessReason(route.value_or(Route::kSeeClinician))));
  }
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const int runs = runs_per_week.value_or(settings->runs_per_week);
  auto done = store.InTransaction([&]() -> Result<void> {
    if (runs_per_week) {
      if (auto put = store.PutSetting(kRunsPerWeekKey, std::to_string(runs)); !put) return put;
    }
    auto plan = store.AddPlan({0, latest.id, start.value_or(today), runs, ""});
    if (!plan) return Fail(plan.error());
    return {};
  });
  if (!done) return Fail(done.error());
  return LoadActivePlan(store, today);
}

namespace {

Error Missing(std::string what, std::string field) {
  return Error::InvalidArgument(std::move(what), std::move(field));
}

Result<void> CheckEntry(const LogEntry& entry, Date today) {
  if (entry.date > today) {
    return Fail(Missing("date: " + FormatDate(entry.date) + " is in the future", "date"));
  }
  const auto pain_ok = [](std::optional<int> pain) { return !pain || (*pain >= 0 && *pain <= 10); };
  if (!pain_ok(entry.pain) || !pain_ok(entry.pain_before)) {
    return Fail(Missing("pain: must be 0-10", "pain"));
  }
  switch (entry.kind) {
    case LogKind::kRun:
      if (!entry.distance_m) return Fail(Missing("a run needs a distance, e.g. 2.1km", "distance"));
      if (!entry.duration_s) return Fail(Missing("a run needs a time, e.g. 12:34", "time"));
      if (!entry.pain) return Fail(Missing("a run needs the pain during it, 0-10", "pain"));
      if (entry.onset_m && *entry.onset_m > *entry.distance_m) {
        return Fail(Missing("onset: the pain cannot start after the end of the run", "onset"));
      }
      if (entry.onset_s && *entry.onset_s > *entry.duration_s) {
        return Fail(Missing("onset: the pain cannot start after the end of the run", "onset"));
      }
      return {};
    case LogKind::kMorning:
    case LogKind::kCheckIn:
      if (!entry.pain) return Fail(Missing("pain: give a score, 0-10", "pain"));
      return {};
    default:
      return {};
  }
}

std::string CapText(const Cap& cap, DistanceUnit units) { return FormatCap(cap, units); }

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
  if (auto checked = CheckEntry(entry, today); !checked) return Fail(checked.error());
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const DistanceUnit units = settings->units;

  auto before = LoadActivePlan(store, today);
  const bool have_plan = before.has_value();
  if (!have_plan && before.error().code != ErrorCode::kNotFound &&
      before.error().code != ErrorCode::kInvalidArgument) {
    return Fail(before.error());
  }

  if (entry.kind == LogKind::kMorning) {
    auto runs = store.Log({std::nullopt, entry.date, LogKind::kRun});
    if (!runs) return Fail(runs.error());
    if (runs->empty()) {
      return Fail(Missing("there is no run on or before " + FormatDate(entry.date) +
                              " to tie this morning's pain to; log the run first",
                          "morning"));
    }
    entry.run_id = runs->back().id;
  }

  LogOutcome outcome;
  std::optional<Assessment> new_route;
  int treatments = 0;
  if (entry.kind == LogKind::kTreatment && have_plan) {
    treatments = TreatmentsSince(before->log, before->assessment.date) + 1;
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

  auto done = store.InTransaction([&]() -> Result<void> {
    auto id = store.AddLogEntry(entry);
    if (!id) return Fail(id.error());
    outcome.id = *id;
    if (auto journal = store.RecordAdd(*id); !journal) return journal;  // undo takes it out
    if (new_route) {
      auto id2 = store.AddAssessment({0, today, std::string(RouteId(new_route->triage.route)),
                                      AnswersToJson(new_route->answers, -1), "checkin", ""});
      if (!id2) return Fail(id2.error());
      auto plan = store.AddPlan({0, *id2, today, before->stored.runs_per_week, ""});
      if (!plan) return Fail(plan.error());
    }
    return {};
  });
  if (!done) return Fail(done.error());

  std::vector<std::string>& changes = outcome.changes;
  if (!have_plan) {
    changes.push_back("Logged. " + before.error().message);
    return outcome;
  }
  auto after = LoadActivePlan(store, today);
  if (!after) return Fail(after.error());
  const std::string cap_before = CapText(before->cap_today.cap, units);
  const std::string cap_after = CapText(after->cap_today.cap, units);

  switch (entry.kind) {
    case LogKind::kRun:
    case LogKind::kMorning: {
      const std::int64_t run_id = entry.kind == LogKind::kRun ? outcome.id : *entry.run_id;
      const RunDecision* decision = DecisionFor(after->state, run_id);
      if (entry.kind == LogKind::kMorning) {
        changes.push_back("Next-morning pain " + std::to_string(*entry.pain) +
                          " recorded for your last run.");
      }
      if (decision != nullptr) {
        changes.push_back(decision->reason);
      } else {
        changes.push_back(
            "This run is from before your current plan started, so it does not "
            "move the cap; it still counts for the spike guard.");
      }
      if (cap_before != cap_after) {
        changes.push_back("Your next run's cap: " + cap_after + " (was " + cap_before + ").");
      } else {
        changes.push_back("Your next run's cap stays " + cap_after + ".");
      }
      if (after->cap_today.limited) changes.push_back(after->cap_today.reason);
      break;
    }
    case LogKind::kTreatment:
      if (new_route) {
        changes.push_back("Treatment has not helped after " + std::to_string(treatments) +
                          " sessions, so your plan changes to rehabilitation (seasoned_rehab) "
                          "from today: settle, then hip-flexor lengthening and posterior-chain "
                          "strength, then short, fast runs.");
      } else if (after->route == Route::kSeasonedTreatment && entry.helped == true) {
        changes.push_back(
            "Good to hear treatment is helping. The gradual return goes on as "
            "planned, with maintenance treatment.");
      } else if (after->route == Route::kSeasonedTreatment && entry.helped == false) {
        changes.push_back("Noted. A series of about " +
                          std::to_string(thresholds::kTreatmentSessionsBeforeRehab) +
                          " sessions is worth completing; if treatment still has not helped "
                          "then, the plan changes to rehabilitation.");
      } else if (after->route == Route::kSeasonedTreatment &&
                 treatments >= thresholds::kTreatmentSessionsBeforeRehab) {
        changes.push_back("That is " + std::to_string(treatments) +
                          " treatment sessions. Has treatment helped? Tell backstride with "
                          "'backstride log treatment --helped yes' or '--helped no'.");
      } else {
        changes.push_back("Treatment session logged (" + std::to_string(treatments) +
                          " since your assessment). The plan does not change.");
      }
      break;
    case LogKind::kCheckIn:
      changes.push_back("Back pain today: " + std::to_string(*entry.pain) +
                        "/10. The next run's morning-after pain is compared with this.");
      break;
    default:
      changes.push_back(std::string(LogKindId(entry.kind)) + " session " +
                        (entry.done.value_or(true) ? "done" : "skipped") +
                        ". The plan does not change: these sessions keep their schedule.");
      break;
  }
  return outcome;
}

}  // namespace backstride
