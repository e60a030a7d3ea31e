// The run rule (DESIGN 3.1): where a runner's cap stands after every run in the log,
// and why. Pure: the whole log goes in, the same state comes out every time, so a
// replayed log gives the same plan.
//
// The cap is a distance, or a time when the runner knows the pain's onset only in
// minutes. Runs are judged by pain during them and the next morning:
//   good       pain <= 3 and next morning no worse than before the run
//   hold       pain 4-5, or next morning one point worse
//   step back  pain >= 6, or next morning two or more points worse
// Three good runs in a row at the cap, the last at least 3 % faster than the cap's first
// run, raise the cap by 10 % (at least 0.25 km or 1 minute). A step back returns to the
// previous cap; two in a row pause running for a week. The spike guard keeps every cap
// within 10 % (or 0.25 km) of the longest run of the last 30 days.
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

// A day's back pain from a check-in (any day, run or not).
struct DailyPain {
  Date date;
  int pain = 0;
};

enum class RunVerdict {
  kGood,
  kHold,
  kStepBack,
  kBelowCap,     // a good run shorter than the cap: fine, but it does not count
  kDuringPause,  // run while running was paused
};

enum class CapChange { kNone, kProgress, kStepBack, kPause };

std::string_view RunVerdictId(RunVerdict verdict);  // "good", "hold", ...
std::string_view CapChangeId(CapChange change);     // "none", "progress", ...

struct RunDecision {
  std::int64_t run_id = 0;
  Date date;
  RunVerdict verdict = RunVerdict::kGood;
  CapChange change = CapChange::kNone;
  Cap cap_before;
  Cap cap_after;
  int good_streak = 0;  // good runs in a row at the cap, after this run
  bool spike = false;   // longer than the spike guard allowed on its day
  std::string reason;   // one plain sentence, with the numbers
};

struct RunRuleState {
  Cap cap;                           // the current level, before the spike guard
  std::vector<Cap> previous_levels;  // where a step back returns to
  int good_streak = 0;
  std::optional<double> first_pace_s_per_km;  // of the first run at the current cap
  int step_backs_in_a_row = 0;
  std::optional<Date> paused_until;    // no running before this day
  std::vector<RunDecision> decisions;  // one per run, in log order
};

// The starting cap from the answers (DESIGN 3.1): 75 % of the onset, rounded down to
// 0.25 km or 1 minute, at least 0.5 km or 3 minutes; a distance onset is preferred
// over a time onset; with no onset, 1 km.
Cap StartingCap(const Pain& pain);

// Replays `runs` (any order; sorted by date, then id) from `start`. `checkins` give the
// pain before a run when the run itself does not.
RunRuleState ReplayRuns(Cap start, std::span<const RunEntry> runs,
                        std::span<const DailyPain> checkins = {});

struct GuardedCap {
  Cap cap;
  bool limited = false;  // true when the spike guard lowered it
  std::string reason;    // why, when limited
};

// The cap to run on `day`: the state's cap, lowered if needed so that it stays within
// the spike guard of the longest run in the 30 days before `day`.
GuardedCap CapOn(const RunRuleState& state, std::span<const RunEntry> runs, Date day);

// The pace to beat so that good runs at the current cap lead to progress, if known.
std::optional<double> TargetPace(const RunRuleState& state);

// "1.25 km" / "0.78 mi" / "4 min".
std::string FormatCap(const Cap& cap, DistanceUnit unit);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_RUN_RULE_H_
