// Strava's bulk export: the activities.csv beside the activity files.
//
// Design note. The file is RFC 4180 CSV (quoted fields with commas, doubled quotes and
// line breaks inside descriptions), UTF-8 with or without a byte-order mark, CRLF or LF.
// Its header has drifted over the years: ten snake_case columns before mid-2019
// (`id,date,...,distance` in metres), then 87, 92, 94, 99 and 101 columns, in English or
// in the account's language, with names that repeat (`Elapsed Time`, `Distance`, `Max
// Heart Rate`, `Relative Effort`, `Commute` twice each). So columns are read by POSITION,
// and the positions are decided from the header: a column whose name is known (English,
// German, the old snake_case names) is found by name and occurrence (the first `Distance`
// is rounded kilometres, the second metres); a header in a language we do not know is read
// at the positions every long layout shares (the first 32 columns have not moved since
// 2024). No fixed column count is assumed.
//
// Values: numbers may use a decimal comma ("5,02") in localized exports; `Activity Date` is
// UTC, written "2018-09-12 15:02:23", "Sep 12, 2018, 3:02:23 PM", or day-first in the
// account's language ("12.09.2018, 15:02:23", "12 sept. 2018, 15:02:23").
//
// Policy. A row that cannot be read (a column count unlike the header's, no activity ID, a
// quote never closed) is left out and named in `problems` by its line; a field that cannot
// be read is left empty and named by line and column; everything else is kept. Bounded:
// rows of more than kMaxStravaColumns fields are left out, text fields are cut at
// kMaxStravaTextBytes, and at most kMaxStravaProblems problems are listed, so a hostile file
// costs time linear in its size and memory linear in its row count. Fields are views into
// the input until a row is kept; 100,000 rows read in about a tenth of a second.
// Pure: text in, result out.
#ifndef BACKSTRIDE_ACTIVITY_STRAVA_CSV_H_
#define BACKSTRIDE_ACTIVITY_STRAVA_CSV_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace backstride {

// The longest real header has 101 columns; ten times that is no export of Strava's.
inline constexpr std::size_t kMaxStravaColumns = 1024;
// Names, types and descriptions longer than this are cut (a description is a few KB).
inline constexpr std::size_t kMaxStravaTextBytes = 64 * 1024;
// Past this many, problems are counted in one last line instead of listed.
inline constexpr std::size_t kMaxStravaProblems = 100;

// One activity (one row) of activities.csv.
struct StravaActivityRow {
  std::size_t line = 0;  // 1-based line where the row starts
  std::string activity_id;
  std::optional<double> start_utc_s;    // Activity Date, UTC, seconds since 1970
  std::string name, type, description;  // type as written ("Run", "Trail Run", "Lauf"...)
  std::optional<double> elapsed_s, moving_s, distance_m;  // distance in metres
  std::optional<double> avg_hr_bpm, max_hr_bpm, elevation_gain_m;
  std::string filename;  // "activities/1234.fit.gz"; empty: a manual activity
};

struct StravaActivities {
  std::vector<StravaActivityRow> rows;
  // Rows or fields that could not be read, each naming its line (and column), in plain words.
  std::vector<std::string> problems;
};

// Reads a whole activities.csv. Fails (kInvalidArgument) only when the text is not an
// activities.csv at all: no header with an activity ID and a date column that can be found
// by name, nor a header of a long layout in another language. Everything else gives rows
// and problems.
Result<StravaActivities> ReadStravaActivities(std::string_view csv);

// True for Strava's running types in the languages seen ("Run", "Trail Run", "Virtual
// Run", "Lauf", "Course à pied", "Carrera"...), ignoring ASCII case. Walks, hikes and
// cross-country skiing ("Skilanglauf") are not runs.
bool IsStravaRun(std::string_view type);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_STRAVA_CSV_H_
