// The Strava activities.csv reader on headers as Strava has written them (English in
// the 94, 99 and 101 column layouts, German, and the short exports of 2019), with the
// quirks users have reported: repeated column names, decimal commas, day-first dates,
// descriptions over several lines, a byte-order mark with CRLF, manual activities.
#include "activity/strava_csv.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace backstride {
namespace {

// Where each header comes from (geo-activity-playground is GAP):
// - 94 columns: the English header of GAP's importer from 2024-08 to 2025-08
//   (EXPECTED_COLUMNS, after GAP#131/#132) and of the real export in GAP's testdata.
// - 99 columns: five columns added before "Media" in 2025 (GAP#348, a German export of
//   2025-09-05: Regeneration, Mit Haustier, Wettbewerb, Langer Lauf, Für einen guten
//   Zweck); the English names are GAP's strava-csv-columns/mapping.ods.
// - 101 columns: an English export of 2026-02 (GAP#403, "101 columns and not 99"). The
//   two added are "With Kid" and "Downhill Distance": the English names in GAP's
//   mapping.ods, made for #393/#403, that no German export had. Their place before
//   "Media" is inferred; the reader does not depend on it.
// - German, 99 columns: GAP#348 and #393, names as in GAP's strava-csv-mapping.json.

constexpr std::string_view kHeader94 =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,"
    "Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,"
    "Max Speed,Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,"
    "Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,"
    "Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,"
    "Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,"
    "Uphill Time,Downhill Time,Other Time,Perceived Exertion,Type,Start Time,"
    "Weighted Average Power,Power Count,Prefer Perceived Exertion,"
    "Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,"
    "Grade Adjusted Distance,Weather Observation Time,Weather Condition,"
    "Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,"
    "Wind Speed,Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,"
    "Moon Phase,Bike,Gear,Precipitation Probability,Precipitation Type,Cloud Cover,"
    "Weather Visibility,UV Index,Weather Ozone,Jump Count,Total Grit,Average Flow,Flagged,"
    "Average Elapsed Speed,Dirt Distance,Newly Explored Distance,"
    "Newly Explored Dirt Distance,Activity Count,Total Steps,Carbon Saved,Pool Length,"
    "Training Load,Intensity,Average Grade Adjusted Pace,Timer Time,Total Cycles,Media";

constexpr std::string_view kHeader99 =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,"
    "Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,"
    "Max Speed,Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,"
    "Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,"
    "Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,"
    "Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,"
    "Uphill Time,Downhill Time,Other Time,Perceived Exertion,Type,Start Time,"
    "Weighted Average Power,Power Count,Prefer Perceived Exertion,"
    "Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,"
    "Grade Adjusted Distance,Weather Observation Time,Weather Condition,"
    "Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,"
    "Wind Speed,Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,"
    "Moon Phase,Bike,Gear,Precipitation Probability,Precipitation Type,Cloud Cover,"
    "Weather Visibility,UV Index,Weather Ozone,Jump Count,Total Grit,Average Flow,Flagged,"
    "Average Elapsed Speed,Dirt Distance,Newly Explored Distance,"
    "Newly Explored Dirt Distance,Activity Count,Total Steps,Carbon Saved,Pool Length,"
    "Training Load,Intensity,Average Grade Adjusted Pace,Timer Time,Total Cycles,Recovery,"
    "With Pet,Competition,Long Run,For a Cause,Media";

constexpr std::string_view kHeader101 =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,"
    "Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,"
    "Max Speed,Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,"
    "Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,"
    "Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,"
    "Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,"
    "Uphill Time,Downhill Time,Other Time,Perceived Exertion,Type,Start Time,"
    "Weighted Average Power,Power Count,Prefer Perceived Exertion,"
    "Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,"
    "Grade Adjusted Distance,Weather Observation Time,Weather Condition,"
    "Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,"
    "Wind Speed,Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,"
    "Moon Phase,Bike,Gear,Precipitation Probability,Precipitation Type,Cloud Cover,"
    "Weather Visibility,UV Index,Weather Ozone,Jump Count,Total Grit,Average Flow,Flagged,"
    "Average Elapsed Speed,Dirt Distance,Newly Explored Distance,"
    "Newly Explored Dirt Distance,Activity Count,Total Steps,Carbon Saved,Pool Length,"
    "Training Load,Intensity,Average Grade Adjusted Pace,Timer Time,Total Cycles,Recovery,"
    "With Pet,Competition,Long Run,For a Cause,With Kid,Downhill Distance,Media";

constexpr std::string_view kGermanHeader99 =
    "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,"
    "Verstrichene Zeit,Distanz,Max. Herzfrequenz,Relative Leistung,Pendeln,"
    "Hinweis zur Privatsphäre für Aktivitäten,Aktivitätsausrüstung,Dateiname,"
    "Sportlergewicht,Fahrradgewicht,Verstrichene Zeit,Bewegungszeit,Distanz,Höchstgeschw.,"
    "Durchschnittliche Geschwindigkeit,Höhenzunahme,Höhenunterschied,Min. Höhe,Max. Höhe,"
    "Max. Steigung,Durchschnittliche Steigung,Durchschnittliche positive Steigung,"
    "Durchschnittliche negative Steigung,Max. Tritt-/Schrittfrequenz,"
    "Durchschnittliche Trittfrequenz,Max. Herzfrequenz,Durchschnittliche Herzfrequenz,"
    "Max. Watt,Durchschnittliche Watt,Kalorien,Max. Temperatur,"
    "Durchschnittliche Temperatur,Relative Leistung,Gesamtarbeit,Anzahl Läufe,Bergaufzeit,"
    "Bergabzeit,Andere Zeit,Gefühlte Anstrengung,Art,Startzeit,"
    "Gewichtete durchschnittliche Leistung,Leistungszahl,Gefühlte Anstrengung verwenden,"
    "Gefühlte relative Leistung,Pendeln,Insgesamt gestemmtes Gewicht,Von Upload,"
    "Auf Steigung angepasste Distanz,Wetterbeobachtungszeit,Wetterlage,Wetter: Temperatur,"
    "Scheinbare Temperatur,Taupunkt,Luftfeuchtigkeit,Wetter: Druck,Windgeschwindigkeit,"
    "Windböe,Windrichtung,Niederschlagsintensität,Sonnenaufgangszeit,Sonnenuntergangszeit,"
    "Mondphase,Fahrrad,Ausrüstung,Niederschlagswahrscheinlichkeit,Niederschlagsart,"
    "Wolkendecke,Wetter: Sichtbarkeit,UV-Index,Wetter: Ozon,Sprunganzahl,"
    "Schwierigkeit insgesamt,Durchschnittlicher Flow,Markiert,"
    "Durchschnittsgeschwindigkeit im Aufzeichnungszeitraum,"
    "Auf Schotter zurückgelegte Distanz,Neu getestete Distanz,"
    "Neu getestete Schotterdistanz,Aktivitätsanzahl,Schritte insgesamt,"
    "Eingesparte CO₂-Emissionen,Pool-Länge,Trainingsbelastung,Intensität,"
    "Durchschnittliches auf Steigung angepasstes Tempo,Stoppuhr-Zeit,Zyklen gesamt,"
    "Regeneration,Mit Haustier,Wettbewerb,Langer Lauf,Für einen guten Zweck,Medien";

// The first export layout after mid-2019 (hugovk/strava-tools#1): ten columns, English.
constexpr std::string_view kShortHeader2019 =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Commute,Activity Gear,Filename";
// The export before mid-2019 (same source): snake_case names, distance in metres.
constexpr std::string_view kSnakeCaseHeader =
    "id,date,name,type,description,elapsed_time,distance,commute,gear,filename";

// 2018-09-12 15:02:23 UTC.
constexpr double kSep12At150223 = 1536764543;

std::vector<std::string> SplitHeader(std::string_view header) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = header.find(',', start);
    names.emplace_back(header.substr(start, comma - start));
    if (comma == std::string_view::npos) return names;
    start = comma + 1;
  }
}

std::string Quoted(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// A value under the `occurrence`-th column called `name`.
struct Cell {
  std::string_view name;
  int occurrence;
  std::string value;
};

// One CSV line for `header` with `cells` filled in and every other column empty, as
// Strava writes a row. Fails the test if a cell names no column.
std::string RowFor(std::string_view header, const std::vector<Cell>& cells) {
  const std::vector<std::string> names = SplitHeader(header);
  std::vector<std::string> values(names.size());
  for (const Cell& cell : cells) {
    int seen = 0;
    bool placed = false;
    for (std::size_t i = 0; i < names.size() && !placed; ++i) {
      if (names[i] == cell.name && ++seen == cell.occurrence) {
        values[i] = Quoted(cell.value);
        placed = true;
      }
    }
    EXPECT_TRUE(placed) << cell.name << " #" << cell.occurrence;
  }
  std::string line;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) line += ',';
    line += values[i];
  }
  return line;
}

// A morning run as the English long layouts write it.
std::vector<Cell> EnglishRun() {
  return {{"Activity ID", 1, "9876543210"},
          {"Activity Date", 1, "Sep 12, 2018, 3:02:23 PM"},
          {"Activity Name", 1, "Lunch Run, easy"},
          {"Activity Type", 1, "Run"},
          {"Elapsed Time", 1, "1830"},
          {"Distance", 1, "5.02"},
          {"Max Heart Rate", 1, "171.0"},
          {"Filename", 1, "activities/10642.fit.gz"},
          {"Elapsed Time", 2, "1830.0"},
          {"Moving Time", 1, "1755.0"},
          {"Distance", 2, "5021.7"},
          {"Elevation Gain", 1, "42.5"},
          {"Max Heart Rate", 2, "171.0"},
          {"Average Heart Rate", 1, "148.3"}};
}

StravaActivities Read(std::string_view csv) {
  auto read = ReadStravaActivities(csv);
  EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().message);
  return read ? *read : StravaActivities{};
}

std::string Joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const std::string& problem : problems) all += problem + "\n";
  return all;
}

TEST(StravaCsv, ReadsEveryLongLayoutByPosition) {
  struct Layout {
    std::string_view header;
    std::size_t columns;
  };
  for (const Layout& layout :
       {Layout{kHeader94, 94}, Layout{kHeader99, 99}, Layout{kHeader101, 101}}) {
    SCOPED_TRACE(layout.columns);
    ASSERT_EQ(SplitHeader(layout.header).size(), layout.columns);
    const std::string csv =
        std::string(layout.header) + "\n" + RowFor(layout.header, EnglishRun()) + "\n";
    const StravaActivities read = Read(csv);
    ASSERT_EQ(read.rows.size(), 1u) << Joined(read.problems);
    EXPECT_TRUE(read.problems.empty()) << Joined(read.problems);
    const StravaActivityRow& row = read.rows[0];
    EXPECT_EQ(row.line, 2u);
    EXPECT_EQ(row.activity_id, "9876543210");
    EXPECT_EQ(row.start_utc_s, kSep12At150223);
    EXPECT_EQ(row.name, "Lunch Run, easy");
    EXPECT_EQ(row.type, "Run");
    EXPECT_EQ(row.elapsed_s, 1830);
    EXPECT_EQ(row.moving_s, 1755);
    EXPECT_EQ(row.distance_m, 5021.7);
    EXPECT_EQ(row.max_hr_bpm, 171);
    EXPECT_EQ(row.avg_hr_bpm, 148.3);
    EXPECT_EQ(row.elevation_gain_m, 42.5);
    EXPECT_EQ(row.filename, "activities/10642.fit.gz");
  }
}

TEST(StravaCsv, FirstDistanceIsKilometresAndSecondIsMetres) {
  // Both there: the metres, not the rounded kilometres.
  std::string csv = std::string(kHeader99) + "\n" +
                    RowFor(kHeader99, {{"Activity ID", 1, "1"},
                                       {"Activity Date", 1, "2024-05-01 06:00:00"},
                                       {"Distance", 1, "3.32"},
                                       {"Distance", 2, "3322.949951171875"}}) +
                    "\n" +
                    // Only the first: kilometres, so 3.32 is 3320 m and not 3.32 m.
                    RowFor(kHeader99, {{"Activity ID", 1, "2"},
                                       {"Activity Date", 1, "2024-05-02 06:00:00"},
                                       {"Distance", 1, "3.32"}}) +
                    "\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(read.rows[0].distance_m, 3322.949951171875);
  EXPECT_NEAR(*read.rows[1].distance_m, 3320.0, 1e-6);
}

TEST(StravaCsv, GermanHeaderWithDecimalCommasAndDayFirstDate) {
  ASSERT_EQ(SplitHeader(kGermanHeader99).size(), 99u);
  const std::string csv =
      std::string(kGermanHeader99) + "\n" +
      RowFor(kGermanHeader99, {{"Aktivitäts-ID", 1, "4455667788"},
                               {"Aktivitätsdatum", 1, "12.09.2018, 15:02:23"},
                               {"Name der Aktivität", 1, "Morgenlauf"},
                               {"Aktivitätsart", 1, "Lauf"},
                               {"Verstrichene Zeit", 1, "1830"},
                               {"Distanz", 1, "5,02"},
                               {"Dateiname", 1, "activities/4455667788.gpx.gz"},
                               {"Bewegungszeit", 1, "1755,0"},
                               {"Distanz", 2, "5021,7"},
                               {"Höhenzunahme", 1, "42,5"},
                               {"Durchschnittliche Herzfrequenz", 1, "148,3"}}) +
      "\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 1u) << Joined(read.problems);
  EXPECT_TRUE(read.problems.empty()) << Joined(read.problems);
  const StravaActivityRow& row = read.rows[0];
  EXPECT_EQ(row.start_utc_s, kSep12At150223);
  EXPECT_EQ(row.type, "Lauf");
  EXPECT_TRUE(IsStravaRun(row.type));
  EXPECT_EQ(row.distance_m, 5021.7);
  EXPECT_EQ(row.moving_s, 1755);
  EXPECT_EQ(row.elevation_gain_m, 42.5);
  EXPECT_EQ(row.avg_hr_bpm, 148.3);
  EXPECT_EQ(row.filename, "activities/4455667788.gpx.gz");
}

TEST(StravaCsv, EveryDateStyleGivesTheSameUtcTime) {
  // 2019's change from ISO to "Sep 12, 2018, 3:02:23 PM" (hugovk/strava-tools#1), and the
  // day-first styles of localized exports (GAP#191).
  const std::vector<std::string_view> styles = {
      "2018-09-12 15:02:23",     "Sep 12, 2018, 3:02:23 PM", "September 12, 2018 3:02:23 PM",
      "12.09.2018, 15:02:23",    "12 sept. 2018, 15:02:23",  "12 sept 2018, 3:02:23 p. m.",
      "12. Sept. 2018, 15:02:23"};
  for (std::string_view style : styles) {
    SCOPED_TRACE(style);
    const std::string csv = std::string(kShortHeader2019) + "\n" +
                            RowFor(kShortHeader2019, {{"Activity ID", 1, "1"},
                                                      {"Activity Date", 1, std::string(style)}}) +
                            "\n";
    const StravaActivities read = Read(csv);
    ASSERT_EQ(read.rows.size(), 1u);
    EXPECT_EQ(read.rows[0].start_utc_s, kSep12At150223) << Joined(read.problems);
  }
  // Twelve o'clock: AM is midnight, PM noon.
  const std::string midnight = std::string(kShortHeader2019) + "\n" +
                               "1,\"Sep 12, 2018, 12:00:00 AM\",,,,,,,,\n" +
                               "2,\"Sep 12, 2018, 12:00:00 PM\",,,,,,,,\n";
  const StravaActivities read = Read(midnight);
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(read.rows[0].start_utc_s, kSep12At150223 - (15 * 3600 + 2 * 60 + 23));
  EXPECT_EQ(read.rows[1].start_utc_s, kSep12At150223 - (3 * 3600 + 2 * 60 + 23));
}

TEST(StravaCsv, QuotedDescriptionKeepsCommasQuotesAndLineBreaks) {
  const std::string description = "Easy, slow.\nBack felt \"tight\" at 3 km,\nfine after.";
  const std::string csv = std::string(kHeader94) + "\n" +
                          RowFor(kHeader94, {{"Activity ID", 1, "1"},
                                             {"Activity Date", 1, "2024-05-01 06:00:00"},
                                             {"Activity Description", 1, description},
                                             {"Distance", 2, "4000.0"}}) +
                          "\n" +
                          RowFor(kHeader94, {{"Activity ID", 1, "2"},
                                             {"Activity Date", 1, "2024-05-02 06:00:00"},
                                             {"Distance", 2, "6000.0"}}) +
                          "\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 2u) << Joined(read.problems);
  EXPECT_EQ(read.rows[0].description, description);
  EXPECT_EQ(read.rows[0].distance_m, 4000);
  // The description took three lines, so the next row starts on line 5.
  EXPECT_EQ(read.rows[1].line, 5u);
  EXPECT_EQ(read.rows[1].distance_m, 6000);
}

TEST(StravaCsv, ByteOrderMarkAndCrlfLineEnds) {
  const std::string csv = "\xEF\xBB\xBF" + std::string(kShortHeader2019) + "\r\n" +
                          "77,2024-05-01 06:00:00,Run at dawn,Run,,1800,5.00,false,,"
                          "activities/77.fit.gz\r\n" +
                          "78,2024-05-02 06:00:00,Run at dusk,Run,,1900,5.50,false,,"
                          "activities/78.tcx.gz\r\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 2u) << Joined(read.problems);
  EXPECT_EQ(read.rows[0].activity_id, "77");
  EXPECT_EQ(read.rows[0].filename, "activities/77.fit.gz");  // no '\r' left on it
  EXPECT_EQ(read.rows[1].filename, "activities/78.tcx.gz");
  EXPECT_EQ(read.rows[1].line, 3u);
  EXPECT_EQ(read.rows[1].distance_m, 5500);
}

TEST(StravaCsv, ManualActivityHasNoFilename) {
  const std::string csv = std::string(kHeader101) + "\n" +
                          RowFor(kHeader101, {{"Activity ID", 1, "5"},
                                              {"Activity Date", 1, "Mar 3, 2026, 7:00:00 AM"},
                                              {"Activity Type", 1, "Run"},
                                              {"Elapsed Time", 1, "2400"},
                                              {"Distance", 1, "6.00"}}) +
                          "\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_TRUE(read.rows[0].filename.empty());
  EXPECT_EQ(read.rows[0].elapsed_s, 2400);
  EXPECT_EQ(read.rows[0].distance_m, 6000);
  EXPECT_FALSE(read.rows[0].moving_s.has_value());
}

TEST(StravaCsv, MalformedRowIsLeftOutAndNamedByItsLine) {
  const std::string csv = std::string(kShortHeader2019) + "\n" +
                          "1,2024-05-01 06:00:00,One,Run,,1800,5.0,false,,\n" +
                          "2,2024-05-02 06:00:00,Two,Run,,1800\n" +  // cut short
                          "3,2024-05-03 06:00:00,Three,Run,,1800,5.0,false,,\n" +
                          ",2024-05-04 06:00:00,Four,Run,,1800,5.0,false,,\n";  // no ID
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(read.rows[0].activity_id, "1");
  EXPECT_EQ(read.rows[1].activity_id, "3");
  ASSERT_EQ(read.problems.size(), 2u) << Joined(read.problems);
  EXPECT_NE(read.problems[0].find("Line 3 has 6 columns"), std::string::npos) << read.problems[0];
  EXPECT_NE(read.problems[1].find("Line 5"), std::string::npos) << read.problems[1];
}

TEST(StravaCsv, UnreadableValueIsNamedByLineAndColumnAndLeftEmpty) {
  const std::string csv = std::string(kShortHeader2019) + "\n" +
                          "1,2024-05-01 06:00:00,One,Run,,1800,far,false,,\n" +
                          "2,yesterday at noon,Two,Run,,1800,5.0,false,,\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_FALSE(read.rows[0].distance_m.has_value());
  EXPECT_EQ(read.rows[0].elapsed_s, 1800);
  EXPECT_FALSE(read.rows[1].start_utc_s.has_value());
  EXPECT_EQ(read.rows[1].distance_m, 5000);
  ASSERT_EQ(read.problems.size(), 2u) << Joined(read.problems);
  EXPECT_NE(read.problems[0].find("Line 2, column 7 (Distance)"), std::string::npos)
      << read.problems[0];
  EXPECT_NE(read.problems[1].find("Line 3, column 2 (Activity Date)"), std::string::npos)
      << read.problems[1];
}

TEST(StravaCsv, ExportsBeforeAndAfterTheChangeOf2019AgreeOnTheRide) {
  // The same ride in both exports (hugovk/strava-tools#1): metres and an ISO date before,
  // rounded kilometres and "Sep 12, 2018, 3:02:23 PM" after.
  const std::string before = std::string(kSnakeCaseHeader) + "\n" +
                             "1836776031,2018-09-12 15:02:23,Evening Ride,Ride,,783,3681.0,"
                             "true,Merida,activities/1836776031.gpx\n";
  const std::string after = std::string(kShortHeader2019) + "\n" +
                            "1836776031,\"Sep 12, 2018, 3:02:23 PM\",Evening Ride,Ride,,783,"
                            "3.68,true,Merida,activities/1836776031.gpx\n";
  const StravaActivities old_export = Read(before);
  const StravaActivities new_export = Read(after);
  ASSERT_EQ(old_export.rows.size(), 1u);
  ASSERT_EQ(new_export.rows.size(), 1u);
  EXPECT_EQ(old_export.rows[0].distance_m, 3681.0);
  EXPECT_NEAR(*new_export.rows[0].distance_m, 3680.0, 1e-9);
  EXPECT_EQ(old_export.rows[0].start_utc_s, new_export.rows[0].start_utc_s);
  EXPECT_EQ(old_export.rows[0].elapsed_s, 783);
  EXPECT_FALSE(IsStravaRun(old_export.rows[0].type));
}

TEST(StravaCsv, LongHeaderInAnotherLanguageIsReadByPosition) {
  // A 99-column header whose names we do not know: the columns every long layout shares.
  std::vector<std::string> names = SplitHeader(kHeader99);
  std::string header;
  for (std::size_t i = 0; i < names.size(); ++i) {
    header += (i > 0 ? "," : "") + std::string("Kolumn ") + std::to_string(i + 1);
  }
  std::vector<std::string> values(names.size());
  values[0] = "31";
  values[1] = "\"12/09/2018, 15:02:23\"";
  values[3] = "Carrera";
  values[6] = "\"5,02\"";
  values[12] = "activities/31.fit.gz";
  values[16] = "1755";
  values[17] = "\"5021,7\"";
  values[31] = "148";
  std::string row;
  for (std::size_t i = 0; i < values.size(); ++i) row += (i > 0 ? "," : "") + values[i];
  const StravaActivities read = Read(header + "\n" + row + "\n");
  ASSERT_EQ(read.rows.size(), 1u) << Joined(read.problems);
  EXPECT_EQ(read.rows[0].activity_id, "31");
  EXPECT_EQ(read.rows[0].start_utc_s, kSep12At150223);
  EXPECT_TRUE(IsStravaRun(read.rows[0].type));
  EXPECT_EQ(read.rows[0].distance_m, 5021.7);
  EXPECT_EQ(read.rows[0].moving_s, 1755);
  EXPECT_EQ(read.rows[0].avg_hr_bpm, 148);
  EXPECT_EQ(read.rows[0].filename, "activities/31.fit.gz");
}

TEST(StravaCsv, TextThatIsNotAnActivitiesCsvFails) {
  for (std::string_view text : {std::string_view(""), std::string_view("\n\n"),
                                std::string_view("name,email\nAda,ada@example.org\n"),
                                std::string_view("<?xml version=\"1.0\"?><gpx></gpx>")}) {
    const auto read = ReadStravaActivities(text);
    ASSERT_FALSE(read.has_value()) << text;
    EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(read.error().message.find("activities.csv"), std::string::npos);
  }
}

TEST(StravaCsv, QuoteNeverClosedIsReported) {
  const std::string csv = std::string(kShortHeader2019) + "\n" +
                          "1,2024-05-01 06:00:00,One,Run,,1800,5.0,false,,\n" +
                          "2,2024-05-02 06:00:00,\"Two,Run,,1800,5.0,false,,\n" +
                          "3,2024-05-03 06:00:00,Three,Run,,1800,5.0,false,,\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 1u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_NE(read.problems[0].find("Line 3"), std::string::npos) << read.problems[0];
  EXPECT_NE(read.problems[0].find("never closed"), std::string::npos) << read.problems[0];
}

TEST(StravaCsv, HugeRowsAndFieldsAreBoundedAndReported) {
  std::string csv = std::string(kShortHeader2019) + "\n";
  csv += "1,2024-05-01 06:00:00" + std::string(5000, ',') + "\n";  // 5002 columns
  const std::string long_description(10 << 20, 'x');               // 10 MB
  csv += "2,2024-05-02 06:00:00,Two,Run,\"" + long_description + "\",1800,5.0,false,,\n";
  csv += "3,2024-05-03 06:00:00,Three,Run,,1800,5.0,false,,\n";
  const StravaActivities read = Read(csv);
  ASSERT_EQ(read.rows.size(), 2u) << Joined(read.problems);
  EXPECT_EQ(read.rows[0].activity_id, "2");
  EXPECT_EQ(read.rows[0].description.size(), kMaxStravaTextBytes);
  EXPECT_EQ(read.rows[1].activity_id, "3");
  ASSERT_EQ(read.problems.size(), 2u) << Joined(read.problems);
  EXPECT_NE(read.problems[0].find("Line 2 has 5002 columns"), std::string::npos);
  EXPECT_NE(read.problems[1].find("Line 3, column 5"), std::string::npos) << read.problems[1];

  // Problems past the cap are counted, not listed.
  std::string noisy = std::string(kShortHeader2019) + "\n";
  for (int i = 0; i < 500; ++i) noisy += "1,2024-05-01 06:00:00,,,,x,,,,\n";
  const StravaActivities many = Read(noisy);
  EXPECT_EQ(many.rows.size(), 500u);
  ASSERT_EQ(many.problems.size(), kMaxStravaProblems + 1);
  EXPECT_NE(many.problems.back().find("400 more"), std::string::npos) << many.problems.back();
}

TEST(StravaCsv, HundredThousandRowsReadQuickly) {
  std::string csv = std::string(kHeader101) + "\n";
  const std::string row = RowFor(kHeader101, EnglishRun());
  for (int i = 0; i < 100000; ++i) csv += row + "\n";
  const auto start = std::chrono::steady_clock::now();
  const StravaActivities read = Read(csv);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(read.rows.size(), 100000u);
  EXPECT_EQ(read.rows.back().line, 100001u);
  // 0.13 s (0.32 s with the result's memory fresh from the system) in an -O2 build on a
  // shared two-core machine; AddressSanitizer makes it 10 to 30 times slower.
#if defined(__SANITIZE_ADDRESS__)
  constexpr double kBoundSeconds = 15.0;
#else
  constexpr double kBoundSeconds = 1.0;
#endif
  EXPECT_LT(seconds, kBoundSeconds) << csv.size() << " bytes";
}

TEST(StravaCsv, RunningTypesInTheLanguagesSeen) {
  for (std::string_view run :
       {"Run", "Trail Run", "Virtual Run", "run", "TrailRun", "Lauf", "Traillauf",
        "Virtueller Lauf", "Course à pied", "Carrera", " Run "}) {
    EXPECT_TRUE(IsStravaRun(run)) << run;
  }
  for (std::string_view other :
       {"Ride", "Walk", "Hike", "Skilanglauf", "Nordic Ski", "Rowing", "Running shoes", ""}) {
    EXPECT_FALSE(IsStravaRun(other)) << other;
  }
}

}  // namespace
}  // namespace backstride
