// Whole exports, as the services write them, imported run by run: the generators in
// tests/exports write each layout with its quirks from the real files of the corpus, with
// a manifest of what they wrote; the import must find every run in it, on its day, with
// its distance and name, and nothing else.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cmath>
#include <set>
#include <thread>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "activity/activity.h"
#include "app/import.h"
#include "cli/process.h"
#include "store/sqlite_store.h"
#include "store/temp_dir.h"
#include "test_support/shared_data.h"

namespace backstride {
namespace {

using Json = nlohmann::json;
using testing::CorpusDir;

std::string Quote(const std::string& text) { return "'" + text + "'"; }

class ExportImport : public ::testing::Test {
 protected:
  // Runs generator `script` (strava, garmin, apple) with `args`, writing `zip`; returns
  // its manifest.
  Json Generate(const std::string& script, const std::string& zip, const std::string& args) {
    const std::string manifest = dir_.File(zip + ".json");
    const std::string command = "python3 " +
                                Quote(std::string(BACKSTRIDE_TEST_DATA_DIR) + "/exports/" +
                                      script + ".py") +
                                " --corpus " + Quote(CorpusDir().string()) + " --out " +
                                Quote(dir_.File(zip)) + " --manifest " + Quote(manifest) + " " +
                                args;
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream in(manifest);
    return Json::parse(in, nullptr, false);
  }

  ImportSummary Import(const std::string& zip) {
    ImportOptions options;
    options.default_utc_offset_s = 0;
    auto summary = ImportPaths(*store_, {dir_.File(zip)}, options);
    EXPECT_TRUE(summary) << summary.error().message;
    return summary ? std::move(*summary) : ImportSummary{};
  }

  // The runs of `manifest` the import must store.
  static std::vector<Json> RunsOf(const Json& manifest) {
    std::vector<Json> runs;
    for (const Json& activity : manifest["activities"]) {
      if (activity["is_run"].get<bool>() && !activity.value("corrupt", false)) {
        runs.push_back(activity);
      }
    }
    return runs;
  }

  // Every run of `manifest` is stored once: at its start, with its distance and name.
  void ExpectStored(const Json& manifest) {
    const auto stored = store_->Activities();
    ASSERT_TRUE(stored);
    std::multimap<long long, StoredActivity> by_start;
    for (const StoredActivity& a : *stored) by_start.emplace(std::llround(a.start_utc), a);
    for (const Json& run : RunsOf(manifest)) {
      const auto start = ParseIsoTime(run["start"].get<std::string>());
      ASSERT_TRUE(start) << run.dump();
      const auto found = by_start.find(std::llround(*start));
      ASSERT_NE(found, by_start.end()) << "not stored: " << run.dump();
      const StoredActivity& a = found->second;
      ASSERT_TRUE(a.distance_m) << run.dump();
      const double expected = run["distance_m"].get<double>();
      EXPECT_NEAR(*a.distance_m, expected, expected * 0.01 + 5) << run.dump();
      if (!run["name"].get<std::string>().empty() && run.value("has_summary", true)) {
        EXPECT_EQ(a.title, run["name"].get<std::string>()) << run.dump();
      }
    }
  }

  std::size_t RunsStored() { return store_->Log({})->size(); }

  TempDir dir_;
  std::unique_ptr<Store> store_ = std::move(*SqliteStore::Open(dir_.File("b.db")));
};

TEST_F(ExportImport, AStravaExportGivesEveryRunWithItsDayDistanceAndName) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json manifest = Generate("strava", "export_1.zip", "--activities 120 --seed 3");
  const std::size_t runs = RunsOf(manifest).size();
  ASSERT_GT(runs, 80u);
  const ImportSummary summary = Import("export_1.zip");
  EXPECT_EQ(summary.imported, static_cast<int>(runs));
  EXPECT_EQ(summary.failed, 0);
  EXPECT_EQ(RunsStored(), runs) << "rides, walks and hikes are left out";
  ExpectStored(manifest);
  // Runs typed in on Strava (no file) come from the CSV row; the planned routes and the
  // other CSVs are left alone, counted.
  const bool any_manual = std::any_of(
      summary.files.begin(), summary.files.end(),
      [](const ImportedFile& f) { return f.file.find("activities.csv, line") != std::string::npos; });
  EXPECT_TRUE(any_manual);
  EXPECT_GT(summary.archive_other, 0);

  // The same export again: everything is stored already, nothing is added.
  const ImportSummary again = Import("export_1.zip");
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.duplicates, static_cast<int>(runs));
  EXPECT_EQ(RunsStored(), runs);
}

TEST_F(ExportImport, AnExportUnpackedIntoAFolderReadsAsTheZip) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json manifest = Generate("strava", "export_2.zip", "--activities 40 --seed 2");
  const std::string folder = dir_.File("export_2");
  const std::string unpack = "python3 -m zipfile -e " + Quote(dir_.File("export_2.zip")) + " " +
                             Quote(folder);
  ASSERT_EQ(std::system(unpack.c_str()), 0);
  ImportOptions options;
  options.default_utc_offset_s = 0;
  const auto summary = ImportPaths(*store_, {folder}, options);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->failed, 0);
  EXPECT_EQ(RunsStored(), RunsOf(manifest).size()) << "the runs typed in come from the CSV too";
  ExpectStored(manifest);  // with the names activities.csv gives them
}

TEST_F(ExportImport, EveryStravaHeaderLayoutAndDateStyleReadsTheSame) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  int seed = 10;
  for (const std::string layout :
       {"--header 94", "--header 101", "--header de", "--header 99 --old-dates"}) {
    SCOPED_TRACE(layout);
    TempDir dir;  // a store of its own: the exports share days
    store_ = std::move(*SqliteStore::Open(dir.File("s.db")));
    const std::string zip = "export_" + std::to_string(seed) + ".zip";
    const Json manifest =
        Generate("strava", zip, layout + " --activities 25 --seed " + std::to_string(seed++));
    const std::size_t before = RunsStored();
    const ImportSummary summary = Import(zip);
    EXPECT_EQ(summary.failed, 0);
    EXPECT_EQ(RunsStored() - before, RunsOf(manifest).size());
    ExpectStored(manifest);
  }
}

TEST_F(ExportImport, AGarminExportJoinsFitFilesInNestedZipsToTheirSummaries) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  for (const std::string layout : {"", "--old-layout"}) {
    SCOPED_TRACE(layout.empty() ? "current layout" : layout);
    TempDir dir;
    store_ = std::move(*SqliteStore::Open(dir.File("g.db")));
    const Json manifest = Generate("garmin", "garmin.zip", layout + " --activities 70 --seed 4");
    const std::size_t runs = RunsOf(manifest).size();
    const ImportSummary summary = Import("garmin.zip");
    EXPECT_EQ(summary.failed, 0);
    EXPECT_EQ(RunsStored(), runs);
    ExpectStored(manifest);
    // Monitoring, settings and weight files are counted, not listed as runs skipped.
    EXPECT_GE(summary.archive_other, static_cast<int>(manifest["device_files"].size()));
    for (const ImportedFile& file : summary.files) {
      EXPECT_NE(file.reason, ImportReason::kNoActivity) << file.file;
    }
  }
}

TEST_F(ExportImport, TheSameRunsFromStravaAndGarminAreStoredOnce) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json strava = Generate("strava", "export_5.zip", "--activities 60 --seed 5");
  Generate("garmin", "garmin.zip", "--same-runs " + Quote(dir_.File("export_5.zip.json")));
  const std::size_t runs = RunsOf(strava).size();
  Import("export_5.zip");
  ASSERT_EQ(RunsStored(), runs);
  const ImportSummary garmin = Import("garmin.zip");
  EXPECT_EQ(garmin.imported, 0);
  EXPECT_EQ(RunsStored(), runs) << "each run once";
  // Each FIT run is recorded as found in Garmin's export too.
  int with_alias = 0;
  const std::vector<StoredActivity> stored = *store_->Activities();
  for (const StoredActivity& a : stored) {
    const auto full = *store_->ActivityForRun(a.log_id);
    for (const ActivityAlias& alias : full->aliases) with_alias += alias.source == "garmin";
  }
  EXPECT_GE(with_alias, garmin.duplicates - 1);
  EXPECT_GT(with_alias, 10);
}

TEST_F(ExportImport, ACutExportKeepsWhatWasReadAndTheWholeOneAddsTheRest) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json manifest = Generate("strava", "export_7.zip", "--activities 60 --seed 7");
  const auto size = std::filesystem::file_size(dir_.File("export_7.zip"));
  Generate("strava", "cut.zip", "--activities 60 --seed 7 --truncate " + std::to_string(size / 2));
  const ImportSummary cut = Import("cut.zip");
  const auto stopped = std::find_if(cut.files.begin(), cut.files.end(), [](const ImportedFile& f) {
    return f.reason == ImportReason::kExportStopped;
  });
  ASSERT_NE(stopped, cut.files.end()) << "a cut export says where it stopped";
  EXPECT_NE(stopped->detail.find("ends early"), std::string::npos) << stopped->detail;
  EXPECT_GT(cut.imported, 5);
  EXPECT_LT(static_cast<std::size_t>(cut.imported), RunsOf(manifest).size());
  EXPECT_TRUE(store_->CheckIntegrity());

  const ImportSummary whole = Import("export_7.zip");
  EXPECT_EQ(RunsStored(), RunsOf(manifest).size());
  EXPECT_EQ(whole.failed, 0);
  ExpectStored(manifest);
}

TEST_F(ExportImport, AZipBombIsStoppedAndADamagedGzMemberFailsAlone) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  Generate("strava", "bomb.zip", "--bomb");
  const ImportSummary bomb = Import("bomb.zip");
  ASSERT_EQ(bomb.failed, 1);
  const ImportedFile& stopped = bomb.files.back();
  EXPECT_EQ(stopped.reason, ImportReason::kExportStopped);
  EXPECT_NE(stopped.detail.find("zip bomb"), std::string::npos) << stopped.detail;

  const Json manifest = Generate("strava", "export_8.zip", "--activities 40 --seed 8 --corrupt-gz");
  const ImportSummary summary = Import("export_8.zip");
  ASSERT_EQ(summary.failed, 1);
  const auto failed = std::find_if(summary.files.begin(), summary.files.end(),
                                   [](const ImportedFile& f) { return f.status == ImportStatus::kFailed; });
  EXPECT_EQ(failed->reason, ImportReason::kBroken) << failed->detail;
  ExpectStored(manifest);
  // A run in the damaged file is still known from its row of activities.csv: kept with
  // the distance and time Strava gives, without a track. (A ride stays out.)
  const auto damaged = std::find_if(manifest["activities"].begin(), manifest["activities"].end(),
                                    [](const Json& a) { return a.value("corrupt", false); });
  ASSERT_NE(damaged, manifest["activities"].end());
  const bool damaged_run = (*damaged)["is_run"].get<bool>();
  EXPECT_EQ(RunsStored(), RunsOf(manifest).size() + (damaged_run ? 1 : 0));
  const double start = *ParseIsoTime((*damaged)["start"].get<std::string>());
  const auto near = *store_->ActivitiesStartingBetween(start - 1, start + 1);
  ASSERT_EQ(near.size(), damaged_run ? 1u : 0u);
  if (damaged_run) {
    EXPECT_EQ(near[0].format, "csv");
  }
}

// Apple's manifest lists runs, not activities, with their own field names.
Json AppleRunsAsActivities(const Json& apple) {
  Json activities = Json::array();
  for (const Json& run : apple["runs"]) {
    activities.push_back({{"is_run", true},
                          {"start", run["start_utc"]},
                          {"distance_m", run["distance_m"]},
                          {"name", ""},
                          {"indoor", run["indoor"]},
                          {"route_file", run["route_file"]}});
  }
  return Json{{"activities", activities}};
}

TEST_F(ExportImport, AnAppleHealthExportGivesEveryRunWithItsRouteAndHeartRate) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  for (const std::string order : {"", "--routes-first"}) {
    SCOPED_TRACE(order.empty() ? "routes after export.xml" : order);
    TempDir dir;
    store_ = std::move(*SqliteStore::Open(dir.File("a.db")));
    const Json apple = Generate("apple", "apple", "--zip --runs 24 --seed 2 " + order);
    const Json manifest = AppleRunsAsActivities(apple);
    const ImportSummary summary = Import("apple/export.zip");
    EXPECT_EQ(summary.failed, 0);
    EXPECT_EQ(summary.imported, 24);
    EXPECT_EQ(RunsStored(), 24u) << "the walks and rides are left out";
    ExpectStored(manifest);
    for (const Json& run : apple["runs"]) {
      const double start = run["start_utc_s"].get<double>();
      const auto near = *store_->ActivitiesStartingBetween(start - 1, start + 1);
      ASSERT_EQ(near.size(), 1u);
      const auto full = *store_->ActivityForRun(near[0].log_id);
      EXPECT_EQ(full->indoor, run["indoor"].get<bool>());
      EXPECT_EQ(full->source, "apple");
      ASSERT_FALSE(full->track.empty()) << "a route, or heart rate over time";
      const auto with_hr = std::count_if(full->track.begin(), full->track.end(),
                                         [](const TrackSample& t) { return t.heart_rate_bpm.has_value(); });
      EXPECT_GT(with_hr, static_cast<long>(full->track.size() / 2)) << "heart rate joined by time";
      if (!run["route_file"].is_null()) {
        EXPECT_NE(full->file.find("workout-routes/"), std::string::npos) << full->file;
        EXPECT_TRUE(full->track.back().distance_m.has_value());
      }
      // The duration is the workout's, pauses left out.
      EXPECT_NEAR(*full->timer_s, run["duration_s"].get<double>(), 1.0);
    }
  }
}

TEST_F(ExportImport, AnExportXmlCutInTheMiddleKeepsTheRunsBeforeTheCut) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  Generate("apple", "whole", "--runs 20 --seed 3");
  // Cut inside the eleventh running workout (they come after the Records, as on a phone).
  std::ifstream in(dir_.File("whole/apple_health_export/export.xml"));
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t at = 0;
  for (int run = 0; run < 11; ++run) {
    at = xml.find("HKWorkoutActivityTypeRunning", at + 1);
    ASSERT_NE(at, std::string::npos);
  }
  Generate("apple", "cut", "--runs 20 --seed 3 --cut-at " + std::to_string(at + 200));
  const ImportSummary summary = Import("cut/apple_health_export/export.xml");
  const auto stopped = std::find_if(summary.files.begin(), summary.files.end(), [](const ImportedFile& f) {
    return f.reason == ImportReason::kExportStopped;
  });
  ASSERT_NE(stopped, summary.files.end());
  EXPECT_GT(summary.imported, 3);
  EXPECT_LT(summary.imported, 20);
  EXPECT_EQ(RunsStored(), static_cast<std::size_t>(summary.imported));
  EXPECT_TRUE(store_->CheckIntegrity());
  // The whole file later adds the rest, and nothing twice.
  Import("whole/apple_health_export/export.xml");
  EXPECT_EQ(RunsStored(), 20u);
}

TEST_F(ExportImport, TheSameRunsFromStravaGarminAndAppleAreStoredOnce) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json strava = Generate("strava", "export_9.zip", "--activities 80 --seed 9");
  const std::string same = "--same-runs " + Quote(dir_.File("export_9.zip.json"));
  const Json garmin = Generate("garmin", "garmin.zip", same);
  const Json apple = Generate("apple", "apple", "--zip " + same);
  ASSERT_GT(garmin["activities"].size(), 10u);
  ASSERT_GE(apple["runs"].size(), 3u);
  const std::size_t runs = RunsOf(strava).size();
  // In any order: each run once.
  Import("apple/export.zip");
  Import("export_9.zip");
  Import("garmin.zip");
  EXPECT_EQ(RunsStored(), runs);
  ExpectStored(strava);
  // Apple's runs are Strava's GPX runs, and Garmin's its FIT runs: each found twice.
  std::size_t aliases = 0;
  const std::vector<StoredActivity> stored = *store_->Activities();
  for (const StoredActivity& a : stored) aliases += (*store_->ActivityForRun(a.log_id))->aliases.size();
  EXPECT_GE(aliases, garmin["activities"].size() + apple["runs"].size() - 2);
}

TEST_F(ExportImport, TheCommandShowsItsProgressThenEveryRunWithItsName) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json manifest = Generate("strava", "export_12.zip", "--activities 40 --seed 12");
  testing::TerminalSession session({BACKSTRIDE_BINARY, "--db", dir_.File("cli.db"), "import",
                                    dir_.File("export_12.zip")});
  ASSERT_TRUE(session.WaitFor("runs found", std::chrono::seconds(60))) << session.screen();
  ASSERT_TRUE(session.WaitFor("Runs imported:", std::chrono::seconds(60))) << session.screen();
  EXPECT_EQ(session.Wait(), 0) << session.screen();
  const std::string& screen = session.screen();
  EXPECT_NE(screen.find(" MB, "), std::string::npos) << "bytes read of the size";
  const std::size_t runs = RunsOf(manifest).size();
  EXPECT_NE(screen.find("Imported " + std::to_string(runs) + " runs"), std::string::npos) << screen;
  for (const Json& run : RunsOf(manifest)) {
    const std::string name = run["name"].get<std::string>();
    // Names are wrapped with the line; their first word is on the screen.
    EXPECT_NE(screen.find("\"" + name.substr(0, name.find(' '))), std::string::npos) << name;
  }
}

// The binary importing `export_path` into `db`, as a separate process.
pid_t StartImport(const std::string& db, const std::string& export_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(BACKSTRIDE_BINARY, BACKSTRIDE_BINARY, "--db", db.c_str(), "import", export_path.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Runs stored in `db` now, read beside the writer (0 before it made its tables).
int RunsIn(const std::string& db) {
  sqlite3* handle = nullptr;
  int count = 0;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(handle, 1000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT COUNT(*) FROM log WHERE kind = 'run'", -1, &statement,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      count = sqlite3_column_int(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(handle);
  return count;
}

std::set<std::pair<long long, long long>> RunsByStartAndMetre(Store& store) {
  std::set<std::pair<long long, long long>> runs;
  const std::vector<StoredActivity> stored = *store.Activities();
  for (const StoredActivity& a : stored) {
    runs.emplace(std::llround(a.start_utc), std::llround(a.distance_m.value_or(0)));
  }
  return runs;
}

TEST_F(ExportImport, AnImportKilledThreeTimesEndsWithTheRunsOfOneThatWasNot) {
  BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), "the recordings the generated exports are made of");
  const Json apple = Generate("apple", "apple", "--zip --runs 60 --seed 4 --records-mb 40");
  const std::string zip = dir_.File("apple/export.zip");

  const std::string whole = dir_.File("whole.db");
  int status = 0;
  waitpid(StartImport(whole, zip), &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  // kill -9 while export.xml is being read, then twice while runs are being stored.
  const std::string killed = dir_.File("killed.db");
  int kills = 0;
  for (const int runs_before_kill : {0, 12, 35}) {
    const pid_t pid = StartImport(killed, zip);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    if (runs_before_kill == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
    } else {
      while (RunsIn(killed) < runs_before_kill && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills;
  }
  EXPECT_EQ(kills, 3) << "each import was stopped before it finished";
  EXPECT_LT(RunsIn(killed), 60);
  waitpid(StartImport(killed, zip), &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  auto uninterrupted = std::move(*SqliteStore::Open(whole));
  auto interrupted = std::move(*SqliteStore::Open(killed));
  EXPECT_TRUE(interrupted->CheckIntegrity());
  EXPECT_EQ(RunsByStartAndMetre(*interrupted), RunsByStartAndMetre(*uninterrupted));
  EXPECT_EQ(interrupted->Log({})->size(), 60u) << "nothing imported twice";
  EXPECT_TRUE(interrupted->ImportedEntries("export.zip:" + std::to_string(std::filesystem::file_size(zip)))
                  ->empty())
      << "a finished import leaves no progress behind";
}

}  // namespace
}  // namespace backstride
