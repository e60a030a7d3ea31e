// The training use cases shared by the CLI and (later) the server: keep assessments,
// start and show the plan, log what happened and say what changed, and settings.
// Every function takes "today" from the caller, so tests can fix the date.
#ifndef BACKSTRIDE_APP_TRAINING_H_
#define BACKSTRIDE_APP_TRAINING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/assess.h"
#include "base/date.h"
#include "base/result.h"
#include "base/units.h"
#include "core/log.h"
#include "core/plan.h"
#include "core/run_rule.h"

namespace backstride {

class Store;

struct Settings {
  DistanceUnit units = DistanceUnit::kKilometres;
  int runs_per_week = kDefaultRunsPerWeek;
  bool onset_lap = false;  // a manual lap press in an imported run marks the pain onset
};

Result<Settings> LoadSettings(Store& store);
// Sets one setting by name ("units": km|mi, "runs-per-week": 2-5, "onset-lap": on|off). Fails with
// kInvalidArgument naming the setting or the value.
Result<void> ChangeSetting(Store& store, std::string_view name, std::string_view value);

struct SavedAssessment {
  std::int64_t assessment_id = 0;
  std::optional<std::int64_t> plan_id;  // a plan starting today, for the routes that get one
};

// Stores the assessment (answers and route) and, for routes 4-7, a plan from `today`
// with the runner's runs a week. In one transaction.
Result<SavedAssessment> SaveAssessment(Store& store, const Assessment& assessment, Date today,
                                       std::string_view source = "questionnaire");

// The latest stored assessment, assessed again from its answers (so it reads in the
// current texts), and the day it applies from. Fails with kNotFound before the first.
struct LatestAssessment {
  Assessment assessment;
  Date date;
};
Result<LatestAssessment> LoadLatestAssessment(Store& store);

// The log entries `filter` selects, by date then id.
Result<std::vector<LogEntry>> LoadLog(Store& store, const LogFilter& filter);

// The plan in force: the latest assessment, its latest plan, and the log around it.
struct ActivePlan {
  std::int64_t assessment_id = 0;
  Date assessed;  // the day the assessment applies from
  Answers answers;
  Route route = Route::kNewRunner;
  std::int64_t plan_id = 0;
  Date start;  // the plan's first day
  int runs_per_week = kDefaultRunsPerWeek;
  Plan plan;
  std::vector<LogEntry> log;
  std::vector<RunEntry> runs;
  RunRuleState state;  // the run rule after every run since the plan started
  GuardedCap cap_today;
  DistanceUnit units = DistanceUnit::kKilometres;  // the runner's, for every text
};

// Fails with kNotFound when there is no assessment yet, and with kInvalidArgument when
// the latest route has no plan (the message says why and what to do).
Result<ActivePlan> LoadActivePlan(Store& store, Date today);

// Starts a new plan on the latest assessment from `start`, keeping the old ones; without
// `start`, re-plans the plan in force with `runs_per_week` (same start, so the phase, the
// cap and the good-run count carry on), or starts one today if there is none.
// `runs_per_week` defaults to the setting, and is saved as the new default. A start more
// than 12 weeks back or 4 weeks ahead fails with kInvalidArgument naming the limit.
Result<ActivePlan> StartPlan(Store& store, Date today, std::optional<Date> start,
                             std::optional<int> runs_per_week);

struct LogOutcome {
  std::int64_t id = 0;
  LogKind kind = LogKind::kCheckIn;  // as stored: a morning score with no run is a check-in
  // What changed in the plan and why, one sentence each; never empty.
  std::vector<std::string> changes;
};

// The kind of entry in a few words: "run", "next-morning pain", "check-in", ...
std::string_view LogKindLabel(LogKind kind);

// Checks that `entry` is plausible before it is stored or an existing entry is changed to
// it (DESIGN 3.1a): not after today, not more than a year back, not before `plan_start`;
// pain 0-10; repetitions in reserve 0-10, for a strength or sprint session done; a note of
// at most 2,000 characters; only the fields its kind carries (a check-in has no distance);
// a run with a distance, a time and pain during, no faster than 2:50 min/km over more than
// 1 km, its onset inside it. Fails with kInvalidArgument whose message names the field and
// the limit (in `units`) and whose field is the form's name.
Result<void> CheckLogEntry(const LogEntry& entry, Date today, std::optional<Date> plan_start,
                           DistanceUnit units = DistanceUnit::kKilometres);

// Adds `entry` to the log and explains its effect. A run needs a distance, a time and
// pain during; a morning entry is tied to the latest run on or before its date; a
// treatment with helped == false on the seasoned_treatment route changes the route to
// seasoned_rehab with a new plan from today. Fails with kInvalidArgument naming what is
// missing or wrong; nothing is stored then.
Result<LogOutcome> AddToLog(Store& store, LogEntry entry, Date today);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_TRAINING_H_
