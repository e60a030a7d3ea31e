// The questionnaire's flow: order, replies, skipping, going back, the emergency stop.
#include "core/questionnaire.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/triage.h"

namespace backstride {
namespace {

const Question& QuestionWithId(std::string_view id) {
  for (const Question& question : AllQuestions()) {
    if (question.id == id) return question;
  }
  ADD_FAILURE() << "no question " << id;
  return AllQuestions().front();
}

// Answers the current question by typing `typed`; fails the test if it is refused.
void Type(Questionnaire& questionnaire, std::string_view typed) {
  const Question* question = questionnaire.Current();
  ASSERT_NE(question, nullptr);
  auto reply = ParseReply(*question, typed);
  ASSERT_TRUE(reply.has_value()) << question->id << ": '" << typed << "' " << reply.error().message;
  questionnaire.Record(*reply);
}

std::string CurrentId(const Questionnaire& questionnaire) {
  return questionnaire.Current() ? std::string(questionnaire.Current()->id) : "(done)";
}

// The questions of the screen that are not warning signs: they set the urgency (DESIGN
// 2.1a), so they come between the emergency signs and the others.
constexpr std::array<std::string_view, 3> kScreenContext = {"pain.location", "pain.timing",
                                                            "pain.improving"};

TEST(Questionnaire, AsksTheEmergencySignsFirstThenWhereAndWhenThenTheOtherRedFlags) {
  const auto questions = AllQuestions();
  std::vector<std::string> expected;
  for (RedFlag flag : kAllRedFlags) {
    if (IsEmergencyFlag(flag)) expected.push_back("red_flags." + std::string(RedFlagId(flag)));
  }
  for (std::string_view id : kScreenContext) expected.emplace_back(id);
  for (RedFlag flag : kAllRedFlags) {
    if (!IsEmergencyFlag(flag)) expected.push_back("red_flags." + std::string(RedFlagId(flag)));
  }
  ASSERT_GE(questions.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(questions[i].id, expected[i]);
    const auto flag = RedFlagFromId(questions[i].id.substr(std::string_view("red_flags.").size() *
                                                           questions[i].id.starts_with("red_flags.")));
    EXPECT_EQ(questions[i].stops_if_yes, flag && IsEmergencyFlag(*flag)) << expected[i];
    EXPECT_EQ(questions[i].red_flag, flag.has_value()) << expected[i];
  }
  // The new signs of DESIGN 2.1a are all asked, each taking "not sure".
  for (const char* id : {"red_flags.sexual_function_change", "red_flags.both_legs",
                         "red_flags.sudden_severe_pain_faint", "red_flags.major_trauma",
                         "red_flags.infection_risk", "bone_stress.hop_pain", "bone_stress.risk"}) {
    EXPECT_TRUE(QuestionWithId(id).warning_sign) << id;
    EXPECT_EQ(ParseReply(QuestionWithId(id), "not sure"), Reply{std::string("unsure")}) << id;
  }
}

// Answers the screen: every red flag "no" and the pain in the lower back, during runs,
// getting better, except the replies in `replies`, by question id.
void AnswerScreen(Questionnaire& q, const std::map<std::string, std::string>& replies = {}) {
  while (q.Current() != nullptr &&
         (q.Current()->red_flag ||
          std::find(kScreenContext.begin(), kScreenContext.end(), q.Current()->id) !=
              kScreenContext.end())) {
    const std::string id(q.Current()->id);
    const auto it = replies.find(id);
    Type(q, it != replies.end() ? it->second : (q.Current()->red_flag ? "no" : "1"));
  }
}

TEST(Questionnaire, EveryFieldOfTheAnswersIsAsked) {
  std::vector<std::string> ids;
  for (const Question& question : AllQuestions()) ids.emplace_back(question.id);
  for (const char* id :
       {"age", "history.months_running", "history.break_months", "history.months_since_return",
        "pain.location", "pain.timing", "pain.onset_minutes", "pain.onset_km", "pain.worst",
        "pain.weeks", "pain.leg_symptoms", "pain.numbness_or_tingling", "pain.treatment_sessions",
        "pain.treatment_helped"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

TEST(ParseReply, UnderstandsWhatPeopleType) {
  const Question& flag = QuestionWithId("red_flags.cancer_history");
  EXPECT_EQ(ParseReply(flag, " Yes "), Reply{true});
  EXPECT_EQ(ParseReply(flag, "n"), Reply{false});
  EXPECT_FALSE(ParseReply(flag, "maybe").has_value());
  EXPECT_FALSE(ParseReply(flag, "").has_value());

  const Question& worst = QuestionWithId("pain.worst");
  EXPECT_EQ(ParseReply(worst, "7"), Reply{7});
  EXPECT_FALSE(ParseReply(worst, "11").has_value());
  EXPECT_FALSE(ParseReply(worst, "7.5").has_value());
  EXPECT_EQ(ParseReply(worst, "eleven").error().message,
            "Please type a whole number from 0 to 10.");

  const Question& km = QuestionWithId("pain.onset_km");
  EXPECT_EQ(ParseReply(km, "1.5"), Reply{1.5});
  EXPECT_EQ(ParseReply(km, "1,5 km"), Reply{1.5});
  EXPECT_EQ(ParseReply(km, ""), Reply{});
  EXPECT_FALSE(ParseReply(km, "0").has_value());
  EXPECT_FALSE(ParseReply(km, "-2").has_value());

  const Question& timing = QuestionWithId("pain.timing");
  EXPECT_EQ(ParseReply(timing, "3"), Reply{std::string("during_and_after")});
  EXPECT_EQ(ParseReply(timing, "during and after"), Reply{std::string("during_and_after")});
  EXPECT_FALSE(ParseReply(timing, "5").has_value());
  EXPECT_FALSE(ParseReply(timing, "0").has_value());

  const Question& helped = QuestionWithId("pain.treatment_helped");
  EXPECT_EQ(ParseReply(helped, "not sure"), Reply{});
}

// Replies for a new runner whose pain starts at 1.5 km, skipping the follow-ups.
void AnswerNewRunner(Questionnaire& q) {
  AnswerScreen(q);
  Type(q, "34");   // age
  Type(q, "no");   // not the first back pain
  Type(q, "1");    // no leg symptoms
  Type(q, "no");   // numbness
  Type(q, "5");    // worst
  Type(q, "3");    // weeks
  Type(q, "");     // onset minutes: not sure
  Type(q, "1.5");  // onset km
  Type(q, "4");    // months running
  Type(q, "0");    // no break: months since return is skipped
  Type(q, "no");   // no recent increase
  Type(q, "no");   // hopping does not hurt
  Type(q, "no");   // no risk of bone stress; 3 weeks: the inflammatory features are skipped
  Type(q, "0");    // no treatment: treatment helped is skipped
}

TEST(Questionnaire, CompleteRunGivesCheckedAnswers) {
  Questionnaire q;
  AnswerNewRunner(q);
  ASSERT_TRUE(q.Finished());
  EXPECT_FALSE(q.Stopped());
  auto answers = q.Finish();
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_EQ(answers->age, 34);
  EXPECT_EQ(answers->pain.onset_km, 1.5);
  EXPECT_FALSE(answers->pain.onset_minutes.has_value());
  EXPECT_EQ(answers->history.months_since_return, 0);
  EXPECT_EQ(TriageAnswers(*answers).route, Route::kNewRunner);
}

TEST(Questionnaire, FollowUpsAreAskedOnlyWhenTheyApply) {
  Questionnaire q;
  const std::size_t all = AllQuestions().size();
  // No break, no treatment yet, and no inflammatory features before the pain's length.
  EXPECT_EQ(q.Total(), all - 2 - kInflammatoryFeatureCount);
  AnswerScreen(q);
  for (const char* reply : {"40", "no", "1", "no", "5", "3", "", ""}) Type(q, reply);
  Type(q, "60");  // months running
  Type(q, "12");  // a break...
  EXPECT_EQ(CurrentId(q), "history.months_since_return");
  EXPECT_EQ(q.Total(), all - 1 - kInflammatoryFeatureCount);
  Type(q, "1");
  for (const char* reply : {"no", "no", "no"}) Type(q, reply);
  Type(q, "4");  // sessions...
  EXPECT_EQ(CurrentId(q), "pain.treatment_helped");
  Type(q, "no");
  auto answers = q.Finish();
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_EQ(TriageAnswers(*answers).route, Route::kReturningRunner);
  EXPECT_EQ(answers->pain.treatment_helped, false);
}

TEST(Questionnaire, GoingBackChangesAnEarlierAnswer) {
  Questionnaire q;
  EXPECT_FALSE(q.Back());  // nothing before the first question
  AnswerScreen(q);
  Type(q, "34");
  EXPECT_EQ(CurrentId(q), "pain.first_episode");
  ASSERT_TRUE(q.Back());
  EXPECT_EQ(CurrentId(q), "age");
  Type(q, "52");
  for (const char* reply : {"no", "1", "no", "5", "3", "", "", "100", "0", "no", "no", "no", "0"}) {
    Type(q, reply);
  }
  auto answers = q.Finish();
  ASSERT_TRUE(answers.has_value());
  EXPECT_EQ(answers->age, 52);
}

TEST(Questionnaire, GoingBackPastAFollowUpDropsItWhenItNoLongerApplies) {
  Questionnaire q;
  AnswerScreen(q);
  for (const char* reply : {"34", "no", "1", "no", "5", "3", "", "", "60", "12", "1"}) {
    Type(q, reply);
  }
  EXPECT_EQ(CurrentId(q), "history.recent_increase");
  ASSERT_TRUE(q.Back());  // months since return
  ASSERT_TRUE(q.Back());  // break months
  Type(q, "0");           // no break after all
  EXPECT_EQ(CurrentId(q), "history.recent_increase");
  for (const char* reply : {"no", "no", "no"}) Type(q, reply);
  Type(q, "0");
  auto answers = q.Finish();
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_EQ(answers->history.months_since_return, 0);
  EXPECT_EQ(TriageAnswers(*answers).route, Route::kSeasonedTreatment);
}

TEST(Questionnaire, EmergencyAnswerStopsAtOnce) {
  Questionnaire q;
  Type(q, "no");
  Type(q, "yes");  // bladder or bowel change
  EXPECT_TRUE(q.Stopped());
  EXPECT_EQ(q.Current(), nullptr);
  EXPECT_FALSE(q.Finish().has_value());  // the rest was never asked
  // A runner who mistyped can go back and correct it.
  ASSERT_TRUE(q.Back());
  EXPECT_FALSE(q.Stopped());
  EXPECT_EQ(CurrentId(q), "red_flags.bladder_or_bowel_change");
}

TEST(Questionnaire, NonEmergencyRedFlagDoesNotStopTheQuestions) {
  Questionnaire q;
  while (CurrentId(q) != "red_flags.fever_or_unwell") {
    Type(q, q.Current()->red_flag ? "no" : "1");
  }
  Type(q, "yes");  // fever
  EXPECT_FALSE(q.Stopped());
  EXPECT_EQ(CurrentId(q), "red_flags.cancer_history");
}

TEST(ParseReply, AWarningSignTakesNotSure) {
  for (const Question& question : AllQuestions()) {
    if (!question.id.starts_with("red_flags.")) continue;
    EXPECT_TRUE(question.warning_sign) << question.id;
    EXPECT_EQ(ParseReply(question, "not sure"), Reply{std::string("unsure")}) << question.id;
    EXPECT_EQ(ParseReply(question, "Unsure"), Reply{std::string("unsure")}) << question.id;
    EXPECT_EQ(ParseReply(question, "no"), Reply{false}) << question.id;
  }
  // Not sure whether treatment helped is still "not known" (null), not a warning sign.
  EXPECT_EQ(ParseReply(QuestionWithId("pain.treatment_helped"), "not sure"), Reply{});
}

// A table of durations as people type them, and what each question records.
TEST(ParseReply, DurationsAsPeopleSayThem) {
  struct Case {
    const char* id;
    const char* typed;
    Reply recorded;
    const char* echoed;  // "" when nothing was converted
  };
  const Case cases[] = {
      {"history.months_running", "18", Reply{18.0}, ""},
      {"history.months_running", "2.5", Reply{2.5}, ""},
      {"history.months_running", "2,5", Reply{2.5}, ""},
      {"history.months_running", "18 months", Reply{18.0}, ""},
      {"history.months_running", "6 weeks", Reply{1.4}, "6 weeks = 1.4 months"},
      {"history.months_running", "1.5 years", Reply{18.0}, "1.5 years = 18 months"},
      {"history.months_running", "1 year", Reply{12.0}, "1 year = 12 months"},
      {"history.months_running", "3yrs", Reply{36.0}, "3 years = 36 months"},
      {"history.break_months", "none", Reply{0.0}, ""},
      {"history.break_months", "0", Reply{0.0}, ""},
      {"history.months_since_return", "10 days", Reply{0.3}, "10 days = 0.3 months"},
      {"pain.weeks", "3", Reply{3}, ""},
      {"pain.weeks", "2 months", Reply{9}, "2 months = 9 weeks"},
      {"pain.weeks", "10 days", Reply{1}, "10 days = 1 week"},
      {"pain.weeks", "1 year", Reply{52}, "1 year = 52 weeks"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.id) + " '" + c.typed + "'");
    const Question& question = QuestionWithId(c.id);
    auto reply = ParseReply(question, c.typed);
    ASSERT_TRUE(reply.has_value()) << reply.error().message;
    if (const double* months = std::get_if<double>(&*reply)) {
      EXPECT_NEAR(*months, std::get<double>(c.recorded), 1e-9);
    } else {
      EXPECT_EQ(*reply, c.recorded);
    }
    const auto conversion = ConversionOf(question, c.typed);
    EXPECT_EQ(conversion ? ConversionText(*conversion) : "", c.echoed);
  }
  for (const char* refused : {"a while", "-3", "six weeks", "3 fortnights", "", "200 years"}) {
    EXPECT_FALSE(ParseReply(QuestionWithId("history.months_running"), refused).has_value())
        << refused;
  }
  EXPECT_NE(ParseReply(QuestionWithId("history.months_running"), "a while")
                .error()
                .message.find("6 weeks"),
            std::string::npos);
}

TEST(Questionnaire, FractionalMonthsReachTheAnswers) {
  Questionnaire q;
  AnswerScreen(q);
  for (const char* reply : {"34", "no", "1", "no", "4", "3", "", "", "6 weeks", "1.5 years", "2.5",
                            "no", "no", "no", "0"}) {
    Type(q, reply);
  }
  auto answers = q.Finish();
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_DOUBLE_EQ(answers->history.months_running, 1.4);
  EXPECT_DOUBLE_EQ(answers->history.break_months, 18);
  EXPECT_DOUBLE_EQ(answers->history.months_since_return, 2.5);
}

TEST(Questionnaire, ASignAnsweredYesOrNotSureStopsOnceTheSignsAreAsked) {
  struct Case {
    const char* sign;
    const char* typed;
    const char* location;  // the reply to "where is the pain", by number
    Route route;
    Urgency urgency;
  };
  const Case cases[] = {
      // An emergency sign, not sure: a doctor today.
      {"red_flags.bladder_or_bowel_change", "not sure", "1", Route::kSeeDoctor, Urgency::kToday},
      {"red_flags.both_legs", "not sure", "1", Route::kSeeDoctor, Urgency::kToday},
      {"red_flags.fever_or_unwell", "yes", "1", Route::kSeeDoctor, Urgency::kToday},
      {"red_flags.cancer_history", "not sure", "1", Route::kSeeDoctor, Urgency::kSoon},
      // Cancer with mid-back pain (NG234): the location, asked before, makes it today.
      {"red_flags.cancer_history", "yes", "2", Route::kSeeDoctor, Urgency::kToday},
      {"red_flags.infection_risk", "yes", "1", Route::kSeeDoctor, Urgency::kSoon},  // the last sign
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.sign) + " " + c.typed);
    Questionnaire q;
    AnswerScreen(q, {{c.sign, c.typed}, {"pain.location", c.location}});
    EXPECT_TRUE(q.Stopped());
    EXPECT_EQ(q.Current(), nullptr);
    auto triage = TriageRedFlags(q.RedFlagsSoFar(), q.ContextSoFar());
    ASSERT_TRUE(triage.has_value());
    EXPECT_EQ(triage->route, c.route);
    EXPECT_EQ(triage->urgency, c.urgency);
    // Going back to the last sign and answering no carries on to the other questions.
    ASSERT_TRUE(q.Back());
    if (std::string_view(c.sign) != "red_flags.infection_risk") {
      Type(q, "no");
      EXPECT_TRUE(q.Stopped());
    }
  }
}

TEST(Questionnaire, NoSignSetCarriesOnAfterTheSigns) {
  Questionnaire q;
  AnswerScreen(q);
  EXPECT_FALSE(q.Stopped());
  EXPECT_EQ(CurrentId(q), "age");
}

TEST(Questionnaire, TheNewQuestionsReachTheAnswers) {
  Questionnaire q;
  AnswerScreen(q, {{"pain.improving", "2"}});  // about the same
  // 30, a first episode, pain for a year; then the history, a recent increase, hopping
  // not sure, and four of the inflammatory features (asked: a year of pain begun at 29).
  for (const char* reply : {"30", "yes", "1", "no", "4", "1 year", "", "", "4", "0", "yes",
                            "not sure", "no", "yes", "yes", "no", "yes", "no", "no", "no", "yes",
                            "0"}) {
    Type(q, reply);
  }
  ASSERT_TRUE(q.Finished());
  auto answers = q.Finish();
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_EQ(answers->format, AnswersFormat::kSecond);
  EXPECT_EQ(answers->pain.improving, Improving::kSame);
  EXPECT_EQ(answers->pain.first_episode, true);
  EXPECT_EQ(answers->history.recent_increase, true);
  ASSERT_TRUE(answers->bone_stress.has_value());
  EXPECT_EQ(answers->bone_stress->hop_pain, FlagAnswer::kUnsure);
  ASSERT_TRUE(answers->inflammatory.has_value());
  EXPECT_EQ(std::count(answers->inflammatory->begin(), answers->inflammatory->end(), true), 4);
  const Triage triage = TriageAnswers(*answers);
  // Not sure about hopping is read as yes: a sports physiotherapist within the week; and
  // a year of pain that is not getting better.
  EXPECT_EQ(triage.route, Route::kSeeClinician);
  EXPECT_EQ(triage.urgency, Urgency::kWeek);
  EXPECT_EQ(triage.notices, std::vector<Notice>{Notice::kInflammatoryBackPain});
}

}  // namespace
}  // namespace backstride
