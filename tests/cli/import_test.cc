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

// The text with each line break and the indent after it read as one space: a sentence
// the report wrapped reads whole again.
std::string Unwrapped(const std::string& text) {
  std::string flat;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      flat += text[i];
      continue;
    }
    flat += ' ';
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
  }
  return flat;
}

TEST(Import, AFolderTwiceStoresNothingNew) {
  Runner runner;
  // Runs, rides, a walk, settings and workout files, four copies of a recording of 6 m in
  // 14 s (one with a bad CRC, two cut short, one with settings chained after it: too short
  // to be a run), a gzip copy of a run, and two recordings timed from the watch's power-on
  // (a treadmill run among them: no date, so left out).
  const std::string folder = (InTreeFiles() / "fit").string();
  auto first = runner.Do("2026-11-25", {"import", folder});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.out, "Imported 2 runs, 1 duplicate, 13 skipped, 0 failed"))
      << first.out;
  const std::string listed = runner.Do("2026-11-25", {"runs"}).out;
  auto second = runner.Do("2026-11-25", {"import", folder});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_TRUE(Contains(second.out, "Imported 0 runs, 3 duplicates, 13 skipped")) << second.out;
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
  EXPECT_EQ(run["run"]["date"], "2017-06-11");
  EXPECT_NEAR(run["run"]["duration_s"].get<double>(), 57, 1);  // the timer, as the log keeps it
  EXPECT_EQ(run["reason_id"], "dry_run");
  EXPECT_EQ(lines[1]["status"], "skipped");
  EXPECT_EQ(lines[1]["reason_id"], "not_a_run");
  EXPECT_EQ(lines[1]["reason"], "Not a run: a ride.");
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
  EXPECT_TRUE(Contains(result.out, "broken.gpx: The file could not be read as an activity: GPX: "
                                   "broken XML"))
      << result.out;
  EXPECT_TRUE(Contains(runner.Do("2026-11-25", {"runs"}).out, "0.16 km"));

  auto missing = runner.Do("2026-11-25", {"import", "/no/such/folder"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(Contains(missing.err, "/no/such/folder"));
}

// A watch folder holds more than activity files: those are listed, left alone, and are no
// failure; only an activity file that could not be read makes the exit code say so.
TEST(Import, FilesThatAreNotActivityFilesAreListedAndNoFailure) {
  Runner runner;
  const fs::path folder = runner.Dir() / "watch";
  fs::create_directories(folder / "photos");
  fs::copy_file(InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit", folder / "run.fit");
  std::ofstream(folder / "export.json") << R"({"runs": []})";
  std::ofstream(folder / "notes.txt") << "new shoes today";
  std::ofstream(folder / "photos" / "finish.jpg") << "\xff\xd8\xff\xe0 not much of a photo";
  auto result = runner.Do("2026-11-25", {"import", folder.string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(Contains(result.out, "Imported 1 run, 0 duplicates, 0 skipped, 0 failed; 3 other "
                                   "files left alone."))
      << result.out;
  EXPECT_TRUE(Contains(Unwrapped(result.out),
                       "Not activity files, left alone: export.json, notes.txt, photos/finish.jpg"))
      << result.out;

  auto json = runner.Do("2026-11-25", {"import", "--dry-run", "--format", "json",
                                       (folder / "notes.txt").string()});
  EXPECT_EQ(json.exit_code, 0);
  const auto line = JsonLines(json.out).at(0);
  EXPECT_EQ(line["status"], "not_activity");
  EXPECT_EQ(line["reason_id"], "not_activity_file");

  // A file named as an activity file that is not one did fail.
  std::ofstream(folder / "broken.fit") << "not a fit file at all";
  EXPECT_EQ(runner.Do("2026-11-25", {"import", folder.string()}).exit_code, 3);
}

// The text report lists each run imported with its date, distance and time, names the
// stored run a duplicate repeats, and shows the damage the decoder read past.
TEST(Import, TheTextReportListsRunsDuplicatesAndDamage) {
  Runner runner;
  const fs::path fit = InTreeFiles() / "fit";
  ASSERT_EQ(runner.Do("2026-11-25", {"import", (fit / "fitparse--garmin-fenix-5-run.fit").string()})
                .exit_code,
            0);
  const fs::path folder = runner.Dir() / "watch";
  fs::create_directories(folder);
  fs::copy_file(fit / "fitparse--garmin-fenix-5-run.fit.gz", folder / "again.fit.gz");
  // A 4.8 km run whose file was cut short (a watch that died on the way home).
  std::ifstream whole(fit / "fitparse--2013-02-06-12-11-14.fit", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(whole)), std::istreambuf_iterator<char>());
  std::ofstream(folder / "cut.fit", std::ios::binary) << bytes.substr(0, bytes.size() * 3 / 5);
  auto result = runner.Do("2026-11-25", {"import", folder.string()});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(Contains(result.out, "Imported 1 run, 1 duplicate, 0 skipped, 0 failed.")) << result.out;
  EXPECT_TRUE(Contains(result.out, "Runs imported:\n  2013-02-06: ")) << result.out;
  EXPECT_TRUE(Contains(result.out, "cut.fit (run 2)")) << result.out;
  EXPECT_TRUE(Contains(Unwrapped(result.out), "Read with a warning: the file ends early:"))
      << result.out;
  EXPECT_TRUE(Contains(result.out, "Already stored:\n  again.fit.gz: "));
  EXPECT_TRUE(Contains(Unwrapped(result.out), "again.fit.gz: The same run as your run of "
                                              "2017-06-11 (0.16 km in 0:57) is stored already. (run 1)"))
      << result.out;
}

// A run from before the plan does not move the cap; it counts for the spike guard only
// while it is inside the guard's window, so a run from years ago does not claim to.
TEST(Import, AnOldRunRatedBeforeThePlanDoesNotClaimTheSpikeGuard) {
  Runner runner;
  ASSERT_EQ(runner.Do("2026-11-20", {"import", (InTreeFiles() / "fit" /
                                                "fitparse--garmin-fenix-5-run.fit").string()})
                .exit_code,
            0);
  std::ifstream vignette(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / "new-onset-km.json");
  const auto answers = nlohmann::json::parse(vignette).at("answers");
  ASSERT_EQ(runner.Do("2026-11-20", {"assess", "--answers", "-"}, answers.dump()).exit_code, 0);
  auto rated = runner.Do("2026-11-20", {"log", "run", "--pain", "3", "--run", "1"});
  ASSERT_EQ(rated.exit_code, 0) << rated.err;
  EXPECT_TRUE(Contains(Unwrapped(rated.out), "does not move the cap")) << rated.out;
  EXPECT_FALSE(Contains(rated.out, "spike guard")) << rated.out;

  // The same run rated four days after it, on a plan begun since: inside the window, it counts.
  Runner soon;
  ASSERT_EQ(soon.Do("2017-06-15", {"import", (InTreeFiles() / "fit" /
                                              "fitparse--garmin-fenix-5-run.fit").string()})
                .exit_code,
            0);
  ASSERT_EQ(soon.Do("2017-06-15", {"assess", "--answers", "-"}, answers.dump()).exit_code, 0);
  auto recent = soon.Do("2017-06-15", {"log", "run", "--pain", "3", "--run", "1"});
  ASSERT_EQ(recent.exit_code, 0) << recent.err;
  EXPECT_TRUE(Contains(Unwrapped(recent.out), "it still counts for the spike guard")) << recent.out;
}

// Recordings too short to be a run (6 m in 14 s: the watch started by mistake) are left
// out, saying why; a run recorded by time only (a treadmill without a foot pod) is kept by
// its time, and everything that shows runs copes with it.
TEST(Import, TooShortIsSkippedAndATreadmillRunIsKeptByItsTime) {
  Runner runner;
  auto short_one = runner.Do(
      "2026-03-02",
      {"import", (InTreeFiles() / "fit" / "fitparse--activity-filecrc.fit").string()});
  EXPECT_EQ(short_one.exit_code, 0) << short_one.err;
  EXPECT_TRUE(Contains(short_one.out, "Imported 0 runs, 0 duplicates, 1 skipped")) << short_one.out;
  EXPECT_TRUE(Contains(Unwrapped(short_one.out), "Too short to be a run (0.01 km in 0:14)"))
      << short_one.out;

  // 57 minutes on a treadmill: heart rate and cadence every 5 s, no distance, no position.
  std::string points;
  for (int s = 0; s <= 57 * 60; s += 5) {
    const int minute = s / 60;
    points += "<Trackpoint><Time>2026-02-27T07:" + std::string(minute < 10 ? "0" : "") +
              std::to_string(minute) + ":" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) +
              "Z</Time><HeartRateBpm><Value>" + std::to_string(120 + minute / 2) +
              "</Value></HeartRateBpm><Cadence>84</Cadence></Trackpoint>";
  }
  const fs::path treadmill = runner.Dir() / "treadmill.tcx";
  std::ofstream(treadmill)
      << R"(<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>2026-02-27T07:00:00Z</Id><Lap StartTime="2026-02-27T07:00:00Z"><TotalTimeSeconds>3420</TotalTimeSeconds><DistanceMeters>0</DistanceMeters><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>)"
      << points << "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
  auto imported = runner.Do("2026-03-02", {"import", treadmill.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(Contains(imported.out, "Imported 1 run")) << imported.out;
  EXPECT_TRUE(Contains(imported.out, "2026-02-27: 57:00, no distance")) << imported.out;
  EXPECT_TRUE(Contains(Unwrapped(imported.out), "No distance was recorded")) << imported.out;

  auto runs = runner.Do("2026-03-02", {"runs"});
  EXPECT_TRUE(Contains(runs.out, "57:00  (no distance)")) << runs.out;
  EXPECT_FALSE(Contains(runs.out, "0.00 km")) << runs.out;
  auto shown = runner.Do("2026-03-02", {"run", "show", "1"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(Contains(shown.out, "No distance recorded, time 57:00")) << shown.out;

  // With a plan: the pain is judged like any run's, the run cannot raise a distance cap nor
  // lower the spike guard, and the plan's pages still read.
  std::ifstream vignette(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / "new-onset-km.json");
  const auto answers = nlohmann::json::parse(vignette).at("answers");
  ASSERT_EQ(runner.Do("2026-02-20", {"assess", "--answers", "-"}, answers.dump()).exit_code, 0);
  auto rated = runner.Do("2026-03-02", {"log", "run", "--pain", "2", "--run", "1"});
  ASSERT_EQ(rated.exit_code, 0) << rated.err;
  EXPECT_TRUE(Contains(Unwrapped(rated.out), "Its pain counts like any run's")) << rated.out;
  EXPECT_FALSE(Contains(rated.out, "spike guard")) << rated.out;
  for (std::vector<std::string> command :
       {std::vector<std::string>{"status"}, {"today"}, {"history"}, {"week"}, {"runs"}}) {
    auto shown_again = runner.Do("2026-03-02", command);
    EXPECT_EQ(shown_again.exit_code, 0) << command[0] << ": " << shown_again.err;
    EXPECT_FALSE(Contains(shown_again.out, "0.00 km")) << command[0] << ": " << shown_again.out;
  }
  auto onset = runner.Do("2026-03-02", {"run", "onset", "1", "--min", "20"});
  EXPECT_EQ(onset.exit_code, 0) << onset.err;
  EXPECT_TRUE(Contains(onset.out, "the pain started 20:00 in")) << onset.out;
  auto by_km = runner.Do("2026-03-02", {"run", "onset", "1", "--km", "2"});
  EXPECT_EQ(by_km.exit_code, 2);
  EXPECT_TRUE(Contains(by_km.err, "no distance recorded")) << by_km.err;

  // A backup keeps its heart rate and the missing distance.
  const fs::path backup = runner.Dir() / "backup.json";
  ASSERT_EQ(runner.Do("2026-03-02", {"export", "--json", backup.string()}).exit_code, 0);
  Runner other;
  auto restored = other.Do("2026-03-02", {"import-data", backup.string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_TRUE(Contains(other.Do("2026-03-02", {"runs"}).out, "57:00  (no distance)"));
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
  EXPECT_FALSE(Contains(shown.out, "session_end")) << "an internal id: " << shown.out;
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

  // A runner in miles: --km 1.2 is still 1.2 km (0.75 mi), not 1.2 miles.
  ASSERT_EQ(runner.Do("2021-05-11", {"config", "units", "mi"}).exit_code, 0);
  auto in_miles = runner.Do("2021-05-11", {"run", "onset", id, "--km", "1.2"});
  ASSERT_EQ(in_miles.exit_code, 0) << in_miles.err;
  EXPECT_TRUE(Contains(in_miles.out, "0.75 mi")) << in_miles.out;
}

// A file that closes its one lap without the lap's time or distance (saved again by
// another app): the lap reads as the run it spans, not "0:00" and no distance.
TEST(Import, ALapWithoutItsTimeOrDistanceReadsAsTheStretchItSpans) {
  const fs::path file = CorpusDir() / "fit" / "gc--Fr955v19.28andStryd-saved.fit";
  BACKSTRIDE_REQUIRE_SHARED(file, "a FIT file whose one lap has no time or distance");
  Runner runner;
  ASSERT_EQ(runner.Do("2026-11-25", {"import", file.string()}).exit_code, 0);
  auto shown = runner.Do("2026-11-25", {"run", "show", "1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(Contains(shown.out, "  1  end of run      51:58  10.02 km")) << shown.out;
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
