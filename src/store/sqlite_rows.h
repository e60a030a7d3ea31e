// What the SQLite store's files share about its rows: the log's column lists and the
// conversions between C++ values and SQLite's (0 as "no id", a bool as 0/1, "" as NULL).
#ifndef BACKSTRIDE_STORE_SQLITE_ROWS_H_
#define BACKSTRIDE_STORE_SQLITE_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/result.h"
#include "core/log.h"
#include "store/sqlite.h"

namespace backstride::sqlite {

// The log's columns: id, date, kind, run_id, note, source, created_at, then every value of
// kLogValueFields, in the order ReadLogRow reads them.
const std::string& LogColumns();
// The columns change_rows keeps of an entry to put it back on undo (all but id).
const std::string& LogRowColumns();
// "distance_m = ?, duration_s = ?, ..." for an UPDATE of every value.
const std::string& LogValueAssignments();

// Binds every value of `entry`, in kLogValueFields order, from parameter `first` on.
void BindLogValues(Statement& statement, int first, const LogEntry& entry);
// Reads a row of LogColumns(). Fails with kCorruption on a damaged date or kind.
Result<LogEntry> ReadLogRow(const Statement& row);

inline constexpr std::string_view kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

inline std::optional<std::int64_t> OptionalId(std::int64_t id) {
  return id != 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

inline std::optional<std::int64_t> ToInt(std::optional<int> value) {
  if (!value) return std::nullopt;
  return *value;
}

inline std::optional<std::int64_t> ToInt(std::optional<bool> value) {
  if (!value) return std::nullopt;
  return *value ? 1 : 0;
}

inline std::optional<std::string_view> OptionalText(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::string_view(text);
}

inline Result<Date> DateColumn(const sqlite::Statement& row, int column) {
  auto date = ParseDate(row.Text(column));
  if (!date) return Fail(Error::Corruption("database: a stored date is damaged"));
  return *date;
}

}  // namespace backstride::sqlite

#endif  // BACKSTRIDE_STORE_SQLITE_ROWS_H_
