// The run rule (DESIGN 3.1): where a runner's cap stands after every run in the log,
// and why. Pure: the whole log goes in, the same state comes out every time, so a
// replayed log gives the same plan.
//
// The cap is a distance, or a time when the runner knows the pain's onset only in
// minutes. Runs are judged by pain during them and the next morning:
//   good       pain <= 3 and next morning no worse than before the run
//   hold       pain 4-5, or next morning one point worse
//   step back  pain >= 6, or next morning two or more points worse
// "Before the run" is the pain logged with it, else the latest check-in or morning score
// of its day (logged before it) or the day before; with none, the morning score is judged
// on its own by the during-run bands. A blank is never read as 0 (DESIGN 3.1a).
// Three good runs in a row at the cap, the last at least 3 % faster than the cap's first
// run, raise the cap by 10 % (at least 0.25 km or 1 minute); six good runs in a row raise
// it without the pace gain (a speed plateau does not freeze the cap). A run well over the
// cap holds it and restarts the count: only runs at the cap earn a longer one. A step back
// returns to the previous cap; two in a row pause running for a week. Runs in a pause or
// a resting phase are flagged and move nothing. The spike guard keeps every cap within
// 10 % (or 0.25 km) of the longest run of the last 30 days.
#ifndef BACKSTRIDE_CORE_RUN_RULE_H_
#define BACKSTRIDE_CORE_RUN_RULE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/units.h"
#include "core/answers.h"
#include "core/thresholds.h"

namespace backstride {

enum class CapUnit { kDistance, kTime };

struct Cap {
  CapUnit unit = CapUnit::kDistance;
  double value = 0;  // metres for a distance cap, seconds for a time cap

  friend bool operator==(const Cap&, const Cap&) = default;
};

// A run as the rule sees it, logged by hand or imported.
struct RunEntry {
  std::int64_t id = 0;  // the log's id, so decisions can point back at the run
  Date date;
  double distance_m = 0;
  double duration_s = 0;
  int pain_during = 0;                   // 0-10
  std::optional<int> pain_before;        // 0-10, if the runner gave it
  std::optional<int> pain_next_morning;  // 0-10, once logged
  // False for an imported run whose pain has not been logged yet: it is not judged, but
  // it counts for the spike guard.
  bool rated = true;
};

// A day's back pain from a check-in or a next-morning score (any day, run or not).
struct DailyPain {
  std::int64_t id = 0;  // the log's id: a score logged after a run is not its baseline
  Date date;
  int pain = 0;
  bool morning = false;  // a next-morning score (else a check-in)
};

enum class RunVerdict {
  kGood,
  kHold,
  kStepBack,
  kBelowCap,     // a good run shorter than the cap: fine, but it does not count
  kOverCap,      // a good run longer than the cap: it holds the cap and restarts the count
  kReduced,      // a good run in a phase of reduced running: fine, it does not count
  kDuringPause,  // run while running was paused after two step-backs
  kDuringRest,   // run in a phase of the plan that rests from running
  kByTime,       // recorded by time only, against a distance cap: its pain counts, not its length
};

enum class CapChange { kNone, kProgress, kStepBack, kPause };

// Why the rule judged a run as it did: the fact; the words are content (DESIGN 5).
enum class RunReason {
  kGoodCounting,         // a good run at the cap, `good_streak` of kGoodRunsToProgress
  kGoodAwaitingPace,     // enough good runs, but the pace has not yet improved by 3 %
  kProgressPace,         // the cap rose: good runs and 3 % faster
  kProgressPlateau,      // the cap rose: six good runs in a row without the pace gain
  kBelowCap,             // shorter than the cap
  kOverCap,              // longer than the cap
  kReduced,              // a good run while running is reduced (seasoned_rehab)
  kHoldPain,             // pain 4-5 during
  kHoldMorning,          // next morning one point worse than the baseline
  kHoldMorningAlone,     // no baseline: next-morning pain 4-5 on its own
  kStepBackPain,         // pain 6 or more during
  kStepBackMorning,      // next morning two or more points worse than the baseline
  kStepBackMorningAlone, // no baseline: next-morning pain 6 or more on its own
  kDuringPause,
  kDuringRest,
  kHoldTrend,  // a good run, but pain has risen over two weeks
  kByTime,     // no distance recorded (a treadmill run by time), against a distance cap
};

std::string_view RunVerdictId(RunVerdict verdict);  // "good", "hold", ...
std::string_view CapChangeId(CapChange change);     // "none", "progress", ...
std::string_view RunReasonId(RunReason reason);     // "good_counting", ...

// How many repeats of `cap` fit the run-walk dose: up to kRunWalkMaxMinutes in all,
// with kWalkBreakSeconds between; at least 1. `pace_s_per_km` estimates a distance cap's
// time (kAssumedPaceSecondsPerKm when unknown).
int MaxBouts(const Cap& cap, std::optional<double> pace_s_per_km);

// Where the pain the next morning was compared from.
enum class Baseline { kNone, kBeforeRun, kDailyPain, kMorningScore };

struct RunDecision {
  std::int64_t run_id = 0;
  Date date;
  RunVerdict verdict = RunVerdict::kGood;
  RunReason reason = RunReason::kGoodCounting;
  CapChange change = CapChange::kNone;
  Cap cap_before;
  Cap cap_after;
  double measure = 0;  // the run, in the cap's measure (metres or seconds)
  int good_streak = 0;  // good runs in a row at the cap after this run (at a rise: that earned it)
  int pain_during = 0;
  std::optional<int> pain_next_morning;
  std::optional<int> baseline;  // the pain the next morning is compared with
  Baseline baseline_from = Baseline::kNone;
  std::optional<Date> baseline_date;  // the day of the score it came from
  std::optional<double> pace_s_per_km;        // distance caps: this run's pace
  std::optional<double> first_pace_s_per_km;  // of the first good run at the cap
  std::optional<double> target_pace_s_per_km;
  std::optional<Date> paused_until;  // a pause in force or begun by this run
  // Longer than the spike guard allowed on its day: the longest run of the 30 days before.
  bool spike = false;
  std::optional<double> longest_before;
  // Run-walk: the repeats of the cap the next runs hold, after this run, and whether the
  // week before this run was a good one that added a repeat.
  int bouts = 1;
  bool bouts_added = false;
  // A restart after kLayoffDays or more without a run: the days since the last one.
  std::optional<int> layoff_days;
  // The pain trend, when it held the cap: the mean of the last 7 days and of the 7 before.
  std::optional<double> trend_recent;
  std::optional<double> trend_before;
};

// The plan's days on which running rests or is reduced (DESIGN 3.1a), inclusive.
struct DayRange {
  Date first;
  Date last;
  bool Contains(Date day) const { return first <= day && day <= last; }
};

struct RunRuleOptions {
  // Distance caps are kept on this unit's grid: 10 m for kilometres, 0.25 mi for miles.
  DistanceUnit grid = DistanceUnit::kKilometres;
  std::vector<DayRange> rest;    // runs here are flagged and move nothing
  std::vector<DayRange> reduce;  // good runs here do not count towards progress
  // The cap to restart from after kLayoffDays without a run (half the onset); none: the
  // cap is kept.
  std::optional<Cap> layoff_cap;
};

struct RunRuleState {
  Cap cap;                           // the current level, before the spike guard
  std::vector<Cap> previous_levels;  // where a step back returns to
  int good_streak = 0;
  std::optional<double> first_pace_s_per_km;  // of the first run at the current cap
  int step_backs_in_a_row = 0;
  std::optional<Date> paused_until;    // no running before this day
  int bouts = 1;       // run-walk: repeats of the cap in a session
  int good_weeks = 0;  // weeks with two or more runs, none held or stepped back
  // The week of the latest run (from its Monday), so far: its runs, and whether one was
  // held or stepped back. A good week adds a repeat from the next week on.
  std::optional<Date> week_start;
  int week_runs = 0;
  bool week_bad = false;
  std::optional<double> last_pace_s_per_km;
  std::optional<Date> last_run;        // the latest run, rated or not
  std::optional<Date> last_step_back;  // the day of the latest step-back
  std::vector<RunDecision> decisions;  // one per run, in log order
};

// The starting cap from the answers (DESIGN 3.1): 75 % of the onset, rounded down to
// 0.25 km (0.25 mi on the mile grid) or 1 minute, at least 0.5 km (0.25 mi) or 3 minutes;
// a distance onset is preferred over a time onset; with no onset, 1 km (0.5 mi).
// `fraction` replaces the 75 % (the reduced running of seasoned_rehab uses 50 %).
Cap StartingCap(const Pain& pain, DistanceUnit grid = DistanceUnit::kKilometres,
                double fraction = thresholds::kStartingCapFraction);

// Replays `runs` (any order; sorted by date, then id) from `start`. `daily` holds the
// check-ins' and next-morning scores' pain (the baseline of a run that has no pain before
// it logged).
RunRuleState ReplayRuns(Cap start, std::span<const RunEntry> runs,
                        std::span<const DailyPain> daily = {}, const RunRuleOptions& options = {});

// The run rule's state as it stood on each day of a plan, for a plan builder that asks day
// after day: one replay carried forward, where a replay from the start for every day grew
// with the square of a long history. Before(day) is ReplayRuns over the runs dated before
// `day`; days asked in order cost one replay in all, an earlier day starts it again.
class ReplayByDay {
 public:
  ReplayByDay(Cap start, std::span<const RunEntry> runs, std::span<const DailyPain> daily,
              RunRuleOptions options);
  const RunRuleState& Before(Date day);

 private:
  Cap start_;
  std::vector<RunEntry> runs_;  // in log order
  std::vector<DailyPain> daily_;
  RunRuleOptions options_;
  RunRuleState state_;
  std::size_t replayed_ = 0;  // runs_[0, replayed_) are in state_
};

struct GuardedCap {
  Cap cap;
  bool limited = false;                  // true when the spike guard lowered it
  std::optional<double> longest_before;  // the longest run of the 30 days, when limited
};

// The cap to run on `day`: the state's cap, lowered if needed so that it stays within
// the spike guard of the longest run in the 30 days before `day`.
GuardedCap CapOn(const RunRuleState& state, std::span<const RunEntry> runs, Date day,
                 DistanceUnit grid = DistanceUnit::kKilometres);

// The repeats of the cap for a run on `day`: the state's, plus one when `day` is in a later
// week than the last run and that week was good (capped by MaxBouts).
int BoutsOn(const RunRuleState& state, Date day);

// The Monday of `day`'s week.
Date MondayOf(Date day);

// The cap to run on `day` after a layoff: `options.layoff_cap` when the state's last run is
// kLayoffDays or more before `day`, else nothing.
std::optional<Cap> LayoffCapOn(const RunRuleState& state, Date day, const RunRuleOptions& options);

// The pace to beat so that good runs at the current cap lead to progress, if known.
std::optional<double> TargetPace(const RunRuleState& state);

// "1.25 km" / "0.75 mi" / "4 min".
std::string FormatCap(const Cap& cap, DistanceUnit unit);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_RUN_RULE_H_
