// The run rule's sentences (DESIGN 5): every template filled, in the runner's units.
#include "app/explain.h"

#include <gtest/gtest.h>

#include <set>

#include "core/thresholds.h"

namespace backstride {
namespace {

constexpr RunReason kAllReasons[] = {
    RunReason::kGoodCounting,     RunReason::kGoodAwaitingPace,     RunReason::kProgressPace,
    RunReason::kProgressPlateau,  RunReason::kBelowCap,             RunReason::kOverCap,
    RunReason::kReduced,          RunReason::kHoldPain,             RunReason::kHoldMorning,
    RunReason::kHoldMorningAlone, RunReason::kStepBackPain,         RunReason::kStepBackMorning,
    RunReason::kStepBackMorningAlone, RunReason::kDuringPause,      RunReason::kDuringRest,
    RunReason::kHoldTrend,
};

RunDecision Decision(RunReason reason, CapChange change) {
  RunDecision decision;
  decision.date = *ParseDate("2026-03-02");
  decision.reason = reason;
  decision.change = change;
  decision.cap_before = {CapUnit::kDistance, 1609.344};
  decision.cap_after = {CapUnit::kDistance, 2011.68};
  decision.measure = 1609.344;
  decision.good_streak = 3;
  decision.pain_during = 2;
  decision.pain_next_morning = 4;
  decision.baseline = 2;
  decision.baseline_from = Baseline::kDailyPain;
  decision.pace_s_per_km = 360;
  decision.first_pace_s_per_km = 370;
  decision.target_pace_s_per_km = 359;
  decision.paused_until = *ParseDate("2026-03-09");
  decision.spike = true;
  decision.longest_before = 1000;
  decision.layoff_days = 34;
  decision.bouts = 3;
  decision.bouts_added = true;
  decision.trend_recent = 3.5;
  decision.trend_before = 2;
  return decision;
}

TEST(Explain, EveryRunRuleSentenceIsFilledInBothUnits) {
  for (RunReason reason : kAllReasons) {
    for (CapChange change : {CapChange::kNone, CapChange::kProgress, CapChange::kStepBack,
                             CapChange::kPause}) {
      for (DistanceUnit units : {DistanceUnit::kKilometres, DistanceUnit::kMiles}) {
        for (const std::string& sentence : ExplainDecision(Decision(reason, change), units)) {
          SCOPED_TRACE(std::string(RunReasonId(reason)) + ": " + sentence);
          EXPECT_EQ(sentence.find('{'), std::string::npos);
          EXPECT_EQ(sentence.find('_'), std::string::npos);  // no id leaks through
          EXPECT_FALSE(sentence.empty());
          if (units == DistanceUnit::kMiles) {
            EXPECT_EQ(sentence.find("km"), std::string::npos);
          }
        }
      }
    }
  }
}

TEST(Explain, TheNumbersComeFromTheConstants) {
  const auto sentences =
      ExplainDecision(Decision(RunReason::kStepBackPain, CapChange::kPause), DistanceUnit::kKilometres);
  const std::string text = JoinSentences(sentences);
  EXPECT_NE(text.find(std::to_string(thresholds::kHoldMaxPain + 1) + " or more"), std::string::npos)
      << text;
  EXPECT_NE(text.find(std::to_string(thresholds::kPauseDays) + " days"), std::string::npos) << text;
  EXPECT_NE(text.find(Percent(thresholds::kSpikeFraction)), std::string::npos) << text;
}

// Every template in the content uses only names the program fills: filled with every
// name there is, none is left in braces.
// A run inside the at-cap tolerance but short of the cap counts towards raising it, and
// the sentence gives its own distance instead of claiming it was run at the cap.
TEST(Explain, AGoodRunShortOfTheCapIsNotSaidToBeAtIt) {
  RunDecision decision = Decision(RunReason::kGoodCounting, CapChange::kNone);
  decision.spike = false;
  decision.cap_before = {CapUnit::kDistance, 2500};
  decision.cap_after = decision.cap_before;
  decision.measure = 2250;
  decision.good_streak = 1;
  const std::string said = JoinSentences(ExplainDecision(decision, DistanceUnit::kKilometres));
  EXPECT_EQ(said.find("good runs at 2.50 km"), std::string::npos) << said;
  EXPECT_NE(said.find("At 2.25 km, within 10 % of the cap of 2.50 km, it counts"),
            std::string::npos)
      << said;

  decision.measure = 2500;
  const std::string at_cap = JoinSentences(ExplainDecision(decision, DistanceUnit::kKilometres));
  EXPECT_NE(at_cap.find("That is 1 of 3 good runs at 2.50 km."), std::string::npos) << at_cap;
}

TEST(Explain, EveryTemplateInTheContentIsFilledByTheProgram) {
  const MessageValues all = {
      {"cap", "x"},        {"cap_before", "x"},     {"cap_after", "x"},   {"run", "x"},
      {"pain", "x"},       {"morning", "x"},        {"baseline", "x"},    {"baseline_source", "x"},
      {"pace", "x"},       {"first_pace", "x"},     {"target_pace", "x"}, {"streak", "x"},
      {"good_runs", "x"},  {"plateau_runs", "x"},   {"pace_gain", "x"},   {"hold_from", "x"},
      {"hold_max", "x"},   {"step_back_from", "x"}, {"pause_days", "x"},  {"paused_until", "x"},
      {"spike_pct", "x"},  {"spike_days", "x"},     {"longest", "x"},     {"run_date", "x"},
      {"old_pain", "x"},   {"date", "x"},           {"session", "x"},     {"sessions", "x"},
      {"series", "x"},     {"why", "x"},            {"runs", "x"},        {"reduced_runs", "x"},
      {"reduced_pct", "x"}, {"warm_up_minutes", "x"}, {"walk_minutes", "x"}, {"walk", "x"},
      {"total", "x"},      {"layoff_days", "x"},    {"trend_recent", "x"}, {"trend_before", "x"},
      {"bouts", "x"},      {"at_cap_pct", "x"},   {"baseline_date", "x"},
      {"reserve", "x"},    {"exercise", "x"},       {"good_max", "x"},    {"entry", "x"},
      {"changes", "x"},    {"distance", "x"},       {"time", "x"},
      // The importer's (app/import.h).
      {"detail", "x"},     {"sport", "x"},          {"match", "x"},       {"file", "x"},
      {"min_seconds", "x"}, {"min_distance", "x"},  {"warning", "x"},   {"count", "x"},
      {"read", "x"},       {"first", "x"},          {"last", "x"},
      // The pairing page's (server/pair_page.h).
      {"minutes", "x"},
  };
  auto content = LoadBuiltinContent();
  ASSERT_TRUE(content.has_value());
  for (std::string_view id : RequiredMessageIds()) {
    EXPECT_TRUE((*content)->messages.contains(id)) << id;
  }
  for (const auto& [id, text] : (*content)->messages) {
    const std::string filled = (*content)->Message(id, all);
    EXPECT_EQ(filled.find('{'), std::string::npos) << id << ": " << filled;
  }
  EXPECT_EQ(VerdictLabel(RunVerdict::kStepBack), "stepped back");
}

}  // namespace
}  // namespace backstride

namespace backstride {
namespace {

// Every plan the core builds reads in full in both units: every session, phase and note
// worded, no template name left, no kilometre in a mile runner's plan.
TEST(Explain, EveryRoutesPlanIsWordedInBothUnits) {
  for (Route route : {Route::kNewRunner, Route::kReturningRunner, Route::kSeasonedTreatment,
                      Route::kSeasonedRehab}) {
    for (int worst : {4, 7}) {
      for (DistanceUnit units : {DistanceUnit::kKilometres, DistanceUnit::kMiles}) {
        PlanInput input;
        input.route = route;
        input.answers.age = 40;
        input.answers.pain.worst = worst;
        input.answers.pain.onset_km = 3;
        input.start = *ParseDate("2026-03-02");
        input.today = AddDays(input.start, 100);  // into the maintenance block
        input.runs_per_week = 4;
        input.units = units;
        // Two step-backs in week 8 pause running; a long run trips the guard.
        input.runs = {{1, AddDays(input.start, 49), 2000, 720, 7, 1, 1},
                      {2, AddDays(input.start, 51), 2000, 720, 8, 1, 1},
                      {3, AddDays(input.start, 70), 6000, 2100, 1, 1, 1}};
        auto plan = BuildPlan(input);
        ASSERT_TRUE(plan.has_value());
        WordPlan(*plan, units);
        std::string all;
        for (const Session& s : plan->sessions) {
          EXPECT_FALSE(s.title.empty()) << s.text;
          EXPECT_FALSE(s.details.empty()) << s.text;
          all += s.title + "\n" + s.details + "\n";
        }
        for (const Phase& p : plan->phases) all += p.name + "\n" + p.purpose + "\n";
        for (const std::string& note : plan->notes) all += note + "\n";
        SCOPED_TRACE(std::string(RouteId(route)) + (units == DistanceUnit::kMiles ? " mi" : " km"));
        EXPECT_EQ(all.find('{'), std::string::npos) << all.substr(all.find('{') == std::string::npos ? 0 : all.find('{'), 200);
        if (units == DistanceUnit::kMiles) {
          EXPECT_EQ(all.find("km"), std::string::npos) << all.substr(all.find("km") == std::string::npos ? 0 : all.find("km") - 200, 300);
        }
        EXPECT_NE(all.find("Running paused"), std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace backstride
