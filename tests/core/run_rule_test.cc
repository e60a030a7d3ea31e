// The run rule of DESIGN 3.1, boundary by boundary, and a 16-week simulated runner.
#include "core/run_rule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace backstride {
namespace {

const Date kDay0 = *ParseDate("2026-01-05");

Cap Km(double km) { return {CapUnit::kDistance, km * 1000}; }
Cap Minutes(double minutes) { return {CapUnit::kTime, minutes * 60}; }

// A run of `km` at `pace` seconds per km. Its id is unique and increases with each call,
// as a log's ids do; tests rely only on the order of the ids they make themselves, and on
// a score with id 0 (logged before them) or 1,000,000 (after), so any test order works.
RunEntry ARun(int day, double km, int pain, std::optional<int> morning = std::nullopt,
              double pace = 360, std::optional<int> before = std::nullopt) {
  static std::int64_t next_id = 1;
  RunEntry run;
  run.id = next_id++;
  run.date = AddDays(kDay0, day);
  run.distance_m = km * 1000;
  run.duration_s = km * pace;
  run.pain_during = pain;
  run.pain_next_morning = morning;
  run.pain_before = before;
  return run;
}

TEST(StartingCap, SeventyFivePercentOfTheOnsetRoundedDown) {
  Pain pain;
  pain.onset_km = 1.5;  // 1.125 km -> 1.0 km
  EXPECT_EQ(StartingCap(pain), Km(1.0));
  pain.onset_km = 2.0;  // 1.5 km exactly
  EXPECT_EQ(StartingCap(pain), Km(1.5));
  pain.onset_km = 8;
  EXPECT_EQ(StartingCap(pain), Km(6.0));
  pain.onset_km = 0.4;  // below the floor
  EXPECT_EQ(StartingCap(pain), Km(0.5));
  pain.onset_minutes = 6;  // a distance onset wins over a time onset
  EXPECT_EQ(StartingCap(pain), Km(0.5));
  pain.onset_km.reset();  // 4.5 min -> 4 min
  EXPECT_EQ(StartingCap(pain), Minutes(4));
  pain.onset_minutes = 3;  // 2.25 min -> floor of 3 min
  EXPECT_EQ(StartingCap(pain), Minutes(3));
  pain.onset_minutes.reset();
  EXPECT_EQ(StartingCap(pain), Km(1.0));  // no onset given
}

struct VerdictRow {
  const char* what;
  int pain;
  std::optional<int> before;
  std::optional<int> morning;
  RunVerdict verdict;
};

TEST(RunRule, EachRunIsJudgedByPainDuringAndTheNextMorning) {
  const VerdictRow rows[] = {
      {"pain 3, morning as before", 3, 1, 1, RunVerdict::kGood},
      {"pain 3, morning better", 3, 2, 0, RunVerdict::kGood},
      {"pain 3, morning not logged yet", 3, {}, {}, RunVerdict::kGood},
      {"pain 4", 4, 1, 1, RunVerdict::kHold},
      {"pain 5", 5, 1, 1, RunVerdict::kHold},
      {"pain 0, morning one worse", 0, 1, 2, RunVerdict::kHold},
      {"pain 6", 6, 1, 1, RunVerdict::kStepBack},
      {"pain 2, morning two worse", 2, 1, 3, RunVerdict::kStepBack},
      {"pain 10", 10, {}, {}, RunVerdict::kStepBack},
  };
  for (const VerdictRow& row : rows) {
    const RunEntry run = ARun(0, 1.0, row.pain, row.morning, 360, row.before);
    const RunRuleState state = ReplayRuns(Km(1.0), std::vector{run});
    ASSERT_EQ(state.decisions.size(), 1u);
    EXPECT_EQ(RunVerdictId(state.decisions[0].verdict), RunVerdictId(row.verdict)) << row.what;
  }
}

TEST(RunRule, MorningIsComparedWithTheCheckInBeforeTheRun) {
  const RunEntry run = ARun(1, 1.0, 2, /*morning=*/3);
  const std::vector<DailyPain> checkins = {{0, AddDays(kDay0, 1), 2, false}};
  EXPECT_EQ(ReplayRuns(Km(1.0), std::vector{run}, checkins).decisions[0].verdict,
            RunVerdict::kHold);  // 3 against 2: one worse
  // A check-in too old to be the baseline: the morning's 3 is judged on its own, by the
  // during-run bands, and is fine. A blank is never read as 0 (it would be a step back).
  const std::vector<DailyPain> old_checkins = {{0, AddDays(kDay0, -5), 2, false}};
  const RunDecision alone = ReplayRuns(Km(1.0), std::vector{run}, old_checkins).decisions[0];
  EXPECT_EQ(alone.verdict, RunVerdict::kGood);
  EXPECT_EQ(alone.baseline_from, Baseline::kNone);
}

// The baseline names where it came from: a check-in or the morning score after an earlier
// run, with its day, so the reason a runner reads is true.
TEST(RunRule, TheBaselineSaysWhetherItWasACheckInOrAMorningScore) {
  const RunEntry run = ARun(2, 1.0, 1, 2);
  const std::vector<DailyPain> morning = {{0, AddDays(kDay0, 1), 0, true}};
  const RunDecision after_morning = ReplayRuns(Km(1.0), {{run}}, morning).decisions.back();
  EXPECT_EQ(after_morning.baseline_from, Baseline::kMorningScore);
  EXPECT_EQ(after_morning.baseline_date, AddDays(kDay0, 1));
  const std::vector<DailyPain> checkin = {{0, AddDays(kDay0, 1), 0, false}};
  EXPECT_EQ(ReplayRuns(Km(1.0), {{run}}, checkin).decisions.back().baseline_from,
            Baseline::kDailyPain);
}

TEST(RunRule, ProgressNeedsThreeGoodRunsAndThreePercentFasterPace) {
  // Three good runs at the cap, the third 3 % faster than the first: the cap rises by
  // the 0.25 km minimum (10 % of 1 km is less).
  std::vector<RunEntry> runs = {ARun(0, 1.0, 2, 0, 360), ARun(2, 1.0, 2, 0, 355),
                                ARun(4, 1.0, 2, 0, 360 * 0.97)};
  RunRuleState state = ReplayRuns(Km(1.0), runs);
  EXPECT_EQ(state.cap, Km(1.25));
  EXPECT_EQ(state.decisions.back().change, CapChange::kProgress);
  EXPECT_EQ(state.decisions.back().reason, RunReason::kProgressPace);

  // Just short of 3 % faster: the cap holds, and the reason gives the pace to reach.
  runs.back() = ARun(4, 1.0, 2, 0, 360 * 0.975);
  state = ReplayRuns(Km(1.0), runs);
  EXPECT_EQ(state.cap, Km(1.0));
  EXPECT_EQ(state.good_streak, 3);
  EXPECT_EQ(state.decisions.back().reason, RunReason::kGoodAwaitingPace);
  EXPECT_EQ(FormatPace(*state.decisions.back().target_pace_s_per_km, DistanceUnit::kKilometres),
            "5:49 /km");

  // A fourth good run that is fast enough then progresses.
  runs.push_back(ARun(6, 1.0, 1, 0, 345));
  EXPECT_EQ(ReplayRuns(Km(1.0), runs).cap, Km(1.25));
}

// A treadmill run recorded by time only: no distance to measure against a distance cap.
RunEntry ATimedRun(int day, double minutes, int pain) {
  RunEntry run = ARun(day, 1, pain);
  run.distance_m = 0;
  run.duration_s = minutes * 60;
  return run;
}

TEST(RunRule, ARunByTimeOnlyIsJudgedByItsPainButNeverRaisesADistanceCap) {
  std::vector<RunEntry> runs;
  for (int i = 0; i < 8; ++i) runs.push_back(ATimedRun(2 * i, 30, 1));
  RunRuleState state = ReplayRuns(Km(1.0), runs);
  ASSERT_EQ(state.decisions.size(), 8u);
  EXPECT_EQ(state.decisions.back().verdict, RunVerdict::kByTime);
  EXPECT_EQ(state.decisions.back().reason, RunReason::kByTime);
  EXPECT_EQ(state.cap, Km(1.0)) << "eight comfortable treadmill runs cannot show 1 km was run";

  // Pain 7 on the treadmill steps back like pain 7 outdoors.
  runs = {ARun(0, 1.0, 1), ARun(2, 1.0, 1), ARun(4, 1.0, 1, std::nullopt, 340),
          ATimedRun(6, 30, 7)};
  state = ReplayRuns(Km(1.0), runs);
  EXPECT_EQ(state.decisions[2].change, CapChange::kProgress);
  EXPECT_EQ(state.decisions.back().verdict, RunVerdict::kStepBack);
  EXPECT_EQ(state.cap, Km(1.0));
}

TEST(RunRule, OnATimeCapARunByTimeOnlyCountsAndRisesByThePlateau) {
  std::vector<RunEntry> runs;
  for (int i = 0; i < 6; ++i) runs.push_back(ATimedRun(2 * i, 10, 1));
  const RunRuleState state = ReplayRuns(Minutes(10), runs);
  EXPECT_EQ(state.decisions[0].verdict, RunVerdict::kGood);
  EXPECT_FALSE(state.decisions[0].pace_s_per_km) << "no distance, no pace";
  EXPECT_EQ(state.decisions.back().reason, RunReason::kProgressPlateau);
  EXPECT_GT(state.cap.value, Minutes(10).value);
}

TEST(RunRule, TwoGoodRunsAreNotEnough) {
  const std::vector<RunEntry> runs = {ARun(0, 1.0, 2, 0, 360), ARun(2, 1.0, 2, 0, 300)};
  EXPECT_EQ(ReplayRuns(Km(1.0), runs).cap, Km(1.0));
}

TEST(RunRule, AHoldRestartsTheStreak) {
  const std::vector<RunEntry> runs = {ARun(0, 1.0, 2, 0, 360), ARun(2, 1.0, 4, 0, 350),
                                      ARun(4, 1.0, 2, 0, 340), ARun(6, 1.0, 2, 0, 330)};
  const RunRuleState state = ReplayRuns(Km(1.0), runs);
  EXPECT_EQ(state.cap, Km(1.0));
  EXPECT_EQ(state.good_streak, 2);
  EXPECT_EQ(state.decisions[1].reason, RunReason::kHoldPain);
}

TEST(RunRule, ShorterRunsDoNotCountButDoNotBreakTheStreak) {
  const std::vector<RunEntry> runs = {ARun(0, 2.0, 2, 0, 360), ARun(2, 1.0, 2, 0, 300),
                                      ARun(4, 2.0, 2, 0, 355), ARun(6, 1.85, 2, 0, 348)};
  const RunRuleState state = ReplayRuns(Km(2.0), runs);
  EXPECT_EQ(state.decisions[1].verdict, RunVerdict::kBelowCap);
  EXPECT_EQ(state.decisions[3].verdict, RunVerdict::kGood);  // 1.85 km is within 90 %
  EXPECT_EQ(state.cap, Km(2.25));  // +10 % is 0.2 km, so the 0.25 km minimum applies
}

TEST(RunRule, ProgressAddsTenPercentAboveTwoAndAHalfKilometres) {
  const std::vector<RunEntry> runs = {ARun(0, 4.0, 2, 0, 360), ARun(2, 4.0, 2, 0, 355),
                                      ARun(4, 4.0, 2, 0, 345)};
  EXPECT_EQ(ReplayRuns(Km(4.0), runs).cap, Km(4.4));
}

TEST(RunRule, StepBackReturnsToThePreviousCap) {
  std::vector<RunEntry> runs = {ARun(0, 1.0, 2, 0, 360), ARun(2, 1.0, 2, 0, 350),
                                ARun(4, 1.0, 2, 0, 340)};
  ASSERT_EQ(ReplayRuns(Km(1.0), runs).cap, Km(1.25));
  runs.push_back(ARun(6, 1.25, 6, 2));
  const RunRuleState state = ReplayRuns(Km(1.0), runs);
  EXPECT_EQ(state.cap, Km(1.0));
  EXPECT_EQ(state.decisions.back().change, CapChange::kStepBack);
  EXPECT_FALSE(state.paused_until.has_value());
}

TEST(RunRule, StepBackAtTheFirstCapLowersItButNotBelowTheFloor) {
  EXPECT_EQ(ReplayRuns(Km(1.0), std::vector{ARun(0, 1.0, 7)}).cap, Km(0.75));
  EXPECT_EQ(ReplayRuns(Km(0.5), std::vector{ARun(0, 0.5, 7)}).cap, Km(0.5));
  EXPECT_EQ(ReplayRuns(Minutes(4), std::vector{ARun(0, 0.6, 7)}).cap, Minutes(3));
}

TEST(RunRule, TwoStepBacksInARowPauseRunningForAWeek) {
  const std::vector<RunEntry> runs = {ARun(0, 1.0, 6), ARun(2, 1.0, 2, /*morning=*/2, 360, 0),
                                      ARun(5, 0.5, 1, 0), ARun(9, 0.5, 1, 0)};
  const RunRuleState state = ReplayRuns(Km(1.5), runs);
  EXPECT_EQ(state.decisions[0].change, CapChange::kStepBack);
  EXPECT_EQ(state.decisions[1].change, CapChange::kPause);
  ASSERT_TRUE(state.paused_until.has_value());
  EXPECT_EQ(*state.paused_until, AddDays(kDay0, 9));
  EXPECT_EQ(state.decisions[1].paused_until, AddDays(kDay0, 9));
  EXPECT_EQ(state.decisions[2].verdict, RunVerdict::kDuringPause);
  EXPECT_NE(state.decisions[3].verdict, RunVerdict::kDuringPause);  // the pause is over
}

TEST(RunRule, StepBacksSeparatedByAHoldDoNotPause) {
  const std::vector<RunEntry> runs = {ARun(0, 1.0, 6), ARun(2, 1.0, 4), ARun(4, 1.0, 6)};
  EXPECT_FALSE(ReplayRuns(Km(1.5), runs).paused_until.has_value());
}

TEST(SpikeGuard, CapStaysWithinTenPercentOfTheLongestRunOfThirtyDays) {
  RunRuleState state;
  state.cap = Km(5.0);
  const std::vector<RunEntry> runs = {ARun(0, 3.0, 1, 0)};
  // Longest 3 km: the limit is 3.3 km (10 % is more than 0.25 km).
  GuardedCap guarded = CapOn(state, runs, AddDays(kDay0, 2));
  EXPECT_TRUE(guarded.limited);
  EXPECT_EQ(guarded.cap, Km(3.3));
  EXPECT_EQ(guarded.longest_before, 3000.0);
  // Thirty days on, that run is out of the window and the guard no longer applies.
  EXPECT_FALSE(CapOn(state, runs, AddDays(kDay0, 31)).limited);
  EXPECT_TRUE(CapOn(state, runs, AddDays(kDay0, 30)).limited);
  // Short runs: the 0.25 km minimum margin applies.
  const std::vector<RunEntry> short_runs = {ARun(0, 1.0, 1, 0)};
  EXPECT_EQ(CapOn(state, short_runs, AddDays(kDay0, 1)).cap, Km(1.25));
  // No run in the window: the cap is not limited.
  EXPECT_FALSE(CapOn(state, {}, kDay0).limited);
}

TEST(SpikeGuard, ARunBeyondTheGuardIsFlaggedWithTheReason) {
  const std::vector<RunEntry> runs = {ARun(0, 2.0, 1, 0), ARun(3, 2.2, 1, 0), ARun(5, 2.6, 1, 0)};
  const RunRuleState state = ReplayRuns(Km(3.0), runs);
  EXPECT_FALSE(state.decisions[1].spike);  // exactly 10 % longer is allowed
  EXPECT_TRUE(state.decisions[2].spike);
  EXPECT_EQ(state.decisions[2].longest_before, 2200.0);
}

// A 16-week scripted runner: three runs a week (days 0, 2 and 4), each exactly at the
// cap, next-morning pain as before. Within each cap level the pace improves 2 % per
// run, so three good runs always clear the 3 % pace condition.
TEST(RunRule, SixteenWeekRunnerEndsAtTheCapTheRuleImplies) {
  // Week-by-week events; everything else is a good run.
  enum Event { kNormal, kPain4, kPain6, kMorningWorse2, kPain7, kSkip };
  auto event_for = [](int week, int slot) {
    if (week == 5 && slot == 0) return kPain4;
    if (week == 9 && slot == 0) return kPain6;
    if (week == 10 && slot == 1) return kMorningWorse2;
    if (week == 10 && slot == 2) return kPain7;
    if (week == 11) return kSkip;  // paused, the runner rests
    return kNormal;
  };

  std::vector<RunEntry> runs;
  std::vector<Cap> cap_after_week;
  RunRuleState state = ReplayRuns(Km(1.0), runs);
  int runs_at_level = 0;
  Cap level = state.cap;
  std::int64_t id = 1000;
  for (int week = 1; week <= 16; ++week) {
    for (int slot = 0; slot < 3; ++slot) {
      const Event event = event_for(week, slot);
      if (event == kSkip) continue;
      const int day = (week - 1) * 7 + slot * 2;
      RunEntry run;
      run.id = id++;
      run.date = AddDays(kDay0, day);
      run.distance_m = state.cap.value;
      run.duration_s = run.distance_m / 1000 * 360 * std::pow(0.98, runs_at_level);
      run.pain_before = 1;
      run.pain_next_morning = event == kMorningWorse2 ? 3 : 1;
      run.pain_during = event == kPain4 ? 4 : event == kPain6 ? 6 : event == kPain7 ? 7 : 2;
      runs.push_back(run);
      state = ReplayRuns(Km(1.0), runs);
      if (state.cap == level) {
        ++runs_at_level;
      } else {
        level = state.cap;
        runs_at_level = 0;
      }
    }
    cap_after_week.push_back(state.cap);
  }

  // Weeks 1-4: a rise every three runs, by the 0.25 km minimum: 1.0 -> 2.0 km.
  EXPECT_EQ(cap_after_week[3], Km(2.0));
  // Week 5 starts with a pain-4 hold, so 2.0 km is kept through the week.
  EXPECT_EQ(cap_after_week[4], Km(2.0));
  // Weeks 6-8: a rise at each week's first run: 2.25, 2.5, 2.75 km.
  EXPECT_EQ(cap_after_week[7], Km(2.75));
  // Week 9: pain 6 steps back to 2.5 km.
  EXPECT_EQ(cap_after_week[8], Km(2.5));
  // Week 10: a rise to 2.75, then two step-backs in a row: 2.5, then 2.25 km and a pause.
  EXPECT_EQ(cap_after_week[9], Km(2.25));
  EXPECT_TRUE(state.paused_until.has_value());
  // Weeks 12-16: a rise at the end of each week: 2.5, 2.75, then +10 % rounded down to
  // 10 m: 3.02, 3.32, 3.65 km.
  EXPECT_EQ(cap_after_week[11], Km(2.5));
  EXPECT_EQ(cap_after_week[12], Km(2.75));
  EXPECT_EQ(cap_after_week[15], Km(3.65));
  // No run at the cap ever tripped the spike guard.
  for (const RunDecision& decision : state.decisions) EXPECT_FALSE(decision.spike);

  // Deterministic: the same log in any order replays to the same decisions.
  std::vector<RunEntry> shuffled = runs;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
  const RunRuleState again = ReplayRuns(Km(1.0), shuffled);
  ASSERT_EQ(again.decisions.size(), state.decisions.size());
  for (std::size_t i = 0; i < state.decisions.size(); ++i) {
    EXPECT_EQ(again.decisions[i].reason, state.decisions[i].reason);
    EXPECT_EQ(again.decisions[i].cap_after, state.decisions[i].cap_after);
  }
  EXPECT_EQ(again.cap, state.cap);
}

// DESIGN 3.1a, the loop over months, one scenario a row: the log, and where the cap ends
// and why. Each row failed before the revision.
struct Scenario {
  const char* what;
  std::vector<RunEntry> runs;
  std::vector<DailyPain> daily;
  RunRuleOptions options;
  Cap cap;                // where the cap ends
  RunReason last_reason;  // why the last run was judged as it was
};

std::vector<RunEntry> GoodRunsAt(double km, int count, int first_day = 0, double pace = 360) {
  std::vector<RunEntry> runs;
  for (int i = 0; i < count; ++i) runs.push_back(ARun(first_day + 2 * i, km, 2, {}, pace, 1));
  return runs;
}

std::vector<RunEntry> With(std::vector<RunEntry> runs, const RunEntry& last) {
  runs.push_back(last);
  return runs;
}

TEST(RunRule, TheLoopOverMonths) {
  RunRuleOptions rest_first_week;
  rest_first_week.rest = {{kDay0, AddDays(kDay0, 6)}};
  RunRuleOptions reduce_first_week;
  reduce_first_week.reduce = {{kDay0, AddDays(kDay0, 6)}};
  RunRuleOptions miles;
  miles.grid = DistanceUnit::kMiles;
  const double mile = kMetresPerMile / 1000;
  const Scenario rows[] = {
      {"blank baseline: a morning 2 with nothing before is fine on its own",
       {ARun(0, 1.0, 2, /*morning=*/2)}, {}, {}, Km(1.0), RunReason::kGoodCounting},
      {"blank baseline: a morning 4 on its own holds",
       {ARun(0, 1.0, 2, 4)}, {}, {}, Km(1.0), RunReason::kHoldMorningAlone},
      {"blank baseline: a morning 6 on its own steps back",
       {ARun(0, 1.0, 2, 6)}, {}, {}, Km(0.75), RunReason::kStepBackMorningAlone},
      {"baseline from the morning score logged before the run on its day",
       {ARun(1, 1.0, 2, 4)}, {{0, AddDays(kDay0, 1), 2, false}}, {}, Km(0.75), RunReason::kStepBackMorning},
      {"a check-in logged after the run on its day is not its baseline",
       {ARun(1, 1.0, 2, 3)}, {{1'000'000, AddDays(kDay0, 1), 3}}, {}, Km(1.0),
       RunReason::kGoodCounting},
      {"over the cap: 12 km at a 4.45 km cap never raises it",
       With(GoodRunsAt(4.45, 2, 0, 360), ARun(4, 12.0, 1, {}, 330, 1)), {}, {}, Km(4.45),
       RunReason::kOverCap},
      {"over the cap restarts the count of good runs",
       With(With(With(GoodRunsAt(1.0, 2), ARun(4, 3.0, 1, {}, 300, 1)), ARun(6, 1.0, 1, {}, 340, 1)),
            ARun(8, 1.0, 1, {}, 330, 1)),
       {}, {}, Km(1.0), RunReason::kGoodCounting},
      {"plateau: six good runs without getting faster raise the cap",
       GoodRunsAt(1.0, 6), {}, {}, Km(1.25), RunReason::kProgressPlateau},
      {"plateau: five are not enough",
       GoodRunsAt(1.0, 5), {}, {}, Km(1.0), RunReason::kGoodAwaitingPace},
      {"a run in a resting phase is flagged and counts for nothing",
       With(GoodRunsAt(1.0, 2, 0), ARun(4, 1.0, 1, {}, 300, 1)), {}, rest_first_week, Km(1.0),
       RunReason::kDuringRest},
      {"runs in a reduced phase do not count towards progress",
       GoodRunsAt(1.0, 3, 0, 340), {}, reduce_first_week, Km(1.0), RunReason::kReduced},
      {"a mile runner's cap rises on the quarter-mile grid",
       {ARun(0, mile, 2, {}, 360, 1), ARun(2, mile, 2, {}, 355, 1), ARun(4, mile, 2, {}, 340, 1)},
       {}, miles, Km(1.25 * mile), RunReason::kProgressPace},
  };
  for (const Scenario& row : rows) {
    const RunRuleState state = ReplayRuns(row.cap.value > 0 && row.options.grid == DistanceUnit::kMiles
                                              ? Km(mile)
                                              : Km(row.runs.front().distance_m / 1000),
                                          row.runs, row.daily, row.options);
    EXPECT_NEAR(state.cap.value, row.cap.value, 1e-6) << row.what;
    ASSERT_FALSE(state.decisions.empty()) << row.what;
    EXPECT_EQ(RunReasonId(state.decisions.back().reason), RunReasonId(row.last_reason)) << row.what;
  }
}

TEST(RunRule, RunsInARestingPhaseNeverSetThePaceToBeat) {
  RunRuleOptions options;
  options.rest = {{kDay0, AddDays(kDay0, 6)}};
  // A fast run in the resting phase, then three runs at an ordinary pace: the pace to beat
  // comes from the first of these, not from the resting-phase run.
  std::vector<RunEntry> runs = {ARun(2, 1.0, 1, {}, 280, 1)};
  for (const RunEntry& run : GoodRunsAt(1.0, 1, 7, 360)) runs.push_back(run);
  const RunRuleState state = ReplayRuns(Km(1.0), runs, {}, options);
  ASSERT_TRUE(TargetPace(state).has_value());
  EXPECT_NEAR(*TargetPace(state), 360 * 0.97, 1e-6);
}

// DESIGN 3.1b: pain rising over two weeks holds the cap even when each run is good.
TEST(RunRule, ATwoWeekRiseInPainHoldsTheCap) {
  // Week 1: runs at pain 1; week 2: runs at pain 3 (each one "good"), faster and faster.
  std::vector<RunEntry> runs = {ARun(0, 1.0, 1, {}, 360, 1), ARun(2, 1.0, 1, {}, 355, 1),
                                ARun(4, 1.0, 1, {}, 350, 1), ARun(7, 1.0, 3, {}, 340, 1),
                                ARun(9, 1.0, 3, {}, 330, 1), ARun(11, 1.0, 3, {}, 320, 1)};
  const RunRuleState state = ReplayRuns(Km(1.0), runs);
  EXPECT_EQ(state.decisions[4].reason, RunReason::kHoldTrend);
  EXPECT_EQ(state.decisions[4].verdict, RunVerdict::kHold);
  EXPECT_NEAR(*state.decisions[4].trend_recent, 7.0 / 3, 1e-9);  // days 4, 7 and 9
  // Without the rise (pain 1 throughout) the same runs raise the cap.
  for (RunEntry& run : runs) run.pain_during = 1;
  EXPECT_GT(ReplayRuns(Km(1.0), runs).cap.value, 1000);
}

// DESIGN 3.1b: 30 days without a run restart the return at half the onset, as run-walk.
TEST(RunRule, ThirtyDaysOffRestartAtHalfTheOnset) {
  RunRuleOptions options;
  options.layoff_cap = Km(0.75);
  std::vector<RunEntry> runs = GoodRunsAt(1.0, 3, 0, 340);
  runs.push_back(ARun(4 + 31, 0.75, 1, {}, 360, 1));
  const RunRuleState state = ReplayRuns(Km(1.0), runs, {}, options);
  ASSERT_EQ(state.decisions.size(), 4u);
  EXPECT_EQ(state.decisions[3].layoff_days, 31);
  EXPECT_EQ(state.decisions[3].cap_before, Km(0.75));
  EXPECT_EQ(state.bouts, 1);
  // 29 days off: no restart.
  runs.back().date = AddDays(kDay0, 4 + 29);
  EXPECT_FALSE(ReplayRuns(Km(1.0), runs, {}, options).decisions[3].layoff_days.has_value());
}

// DESIGN 3.1b: after a good week the session repeats the cap once more, up to 30 minutes.
TEST(RunRule, AGoodWeekAddsARepeatUpToThirtyMinutes) {
  std::vector<RunEntry> runs;
  for (int week = 0; week < 8; ++week) {
    for (int day : {0, 2, 4}) runs.push_back(ARun(week * 7 + day, 1.0, 1, {}, 360, 1));
  }
  // A 1 km cap at 6:00 /km fits four repeats with walks (4 x 6 + 3 x 1.5 = 28.5 min).
  const RunRuleState state = ReplayRuns(Minutes(6), runs);
  EXPECT_EQ(state.bouts, MaxBouts(state.cap, 360.0));
  EXPECT_LE(state.bouts * state.cap.value + (state.bouts - 1) * 90, 30 * 60);
  EXPECT_EQ(MaxBouts(Minutes(6), std::nullopt), 4);
  EXPECT_EQ(MaxBouts(Minutes(40), std::nullopt), 1);
  // A week with a held run adds nothing.
  std::vector<RunEntry> held = {ARun(0, 1.0, 4), ARun(2, 1.0, 1), ARun(4, 1.0, 1), ARun(7, 1.0, 1)};
  EXPECT_EQ(ReplayRuns(Minutes(6), held).bouts, 1);
  EXPECT_EQ(BoutsOn(ReplayRuns(Minutes(6), GoodRunsAt(1.0, 3, 0)), AddDays(kDay0, 7)), 2);
}

// A runner reads time caps on a watch: they stay whole minutes, through rises and the
// spike guard. A rise says how many good runs earned it.
TEST(RunRule, TimeCapsAreWholeMinutesAndARiseCountsItsRuns) {
  std::vector<RunEntry> runs;
  for (int i = 0; i < 6; ++i) {
    RunEntry run = ARun(2 * i, 4.0, 1, {}, 390, 1);
    run.duration_s = 26 * 60;
    runs.push_back(run);
  }
  const RunRuleState state = ReplayRuns(Minutes(26), runs);
  EXPECT_EQ(state.cap, Minutes(28));  // +10 % is 28:36, kept at 28 min
  EXPECT_EQ(state.decisions.back().reason, RunReason::kProgressPlateau);
  EXPECT_EQ(state.decisions.back().good_streak, 6);
  RunRuleState big;
  big.cap = Minutes(40);
  EXPECT_EQ(CapOn(big, runs, AddDays(kDay0, 12)).cap, Minutes(28));  // 26 + 2.6 -> 28
}

TEST(StartingCap, AMileRunnersCapIsOnTheQuarterMileGrid) {
  Pain pain;
  pain.onset_km = 2.0;  // 1.5 km = 0.93 mi -> 0.75 mi
  EXPECT_NEAR(StartingCap(pain, DistanceUnit::kMiles).value, 0.75 * kMetresPerMile, 1e-6);
  pain.onset_km = 0.5;  // below the floor: 0.25 mi
  EXPECT_NEAR(StartingCap(pain, DistanceUnit::kMiles).value, 0.25 * kMetresPerMile, 1e-6);
  pain.onset_km.reset();  // no onset: 0.5 mi
  EXPECT_NEAR(StartingCap(pain, DistanceUnit::kMiles).value, 0.5 * kMetresPerMile, 1e-6);
  EXPECT_EQ(FormatCap(StartingCap(pain, DistanceUnit::kMiles), DistanceUnit::kMiles), "0.50 mi");
}

}  // namespace
}  // namespace backstride
