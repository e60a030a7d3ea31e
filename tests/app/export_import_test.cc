// Whole exports, as the services write them, imported run by run: the generators in
// tests/exports write each layout with its quirks from the real files of the corpus, with
// a manifest of what they wrote; the import must find every run in it, on its day, with
// its distance and name, and nothing else.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "activity/activity.h"
#include "app/import.h"
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

}  // namespace
}  // namespace backstride
