// The triage reasons in words (DESIGN 5): the core hands out facts, the content holds a
// template for each kind of reason, and the app fills it from the answers and the
// thresholds. Every template filled, every number from a constant, no id shown.
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "app/assess.h"
#include "core/thresholds.h"

namespace backstride {
namespace {

using namespace thresholds;

const Content& Builtin() {
  auto content = LoadBuiltinContent();
  EXPECT_TRUE(content.has_value()) << content.error().message;
  return **content;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// An experienced runner with mild pain and no warning signs.
Answers Base() {
  Answers answers;
  answers.age = 34;
  answers.history = {.months_running = 24, .break_months = 0, .months_since_return = 0};
  answers.pain.worst = 4;
  answers.pain.weeks = 3;
  return answers;
}

// Answers that between them reach every kind of reason: each warning sign answered yes
// and not sure, and each case of routes 2 to 7.
std::vector<Answers> EveryCase() {
  std::vector<Answers> cases;
  for (RedFlag flag : kAllRedFlags) {
    for (FlagAnswer answer : {FlagAnswer::kYes, FlagAnswer::kUnsure}) {
      Answers a = Base();
      a.Set(flag, answer);
      cases.push_back(a);
    }
  }
  const auto with = [&](auto change) {
    Answers a = Base();
    change(a);
    cases.push_back(a);
  };
  with([](Answers& a) { a.pain.timing = PainTiming::kConstant; });
  // DESIGN 2.1a: where the pain is, a first episode at 50+, persistent pain, bone stress.
  with([](Answers& a) {
    a.pain.location = PainLocation::kUpperBack;
    a.age = 55;
    a.pain.first_episode = true;
  });
  with([](Answers& a) {
    a.pain.location = PainLocation::kOther;
    a.pain.weeks = 20;
    a.pain.improving = Improving::kSame;
    a.bone_stress = BoneStress{.hop_pain = FlagAnswer::kYes, .risk = FlagAnswer::kUnsure};
  });
  with([](Answers& a) {
    a.pain.leg_symptoms = LegSymptoms::kBelowKnee;
    a.pain.numbness_or_tingling = true;
    a.pain.worst = 9;
    a.age = 15;
  });
  for (double back : {0.0, 1.0, 2.5}) {
    with([&](Answers& a) { a.history = {60, 12, back}; });
  }
  for (double months : {1.0, 2.5}) {
    with([&](Answers& a) { a.history.months_running = months; });
  }
  with([](Answers& a) {
    a.pain.treatment_sessions = 4;
    a.pain.treatment_helped = false;
  });
  for (int sessions : {0, 1, 2}) {
    with([&](Answers& a) { a.pain.treatment_sessions = sessions; });
  }
  for (std::optional<bool> helped : {std::optional<bool>(true), std::optional<bool>()}) {
    with([&](Answers& a) {
      a.pain.treatment_sessions = 3;
      a.pain.treatment_helped = helped;
    });
  }
  return cases;
}

TEST(Reasons, EveryKindIsReachedAndItsSentenceFilledWithTheAppsValues) {
  const Content& content = Builtin();
  std::set<ReasonKind> seen;
  for (const Answers& answers : EveryCase()) {
    auto assessment = Assess(answers);
    ASSERT_TRUE(assessment.has_value());
    ASSERT_EQ(assessment->reasons.size(), assessment->triage.reasons.size());
    for (std::size_t i = 0; i < assessment->reasons.size(); ++i) {
      const Reason& reason = assessment->triage.reasons[i];
      const std::string& sentence = assessment->reasons[i];
      SCOPED_TRACE(std::string(ReasonKindId(reason.kind)) + ": " + sentence);
      seen.insert(reason.kind);
      EXPECT_EQ(sentence, ReasonText(reason, content));
      EXPECT_FALSE(sentence.empty());
      EXPECT_EQ(sentence.find('{'), std::string::npos);
      EXPECT_EQ(sentence.find('}'), std::string::npos);
      EXPECT_EQ(sentence.find('_'), std::string::npos);  // no id leaks through
      if (Has(reason.field, ".")) {
        EXPECT_FALSE(Has(sentence, reason.field)) << "a field path is shown";
      }
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(sentence.front())));
      EXPECT_EQ(sentence.back(), '.');
    }
  }
  for (ReasonKind kind : kAllReasonKinds) {
    EXPECT_TRUE(seen.count(kind)) << "no case reaches " << ReasonKindId(kind);
  }
}

// Every template names only values the app fills: filled with every name the app gives
// some reason, none is left in braces.
TEST(Reasons, EveryTemplateUsesOnlyNamesTheAppFills) {
  const Content& content = Builtin();
  const MessageValues all = {
      {"answer", "x"}, {"threshold", "x"}, {"max", "x"}, {"sign", "x"}, {"meaning", "x"}};
  for (ReasonKind kind : kAllReasonKinds) {
    const std::string sentence = content.ReasonSentence(kind, all);
    EXPECT_EQ(sentence.find('{'), std::string::npos) << ReasonKindId(kind) << ": " << sentence;
  }
}

// The numbers in the sentences are filled from the constants, never typed: no template
// holds a digit.
TEST(Reasons, NoTemplateTypesANumber) {
  for (const auto& [id, text] : Builtin().reasons) {
    for (char c : text) {
      EXPECT_FALSE(std::isdigit(static_cast<unsigned char>(c))) << id << ": " << text;
    }
  }
}

std::string SentenceFor(const Answers& answers, ReasonKind kind) {
  auto assessment = Assess(answers);
  EXPECT_TRUE(assessment.has_value());
  for (std::size_t i = 0; i < assessment->triage.reasons.size(); ++i) {
    if (assessment->triage.reasons[i].kind == kind) return assessment->reasons[i];
  }
  ADD_FAILURE() << "no reason " << ReasonKindId(kind);
  return {};
}

// A change to a threshold shows in the words.
TEST(Reasons, TheNumbersComeFromTheConstants) {
  Answers severe = Base();
  severe.pain.worst = kMaxPainScore;
  const std::string pain = SentenceFor(severe, ReasonKind::kSeverePain);
  EXPECT_TRUE(Has(pain, std::to_string(kSeverePainScore) + " or more")) << pain;
  EXPECT_TRUE(Has(pain, "out of " + std::to_string(kMaxPainScore))) << pain;

  Answers young = Base();
  young.age = kMinSelfGuidedAge - 1;
  const std::string age = SentenceFor(young, ReasonKind::kTooYoung);
  EXPECT_TRUE(Has(age, "aged " + std::to_string(kMinSelfGuidedAge))) << age;

  Answers returning = Base();
  returning.history = {60, 12, 1};
  const std::string back = SentenceFor(returning, ReasonKind::kReturningBackFor);
  EXPECT_TRUE(Has(back, "1 month,")) << back;
  EXPECT_TRUE(Has(back, std::to_string(kReturningMaxMonthsSinceReturn) + " months")) << back;

  Answers fresh = Base();
  fresh.history.months_running = 2.5;
  const std::string fresh_text = SentenceFor(fresh, ReasonKind::kNewRunner);
  EXPECT_TRUE(Has(fresh_text, "2.5 months")) << fresh_text;
  EXPECT_TRUE(Has(fresh_text, std::to_string(kSeasonedMinMonthsRunning) + " months")) << fresh_text;

  Answers treated = Base();
  treated.pain.treatment_sessions = 1;
  const std::string some = SentenceFor(treated, ReasonKind::kTreatmentSome);
  EXPECT_TRUE(Has(some, "1 session of")) << some;
  EXPECT_TRUE(Has(some, std::to_string(kTreatmentSessionsBeforeRehab) + " sessions")) << some;
}

// A warning sign is named by its question's label, and "not sure" is said so.
TEST(Reasons, AWarningSignIsNamedByItsQuestionsLabel) {
  const Content& content = Builtin();
  for (RedFlag flag : kAllRedFlags) {
    for (FlagAnswer answer : {FlagAnswer::kYes, FlagAnswer::kUnsure}) {
      Answers answers = Base();
      answers.Set(flag, answer);
      auto assessment = Assess(answers);
      ASSERT_TRUE(assessment.has_value());
      ASSERT_EQ(assessment->reasons.size(), 1u);
      const std::string& sentence = assessment->reasons[0];
      EXPECT_TRUE(Has(sentence, *content.RedFlagLabel(flag))) << sentence;
      EXPECT_TRUE(Has(sentence, *content.SignMeaning(flag))) << sentence;
      EXPECT_EQ(Has(sentence, "not sure"), answer == FlagAnswer::kUnsure) << sentence;
    }
  }
  Answers unsure = Base();
  unsure.Set(RedFlag::kSaddleNumbness, FlagAnswer::kUnsure);
  EXPECT_TRUE(Has(Assess(unsure)->reasons[0], "today"));
}

// The JSON carries the stable ids beside the same words the other fronts show.
TEST(Reasons, TheJsonCarriesIdsAndTheSameWords) {
  Answers answers = Base();
  answers.history = {60, 12, 0};
  auto assessment = Assess(answers);
  ASSERT_TRUE(assessment.has_value());
  const auto json = nlohmann::json::parse(AssessmentToJson(*assessment));
  ASSERT_EQ(json["reasons"].size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(json["reasons"][i]["rule"], "returning_runner");
    EXPECT_EQ(json["reasons"][i]["text"], assessment->reasons[i]);
  }
  EXPECT_EQ(json["reasons"][1]["field"], "history.break_months");
  EXPECT_EQ(json["reasons"][1]["answer"], "12");
  EXPECT_EQ(json["reasons"][1]["threshold"], "≥ " + std::to_string(kReturningMinBreakMonths));
}

}  // namespace
}  // namespace backstride
