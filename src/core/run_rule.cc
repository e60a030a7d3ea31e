#include "core/run_rule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/thresholds.h"

namespace backstride {
namespace {

using namespace thresholds;

double Measure(const RunEntry& run, CapUnit unit) {
  return unit == CapUnit::kDistance ? run.distance_m : run.duration_s;
}

double PaceSecondsPerKm(const RunEntry& run) { return run.duration_s / (run.distance_m / 1000.0); }

// Caps are kept in whole tens of metres or whole seconds, rounded down so that a cap
// never exceeds the limit it was computed from, and replays compare exactly.
Cap Rounded(Cap cap) {
  cap.value = cap.unit == CapUnit::kDistance ? std::floor(cap.value / 10.0 + 1e-9) * 10.0
                                             : std::floor(cap.value + 1e-9);
  return cap;
}

double Step(const Cap& cap) {
  const double minimum = cap.unit == CapUnit::kDistance ? kMinProgressMetres : kMinProgressSeconds;
  return std::max(cap.value * kProgressFraction, minimum);
}

double MinimumCap(CapUnit unit) {
  return unit == CapUnit::kDistance ? kMinCapMetres : kMinCapSeconds;
}

std::string Text(const Cap& cap) { return FormatCap(cap, DistanceUnit::kKilometres); }

std::string Pace(double seconds_per_km) {
  return FormatPace(seconds_per_km, DistanceUnit::kKilometres);
}

// The longest run (by the cap's measure) in the 30 days before `day`, if any.
std::optional<double> LongestBefore(std::span<const RunEntry> runs, CapUnit unit, Date day,
                                    std::int64_t excluding_id = -1) {
  std::optional<double> longest;
  for (const RunEntry& run : runs) {
    const int age = DaysBetween(run.date, day);
    if (run.id == excluding_id || age <= 0 || age > kSpikeWindowDays) continue;
    longest = std::max(longest.value_or(0), Measure(run, unit));
  }
  return longest;
}

double GuardLimit(double longest, CapUnit unit) {
  const double minimum = unit == CapUnit::kDistance ? kSpikeMinMetres : kSpikeMinSeconds;
  return longest + std::max(longest * kSpikeFraction, minimum);
}

// The pain the runner had before `run`: as logged with the run, or the latest check-in
// on the run's day or the day before.
std::optional<int> PainBefore(const RunEntry& run, std::span<const DailyPain> checkins) {
  if (run.pain_before) return run.pain_before;
  std::optional<DailyPain> latest;
  for (const DailyPain& checkin : checkins) {
    const int age = DaysBetween(checkin.date, run.date);
    if (age < 0 || age > 1) continue;
    if (!latest || checkin.date >= latest->date) latest = checkin;
  }
  if (latest) return latest->pain;
  return std::nullopt;
}

std::string Num(int value) { return std::to_string(value); }

}  // namespace

std::string_view RunVerdictId(RunVerdict verdict) {
  switch (verdict) {
    case RunVerdict::kGood:
      return "good";
    case RunVerdict::kHold:
      return "hold";
    case RunVerdict::kStepBack:
      return "step_back";
    case RunVerdict::kBelowCap:
      return "below_cap";
    case RunVerdict::kDuringPause:
      return "during_pause";
  }
  return "";
}

std::string_view CapChangeId(CapChange change) {
  switch (change) {
    case CapChange::kNone:
      return "none";
    case CapChange::kProgress:
      return "progress";
    case CapChange::kStepBack:
      return "step_back";
    case CapChange::kPause:
      return "pause";
  }
  return "";
}

std::string FormatCap(const Cap& cap, DistanceUnit unit) {
  if (cap.unit == CapUnit::kTime) {
    const long seconds = std::lround(cap.value);
    if (seconds % 60 == 0) return std::to_string(seconds / 60) + " min";
    return FormatDuration(cap.value) + " min";
  }
  return FormatDistance(cap.value, unit);
}

Cap StartingCap(const Pain& pain) {
  if (pain.onset_km) {
    const double raw = *pain.onset_km * 1000.0 * kStartingCapFraction;
    const double rounded = std::floor(raw / kCapStepMetres) * kCapStepMetres;
    return {CapUnit::kDistance, std::max(rounded, kMinCapMetres)};
  }
  if (pain.onset_minutes) {
    const double raw = *pain.onset_minutes * 60.0 * kStartingCapFraction;
    const double rounded = std::floor(raw / kCapStepSeconds) * kCapStepSeconds;
    return {CapUnit::kTime, std::max(rounded, kMinCapSeconds)};
  }
  return {CapUnit::kDistance, kDefaultCapMetres};
}

RunRuleState ReplayRuns(Cap start, std::span<const RunEntry> runs_in,
                        std::span<const DailyPain> checkins) {
  std::vector<RunEntry> runs(runs_in.begin(), runs_in.end());
  std::sort(runs.begin(), runs.end(), [](const RunEntry& a, const RunEntry& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });

  RunRuleState state;
  state.cap = Rounded(start);
  for (const RunEntry& run : runs) {
    if (!run.rated) continue;
    RunDecision decision;
    decision.run_id = run.id;
    decision.date = run.date;
    decision.cap_before = state.cap;
    const CapUnit unit = state.cap.unit;
    const double measure = Measure(run, unit);

    // Spike guard, judged against the runs before this one.
    if (const auto longest = LongestBefore(runs, unit, run.date, run.id)) {
      const double limit = GuardLimit(*longest, unit);
      if (measure > limit) {
        decision.spike = true;
        decision.reason = "This run (" + Text({unit, measure}) +
                          ") was more than 10 % longer than " +
                          "your longest of the previous 30 days (" + Text({unit, *longest}) +
                          "), which raises the risk of injury. ";
      }
    }

    const int pain = run.pain_during;
    const std::optional<int> before = PainBefore(run, checkins);
    const std::optional<int> morning_rise =
        run.pain_next_morning ? std::optional<int>(*run.pain_next_morning - before.value_or(0))
                              : std::nullopt;
    const std::string morning_text = run.pain_next_morning
                                         ? "next-morning pain " + Num(*run.pain_next_morning) +
                                               " against " + Num(before.value_or(0)) + " before"
                                         : "";

    if (state.paused_until && run.date < *state.paused_until) {
      decision.verdict = RunVerdict::kDuringPause;
      decision.reason += "Running is paused until " + FormatDate(*state.paused_until) +
                         " after two step-backs in a row; this run does not move the cap.";
    } else if (pain > kHoldMaxPain || (morning_rise && *morning_rise >= kStepBackMorningIncrease)) {
      decision.verdict = RunVerdict::kStepBack;
      ++state.step_backs_in_a_row;
      state.good_streak = 0;
      state.first_pace_s_per_km.reset();
      const std::string why = pain > kHoldMaxPain
                                  ? "pain " + Num(pain) + " during the run (6 or more)"
                                  : morning_text + " (two or more points worse)";
      if (!state.previous_levels.empty()) {
        state.cap = state.previous_levels.back();
        state.previous_levels.pop_back();
      } else {
        state.cap = Rounded({unit, std::max(state.cap.value - Step(state.cap), MinimumCap(unit))});
      }
      if (state.step_backs_in_a_row >= kStepBacksToPause) {
        decision.change = CapChange::kPause;
        state.paused_until = AddDays(run.date, kPauseDays);
        state.step_backs_in_a_row = 0;
        decision.reason += "Cap steps back to " + Text(state.cap) + ": " + why +
                           ". That is two step-backs in a row, so running pauses for a week, "
                           "until " +
                           FormatDate(*state.paused_until) + "; please have your back assessed.";
      } else {
        decision.change = CapChange::kStepBack;
        decision.reason += "Cap steps back to " + Text(state.cap) + ": " + why + ".";
      }
    } else if (pain > kGoodMaxPain || (morning_rise && *morning_rise >= kHoldMorningIncrease)) {
      decision.verdict = RunVerdict::kHold;
      state.step_backs_in_a_row = 0;
      state.good_streak = 0;
      const std::string why = pain > kGoodMaxPain ? "pain " + Num(pain) + " during the run"
                                                  : morning_text + " (one point worse)";
      decision.reason += "Cap stays " + Text(state.cap) + ": " + why + ".";
    } else if (measure < state.cap.value * kAtCapFraction) {
      decision.verdict = RunVerdict::kBelowCap;
      state.step_backs_in_a_row = 0;
      decision.reason += "A comfortable run, but shorter than the cap of " + Text(state.cap) +
                         ", so it does not count towards raising it.";
    } else {
      decision.verdict = RunVerdict::kGood;
      state.step_backs_in_a_row = 0;
      const double pace = PaceSecondsPerKm(run);
      if (!state.first_pace_s_per_km) state.first_pace_s_per_km = pace;
      ++state.good_streak;
      const double target = *state.first_pace_s_per_km * (1.0 - kPaceGainToProgress);
      if (state.good_streak >= kGoodRunsToProgress && pace <= target) {
        state.previous_levels.push_back(state.cap);
        Cap next = Rounded({unit, state.cap.value + Step(state.cap)});
        // The spike guard, counting this run, also bounds a progressed cap.
        std::optional<double> longest = LongestBefore(runs, unit, AddDays(run.date, 1));
        if (longest)
          next.value = std::min(next.value, Rounded({unit, GuardLimit(*longest, unit)}).value);
        decision.change = CapChange::kProgress;
        decision.reason += "Cap rises from " + Text(state.cap) + " to " + Text(next) + ": " +
                           Num(state.good_streak) + " good runs in a row at the cap, and pace " +
                           Pace(pace) + " is at least 3 % faster than " +
                           Pace(*state.first_pace_s_per_km) + " at the cap's first run.";
        state.cap = next;
        state.good_streak = 0;
        state.first_pace_s_per_km.reset();
      } else if (state.good_streak >= kGoodRunsToProgress) {
        decision.reason += "Cap stays " + Text(state.cap) + ": " + Num(state.good_streak) +
                           " good runs in a row, but pace " + Pace(pace) + " needs to reach " +
                           Pace(target) +
                           " (3 % faster than the cap's first run) before the distance grows.";
      } else {
        decision.reason += "Good run (pain " + Num(pain) + "). " + Num(state.good_streak) + " of " +
                           Num(kGoodRunsToProgress) + " good runs at " + Text(state.cap) + ".";
      }
    }
    decision.cap_after = state.cap;
    decision.good_streak = state.good_streak;
    state.decisions.push_back(std::move(decision));
  }
  return state;
}

GuardedCap CapOn(const RunRuleState& state, std::span<const RunEntry> runs, Date day) {
  GuardedCap guarded{state.cap, false, {}};
  const auto longest = LongestBefore(runs, state.cap.unit, day);
  if (!longest) return guarded;
  const double limit = Rounded({state.cap.unit, GuardLimit(*longest, state.cap.unit)}).value;
  if (limit < state.cap.value) {
    guarded.cap.value = limit;
    guarded.limited = true;
    guarded.reason = "Capped at " + Text(guarded.cap) +
                     " by the spike guard: your longest run of "
                     "the last 30 days was " +
                     Text({state.cap.unit, *longest}) +
                     ", and a single run more than 10 % longer raises the risk of injury.";
  }
  return guarded;
}

std::optional<double> TargetPace(const RunRuleState& state) {
  if (!state.first_pace_s_per_km) return std::nullopt;
  return *state.first_pace_s_per_km * (1.0 - kPaceGainToProgress);
}

}  // namespace backstride
