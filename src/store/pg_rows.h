// What the PostgreSQL store's files share about its rows: the log's column lists and the
// conversions between C++ values and query parameters, as sqlite_rows.h does for SQLite.
#ifndef BACKSTRIDE_STORE_PG_ROWS_H_
#define BACKSTRIDE_STORE_PG_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "core/log.h"
#include "store/pg.h"

namespace backstride::pg {

// The log's columns: id, date, kind, run_id, note, source, created_at, then every value of
// kLogValueFields, in the order ReadLogRow reads them. `prefix` names the table ("l.").
std::string LogColumns(std::string_view prefix = "");
// The columns change_rows keeps of an entry to put it back on undo (all but id).
const std::string& LogRowColumns();

// Appends every value of `entry`, in kLogValueFields order, as parameters.
void AppendLogValues(std::vector<Param>& params, const LogEntry& entry);
// Reads row `row` of LogColumns(), from column `first` on. Fails with kCorruption on a
// damaged date or kind.
Result<LogEntry> ReadLogRow(const Rows& rows, int row, int first = 0);

// The time now as the store writes it, the same text as SQLite's store:
// 2026-03-02T07:15:00.123Z.
inline constexpr std::string_view kNow =
    "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

// A new id of `table` for runner $1: their largest + 1, as SQLite gives an INTEGER PRIMARY
// KEY. Safe because every writer holds the runner's row locked.
std::string NextId(std::string_view table);

// `text` as PostgreSQL can store it: every byte that is not part of valid UTF-8, and every
// NUL byte, replaced by U+FFFD. PostgreSQL refuses such text (SQLSTATE 22021) where
// SQLite keeps it, and it comes from outside: a file's name, an archive entry's, a
// service's title for a run. Storing it marked is better than failing the import; the
// bytes replaced were no readable text anyway. Valid text is returned unchanged.
std::string StorableText(std::string_view text);

inline std::optional<std::int64_t> OptionalId(std::int64_t id) {
  return id != 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

inline std::optional<std::string_view> OptionalText(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::string_view(text);
}

// Bytes for a bytea column; none (NULL) when empty, as SQLite's store keeps them.
inline Param OptionalBytes(const std::string& bytes) {
  if (bytes.empty()) return Param(std::nullopt);
  return Param::Bytes(bytes);
}

inline Result<Date> DateColumn(const Rows& rows, int row, int column) {
  auto date = ParseDate(rows.Text(row, column));
  if (!date) return Fail(Error::Corruption("database: a stored date is damaged"));
  return *date;
}

}  // namespace backstride::pg

#endif  // BACKSTRIDE_STORE_PG_ROWS_H_
