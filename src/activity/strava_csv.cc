#include "activity/strava_csv.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/numbers.h"

namespace backstride {
namespace {

// ---- CSV scanning ---------------------------------------------------------------------

// One field as it stands in the input: a view, unescaped only when a kept row reads it.
struct CsvField {
  std::string_view raw;  // without the surrounding quotes
  bool has_doubled_quotes = false;
};

struct CsvRow {
  std::size_t line = 0;         // 1-based line where the row starts
  std::size_t field_count = 0;  // all fields, also those past kMaxStravaColumns
  std::optional<std::size_t> unclosed_quote_column;  // 1-based; the row ran to the end
  std::optional<std::size_t> text_after_quote_column;
};

// RFC 4180 reader over a view. Fields are views into the text; `fields` is reused across
// rows so a 100,000-row file allocates once.
class CsvScanner {
 public:
  explicit CsvScanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }

  // Reads the next row into `fields` (at most kMaxStravaColumns of them) and `row`.
  void NextRow(std::vector<CsvField>& fields, CsvRow& row) {
    fields.clear();
    row = CsvRow{};
    row.line = line_;
    const std::size_t n = text_.size();
    while (true) {
      CsvField field;
      const std::size_t column = row.field_count + 1;
      if (pos_ < n && text_[pos_] == '"') {
        ++pos_;
        const std::size_t begin = pos_;
        while (true) {
          const std::size_t quote = text_.find('"', pos_);
          if (quote == std::string_view::npos) {
            CountLines(pos_, n);
            field.raw = text_.substr(begin);
            pos_ = n;
            row.unclosed_quote_column = column;
            break;
          }
          CountLines(pos_, quote);
          if (quote + 1 < n && text_[quote + 1] == '"') {
            field.has_doubled_quotes = true;
            pos_ = quote + 2;
            continue;
          }
          field.raw = text_.substr(begin, quote - begin);
          pos_ = quote + 1;
          break;
        }
        // Anything between the closing quote and the separator is kept out of the value.
        if (pos_ < n && !IsSeparator(text_[pos_])) {
          if (!row.text_after_quote_column) row.text_after_quote_column = column;
          while (pos_ < n && !IsSeparator(text_[pos_])) ++pos_;
        }
      } else {
        const std::size_t begin = pos_;
        while (pos_ < n && !IsSeparator(text_[pos_])) ++pos_;
        field.raw = text_.substr(begin, pos_ - begin);
      }
      if (fields.size() < kMaxStravaColumns) fields.push_back(field);
      ++row.field_count;

      if (pos_ >= n) return;
      const char separator = text_[pos_++];
      if (separator == ',') continue;
      if (separator == '\r' && pos_ < n && text_[pos_] == '\n') ++pos_;
      ++line_;
      return;
    }
  }

 private:
  static bool IsSeparator(char c) { return c == ',' || c == '\n' || c == '\r'; }

  void CountLines(std::size_t from, std::size_t to) {
    line_ +=
        static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(from),
                                            text_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// The field's value; a field with doubled quotes is unescaped into `scratch`.
std::string_view FieldText(const CsvField& field, std::string& scratch) {
  if (!field.has_doubled_quotes) return field.raw;
  scratch.clear();
  for (std::size_t i = 0; i < field.raw.size(); ++i) {
    scratch.push_back(field.raw[i]);
    if (field.raw[i] == '"' && i + 1 < field.raw.size() && field.raw[i + 1] == '"') ++i;
  }
  return scratch;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = LowerAscii(c);
  return lower;
}

// ---- Columns ---------------------------------------------------------------------------

enum class Column {
  kId,
  kDate,
  kName,
  kType,
  kDescription,
  kElapsed,
  kDistance,
  kMaxHr,
  kFilename,
  kElapsedSecond,
  kMoving,
  kDistanceSecond,
  kElevationGain,
  kMaxHrSecond,
  kAvgHr,
};
inline constexpr std::size_t kColumnCount = 15;

// Names a column goes by: English (2019 on), the old snake_case export (before mid-2019,
// hugovk/strava-tools#1), and German (geo-activity-playground #131, #191, #393 and its
// strava-csv-mapping.json; "Datum der Aktivität" and "Beschreibung der Aktivität" from
// older German exports). French and Spanish headers were not found in public reports;
// they are read at the long layouts' positions below.
struct ColumnSpec {
  Column column;
  int occurrence;  // 1: the first column with one of these names, 2: the second
  // 0-based position in every long layout (87 to 101 columns, 2024-2026): the first 32
  // columns are the same in all of them (geo-activity-playground EXPECTED_COLUMNS history).
  std::size_t long_layout_position;
  std::string_view what;  // in a problem's words: "the distance"
  std::array<std::string_view, 4> names;
};

constexpr std::array<ColumnSpec, kColumnCount> kColumns = {{
    {Column::kId, 1, 0, "the activity ID", {"Activity ID", "id", "Aktivitäts-ID", ""}},
    {Column::kDate,
     1,
     1,
     "the date",
     {"Activity Date", "date", "Aktivitätsdatum", "Datum der Aktivität"}},
    {Column::kName, 1, 2, "the name", {"Activity Name", "name", "Name der Aktivität", ""}},
    {Column::kType, 1, 3, "the type", {"Activity Type", "type", "Aktivitätsart", ""}},
    {Column::kDescription,
     1,
     4,
     "the description",
     {"Activity Description", "description", "Aktivitätsbeschreibung",
      "Beschreibung der Aktivität"}},
    {Column::kElapsed,
     1,
     5,
     "the elapsed time",
     {"Elapsed Time", "elapsed_time", "Verstrichene Zeit", ""}},
    {Column::kDistance, 1, 6, "the distance", {"Distance", "distance", "Distanz", ""}},
    {Column::kMaxHr,
     1,
     7,
     "the highest heart rate",
     {"Max Heart Rate", "Max. Herzfrequenz", "", ""}},
    {Column::kFilename, 1, 12, "the file name", {"Filename", "filename", "Dateiname", ""}},
    {Column::kElapsedSecond,
     2,
     15,
     "the elapsed time",
     {"Elapsed Time", "elapsed_time", "Verstrichene Zeit", ""}},
    {Column::kMoving, 1, 16, "the moving time", {"Moving Time", "Bewegungszeit", "", ""}},
    {Column::kDistanceSecond, 2, 17, "the distance", {"Distance", "distance", "Distanz", ""}},
    {Column::kElevationGain,
     1,
     20,
     "the elevation gain",
     {"Elevation Gain", "Höhenzunahme", "", ""}},
    {Column::kMaxHrSecond,
     2,
     30,
     "the highest heart rate",
     {"Max Heart Rate", "Max. Herzfrequenz", "", ""}},
    {Column::kAvgHr,
     1,
     31,
     "the average heart rate",
     {"Average Heart Rate", "Durchschnittliche Herzfrequenz", "", ""}},
}};

// The shortest long layout seen (87 columns, mid-2024); shorter headers in an unknown
// language are not taken for activities.csv.
constexpr std::size_t kLongLayoutMinColumns = 87;

bool HasName(const ColumnSpec& spec, std::string_view name) {
  return std::find(spec.names.begin(), spec.names.end(), name) != spec.names.end() && !name.empty();
}

bool IsKnownName(std::string_view name) {
  return std::any_of(kColumns.begin(), kColumns.end(),
                     [&](const ColumnSpec& spec) { return HasName(spec, name); });
}

struct Layout {
  std::array<std::optional<std::size_t>, kColumnCount> index;  // 0-based header position
  std::vector<std::string> header;                             // names as written
  bool first_distance_in_metres = false;                       // the snake_case export wrote metres

  std::optional<std::size_t> operator[](Column column) const {
    return index[static_cast<std::size_t>(column)];
  }
};

Layout DecideLayout(std::vector<std::string> header) {
  Layout layout;
  const bool long_layout = header.size() >= kLongLayoutMinColumns;
  for (const ColumnSpec& spec : kColumns) {
    int seen = 0;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (HasName(spec, header[i]) && ++seen == spec.occurrence) {
        layout.index[static_cast<std::size_t>(spec.column)] = i;
        break;
      }
    }
    // A long header in a language we do not know: the position every long layout shares,
    // unless that cell is a name we know for another column (then the layout moved).
    if (!layout[spec.column] && long_layout && spec.long_layout_position < header.size() &&
        !IsKnownName(header[spec.long_layout_position])) {
      layout.index[static_cast<std::size_t>(spec.column)] = spec.long_layout_position;
    }
  }
  if (const auto distance = layout[Column::kDistance]) {
    layout.first_distance_in_metres = header[*distance] == "distance";
  }
  layout.header = std::move(header);
  return layout;
}

// ---- Values ----------------------------------------------------------------------------

// A number as localized exports write it: "5.02", "5,02", "1.234,5", "1 234,5" (with a
// space, a no-break or a narrow no-break space between thousands). Empty text is nullopt
// without a problem; the caller tells the two apart.
std::optional<double> ParseLocalizedNumber(std::string_view text) {
  std::array<char, 64> buffer;
  std::size_t size = 0;
  std::size_t commas = 0, dots = 0, last_comma = 0, last_dot = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ') continue;
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0
      ++i;
      continue;
    }
    if (c == '\xE2' && text.substr(i, 3) == "\xE2\x80\xAF") {  // U+202F
      i += 2;
      continue;
    }
    if (size == buffer.size()) return std::nullopt;
    if (c == ',') ++commas, last_comma = size;
    if (c == '.') ++dots, last_dot = size;
    buffer[size++] = c;
  }
  // Which mark is the decimal one: the last of two kinds, or a single comma alone.
  char decimal = '.';
  if (commas > 0 && dots > 0) {
    decimal = last_comma > last_dot ? ',' : '.';
  } else if (commas == 1) {
    decimal = ',';
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const char c = buffer[i];
    if (c == ',' || c == '.') {
      if (c != decimal) continue;  // a thousands mark
      buffer[out++] = '.';
      continue;
    }
    buffer[out++] = c;
  }
  if (out > 0 && buffer[0] == '+') return ParseDouble(std::string_view(buffer.data() + 1, out - 1));
  return ParseDouble(std::string_view(buffer.data(), out));
}

// Month names and abbreviations in the export languages seen (English, German, French,
// Spanish, Italian and Portuguese share most of them), matched on the word's start.
// Longer prefixes first where two months share three letters (juin, juil).
constexpr std::array<std::pair<std::string_view, int>, 34> kMonthPrefixes = {{
    {"janv", 1}, {"juin", 6},       {"juil", 7}, {"jan", 1},        {"ene", 1},  {"gen", 1},
    {"feb", 2},  {"f\xC3\xA9v", 2}, {"fev", 2},  {"m\xC3\xA4r", 3}, {"mrz", 3},  {"mar", 3},
    {"apr", 4},  {"avr", 4},        {"abr", 4},  {"may", 5},        {"mai", 5},  {"mag", 5},
    {"jun", 6},  {"jul", 7},        {"aug", 8},  {"ao\xC3\xBB", 8}, {"aou", 8},  {"ago", 8},
    {"sep", 9},  {"set", 9},        {"oct", 10}, {"okt", 10},       {"ott", 10}, {"out", 10},
    {"nov", 11}, {"dec", 12},       {"dez", 12}, {"dic", 12},
}};

std::optional<int> MonthFromWord(std::string_view lower_word) {
  if (lower_word.starts_with("d\xC3\xA9"
                             "c"))
    return 12;
  if (lower_word.size() < 3) return std::nullopt;
  for (const auto& [prefix, month] : kMonthPrefixes) {
    if (lower_word.starts_with(prefix)) return month;
  }
  return std::nullopt;
}

// "2018-09-12 15:02:23", "Sep 12, 2018, 3:02:23 PM", "12.09.2018, 15:02:23",
// "12 sept. 2018, 15:02:23", "12 sept 2018, 3:02:23 p. m.": taken apart into numbers
// and words. Numbers joined by ':' are the time; a word naming a month gives the month
// and leaves day and year (the four-digit one); without such a word the date is
// year-month-day when it starts with four digits, else day-month-year (the localized
// exports are day-first; the English ones name the month). Returns seconds since 1970.
std::optional<double> ParseStravaDate(std::string_view text) {
  struct Token {
    bool number = false;
    std::int64_t value = 0;
    std::size_t digits = 0;
    std::string word;   // lower case
    char before = ' ';  // the punctuation before it, ' ' if none
  };
  std::array<Token, 16> tokens;
  std::size_t count = 0;
  char pending = ' ';
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool digit = c >= '0' && c <= '9';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!digit && !letter) {
      if (c != ' ') pending = static_cast<char>(c);
      ++i;
      continue;
    }
    if (count == tokens.size()) return std::nullopt;
    Token& token = tokens[count++];
    token.before = pending;
    pending = ' ';
    if (digit) {
      token.number = true;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (++token.digits > 9) return std::nullopt;
        token.value = token.value * 10 + (text[i] - '0');
        ++i;
      }
    } else {
      while (i < text.size()) {
        const unsigned char w = static_cast<unsigned char>(text[i]);
        if (!((w >= 'a' && w <= 'z') || (w >= 'A' && w <= 'Z') || w >= 0x80)) break;
        token.word.push_back(LowerAscii(static_cast<char>(w)));
        ++i;
      }
    }
  }

  std::array<std::int64_t, 3> time = {-1, 0, 0};
  std::size_t time_parts = 0;
  std::array<const Token*, 3> date_numbers{};
  std::size_t date_count = 0;
  std::optional<int> month_word;
  std::optional<bool> pm;
  for (std::size_t i = 0; i < count; ++i) {
    const Token& token = tokens[i];
    const bool joined_to_next =
        i + 1 < count && tokens[i + 1].number && tokens[i + 1].before == ':';
    if (token.number && (token.before == ':' || joined_to_next)) {
      if (token.before != ':') time_parts = 0;  // a new time group
      if (time_parts == 3) return std::nullopt;
      time[time_parts++] = token.value;
      continue;
    }
    if (token.number) {
      if (date_count == 3) return std::nullopt;
      date_numbers[date_count++] = &token;
      continue;
    }
    if (token.word == "am" || token.word == "pm") {
      pm = token.word == "pm";
    } else if ((token.word == "a" || token.word == "p") && i + 1 < count &&
               tokens[i + 1].word == "m") {  // "a. m.", "p. m."
      pm = token.word == "p";
      ++i;
    } else if (!month_word) {
      month_word = MonthFromWord(token.word);
    }
    // Other words ("de", "um", "Uhr", "T", "Z") carry nothing we need.
  }
  if (time_parts < 2) return std::nullopt;

  std::int64_t year = 0, month = 0, day = 0;
  if (month_word) {
    if (date_count != 2) return std::nullopt;
    month = *month_word;
    const bool first_is_year = date_numbers[0]->digits == 4;
    year = first_is_year ? date_numbers[0]->value : date_numbers[1]->value;
    day = first_is_year ? date_numbers[1]->value : date_numbers[0]->value;
  } else {
    if (date_count != 3) return std::nullopt;
    if (date_numbers[0]->digits == 4) {
      year = date_numbers[0]->value, month = date_numbers[1]->value, day = date_numbers[2]->value;
    } else {
      day = date_numbers[0]->value, month = date_numbers[1]->value, year = date_numbers[2]->value;
    }
  }
  if (year < 100) year += 2000;  // "12.09.18"

  std::int64_t hour = time[0];
  if (pm) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = (hour % 12) + (*pm ? 12 : 0);
  }
  if (hour > 23 || time[1] > 59 || time[2] > 60) return std::nullopt;
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(year)),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
  return static_cast<double>(days * 86400 + hour * 3600 + time[1] * 60 + time[2]);
}

// ---- Rows ------------------------------------------------------------------------------

class RowReader {
 public:
  RowReader(const Layout& layout, StravaActivities& out) : layout_(layout), out_(out) {}

  void Problem(std::string text) {
    if (out_.problems.size() < kMaxStravaProblems) {
      out_.problems.push_back(std::move(text));
    } else {
      ++unlisted_problems_;
    }
  }

  void Finish() {
    if (unlisted_problems_ > 0) {
      out_.problems.push_back(std::to_string(unlisted_problems_) +
                              " more problems like these were not listed.");
    }
  }

  void Read(const std::vector<CsvField>& fields, const CsvRow& csv_row) {
    line_number_ = csv_row.line;
    const auto line = [this] { return Line(); };
    if (csv_row.unclosed_quote_column) {
      Problem(line() + ": a quoted value that starts in column " +
              std::to_string(*csv_row.unclosed_quote_column) +
              " is never closed, so the rest of the file could not be read.");
      return;
    }
    if (csv_row.field_count != layout_.header.size()) {
      Problem(line() + " has " + std::to_string(csv_row.field_count) +
              " columns where the header has " + std::to_string(layout_.header.size()) +
              ", so it was left out.");
      return;
    }
    fields_ = &fields;
    StravaActivityRow row;
    row.line = csv_row.line;
    row.activity_id = std::string(TrimSpaces(Field(Column::kId)));
    if (row.activity_id.empty()) {
      Problem(line() + " has no activity ID, so it was left out.");
      return;
    }
    if (csv_row.text_after_quote_column) {
      Problem(line() + ", column " + std::to_string(*csv_row.text_after_quote_column) +
              ": there is text after the closing quote; it was left out of the value.");
    }
    if (const auto date = Field(Column::kDate); !TrimSpaces(date).empty()) {
      row.start_utc_s = ParseStravaDate(date);
      if (!row.start_utc_s) FieldProblem(Column::kDate, date, "is not a date we can read");
    }
    row.name = KeptText(Column::kName);
    row.type = std::string(TrimSpaces(KeptText(Column::kType)));
    row.description = KeptText(Column::kDescription);
    row.filename = std::string(TrimSpaces(KeptText(Column::kFilename)));

    row.elapsed_s = Number(Column::kElapsed);
    if (!row.elapsed_s) row.elapsed_s = Number(Column::kElapsedSecond);
    row.moving_s = Number(Column::kMoving);
    // The second Distance is metres; the first is rounded kilometres (metres in the
    // snake_case export).
    row.distance_m = Number(Column::kDistanceSecond);
    if (!row.distance_m) {
      if (const auto first = Number(Column::kDistance)) {
        row.distance_m = layout_.first_distance_in_metres ? *first : *first * 1000.0;
      }
    }
    row.max_hr_bpm = Number(Column::kMaxHr);
    if (!row.max_hr_bpm) row.max_hr_bpm = Number(Column::kMaxHrSecond);
    row.avg_hr_bpm = Number(Column::kAvgHr);
    row.elevation_gain_m = Number(Column::kElevationGain);
    out_.rows.push_back(std::move(row));
  }

 private:
  // The raw field of `column` (unescaped), or empty when the layout lacks the column.
  std::string_view Field(Column column) {
    const auto index = layout_[column];
    if (!index || *index >= fields_->size()) return {};
    return FieldText((*fields_)[*index], scratch_);
  }

  // "Line 12", built only when a problem is reported.
  std::string Line() const { return "Line " + std::to_string(line_number_); }

  // Text kept in the row, cut at kMaxStravaTextBytes on a UTF-8 character boundary.
  std::string KeptText(Column column) {
    std::string_view text = Field(column);
    if (text.size() > kMaxStravaTextBytes) {
      std::size_t cut = kMaxStravaTextBytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut);
      Problem(Line() + ", column " + ColumnLabel(column) + ": " + std::string(Spec(column).what) +
              " is longer than " + std::to_string(kMaxStravaTextBytes / 1024) +
              " KB; only its start was kept.");
    }
    return std::string(text);
  }

  // A number that cannot be negative; empty text is no value and no problem.
  std::optional<double> Number(Column column) {
    const std::string_view text = TrimSpaces(Field(column));
    if (text.empty()) return std::nullopt;
    const auto value = ParseLocalizedNumber(text);
    if (!value) {
      FieldProblem(column, text, "is not a number");
      return std::nullopt;
    }
    if (*value < 0) {
      FieldProblem(column, text, "is below zero");
      return std::nullopt;
    }
    return value;
  }

  void FieldProblem(Column column, std::string_view text, std::string_view why) {
    constexpr std::size_t kShown = 40;
    std::string shown(text.substr(0, kShown));
    if (text.size() > kShown) shown += "...";
    Problem(Line() + ", column " + ColumnLabel(column) + ": \"" + shown + "\" " + std::string(why) +
            ", so " + std::string(Spec(column).what) + " was left empty.");
  }

  static const ColumnSpec& Spec(Column column) {
    return kColumns[static_cast<std::size_t>(column)];
  }

  // "7 (Distance)": the position a spreadsheet shows, and the header's own name.
  std::string ColumnLabel(Column column) const {
    const std::size_t index = *layout_[column];
    std::string_view name = layout_.header[index];
    if (name.size() > 40) name = name.substr(0, 40);
    return std::to_string(index + 1) + " (" + std::string(name) + ")";
  }

  const Layout& layout_;
  StravaActivities& out_;
  const std::vector<CsvField>* fields_ = nullptr;
  std::size_t line_number_ = 0;
  std::string scratch_;
  std::size_t unlisted_problems_ = 0;
};

}  // namespace

Result<StravaActivities> ReadStravaActivities(std::string_view csv) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  CsvScanner scanner(csv);
  std::vector<CsvField> fields;
  CsvRow csv_row;

  // The header: the first line that is not blank.
  do {
    scanner.NextRow(fields, csv_row);
  } while (!scanner.AtEnd() && csv_row.field_count == 1 && TrimSpaces(fields[0].raw).empty());
  if (csv_row.field_count > kMaxStravaColumns) {
    return Fail(Error::InvalidArgument("This is not a Strava activities.csv: its first line has " +
                                       std::to_string(csv_row.field_count) +
                                       " columns, far more than Strava writes."));
  }
  std::vector<std::string> header;
  header.reserve(fields.size());
  std::string scratch;
  for (const CsvField& field : fields) {
    header.emplace_back(TrimSpaces(FieldText(field, scratch)));
  }
  const Layout layout = DecideLayout(std::move(header));
  if (!layout[Column::kId] || !layout[Column::kDate]) {
    return Fail(Error::InvalidArgument(
        "This is not a Strava activities.csv: its first line has no activity ID and date "
        "columns. Choose activities.csv from the folder of your Strava export."));
  }

  StravaActivities activities;
  // Rows are ~300 bytes; growing the vector by doubling copied and page-faulted twice the
  // final size and took half the time of a 100,000-row file. A row needs at least one
  // byte per column, which bounds the reservation for any input; the cap keeps a file
  // of blank lines from reserving more than ~80 MB of (untouched) address space.
  const std::size_t line_breaks =
      static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
  activities.rows.reserve(
      std::min({line_breaks + 1, csv.size() / layout.header.size() + 1, std::size_t{1} << 18}));
  RowReader reader(layout, activities);
  while (!scanner.AtEnd()) {
    scanner.NextRow(fields, csv_row);
    if (csv_row.field_count == 1 && !csv_row.unclosed_quote_column &&
        TrimSpaces(fields[0].raw).empty()) {
      continue;  // a blank line, as at the end of most files
    }
    reader.Read(fields, csv_row);
  }
  reader.Finish();
  return activities;
}

bool IsStravaRun(std::string_view type) {
  // Strava's running types, as its exports write them in English and as reported from
  // German, French and Spanish accounts; compared without ASCII case.
  static constexpr std::array<std::string_view, 18> kRunTypes = {"run",
                                                                 "trail run",
                                                                 "virtual run",
                                                                 "trailrun",
                                                                 "virtualrun",
                                                                 "lauf",
                                                                 "traillauf",
                                                                 "trail-lauf",
                                                                 "virtueller lauf",
                                                                 "course \xC3\xA0 pied",
                                                                 "course a pied",
                                                                 "trail",
                                                                 "course virtuelle",
                                                                 "carrera",
                                                                 "carrera por monta\xC3\xB1"
                                                                 "a",
                                                                 "carrera de monta\xC3\xB1"
                                                                 "a",
                                                                 "carrera virtual",
                                                                 "trail running"};
  const std::string lower = LowerAscii(TrimSpaces(type));
  return std::find(kRunTypes.begin(), kRunTypes.end(), lower) != kRunTypes.end();
}

}  // namespace backstride
