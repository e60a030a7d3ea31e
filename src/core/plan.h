// The plan (DESIGN 3): phases of weeks of sessions, dated from a start day, for the
// runs a week the runner chose. Built fresh from the route, the answers and the log
// every time it is shown, so it always reflects the latest run and is reproducible.
#ifndef BACKSTRIDE_CORE_PLAN_H_
#define BACKSTRIDE_CORE_PLAN_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "core/answers.h"
#include "core/run_rule.h"
#include "core/triage.h"

namespace backstride {

enum class SessionKind { kRun, kSprint, kStrength, kMobility, kTreatment, kRest, kCheckIn };

std::string_view SessionKindId(SessionKind kind);  // "run", "sprint", ...
std::optional<SessionKind> SessionKindFromId(std::string_view id);

struct Exercise {
  std::string id;  // the content's "exercises" entry: its name and how-to cues
  int sets = 0;
  std::string reps;  // "8", "8 each leg", "30 s each side"
  std::string load;  // a load id (AllLoadIds), worded by the content's "load.<id>"
  // Filled by the app from the content:
  std::string name;
  std::string load_text;
  std::vector<std::string> cues;  // set-up, the movement, the common fault, what you feel
};

// Every exercise id and load id a plan can hold, for the content's completeness check.
std::span<const std::string_view> AllExerciseIds();
std::span<const std::string_view> AllLoadIds();

struct Session {
  Date date;
  SessionKind kind = SessionKind::kRest;
  int slot = 0;  // order within the day; with date and kind it makes a stable id
  std::string phase;
  // What the session is, for the words: the content's "plan.session.<text>.title" and
  // ".details". The core decides; the app words it in the runner's units (DESIGN 5).
  std::string text;
  std::string title;    // filled by the app from `text`
  std::string details;  // filled by the app from `text`, the guard and the pause
  std::optional<Cap> cap;                   // runs: the cap for that day
  // Runs the spike guard limited: the longest run of the 30 days before, in the cap's measure.
  std::optional<double> guard_longest;
  std::optional<Date> paused_until;  // a paused day: when running resumes
  // Runs: run-walk, `bouts` repeats of the cap with `walk_s` of walking between (DESIGN 3.1b).
  int bouts = 1;
  double walk_s = 0;
  bool walk_warm_up = false;  // strides: walk first (the cap is under 10 minutes)
  std::optional<int> layoff_days;  // a run restarting after a layoff
  std::optional<double> pace_aim_s_per_km;  // runs: the pace that earns progress, if known
  std::vector<Exercise> exercises;          // strength, mobility, sprint
};

struct Phase {
  std::string id;    // "foundation", "settle", "rehab", "return", "maintenance", ...
  std::string text;  // the content's "plan.phase.<text>"; a settle phase rests or reduces
  std::string name;     // filled by the app from `text`
  std::string purpose;  // filled by the app from `text`
  Date start;
  Date end;  // inclusive
};

struct Plan {
  Route route = Route::kNewRunner;
  Date start;
  int runs_per_week = 3;
  int weeks = 0;
  std::vector<Phase> phases;
  std::vector<Session> sessions;  // by date, then slot
  std::vector<std::string> note_ids;  // the content's "plan.note.<id>"
  std::vector<std::string> notes;     // filled by the app from `note_ids`
};

inline constexpr int kMinRunsPerWeek = 2;
inline constexpr int kMaxRunsPerWeek = 5;
inline constexpr int kDefaultRunsPerWeek = 3;
inline constexpr int kPlanWeeks = 12;  // as in the ASTEROID trial's 12-week programme
// After week 12 the plan goes on (DESIGN 3.1a): a maintenance block repeats the last
// phase's week, shown this many weeks past today.
inline constexpr int kMaintenanceWeeksAhead = 4;

// A strength or sprint session as logged: how it went decides when strength moves up a
// level (DESIGN 3.1b).
struct EffortEntry {
  Date date;
  SessionKind kind = SessionKind::kStrength;
  bool done = true;
  std::optional<int> pain;
  std::optional<int> reps_in_reserve;
};

struct PlanInput {
  Route route = Route::kNewRunner;
  Answers answers;
  Date start;
  int runs_per_week = kDefaultRunsPerWeek;
  Date today;                  // caps after today use the current state
  std::vector<RunEntry> runs;  // the whole log's runs
  std::vector<DailyPain> daily;  // check-ins and next-morning scores
  std::vector<EffortEntry> efforts;  // strength and sprint sessions logged
  DistanceUnit units = DistanceUnit::kKilometres;  // the grid distance caps keep to
};

// The run rule's options for this plan: the grid, and the days its phases rest from
// running or reduce it (seasoned_rehab's settle and rehab phases, DESIGN 3.1a).
RunRuleOptions RunRuleOptionsFor(const PlanInput& input);

// The strength level on `day`: the route's first level (0 new runners; 1 returning and
// seasoned runners, who start higher), moved by the sessions logged before `day`.
int StrengthLevelOn(const PlanInput& input, Date day);

// The cap the run rule starts this plan from.
Cap PlanStartingCap(const PlanInput& input);

// Builds the plan: kPlanWeeks weeks, and after them a maintenance block up to
// kMaintenanceWeeksAhead weeks past `today`. Fails with kInvalidArgument for routes 1-3 (no plan while a warning
// sign or an assessment is pending) and for runs a week outside 2-5.
Result<Plan> BuildPlan(const PlanInput& input);

// The sessions of `plan` on `day` (empty when the day is outside the plan).
std::vector<const Session*> SessionsOn(const Plan& plan, Date day);

// A stable id for a session: "2026-03-02-run-0". Re-exports keep it, so a calendar
// updates the event rather than adding a copy.
std::string SessionUid(const Session& session);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_PLAN_H_
