// What the importer counts as a run, on activities as the decoders hand them over: too
// short, no distance, a pace no one runs with and without a sport in the file.
#include <gtest/gtest.h>

#include "app/import.h"
#include "store/sqlite_store.h"
#include "store/temp_dir.h"

namespace backstride {
namespace {

// A run as a decoder finishes it: `distance_m` in `seconds`, starting 2026-02-27 07:00 UTC,
// a sample every 5 s with heart rate.
Activity ARun(std::optional<double> distance_m, double seconds) {
  Activity run;
  run.format = "fit";
  run.sport = Sport::kRunning;
  run.start_utc_s = 1772175600;
  run.elapsed_s = seconds;
  run.timer_s = seconds;
  run.moving_s = seconds;
  run.distance_m = distance_m;
  run.distance_from_device = true;
  for (double t = 0; t <= seconds; t += 5) {
    Sample sample;
    sample.time_s = *run.start_utc_s + t;
    if (distance_m) sample.distance_m = *distance_m * t / seconds;
    sample.heart_rate_bpm = 140;
    run.samples.push_back(sample);
  }
  run.points = run.samples.size();
  return run;
}

DecodedFile FileOf(Activity activity) {
  DecodedFile file;
  file.points = activity.points;
  file.activities.push_back(std::move(activity));
  return file;
}

class ImportRules : public ::testing::Test {
 protected:
  ImportedFile Import(Activity activity) {
    return ImportDecoded(*store_, "watch/run.fit", FileOf(std::move(activity)), {});
  }
  TempDir dir_;
  std::unique_ptr<Store> store_ = std::move(*SqliteStore::Open(dir_.File("b.db")));
};

TEST_F(ImportRules, RecordingsTooShortToBeARunAreLeftOut) {
  // Seen in files: 18 m in 13 s, 6 m in 14 s; and 80 m in a minute.
  for (const auto& [metres, seconds] :
       std::vector<std::pair<double, double>>{{18, 13}, {6, 14}, {80, 60}}) {
    const ImportedFile file = Import(ARun(metres, seconds));
    EXPECT_EQ(file.status, ImportStatus::kSkipped) << metres << " m in " << seconds << " s";
    EXPECT_EQ(file.reason, ImportReason::kTooShort);
  }
  // At the thresholds it is a run.
  EXPECT_EQ(Import(ARun(kShortestRunM, kShortestRunS)).status, ImportStatus::kImported);
  EXPECT_EQ(store_->Log()->size(), 1u);
}

TEST_F(ImportRules, ARunWithoutADistanceIsKeptByItsTimeWithItsHeartRate) {
  const ImportedFile file = Import(ARun(std::nullopt, 57 * 60));
  ASSERT_EQ(file.status, ImportStatus::kImported) << ImportReasonText(file, DistanceUnit::kKilometres);
  ASSERT_TRUE(file.run.has_value());
  EXPECT_FALSE(file.run->distance_m.has_value());
  EXPECT_EQ(file.run->duration_s, 57 * 60);
  const LogEntry entry = *store_->LogEntryById(*file.run_id);
  EXPECT_FALSE(entry.distance_m.has_value());
  EXPECT_EQ(entry.duration_s, 57 * 60);
  const auto track = (*store_->ActivityForRun(*file.run_id))->track;
  ASSERT_FALSE(track.empty());
  EXPECT_EQ(track.back().heart_rate_bpm, 140);
  EXPECT_FALSE(track.back().distance_m.has_value());
  // A distance of 0 is no distance either (a treadmill's empty field).
  Activity zero = ARun(0, 30 * 60);
  zero.start_utc_s = *zero.start_utc_s + 86400;
  for (Sample& sample : zero.samples) sample.time_s += 86400;
  const ImportedFile zero_file = Import(zero);
  EXPECT_EQ(zero_file.status, ImportStatus::kImported);
  EXPECT_FALSE(store_->LogEntryById(*zero_file.run_id)->distance_m.has_value());
}

TEST_F(ImportRules, APaceNoOneRunsIsARideWithoutASportAndFlaggedWithOne) {
  // 21 km at 2:49 /km.
  Activity guessed = ARun(21000, 3549);
  guessed.sport_inferred = true;
  guessed.pace_beyond_record = true;
  const ImportedFile ride = Import(guessed);
  EXPECT_EQ(ride.status, ImportStatus::kSkipped);
  EXPECT_EQ(ride.reason, ImportReason::kPaceNotARun);
  EXPECT_NE(ImportReasonText(ride, DistanceUnit::kKilometres).find("2:49 /km"), std::string::npos);
  EXPECT_TRUE(store_->Log()->empty());

  // The same file saying it is a run: stored, and flagged for the runner to check.
  Activity said = ARun(21000, 3549);
  said.pace_beyond_record = true;
  const ImportedFile run = Import(said);
  EXPECT_EQ(run.status, ImportStatus::kImported);
  EXPECT_TRUE(run.pace_implausible);
  const auto notices = ImportNoticeTexts(run, DistanceUnit::kKilometres);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("Please check this run"), std::string::npos) << notices[0];
  EXPECT_EQ(store_->Log()->size(), 1u);
}

TEST_F(ImportRules, ADuplicateNamesTheStoredRunItRepeats) {
  const ImportedFile first = Import(ARun(5020, 1812));
  ASSERT_EQ(first.status, ImportStatus::kImported);
  const ImportedFile again = Import(ARun(5000, 1800));
  EXPECT_EQ(again.status, ImportStatus::kDuplicate);
  EXPECT_EQ(again.reason, ImportReason::kDuplicate);
  ASSERT_TRUE(again.match.has_value());
  EXPECT_EQ(again.match->run_id, first.run_id);
  EXPECT_EQ(FormatDate(again.match->date), "2026-02-27");
  EXPECT_EQ(again.match->file, "watch/run.fit");
}

}  // namespace
}  // namespace backstride
