// The backstride binary as people and scripts use it: flags, exit codes, formats,
// bad answers, and the interactive questionnaire at a real (pseudo-)terminal.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;
using testing::RunProcess;
using testing::TerminalSession;

const std::string kBinary = BACKSTRIDE_BINARY;

// Assessments are saved to the default store under $XDG_DATA_HOME. Each test gets a
// folder of its own for it, made before the test and removed after, so no test sees
// what another saved, whatever the order; the test's other files go there too.
class PrivateDataHome : public ::testing::EmptyTestEventListener {
 public:
  // The running test's folder.
  static const fs::path& Dir() { return home_; }

  void OnTestStart(const ::testing::TestInfo&) override {
    home_ = fs::temp_directory_path() /
            ("backstride-binary-test-" + std::to_string(getpid()) + "-" + std::to_string(++tests_));
    fs::remove_all(home_);
    fs::create_directories(home_);
    setenv("XDG_DATA_HOME", home_.c_str(), 1);
  }
  void OnTestEnd(const ::testing::TestInfo&) override { fs::remove_all(home_); }

 private:
  static inline fs::path home_;
  static inline int tests_ = 0;
};

const bool kPrivateDataHome = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new PrivateDataHome);  // owned by gtest
  return true;
}();

// The triage cases of both answers formats: tests/vignettes (the first) and
// tests/vignettes-v2 (the second, DESIGN 2.1a).
std::vector<fs::path> Vignettes() {
  std::vector<fs::path> files;
  for (const char* dir : {"vignettes", "vignettes-v2"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(BACKSTRIDE_TEST_DATA_DIR) / dir)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

nlohmann::json Vignette(const fs::path& path) {
  std::ifstream file(path);
  return nlohmann::json::parse(file);
}

nlohmann::json NewRunnerAnswers() {
  return Vignette(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / "new-onset-km.json")
      .at("answers");
}

std::size_t Columns(std::string_view line) {
  std::size_t columns = 0;
  for (char c : line) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return columns;
}

TEST(Binary, HelpAndVersion) {
  auto help = RunProcess({kBinary, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("assess"), std::string::npos);

  auto assess_help = RunProcess({kBinary, "assess", "--help"});
  EXPECT_EQ(assess_help.exit_code, 0);
  for (const char* option : {"--answers", "--format", "--interactive", "--save-answers"}) {
    EXPECT_NE(assess_help.out.find(option), std::string::npos) << option;
  }

  auto version = RunProcess({kBinary, "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("backstride ", 0), 0u) << version.out;
}

TEST(Binary, BadFlagsExitTwoWithAMessage) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{kBinary, "--frobnicate"},
        {kBinary},
        {kBinary, "jog"},
        {kBinary, "assess", "--format", "yaml", "--answers", "-"},
        {kBinary, "assess", "--answers"}}) {
    auto result = RunProcess(args, "{}");
    EXPECT_EQ(result.exit_code, 2) << args.back();
    EXPECT_FALSE(result.err.empty()) << args.back();
  }
  auto result = RunProcess({kBinary, "assess", "--format", "yaml", "--answers", "-"});
  EXPECT_NE(result.err.find("--format"), std::string::npos) << result.err;
}

TEST(Binary, NoAnswersAndNoTerminalExitsTwo) {
  auto result = RunProcess({kBinary, "assess"}, "");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--answers"), std::string::npos);
}

TEST(Binary, EveryVignetteGetsItsRouteAsJson) {
  for (const fs::path& file : Vignettes()) {
    const auto vignette = Vignette(file);
    // Answers come inside each vignette, so pass them on standard input.
    auto result = RunProcess({kBinary, "assess", "--answers", "-", "--format", "json"},
                             vignette.at("answers").dump());
    // Answers read only for their warning signs are bad input, but still give the route.
    const bool bad_input = vignette.at("expect").contains("problems");
    ASSERT_EQ(result.exit_code, bad_input ? 2 : 0) << file << result.err;
    const auto output = nlohmann::json::parse(result.out);
    EXPECT_EQ(output.at("route"), vignette.at("expect").at("route")) << file;
    auto found = output.at("red_flags").get<std::vector<std::string>>();
    auto expected = vignette.at("expect").at("red_flags").get<std::vector<std::string>>();
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected) << file;
    for (const char* key : {"route", "red_flags", "reasons", "advice", "disclaimer"}) {
      EXPECT_TRUE(output.contains(key)) << key;
    }
  }
}

TEST(Binary, TextOutputFitsEightyColumnsAndCarriesTheDisclaimer) {
  for (const fs::path& file : Vignettes()) {
    const auto vignette = Vignette(file);
    auto result = RunProcess({kBinary, "assess", "--answers", "-", "--no-save"},
                             vignette.at("answers").dump());
    ASSERT_EQ(result.exit_code, vignette.at("expect").contains("problems") ? 2 : 0) << file;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
      EXPECT_LE(Columns(line), 80u) << file << ": " << line;
    }
    EXPECT_NE(result.out.find("not a diagnosis"), std::string::npos) << file;
  }
}

TEST(Binary, EmergencyTextLeadsTheOutput) {
  auto answers = NewRunnerAnswers();
  answers["red_flags"]["saddle_numbness"] = true;
  auto result = RunProcess({kBinary, "assess", "--answers", "-"}, answers.dump());
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Get emergency care now"), std::string::npos);
  EXPECT_LT(result.out.find("emergency care"), result.out.find("Your route"));
  EXPECT_EQ(result.out.find("What to do"), std::string::npos);  // no advice, no plan
}

TEST(Binary, MarkdownOutput) {
  auto result = RunProcess({kBinary, "assess", "--answers", "-", "--format", "markdown"},
                           NewRunnerAnswers().dump());
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("# backstride assessment", 0), 0u);
  EXPECT_NE(result.out.find("## What to do"), std::string::npos);
  EXPECT_NE(result.out.find("## Route: New to running"), std::string::npos);
}

TEST(Binary, ReadsAnAnswersFile) {
  const fs::path path = PrivateDataHome::Dir() / "answers.json";
  std::ofstream(path) << NewRunnerAnswers().dump(2);
  auto result = RunProcess({kBinary, "assess", "--answers", path.string(), "--format", "json"});
  fs::remove(path);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out)["route"], "new_runner");
}

bool Has(const std::string& text, std::string_view part);

// Answers saved in the first format (before DESIGN 2.1a) still assess, shown as they were,
// with a notice that the newer questions were not asked and the safety net.
TEST(Binary, AFirstFormatAnswersFileStillAssesses) {
  const fs::path path = PrivateDataHome::Dir() / "first-format.json";
  std::ofstream(path) << NewRunnerAnswers().dump(2);
  ASSERT_FALSE(NewRunnerAnswers()["red_flags"].contains("both_legs")) << "a first-format file";
  auto json = RunProcess({kBinary, "assess", "--answers", path.string(), "--format", "json",
                          "--no-save"});
  auto text = RunProcess({kBinary, "assess", "--answers", path.string(), "--no-save"});
  fs::remove(path);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto output = nlohmann::json::parse(json.out);
  EXPECT_EQ(output["route"], "new_runner");
  EXPECT_EQ(output["notices"], nlohmann::json::array({"answers_first_version"}));
  EXPECT_EQ(output["answers"], NewRunnerAnswers()) << "shown as it was";
  EXPECT_TRUE(Has(text.out, "Some newer questions were not asked")) << text.out;
}

// The safety net ends every result, a running route's too (DESIGN 2.1a).
TEST(Binary, TheSafetyNetIsOnARunningRoute) {
  const auto answers =
      Vignette(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes-v2" / "new-onset-km.json")
          .at("answers");
  for (const char* format : {"text", "markdown", "json"}) {
    auto result =
        RunProcess({kBinary, "assess", "--answers", "-", "--no-save", "--format", format},
                   answers.dump());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(Has(result.out, "go to an emergency department at once")) << format;
    EXPECT_TRUE(Has(result.out, "both legs")) << format;
    if (std::string_view(format) == "json") {
      const auto output = nlohmann::json::parse(result.out);
      EXPECT_EQ(output["route"], "new_runner");
      EXPECT_EQ(output["safety_net"]["id"], "safety_net");
      EXPECT_EQ(output["notices"], nlohmann::json::array());
    }
  }
}

// A "not sure" about the bladder: a doctor today, said in words.
TEST(Binary, NotSureAboutTheBladderIsADoctorToday) {
  auto answers =
      Vignette(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes-v2" / "new-onset-km.json")
          .at("answers");
  answers["red_flags"]["bladder_or_bowel_change"] = "unsure";
  auto result = RunProcess({kBinary, "assess", "--answers", "-", "--no-save"}, answers.dump());
  EXPECT_TRUE(Has(result.out, "How soon: Today.")) << result.out;
  EXPECT_TRUE(Has(result.out, "See a doctor today")) << result.out;
  EXPECT_TRUE(Has(result.out, "(you were not sure)")) << result.out;
}

struct BadAnswers {
  const char* what;
  std::string input;
  std::string named;  // must appear in the message
};

std::vector<BadAnswers> BadAnswerCases() {
  auto with = [](auto change) {
    auto answers = NewRunnerAnswers();
    change(answers);
    return answers.dump();
  };
  return {
      {"malformed JSON", R"({"age": 34,)", "not valid JSON"},
      {"empty input", "", "not valid JSON"},
      {"unknown field", with([](auto& a) { a["pain"]["wrost"] = 3; }), "pain.wrost: unknown field"},
      {"wrong type", with([](auto& a) { a["age"] = "34"; }), "age: must be a whole number"},
      {"out of range", with([](auto& a) { a["pain"]["worst"] = 11; }),
       "pain.worst: must be 0–10, got 11"},
      {"missing red flag", with([](auto& a) { a["red_flags"].erase("fever_or_unwell"); }),
       "red_flags.fever_or_unwell: missing"},
      {"bad choice", with([](auto& a) { a["pain"]["timing"] = "mornings"; }), "pain.timing"},
      {"not an object", "[1, 2, 3]", "answers: must be an object"},
  };
}

TEST(Binary, BadAnswersExitTwoNamingTheField) {
  for (const BadAnswers& bad : BadAnswerCases()) {
    auto result = RunProcess({kBinary, "assess", "--answers", "-"}, bad.input);
    EXPECT_EQ(result.exit_code, 2) << bad.what << ": " << result.err;
    EXPECT_NE(result.err.find(bad.named), std::string::npos) << bad.what << ": " << result.err;
    EXPECT_TRUE(result.out.empty()) << bad.what;
  }
}

TEST(Binary, MissingAnswersFileExitsTwoNamingIt) {
  auto result = RunProcess({kBinary, "assess", "--answers", "/nonexistent/answers.json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/nonexistent/answers.json"), std::string::npos);
}

// --- The interactive questionnaire at a terminal -------------------------------------

// The screen's replies, one a line (DESIGN 2.1a): the seven emergency signs, where (lower
// back), when (during runs) and the trend (better), the seven other signs; `first` for the
// first sign, "no" for every other.
std::vector<std::string> ScreenReplies(const std::string& first = "no") {
  std::vector<std::string> replies = {first};
  for (int i = 1; i < 7; ++i) replies.emplace_back("no");
  for (int i = 0; i < 3; ++i) replies.emplace_back("1");
  for (int i = 0; i < 7; ++i) replies.emplace_back("no");
  return replies;
}

std::string ScreenLines() {
  std::string lines;
  for (const std::string& reply : ScreenReplies()) lines += reply + "\n";
  return lines;
}

void AnswerNoToAllRedFlags(TerminalSession& session, const std::string& first = "no") {
  for (const std::string& reply : ScreenReplies(first)) {
    ASSERT_TRUE(session.WaitFor(") > ")) << session.screen();
    session.TypeLine(reply);
  }
}

TEST(Interactive, AnswersEveryQuestionGoesBackAndGetsARoute) {
  const fs::path saved = PrivateDataHome::Dir() / "interactive-answers.json";
  TerminalSession session({kBinary, "assess", "--save-answers", saved.string()});
  ASSERT_TRUE(session.WaitFor("warning signs come first")) << session.screen();
  ASSERT_TRUE(session.WaitFor("[1/")) << session.screen();
  ASSERT_TRUE(session.WaitFor("Why we ask:"));
  AnswerNoToAllRedFlags(session);

  ASSERT_TRUE(session.WaitFor("How old are you"));
  session.TypeLine("thirty");  // refused, asked again
  ASSERT_TRUE(session.WaitFor("Please type a whole number from 10 to 100."));
  session.TypeLine("34");
  ASSERT_TRUE(session.WaitFor("first time in your life"));
  session.TypeLine("back");  // change the age
  ASSERT_TRUE(session.WaitFor("How old are you"));
  session.TypeLine("41");
  ASSERT_TRUE(session.WaitFor("first time in your life"));
  for (const char* reply :
       {"no", "1", "no", "5", "3", "", "1.5", "4", "0", "no", "no", "no", "0"}) {
    ASSERT_TRUE(session.WaitFor(") > ")) << session.screen();
    session.TypeLine(reply);
  }
  ASSERT_TRUE(session.WaitFor("Your route: New to running")) << session.screen();
  ASSERT_TRUE(session.WaitFor("not a diagnosis"));
  EXPECT_EQ(session.Wait(), 0);

  // The saved answers give the same route when passed back in, with the corrected age.
  auto rerun = RunProcess({kBinary, "assess", "--answers", saved.string(), "--format", "json"});
  fs::remove(saved);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const auto output = nlohmann::json::parse(rerun.out);
  EXPECT_EQ(output["route"], "new_runner");
  EXPECT_EQ(output["answers"]["age"], 41);
  EXPECT_EQ(output["answers"]["pain"]["onset_km"], 1.5);
}

TEST(Interactive, EmergencyAnswerStopsWithTheEmergencyMessage) {
  TerminalSession session({kBinary, "assess"});
  ASSERT_TRUE(session.WaitFor("(yes/no/not sure) > "));
  session.TypeLine("no");
  ASSERT_TRUE(session.WaitFor("bladder"));
  ASSERT_TRUE(session.WaitFor("(yes/no/not sure) > "));
  session.TypeLine("yes");
  ASSERT_TRUE(session.WaitFor("Get emergency care now")) << session.screen();
  ASSERT_TRUE(session.WaitFor("Your route: Emergency care now"));
  EXPECT_EQ(session.Wait(), 0);
  // Nothing after the emergency answer was asked.
  EXPECT_EQ(session.screen().find("How old are you"), std::string::npos);
}

TEST(Interactive, QuitStopsWithoutAResult) {
  TerminalSession session({kBinary, "assess"});
  ASSERT_TRUE(session.WaitFor("(yes/no/not sure) > "));
  session.TypeLine("quit");
  ASSERT_TRUE(session.WaitFor("Nothing was saved"));
  EXPECT_EQ(session.Wait(), 1);
}

TEST(Interactive, JsonFormatKeepsQuestionsOffStandardOutput) {
  // Piped input with --interactive: questions go to stderr, the result alone to stdout.
  std::string replies = ScreenLines();
  replies += "34\nno\n1\nno\n5\n3\n\n\n100\n0\nno\nno\nno\n2\nyes\n";
  auto result = RunProcess({kBinary, "assess", "--interactive", "--format", "json"}, replies);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto output = nlohmann::json::parse(result.out);
  EXPECT_EQ(output["route"], "seasoned_treatment");
  EXPECT_NE(result.err.find("How old are you"), std::string::npos);
}

// --- Warning signs: read first, said in words, never stored ----------------------------

// True when `part` is in `text`, read across the line breaks of wrapped text.
bool Has(const std::string& text, std::string_view part) {
  std::string flat;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && (flat.empty() || flat.back() == ' ')) continue;
    flat += space ? ' ' : c;
  }
  return flat.find(part) != std::string::npos || text.find(part) != std::string::npos;
}

// The ids a runner must never read in text or Markdown: routes, warning signs, rules,
// answer fields.
std::vector<std::string> InternalIds() {
  std::vector<std::string> ids = {
      "emergency_sign", "warning_sign", "unsure_emergency_sign", "constant_pain",
      "leg_below_knee", "severe_pain",  "under_16",              "treatment_first",
      "treatment_not_helped", "returning_runner", "new_runner", "seasoned_rehab",
      "seasoned_treatment", "see_doctor", "see_clinician", "red_flags.", "pain.worst",
      "pain.timing", "pain.weeks", "history.", "_", "mid_upper_back", "first_episode_50",
      "location_other", "not_improving", "bone_stress", "answers_first_version",
      "safety_net"};
  for (const char* flag : {"saddle_numbness", "bladder_or_bowel_change", "leg_weakness_worsening",
                           "fever_or_unwell", "cancer_history", "unexplained_weight_loss",
                           "recent_fall_or_impact", "night_pain_no_relief",
                           "osteoporosis_or_steroids", "sexual_function_change", "both_legs",
                           "sudden_severe_pain_faint", "major_trauma", "infection_risk"}) {
    ids.emplace_back(flag);
  }
  return ids;
}

TEST(WarningSigns, NoInternalIdInTextOrMarkdown) {
  for (const fs::path& file : Vignettes()) {
    const auto vignette = Vignette(file);
    for (const char* format : {"text", "markdown"}) {
      auto result = RunProcess({kBinary, "assess", "--answers", "-", "--no-save", "--format", format},
                               vignette.at("answers").dump());
      ASSERT_FALSE(result.out.empty()) << file;
      for (const std::string& id : InternalIds()) {
        EXPECT_FALSE(Has(result.out, id)) << file.filename() << " " << format << " shows '" << id
                                          << "':\n" << result.out;
      }
    }
  }
}

TEST(WarningSigns, OnlyARedFlagInTheFileGivesItsRouteFirstAndExitsTwo) {
  testing::Runner runner(kBinary);
  const std::string answers = R"({"red_flags": {"saddle_numbness": true}})";
  auto text = runner.Do("2026-12-03", {"assess", "--answers", "-"}, answers);
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_TRUE(Has(text.out, "Get emergency care now")) << text.out;
  EXPECT_TRUE(Has(text.out, "Numbness between the legs or around the bottom")) << text.out;
  EXPECT_TRUE(Has(text.err, "age: missing")) << text.err;
  EXPECT_TRUE(Has(text.err, "red_flags.fever_or_unwell: missing")) << text.err;
  EXPECT_TRUE(Has(text.err, "Nothing was saved")) << text.err;

  auto json = runner.Do("2026-12-03", {"assess", "--answers", "-", "--format", "json"}, answers);
  EXPECT_EQ(json.exit_code, 2);
  const auto output = nlohmann::json::parse(json.out);
  EXPECT_EQ(output["route"], "emergency");
  EXPECT_EQ(output["urgency"], "now");
  EXPECT_TRUE(Has(output["safety"]["text"].get<std::string>(), "emergency department"));
  EXPECT_TRUE(output["answers"].is_null());
  EXPECT_FALSE(output["problems"].empty());

  // Nothing was stored: there is still no assessment.
  auto status = runner.Do("2026-12-03", {"status"});
  EXPECT_NE(status.exit_code, 0);
  EXPECT_TRUE(Has(status.err, "no assessment yet")) << status.err << status.out;
}

TEST(WarningSigns, FeverIsSeenTodayAndNothingIsStored) {
  testing::Runner runner(kBinary);
  ASSERT_EQ(runner.Do("2026-12-01", {"assess", "--answers", "-"}, NewRunnerAnswers().dump())
                .exit_code,
            0);
  auto answers = NewRunnerAnswers();
  answers["red_flags"]["fever_or_unwell"] = true;
  auto text = runner.Do("2026-12-03", {"assess", "--answers", "-"}, answers.dump());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(Has(text.out, "How soon: Today.")) << text.out;
  EXPECT_TRUE(Has(text.out, "See a doctor today")) << text.out;
  EXPECT_FALSE(Has(text.out, "next few days")) << text.out;
  EXPECT_TRUE(Has(text.out, "Nothing was saved")) << text.out;

  auto json = runner.Do("2026-12-03", {"assess", "--answers", "-", "--format", "json"},
                        answers.dump());
  EXPECT_EQ(nlohmann::json::parse(json.out)["urgency"], "today");

  // The assessment in force is still the first one, from before the fever.
  auto exported = runner.Do("2026-12-03", {"export", "--json", runner.File("all.json")});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::ifstream file(runner.File("all.json"));
  const auto all = nlohmann::json::parse(file);
  ASSERT_EQ(all.at("assessments").size(), 1u) << all.dump();
  EXPECT_EQ(all["assessments"][0]["route"], "new_runner");
}

TEST(WarningSigns, UnsureEmergencySignSeesADoctorTodayMarkedUnsure) {
  auto answers = NewRunnerAnswers();
  answers["red_flags"]["bladder_or_bowel_change"] = "unsure";
  auto json = RunProcess({kBinary, "assess", "--answers", "-", "--no-save", "--format", "json"},
                         answers.dump());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto output = nlohmann::json::parse(json.out);
  EXPECT_EQ(output["route"], "see_doctor");
  EXPECT_EQ(output["urgency"], "today");
  EXPECT_EQ(output["red_flags"], nlohmann::json::array({"bladder_or_bowel_change"}));
  EXPECT_EQ(output["red_flags_unsure"], nlohmann::json::array({"bladder_or_bowel_change"}));
  EXPECT_EQ(output["warning_signs"][0]["unsure"], true);

  auto text = RunProcess({kBinary, "assess", "--answers", "-", "--no-save"}, answers.dump());
  EXPECT_TRUE(Has(text.out, "A new change in bladder or bowel control (you were not sure)"))
      << text.out;
  EXPECT_TRUE(Has(text.out, "A doctor should check it today")) << text.out;
}

TEST(WarningSigns, ClinicianRouteDoesNotPointBelowAtAdviceShownAbove) {
  auto answers = NewRunnerAnswers();
  answers["pain"]["worst"] = 9;
  auto text = RunProcess({kBinary, "assess", "--answers", "-", "--no-save"}, answers.dump());
  ASSERT_EQ(text.exit_code, 0);
  ASSERT_TRUE(Has(text.out, "What to do"));
  EXPECT_FALSE(Has(text.out, "advice below")) << text.out;
}

TEST(Answers, FractionalMonthsAreTaken) {
  auto answers = NewRunnerAnswers();
  answers["history"]["months_running"] = 2.5;
  auto json = RunProcess({kBinary, "assess", "--answers", "-", "--no-save", "--format", "json"},
                         answers.dump());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto output = nlohmann::json::parse(json.out);
  EXPECT_EQ(output["route"], "new_runner");
  EXPECT_EQ(output["answers"]["history"]["months_running"], 2.5);
  EXPECT_TRUE(Has(output["reasons"][0]["text"].get<std::string>(), "2.5 months"));
}

TEST(Interactive, NotSureAboutAnEmergencySignStopsAfterTheSignsAndStoresNothing) {
  testing::Runner runner(kBinary);
  TerminalSession session({kBinary, "--db", runner.File("backstride.db"), "--today", "2026-12-03",
                           "assess"});
  AnswerNoToAllRedFlags(session, "not sure");  // numbness between the legs
  ASSERT_TRUE(session.WaitFor("The questions stop here")) << session.screen();
  ASSERT_TRUE(session.WaitFor("How soon: Today.")) << session.screen();
  ASSERT_TRUE(session.WaitFor("(you were not sure)")) << session.screen();
  ASSERT_TRUE(session.WaitFor("Nothing was saved")) << session.screen();
  EXPECT_EQ(session.Wait(), 0);
  EXPECT_FALSE(Has(session.screen(), "How old are you"));
  auto status = runner.Do("2026-12-03", {"status"});
  EXPECT_TRUE(Has(status.err, "no assessment yet")) << status.err << status.out;
}

TEST(Interactive, DurationsAsPeopleSayThemAreConvertedAndEchoed) {
  std::string replies = ScreenLines();
  // age, first episode, legs, numbness, worst, weeks, onsets, months running, break, back
  // since, recent increase, hopping, bone-stress risk, treatment sessions.
  replies += "34\nno\n1\nno\n4\n2 months\n\n1.5\n6 weeks\n1.5 years\n6 weeks\nno\nno\nno\n0\n";
  auto result = RunProcess(
      {kBinary, "assess", "--interactive", "--no-save", "--format", "json"}, replies);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(Has(result.err, "2 months = 9 weeks")) << result.err;
  EXPECT_TRUE(Has(result.err, "6 weeks = 1.4 months")) << result.err;
  EXPECT_TRUE(Has(result.err, "1.5 years = 18 months")) << result.err;
  const auto output = nlohmann::json::parse(result.out);
  EXPECT_EQ(output["answers"]["pain"]["weeks"], 9);
  EXPECT_EQ(output["answers"]["history"]["months_running"], 1.4);
  EXPECT_EQ(output["answers"]["history"]["break_months"], 18);
  EXPECT_EQ(output["answers"]["history"]["months_since_return"], 1.4);
  EXPECT_EQ(output["route"], "new_runner");
}

}  // namespace
}  // namespace backstride
