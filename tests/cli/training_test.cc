// The plan and the log through the binary, as a runner uses them day by day.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;
using testing::ProcessResult;
using testing::RunProcess;

const std::string kBinary = BACKSTRIDE_BINARY;

// A runner with their own data, plus assessing a vignette's answers.
class Runner : public testing::Runner {
 public:
  Runner() : testing::Runner(kBinary) {}

  ProcessResult Assess(const std::string& today, const std::string& vignette,
                       const std::function<void(nlohmann::json&)>& change = {}) const {
    std::ifstream file(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / (vignette + ".json"));
    auto answers = nlohmann::json::parse(file).at("answers");
    if (change) change(answers);
    return Do(today, {"assess", "--answers", "-"}, answers.dump());
  }
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Training, ThreeGoodFasterRunsRaiseTheCapAndSayWhy) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);  // onset 1.5 km
  auto today = runner.Do("2026-03-02", {"today"});
  ASSERT_EQ(today.exit_code, 0) << today.err;
  EXPECT_TRUE(Contains(today.out, "up to 1.00 km")) << today.out;
  EXPECT_TRUE(Contains(today.out, "Why:"));

  auto first =
      runner.Do("2026-03-02", {"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.out, "1 of 3 good runs")) << first.out;
  ASSERT_EQ(runner.Do("2026-03-03", {"log", "morning", "--pain", "0"}).exit_code, 0);
  ASSERT_EQ(
      runner
          .Do("2026-03-04", {"log", "run", "--distance", "1.0km", "--time", "5:55", "--pain", "1"})
          .exit_code,
      0);
  auto third = runner.Do("2026-03-06", {"log", "run", "--distance", "1000m", "--time", "5:45",
                                        "--pain", "3", "--onset", "0.9km"});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_TRUE(Contains(third.out, "Cap rises from 1.00 km to 1.25 km")) << third.out;
  EXPECT_TRUE(Contains(third.out, "Your next run's cap: 1.25 km (was 1.00 km)")) << third.out;

  auto status = runner.Do("2026-03-07", {"status"});
  ASSERT_EQ(status.exit_code, 0);
  EXPECT_TRUE(Contains(status.out, "Cap:     1.25 km")) << status.out;
  EXPECT_TRUE(Contains(status.out, "new_runner"));

  // A painful run holds the cap and says so.
  auto hold = runner.Do("2026-03-09",
                        {"log", "run", "--distance", "1.25km", "--time", "7:30", "--pain", "4"});
  EXPECT_TRUE(Contains(hold.out, "Cap stays 1.25 km: pain 4 during the run")) << hold.out;

  auto history = runner.Do("2026-03-09", {"history", "--kind", "run", "--from", "2026-03-04"});
  ASSERT_EQ(history.exit_code, 0);
  EXPECT_EQ(std::count(history.out.begin(), history.out.end(), '\n'), 3) << history.out;
  EXPECT_TRUE(Contains(history.out, "started at 0.90 km"));
}

TEST(Training, MilesAreUsedInInputAndOutput) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-02", {"config", "units", "mi"}).exit_code, 0);
  auto logged = runner.Do("2026-03-02",
                          {"log", "run", "--distance", "0.62", "--time", "6:00", "--pain", "1"});
  ASSERT_EQ(logged.exit_code, 0) << logged.err;
  EXPECT_TRUE(Contains(logged.out, "0.62 mi")) << logged.out;
  auto history = runner.Do("2026-03-02", {"history"});
  EXPECT_TRUE(Contains(history.out, "0.62 mi")) << history.out;
  auto config = runner.Do("2026-03-02", {"config"});
  EXPECT_TRUE(Contains(config.out, "units          mi"));
}

TEST(Training, PlanRunsPerWeekAndANewPlanKeepsTheLog) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "returning-after-year").exit_code, 0);
  auto plan = runner.Do("2026-03-02", {"plan"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_TRUE(Contains(plan.out, "12 weeks from 2026-03-02")) << plan.out;
  EXPECT_TRUE(Contains(plan.out, "3 runs a week"));
  ASSERT_EQ(
      runner
          .Do("2026-03-02", {"log", "run", "--distance", "1.5km", "--time", "9:00", "--pain", "1"})
          .exit_code,
      0);
  auto replanned =
      runner.Do("2026-03-05", {"plan", "--runs-per-week", "4", "--start", "2026-03-09"});
  ASSERT_EQ(replanned.exit_code, 0) << replanned.err;
  EXPECT_TRUE(Contains(replanned.out, "4 runs a week"));
  EXPECT_TRUE(Contains(replanned.out, "12 weeks from 2026-03-09"));
  EXPECT_TRUE(Contains(runner.Do("2026-03-05", {"history"}).out, "1.50 km"));
  // The new default sticks for the next plan.
  EXPECT_TRUE(Contains(runner.Do("2026-03-05", {"config"}).out, "runs-per-week  4"));
}

TEST(Training, ANewAssessmentReplacesThePlanFromThatDay) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  ASSERT_EQ(
      runner.Do("2026-03-02", {"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2"})
          .exit_code,
      0);
  ASSERT_EQ(runner.Assess("2026-04-01", "seasoned-first-time").exit_code, 0);
  auto status = runner.Do("2026-04-01", {"status"});
  EXPECT_TRUE(Contains(status.out, "seasoned_treatment")) << status.out;
  EXPECT_TRUE(Contains(status.out, "from 2026-04-01")) << status.out;
  EXPECT_TRUE(Contains(runner.Do("2026-04-01", {"history"}).out, "2026-03-02"));
}

TEST(Training, TreatmentThatDoesNotHelpTurnsThePlanIntoRehab) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "seasoned-first-time").exit_code, 0);
  auto today = runner.Do("2026-03-03", {"today"});
  EXPECT_TRUE(Contains(today.out, "Treatment appointment")) << today.out;
  ASSERT_EQ(runner.Do("2026-03-03", {"log", "treatment"}).exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-10", {"log", "treatment"}).exit_code, 0);
  auto third = runner.Do("2026-03-17", {"log", "treatment"});
  EXPECT_TRUE(Contains(third.out, "Has treatment helped?")) << third.out;
  auto verdict = runner.Do("2026-03-22", {"log", "treatment", "--helped", "no"});
  ASSERT_EQ(verdict.exit_code, 0) << verdict.err;
  EXPECT_TRUE(Contains(verdict.out, "seasoned_rehab")) << verdict.out;
  auto status = runner.Do("2026-03-22", {"status"});
  EXPECT_TRUE(Contains(status.out, "seasoned_rehab")) << status.out;
  EXPECT_TRUE(Contains(status.out, "from 2026-03-22"));
}

// Constant pain: the doctor's route without a warning sign, which is stored (an
// assessment with a warning sign never is; see binary_test's WarningSigns).
TEST(Training, NoPlanOnTheDoctorsRoute) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "doctor-constant").exit_code, 0);
  for (const char* command : {"today", "plan", "status", "week"}) {
    auto result = runner.Do("2026-03-02", {command});
    EXPECT_EQ(result.exit_code, 1) << command;
    EXPECT_TRUE(Contains(result.err, "doctor")) << command << ": " << result.err;
    EXPECT_TRUE(result.out.empty()) << command;
  }
  // A run can still be written down, with the reminder.
  auto logged =
      runner.Do("2026-03-02", {"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2"});
  EXPECT_EQ(logged.exit_code, 0);
  EXPECT_TRUE(Contains(logged.out, "doctor")) << logged.out;
}

TEST(Training, BadInputToEveryCommandExitsTwoNamingTheArgument) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  std::ofstream(runner.File("bad.json")) << "{not json";
  std::ofstream(runner.File("other.json")) << R"({"format": "something-else"})";
  struct Case {
    std::vector<std::string> args;
    std::string named;
  };
  const std::vector<Case> cases = {
      {{"log", "run", "--time", "6:00", "--pain", "2"}, "--distance"},
      {{"log", "run", "--distance", "far", "--time", "6:00", "--pain", "2"}, "--distance"},
      {{"log", "run", "--distance", "1km", "--time", "6:61", "--pain", "2"}, "--time"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "11"}, "--pain"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2", "--onset", "3km"},
       "--onset"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2", "--date", "2026-13-01"},
       "--date"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2", "--date", "2026-03-09"},
       "future"},
      {{"log", "morning", "--pain", "1"}, "no run"},
      {{"log", "treatment", "--helped", "maybe"}, "--helped"},
      {{"log", "strength", "--done", "--skipped"}, "--done"},
      {{"log", "swim"}, "swim"},
      {{"history", "--from", "yesterday"}, "--from"},
      {{"history", "--kind", "swim"}, "--kind"},
      {{"history", "--from", "2026-03-05", "--to", "2026-03-01"}, "--from"},
      {{"config", "units", "furlongs"}, "units"},
      {{"config", "colour", "blue"}, "colour"},
      {{"plan", "--runs-per-week", "9"}, "--runs-per-week"},
      {{"plan", "--start", "soon"}, "--start"},
      {{"export"}, "--ics"},
      {{"export", "--ics", "a.ics", "--json", "b.json"}, "--ics"},
      {{"import-data", "/nonexistent.json"}, "/nonexistent.json"},
      {{"import-data", runner.File("bad.json")}, "not valid JSON"},
      {{"import-data", runner.File("other.json")}, "format"},
      {{"--today", "tomorrow", "status"}, "--today"},
      {{"serve", "--port", "70000"}, "--port"},
      {{"serve", "--port", "http"}, "--port"},
  };
  for (const Case& c : cases) {
    auto result = runner.Do("2026-03-02", c.args);
    std::string joined;
    for (const auto& arg : c.args) joined += arg + " ";
    EXPECT_EQ(result.exit_code, 2) << joined << "\n" << result.err << result.out;
    EXPECT_TRUE(Contains(result.err, c.named)) << joined << "\n" << result.err;
  }
  // None of it was stored.
  auto history = runner.Do("2026-03-02", {"history"});
  EXPECT_TRUE(Contains(history.out, "Nothing logged")) << history.out;
}

TEST(Training, ADatabaseThatIsNotOneIsRefusedAndLeftAlone) {
  Runner runner;
  const std::string path = runner.File("notes.txt");
  std::ofstream(path) << std::string(5000, 'x');
  auto result = RunProcess({kBinary, "--db", path, "status"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(Contains(result.err, "--db")) << result.err;
  EXPECT_EQ(fs::file_size(path), 5000u);
}

TEST(Training, JsonExportImportExportIsIdentical) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "seasoned-first-time").exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-02", {"config", "units", "mi"}).exit_code, 0);
  ASSERT_EQ(runner
                .Do("2026-03-02", {"log", "run", "--distance", "1.2", "--time", "10:00", "--pain",
                                   "2", "--onset", "9min", "--note", "hills, \"windy\""})
                .exit_code,
            0);
  ASSERT_EQ(runner.Do("2026-03-03", {"log", "morning", "--pain", "1"}).exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-03", {"log", "checkin", "--pain", "2", "--note", "stiff"}).exit_code,
            0);
  ASSERT_EQ(runner.Do("2026-03-03", {"log", "strength", "--skipped"}).exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-04", {"log", "treatment", "--helped", "yes"}).exit_code, 0);
  const std::string first = runner.File("first.json");
  ASSERT_EQ(runner.Do("2026-03-04", {"export", "--json", first}).exit_code, 0);

  Runner other;
  auto imported = other.Do("2026-03-04", {"import-data", first});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const std::string second = other.File("second.json");
  ASSERT_EQ(other.Do("2026-03-04", {"export", "--json", second}).exit_code, 0);
  std::ifstream a(first), b(second);
  std::stringstream first_text, second_text;
  first_text << a.rdbuf();
  second_text << b.rdbuf();
  EXPECT_EQ(first_text.str(), second_text.str());
  EXPECT_TRUE(Contains(first_text.str(), "\"kind\": \"treatment\""));

  // Importing again into a store that has data is refused, and changes nothing.
  auto again = other.Do("2026-03-04", {"import-data", first});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_TRUE(Contains(again.err, "--replace"));
  EXPECT_EQ(other.Do("2026-03-04", {"import-data", first, "--replace"}).exit_code, 0);
}

}  // namespace
}  // namespace backstride
