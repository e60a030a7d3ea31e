// Triage: the seven routes of DESIGN 2.1 in their order, at every boundary, and the
// rule that a warning sign always wins.
#include "core/triage.h"

#include "core/advice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace backstride {
namespace {

// An experienced runner with mild pain, no warning signs: route 7 unless changed.
Answers Base() {
  Answers answers;
  answers.age = 34;
  answers.history = {.months_running = 24, .break_months = 0, .months_since_return = 0};
  answers.pain.location = PainLocation::kLowerBack;
  answers.pain.timing = PainTiming::kDuring;
  answers.pain.worst = 4;
  answers.pain.weeks = 3;
  return answers;
}

struct Row {
  const char* change;
  std::function<void(Answers&)> apply;
  Route route;
};

// Each row is one boundary of DESIGN 2.1, read as: starting from Base(), <change> gives
// <route>.
const std::vector<Row>& BoundaryTable() {
  using R = Route;
  static const std::vector<Row> rows = {
      {"nothing changed", [](Answers&) {}, R::kSeasonedTreatment},
      // Age 15/16 (NICE NG59 adult range).
      {"age 15", [](Answers& a) { a.age = 15; }, R::kSeeClinician},
      {"age 16", [](Answers& a) { a.age = 16; }, R::kSeasonedTreatment},
      // Worst pain 7/8.
      {"worst 7", [](Answers& a) { a.pain.worst = 7; }, R::kSeasonedTreatment},
      {"worst 8", [](Answers& a) { a.pain.worst = 8; }, R::kSeeClinician},
      {"leg above knee", [](Answers& a) { a.pain.leg_symptoms = LegSymptoms::kAboveKnee; },
       R::kSeasonedTreatment},
      {"leg below knee", [](Answers& a) { a.pain.leg_symptoms = LegSymptoms::kBelowKnee; },
       R::kSeeClinician},
      {"numbness", [](Answers& a) { a.pain.numbness_or_tingling = true; }, R::kSeeClinician},
      {"constant pain", [](Answers& a) { a.pain.timing = PainTiming::kConstant; }, R::kSeeDoctor},
      {"pain during and after", [](Answers& a) { a.pain.timing = PainTiming::kDuringAndAfter; },
       R::kSeasonedTreatment},
      // 6 and 12 months of running.
      {"11 months running", [](Answers& a) { a.history.months_running = 11; }, R::kNewRunner},
      {"12 months running", [](Answers& a) { a.history.months_running = 12; },
       R::kSeasonedTreatment},
      {"0 months running", [](Answers& a) { a.history.months_running = 0; }, R::kNewRunner},
      {"5 months running, 3-month break",
       [](Answers& a) {
         a.history = {5, 3, 0};
       },
       R::kNewRunner},
      {"6 months running, 3-month break",
       [](Answers& a) {
         a.history = {6, 3, 0};
       },
       R::kReturningRunner},
      // 3-month break and 3 months since return.
      {"2-month break",
       [](Answers& a) {
         a.history = {24, 2, 0};
       },
       R::kSeasonedTreatment},
      {"3-month break, not back yet",
       [](Answers& a) {
         a.history = {24, 3, 0};
       },
       R::kReturningRunner},
      {"3-month break, back 2 months",
       [](Answers& a) {
         a.history = {24, 3, 2};
       },
       R::kReturningRunner},
      {"3-month break, back 3 months",
       [](Answers& a) {
         a.history = {24, 3, 3};
       },
       R::kSeasonedTreatment},
      {"6 months running, 2-month break",
       [](Answers& a) {
         a.history = {6, 2, 0};
       },
       R::kNewRunner},
      // 3 treatment sessions.
      {"2 sessions, not helped",
       [](Answers& a) { a.pain.treatment_sessions = 2, a.pain.treatment_helped = false; },
       R::kSeasonedTreatment},
      {"3 sessions, not helped",
       [](Answers& a) { a.pain.treatment_sessions = 3, a.pain.treatment_helped = false; },
       R::kSeasonedRehab},
      {"3 sessions, helped",
       [](Answers& a) { a.pain.treatment_sessions = 3, a.pain.treatment_helped = true; },
       R::kSeasonedTreatment},
      {"3 sessions, not known yet",
       [](Answers& a) { a.pain.treatment_sessions = 3, a.pain.treatment_helped.reset(); },
       R::kSeasonedTreatment},
      // Order: an earlier route wins over a later one that also matches.
      {"new runner whom treatment did not help",
       [](Answers& a) {
         a.history.months_running = 10;
         a.pain.treatment_sessions = 5, a.pain.treatment_helped = false;
       },
       R::kNewRunner},
      {"returning runner whom treatment did not help",
       [](Answers& a) {
         a.history = {24, 6, 1};
         a.pain.treatment_sessions = 5, a.pain.treatment_helped = false;
       },
       R::kReturningRunner},
      {"returning runner with severe pain",
       [](Answers& a) {
         a.history = {24, 6, 1};
         a.pain.worst = 9;
       },
       R::kSeeClinician},
      {"teenager with constant pain",
       [](Answers& a) {
         a.age = 14;
         a.pain.timing = PainTiming::kConstant;
       },
       R::kSeeDoctor},
      {"fever and pain below the knee",
       [](Answers& a) {
         a.Set(RedFlag::kFeverOrUnwell, true);
         a.pain.leg_symptoms = LegSymptoms::kBelowKnee;
       },
       R::kSeeDoctor},
      {"saddle numbness and fever",
       [](Answers& a) {
         a.Set(RedFlag::kSaddleNumbness, true);
         a.Set(RedFlag::kFeverOrUnwell, true);
       },
       R::kEmergency},
  };
  return rows;
}

TEST(Triage, BoundaryTable) {
  for (const Row& row : BoundaryTable()) {
    Answers answers = Base();
    row.apply(answers);
    const Triage triage = TriageAnswers(answers);
    EXPECT_EQ(RouteId(triage.route), RouteId(row.route)) << row.change;
    EXPECT_FALSE(triage.reasons.empty()) << row.change;
  }
}

TEST(Triage, ReasonsNameTheAnswerAndTheThreshold) {
  Answers answers = Base();
  answers.pain.worst = 9;
  answers.age = 15;
  const Triage triage = TriageAnswers(answers);
  ASSERT_EQ(triage.reasons.size(), 2u);
  EXPECT_EQ(triage.reasons[0].field, "pain.worst");
  EXPECT_EQ(triage.reasons[0].answer, "9");
  EXPECT_EQ(triage.reasons[0].threshold, "≥ 8");
  EXPECT_EQ(triage.reasons[1].field, "age");
  EXPECT_EQ(triage.reasons[1].threshold, "< 16");
  // The numbers come from the thresholds, for the sentence to name.
  EXPECT_EQ(triage.reasons[0].kind, ReasonKind::kSeverePain);
  EXPECT_EQ(triage.reasons[0].limit, 8);
  EXPECT_EQ(triage.reasons[1].kind, ReasonKind::kTooYoung);
  EXPECT_EQ(triage.reasons[1].limit, 16);
}

TEST(Triage, ReturningRunnerReasonsCoverAllThreeConditions) {
  Answers answers = Base();
  answers.history = {60, 12, 1};
  const Triage triage = TriageAnswers(answers);
  ASSERT_EQ(triage.route, Route::kReturningRunner);
  std::vector<std::string> fields;
  for (const Reason& reason : triage.reasons) fields.push_back(reason.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"history.months_running", "history.break_months",
                                              "history.months_since_return"}));
}

TEST(Triage, EveryRedFlagIsListedNotOnlyTheDecidingOne) {
  Answers answers = Base();
  for (RedFlag flag : kAllRedFlags) answers.Set(flag, true);
  const Triage triage = TriageAnswers(answers);
  EXPECT_EQ(triage.route, Route::kEmergency);
  EXPECT_EQ(triage.red_flags.size(), kRedFlagCount);
  // The reasons explain the deciding rule: the seven emergency signs.
  EXPECT_EQ(triage.reasons.size(), 7u);
}

TEST(Triage, ConstantPainIsAReasonButNotARedFlag) {
  Answers answers = Base();
  answers.pain.timing = PainTiming::kConstant;
  const Triage triage = TriageAnswers(answers);
  EXPECT_EQ(triage.route, Route::kSeeDoctor);
  EXPECT_TRUE(triage.red_flags.empty());
  ASSERT_EQ(triage.reasons.size(), 1u);
  EXPECT_EQ(ReasonRuleId(triage.reasons[0].kind), "constant_pain");
}

// How soon each route-1 and route-2 case is seen, and how a "not sure" reads.
TEST(Triage, UrgencyTable) {
  using F = FlagAnswer;
  struct Case {
    const char* what;
    std::vector<std::pair<RedFlag, FlagAnswer>> signs;
    bool constant_pain;
    Route route;
    std::optional<Urgency> urgency;
    std::vector<RedFlag> unsure;
  };
  const Case cases[] = {
      {"no sign", {}, false, Route::kSeasonedTreatment, std::nullopt, {}},
      {"saddle numbness", {{RedFlag::kSaddleNumbness, F::kYes}}, false, Route::kEmergency,
       Urgency::kNow, {}},
      {"fever", {{RedFlag::kFeverOrUnwell, F::kYes}}, false, Route::kSeeDoctor, Urgency::kToday, {}},
      {"cancer", {{RedFlag::kCancerHistory, F::kYes}}, false, Route::kSeeDoctor, Urgency::kSoon, {}},
      {"constant pain", {}, true, Route::kSeeDoctor, Urgency::kSoon, {}},
      {"cancer and fever", {{RedFlag::kCancerHistory, F::kYes}, {RedFlag::kFeverOrUnwell, F::kYes}},
       false, Route::kSeeDoctor, Urgency::kToday, {}},
      {"unsure saddle numbness", {{RedFlag::kSaddleNumbness, F::kUnsure}}, false,
       Route::kSeeDoctor, Urgency::kToday, {RedFlag::kSaddleNumbness}},
      {"unsure bladder, yes cancer",
       {{RedFlag::kBladderOrBowelChange, F::kUnsure}, {RedFlag::kCancerHistory, F::kYes}}, false,
       Route::kSeeDoctor, Urgency::kToday, {RedFlag::kBladderOrBowelChange}},
      {"yes bladder, unsure saddle",
       {{RedFlag::kSaddleNumbness, F::kUnsure}, {RedFlag::kBladderOrBowelChange, F::kYes}}, false,
       Route::kEmergency, Urgency::kNow, {RedFlag::kSaddleNumbness}},
      {"unsure cancer", {{RedFlag::kCancerHistory, F::kUnsure}}, false, Route::kSeeDoctor,
       Urgency::kSoon, {RedFlag::kCancerHistory}},
      {"unsure fever", {{RedFlag::kFeverOrUnwell, F::kUnsure}}, false, Route::kSeeDoctor,
       Urgency::kToday, {RedFlag::kFeverOrUnwell}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Answers answers = Base();
    for (const auto& [flag, answer] : c.signs) answers.Set(flag, answer);
    if (c.constant_pain) answers.pain.timing = PainTiming::kConstant;
    const Triage triage = TriageAnswers(answers);
    EXPECT_EQ(triage.route, c.route);
    EXPECT_EQ(triage.urgency, c.urgency);
    EXPECT_EQ(triage.unsure_flags, c.unsure);
    EXPECT_EQ(triage.red_flags.size(), c.signs.size()) << "every sign set is listed";
    // The signs alone decide the same route (a red flag is read first).
    if (!c.signs.empty()) {
      const auto alone = TriageRedFlags(answers.red_flags);
      ASSERT_TRUE(alone.has_value());
      EXPECT_EQ(alone->route, c.route);
      EXPECT_EQ(alone->urgency, c.urgency);
    } else {
      EXPECT_FALSE(TriageRedFlags(answers.red_flags).has_value());
    }
  }
}

TEST(Triage, AnUnsureEmergencySignNamesTheSignToCheck) {
  Answers answers = Base();
  answers.Set(RedFlag::kLegWeaknessWorsening, FlagAnswer::kUnsure);
  const Triage triage = TriageAnswers(answers);
  ASSERT_EQ(triage.reasons.size(), 1u);
  EXPECT_EQ(triage.reasons[0].kind, ReasonKind::kUnsureEmergencySign);
  EXPECT_EQ(ReasonRuleId(triage.reasons[0].kind), "unsure_emergency_sign");
  EXPECT_EQ(triage.reasons[0].answer, "unsure");
  EXPECT_EQ(triage.reasons[0].sign, RedFlag::kLegWeaknessWorsening);
  EXPECT_EQ(triage.reasons[0].field, "red_flags.leg_weakness_worsening");
}

TEST(Triage, ReturningRunnerJustStartedIsItsOwnSentence) {
  Answers answers = Base();
  answers.history = {60, 12, 0};
  const Triage triage = TriageAnswers(answers);
  ASSERT_EQ(triage.reasons.size(), 3u);
  EXPECT_EQ(triage.reasons[2].kind, ReasonKind::kReturningJustStarted);
  answers.history.months_since_return = 0.5;
  EXPECT_EQ(TriageAnswers(answers).reasons[2].kind, ReasonKind::kReturningBackFor);
  EXPECT_EQ(TriageAnswers(answers).reasons[2].answer, "0.5");
}

// The JSON's rule ids stay as they were before the sentences moved to the content; the
// template ids add the case after a dot.
TEST(Triage, ReasonIdsAreStable) {
  std::set<std::string> rules;
  std::set<std::string> kinds;
  for (ReasonKind kind : kAllReasonKinds) {
    rules.insert(std::string(ReasonRuleId(kind)));
    kinds.insert(std::string(ReasonKindId(kind)));
  }
  EXPECT_EQ(kinds.size(), kAllReasonKinds.size()) << "each kind has its own template id";
  EXPECT_EQ(rules, (std::set<std::string>{"emergency_sign", "unsure_emergency_sign", "warning_sign",
                                          "unsure_warning_sign", "constant_pain", "leg_below_knee",
                                          "numbness_or_tingling", "severe_pain", "under_16",
                                          "returning_runner", "new_runner", "seasoned",
                                          "treatment_not_helped", "treatment_first",
                                          "mid_upper_back", "first_episode_50", "location_other",
                                          "not_improving", "bone_stress"}));
  EXPECT_EQ(ReasonKindId(ReasonKind::kReturningBreak), "returning_runner.break_months");
  EXPECT_EQ(ReasonRuleId(ReasonKind::kReturningBreak), "returning_runner");
}

TEST(Triage, RouteIdsAreStableAndRoundTrip) {
  const std::vector<std::string> expected = {"emergency",         "see_doctor", "see_clinician",
                                             "returning_runner",  "new_runner", "seasoned_rehab",
                                             "seasoned_treatment"};
  for (std::size_t i = 0; i < kAllRoutes.size(); ++i) {
    EXPECT_EQ(RouteId(kAllRoutes[i]), expected[i]);
    EXPECT_EQ(RouteFromId(expected[i]), kAllRoutes[i]);
  }
  EXPECT_FALSE(RouteFromId("jogging").has_value());
}

// Calls `visit` for every profile in a grid that spans every threshold on both sides,
// with no warning signs set.
void ForEachProfile(const std::function<void(const Answers&)>& visit) {
  struct HistoryCase {
    double running, gap, back;
  };
  struct TreatmentCase {
    int sessions;
    std::optional<bool> helped;
  };
  const HistoryCase histories[] = {{0, 0, 0},    {5, 3, 0},    {6, 3, 0},   {6, 2, 0},
                                   {11, 0, 0},   {12, 0, 0},   {12, 3, 2},  {12, 3, 3},
                                   {100, 24, 0}, {100, 24, 2}, {100, 24, 3}};
  const TreatmentCase treatments[] = {{0, std::nullopt}, {2, false},        {3, false},
                                      {3, true},         {3, std::nullopt}, {12, false}};
  for (int age : {10, 15, 16, 45, 100}) {
    for (const HistoryCase& h : histories) {
      for (PainTiming timing : {PainTiming::kDuring, PainTiming::kAfter,
                                PainTiming::kDuringAndAfter, PainTiming::kConstant}) {
        for (int worst : {0, 7, 8, 10}) {
          for (LegSymptoms leg :
               {LegSymptoms::kNone, LegSymptoms::kAboveKnee, LegSymptoms::kBelowKnee}) {
            for (bool numbness : {false, true}) {
              for (const TreatmentCase& t : treatments) {
                Answers answers;
                answers.age = age;
                answers.history = {h.running, h.gap, h.back};
                answers.pain.timing = timing;
                answers.pain.worst = worst;
                answers.pain.leg_symptoms = leg;
                answers.pain.numbness_or_tingling = numbness;
                answers.pain.treatment_sessions = t.sessions;
                answers.pain.treatment_helped = t.helped;
                visit(answers);
              }
            }
          }
        }
      }
    }
  }
}

// DESIGN 2.1 restated as the table reads, independently of triage.cc's structure.
Route RouteByTheTable(const Answers& a) {
  const auto yes = [&a](RedFlag flag) { return a.Flag(flag) == FlagAnswer::kYes; };
  const bool emergency = yes(RedFlag::kSaddleNumbness) || yes(RedFlag::kBladderOrBowelChange) ||
                         yes(RedFlag::kLegWeaknessWorsening);
  if (emergency) return Route::kEmergency;
  bool doctor = a.pain.timing == PainTiming::kConstant;
  for (RedFlag flag : kAllRedFlags) doctor = doctor || a.IsSet(flag);  // yes or not sure
  if (doctor) return Route::kSeeDoctor;
  if (a.pain.leg_symptoms == LegSymptoms::kBelowKnee || a.pain.numbness_or_tingling ||
      a.pain.worst >= 8 || a.age < 16) {
    return Route::kSeeClinician;
  }
  if (a.history.months_running >= 6 && a.history.break_months >= 3 &&
      a.history.months_since_return < 3) {
    return Route::kReturningRunner;
  }
  if (a.history.months_running < 12) return Route::kNewRunner;
  if (a.pain.treatment_sessions >= 3 && a.pain.treatment_helped == false) {
    return Route::kSeasonedRehab;
  }
  return Route::kSeasonedTreatment;
}

TEST(TriageProperty, EveryProfileGetsTheRouteTheTableGives) {
  std::size_t profiles = 0;
  std::array<std::size_t, kAllRoutes.size()> seen{};
  ForEachProfile([&](const Answers& answers) {
    const Triage triage = TriageAnswers(answers);
    ASSERT_EQ(triage.route, RouteByTheTable(answers)) << AnswersToJson(answers);
    ASSERT_TRUE(triage.red_flags.empty());
    ASSERT_FALSE(triage.reasons.empty());
    ++seen[static_cast<std::size_t>(triage.route)];
    ++profiles;
  });
  EXPECT_GT(profiles, 10000u);
  // The grid reaches every route but emergency (which needs a red flag).
  for (Route route : kAllRoutes) {
    if (route != Route::kEmergency) {
      EXPECT_GT(seen[static_cast<std::size_t>(route)], 0u) << RouteId(route);
    }
  }
}

TEST(TriageProperty, AnyRedFlagOnAnyProfileGivesNoPlan) {
  ForEachProfile([](const Answers& profile) {
    for (RedFlag flag : kAllRedFlags) {
      Answers answers = profile;
      answers.Set(flag, true);
      const Triage triage = TriageAnswers(answers);
      ASSERT_FALSE(LeadsToPlan(triage.route)) << RedFlagId(flag) << AnswersToJson(answers);
      ASSERT_EQ(triage.route, IsEmergencyFlag(flag) ? Route::kEmergency : Route::kSeeDoctor);
      ASSERT_EQ(triage.red_flags, std::vector<RedFlag>{flag});
    }
  });
}

TEST(TriageProperty, EveryPairOfRedFlagsIsListed) {
  for (RedFlag first : kAllRedFlags) {
    for (RedFlag second : kAllRedFlags) {
      if (first >= second) continue;
      Answers answers = Base();
      answers.Set(first, true);
      answers.Set(second, true);
      const Triage triage = TriageAnswers(answers);
      EXPECT_EQ(triage.red_flags, (std::vector<RedFlag>{first, second}));
      EXPECT_EQ(triage.route, IsEmergencyFlag(first) || IsEmergencyFlag(second)
                                  ? Route::kEmergency
                                  : Route::kSeeDoctor);
    }
  }
}

// Base() in the second format (DESIGN 2.1a): every new question answered, nothing found.
Answers Base2() {
  Answers answers = Base();
  answers.format = AnswersFormat::kSecond;
  answers.history.recent_increase = false;
  answers.pain.first_episode = false;
  answers.pain.improving = Improving::kBetter;
  answers.bone_stress = BoneStress{};
  answers.inflammatory = InflammatoryFeatures{};
  return answers;
}

// Each row is one rule of DESIGN 2.1a: starting from Base2() (34, seasoned, lower-back pain
// during runs for 3 weeks, getting better), <change> gives <route>, <urgency>, <notices>.
TEST(Triage, SecondScreenTable) {
  using R = Route;
  using U = Urgency;
  using F = FlagAnswer;
  struct Case {
    const char* change;
    std::function<void(Answers&)> apply;
    Route route;
    std::optional<Urgency> urgency;
    std::vector<Notice> notices = {};
  };
  const auto features = [](Answers& a, int n) {
    for (int i = 0; i < n; ++i) (*a.inflammatory)[static_cast<std::size_t>(i)] = true;
  };
  const Case cases[] = {
      {"nothing changed", [](Answers&) {}, R::kSeasonedTreatment, std::nullopt},
      // Emergency signs (cauda equina, aneurysm, major trauma), yes and unsure.
      {"sexual function", [](Answers& a) { a.Set(RedFlag::kSexualFunctionChange, true); },
       R::kEmergency, U::kNow},
      {"both legs", [](Answers& a) { a.Set(RedFlag::kBothLegs, true); }, R::kEmergency, U::kNow},
      {"sudden pain, faint", [](Answers& a) { a.Set(RedFlag::kSuddenSeverePainFaint, true); },
       R::kEmergency, U::kNow},
      {"major trauma", [](Answers& a) { a.Set(RedFlag::kMajorTrauma, true); }, R::kEmergency,
       U::kNow},
      {"unsure both legs", [](Answers& a) { a.Set(RedFlag::kBothLegs, F::kUnsure); },
       R::kSeeDoctor, U::kToday},
      {"unsure major trauma", [](Answers& a) { a.Set(RedFlag::kMajorTrauma, F::kUnsure); },
       R::kSeeDoctor, U::kToday},
      // Infection risk: today with fever or constant pain, else soon.
      {"infection risk", [](Answers& a) { a.Set(RedFlag::kInfectionRisk, true); }, R::kSeeDoctor,
       U::kSoon},
      {"infection risk, constant pain",
       [](Answers& a) {
         a.Set(RedFlag::kInfectionRisk, true);
         a.pain.timing = PainTiming::kConstant;
       },
       R::kSeeDoctor, U::kToday},
      {"infection risk, fever",
       [](Answers& a) {
         a.Set(RedFlag::kInfectionRisk, true);
         a.Set(RedFlag::kFeverOrUnwell, true);
       },
       R::kSeeDoctor, U::kToday},
      {"unsure infection risk", [](Answers& a) { a.Set(RedFlag::kInfectionRisk, F::kUnsure); },
       R::kSeeDoctor, U::kSoon},
      // Cancer (NG234): today with mid/upper-back pain, night pain, worse, weight loss.
      {"cancer alone", [](Answers& a) { a.Set(RedFlag::kCancerHistory, true); }, R::kSeeDoctor,
       U::kSoon},
      {"cancer, mid back",
       [](Answers& a) {
         a.Set(RedFlag::kCancerHistory, true);
         a.pain.location = PainLocation::kMidBack;
       },
       R::kSeeDoctor, U::kToday},
      {"cancer, upper back",
       [](Answers& a) {
         a.Set(RedFlag::kCancerHistory, true);
         a.pain.location = PainLocation::kUpperBack;
       },
       R::kSeeDoctor, U::kToday},
      {"cancer, night pain",
       [](Answers& a) {
         a.Set(RedFlag::kCancerHistory, true);
         a.Set(RedFlag::kNightPainNoRelief, true);
       },
       R::kSeeDoctor, U::kToday},
      {"cancer, worse",
       [](Answers& a) {
         a.Set(RedFlag::kCancerHistory, true);
         a.pain.improving = Improving::kWorse;
       },
       R::kSeeDoctor, U::kToday},
      {"cancer, the same",
       [](Answers& a) {
         a.Set(RedFlag::kCancerHistory, true);
         a.pain.improving = Improving::kSame;
       },
       R::kSeeDoctor, U::kSoon},
      {"cancer, weight loss",
       [](Answers& a) {
         a.Set(RedFlag::kCancerHistory, true);
         a.Set(RedFlag::kUnexplainedWeightLoss, true);
       },
       R::kSeeDoctor, U::kToday},
      {"weight loss alone", [](Answers& a) { a.Set(RedFlag::kUnexplainedWeightLoss, true); },
       R::kSeeDoctor, U::kSoon},
      // Location: mid/upper back to a doctor soon; elsewhere to a clinician.
      {"mid back", [](Answers& a) { a.pain.location = PainLocation::kMidBack; }, R::kSeeDoctor,
       U::kSoon},
      {"upper back", [](Answers& a) { a.pain.location = PainLocation::kUpperBack; },
       R::kSeeDoctor, U::kSoon},
      {"buttock", [](Answers& a) { a.pain.location = PainLocation::kButtock; },
       R::kSeasonedTreatment, std::nullopt},
      {"other", [](Answers& a) { a.pain.location = PainLocation::kOther; }, R::kSeeClinician,
       std::nullopt},
      // First episode: at 50 or over (49/50).
      {"first episode at 49",
       [](Answers& a) {
         a.age = 49;
         a.pain.first_episode = true;
       },
       R::kSeasonedTreatment, std::nullopt},
      {"first episode at 50",
       [](Answers& a) {
         a.age = 50;
         a.pain.first_episode = true;
       },
       R::kSeeDoctor, U::kSoon},
      {"not the first at 60", [](Answers& a) { a.age = 60; }, R::kSeasonedTreatment,
       std::nullopt},
      // More than 12 weeks and not better (12/13 weeks; same, worse, better).
      {"12 weeks, same",
       [](Answers& a) {
         a.pain.weeks = 12;
         a.pain.improving = Improving::kSame;
       },
       R::kSeasonedTreatment, std::nullopt},
      {"13 weeks, same",
       [](Answers& a) {
         a.pain.weeks = 13;
         a.pain.improving = Improving::kSame;
       },
       R::kSeeClinician, std::nullopt},
      {"20 weeks, worse",
       [](Answers& a) {
         a.pain.weeks = 20;
         a.pain.improving = Improving::kWorse;
       },
       R::kSeeClinician, std::nullopt},
      {"20 weeks, better", [](Answers& a) { a.pain.weeks = 20; }, R::kSeasonedTreatment,
       std::nullopt},
      // Bone stress: hop pain, or a risk with hop pain or a recent increase; a week.
      {"hop pain", [](Answers& a) { a.bone_stress->hop_pain = F::kYes; }, R::kSeeClinician,
       U::kWeek},
      {"hop pain unsure", [](Answers& a) { a.bone_stress->hop_pain = F::kUnsure; },
       R::kSeeClinician, U::kWeek},
      {"risk alone", [](Answers& a) { a.bone_stress->risk = F::kYes; }, R::kSeasonedTreatment,
       std::nullopt},
      {"recent increase alone", [](Answers& a) { a.history.recent_increase = true; },
       R::kSeasonedTreatment, std::nullopt},
      {"risk and a recent increase",
       [](Answers& a) {
         a.bone_stress->risk = F::kYes;
         a.history.recent_increase = true;
       },
       R::kSeeClinician, U::kWeek},
      {"bone stress and severe pain",
       [](Answers& a) {
         a.bone_stress->hop_pain = F::kYes;
         a.pain.worst = 9;
       },
       R::kSeeClinician, U::kWeek},
      // Inflammatory back pain (NG65): 13 weeks, begun before 45, 4 features; running goes on.
      {"inflammatory: 4 features, 13 weeks, 34",
       [&](Answers& a) {
         a.pain.weeks = 13;
         features(a, 4);
       },
       R::kSeasonedTreatment, std::nullopt, {Notice::kInflammatoryBackPain}},
      {"inflammatory: 3 features",
       [&](Answers& a) {
         a.pain.weeks = 13;
         features(a, 3);
       },
       R::kSeasonedTreatment, std::nullopt},
      {"inflammatory: 12 weeks",
       [&](Answers& a) {
         a.pain.weeks = 12;
         features(a, 8);
       },
       R::kSeasonedTreatment, std::nullopt},
      {"inflammatory: begun at 45",
       [&](Answers& a) {
         a.age = 46;
         a.pain.weeks = 52;
         features(a, 5);
       },
       R::kSeasonedTreatment, std::nullopt},
      {"inflammatory: begun at 44",
       [&](Answers& a) {
         a.age = 45;
         a.pain.weeks = 52;
         features(a, 5);
       },
       R::kSeasonedTreatment, std::nullopt, {Notice::kInflammatoryBackPain}},
      {"inflammatory on a new runner",
       [&](Answers& a) {
         a.history.months_running = 4;
         a.pain.weeks = 30;
         features(a, 4);
       },
       R::kNewRunner, std::nullopt, {Notice::kInflammatoryBackPain}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.change);
    Answers answers = Base2();
    c.apply(answers);
    const Triage triage = TriageAnswers(answers);
    EXPECT_EQ(RouteId(triage.route), RouteId(c.route));
    EXPECT_EQ(triage.urgency, c.urgency);
    EXPECT_EQ(triage.notices, c.notices);
  }
}

TEST(Advice, ARecentIncreaseDropsBackAndBoneStressStopsRunning) {
  Answers answers = Base2();
  answers.history.recent_increase = true;
  auto advice = AdviceForAnswers(TriageAnswers(answers), answers);
  EXPECT_EQ(advice.back(), AdviceId::kDropBackLoad);
  answers.bone_stress->hop_pain = FlagAnswer::kYes;
  const Triage bone = TriageAnswers(answers);
  advice = AdviceForAnswers(bone, answers);
  EXPECT_EQ(bone.route, Route::kSeeClinician);
  EXPECT_EQ(std::count(advice.begin(), advice.end(), AdviceId::kRestOrReduce), 0);
  EXPECT_EQ(std::count(advice.begin(), advice.end(), AdviceId::kDropBackLoad), 0);
  answers.bone_stress->hop_pain = FlagAnswer::kNo;
  answers.pain.worst = 9;  // the clinician route without bone stress keeps easing off
  advice = AdviceForAnswers(TriageAnswers(answers), answers);
  EXPECT_EQ(std::count(advice.begin(), advice.end(), AdviceId::kRestOrReduce), 1);
}

TEST(Triage, FirstFormatAnswersSayTheNewQuestionsWereNotAsked) {
  Answers answers = Base();
  answers.format = AnswersFormat::kFirst;
  const Triage triage = TriageAnswers(answers);
  EXPECT_EQ(triage.route, Route::kSeasonedTreatment);
  EXPECT_EQ(triage.notices, std::vector<Notice>{Notice::kFirstFormat});
  // Rules on the old fields still apply: mid-back pain goes to a doctor.
  answers.pain.location = PainLocation::kMidBack;
  EXPECT_EQ(TriageAnswers(answers).route, Route::kSeeDoctor);
}

TEST(Triage, AStopAtASignUsesWhatIsKnownForTheUrgency) {
  RedFlagAnswers flags{};
  flags[static_cast<std::size_t>(RedFlag::kCancerHistory)] = FlagAnswer::kYes;
  EXPECT_EQ(TriageRedFlags(flags)->urgency, Urgency::kSoon);  // location not known
  EXPECT_EQ(TriageRedFlags(flags, {.location = PainLocation::kMidBack})->urgency, Urgency::kToday);
  EXPECT_EQ(TriageRedFlags(flags, {.improving = Improving::kWorse})->urgency, Urgency::kToday);
  flags = {};
  flags[static_cast<std::size_t>(RedFlag::kInfectionRisk)] = FlagAnswer::kYes;
  const auto constant = TriageRedFlags(flags, {.timing = PainTiming::kConstant});
  EXPECT_EQ(constant->urgency, Urgency::kToday);
  EXPECT_EQ(constant->reasons.back().kind, ReasonKind::kConstantPain);
}

}  // namespace
}  // namespace backstride
