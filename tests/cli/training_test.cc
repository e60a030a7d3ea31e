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

// "2026-03-DD".
std::string fmt_date(int day_of_march) {
  return "2026-03-" + std::string(day_of_march < 10 ? "0" : "") + std::to_string(day_of_march);
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
  EXPECT_TRUE(Contains(third.out, "Your next run's cap is now 1.25 km (was 1.00 km)")) << third.out;

  auto status = runner.Do("2026-03-07", {"status"});
  ASSERT_EQ(status.exit_code, 0);
  EXPECT_TRUE(Contains(status.out, "Cap:     1.25 km")) << status.out;
  EXPECT_TRUE(Contains(status.out, "New to running")) << status.out;
  EXPECT_FALSE(Contains(status.out, "new_runner")) << status.out;

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
  // The week lines name sessions in words, never by their ids.
  EXPECT_TRUE(Contains(plan.out, "Week 1, 2026-03-02: Mon run 1.50 km; Tue strength;")) << plan.out;
  EXPECT_FALSE(Contains(plan.out, "check_in")) << plan.out;
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
  EXPECT_TRUE(Contains(status.out, "treatment first")) << status.out;
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
  EXPECT_TRUE(Contains(verdict.out, "rehabilitation from today")) << verdict.out;
  auto status = runner.Do("2026-03-22", {"status"});
  EXPECT_TRUE(Contains(status.out, "rehabilitation")) << status.out;
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
       "after today"},
      {{"log", "run", "--distance", "42km", "--time", "10:00", "--pain", "1"}, "faster than"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2", "--date", "2025-02-01"},
       "more than a year ago"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2", "--date", "2999-12-31"},
       "between 1900 and 2200"},
      {{"log", "run", "--distance", "1km", "--time", "6:00", "--pain", "2", "--note",
        std::string(2001, 'x')},
       "at most 2000 characters"},
      {{"plan", "--start", "1999-01-01"}, "weeks back"},
      {{"plan", "--start", "2099-01-01"}, "at the latest"},
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

// DESIGN 3.1b: strength and sprint sessions log the pain during them and how hard they
// felt, as repetitions in reserve; nothing else carries a reserve, and 0-10 is the range.
TEST(Training, StrengthAndSprintSessionsLogPainAndRepetitionsInReserve) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  // The week's exercises come with their how-to cues, labelled.
  auto week = runner.Do("2026-03-02", {"week"});
  ASSERT_EQ(week.exit_code, 0) << week.err;
  for (const char* label : {"    Set up: ", "    Move:   ", "    Avoid:  ", "    Feel:   "}) {
    EXPECT_TRUE(Contains(week.out, label)) << label << "\n" << week.out;
  }
  auto strength = runner.Do("2026-03-02", {"log", "strength", "--pain", "2", "--reserve", "3"});
  ASSERT_EQ(strength.exit_code, 0) << strength.err;
  EXPECT_TRUE(Contains(strength.out, "Back pain during it: 2/10.")) << strength.out;
  EXPECT_TRUE(Contains(strength.out, "Repetitions in reserve at the end of the hardest set: 3."))
      << strength.out;
  auto sprint = runner.Do("2026-03-02", {"log", "sprint", "--pain", "1", "--reserve", "2"});
  ASSERT_EQ(sprint.exit_code, 0) << sprint.err;
  ASSERT_EQ(runner.Do("2026-03-02", {"log", "checkin", "--pain", "2"}).exit_code, 0);

  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> said;
  };
  const std::vector<Case> refused = {
      {{"log", "strength", "--pain", "2", "--reserve", "11"}, {"--reserve", "0-10", "got 11"}},
      {{"log", "sprint", "--reserve", "-1"}, {"--reserve", "0-10"}},
      {{"log", "strength", "--skipped", "--reserve", "2"}, {"--reserve", "skipped"}},
      {{"log", "checkin", "--pain", "2", "--reserve", "2"}, {"--reserve"}},
      {{"log", "mobility", "--reserve", "2"}, {"--reserve"}},
      {{"log", "edit", "3", "--reserve", "2"},
       {"--reserve", "a check-in has no repetitions in reserve", "strength or sprint"}},
      {{"log", "edit", "1", "--reserve", "11"}, {"--reserve", "0-10"}},
      {{"log", "edit", "1", "--reserve", "2", "--no-reserve"}, {"--reserve"}},
  };
  for (const Case& c : refused) {
    auto result = runner.Do("2026-03-02", c.args);
    std::string joined;
    for (const auto& arg : c.args) joined += arg + " ";
    EXPECT_EQ(result.exit_code, 2) << joined << "\n" << result.err << result.out;
    for (const std::string& part : c.said) {
      EXPECT_TRUE(Contains(result.err, part)) << joined << "\n" << result.err;
    }
  }

  auto history = runner.Do("2026-03-02", {"history"});
  EXPECT_TRUE(Contains(history.out, "strength  done, pain 2, 3 in reserve")) << history.out;
  EXPECT_TRUE(Contains(history.out, "sprint    done, pain 1, 2 in reserve")) << history.out;
  EXPECT_EQ(std::count(history.out.begin(), history.out.end(), '\n'), 3) << history.out;

  // A correction says what changed; undo puts it back; marking it skipped drops the reserve.
  auto edited = runner.Do("2026-03-02", {"log", "edit", "1", "--reserve", "1"});
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_TRUE(Contains(edited.out, "repetitions in reserve 1 (was 3)")) << edited.out;
  ASSERT_EQ(runner.Do("2026-03-02", {"undo"}).exit_code, 0);
  EXPECT_TRUE(Contains(runner.Do("2026-03-02", {"history"}).out, "pain 2, 3 in reserve"));
  auto skipped = runner.Do("2026-03-02", {"log", "edit", "2", "--skipped"});
  ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_TRUE(Contains(skipped.out, "repetitions in reserve not given (was 2)")) << skipped.out;
  auto cleared = runner.Do("2026-03-02", {"log", "edit", "1", "--no-reserve"});
  ASSERT_EQ(cleared.exit_code, 0) << cleared.err;
  EXPECT_TRUE(Contains(runner.Do("2026-03-02", {"history"}).out, "strength  done, pain 2\n"));
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
  ASSERT_EQ(
      runner.Do("2026-03-04", {"log", "strength", "--pain", "2", "--reserve", "3"}).exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-04", {"log", "sprint", "--reserve", "0"}).exit_code, 0);
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
  EXPECT_TRUE(Contains(first_text.str(), "\"reps_in_reserve\": 3")) << first_text.str();
  EXPECT_TRUE(Contains(first_text.str(), "\"reps_in_reserve\": 0")) << first_text.str();
  auto history = other.Do("2026-03-04", {"history", "--kind", "strength"});
  EXPECT_TRUE(Contains(history.out, "done, pain 2, 3 in reserve")) << history.out;

  // Importing again into a store that has data is refused, and changes nothing.
  auto again = other.Do("2026-03-04", {"import-data", first});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_TRUE(Contains(again.err, "--replace"));
  EXPECT_EQ(other.Do("2026-03-04", {"import-data", first, "--replace"}).exit_code, 0);
}

}  // namespace
}  // namespace backstride

namespace backstride {
namespace {

// DESIGN 3.1a: a morning score belongs to the run of the day before; logged days later it
// is a check-in, and a second one for the same run is shown as an edit.
TEST(Training, AMorningScoreBelongsToTheRunOfTheDayBefore) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  ASSERT_EQ(runner.Do("2026-03-02", {"log", "run", "--distance", "1km", "--time", "6:00", "--pain",
                                     "1", "--before", "1"})
                .exit_code,
            0);
  // Three days later: not the morning after any run. Before, this stepped the cap back.
  auto late = runner.Do("2026-03-05", {"log", "morning", "--pain", "4"});
  ASSERT_EQ(late.exit_code, 0) << late.err;
  EXPECT_TRUE(Contains(late.out, "Logged check-in")) << late.out;
  EXPECT_TRUE(Contains(late.out, "kept as a check-in")) << late.out;
  EXPECT_FALSE(Contains(late.out, "steps back")) << late.out;
  auto status = runner.Do("2026-03-05", {"status"});
  EXPECT_TRUE(Contains(status.out, "Cap:     1.00 km")) << status.out;

  ASSERT_EQ(runner.Do("2026-03-06", {"log", "run", "--distance", "1km", "--time", "6:00", "--pain",
                                     "1", "--before", "1"})
                .exit_code,
            0);
  auto morning = runner.Do("2026-03-07", {"log", "morning", "--pain", "1"});
  EXPECT_TRUE(Contains(morning.out, "recorded for your run of 2026-03-06")) << morning.out;
  auto again = runner.Do("2026-03-07", {"log", "morning", "--pain", "2"});
  EXPECT_TRUE(Contains(again.out, "changed from 1 to 2")) << again.out;
  // One score for the run, not two: the history shows it once.
  auto history = runner.Do("2026-03-07", {"history", "--kind", "morning"});
  EXPECT_EQ(std::count(history.out.begin(), history.out.end(), '\n'), 1) << history.out;
  EXPECT_TRUE(Contains(history.out, "pain 2")) << history.out;
}

// DESIGN 3.1a: changing runs a week re-plans from today keeping the phase, the cap and the
// count of good runs.
TEST(Training, ChangingRunsAWeekKeepsTheRunnersProgress) {
  Runner runner;
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  const char* days[] = {"2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11"};
  const char* times[] = {"6:00", "5:55", "5:45", "5:44", "5:40"};
  for (int i = 0; i < 5; ++i) {
    const std::string distance = i < 3 ? "1km" : "1.25km";
    ASSERT_EQ(runner.Do(days[i], {"log", "run", "--distance", distance, "--time", times[i],
                                  "--pain", "1", "--before", "1"})
                  .exit_code,
              0);
  }
  auto before = runner.Do("2026-03-30", {"status"});
  ASSERT_TRUE(Contains(before.out, "Cap:     1.25 km")) << before.out;
  ASSERT_TRUE(Contains(before.out, "Streak:  2 of 3")) << before.out;
  ASSERT_TRUE(Contains(before.out, "Build phase")) << before.out;

  auto replan = runner.Do("2026-03-30", {"plan", "--runs-per-week", "4"});
  ASSERT_EQ(replan.exit_code, 0) << replan.err;
  auto after = runner.Do("2026-03-30", {"status"});
  EXPECT_TRUE(Contains(after.out, "Cap:     1.25 km")) << after.out;
  EXPECT_TRUE(Contains(after.out, "Streak:  2 of 3")) << after.out;
  EXPECT_TRUE(Contains(after.out, "Build phase")) << after.out;
  EXPECT_TRUE(Contains(after.out, "4 runs a week")) << after.out;
}

// DESIGN 5: a runner who chose miles reads miles everywhere, through a whole month.
TEST(Training, AMonthInMilesNeverSaysKilometres) {
  Runner runner;
  ASSERT_EQ(runner.Do("2026-03-02", {"config", "units", "mi"}).exit_code, 0);
  ASSERT_EQ(runner.Assess("2026-03-02", "new-onset-km").exit_code, 0);
  std::string seen;
  const auto keep = [&](const ProcessResult& result) {
    EXPECT_EQ(result.exit_code, 0) << result.err;
    seen += result.out + result.err;
  };
  for (int day = 2; day <= 31; ++day) {
    const std::string date = fmt_date(day);
    if (day % 2 == 0) {
      const std::string pain = day == 16 ? "4" : day == 22 ? "6" : "1";
      keep(runner.Do(date, {"log", "run", "--distance", day > 24 ? "40mi" : "0.6", "--time",
                            day > 24 ? "5:20:00" : "5:40", "--pain", pain}));
    } else {
      keep(runner.Do(date, {"log", "morning", "--pain", day == 23 ? "4" : "1"}));
    }
    if (day % 7 == 0) keep(runner.Do(date, {"log", "checkin", "--pain", "1"}));
    if (day % 5 == 0) keep(runner.Do(date, {"log", "strength", "--done"}));
    keep(runner.Do(date, {"today"}));
  }
  for (const char* command : {"status", "week", "plan", "history", "runs"}) {
    keep(runner.Do("2026-03-31", {command}));
  }
  EXPECT_TRUE(Contains(seen, " mi")) << seen.substr(0, 2000);
  for (const char* km : {" km", "/km", "km)", "km."}) {
    const auto at = seen.find(km);
    EXPECT_EQ(at, std::string::npos)
        << "'" << km << "' in: " << seen.substr(at == std::string::npos ? 0 : (at > 300 ? at - 300 : 0), 600);
  }
}

}  // namespace
}  // namespace backstride
