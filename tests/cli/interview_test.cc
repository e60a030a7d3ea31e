// The interview loop in-process, with scripted input.
#include "cli/interview.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/assess_command.h"
#include "core/triage.h"

namespace backstride::cli {
namespace {

const Content& Texts() { return **LoadBuiltinContent(); }

std::string Lines(std::initializer_list<const char*> lines) {
  std::string text;
  for (const char* line : lines) text += std::string(line) + "\n";
  return text;
}

// The screen answered with no warning sign: the seven emergency signs, where (lower back),
// when (after runs) and whether it is improving (better), then the seven other signs.
const std::string kNoFlags =
    Lines({"no", "no", "no", "no", "no", "no", "no", "lower back", "after", "better", "no", "no",
           "no", "no", "no", "no", "no"});

TEST(Interview, RefusedReplyIsAskedAgainWithWhatIsAllowed) {
  std::istringstream in(kNoFlags + Lines({"200", "52", "n", "none", "n", "3", "2", "", "", "30",
                                          "0", "n", "n", "n", "0"}));
  std::ostringstream out;
  auto outcome = RunInterview(in, out, Texts());
  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->kind, InterviewOutcome::Kind::kComplete) << out.str();
  EXPECT_EQ(outcome->answers.age, 52);
  EXPECT_EQ(outcome->answers.pain.timing, PainTiming::kAfter);
  EXPECT_NE(out.str().find("Please type a whole number from 10 to 100."), std::string::npos);
  EXPECT_EQ(TriageAnswers(outcome->answers).route, Route::kSeasonedTreatment);
}

TEST(Interview, ShowsWhyEachQuestionIsAskedAndTheChoices) {
  std::istringstream in("quit\n");
  std::ostringstream out;
  auto outcome = RunInterview(in, out, Texts());
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->kind, InterviewOutcome::Kind::kQuit);
  EXPECT_NE(out.str().find("Why we ask:"), std::string::npos);
  EXPECT_NE(out.str().find("[1/"), std::string::npos);
}

TEST(Interview, EndOfInputStopsWithoutAnswers) {
  std::istringstream in("no\nno\n");
  std::ostringstream out;
  auto outcome = RunInterview(in, out, Texts());
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->kind, InterviewOutcome::Kind::kQuit);
}

TEST(Interview, BackAtTheFirstQuestionSaysSo) {
  std::istringstream in("back\nquit\n");
  std::ostringstream out;
  ASSERT_TRUE(RunInterview(in, out, Texts()).has_value());
  EXPECT_NE(out.str().find("This is the first question."), std::string::npos);
}

TEST(Interview, EmergencyStopKeepsTheSignsAnswered) {
  std::istringstream in("no\nno\nyes\n");
  std::ostringstream out;
  auto outcome = RunInterview(in, out, Texts());
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->kind, InterviewOutcome::Kind::kWarningSign);
  EXPECT_EQ(outcome->answers.Flag(RedFlag::kLegWeaknessWorsening), FlagAnswer::kYes);
  EXPECT_EQ(TriageRedFlags(outcome->answers.red_flags)->route, Route::kEmergency);
}

TEST(RunAssess, ConflictingOptionsAreBadInput) {
  std::istringstream in;
  std::ostringstream out, err;
  AssessOptions options;
  options.answers_path = "-";
  options.interactive = true;
  EXPECT_EQ(RunAssess(options, in, out, err, false), kExitBadInput);
  options.interactive = false;
  options.save_answers_path = "x.json";
  EXPECT_EQ(RunAssess(options, in, out, err, false), kExitBadInput);
}

TEST(RunAssess, EmergencyStopGivesNullAnswersInJson) {
  std::istringstream in("yes\n");
  std::ostringstream out, err;
  AssessOptions options;
  options.interactive = true;
  options.format = OutputFormat::kJson;
  ASSERT_EQ(RunAssess(options, in, out, err, false), kExitOk) << err.str();
  EXPECT_NE(out.str().find("\"route\": \"emergency\""), std::string::npos);
  EXPECT_NE(out.str().find("\"answers\": null"), std::string::npos);
}

}  // namespace
}  // namespace backstride::cli

namespace backstride::cli {
namespace {

// DESIGN 2.1a: the questionnaire asks the new signs with "not sure", and a "not sure" to
// the bladder question sends the runner to a doctor today.
TEST(Interview, NotSureAboutTheBladderIsADoctorToday) {
  std::istringstream in(Lines({"no", "not sure", "no", "no", "no", "no", "no", "lower back",
                               "after", "better", "no", "no", "no", "no", "no", "no", "no"}));
  std::ostringstream out;
  auto outcome = RunInterview(in, out, Texts());
  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->kind, InterviewOutcome::Kind::kWarningSign) << out.str();
  EXPECT_NE(out.str().find("a weak stream"), std::string::npos);
  EXPECT_NE(out.str().find("yes/no/not sure"), std::string::npos);
  auto assessment = AssessRedFlags(outcome->answers.red_flags, outcome->context);
  ASSERT_TRUE(assessment.has_value());
  EXPECT_EQ(assessment->triage.route, Route::kSeeDoctor);
  EXPECT_EQ(assessment->triage.urgency, Urgency::kToday);
}

TEST(Interview, AYesToANewEmergencySignStopsAtOnce) {
  std::istringstream in(Lines({"no", "no", "no", "no", "yes"}));  // both legs
  std::ostringstream out;
  auto outcome = RunInterview(in, out, Texts());
  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->kind, InterviewOutcome::Kind::kWarningSign);
  EXPECT_EQ(AssessRedFlags(outcome->answers.red_flags)->triage.route, Route::kEmergency);
}

}  // namespace
}  // namespace backstride::cli
