// The reader of Garmin Connect's summarizedActivities.json: its units (centimetres and
// milliseconds, not the API's metres and seconds), the local time's offset, the running
// types, and entries that are incomplete or damaged.
#include "activity/garmin_summary.h"

#include <gtest/gtest.h>

#include <string>

namespace backstride {
namespace {

std::string Joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const std::string& problem : problems) all += problem + "\n";
  return all;
}

GarminActivitySummaries Read(std::string_view json) {
  auto read = ReadGarminSummarizedActivities(json);
  EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().message);
  return read ? *read : GarminActivitySummaries{};
}

// Keys and shapes as the export writes them (garmin-grafana's bulk importer and #278);
// the values are a 10 km trail run at 07:00 in Berlin summer time (UTC+2).
constexpr std::string_view kTrailRun = R"({
  "activityId": 12345678901,
  "name": "Morning trail",
  "activityType": "trail_running",
  "sportType": "RUNNING",
  "startTimeGmt": 1720328400000.0,
  "startTimeLocal": 1720335600000.0,
  "duration": 3725412.0,
  "elapsedDuration": 3901000.0,
  "movingDuration": 3650000.0,
  "distance": 1002345.0,
  "avgHr": 146.0,
  "maxHr": 171.0,
  "avgRunCadence": 83.0,
  "avgDoubleCadence": 166.5,
  "elevationGain": 23400.0
})";

TEST(GarminSummary, CentimetresAndMillisecondsBecomeMetresAndSeconds) {
  const GarminActivitySummaries read =
      Read("[{\"summarizedActivitiesExport\":[" + std::string(kTrailRun) + "]}]");
  ASSERT_EQ(read.activities.size(), 1u) << Joined(read.problems);
  EXPECT_TRUE(read.problems.empty()) << Joined(read.problems);
  const GarminActivitySummary& run = read.activities[0];
  EXPECT_EQ(run.activity_id, 12345678901);
  EXPECT_EQ(run.name, "Morning trail");
  EXPECT_EQ(run.activity_type, "trail_running");
  EXPECT_EQ(run.start_utc_s, 1720328400);
  EXPECT_EQ(run.utc_offset_s, 2 * 3600);
  EXPECT_NEAR(*run.distance_m, 10023.45, 1e-9);
  EXPECT_NEAR(*run.duration_s, 3725.412, 1e-9);
  EXPECT_NEAR(*run.elapsed_s, 3901.0, 1e-9);
  EXPECT_NEAR(*run.moving_s, 3650.0, 1e-9);
  EXPECT_NEAR(*run.elevation_gain_m, 234.0, 1e-9);
  EXPECT_EQ(run.avg_hr_bpm, 146);
  EXPECT_EQ(run.max_hr_bpm, 171);
  EXPECT_EQ(run.avg_cadence_spm, 166.5);  // both feet
  EXPECT_FALSE(run.indoor);
  EXPECT_TRUE(IsGarminRun(run.activity_type));
}

TEST(GarminSummary, OneFootCadenceIsDoubledWhenTheBothFeetOneIsMissing) {
  const GarminActivitySummaries read = Read(R"([{"summarizedActivitiesExport":[
    {"activityId": 1, "activityType": "treadmill_running", "startTimeGmt": 1720328400000,
     "avgRunCadence": 84.0}]}])");
  ASSERT_EQ(read.activities.size(), 1u);
  EXPECT_EQ(read.activities[0].avg_cadence_spm, 168);
  EXPECT_TRUE(read.activities[0].indoor);
  EXPECT_FALSE(read.activities[0].utc_offset_s.has_value());
  EXPECT_FALSE(read.activities[0].distance_m.has_value());
}

TEST(GarminSummary, WestOfGreenwichTheOffsetIsNegative) {
  const GarminActivitySummaries read = Read(R"([{"summarizedActivitiesExport":[
    {"activityId": 2, "activityType": "running", "startTimeGmt": 1720360800000,
     "startTimeLocal": 1720342800000}]}])");
  ASSERT_EQ(read.activities.size(), 1u);
  EXPECT_EQ(read.activities[0].utc_offset_s, -5 * 3600);
}

TEST(GarminSummary, RunningTypesAndOthers) {
  for (std::string_view run : {"running", "treadmill_running", "trail_running", "track_running",
                               "street_running", "indoor_running", "virtual_run", "ultra_run"}) {
    EXPECT_TRUE(IsGarminRun(run)) << run;
  }
  for (std::string_view other : {"cycling", "walking", "hiking", "indoor_cycling", "lap_swimming",
                                 "strength_training", "runner", ""}) {
    EXPECT_FALSE(IsGarminRun(other)) << other;
  }
  // A non-run is still read; callers choose what to keep.
  const GarminActivitySummaries read = Read(R"([{"summarizedActivitiesExport":[
    {"activityId": 3, "activityType": "cycling", "startTimeGmt": 1720328400000,
     "distance": 4000000}]}])");
  ASSERT_EQ(read.activities.size(), 1u);
  EXPECT_FALSE(IsGarminRun(read.activities[0].activity_type));
  EXPECT_EQ(read.activities[0].distance_m, 40000);
}

TEST(GarminSummary, EntryWithoutStartIsDroppedAndCounted) {
  const GarminActivitySummaries read = Read(R"([{"summarizedActivitiesExport":[
    {"activityId": 4, "activityType": "running", "startTimeGmt": 1720328400000},
    {"activityId": 5, "activityType": "running", "distance": 500000},
    {"activityId": 6, "activityType": "running", "startTimeGmt": null},
    {"activityId": 7, "activityType": "running", "startTimeGmt": 1720414800000}]}])");
  ASSERT_EQ(read.activities.size(), 2u);
  EXPECT_EQ(read.activities[0].activity_id, 4);
  EXPECT_EQ(read.activities[1].activity_id, 7);
  EXPECT_EQ(read.dropped_without_start, 2u);
  ASSERT_EQ(read.problems.size(), 2u) << Joined(read.problems);
  EXPECT_NE(read.problems[0].find("Activity 2"), std::string::npos) << read.problems[0];
  EXPECT_NE(read.problems[1].find("Activity 3"), std::string::npos) << read.problems[1];
}

TEST(GarminSummary, ValueOfTheWrongTypeIsSkippedAndTheRestKept) {
  const GarminActivitySummaries read = Read(R"([{"summarizedActivitiesExport":[
    {"activityId": 8, "name": 42, "activityType": "running", "startTimeGmt": 1720328400000,
     "distance": "far", "avgHr": 150, "duration": [1, 2]}]}])");
  ASSERT_EQ(read.activities.size(), 1u);
  const GarminActivitySummary& run = read.activities[0];
  EXPECT_EQ(run.activity_id, 8);
  EXPECT_TRUE(run.name.empty());
  EXPECT_FALSE(run.distance_m.has_value());
  EXPECT_FALSE(run.duration_s.has_value());
  EXPECT_EQ(run.avg_hr_bpm, 150);
  EXPECT_EQ(read.problems.size(), 3u) << Joined(read.problems);
  EXPECT_NE(Joined(read.problems).find("distance is not a number"), std::string::npos);
}

TEST(GarminSummary, NestedValuesAreSkippedAndTheApiTypeObjectIsRead) {
  // splitSummaries and other nested keys are not ours; an entry that is not an object is
  // named; the API writes activityType as {"typeKey": ...}; a second export object in
  // the outer list is read too.
  const GarminActivitySummaries read = Read(R"([
    {"summarizedActivitiesExport":[
      {"activityId": 9, "startTimeGmt": 1720328400000, "distance": 500000,
       "splitSummaries": [{"distance": 1, "startTimeGmt": 5, "avgHr": {"x": [1, 2]}}],
       "activityType": {"typeId": 1, "typeKey": "street_running", "parentTypeId": 17},
       "avgHr": 151},
      17,
      {"activityId": 10, "startTimeGmt": 1720414800000, "activityType": "walking"}]},
    {"summarizedActivitiesExport":[
      {"activityId": 11, "startTimeGmt": 1720501200000, "activityType": "running"}]}])");
  ASSERT_EQ(read.activities.size(), 3u) << Joined(read.problems);
  EXPECT_EQ(read.activities[0].activity_type, "street_running");
  EXPECT_EQ(read.activities[0].distance_m, 5000);
  EXPECT_EQ(read.activities[0].avg_hr_bpm, 151);
  EXPECT_EQ(read.activities[0].start_utc_s, 1720328400);
  EXPECT_EQ(read.activities[1].activity_id, 10);
  EXPECT_EQ(read.activities[2].activity_id, 11);
  ASSERT_EQ(read.problems.size(), 1u) << Joined(read.problems);
  EXPECT_NE(read.problems[0].find("Activity 2 is not an activity"), std::string::npos)
      << read.problems[0];
}

TEST(GarminSummary, DamagedJsonIsCorruptionWithItsOffset) {
  const std::string text = "[{\"summarizedActivitiesExport\":[" + std::string(kTrailRun);
  const auto cut = ReadGarminSummarizedActivities(text.substr(0, text.size() - 40));
  ASSERT_FALSE(cut.has_value());
  EXPECT_EQ(cut.error().code, ErrorCode::kCorruption);
  ASSERT_TRUE(cut.error().offset.has_value());
  EXPECT_GT(*cut.error().offset, 100u);
}

TEST(GarminSummary, OtherJsonOfTheExportIsRefused) {
  for (std::string_view text : {R"([{"sleepStartTimestampGMT": "2024-07-07T22:00:00.0"}])",
                                R"({"summarizedActivitiesExport": 3})", "[]", "null"}) {
    const auto read = ReadGarminSummarizedActivities(text);
    ASSERT_FALSE(read.has_value()) << text;
    EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument) << text;
  }
  // An export with no activities is a valid, empty list.
  EXPECT_TRUE(Read(R"([{"summarizedActivitiesExport":[]}])").activities.empty());
}

}  // namespace
}  // namespace backstride
