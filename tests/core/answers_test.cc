// The answers' JSON wire form: what is accepted, and how each kind of mistake is named.
#include "core/answers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace backstride {
namespace {

using nlohmann::json;

// Answers in the first format, as written before DESIGN 2.1a.
json FirstFormatAnswers() {
  return json::parse(R"({
    "age": 34,
    "history": {"months_running": 2, "break_months": 0, "months_since_return": 0},
    "pain": {"location": "lower_back", "timing": "during", "onset_minutes": 6,
             "onset_km": 1.5, "worst": 5, "weeks": 3, "leg_symptoms": "none",
             "numbness_or_tingling": false, "treatment_sessions": 0,
             "treatment_helped": null},
    "red_flags": {"saddle_numbness": false, "bladder_or_bowel_change": false,
                  "leg_weakness_worsening": false, "fever_or_unwell": false,
                  "cancer_history": false, "unexplained_weight_loss": false,
                  "recent_fall_or_impact": false, "night_pain_no_relief": false,
                  "osteoporosis_or_steroids": false}
  })");
}

// The same answers in the second format (DESIGN 2.1a).
json ValidAnswers() {
  json answers = FirstFormatAnswers();
  answers["history"]["recent_increase"] = false;
  answers["pain"]["first_episode"] = false;
  answers["pain"]["improving"] = "better";
  for (const char* flag : {"sexual_function_change", "both_legs", "sudden_severe_pain_faint",
                           "major_trauma", "infection_risk"}) {
    answers["red_flags"][flag] = false;
  }
  answers["bone_stress"] = {{"hop_pain", false}, {"risk", false}};
  answers["inflammatory"] = json::object();
  for (const char* feature :
       {"began_before_35", "wakes_second_half_night", "buttock_pain", "better_with_movement",
        "nsaid_relief", "family_history", "related_condition", "morning_stiffness"}) {
    answers["inflammatory"][feature] = false;
  }
  return answers;
}

// Parses `answers`, expects failure, and returns the error.
Error ExpectError(const json& answers) {
  auto result = ParseAnswers(answers.dump());
  EXPECT_FALSE(result.has_value()) << answers.dump();
  return result.has_value() ? Error{} : result.error();
}

TEST(ParseAnswers, ReadsEveryField) {
  auto answers = ParseAnswers(ValidAnswers().dump());
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_EQ(answers->age, 34);
  EXPECT_EQ(answers->history.months_running, 2);
  EXPECT_EQ(answers->pain.location, PainLocation::kLowerBack);
  EXPECT_EQ(answers->pain.timing, PainTiming::kDuring);
  EXPECT_EQ(answers->pain.onset_minutes, 6.0);
  EXPECT_EQ(answers->pain.onset_km, 1.5);
  EXPECT_EQ(answers->pain.worst, 5);
  EXPECT_EQ(answers->pain.leg_symptoms, LegSymptoms::kNone);
  EXPECT_FALSE(answers->pain.treatment_helped.has_value());
  for (RedFlag flag : kAllRedFlags) EXPECT_EQ(answers->Flag(flag), FlagAnswer::kNo);
}

TEST(ParseAnswers, OnsetsAndTreatmentHelpedAreOptional) {
  json answers = ValidAnswers();
  answers["pain"].erase("onset_minutes");
  answers["pain"]["onset_km"] = nullptr;
  answers["pain"].erase("treatment_helped");
  auto parsed = ParseAnswers(answers.dump());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_FALSE(parsed->pain.onset_minutes.has_value());
  EXPECT_FALSE(parsed->pain.onset_km.has_value());
}

TEST(ParseAnswers, RoundTripsThroughItsJsonForm) {
  json answers = ValidAnswers();
  answers["pain"]["treatment_sessions"] = 4;
  answers["pain"]["treatment_helped"] = true;
  answers["red_flags"]["cancer_history"] = true;
  auto first = ParseAnswers(answers.dump());
  ASSERT_TRUE(first.has_value());
  auto second = ParseAnswers(AnswersToJson(*first));
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(AnswersToJson(*first), AnswersToJson(*second));
  EXPECT_EQ(second->Flag(RedFlag::kCancerHistory), FlagAnswer::kYes);
  EXPECT_EQ(second->pain.treatment_helped, true);
}

TEST(ParseAnswers, OutOfRangeNamesTheFieldAndTheRange) {
  json answers = ValidAnswers();
  answers["pain"]["worst"] = 11;
  const Error error = ExpectError(answers);
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.path, "pain.worst");
  EXPECT_EQ(error.message, "pain.worst: must be 0–10, got 11");
}

TEST(ParseAnswers, AgeOutsideTenToHundredIsRejected) {
  for (int age : {9, 101, -1}) {
    json answers = ValidAnswers();
    answers["age"] = age;
    EXPECT_EQ(ExpectError(answers).path, "age") << age;
  }
  for (int age : {10, 100}) {
    json answers = ValidAnswers();
    answers["age"] = age;
    EXPECT_TRUE(ParseAnswers(answers.dump()).has_value()) << age;
  }
}

TEST(ParseAnswers, UnknownFieldIsNamedWithASuggestion) {
  json answers = ValidAnswers();
  answers["pain"]["wrost"] = 3;
  const Error error = ExpectError(answers);
  EXPECT_EQ(error.path, "pain.wrost");
  EXPECT_NE(error.message.find("unknown field"), std::string::npos);
  EXPECT_NE(error.message.find("did you mean pain.worst?"), std::string::npos);

  answers = ValidAnswers();
  answers["favourite_shoe"] = "any";
  EXPECT_EQ(ExpectError(answers).path, "favourite_shoe");
}

TEST(ParseAnswers, WrongTypesAreNamed) {
  struct Case {
    const char* section;
    const char* key;
    json value;
  };
  const Case cases[] = {
      {"", "age", "thirty"},
      {"history", "months_running", true},
      {"pain", "worst", 4.5},
      {"pain", "location", 3},
      {"pain", "timing", "sometimes"},
      {"pain", "numbness_or_tingling", "no"},
      {"pain", "onset_km", "1.5km"},
      {"pain", "treatment_helped", "yes"},
      {"red_flags", "fever_or_unwell", 0},
  };
  for (const Case& c : cases) {
    json answers = ValidAnswers();
    std::string path = c.key;
    if (*c.section) {
      answers[c.section][c.key] = c.value;
      path = std::string(c.section) + "." + c.key;
    } else {
      answers[c.key] = c.value;
    }
    EXPECT_EQ(ExpectError(answers).path, path) << path;
  }
}

TEST(ParseAnswers, SectionThatIsNotAnObjectIsNamed) {
  json answers = ValidAnswers();
  answers["pain"] = json::array();
  EXPECT_EQ(ExpectError(answers).path, "pain");
  EXPECT_EQ(ExpectError(json::array()).path, "answers");
}

TEST(ParseAnswers, MissingRedFlagIsAnErrorNotANo) {
  for (RedFlag flag : kAllRedFlags) {
    json answers = ValidAnswers();
    answers["red_flags"].erase(std::string(RedFlagId(flag)));
    const Error error = ExpectError(answers);
    EXPECT_EQ(error.path, "red_flags." + std::string(RedFlagId(flag)));
    EXPECT_NE(error.message.find("missing"), std::string::npos);
  }
  json answers = ValidAnswers();
  answers.erase("red_flags");
  EXPECT_EQ(ExpectError(answers).path, "red_flags");
}

TEST(ParseAnswers, NullRedFlagIsNotTakenAsNo) {
  json answers = ValidAnswers();
  answers["red_flags"]["night_pain_no_relief"] = nullptr;
  EXPECT_EQ(ExpectError(answers).path, "red_flags.night_pain_no_relief");
}

TEST(ParseAnswers, ReportsEveryProblemAtOnce) {
  json answers = ValidAnswers();
  answers["age"] = 7;
  answers["pain"]["worst"] = -2;
  answers["red_flags"].erase("cancer_history");
  const Error error = ExpectError(answers);
  EXPECT_EQ(error.path, "age");
  EXPECT_NE(error.message.find("age: must be 10–100, got 7"), std::string::npos);
  EXPECT_NE(error.message.find("pain.worst: must be 0–10, got -2"), std::string::npos);
  EXPECT_NE(error.message.find("red_flags.cancer_history: missing"), std::string::npos);
}

TEST(ParseAnswers, InconsistentAnswersAreNamed) {
  json answers = ValidAnswers();
  answers["history"]["months_since_return"] = 2;  // but break_months is 0
  EXPECT_EQ(ExpectError(answers).path, "history.months_since_return");

  answers = ValidAnswers();
  answers["pain"]["treatment_helped"] = false;  // but treatment_sessions is 0
  EXPECT_EQ(ExpectError(answers).path, "pain.treatment_helped");
}

TEST(ParseAnswers, OnsetMustBePositive) {
  for (const char* key : {"onset_minutes", "onset_km"}) {
    json answers = ValidAnswers();
    answers["pain"][key] = 0;
    EXPECT_EQ(ExpectError(answers).path, std::string("pain.") + key);
  }
}

TEST(ParseAnswers, MalformedJsonGivesTheByteOffset) {
  auto result = ParseAnswers(R"({"age": 34,, })");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(result.error().offset.has_value());
  EXPECT_EQ(*result.error().offset, 12u);
  EXPECT_NE(result.error().message.find("not valid JSON"), std::string::npos);

  EXPECT_FALSE(ParseAnswers("").has_value());
  EXPECT_FALSE(ParseAnswers("{").has_value());
}

TEST(ParseAnswers, HostileInputFailsCleanly) {
  EXPECT_FALSE(ParseAnswers(std::string(100000, '[')).has_value());
  EXPECT_FALSE(ParseAnswers(std::string("\0\xff\xfe", 3)).has_value());
  json answers = ValidAnswers();
  answers["age"] = 1e308;
  EXPECT_EQ(ExpectError(answers).path, "age");
}

TEST(ParseAnswers, AWarningSignTakesUnsure) {
  json answers = ValidAnswers();
  answers["red_flags"]["saddle_numbness"] = "unsure";
  auto parsed = ParseAnswers(answers.dump());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->Flag(RedFlag::kSaddleNumbness), FlagAnswer::kUnsure);
  EXPECT_TRUE(parsed->IsSet(RedFlag::kSaddleNumbness));
  // It is written back as "unsure".
  EXPECT_EQ(json::parse(AnswersToJson(*parsed))["red_flags"]["saddle_numbness"], "unsure");

  answers["red_flags"]["saddle_numbness"] = "maybe";
  auto refused = ParseAnswers(answers.dump());
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("red_flags.saddle_numbness: must be true, false or "
                                         "\"unsure\""),
            std::string::npos)
      << refused.error().message;
}

TEST(ParseAnswers, MonthsMayBeFractions) {
  json answers = ValidAnswers();
  answers["history"] = {{"months_running", 14.5},
                        {"break_months", 3.5},
                        {"months_since_return", 1.4},
                        {"recent_increase", false}};
  auto parsed = ParseAnswers(answers.dump());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_DOUBLE_EQ(parsed->history.months_running, 14.5);
  EXPECT_DOUBLE_EQ(parsed->history.months_since_return, 1.4);
  EXPECT_EQ(json::parse(AnswersToJson(*parsed))["history"]["break_months"], 3.5);
  answers["history"]["break_months"] = -0.5;
  EXPECT_EQ(ExpectError(answers).path, "history.break_months");
}

TEST(ParseAnswers, RedFlagsAreReadEvenWhenTheRestFails) {
  RedFlagAnswers flags{};
  auto parsed = ParseAnswers(R"({"red_flags": {"fever_or_unwell": true, "cancer_history": "unsure",
                                  "night_pain_no_relief": "perhaps"}})",
                             &flags);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(flags[static_cast<std::size_t>(RedFlag::kFeverOrUnwell)], FlagAnswer::kYes);
  EXPECT_EQ(flags[static_cast<std::size_t>(RedFlag::kCancerHistory)], FlagAnswer::kUnsure);
  EXPECT_EQ(flags[static_cast<std::size_t>(RedFlag::kNightPainNoRelief)], FlagAnswer::kNo);
  EXPECT_TRUE(AnyRedFlagSet(flags));
  EXPECT_NE(parsed.error().message.find("age: missing"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("red_flags.night_pain_no_relief: must be"),
            std::string::npos);
}

}  // namespace
}  // namespace backstride

namespace backstride {
namespace {

TEST(ParseAnswers, EveryNewFieldIsRequiredInTheSecondFormat) {
  const std::pair<const char*, const char*> fields[] = {
      {"history", "recent_increase"}, {"pain", "first_episode"}, {"pain", "improving"},
      {"bone_stress", "hop_pain"},    {"bone_stress", "risk"},   {"inflammatory", "nsaid_relief"},
      {"red_flags", "both_legs"},     {"red_flags", "infection_risk"}};
  for (const auto& [section, key] : fields) {
    json answers = ValidAnswers();
    answers[section].erase(key);
    const Error error = ExpectError(answers);
    EXPECT_EQ(error.path, std::string(section) + "." + key);
    EXPECT_NE(error.message.find("missing"), std::string::npos) << error.message;
  }
  for (const char* section : {"bone_stress", "inflammatory"}) {
    json answers = ValidAnswers();
    answers.erase(section);
    EXPECT_EQ(ExpectError(answers).path, section);
  }
}

TEST(ParseAnswers, NewWarningSignsTakeUnsure) {
  json answers = ValidAnswers();
  answers["red_flags"]["both_legs"] = "unsure";
  answers["bone_stress"]["hop_pain"] = "unsure";
  answers["pain"]["improving"] = "worse";
  auto parsed = ParseAnswers(answers.dump());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->Flag(RedFlag::kBothLegs), FlagAnswer::kUnsure);
  EXPECT_EQ(parsed->bone_stress->hop_pain, FlagAnswer::kUnsure);
  EXPECT_EQ(parsed->pain.improving, Improving::kWorse);
  // An inflammatory feature is not a warning sign: yes or no.
  answers["inflammatory"]["buttock_pain"] = "unsure";
  EXPECT_EQ(ExpectError(answers).path, "inflammatory.buttock_pain");
  answers = ValidAnswers();
  answers["pain"]["improving"] = "much";
  EXPECT_EQ(ExpectError(answers).path, "pain.improving");
}

TEST(ParseAnswers, FirstFormatAnswersStillLoadWithTheNewQuestionsNotAsked) {
  auto parsed = ParseAnswers(FirstFormatAnswers().dump());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->format, AnswersFormat::kFirst);
  EXPECT_FALSE(parsed->pain.improving.has_value());
  EXPECT_FALSE(parsed->pain.first_episode.has_value());
  EXPECT_FALSE(parsed->history.recent_increase.has_value());
  EXPECT_FALSE(parsed->bone_stress.has_value());
  EXPECT_FALSE(parsed->inflammatory.has_value());
  // Written back as it was: no new field appears.
  EXPECT_EQ(json::parse(AnswersToJson(*parsed)), FirstFormatAnswers());
  // One new field makes it the second format, where every other new field is required.
  json mixed = FirstFormatAnswers();
  mixed["red_flags"]["both_legs"] = false;
  const Error error = ExpectError(mixed);
  EXPECT_NE(error.message.find("red_flags.infection_risk: missing"), std::string::npos);
  EXPECT_NE(error.message.find("bone_stress: missing"), std::string::npos);
}

TEST(ParseAnswers, SecondFormatRoundTrips) {
  json answers = ValidAnswers();
  answers["bone_stress"]["risk"] = "unsure";
  answers["inflammatory"]["morning_stiffness"] = true;
  auto parsed = ParseAnswers(answers.dump());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->format, AnswersFormat::kSecond);
  EXPECT_EQ(json::parse(AnswersToJson(*parsed)), answers);
}

}  // namespace
}  // namespace backstride
