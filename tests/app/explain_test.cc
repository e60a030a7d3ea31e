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
TEST(Explain, EveryTemplateInTheContentIsFilledByTheProgram) {
  const MessageValues all = {
      {"cap", "x"},        {"cap_before", "x"},     {"cap_after", "x"},   {"run", "x"},
      {"pain", "x"},       {"morning", "x"},        {"baseline", "x"},    {"baseline_source", "x"},
      {"pace", "x"},       {"first_pace", "x"},     {"target_pace", "x"}, {"streak", "x"},
      {"good_runs", "x"},  {"plateau_runs", "x"},   {"pace_gain", "x"},   {"hold_from", "x"},
      {"hold_max", "x"},   {"step_back_from", "x"}, {"pause_days", "x"},  {"paused_until", "x"},
      {"spike_pct", "x"},  {"spike_days", "x"},     {"longest", "x"},     {"run_date", "x"},
      {"old_pain", "x"},   {"date", "x"},           {"session", "x"},     {"sessions", "x"},
      {"series", "x"},     {"why", "x"},            {"runs", "x"},
  };
  auto content = LoadBuiltinContent();
  ASSERT_TRUE(content.has_value());
  for (std::string_view id : RequiredMessageIds()) {
    const std::string text = (*content)->Message(id, all);
    EXPECT_EQ(text.find('{'), std::string::npos) << id << ": " << text;
  }
  EXPECT_EQ(VerdictLabel(RunVerdict::kStepBack), "stepped back");
}

}  // namespace
}  // namespace backstride
