#include "core/run_rule.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "base/enum_ids.h"

namespace backstride {
namespace {

using namespace thresholds;

double Measure(const RunEntry& run, CapUnit unit) {
  return unit == CapUnit::kDistance ? run.distance_m : run.duration_s;
}

double PaceSecondsPerKm(const RunEntry& run) { return run.duration_s / (run.distance_m / 1000.0); }

// The step distance caps are kept on: whole tens of metres, or whole quarter miles.
double GridMetres(DistanceUnit grid) {
  return grid == DistanceUnit::kMiles ? kMileGridMetres : 10.0;
}

// Caps are rounded down so that a cap never exceeds the limit it was computed from, and
// replays compare exactly.
Cap Rounded(Cap cap, DistanceUnit grid) {
  // Time caps are whole minutes, as a runner reads a watch.
  const double step = cap.unit == CapUnit::kDistance ? GridMetres(grid) : kCapStepSeconds;
  cap.value = std::floor(cap.value / step + 1e-9) * step;
  return cap;
}

double MinimumStep(CapUnit unit, DistanceUnit grid) {
  if (unit == CapUnit::kTime) return kMinProgressSeconds;
  return grid == DistanceUnit::kMiles ? kMileGridMetres : kMinProgressMetres;
}

double Step(const Cap& cap, DistanceUnit grid) {
  return std::max(cap.value * kProgressFraction, MinimumStep(cap.unit, grid));
}

double MinimumCap(CapUnit unit, DistanceUnit grid) {
  if (unit == CapUnit::kTime) return kMinCapSeconds;
  return grid == DistanceUnit::kMiles ? kMinCapMileMetres : kMinCapMetres;
}

// The longest run (by the cap's measure) in the 30 days before `day`, if any.
std::optional<double> LongestBefore(std::span<const RunEntry> runs, CapUnit unit, Date day,
                                    std::int64_t excluding_id = -1) {
  std::optional<double> longest;
  for (const RunEntry& run : runs) {
    const int age = DaysBetween(run.date, day);
    if (run.id == excluding_id || age <= 0 || age > kSpikeWindowDays) continue;
    // A run by time only has no distance: it says nothing of the longest distance run.
    if (Measure(run, unit) <= 0) continue;
    longest = std::max(longest.value_or(0), Measure(run, unit));
  }
  return longest;
}

double GuardLimit(double longest, CapUnit unit, DistanceUnit grid) {
  double minimum = kSpikeMinSeconds;
  if (unit == CapUnit::kDistance) {
    minimum = grid == DistanceUnit::kMiles ? kMileGridMetres : kSpikeMinMetres;
  }
  return longest + std::max(longest * kSpikeFraction, minimum);
}

// The pain before `run` (DESIGN 3.1a): as logged with the run; else the latest check-in or
// morning score from the day before, or from the run's day if logged before the run.
struct PainBeforeRun {
  std::optional<int> pain;
  Baseline from = Baseline::kNone;
  std::optional<Date> date;  // of the check-in or morning score it came from
};

PainBeforeRun PainBefore(const RunEntry& run, std::span<const DailyPain> daily) {
  if (run.pain_before) return {run.pain_before, Baseline::kBeforeRun, run.date};
  const DailyPain* latest = nullptr;
  for (const DailyPain& pain : daily) {
    const int age = DaysBetween(pain.date, run.date);
    if (age < 0 || age > 1) continue;
    if (age == 0 && pain.id > run.id) continue;  // logged after the run: not its baseline
    if (latest == nullptr || std::tie(pain.date, pain.id) > std::tie(latest->date, latest->id)) {
      latest = &pain;
    }
  }
  if (latest != nullptr) {
    return {latest->pain, latest->morning ? Baseline::kMorningScore : Baseline::kDailyPain,
            latest->date};
  }
  return {std::nullopt, Baseline::kNone, std::nullopt};
}

// The mean pain of the scores dated in (`to` - days, `to`], if there are enough of them.
std::optional<double> MeanPain(std::span<const RunEntry> runs, std::span<const DailyPain> daily,
                               Date to, int days) {
  double sum = 0;
  int count = 0;
  const auto take = [&](Date date, int pain) {
    const int age = DaysBetween(date, to);
    if (age >= 0 && age < days) {
      sum += pain;
      ++count;
    }
  };
  for (const RunEntry& run : runs) {
    if (run.rated) take(run.date, run.pain_during);
  }
  for (const DailyPain& pain : daily) take(pain.date, pain.pain);
  if (count < kTrendMinScores) return std::nullopt;
  return sum / count;
}

bool InAny(const std::vector<DayRange>& ranges, Date day) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const DayRange& range) { return range.Contains(day); });
}

// What a run-walk session of `bouts` repeats of `cap` covers in all, walks included (the
// watch counts them too).
double PlannedMeasure(const Cap& cap, int bouts) {
  const double walk = cap.unit == CapUnit::kTime
                          ? kWalkBreakSeconds
                          : kWalkBreakSeconds / kWalkingPaceSecondsPerKm * 1000;
  return bouts * cap.value + (bouts - 1) * walk;
}

// Closes the state's week when `day` is in a later one: a good week adds a repeat.
bool CloseWeek(RunRuleState& state, Date day) {
  if (!state.week_start || MondayOf(day) == *state.week_start) return false;
  const bool good = state.week_runs >= kGoodWeekMinRuns && !state.week_bad;
  state.week_start.reset();
  state.week_runs = 0;
  state.week_bad = false;
  if (!good) return false;
  ++state.good_weeks;
  const int most = MaxBouts(state.cap, state.last_pace_s_per_km);
  if (state.bouts >= most) return false;
  ++state.bouts;
  // The pace to beat is compared like with like: walks now sit inside the session.
  state.first_pace_s_per_km.reset();
  return true;
}

}  // namespace

Date MondayOf(Date day) {
  const std::chrono::weekday weekday{day};
  return day - (weekday - std::chrono::Monday);
}

int MaxBouts(const Cap& cap, std::optional<double> pace_s_per_km) {
  const double seconds =
      cap.unit == CapUnit::kTime
          ? cap.value
          : cap.value / 1000.0 * pace_s_per_km.value_or(kAssumedPaceSecondsPerKm);
  if (seconds <= 0) return 1;
  const double budget = kRunWalkMaxMinutes * 60.0 + kWalkBreakSeconds;
  return std::max(1, static_cast<int>(budget / (seconds + kWalkBreakSeconds)));
}

int BoutsOn(const RunRuleState& state, Date day) {
  RunRuleState copy;
  copy.cap = state.cap;
  copy.bouts = state.bouts;
  copy.week_start = state.week_start;
  copy.week_runs = state.week_runs;
  copy.week_bad = state.week_bad;
  copy.last_pace_s_per_km = state.last_pace_s_per_km;
  CloseWeek(copy, day);
  return copy.bouts;
}

std::optional<Cap> LayoffCapOn(const RunRuleState& state, Date day, const RunRuleOptions& options) {
  if (!options.layoff_cap || !state.last_run) return std::nullopt;
  if (DaysBetween(*state.last_run, day) < kLayoffDays) return std::nullopt;
  return options.layoff_cap;
}

constexpr std::array<Named<RunVerdict>, 9> kRunVerdicts = {{
    {RunVerdict::kGood, "good"},
    {RunVerdict::kHold, "hold"},
    {RunVerdict::kStepBack, "step_back"},
    {RunVerdict::kBelowCap, "below_cap"},
    {RunVerdict::kOverCap, "over_cap"},
    {RunVerdict::kReduced, "reduced"},
    {RunVerdict::kDuringPause, "during_pause"},
    {RunVerdict::kDuringRest, "during_rest"},
    {RunVerdict::kByTime, "by_time"},
}};
static_assert(InEnumOrder(kRunVerdicts));

std::string_view RunVerdictId(RunVerdict verdict) { return IdOf(kRunVerdicts, verdict); }

constexpr std::array<Named<CapChange>, 4> kCapChanges = {{
    {CapChange::kNone, "none"},
    {CapChange::kProgress, "progress"},
    {CapChange::kStepBack, "step_back"},
    {CapChange::kPause, "pause"},
}};
static_assert(InEnumOrder(kCapChanges));

std::string_view CapChangeId(CapChange change) { return IdOf(kCapChanges, change); }

constexpr std::array<Named<RunReason>, 17> kRunReasons = {{
    {RunReason::kGoodCounting, "good_counting"},
    {RunReason::kGoodAwaitingPace, "good_awaiting_pace"},
    {RunReason::kProgressPace, "progress_pace"},
    {RunReason::kProgressPlateau, "progress_plateau"},
    {RunReason::kBelowCap, "below_cap"},
    {RunReason::kOverCap, "over_cap"},
    {RunReason::kReduced, "reduced"},
    {RunReason::kHoldPain, "hold_pain"},
    {RunReason::kHoldMorning, "hold_morning"},
    {RunReason::kHoldMorningAlone, "hold_morning_alone"},
    {RunReason::kStepBackPain, "step_back_pain"},
    {RunReason::kStepBackMorning, "step_back_morning"},
    {RunReason::kStepBackMorningAlone, "step_back_morning_alone"},
    {RunReason::kDuringPause, "during_pause"},
    {RunReason::kDuringRest, "during_rest"},
    {RunReason::kHoldTrend, "hold_trend"},
    {RunReason::kByTime, "by_time"},
}};
static_assert(InEnumOrder(kRunReasons));

std::string_view RunReasonId(RunReason reason) { return IdOf(kRunReasons, reason); }

std::string FormatCap(const Cap& cap, DistanceUnit unit) {
  if (cap.unit == CapUnit::kTime) {
    const long seconds = std::lround(cap.value);
    if (seconds % 60 == 0) return std::to_string(seconds / 60) + " min";
    return FormatDuration(cap.value) + " min";
  }
  return FormatDistance(cap.value, unit);
}

Cap StartingCap(const Pain& pain, DistanceUnit grid, double fraction) {
  if (pain.onset_km) {
    const double step = grid == DistanceUnit::kMiles ? kMileGridMetres : kCapStepMetres;
    const double raw = *pain.onset_km * 1000.0 * fraction;
    const double rounded = std::floor(raw / step + 1e-9) * step;
    return {CapUnit::kDistance, std::max(rounded, MinimumCap(CapUnit::kDistance, grid))};
  }
  if (pain.onset_minutes) {
    const double raw = *pain.onset_minutes * 60.0 * fraction;
    const double rounded = std::floor(raw / kCapStepSeconds) * kCapStepSeconds;
    return {CapUnit::kTime, std::max(rounded, kMinCapSeconds)};
  }
  return {CapUnit::kDistance,
          grid == DistanceUnit::kMiles ? kDefaultCapMileMetres : kDefaultCapMetres};
}

namespace {

bool InLogOrder(const RunEntry& a, const RunEntry& b) {
  return a.date != b.date ? a.date < b.date : a.id < b.id;
}

RunRuleState FirstState(Cap start, const RunRuleOptions& options) {
  RunRuleState state;
  state.cap = Rounded(start, options.grid);
  return state;
}

// One run of the replay, in log order. `runs` is the log's runs sorted by InLogOrder; the
// guard and the trend look only at runs dated up to `run`'s day, so `runs` may go on past
// it: the state is the same as a replay of the runs up to `run` alone.
void ReplayRun(RunRuleState& state, const RunEntry& run, std::span<const RunEntry> runs,
               std::span<const DailyPain> daily, const RunRuleOptions& options) {
  const DistanceUnit grid = options.grid;
  RunDecision decision;
  decision.bouts_added = CloseWeek(state, run.date);
  // After a layoff the return starts again, at half the onset as run-walk.
  if (const auto restart = LayoffCapOn(state, run.date, options)) {
    decision.layoff_days = DaysBetween(*state.last_run, run.date);
    state.cap = Rounded(*restart, grid);
    state.previous_levels.clear();
    state.good_streak = 0;
    state.first_pace_s_per_km.reset();
    state.step_backs_in_a_row = 0;
    state.bouts = 1;
    decision.bouts_added = false;
  }
  state.last_run = run.date;
  if (!run.rated) return;
  decision.run_id = run.id;
  decision.date = run.date;
  decision.cap_before = state.cap;
  decision.pain_during = run.pain_during;
  decision.pain_next_morning = run.pain_next_morning;
  const CapUnit unit = state.cap.unit;
  const double measure = Measure(run, unit);
  decision.measure = measure;
  if (run.distance_m > 0 && run.duration_s > 0) decision.pace_s_per_km = PaceSecondsPerKm(run);

  // Spike guard, judged against the runs before this one.
  if (const auto longest = LongestBefore(runs, unit, run.date, run.id)) {
    if (measure > GuardLimit(*longest, unit, grid)) {
      decision.spike = true;
      decision.longest_before = longest;
    }
  }

  const int pain = run.pain_during;
  const PainBeforeRun baseline = PainBefore(run, daily);
  const std::optional<int> before = baseline.pain;
  decision.baseline = before;
  decision.baseline_from = baseline.from;
  decision.baseline_date = baseline.date;
  const std::optional<int> morning = run.pain_next_morning;
  // With a baseline the morning is judged by its rise; without one, on its own by the
  // during-run bands.
  const bool morning_steps_back =
      morning &&
      (before ? *morning - *before >= kStepBackMorningIncrease : *morning > kHoldMaxPain);
  const bool morning_holds =
      morning && (before ? *morning - *before >= kHoldMorningIncrease : *morning > kGoodMaxPain);
  const RunReason morning_step_reason =
      before ? RunReason::kStepBackMorning : RunReason::kStepBackMorningAlone;
  const RunReason morning_hold_reason =
      before ? RunReason::kHoldMorning : RunReason::kHoldMorningAlone;

  // The pain trend. A step back in the last week already answered a bad run; the trend
  // does not count it twice.
  bool trend_rising = false;
  if (!state.last_step_back || DaysBetween(*state.last_step_back, run.date) >= kTrendWindowDays) {
    const auto recent = MeanPain(runs, daily, run.date, kTrendWindowDays);
    const auto before_week =
        MeanPain(runs, daily, AddDays(run.date, -kTrendWindowDays), kTrendWindowDays);
    if (recent && before_week && *recent - *before_week >= kTrendRise) {
      trend_rising = true;
      decision.trend_recent = recent;
      decision.trend_before = before_week;
    }
  }

  if (state.paused_until && run.date < *state.paused_until) {
    decision.verdict = RunVerdict::kDuringPause;
    decision.reason = RunReason::kDuringPause;
    decision.paused_until = state.paused_until;
  } else if (InAny(options.rest, run.date)) {
    decision.verdict = RunVerdict::kDuringRest;
    decision.reason = RunReason::kDuringRest;
  } else if (pain > kHoldMaxPain || morning_steps_back) {
    decision.verdict = RunVerdict::kStepBack;
    decision.reason = pain > kHoldMaxPain ? RunReason::kStepBackPain : morning_step_reason;
    ++state.step_backs_in_a_row;
    state.good_streak = 0;
    state.first_pace_s_per_km.reset();
    if (!state.previous_levels.empty()) {
      state.cap = state.previous_levels.back();
      state.previous_levels.pop_back();
    } else {
      state.cap = Rounded(
          {unit, std::max(state.cap.value - Step(state.cap, grid), MinimumCap(unit, grid))},
          grid);
    }
    if (state.step_backs_in_a_row >= kStepBacksToPause) {
      decision.change = CapChange::kPause;
      state.paused_until = AddDays(run.date, kPauseDays);
      decision.paused_until = state.paused_until;
      state.step_backs_in_a_row = 0;
    } else {
      decision.change = CapChange::kStepBack;
    }
  } else if (pain > kGoodMaxPain || morning_holds) {
    decision.verdict = RunVerdict::kHold;
    decision.reason = pain > kGoodMaxPain ? RunReason::kHoldPain : morning_hold_reason;
    state.step_backs_in_a_row = 0;
    state.good_streak = 0;
  } else if (trend_rising) {
    // Each run may be fine, but pain rising week on week says the load is too much.
    decision.verdict = RunVerdict::kHold;
    decision.reason = RunReason::kHoldTrend;
    state.step_backs_in_a_row = 0;
    state.good_streak = 0;
  } else if (InAny(options.reduce, run.date)) {
    decision.verdict = RunVerdict::kReduced;
    decision.reason = RunReason::kReduced;
    state.step_backs_in_a_row = 0;
  } else if (unit == CapUnit::kDistance && run.distance_m <= 0) {
    // A run recorded by time only (a treadmill without a foot pod): its pain was judged
    // above like any run's, but it cannot show that the distance cap was reached.
    decision.verdict = RunVerdict::kByTime;
    decision.reason = RunReason::kByTime;
    state.step_backs_in_a_row = 0;
  } else if (measure < state.cap.value * kAtCapFraction) {
    decision.verdict = RunVerdict::kBelowCap;
    decision.reason = RunReason::kBelowCap;
    state.step_backs_in_a_row = 0;
  } else if (measure > PlannedMeasure(state.cap, state.bouts) * kOverCapFraction) {
    // Over the cap never raises it: the count starts again at the cap.
    decision.verdict = RunVerdict::kOverCap;
    decision.reason = RunReason::kOverCap;
    state.step_backs_in_a_row = 0;
    state.good_streak = 0;
  } else {
    decision.verdict = RunVerdict::kGood;
    decision.reason = RunReason::kGoodCounting;
    state.step_backs_in_a_row = 0;
    ++state.good_streak;
    // A run by time only (on a time cap) has no pace: it counts towards the plateau's rise.
    bool faster = false;
    if (run.distance_m > 0) {
      const double pace = PaceSecondsPerKm(run);
      if (!state.first_pace_s_per_km) state.first_pace_s_per_km = pace;
      const double target = *state.first_pace_s_per_km * (1.0 - kPaceGainToProgress);
      decision.first_pace_s_per_km = state.first_pace_s_per_km;
      decision.target_pace_s_per_km = target;
      faster = state.good_streak >= kGoodRunsToProgress && pace <= target;
    }
    const bool plateau = state.good_streak >= kGoodRunsForPlateau;
    if (faster || plateau) {
      state.previous_levels.push_back(state.cap);
      Cap next = Rounded({unit, state.cap.value + Step(state.cap, grid)}, grid);
      // The spike guard, counting this run, also bounds a progressed cap.
      if (auto longest = LongestBefore(runs, unit, AddDays(run.date, 1))) {
        next.value =
            std::min(next.value, Rounded({unit, GuardLimit(*longest, unit, grid)}, grid).value);
      }
      next.value = std::max(next.value, state.cap.value);
      decision.change = CapChange::kProgress;
      decision.reason = faster ? RunReason::kProgressPace : RunReason::kProgressPlateau;
      decision.good_streak = state.good_streak;  // the runs that earned it
      state.cap = next;
      state.good_streak = 0;
      state.first_pace_s_per_km.reset();
    } else if (state.good_streak >= kGoodRunsToProgress) {
      decision.reason = RunReason::kGoodAwaitingPace;
    }
  }
  // The week's tally, for the run-walk dose; a step back also takes a repeat off.
  if (!state.week_start) state.week_start = MondayOf(run.date);
  ++state.week_runs;
  if (decision.verdict == RunVerdict::kHold || decision.verdict == RunVerdict::kStepBack) {
    state.week_bad = true;
  }
  if (decision.verdict == RunVerdict::kStepBack) {
    state.bouts = std::max(1, state.bouts - 1);
    state.last_step_back = run.date;
  }
  if (decision.verdict == RunVerdict::kGood && decision.pace_s_per_km) {
    state.last_pace_s_per_km = decision.pace_s_per_km;
  }
  state.bouts = std::min(state.bouts, MaxBouts(state.cap, state.last_pace_s_per_km));
  decision.bouts = state.bouts;
  decision.cap_after = state.cap;
  if (decision.change != CapChange::kProgress) decision.good_streak = state.good_streak;
  state.decisions.push_back(std::move(decision));
}

}  // namespace

RunRuleState ReplayRuns(Cap start, std::span<const RunEntry> runs_in,
                        std::span<const DailyPain> daily, const RunRuleOptions& options) {
  std::vector<RunEntry> runs(runs_in.begin(), runs_in.end());
  std::sort(runs.begin(), runs.end(), InLogOrder);
  RunRuleState state = FirstState(start, options);
  for (const RunEntry& run : runs) ReplayRun(state, run, runs, daily, options);
  return state;
}

ReplayByDay::ReplayByDay(Cap start, std::span<const RunEntry> runs,
                         std::span<const DailyPain> daily, RunRuleOptions options)
    : start_(start),
      runs_(runs.begin(), runs.end()),
      daily_(daily.begin(), daily.end()),
      options_(std::move(options)),
      state_(FirstState(start_, options_)) {
  std::sort(runs_.begin(), runs_.end(), InLogOrder);
}

const RunRuleState& ReplayByDay::Before(Date day) {
  const auto end = std::lower_bound(runs_.begin(), runs_.end(), day,
                                    [](const RunEntry& run, Date d) { return run.date < d; });
  const auto wanted = static_cast<std::size_t>(end - runs_.begin());
  if (wanted < replayed_) {  // an earlier day than the last asked: start again
    state_ = FirstState(start_, options_);
    replayed_ = 0;
  }
  for (; replayed_ < wanted; ++replayed_) {
    ReplayRun(state_, runs_[replayed_], runs_, daily_, options_);
  }
  return state_;
}

GuardedCap CapOn(const RunRuleState& state, std::span<const RunEntry> runs, Date day,
                 DistanceUnit grid) {
  GuardedCap guarded{state.cap, false, {}};
  const auto longest = LongestBefore(runs, state.cap.unit, day);
  if (!longest) return guarded;
  const double limit =
      Rounded({state.cap.unit, GuardLimit(*longest, state.cap.unit, grid)}, grid).value;
  if (limit < state.cap.value) {
    guarded.cap.value = limit;
    guarded.limited = true;
    guarded.longest_before = longest;
  }
  return guarded;
}

std::optional<double> TargetPace(const RunRuleState& state) {
  if (!state.first_pace_s_per_km) return std::nullopt;
  return *state.first_pace_s_per_km * (1.0 - kPaceGainToProgress);
}

}  // namespace backstride
