// Correcting the log through the binary: a wrong run deleted, a pain score corrected, an
// imported run deleted and brought back, and edits that are refused. The plan is a replay
// of the log, so each correction moves the cap as if the log had always been right.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.h"
#include "test_support/shared_data.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;
using testing::ProcessResult;

const std::string kBinary = BACKSTRIDE_BINARY;

// A runner assessed with the new-onset-km vignette (onset 1.5 km: the cap starts at 1 km).
class Runner : public testing::Runner {
 public:
  Runner() : testing::Runner(kBinary) {}

  void Assess(const std::string& today) const {
    std::ifstream file(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / "new-onset-km.json");
    const auto answers = nlohmann::json::parse(file).at("answers");
    ASSERT_EQ(Do(today, {"assess", "--answers", "-"}, answers.dump()).exit_code, 0);
  }

  void LogRun(const std::string& today, const std::string& km, const std::string& time,
              const std::string& pain) const {
    auto logged = Do(today, {"log", "run", "--distance", km, "--time", time, "--pain", pain});
    ASSERT_EQ(logged.exit_code, 0) << logged.err;
  }

  std::string Status(const std::string& today) const { return Do(today, {"status"}).out; }
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Corrections, DeletingAWrongRunRestoresTheCap) {
  Runner runner;
  runner.Assess("2026-03-02");
  runner.LogRun("2026-03-02", "1km", "6:00", "1");
  runner.LogRun("2026-03-04", "1km", "5:55", "2");
  EXPECT_TRUE(Contains(runner.Status("2026-03-05"), "Cap:     1.00 km"));
  // A typo: pain 7 instead of 1. The cap steps back.
  runner.LogRun("2026-03-06", "1km", "5:50", "7");
  EXPECT_TRUE(Contains(runner.Status("2026-03-07"), "Cap:     0.75 km"));

  auto history = runner.Do("2026-03-07", {"history", "--kind", "run"});
  ASSERT_TRUE(Contains(history.out, "    3  2026-03-06  run")) << history.out;
  auto deleted = runner.Do("2026-03-07", {"log", "delete", "3"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_TRUE(Contains(deleted.out, "Run of 6 March deleted (1.00 km in 5:50).")) << deleted.out;
  EXPECT_TRUE(Contains(deleted.out, "Your next run's cap is now 1.00 km (was 0.75 km)."))
      << deleted.out;
  EXPECT_TRUE(Contains(deleted.out, "'backstride undo'")) << deleted.out;
  EXPECT_TRUE(Contains(runner.Status("2026-03-07"), "Cap:     1.00 km"));
  EXPECT_FALSE(Contains(runner.Do("2026-03-07", {"history"}).out, "2026-03-06"));
  // The streak is as if the run had never been logged: two good runs.
  EXPECT_TRUE(Contains(runner.Status("2026-03-07"), "Streak:  2 of 3")) << runner.Status("2026-03-07");

  // Undo brings it back, and the step back with it.
  auto undone = runner.Do("2026-03-07", {"undo"});
  ASSERT_EQ(undone.exit_code, 0) << undone.err;
  EXPECT_TRUE(Contains(undone.out, "Undone: the run of 6 March is back in the log.")) << undone.out;
  EXPECT_TRUE(Contains(undone.out, "Your next run's cap is now 0.75 km (was 1.00 km).")) << undone.out;
  EXPECT_TRUE(Contains(runner.Do("2026-03-07", {"history"}).out, "    3  2026-03-06  run"));
}

TEST(Corrections, EditingPainFrom7To2TurnsAStepBackIntoAGoodRun) {
  Runner runner;
  runner.Assess("2026-03-02");
  runner.LogRun("2026-03-02", "1km", "6:00", "1");
  runner.LogRun("2026-03-04", "1km", "5:55", "7");
  EXPECT_TRUE(Contains(runner.Do("2026-03-05", {"history"}).out, "[stepped back]"));

  auto edited = runner.Do("2026-03-05", {"log", "edit", "2", "--pain", "2"});
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_TRUE(Contains(edited.out, "Run of 4 March corrected: pain during 2 (was 7).")) << edited.out;
  EXPECT_TRUE(Contains(edited.out, "2 of 3 good runs")) << edited.out;
  EXPECT_TRUE(Contains(edited.out, "Your next run's cap is now 1.00 km (was 0.75 km).")) << edited.out;
  const std::string status = runner.Status("2026-03-05");
  EXPECT_TRUE(Contains(status, "Cap:     1.00 km")) << status;
  EXPECT_TRUE(Contains(status, "Streak:  2 of 3")) << status;
  EXPECT_TRUE(Contains(runner.Do("2026-03-05", {"history"}).out, "pain 2  [good]"));

  // Undo puts the 7 back; a second undo takes out the run itself, as logged.
  auto undone = runner.Do("2026-03-05", {"undo"});
  ASSERT_EQ(undone.exit_code, 0) << undone.err;
  EXPECT_TRUE(Contains(undone.out, "back to pain during 7 (was 2)")) << undone.out;
  EXPECT_TRUE(Contains(runner.Status("2026-03-05"), "Cap:     0.75 km"));
  auto again = runner.Do("2026-03-05", {"undo"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, "the run of 4 March you logged is taken out")) << again.out;
  EXPECT_FALSE(Contains(runner.Do("2026-03-05", {"history"}).out, "2026-03-04"));
}

TEST(Corrections, UndoBringsBackADeletedImportedRunWithItsTrack) {
  Runner runner;
  runner.Assess("2013-02-05");
  // A 4.8 km run with five laps (tests/data/PROVENANCE.md).
  const std::string file =
      (testing::InTreeFiles() / "fit" / "fitparse--2013-02-06-12-11-14.fit").string();
  auto imported = runner.Do("2013-02-06", {"import", "--format", "json", file});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto line = nlohmann::json::parse(imported.out.substr(0, imported.out.find('\n')));
  ASSERT_EQ(line["status"], "imported");
  const std::string id = std::to_string(line["run_id"].get<int>());
  ASSERT_EQ(runner.Do("2013-02-06", {"log", "run", "--pain", "6"}).exit_code, 0);
  ASSERT_TRUE(Contains(runner.Status("2013-02-07"), "Cap:     0.75 km"));
  const std::string shown_before = runner.Do("2013-02-07", {"run", "show", id}).out;
  ASSERT_TRUE(Contains(shown_before, "Splits")) << shown_before;

  auto deleted = runner.Do("2013-02-07", {"log", "delete", id});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_TRUE(Contains(deleted.out, "Importing the same file again will"))
      << deleted.out;
  EXPECT_TRUE(Contains(runner.Status("2013-02-07"), "Cap:     1.00 km"));
  EXPECT_EQ(runner.Do("2013-02-07", {"run", "show", id}).exit_code, 2);
  EXPECT_FALSE(Contains(runner.Do("2013-02-07", {"runs"}).out, "2013-02-06"));
  // The same folder imported again does not bring the deleted run back.
  auto again = runner.Do("2013-02-07", {"import", "--format", "json", file});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, "\"duplicate\"")) << again.out;
  EXPECT_TRUE(Contains(again.out, "you deleted this run")) << again.out;

  auto undone = runner.Do("2013-02-07", {"undo"});
  ASSERT_EQ(undone.exit_code, 0) << undone.err;
  EXPECT_TRUE(Contains(undone.out, "Undone: the run of 6 February is back in the log."))
      << undone.out;
  EXPECT_TRUE(Contains(runner.Status("2013-02-07"), "Cap:     0.75 km"));
  // The same id, with its laps, splits and track.
  EXPECT_EQ(runner.Do("2013-02-07", {"run", "show", id}).out, shown_before);
}

TEST(Corrections, AnImplausibleEditIsRefusedAndNothingChanges) {
  Runner runner;
  runner.Assess("2026-03-02");
  runner.LogRun("2026-03-02", "1km", "6:00", "1");
  const std::string history = runner.Do("2026-03-03", {"history"}).out;
  const std::string status = runner.Status("2026-03-03");

  struct Case {
    std::vector<std::string> args;
    std::string names;
  };
  const std::vector<Case> cases = {
      {{"--onset", "3km"}, "--onset"},
      {{"--date", "2026-03-09"}, "--date"},
      {{"--distance", "ten"}, "--distance"},
      {{"--time", "0:00"}, "--time"},
      {{"--helped", "maybe"}, "--helped"},
      {{}, "say what to change"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"log", "edit", "1"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto refused = runner.Do("2026-03-03", args);
    EXPECT_EQ(refused.exit_code, 2) << c.names << ": " << refused.out;
    EXPECT_TRUE(Contains(refused.err, c.names)) << refused.err;
  }
  auto unknown = runner.Do("2026-03-03", {"log", "edit", "42", "--pain", "2"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(Contains(unknown.err, "no log entry 42")) << unknown.err;
  auto unknown_delete = runner.Do("2026-03-03", {"log", "delete", "42"});
  EXPECT_EQ(unknown_delete.exit_code, 2);
  EXPECT_TRUE(Contains(unknown_delete.err, "42")) << unknown_delete.err;
  EXPECT_EQ(runner.Do("2026-03-03", {"history"}).out, history);
  EXPECT_EQ(runner.Status("2026-03-03"), status);

  // Nothing refused reached the undo journal: undo takes out the run logged.
  ASSERT_EQ(runner.Do("2026-03-03", {"undo"}).exit_code, 0);
  auto nothing = runner.Do("2026-03-03", {"undo"});
  EXPECT_EQ(nothing.exit_code, 1);
  EXPECT_TRUE(Contains(nothing.err, "nothing to undo")) << nothing.err;
}

}  // namespace
}  // namespace backstride
