// The Apple Health export reader on small hand-written export.xml files, each laid out as
// an iPhone writes them, with the quirks real exports carry.
#include "activity/apple_health.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace backstride {
namespace {

constexpr std::string_view kHead =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE HealthData [\n"
    "<!-- HealthKit Export Version: 12 -->\n"
    "<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n"
    "<!ATTLIST HealthData\n  locale CDATA #REQUIRED\n>\n"
    "<!ATTLIST Record\n  type CDATA #REQUIRED\n  value CDATA #IMPLIED\n>\n"
    "]>\n"
    "<HealthData locale=\"en_US\">\n"
    " <ExportDate value=\"2024-10-26 09:00:00 -0500\"/>\n"
    " <Me HKCharacteristicTypeIdentifierDateOfBirth=\"1990-01-01\"/>\n";
constexpr std::string_view kTail = "</HealthData>\n";

// 2024-10-25 07:00:00 -0500 is 12:00:00 UTC.
constexpr double kMorning = 1729857600;

std::string HeartRate(std::string_view date, int bpm) {
  return " <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"Watch\" "
         "unit=\"count/min\" creationDate=\"" +
         std::string(date) + "\" startDate=\"" + std::string(date) + "\" endDate=\"" +
         std::string(date) + "\" value=\"" + std::to_string(bpm) + "\"/>\n";
}

// A 30-minute run from 07:00 to 07:32 local with a 2-minute pause, iOS 16 statistics.
std::string PausedRun() {
  return " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"30\" "
         "durationUnit=\"min\" sourceName=\"Ana&apos;s Watch\" startDate=\"2024-10-25 07:00:00 "
         "-0500\" "
         "endDate=\"2024-10-25 07:32:00 -0500\">\n"
         "  <MetadataEntry key=\"HKIndoorWorkout\" value=\"0\"/>\n"
         "  <MetadataEntry key=\"HKElevationAscended\" value=\"418 cm\"/>\n"
         "  <WorkoutEvent type=\"HKWorkoutEventTypePause\" date=\"2024-10-25 07:10:00 -0500\"/>\n"
         "  <WorkoutEvent type=\"HKWorkoutEventTypeResume\" date=\"2024-10-25 07:12:00 -0500\"/>\n"
         "  <WorkoutEvent type=\"HKWorkoutEventTypeMotionPaused\" date=\"2024-10-25 07:20:00 "
         "-0500\"/>\n"
         "  <WorkoutEvent type=\"HKWorkoutEventTypeMotionResumed\" date=\"2024-10-25 07:20:30 "
         "-0500\"/>\n"
         "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\" "
         "startDate=\"2024-10-25 07:00:00 -0500\" endDate=\"2024-10-25 07:32:00 -0500\" "
         "sum=\"5.02\" unit=\"km\"/>\n"
         "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierHeartRate\" "
         "startDate=\"2024-10-25 07:00:00 -0500\" endDate=\"2024-10-25 07:32:00 -0500\" "
         "average=\"151.5\" minimum=\"120\" maximum=\"171\" unit=\"count/min\"/>\n"
         "  <WorkoutRoute sourceName=\"Watch\">\n"
         "   <MetadataEntry key=\"HKMetadataKeySyncVersion\" value=\"2\"/>\n"
         "   <FileReference path=\"/workout-routes/route_2024-10-25_7.00am.gpx\"/>\n"
         "  </WorkoutRoute>\n"
         " </Workout>\n";
}

Result<std::vector<AppleWorkout>> ReadInChunks(std::string_view xml, std::size_t chunk) {
  AppleHealthReader reader;
  for (std::size_t at = 0; at < xml.size(); at += chunk) {
    auto fed =
        reader.Feed(std::span<const char>(xml.data() + at, std::min(chunk, xml.size() - at)));
    if (!fed) return Fail(fed.error());
  }
  return reader.Finish();
}

Result<std::vector<AppleWorkout>> Read(std::string_view xml) {
  return ReadInChunks(xml, xml.size() + 1);
}

TEST(AppleHealth, RunWithPausesStatisticsRouteAndHeartRate) {
  const std::string xml =
      std::string(kHead) + HeartRate("2024-10-25 06:59:59 -0500", 70) +
      HeartRate("2024-10-25 07:05:00 -0500", 140) + HeartRate("2024-10-25 07:31:00 -0500", 165) +
      HeartRate("2024-10-25 07:32:01 -0500", 90) + PausedRun() + std::string(kTail);
  auto workouts = Read(xml);
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  const AppleWorkout& run = workouts->front();
  EXPECT_DOUBLE_EQ(run.start_utc_s, kMorning);
  EXPECT_DOUBLE_EQ(run.end_utc_s, kMorning + 32 * 60);
  EXPECT_EQ(run.utc_offset_s, -5 * 3600);
  EXPECT_DOUBLE_EQ(run.duration_s, 30 * 60);
  ASSERT_TRUE(run.distance_m.has_value());
  EXPECT_NEAR(*run.distance_m, 5020, 1e-6);
  ASSERT_TRUE(run.elevation_gain_m.has_value());
  EXPECT_NEAR(*run.elevation_gain_m, 4.18, 1e-9);
  EXPECT_EQ(run.avg_hr_bpm, 151.5);  // the watch's statistic, not the two joined samples
  EXPECT_EQ(run.max_hr_bpm, 171);
  EXPECT_FALSE(run.indoor);
  ASSERT_EQ(run.pauses.size(), 2u);
  EXPECT_DOUBLE_EQ(run.pauses[0].first, kMorning + 600);
  EXPECT_DOUBLE_EQ(run.pauses[0].second, kMorning + 720);
  EXPECT_DOUBLE_EQ(run.pauses[1].second - run.pauses[1].first, 30);
  EXPECT_EQ(run.route_files,
            std::vector<std::string>{"/workout-routes/route_2024-10-25_7.00am.gpx"});
  EXPECT_EQ(run.source_name, "Ana's Watch");
  // Only the samples inside the run, in time order.
  ASSERT_EQ(run.heart_rate.size(), 2u);
  EXPECT_DOUBLE_EQ(run.heart_rate[0].time_utc_s, kMorning + 300);
  EXPECT_EQ(run.heart_rate[0].bpm, 140);
  EXPECT_EQ(run.heart_rate[1].bpm, 165);
}

TEST(AppleHealth, OldExportTotalDistanceInMilesAndHeartRateFromSamples) {
  const std::string xml =
      std::string(kHead) + HeartRate("2016-05-07 08:10:00 +0100", 150) +
      HeartRate("2016-05-07 08:20:00 +0100", 160) +
      " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"1800\" "
      "durationUnit=\"s\" totalDistance=\"3.1\" totalDistanceUnit=\"mi\" sourceName=\"iPhone\" "
      "startDate=\"2016-05-07 08:00:00 +0100\" endDate=\"2016-05-07 08:30:00 +0100\"/>\n" +
      std::string(kTail);
  auto workouts = Read(xml);
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  const AppleWorkout& run = workouts->front();
  EXPECT_NEAR(*run.distance_m, 3.1 * 1609.344, 1e-6);
  EXPECT_DOUBLE_EQ(run.duration_s, 1800);
  EXPECT_EQ(run.utc_offset_s, 3600);
  EXPECT_DOUBLE_EQ(run.start_utc_s, 1462604400);  // 07:00 UTC
  EXPECT_EQ(run.avg_hr_bpm, 155);
  EXPECT_EQ(run.max_hr_bpm, 160);
  EXPECT_FALSE(run.elevation_gain_m.has_value());
}

TEST(AppleHealth, IndoorRunIsMarked) {
  const std::string xml =
      std::string(kHead) +
      " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"20\" "
      "durationUnit=\"min\" sourceName=\"Watch\" startDate=\"2024-10-25 07:00:00 -0500\" "
      "endDate=\"2024-10-25 07:20:00 -0500\">\n"
      "  <MetadataEntry key=\"HKIndoorWorkout\" value=\"1\"/>\n </Workout>\n" +
      std::string(kTail);
  auto workouts = Read(xml);
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  EXPECT_TRUE(workouts->front().indoor);
  EXPECT_TRUE(workouts->front().route_files.empty());
  EXPECT_FALSE(workouts->front().distance_m.has_value());
}

TEST(AppleHealth, WalksAndRidesAreLeftOut) {
  const std::string xml =
      std::string(kHead) +
      " <Workout workoutActivityType=\"HKWorkoutActivityTypeWalking\" duration=\"20\" "
      "durationUnit=\"min\" sourceName=\"Watch\" startDate=\"2024-10-24 07:00:00 -0500\" "
      "endDate=\"2024-10-24 07:20:00 -0500\">\n"
      "  <MetadataEntry key=\"HKIndoorWorkout\" value=\"1\"/>\n"
      "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\" sum=\"9\" "
      "unit=\"km\"/>\n"
      " </Workout>\n"
      " <Workout workoutActivityType=\"HKWorkoutActivityTypeCycling\" duration=\"20\" "
      "durationUnit=\"min\" sourceName=\"Watch\" startDate=\"2024-10-24 09:00:00 -0500\" "
      "endDate=\"2024-10-24 09:20:00 -0500\"/>\n" +
      PausedRun() + std::string(kTail);
  auto workouts = Read(xml);
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  // The walk's indoor flag and distance did not leak into the run.
  EXPECT_FALSE(workouts->front().indoor);
  EXPECT_NEAR(*workouts->front().distance_m, 5020, 1e-6);
}

TEST(AppleHealth, BrokenIos16DtdAndControlCharactersAreReadPast) {
  // iOS 16 left an <!ATTLIST> unclosed inside the DTD; exports also carry \x0b in values.
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n"
      "<!ATTLIST VisionPrescription\n  type CDATA #REQUIRED\n  brand CDATA #IMPLIED\n"
      "<!ELEMENT RightEye EMPTY>\n<!ATTLIST RightEye\n  sphere CDATA #IMPLIED\n>\n]>\n"
      "<HealthData locale=\"en_US\">\n"
      " <Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\"i\x0bPhone\" "
      "value=\"12\"/>\n"
      " <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"Wat\x0b"
      "ch\" "
      "startDate=\"2024-10-25 07:01:00 -0500\" value=\"1\x0b"
      "44\"/>\n" +
      std::string(
          " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"20\" "
          "durationUnit=\"min\" sourceName=\"Jo\x0b's\x01 Watch\" "
          "startDate=\"2024-10-25 07:00:00 -0500\" endDate=\"2024-10-25 07:20:00 -0500\"/>\n") +
      std::string(kTail);
  AppleHealthReader reader;
  ASSERT_TRUE(reader.Feed(xml).has_value());
  auto workouts = reader.Finish();
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  EXPECT_EQ(workouts->front().source_name, "Jo's Watch");
  ASSERT_EQ(workouts->front().heart_rate.size(), 1u);
  EXPECT_EQ(workouts->front().heart_rate[0].bpm, 144);
  EXPECT_EQ(reader.records_seen(), 2u);
  EXPECT_EQ(reader.heart_rate_samples(), 1u);
}

TEST(AppleHealth, AnyChunkSizeGivesTheSameResult) {
  std::string xml = std::string(kHead) + " <!-- a comment with <Workout> inside -->\n" +
                    " <![CDATA[ <Record type=\"HKQuantityTypeIdentifierHeartRate\"/> ]]>\n" +
                    " <?processing instruction?>\n";
  for (int minute = 0; minute < 40; minute += 3) {
    char date[32];
    std::snprintf(date, sizeof date, "2024-10-25 07:%02d:00 -0500", minute);
    xml += HeartRate(date, 120 + minute);
  }
  xml += PausedRun() + std::string(kTail);
  auto whole = Read(xml);
  ASSERT_TRUE(whole.has_value()) << whole.error().message;
  ASSERT_EQ(whole->size(), 1u);
  ASSERT_EQ(whole->front().heart_rate.size(), 11u);  // 07:00 to 07:30
  for (std::size_t chunk : {1u, 2u, 3u, 7u, 64u, 1000u}) {
    SCOPED_TRACE(chunk);
    auto pieces = ReadInChunks(xml, chunk);
    ASSERT_TRUE(pieces.has_value()) << pieces.error().message;
    ASSERT_EQ(pieces->size(), 1u);
    const AppleWorkout& a = whole->front();
    const AppleWorkout& b = pieces->front();
    EXPECT_EQ(a.start_utc_s, b.start_utc_s);
    EXPECT_EQ(a.duration_s, b.duration_s);
    EXPECT_EQ(a.distance_m, b.distance_m);
    EXPECT_EQ(a.pauses, b.pauses);
    EXPECT_EQ(a.route_files, b.route_files);
    EXPECT_EQ(a.source_name, b.source_name);
    ASSERT_EQ(a.heart_rate.size(), b.heart_rate.size());
    for (std::size_t i = 0; i < a.heart_rate.size(); ++i) {
      EXPECT_EQ(a.heart_rate[i].time_utc_s, b.heart_rate[i].time_utc_s);
      EXPECT_EQ(a.heart_rate[i].bpm, b.heart_rate[i].bpm);
    }
  }
}

TEST(AppleHealth, FileCutInsideAWorkoutFailsAndKeepsTheRunsBefore) {
  const std::string first = PausedRun();
  std::string second = PausedRun();
  second.replace(second.find("2024-10-25 07:00:00"), 10, "2024-10-27");
  const std::string xml =
      std::string(kHead) + HeartRate("2024-10-25 07:05:00 -0500", 140) + first + second;
  // Cut in the middle of the second run's tags, then between its children.
  for (std::size_t cut : {xml.size() - 200, xml.size() - second.size() / 2, xml.size() - 12}) {
    SCOPED_TRACE(cut);
    AppleHealthReader reader;
    ASSERT_TRUE(reader.Feed(std::string_view(xml).substr(0, cut)).has_value());
    auto result = reader.Finish();
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kCorruption);
    EXPECT_NE(result.error().message.find("cut short"), std::string::npos)
        << result.error().message;
    ASSERT_TRUE(result.error().offset.has_value());
    EXPECT_LE(*result.error().offset, cut);
    ASSERT_EQ(reader.workouts_so_far().size(), 1u);
    EXPECT_DOUBLE_EQ(reader.workouts_so_far()[0].start_utc_s, kMorning);
    EXPECT_EQ(reader.workouts_so_far()[0].heart_rate.size(), 1u);  // joined all the same
  }
  // Complete workouts but no closing root: still a cut file.
  AppleHealthReader reader;
  ASSERT_TRUE(reader.Feed(std::string(kHead) + first).has_value());
  auto result = reader.Finish();
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kCorruption);
  EXPECT_EQ(reader.workouts_so_far().size(), 1u);
}

TEST(AppleHealth, InlineLocationRouteOfVeryOldExports) {
  const std::string xml =
      std::string(kHead) +
      " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"10\" "
      "durationUnit=\"min\" sourceName=\"iPhone\" startDate=\"2016-05-07 08:00:00 -0700\" "
      "endDate=\"2016-05-07 08:10:00 -0700\">\n"
      "  <WorkoutRoute sourceName=\"iPhone\">\n"
      "   <Location date=\"2016-05-07 08:00:00 -0700\" latitude=\"37.331\" longitude=\"-122.03\" "
      "altitude=\"12.5\" horizontalAccuracy=\"5\" speed=\"2.9\"/>\n"
      "   <Location date=\"2016-05-07 08:00:05 -0700\" latitude=\"37.3312\" "
      "longitude=\"-122.0301\" "
      "altitude=\"12.7\" speed=\"3.1\"/>\n"
      "  </WorkoutRoute>\n </Workout>\n" +
      std::string(kTail);
  auto workouts = Read(xml);
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  const auto& route = workouts->front().route;
  ASSERT_EQ(route.size(), 2u);
  EXPECT_DOUBLE_EQ(route[0].time_s, 1462633200);
  EXPECT_DOUBLE_EQ(*route[0].lat_deg, 37.331);
  EXPECT_DOUBLE_EQ(*route[1].lon_deg, -122.0301);
  EXPECT_DOUBLE_EQ(*route[1].altitude_m, 12.7);
  EXPECT_DOUBLE_EQ(*route[1].speed_mps, 3.1);
  EXPECT_DOUBLE_EQ(route[1].time_s - route[0].time_s, 5);
}

TEST(AppleHealth, HeartRateAfterTheWorkoutIsStillJoined) {
  const std::string xml = std::string(kHead) + PausedRun() +
                          HeartRate("2024-10-25 07:15:00 -0500", 150) +
                          HeartRate("2024-10-25 07:01:00 -0500", 130) +
                          HeartRate("2024-10-26 07:01:00 -0500", 60) + std::string(kTail);
  auto workouts = Read(xml);
  ASSERT_TRUE(workouts.has_value()) << workouts.error().message;
  ASSERT_EQ(workouts->size(), 1u);
  const auto& hr = workouts->front().heart_rate;
  ASSERT_EQ(hr.size(), 2u);
  EXPECT_EQ(hr[0].bpm, 130);  // sorted by time, though written later
  EXPECT_EQ(hr[1].bpm, 150);
}

TEST(AppleHealth, DamagedMarkupIsReportedWithItsOffset) {
  const std::string before = std::string(kHead) + PausedRun();
  const std::string xml = before + " < Record/>\n" + std::string(kTail);
  AppleHealthReader reader;
  auto fed = reader.Feed(xml);
  ASSERT_FALSE(fed.has_value());
  EXPECT_EQ(fed.error().code, ErrorCode::kCorruption);
  EXPECT_EQ(fed.error().offset, before.size() + 1);
  EXPECT_FALSE(reader.Finish().has_value());
  EXPECT_EQ(reader.workouts_so_far().size(), 1u);
}

TEST(AppleHealth, OtherXmlIsNotTakenForAnExport) {
  AppleHealthReader reader;
  auto fed = reader.Feed(std::string_view("<?xml version=\"1.0\"?><gpx><trk/></gpx>"));
  ASSERT_FALSE(fed.has_value());
  EXPECT_EQ(fed.error().code, ErrorCode::kUnsupported);
}

// Inputs a fuzzer once crashed or hung on (tests/data/fuzz/apple_health/), read again.
TEST(AppleHealth, FuzzRegressionsReadOrFailCleanly) {
  const std::filesystem::path folder =
      std::filesystem::path(BACKSTRIDE_TEST_DATA_DIR) / "data" / "fuzz" / "apple_health";
  if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << "no regression files yet";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, bytes.size() + 1}) {
      auto result = ReadInChunks(bytes, chunk);
      if (!result) {
        EXPECT_FALSE(result.error().message.empty());
      }
    }
  }
}

}  // namespace
}  // namespace backstride
