// The decoders against real files from other people's devices, the values
// python-fitparse's own tests assert, and hand-made edge cases. The files are the small
// licensed ones in tests/data (these tests always run) and the shared corpus
// (../shared/corpus, test_support/shared_data.h says what happens when it is missing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "activity/decode.h"
#include "activity/fit_crc.h"
#include "activity/fit_decoder.h"
#include "activity/gzip.h"
#include "activity/metrics.h"
#include "activity/xml_decoder.h"
#include "test_support/shared_data.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

using testing::CorpusDir;
using testing::InTreeFiles;

std::vector<std::uint8_t> ReadBytes(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> Bytes(std::string_view text) { return {text.begin(), text.end()}; }

// The files of one format under `root` (the corpus or tests/data), sorted.
std::vector<fs::path> FilesOf(const fs::path& root, const std::string& format) {
  std::vector<fs::path> files;
  if (!fs::is_directory(root / format)) return files;
  for (const auto& entry : fs::directory_iterator(root / format)) {
    if (entry.path().extension() != ".py") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

#define REQUIRE_CORPUS(why) BACKSTRIDE_REQUIRE_SHARED(CorpusDir(), why)

Result<DecodedFile> DecodePath(const fs::path& path) {
  return DecodeActivityFile(path.filename().string(), ReadBytes(path));
}

// --- Every real file ------------------------------------------------------------------------

// Decodes every file under `root` and checks what each gives; returns how many.
int ExpectEveryFileDecodesOrSaysWhyNot(const fs::path& root) {
  int files = 0;
  for (const char* format : {"fit", "gpx", "tcx"}) {
    for (const fs::path& path : FilesOf(root, format)) {
      SCOPED_TRACE(path.filename().string());
      auto decoded = DecodePath(path);
      // Every file in the corpus is decoded by at least one peer or is damaged in a way
      // that leaves records to keep: none is refused.
      EXPECT_TRUE(decoded.has_value()) << decoded.error().message;
      if (!decoded) continue;
      if (decoded->activities.empty()) {
        EXPECT_FALSE(decoded->not_an_activity.empty());
      }
      for (const Activity& activity : decoded->activities) {
        EXPECT_EQ(activity.format, format);
        EXPECT_TRUE(activity.start_utc_s.has_value());
        EXPECT_GE(activity.elapsed_s, 0);
      }
      ++files;
    }
  }
  return files;
}

TEST(RealFiles, EveryFileDecodesOrSaysWhyNot) {
  EXPECT_GE(ExpectEveryFileDecodesOrSaysWhyNot(InTreeFiles()), 17);
}

TEST(Corpus, EveryFileDecodesOrSaysWhyNot) {
  REQUIRE_CORPUS("decoding every real file of the corpus");
  EXPECT_GE(ExpectEveryFileDecodesOrSaysWhyNot(CorpusDir()), 130);
}

// The peers' record counts over the files every peer reads (notes/peers.md):
// FIT 2,595,920 over 10 copies of 73 files, GPX 429,506 over 14 copies of 33, TCX
// 188,845 over 5 copies of 14.
TEST(Corpus, PointCountsMatchThePeers) {
  REQUIRE_CORPUS("the peers' record counts, measured over the whole corpus");
  const std::set<std::string> fit_left_out = {
      "fitparse--activity-filecrc.fit",
      "fitparse--activity-settings-nodata.fit",
      "fitparse--activity-unexpected-eof.fit",
      "fitparse--compressed-speed-distance.fit",
      "fitparse--nick.fit",
      "fitparse--strava-android-app-201.10-b1218918.fit",
      "gpsbabel--lezyne_super_gps-garmin_fit-sample-bad-endian.fit",
      "sportslib--empty-activities.fit",
      "sportslib--empty-sessions.fit"};
  const std::set<std::string> gpx_left_out = {"sportslib--6037744996.gpx"};
  std::map<std::string, std::size_t> points;
  for (const char* format : {"fit", "gpx", "tcx"}) {
    for (const fs::path& path : FilesOf(CorpusDir(), format)) {
      const std::string name = path.filename().string();
      if (fit_left_out.count(name) || gpx_left_out.count(name)) continue;
      auto decoded = DecodePath(path);
      ASSERT_TRUE(decoded.has_value()) << name;
      points[format] += decoded->points;
    }
  }
  EXPECT_EQ(points["fit"] * 10, 2'595'920u);
  EXPECT_EQ(points["gpx"] * 14, 429'506u);
  EXPECT_EQ(points["tcx"] * 5, 188'845u);
}

// --- The values python-fitparse's tests assert -------------------------------------------

double CsvTime(const std::string& text) {
  // "Sun Jun 11 07:34:09 PDT 2017", local time in Pacific daylight time.
  static const std::map<std::string, int> kMonths = {
      {"Jan", 1}, {"Feb", 2}, {"Mar", 3}, {"Apr", 4},  {"May", 5},  {"Jun", 6},
      {"Jul", 7}, {"Aug", 8}, {"Sep", 9}, {"Oct", 10}, {"Nov", 11}, {"Dec", 12}};
  std::istringstream in(text);
  std::string weekday, month, clock, zone;
  int day = 0, year = 0;
  in >> weekday >> month >> day >> clock >> zone >> year;
  EXPECT_EQ(zone, "PDT");
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%s-07:00", year, kMonths.at(month), day,
                clock.c_str());
  return *ParseIsoTime(iso);
}

std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream file(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(file, line);) {
    std::vector<std::string> cells;
    std::stringstream stream(line);
    for (std::string cell; std::getline(stream, cell, ',');) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

// fit/fitparse--NAME.fit under `root` against expected/fitparse--NAME-records.csv.
void ExpectRecordsMatchPythonFitparse(const fs::path& root, const std::string& name) {
  SCOPED_TRACE(name);
  auto decoded = DecodePath(root / "fit" / ("fitparse--" + name + ".fit"));
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->activities.size(), 1u);
  const Activity& activity = decoded->activities[0];
  const auto rows = ReadCsv(root / "expected" / ("fitparse--" + name + "-records.csv"));
  ASSERT_GE(rows.size(), 2u);
  ASSERT_EQ(activity.samples.size(), rows.size() - 1);
  const bool steps = activity.sport == Sport::kRunning || activity.sport == Sport::kWalking;
  std::optional<double> last_lat, last_lon;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const Sample& sample = activity.samples[i - 1];
    SCOPED_TRACE("record " + std::to_string(i));
    EXPECT_DOUBLE_EQ(sample.time_s, CsvTime(row[0]));
    if (!row[1].empty()) {
      EXPECT_EQ(sample.heart_rate_bpm, std::stoi(row[1]));
    }
    // The dump tool behind these CSVs writes an invalid cadence as 0 and an invalid
    // position as the last valid one (as python-fitparse's test notes).
    if (sample.cadence_spm) {
      EXPECT_EQ(std::floor(*sample.cadence_spm / (steps ? 2 : 1)), std::stod(row[2]));
    } else {
      EXPECT_TRUE(row[2].empty() || row[2] == "0") << row[2];
    }
    if (!row[3].empty()) {
      EXPECT_NEAR(*sample.speed_mps, std::stod(row[3]), 1e-9);
    }
    if (!row[4].empty()) {
      EXPECT_NEAR(*sample.distance_m, std::stod(row[4]), 1e-9);
    }
    if (sample.lat_deg) {
      last_lat = sample.lat_deg;
      last_lon = sample.lon_deg;
    }
    if (!row[5].empty()) {
      ASSERT_TRUE(last_lat.has_value());
      EXPECT_NEAR(*last_lat, std::stod(row[5]) * 180.0 / 2147483648.0, 1e-12);
      EXPECT_NEAR(*last_lon, std::stod(row[6]) * 180.0 / 2147483648.0, 1e-12);
    }
    if (!row[7].empty()) {
      EXPECT_NEAR(*sample.altitude_m, std::stod(row[7]), 1e-6);
    }
  }
}

TEST(RealFiles, RecordsMatchPythonFitparsesExpectedValues) {
  for (const char* name : {"garmin-edge-820-bike", "garmin-fenix-5-bike", "garmin-fenix-5-run",
                           "garmin-fenix-5-walk"}) {
    ExpectRecordsMatchPythonFitparse(InTreeFiles(), name);
  }
}

// The same check on a long ride (357 kB, its dump 863 kB: too big to keep in the project).
TEST(Corpus, RecordsMatchPythonFitparsesExpectedValues) {
  REQUIRE_CORPUS("python-fitparse's expected records of a long ride");
  ExpectRecordsMatchPythonFitparse(CorpusDir(), "garmin-edge-500-activity");
}

TEST(RealFiles, CompressedSpeedAndDistanceMatchTheExpectedValues) {
  auto decoded = DecodePath(InTreeFiles() / "fit" / "fitparse--compressed-speed-distance.fit");
  ASSERT_TRUE(decoded.has_value());
  const auto rows =
      ReadCsv(InTreeFiles() / "expected" / "fitparse--compressed-speed-distance-records.csv");
  const Activity& activity = decoded->activities.at(0);
  // The dump starts at the second record: the first carries only a timestamp.
  ASSERT_EQ(activity.samples.size(), rows.size());
  EXPECT_FALSE(activity.samples[0].heart_rate_bpm.has_value());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const Sample& sample = activity.samples[i];
    EXPECT_DOUBLE_EQ(sample.time_s, 631065600.0 + std::stod(rows[i][0])) << i;
    EXPECT_EQ(sample.heart_rate_bpm, std::stoi(rows[i][1])) << i;
    EXPECT_NEAR(*sample.speed_mps, std::stod(rows[i][2]), 1e-9) << i;
    EXPECT_NEAR(*sample.distance_m, std::stod(rows[i][3]), 1e-9) << i;
  }
}

// --- The same run in several formats -----------------------------------------------------

TEST(Corpus, TheSameRunInEveryFormatAgrees) {
  REQUIRE_CORPUS("the same runs recorded as FIT, GPX and TCX (sports-lib)");
  for (const char* run : {"sportslib--6782987395", "sportslib--6860622783"}) {
    SCOPED_TRACE(run);
    std::vector<Activity> versions;
    for (const char* format : {"fit", "gpx", "tcx"}) {
      const fs::path path = CorpusDir() / format / (std::string(run) + "." + format);
      if (!fs::exists(path)) continue;
      auto decoded = DecodePath(path);
      ASSERT_TRUE(decoded.has_value()) << path;
      ASSERT_EQ(decoded->activities.size(), 1u) << path;
      versions.push_back(decoded->activities[0]);
    }
    ASSERT_GE(versions.size(), 2u);
    const Activity& fit = versions[0];
    for (const Activity& other : versions) {
      SCOPED_TRACE(other.format);
      EXPECT_EQ(*other.start_utc_s, *fit.start_utc_s);
      EXPECT_EQ(other.sport, Sport::kRunning);
      EXPECT_NEAR(*other.distance_m, *fit.distance_m, *fit.distance_m * 0.01);
      EXPECT_NEAR(other.elapsed_s, fit.elapsed_s, 2);
      EXPECT_NEAR(*other.avg_hr_bpm, *fit.avg_hr_bpm, 1);
    }
  }
  // The FIT and TCX of the treadmill run carry the same samples.
  auto fit = DecodePath(CorpusDir() / "fit" / "sportslib--6860622783.fit");
  auto tcx = DecodePath(CorpusDir() / "tcx" / "sportslib--6860622783.tcx");
  ASSERT_TRUE(fit && tcx);
  EXPECT_EQ(fit->points, tcx->points);
  EXPECT_TRUE(fit->activities[0].indoor);
}

// The TCX in tests/data is the FIT's record dump written as TCX (see PROVENANCE.md): the
// two decoders must find the same run, point for point.
TEST(RealFiles, TheSameRunAsFitAndTcxAgrees) {
  auto fit = DecodePath(InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit");
  auto tcx = DecodePath(InTreeFiles() / "tcx" / "fitparse--garmin-fenix-5-run.tcx");
  ASSERT_TRUE(fit.has_value()) << fit.error().message;
  ASSERT_TRUE(tcx.has_value()) << tcx.error().message;
  ASSERT_EQ(fit->activities.size(), 1u);
  ASSERT_EQ(tcx->activities.size(), 1u);
  const Activity& a = fit->activities[0];
  const Activity& b = tcx->activities[0];
  EXPECT_EQ(b.sport, Sport::kRunning);
  EXPECT_EQ(*b.start_utc_s, *a.start_utc_s);
  EXPECT_NEAR(*b.distance_m, *a.distance_m, 1e-9);
  EXPECT_NEAR(b.elapsed_s, a.elapsed_s, 1);  // the dump keeps whole seconds
  EXPECT_EQ(fit->points, tcx->points);
  ASSERT_EQ(a.samples.size(), b.samples.size());
  for (std::size_t i = 0; i < a.samples.size(); ++i) {
    SCOPED_TRACE("sample " + std::to_string(i));
    EXPECT_DOUBLE_EQ(b.samples[i].time_s, a.samples[i].time_s);
    EXPECT_EQ(b.samples[i].heart_rate_bpm, a.samples[i].heart_rate_bpm);
    EXPECT_NEAR(*b.samples[i].distance_m, *a.samples[i].distance_m, 1e-9);
    if (a.samples[i].lat_deg) {
      EXPECT_NEAR(*b.samples[i].lat_deg, *a.samples[i].lat_deg, 1e-12);
      EXPECT_NEAR(*b.samples[i].lon_deg, *a.samples[i].lon_deg, 1e-12);
    }
  }
}

// --- Damaged and unusual files -----------------------------------------------------------

bool HasWarning(const DecodedFile& decoded, std::string_view text) {
  return std::any_of(decoded.warnings.begin(), decoded.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

struct DamagedCase {
  const char* file;
  const char* warning;
};

void ExpectReadWithAWarning(const fs::path& root, std::span<const DamagedCase> cases) {
  for (const DamagedCase& c : cases) {
    auto decoded = DecodePath(root / "fit" / c.file);
    ASSERT_TRUE(decoded.has_value()) << c.file;
    EXPECT_TRUE(HasWarning(*decoded, c.warning)) << c.file;
    EXPECT_FALSE(decoded->activities.empty()) << c.file;
  }
}

TEST(RealFiles, DamagedFilesAreReadWithAWarning) {
  const DamagedCase cases[] = {
      {"fitparse--activity-filecrc.fit", "CRC does not match"},
      {"fitparse--activity-unexpected-eof.fit", "ends early"},
      {"fitparse--activity-settings-nodata.fit", "ends early"},
  };
  ExpectReadWithAWarning(InTreeFiles(), cases);
}

TEST(Corpus, DamagedFilesAreReadWithAWarning) {
  REQUIRE_CORPUS("damaged FIT files too big or too restricted to keep in the project");
  const DamagedCase cases[] = {
      {"fitparse--strava-android-app-201.10-b1218918.fit", "ends early"},
      {"sportslib--empty-activities.fit", "no data size"},
      {"fitparse--nick.fit", "CRC does not match"},
  };
  ExpectReadWithAWarning(CorpusDir(), cases);
}

TEST(RealFiles, NonActivityFilesAreRecognised) {
  const std::map<std::string, std::string> cases = {
      {"fit/fitparse--Settings.fit", "settings"},
      {"fit/fitparse--MonitoringFile.fit", "monitoring"},
      {"fit/fitparse--WorkoutRepeatSteps.fit", "workout"},
      {"fit/fitparse--WeightScaleSingleUser.fit", "weight"},
      {"gpx/gpxpy--route.gpx", "route"},
  };
  for (const auto& [file, reason] : cases) {
    auto decoded = DecodePath(InTreeFiles() / file);
    ASSERT_TRUE(decoded.has_value()) << file;
    EXPECT_TRUE(decoded->activities.empty()) << file;
    EXPECT_NE(decoded->not_an_activity.find(reason), std::string::npos)
        << file << ": " << decoded->not_an_activity;
  }
}

TEST(RealFiles, SportsAreRead) {
  const std::map<std::string, Sport> cases = {
      {"fit/fitparse--garmin-edge-820-bike.fit", Sport::kCycling},
      {"fit/fitparse--garmin-fenix-5-bike.fit", Sport::kCycling},
      {"fit/fitparse--garmin-fenix-5-walk.fit", Sport::kWalking},
      {"fit/fitparse--garmin-fenix-5-run.fit", Sport::kRunning},
      {"tcx/fitparse--garmin-fenix-5-run.tcx", Sport::kRunning},
  };
  for (const auto& [file, sport] : cases) {
    auto decoded = DecodePath(InTreeFiles() / file);
    ASSERT_TRUE(decoded.has_value()) << file;
    ASSERT_EQ(decoded->activities.size(), 1u) << file;
    EXPECT_EQ(decoded->activities[0].sport, sport) << file;
  }
}

TEST(Corpus, MultisportDeveloperFieldsAndACompressedFile) {
  REQUIRE_CORPUS("GoldenCheetah's multisport, Stryd and gzip files (GPL-2.0, not copied)");
  auto multisport = DecodePath(CorpusDir() / "fit" / "gc--MultiSport-2019-11-24.fit");
  ASSERT_TRUE(multisport.has_value());
  EXPECT_EQ(multisport->activities.size(), 5u);
  auto stryd = DecodePath(CorpusDir() / "fit" / "gc--Fr955v19.28andStryd.fit");
  ASSERT_TRUE(stryd.has_value());
  const auto& dev = stryd->activities[0].developer_fields;
  EXPECT_TRUE(std::any_of(dev.begin(), dev.end(),
                          [](const DeveloperSeries& s) { return s.name == "Power"; }));
  EXPECT_EQ(stryd->activities[0].utc_offset_s, 3600);
  auto gz = DecodePath(CorpusDir() / "fit" / "gc--14582164182.fit.gz");
  ASSERT_TRUE(gz.has_value());
  EXPECT_EQ(gz->points, 2760u);
}

// --- Hand-made edge cases --------------------------------------------------------------------

TEST(Fit, CrcMatchesTheCheckValue) {
  EXPECT_EQ(FitCrc16(Bytes("123456789")), 0xBB3D);  // CRC-16/ARC check value
}

TEST(Fit, NonFitBytesAreRefusedWithTheOffset) {
  auto decoded = DecodeFit(Bytes("this is not a FIT file at all"));
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().code, ErrorCode::kCorruption);
  EXPECT_EQ(decoded.error().offset, 0u);
  auto empty = DecodeFit({});
  ASSERT_TRUE(empty.has_value());  // nothing to refuse: skipped as empty
  EXPECT_EQ(empty->not_an_activity, "an empty file");
}

// What any FIT decode must give, however damaged the bytes: a refusal that says what and
// where, or activities whose every value is one a FIT file can hold and is finite. Returns
// the first thing that is not so.
::testing::AssertionResult IsSaneFitResult(const Result<DecodedFile>& decoded, std::size_t size) {
  if (!decoded) {
    const Error& error = decoded.error();
    if (error.message.empty()) return ::testing::AssertionFailure() << "an error without a message";
    if (error.offset && *error.offset > size) {
      return ::testing::AssertionFailure() << "error offset " << *error.offset << " past the end ("
                                           << size << " bytes): " << error.message;
    }
    return ::testing::AssertionSuccess();
  }
  // FIT times are 32-bit seconds from 1989-12-31T00:00:00Z.
  constexpr double kFitEpoch = 631065600;
  constexpr double kFitEnd = kFitEpoch + 4294967296.0;
  const auto time_ok = [&](double t) { return std::isfinite(t) && t >= kFitEpoch && t <= kFitEnd; };
  const auto at_least_zero = [](std::optional<double> v) {
    return !v || (std::isfinite(*v) && *v >= 0);
  };
  const auto finite = [](std::optional<double> v) { return !v || std::isfinite(*v); };
  const auto fail = [](const std::string& what) { return ::testing::AssertionFailure() << what; };

  if (decoded->activities.empty() && decoded->not_an_activity.empty()) {
    return fail("neither an activity nor the reason there is none");
  }
  if (decoded->points > size) return fail("more records than bytes");
  for (const std::string& warning : decoded->warnings) {
    if (warning.empty()) return fail("an empty warning");
  }
  for (const Activity& a : decoded->activities) {
    if (a.format != "fit") return fail("format " + a.format);
    if (a.samples.size() > decoded->points) return fail("more samples than records");
    if (a.start_utc_s && !time_ok(*a.start_utc_s)) return fail("start time out of range");
    if (a.utc_offset_s && std::abs(*a.utc_offset_s) > 24 * 3600) return fail("UTC offset");
    if (!at_least_zero(a.elapsed_s) || !at_least_zero(a.moving_s) || !at_least_zero(a.timer_s)) {
      return fail("a duration below zero or not finite");
    }
    if (!at_least_zero(a.distance_m) || !at_least_zero(a.elevation_gain_m) ||
        !at_least_zero(a.avg_cadence_spm)) {
      return fail("distance, climb or cadence below zero or not finite");
    }
    if (a.avg_hr_bpm && !(*a.avg_hr_bpm >= 0 && *a.avg_hr_bpm <= 255)) return fail("avg HR");
    for (const Sample& p : a.samples) {
      if (!time_ok(p.time_s)) return fail("sample time out of range");
      if (p.lat_deg && !(std::abs(*p.lat_deg) <= 90)) return fail("latitude");
      if (p.lon_deg && !(std::abs(*p.lon_deg) <= 180)) return fail("longitude");
      if (!at_least_zero(p.distance_m) || !at_least_zero(p.speed_mps) ||
          !at_least_zero(p.cadence_spm) || !finite(p.altitude_m)) {
        return fail("a sample value below zero or not finite");
      }
      if (p.heart_rate_bpm && (*p.heart_rate_bpm < 0 || *p.heart_rate_bpm > 255)) {
        return fail("sample heart rate");
      }
    }
    for (const Lap& lap : a.laps) {
      if (!time_ok(lap.start_s) || !at_least_zero(lap.elapsed_s) || !at_least_zero(lap.timer_s) ||
          !at_least_zero(lap.distance_m)) {
        return fail("a lap value out of range");
      }
    }
    for (const DeveloperSeries& series : a.developer_fields) {
      for (const auto& [t, v] : series.values) {
        if (!std::isfinite(t) || !std::isfinite(v)) return fail("developer value " + series.name);
      }
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(Fit, EveryTruncationAndManyCorruptionsAreHandled) {
  const auto original = ReadBytes(InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit");
  ASSERT_GT(original.size(), 100u);
  for (std::size_t length = 0; length < original.size(); ++length) {
    auto decoded = DecodeFit(std::span(original.data(), length));
    EXPECT_TRUE(IsSaneFitResult(decoded, length)) << "cut to " << length << " bytes";
    if (length >= 14) {
      // Past the header, a cut file keeps the records before the cut, with a warning.
      ASSERT_TRUE(decoded.has_value()) << length;
      EXPECT_FALSE(decoded->warnings.empty()) << length;
    }
  }
  std::uint32_t seed = 1;
  int refused = 0, decoded_runs = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    auto bytes = original;
    for (int flips = 0; flips < 4; ++flips) {
      seed = seed * 1103515245 + 12345;
      bytes[14 + (seed >> 8) % (bytes.size() - 14)] ^= static_cast<std::uint8_t>(seed >> 3);
    }
    auto decoded = DecodeFit(bytes);  // must not crash, hang or trip a sanitizer
    EXPECT_TRUE(IsSaneFitResult(decoded, bytes.size())) << "trial " << trial;
    if (!decoded) {
      ++refused;
    } else if (!decoded->activities.empty()) {
      ++decoded_runs;
    }
  }
  // Four flipped bytes past the header leave most files readable: the CRC warns, the
  // records that still decode are kept. A decoder that refused them all would pass the
  // checks above and be useless.
  EXPECT_GT(decoded_runs, 1000) << refused << " refused";
}

TEST(Gpx, NamespacesAreMatchedByUriNotPrefix) {
  const std::string gpx = std::string("\xEF\xBB\xBF  \n") + R"(<?xml version="1.0"?>
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
     xmlns:other="http://example.com/not-garmin">
 <trk><type>running</type><trkseg>
  <trkpt lat="46.0" lon="14.0"><ele>300</ele><time>2020-05-01T06:00:00Z</time>
   <extensions><ns3:TrackPointExtension><ns3:hr>120</ns3:hr><ns3:cad>84</ns3:cad></ns3:TrackPointExtension>
   <other:TrackPointExtension><other:hr>999</other:hr></other:TrackPointExtension></extensions></trkpt>
  <trkpt lat="46.001" lon="14.0"><time>2020-05-01T06:00:30Z</time>
   <extensions><speed>3.7</speed></extensions></trkpt>
  <trkpt lat="46.002" lon="14.0"><time>2020-05-01T06:01:00Z</time>)"
                                                            "\x0b"
                                                            R"(</trkpt>
 </trkseg></trk></gpx>)";
  auto decoded = DecodeGpx(Bytes(gpx));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message;
  ASSERT_EQ(decoded->activities.size(), 1u);
  const Activity& run = decoded->activities[0];
  ASSERT_EQ(run.samples.size(), 3u);
  EXPECT_EQ(run.samples[0].heart_rate_bpm, 120);  // not 999 from the other namespace
  EXPECT_EQ(run.samples[0].cadence_spm, 168);     // strides to steps
  EXPECT_EQ(run.samples[1].speed_mps, 3.7);
  EXPECT_NEAR(*run.distance_m, 222.4, 0.5);
  EXPECT_FALSE(run.indoor);
}

TEST(Gpx, BrokenXmlIsReportedWithTheByteOffset) {
  auto decoded = DecodeGpx(Bytes("<gpx><trk><trkseg><trkpt lat=\"1\"></trk></gpx>"));
  ASSERT_FALSE(decoded.has_value());
  EXPECT_NE(decoded.error().message.find("at byte"), std::string::npos);
  EXPECT_TRUE(decoded.error().offset.has_value());
  EXPECT_FALSE(DecodeGpx(Bytes("<kml></kml>")).has_value());
}

TEST(Tcx, ReadsLapsTriggersAndRunCadence) {
  const std::string tcx = R"(<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities><Activity Sport="Running"><Id>2021-03-01T07:00:00Z</Id>
  <Lap StartTime="2021-03-01T07:00:05Z"><TotalTimeSeconds>300</TotalTimeSeconds>
   <DistanceMeters>1000</DistanceMeters><TriggerMethod>Manual</TriggerMethod><Track>
   <Trackpoint><Time>2021-03-01T07:00:05Z</Time><DistanceMeters>0</DistanceMeters>
    <HeartRateBpm><Value>110</Value></HeartRateBpm>
    <Extensions><ax:TPX><ax:RunCadence>80</ax:RunCadence></ax:TPX></Extensions></Trackpoint>
   <Trackpoint><Time>2021-03-01T07:05:05Z</Time><DistanceMeters>1000</DistanceMeters></Trackpoint>
  </Track></Lap>
 </Activity></Activities></TrainingCenterDatabase>)";
  auto decoded = DecodeTcx(Bytes(tcx));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message;
  const Activity& run = decoded->activities.at(0);
  EXPECT_EQ(run.sport, Sport::kRunning);
  EXPECT_EQ(FormatIsoTime(*run.start_utc_s), "2021-03-01T07:00:05Z");
  EXPECT_EQ(run.distance_m, 1000);
  EXPECT_TRUE(run.distance_from_device);
  EXPECT_TRUE(run.indoor);  // no positions: a treadmill run is still a run
  ASSERT_EQ(run.laps.size(), 1u);
  EXPECT_EQ(run.laps[0].trigger, LapTrigger::kManual);
  EXPECT_EQ(run.samples[0].cadence_spm, 160);
  EXPECT_EQ(decoded->points, 2u);
}

TEST(Gzip, RoundTripsAndRefusesGarbage) {
  const auto packed = ReadBytes(InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit.gz");
  auto unpacked = Gunzip(packed);
  ASSERT_TRUE(unpacked.has_value());
  EXPECT_EQ(*unpacked, ReadBytes(InTreeFiles() / "fit" / "fitparse--garmin-fenix-5-run.fit"));
  EXPECT_TRUE(DecodeFit(*unpacked).has_value());
  auto damaged = packed;
  damaged.resize(damaged.size() / 2);
  EXPECT_FALSE(Gunzip(damaged).has_value());
  EXPECT_FALSE(Gunzip(Bytes("not gzip")).has_value());
}

TEST(Metrics, SplitsAndPointsOnTheTrack) {
  Activity run;
  for (int i = 0; i <= 50; ++i) {
    Sample sample;
    sample.time_s = 1'600'000'000.0 + i * 6;  // 6 s per 20 m: 5:00 /km
    sample.distance_m = i * 20.0;
    sample.heart_rate_bpm = 140;
    run.samples.push_back(sample);
  }
  FinishActivity(run);
  EXPECT_EQ(run.distance_m, 1000);
  EXPECT_EQ(run.elapsed_s, 300);
  EXPECT_EQ(run.moving_s, 300);
  const auto splits = Splits(run, 400);
  ASSERT_EQ(splits.size(), 3u);
  EXPECT_EQ(splits[0].distance_m, 400);
  EXPECT_EQ(splits[0].duration_s, 120);
  EXPECT_EQ(splits[2].distance_m, 200);
  const auto at = PointAtDistance(run, 610);
  ASSERT_TRUE(at.has_value());
  EXPECT_NEAR(at->elapsed_s, 183, 1e-9);
  const auto then = PointAtTime(run, 90);
  ASSERT_TRUE(then.has_value());
  EXPECT_NEAR(then->distance_m, 300, 1e-9);
  EXPECT_FALSE(PointAtDistance(run, 1200).has_value());

  // Every 300 m for a chart: 0, 300, 600, 900, and the end at 1,000 m.
  const auto profile = TrackEvery(run, 300);
  ASSERT_EQ(profile.size(), 5u);
  EXPECT_NEAR(profile[0].elapsed_s, 0, 1e-9);
  EXPECT_NEAR(profile[2].distance_m, 600, 1e-9);
  EXPECT_NEAR(profile[2].elapsed_s, 180, 1e-9);
  EXPECT_NEAR(profile[4].distance_m, 1000, 1e-9);
  EXPECT_NEAR(profile[4].elapsed_s, 300, 1e-9);
  EXPECT_TRUE(TrackEvery(Activity{}, 50).empty());
}

}  // namespace
}  // namespace backstride
