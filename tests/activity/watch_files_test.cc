// What runners' watch files showed the decoders getting wrong, each pinned on a real file:
// a recording in several segments or tracks, times that step back, a FIT activity chained
// with settings, a ride with no sport, a run faster than the world record, the 255
// placeholder heart rate, a file cut in the middle, a treadmill run with no distance, and
// heart rate and cadence on every point. Where no real file shows a fault, a real file is
// edited here, in the test, as little as the fault needs (tests/data/PROVENANCE.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "activity/decode.h"
#include "activity/metrics.h"
#include "activity/xml_decoder.h"
#include "test_support/shared_data.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

using testing::CorpusDir;
using testing::InTreeFiles;

std::string ReadText(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> Bytes(std::string_view text) { return {text.begin(), text.end()}; }

Result<DecodedFile> DecodePath(const fs::path& path) {
  const std::string text = ReadText(path);
  return DecodeActivityFile(path.filename().string(), Bytes(text));
}

bool HasWarning(const DecodedFile& decoded, std::string_view text) {
  return std::any_of(decoded.warnings.begin(), decoded.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

#define REQUIRE_CORPUS(why) BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), why)

// --- A recording in segments ------------------------------------------------------------------

// gpxpy's length_2d of the file (python3-gpxpy 1.5.0): it sums each segment, never the gap.
constexpr double kCerknicaGpxpyM = 4580.1;

// A Garmin handheld's afternoon round a lake, downloaded by GPSBabel as eight tracks (a new
// one after each stop, the first empty). It is one outing: 4.6 km, not the first track's 1.9.
TEST(WatchFiles, TracksOfOneOutingAreOneRunWithoutTheGaps) {
  auto decoded = DecodePath(InTreeFiles() / "gpx" / "gpxpy--cerknicko-jezero.gpx");
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message;
  ASSERT_EQ(decoded->activities.size(), 1u);
  const Activity& outing = decoded->activities[0];
  EXPECT_EQ(outing.samples.size(), 296u);
  EXPECT_EQ(outing.segment_starts.size(), 6u);  // seven tracks with points
  EXPECT_NEAR(*outing.distance_m, kCerknicaGpxpyM, kCerknicaGpxpyM * 0.005);
  EXPECT_EQ(outing.elapsed_s, 7190);  // 14:23:59 to 16:23:49, stops included
  // The timer adds up the tracks, not the stops between them.
  ASSERT_TRUE(outing.timer_s.has_value());
  EXPECT_NEAR(*outing.timer_s, 4239, 1);

  // Summed across the gaps, the same points would give more.
  Activity bridged = outing;
  bridged.segment_starts.clear();
  EXPECT_GT(CumulativeDistance(bridged).back(), *outing.distance_m + 50);
}

// A ride recorded as one track of 16 segments (GoldenCheetah's test file, GPL: from the
// corpus): every segment counts, and no gap between them.
TEST(WatchFiles, EverySegmentOfATrackCountsAndNoGap) {
  REQUIRE_CORPUS("a GPX track of 16 segments (GoldenCheetah, GPL-2.0)");
  auto decoded = DecodePath(CorpusDir() / "gpx" / "gc--1292585194-20906.gpx");
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->activities.size(), 1u);
  const Activity& ride = decoded->activities[0];
  EXPECT_EQ(ride.segment_starts.size(), 15u);
  EXPECT_NEAR(*ride.distance_m, 40693.6, 40693.6 * 0.005);  // gpxpy's length_2d
  ASSERT_TRUE(ride.timer_s.has_value());
  EXPECT_NEAR(*ride.timer_s, 5916, 10);  // gpxpy's moving time
  EXPECT_LE(ride.moving_s, *ride.timer_s);
}

// --- Times that step back ---------------------------------------------------------------------

// Sets the time of every third track point to two seconds before the point ahead of it
// in its segment, and of every fifth to the same time as it: what Sports Tracker's
// exports look like.
std::string WithTimesSteppingBack(const std::string& gpx, int* edited) {
  std::string out = gpx;
  std::size_t at = 0;
  int index = 0;
  std::optional<double> previous;
  for (std::size_t last = 0; (at = out.find("<trkpt", at)) != std::string::npos; last = at) {
    if (out.find("<trkseg>", last) < at) previous.reset();
    const std::size_t open = out.find("<time>", at);
    const std::size_t close = out.find("</time>", open);
    if (open == std::string::npos || close == std::string::npos) break;
    const std::size_t value = open + 6;
    const auto time = ParseIsoTime(std::string_view(out).substr(value, close - value));
    if (time && previous && (index % 3 == 2 || index % 5 == 4)) {
      const std::string written = FormatIsoTime(*previous - (index % 3 == 2 ? 2 : 0));
      out.replace(value, close - value, written);
      ++*edited;
    }
    previous = time;
    ++index;
    at = close;
  }
  return out;
}

// Decodes `gpx` as recorded and with times stepping back, and checks the second gives the
// same run; returns the two.
std::pair<Activity, Activity> ExpectTimesSteppingBackChangeNothing(const std::string& gpx) {
  int edited = 0;
  const std::string jumbled = WithTimesSteppingBack(gpx, &edited);
  EXPECT_GT(edited, 100);
  auto before = DecodeGpx(Bytes(gpx));
  auto after = DecodeGpx(Bytes(jumbled));
  if (!before || !after || after->activities.size() != 1) {
    ADD_FAILURE() << "not decoded as one activity";
    return {};
  }
  const Activity& a = before->activities[0];
  const Activity& b = after->activities[0];
  // The positions run in the order recorded: the same distance, not a zigzag between
  // points put in time order.
  EXPECT_NEAR(*b.distance_m, *a.distance_m, 1e-6);
  // Elapsed time stays what the clock says.
  EXPECT_LE(b.elapsed_s, a.elapsed_s);
  EXPECT_GE(b.elapsed_s, a.elapsed_s - 60);
  for (std::size_t i = 1; i < b.samples.size(); ++i) {
    EXPECT_GE(b.samples[i].time_s, b.samples[i - 1].time_s) << i;
  }
  EXPECT_TRUE(HasWarning(*after, "timed before the point recorded ahead of them"));
  EXPECT_FALSE(HasWarning(*before, "timed before"));
  return {a, b};
}

TEST(WatchFiles, TimesThatStepBackKeepTheOrderRecorded) {
  ExpectTimesSteppingBackChangeNothing(
      ReadText(InTreeFiles() / "gpx" / "gpxpy--cerknicko-jezero.gpx"));
}

// On a run recorded every second, moving time stays what it was too.
TEST(WatchFiles, TimesThatStepBackKeepTheMovingTime) {
  REQUIRE_CORPUS("a run recorded every second as GPX (sports-lib, AGPL-3.0)");
  const auto [a, b] = ExpectTimesSteppingBackChangeNothing(
      ReadText(CorpusDir() / "gpx" / "sportslib--6782987395.gpx"));
  EXPECT_NEAR(b.moving_s, a.moving_s, a.moving_s * 0.03);
  EXPECT_EQ(b.sport, Sport::kRunning);
}

// --- FIT files by their type ------------------------------------------------------------------

// python-fitparse's activity-settings.fit: an activity with a settings file chained after
// it. The file_id of the activity decides; it was skipped as "a settings file".
TEST(WatchFiles, AFitActivityChainedWithSettingsIsAnActivity) {
  auto decoded = DecodePath(InTreeFiles() / "fit" / "fitparse--activity-settings.fit");
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(decoded->not_an_activity.empty()) << decoded->not_an_activity;
  ASSERT_EQ(decoded->activities.size(), 1u);
  EXPECT_EQ(decoded->activities[0].sport, Sport::kRunning);
  EXPECT_EQ(decoded->activities[0].samples.size(), 14u);
  EXPECT_FALSE(decoded->activities[0].times_from_power_on);  // a real date
  auto settings = DecodePath(InTreeFiles() / "fit" / "fitparse--Settings.fit");
  ASSERT_TRUE(settings.has_value());
  EXPECT_NE(settings->not_an_activity.find("settings"), std::string::npos);
}

// --- The sport -------------------------------------------------------------------------------

// An activity of `distance_m` over `time_s` in 1 s samples, with a cadence as written.
Activity Recording(double distance_m, double time_s, std::optional<double> cadence) {
  Activity activity;
  activity.format = "gpx";
  const int n = static_cast<int>(time_s);
  for (int i = 0; i <= n; ++i) {
    Sample sample;
    sample.time_s = 1'700'000'000.0 + i;
    sample.distance_m = distance_m * i / n;
    sample.cadence_spm = cadence;
    activity.samples.push_back(sample);
  }
  FinishActivity(activity);
  return activity;
}

TEST(WatchFiles, ARunIsInferredFromPaceAndCadence) {
  struct Case {
    const char* what;
    double distance_m, time_s;
    std::optional<double> cadence;
    Sport sport;
    std::optional<double> steps;  // the cadence after inference
  };
  const Case cases[] = {
      {"21 km at 2:49 /km, cadence 71: the ride of the report", 21000, 21 * 169, 71,
       Sport::kUnknown, 71},
      {"the same cadence at 5:30 /km: a slow ride", 10000, 3300, 71, Sport::kUnknown, 71},
      {"5:30 /km at 85 strides a minute", 10000, 3300, 85, Sport::kRunning, 170},
      {"5:30 /km at 172 steps a minute", 10000, 3300, 172, Sport::kRunning, 172},
      {"5:30 /km, no cadence recorded: the pace decides", 10000, 3300, std::nullopt,
       Sport::kRunning, std::nullopt},
      {"3:10 /km over a half marathon, 88 strides a minute", 21097, 21.1 * 190, 88,
       Sport::kRunning, 176},
      {"2:55 /km over a half marathon: over 90% of the record's speed", 21097, 21.1 * 175, 88,
       Sport::kUnknown, 88},
      {"13:00 /km: a walk", 5000, 3900, 60, Sport::kUnknown, 60},
      {"150 m in 50 s: too little to tell", 150, 50, 85, Sport::kUnknown, 85},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const Activity activity = Recording(c.distance_m, c.time_s, c.cadence);
    EXPECT_EQ(activity.sport, c.sport);
    EXPECT_EQ(activity.sport_inferred, c.sport == Sport::kRunning);
    EXPECT_EQ(activity.samples[10].cadence_spm, c.steps);
    EXPECT_FALSE(activity.pace_beyond_record);
  }
}

// gpxpy's track_with_speed.gpx: 18.6 m in 13 s was stored as a run.
TEST(WatchFiles, AFewMetresAreNoRun) {
  auto decoded = DecodePath(InTreeFiles() / "gpx" / "gpxpy--track_with_speed.gpx");
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->activities.size(), 1u);
  EXPECT_EQ(decoded->activities[0].sport, Sport::kUnknown);
}

// A handheld GPS's afternoon out (gpxpy's test file, Apache-2.0): 6.3 km over three and a half
// hours, points far apart. Its moving time alone (under an hour, as gaps read as pauses)
// would pass for a run; over the time it would be stored with it is a walker's pace.
TEST(WatchFiles, ASparseHikingTrackIsNoRun) {
  REQUIRE_CORPUS("gpxpy's korita-zbevnica.gpx");
  auto decoded = DecodePath(CorpusDir() / "gpx" / "gpxpy--korita-zbevnica.gpx");
  ASSERT_TRUE(decoded.has_value());
  ASSERT_FALSE(decoded->activities.empty());
  for (const Activity& activity : decoded->activities) {
    EXPECT_NE(activity.sport, Sport::kRunning) << activity.distance_m.value_or(0) << " m";
  }
}

// A real run's GPX with its <type> taken out is still found to be a run, its cadence
// (strides in the file) made steps as the FIT of the same run has them.
TEST(WatchFiles, ARunWithoutItsSportIsStillARun) {
  REQUIRE_CORPUS("the same run as FIT and GPX (sports-lib, AGPL-3.0)");
  std::string gpx = ReadText(CorpusDir() / "gpx" / "sportslib--6782987395.gpx");
  const std::size_t open = gpx.find("<type>");
  ASSERT_NE(open, std::string::npos);
  gpx.erase(open, gpx.find("</type>") + 7 - open);
  auto decoded = DecodeGpx(Bytes(gpx));
  auto fit = DecodePath(CorpusDir() / "fit" / "sportslib--6782987395.fit");
  ASSERT_TRUE(decoded && fit);
  const Activity& run = decoded->activities.at(0);
  EXPECT_EQ(run.sport, Sport::kRunning);
  EXPECT_TRUE(run.sport_inferred);
  EXPECT_NEAR(*run.avg_cadence_spm, *fit->activities.at(0).avg_cadence_spm, 1);
}

TEST(WatchFiles, ARunFasterThanTheWorldRecordIsFlagged) {
  EXPECT_NEAR(WorldRecordSpeedMps(42195), 42195 / 7235.0, 1e-9);
  EXPECT_NEAR(WorldRecordSpeedMps(10000), 10000 / 1571.0, 1e-9);
  EXPECT_GT(WorldRecordSpeedMps(3000), WorldRecordSpeedMps(5000));
  EXPECT_LT(WorldRecordSpeedMps(3000), WorldRecordSpeedMps(1500));
  // A run as the watch says, at a real runner's pace: not flagged.
  auto real = DecodePath(InTreeFiles() / "fit" / "fitparse--2013-02-06-12-11-14.fit");
  ASSERT_TRUE(real.has_value());
  EXPECT_FALSE(real->activities.at(0).pace_beyond_record);
  EXPECT_FALSE(HasWarning(*real, "world record"));
}

TEST(WatchFiles, ARunFasterThanTheWorldRecordIsFlaggedOnARealFile) {
  REQUIRE_CORPUS("a Forerunner 10 'run' of 10.2 km in 25 min (GPSBabel, GPL-2.0)");
  auto decoded = DecodePath(CorpusDir() / "fit" / "gpsbabel--garmin-forerunner-10.fit");
  ASSERT_TRUE(decoded.has_value());
  const Activity& run = decoded->activities.at(0);
  EXPECT_EQ(run.sport, Sport::kRunning);  // the device's sport stands
  EXPECT_FALSE(run.sport_inferred);
  EXPECT_TRUE(run.pace_beyond_record);
  EXPECT_TRUE(HasWarning(*decoded, "faster than the world record"));
}

// --- Placeholders ----------------------------------------------------------------------------

// Every number inside <Value>...</Value> and <ns3:RunCadence> set to 255.
std::string WithPlaceholders(std::string tcx) {
  for (const std::string tag : {"<Value>", "<ns3:RunCadence>"}) {
    for (std::size_t at = tcx.find(tag); at != std::string::npos; at = tcx.find(tag, at)) {
      const std::size_t value = at + tag.size();
      tcx.replace(value, tcx.find('<', value) - value, "255");
      at = value;
    }
  }
  return tcx;
}

TEST(WatchFiles, TheHeartRatePlaceholderIsNoHeartRate) {
  const std::string tcx =
      WithPlaceholders(ReadText(InTreeFiles() / "tcx" / "fitparse--garmin-fenix-5-run.tcx"));
  ASSERT_NE(tcx.find("<Value>255</Value>"), std::string::npos);
  auto decoded = DecodeTcx(Bytes(tcx));
  ASSERT_TRUE(decoded.has_value());
  const Activity& run = decoded->activities.at(0);
  EXPECT_EQ(run.samples.size(), 21u);
  EXPECT_FALSE(run.avg_hr_bpm.has_value()) << *run.avg_hr_bpm;
  EXPECT_FALSE(run.avg_cadence_spm.has_value());
  for (const Sample& sample : run.samples) {
    EXPECT_FALSE(sample.heart_rate_bpm.has_value());
    EXPECT_FALSE(sample.cadence_spm.has_value());
  }
}

// python-fitparse's null_compressed_speed_dist.fit writes a heart rate of 0 on every
// record, and 0 as the session's average.
TEST(WatchFiles, AHeartRateOfZeroIsNoHeartRate) {
  REQUIRE_CORPUS("a FIT ride whose heart rate is 0 throughout (python-fitparse)");
  auto decoded = DecodePath(CorpusDir() / "fit" / "fitparse--null_compressed_speed_dist.fit");
  ASSERT_TRUE(decoded.has_value());
  const Activity& ride = decoded->activities.at(0);
  EXPECT_FALSE(ride.avg_hr_bpm.has_value());
  EXPECT_TRUE(std::none_of(ride.samples.begin(), ride.samples.end(),
                           [](const Sample& s) { return s.heart_rate_bpm.has_value(); }));
}

// --- Files cut in the middle -----------------------------------------------------------------

TEST(WatchFiles, ACutTcxIsReadUpToTheCut) {
  const std::string whole = ReadText(InTreeFiles() / "tcx" / "fitparse--garmin-fenix-5-run.tcx");
  auto full = DecodeTcx(Bytes(whole));
  ASSERT_TRUE(full.has_value());
  const Activity& all = full->activities.at(0);
  const std::size_t first_point = whole.find("</Trackpoint>") + 13;
  std::size_t last_samples = 0;
  for (std::size_t length = first_point + 1; length < whole.size() - 40; length += 53) {
    SCOPED_TRACE("cut to " + std::to_string(length) + " bytes");
    auto cut = DecodeTcx(Bytes(whole.substr(0, length)));
    ASSERT_TRUE(cut.has_value()) << cut.error().message;
    ASSERT_EQ(cut->activities.size(), 1u);
    EXPECT_TRUE(HasWarning(*cut, "the file ends early"));
    const Activity& run = cut->activities[0];
    ASSERT_FALSE(run.samples.empty());
    EXPECT_LE(run.samples.size(), all.samples.size());
    EXPECT_GE(run.samples.size(), last_samples);  // a longer file keeps at least as much
    last_samples = run.samples.size();
    // Every point kept is the file's own, complete.
    for (std::size_t i = 0; i < run.samples.size(); ++i) {
      EXPECT_EQ(run.samples[i].time_s, all.samples[i].time_s);
      EXPECT_EQ(run.samples[i].lat_deg, all.samples[i].lat_deg);
      EXPECT_EQ(run.samples[i].heart_rate_bpm, all.samples[i].heart_rate_bpm);
    }
    // The lap is closed at the last point kept.
    ASSERT_EQ(run.laps.size(), 1u);
    EXPECT_EQ(run.laps[0].elapsed_s, run.samples.back().time_s - run.laps[0].start_s);
    EXPECT_NEAR(run.distance_m.value_or(0), run.samples.back().distance_m.value_or(0), 1e-9);
    EXPECT_LE(run.distance_m.value_or(0), *all.distance_m);
  }
  EXPECT_EQ(last_samples, all.samples.size() - 1);
}

TEST(WatchFiles, ACutGpxIsReadUpToTheCut) {
  const std::string whole = ReadText(InTreeFiles() / "gpx" / "gpxpy--cerknicko-jezero.gpx");
  auto cut = DecodeGpx(Bytes(whole.substr(0, whole.size() / 2)));
  ASSERT_TRUE(cut.has_value()) << cut.error().message;
  EXPECT_TRUE(HasWarning(*cut, "the file ends early"));
  ASSERT_EQ(cut->activities.size(), 1u);
  EXPECT_GT(cut->activities[0].samples.size(), 100u);
  EXPECT_LT(cut->activities[0].samples.size(), 296u);
  // Broken in the middle, or cut before any point: refused, with where.
  EXPECT_FALSE(DecodeGpx(Bytes(whole.substr(0, whole.find("<trkpt") + 20))).has_value());
}

// --- A treadmill run -------------------------------------------------------------------------

// python-fitparse's antfs-dump.63.fit: a Forerunner 70 run of 57 minutes with a heart-rate
// strap and no speed sensor: no position, no distance. Its times count from power-on.
TEST(WatchFiles, ATreadmillRunHasItsTimesAndHeartRate) {
  auto decoded = DecodePath(InTreeFiles() / "fit" / "fitparse--antfs-dump.63.fit");
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->activities.size(), 1u);
  const Activity& run = decoded->activities[0];
  EXPECT_EQ(run.sport, Sport::kRunning);
  EXPECT_TRUE(run.indoor);
  EXPECT_FALSE(run.distance_m.has_value());
  ASSERT_TRUE(run.timer_s.has_value());
  EXPECT_NEAR(*run.timer_s, 3426.898, 1e-6);
  EXPECT_NEAR(run.elapsed_s, 3426.898, 1e-6);
  EXPECT_NEAR(run.moving_s, 3426.898, 1e-6);
  EXPECT_EQ(run.avg_hr_bpm, 162);
  const auto with_hr = std::count_if(run.samples.begin(), run.samples.end(),
                                     [](const Sample& s) { return s.heart_rate_bpm.has_value(); });
  EXPECT_EQ(with_hr, 685);
  EXPECT_TRUE(run.times_from_power_on);
  EXPECT_TRUE(HasWarning(*decoded, "count from when the device was switched on"));
}

// --- Heart rate and cadence on every point ---------------------------------------------------

TEST(WatchFiles, EveryPointKeepsItsHeartRateAndCadence) {
  REQUIRE_CORPUS("the same run as FIT, GPX and TCX (sports-lib, AGPL-3.0)");
  for (const char* format : {"fit", "gpx", "tcx"}) {
    SCOPED_TRACE(format);
    auto decoded =
        DecodePath(CorpusDir() / format / (std::string("sportslib--6782987395.") + format));
    ASSERT_TRUE(decoded.has_value());
    const Activity& run = decoded->activities.at(0);
    const auto hr = std::count_if(run.samples.begin(), run.samples.end(),
                                  [](const Sample& s) { return s.heart_rate_bpm.has_value(); });
    const auto cadence = std::count_if(run.samples.begin(), run.samples.end(),
                                       [](const Sample& s) { return s.cadence_spm.has_value(); });
    EXPECT_GT(hr, static_cast<long>(run.samples.size() * 99 / 100));
    EXPECT_GT(cadence, static_cast<long>(run.samples.size() * 99 / 100));
    // Steps per minute in every format.
    EXPECT_NEAR(*run.avg_cadence_spm, 164.8, 1);
  }
}

// --- Warnings as data ------------------------------------------------------------------------

// Each warning comes as a kind with its numbers (for a front to say from content) and as
// the English sentence the importer shows, in the same order.
TEST(WatchFiles, WarningsComeAsDataAndAsText) {
  auto decoded = DecodePath(InTreeFiles() / "fit" / "fitparse--activity-unexpected-eof.fit");
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->notices.size(), 2u);
  ASSERT_EQ(decoded->warnings.size(), 2u);
  EXPECT_EQ(decoded->notices[0].kind, WarningKind::kDataEndsEarly);
  EXPECT_EQ(decoded->notices[0].count, 756u);
  EXPECT_EQ(decoded->notices[0].total, 757u);
  EXPECT_EQ(WarningId(decoded->notices[0].kind), "fit_ends_early");
  EXPECT_EQ(decoded->warnings[0],
            "the file ends early: 756 of 757 data bytes are present; every complete record "
            "was kept");
  EXPECT_EQ(decoded->notices[1].kind, WarningKind::kRecordCutShort);
  EXPECT_EQ(decoded->notices[1].at_byte, 751u);
  for (std::size_t i = 0; i < decoded->notices.size(); ++i) {
    EXPECT_EQ(decoded->warnings[i], WarningText(decoded->notices[i]));
  }
  // Every kind has its own id.
  std::set<std::string_view> ids;
  for (std::size_t k = 0; k < kWarningKinds; ++k) {
    DecodeWarning warning;
    warning.kind = static_cast<WarningKind>(k);
    EXPECT_FALSE(WarningText(warning).empty());
    EXPECT_TRUE(ids.insert(WarningId(warning.kind)).second) << WarningId(warning.kind);
  }
}

// A TCX lap with several <Track>s was paused and resumed (Polar's export: 27 in a lap).
TEST(WatchFiles, ATcxLapsSecondTrackIsASegment) {
  REQUIRE_CORPUS("a Polar TCX with pauses (sports-lib, AGPL-3.0)");
  auto decoded = DecodePath(CorpusDir() / "tcx" / "sportslib--polar.tcx");
  ASSERT_TRUE(decoded.has_value());
  const Activity& run = decoded->activities.at(0);
  EXPECT_GE(run.segment_starts.size(), 26u);
  EXPECT_TRUE(std::is_sorted(run.segment_starts.begin(), run.segment_starts.end()));
  EXPECT_LE(run.moving_s, *run.timer_s);
}

}  // namespace
}  // namespace backstride
