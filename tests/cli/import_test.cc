// Importing watch files through the binary: what is stored, what is skipped and why,
// duplicates, the pain onset from a lap press, and the run rule on imported runs. Most use
// the small real files in tests/data and always run; those that need a file only the
// shared corpus has say which and why (test_support/shared_data.h).
#include <gtest/gtest.h>
#include <unistd.h>

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
using testing::RunProcess;

const std::string kBinary = BACKSTRIDE_BINARY;
using testing::CorpusDir;
using testing::InTreeFiles;

class Runner : public testing::Runner {
 public:
  Runner() : testing::Runner(kBinary) {}
  fs::path Dir() const { return dir(); }
};

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Import, AFolderTwiceStoresNothingNew) {
  Runner runner;
  // Runs, rides, a walk, settings and workout files, four copies of one run (one with a
  // bad CRC, two cut short, one with settings chained after it), a gzip copy of another
  // and a treadmill run with no distance.
  const std::string folder = (InTreeFiles() / "fit").string();
  auto first = runner.Do("2026-11-25", {"import", folder});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.out, "Imported 4 runs, 4 duplicates, 8 skipped, 0 failed"))
      << first.out;
  const std::string listed = runner.Do("2026-11-25", {"runs"}).out;
  auto second = runner.Do("2026-11-25", {"import", folder});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_TRUE(Contains(second.out, "Imported 0 runs, 8 duplicates, 8 skipped")) << second.out;
  EXPECT_EQ(runner.Do("2026-11-25", {"runs"}).out, listed);
}

TEST(Import, TheCorpusTcxFolderTwiceStoresNothingNew) {
  const fs::path folder = CorpusDir() / "tcx";
  BACKSTRIDE_REQUIRE_SHARED(folder, "importing TCX files from six makers of watches and apps");
  Runner runner;
  auto first = runner.Do("2026-11-25", {"import", folder.string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.out, "Imported 9 runs, 0 duplicates, 5 skipped")) << first.out;
  auto second = runner.Do("2026-11-25", {"import", folder.string()});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_TRUE(Contains(second.out, "Imported 0 runs, 9 duplicates, 5 skipped")) << second.out;
}

TEST(Import, TheSameRunFromTwoFormatsIsStoredOnce) {
  Runner runner;
  auto result = runner.Do(
      "2026-11-25", {"import", "--format", "json",
                     (InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit").string(),
                     (InTreeFiles() / "tcx" / "fitparse--garmin-fenix-5-run.tcx").string(),
                     (InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit.gz").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["status"], "imported");
  EXPECT_EQ(lines[1]["status"], "duplicate");
  EXPECT_EQ(lines[2]["status"], "duplicate");
}

TEST(Import, TheSameRunAsFitGpxAndTcxIsStoredOnce) {
  const std::string run = "sportslib--6782987395";
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir() / "gpx" / (run + ".gpx"),
                            "one run exported as FIT, GPX and TCX by the same service");
  Runner runner;
  auto result = runner.Do(
      "2026-11-25", {"import", "--format", "json", (CorpusDir() / "fit" / (run + ".fit")).string(),
                     (CorpusDir() / "gpx" / (run + ".gpx")).string(),
                     (CorpusDir() / "tcx" / (run + ".tcx")).string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["status"], "imported");
  EXPECT_EQ(lines[1]["status"], "duplicate");
  EXPECT_EQ(lines[2]["status"], "duplicate");
}

TEST(Import, JsonDescribesEveryFileWithItsActivity) {
  Runner runner;
  const fs::path fit = InTreeFiles() / "fit";
  auto result = runner.Do("2026-11-25", {"import", "--format", "json", "--dry-run",
                                         (fit / "fitparse--garmin-fenix-5-run.fit").string(),
                                         (fit / "fitparse--garmin-edge-820-bike.fit").string(),
                                         (fit / "fitparse--Settings.fit").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 3u);
  const auto& run = lines[0];
  EXPECT_EQ(run["status"], "imported");
  for (const char* key :
       {"sport", "start_utc", "utc_offset_s", "indoor", "distance_m", "elapsed_s", "timer_s",
        "moving_s", "points", "laps", "avg_hr_bpm", "avg_cadence_spm"}) {
    EXPECT_TRUE(run["activity"].contains(key)) << key;
  }
  EXPECT_EQ(run["activity"]["start_utc"], "2017-06-11T14:34:09Z");
  EXPECT_EQ(run["activity"]["utc_offset_s"], -25200);
  EXPECT_EQ(run["activity"]["points"], 21);
  EXPECT_EQ(lines[1]["status"], "skipped");
  EXPECT_EQ(lines[1]["reason"], "a ride");
  EXPECT_EQ(lines[1]["activity"]["sport"], "cycling");  // skipped files keep their activity
  EXPECT_EQ(lines[2]["status"], "skipped");
  EXPECT_TRUE(Contains(lines[2]["reason"], "settings"));
  // A dry run stores nothing.
  EXPECT_TRUE(Contains(runner.Do("2026-11-25", {"runs"}).out, "No runs"));
}

TEST(Import, ABadFileFailsAloneAndTheRestIsStored) {
  Runner runner;
  const fs::path folder = runner.Dir() / "watch";
  fs::create_directories(folder);
  fs::copy_file(InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit", folder / "good.fit");
  std::ofstream(folder / "broken.fit") << "not a fit file at all, just text";
  std::ofstream(folder / "broken.gpx") << "<gpx><trk><trkseg><trkpt lat=";
  auto result = runner.Do("2026-11-25", {"import", folder.string()});
  EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
  EXPECT_TRUE(Contains(result.out, "Imported 1 run, 0 duplicates, 0 skipped, 2 failed"))
      << result.out;
  EXPECT_TRUE(Contains(result.out, "broken.gpx: GPX: broken XML")) << result.out;
  EXPECT_TRUE(Contains(runner.Do("2026-11-25", {"runs"}).out, "0.16 km"));

  auto missing = runner.Do("2026-11-25", {"import", "/no/such/folder"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(Contains(missing.err, "/no/such/folder"));
}

// A runner who pressed lap when the pain started: the lap marks the onset, and the pain
// score logged afterwards moves the cap by the run rule.
TEST(Import, AManualLapMarksTheOnsetAndTheRunMovesTheCap) {
  const fs::path file = CorpusDir() / "fit" / "sportslib--6914538454.fit";
  BACKSTRIDE_REQUIRE_SHARED(file, "a run with a lap pressed mid-run (none in tests/data has one)");
  Runner runner;
  std::ifstream vignette(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / "new-onset-km.json");
  const auto answers = nlohmann::json::parse(vignette).at("answers");  // onset 1.5 km: cap 1 km
  ASSERT_EQ(runner.Do("2021-05-09", {"assess", "--answers", "-"}, answers.dump()).exit_code, 0);

  auto imported =
      runner.Do("2021-05-10", {"import", "--onset-lap", "--format", "json", file.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto line = JsonLines(imported.out).at(0);
  ASSERT_EQ(line["status"], "imported");
  EXPECT_NEAR(line["onset_m"].get<double>(), 794, 1);
  const std::string id = std::to_string(line["run_id"].get<int>());

  auto shown = runner.Do("2021-05-10", {"run", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(Contains(shown.out, "Pain started at 0.79 km")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "Laps")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "Splits")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "no pain score yet"));

  // Pain 6 during the run, logged afterwards: the cap steps back from 1 km to 0.75 km.
  auto rated = runner.Do("2021-05-10", {"log", "run", "--pain", "6"});
  ASSERT_EQ(rated.exit_code, 0) << rated.err;
  EXPECT_TRUE(Contains(rated.out, "Cap steps back to 0.75 km: pain 6 during the run")) << rated.out;
  auto status = runner.Do("2021-05-11", {"status"});
  EXPECT_TRUE(Contains(status.out, "Cap:     0.75 km")) << status.out;

  // The onset can be corrected: by distance (its time is placed on the track), or a lap.
  auto by_km = runner.Do("2021-05-11", {"run", "onset", id, "--km", "1.2"});
  ASSERT_EQ(by_km.exit_code, 0) << by_km.err;
  EXPECT_TRUE(Contains(by_km.out, "1.20 km")) << by_km.out;
  auto bad_lap = runner.Do("2021-05-11", {"run", "onset", id, "--lap", "99"});
  EXPECT_EQ(bad_lap.exit_code, 2);
  EXPECT_TRUE(Contains(bad_lap.err, "--lap"));
  auto past_end = runner.Do("2021-05-11", {"run", "onset", id, "--km", "40"});
  EXPECT_EQ(past_end.exit_code, 2);
  EXPECT_TRUE(Contains(past_end.err, "past the end")) << past_end.err;
  EXPECT_TRUE(Contains(past_end.err, "--km")) << past_end.err;
  auto no_run = runner.Do("2021-05-11", {"run", "show", "12345"});
  EXPECT_EQ(no_run.exit_code, 2);
}

TEST(Import, StandingOnsetLapSettingApplies) {
  const fs::path file = CorpusDir() / "tcx" / "sportslib--movescount.tcx";
  BACKSTRIDE_REQUIRE_SHARED(file, "a TCX run with a lap pressed mid-run");
  Runner runner;
  ASSERT_EQ(runner.Do("2026-11-25", {"config", "onset-lap", "on"}).exit_code, 0);
  auto imported = runner.Do("2026-11-25", {"import", "--format", "json", file.string()});
  ASSERT_EQ(imported.exit_code, 0);
  EXPECT_NEAR(JsonLines(imported.out).at(0)["onset_m"].get<double>(), 997, 1);
}

TEST(Import, ImportedRunsSurviveAJsonExportAndImport) {
  Runner runner;
  // A 4.8 km run with five laps; the onset is set by hand, as its laps were not pressed.
  const fs::path file = InTreeFiles() / "fit" / "fitparse--2013-02-06-12-11-14.fit";
  ASSERT_EQ(runner.Do("2026-11-25", {"import", file.string()}).exit_code, 0);
  ASSERT_EQ(runner.Do("2026-11-25", {"run", "onset", "1", "--km", "1.2"}).exit_code, 0);
  ASSERT_EQ(
      runner.Do("2026-11-25", {"log", "run", "--pain", "2", "--date", "2013-02-06"}).exit_code, 0);
  const fs::path first = runner.Dir() / "first.json";
  ASSERT_EQ(runner.Do("2026-11-25", {"export", "--json", first.string()}).exit_code, 0);
  Runner other;
  auto imported = other.Do("2026-11-25", {"import-data", first.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const fs::path second = other.Dir() / "second.json";
  ASSERT_EQ(other.Do("2026-11-25", {"export", "--json", second.string()}).exit_code, 0);
  std::ifstream a(first), b(second);
  std::stringstream one, two;
  one << a.rdbuf();
  two << b.rdbuf();
  EXPECT_EQ(one.str(), two.str());
  EXPECT_TRUE(Contains(one.str(), "\"activities\""));
  // The restored run still has its laps and track.
  auto shown = other.Do("2026-11-25", {"run", "show", "1"});
  EXPECT_TRUE(Contains(shown.out, "Splits")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "Laps")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "Pain started at 1.20 km")) << shown.out;
}

}  // namespace
}  // namespace backstride
