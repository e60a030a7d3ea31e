#include "store/sqlite_rows.h"

#include <type_traits>
#include <variant>

namespace backstride::sqlite {
namespace {

// The fixed columns before the values, in ReadLogRow's order.
constexpr int kFixedLogColumns = 7;

std::string ValueNames(std::string_view suffix) {
  std::string names;
  for (const LogValueField& field : kLogValueFields) {
    if (!names.empty()) names += ", ";
    names += field.name;
    names += suffix;
  }
  return names;
}

}  // namespace

const std::string& LogColumns() {
  static const std::string columns =
      "id, date, kind, run_id, note, source, created_at, " + ValueNames("");
  return columns;
}

const std::string& LogRowColumns() {
  static const std::string columns =
      "date, kind, run_id, note, source, created_at, deleted_at, " + ValueNames("");
  return columns;
}

const std::string& LogValueAssignments() {
  static const std::string assignments = ValueNames(" = ?");
  return assignments;
}

void BindLogValues(Statement& statement, int first, const LogEntry& entry) {
  int index = first;
  for (const LogValueField& field : kLogValueFields) {
    std::visit(
        [&](auto member) {
          const auto& value = entry.*member;
          using Value = typename std::decay_t<decltype(value)>::value_type;
          if constexpr (std::is_same_v<Value, double>) {
            statement.Bind(index, value);
          } else {
            statement.Bind(index, ToInt(value));
          }
        },
        field.member);
    ++index;
  }
}

Result<LogEntry> ReadLogRow(const Statement& row) {
  LogEntry entry;
  entry.id = row.Int(0);
  auto date = DateColumn(row, 1);
  if (!date) return Fail(date.error());
  entry.date = *date;
  auto kind = LogKindFromId(row.Text(2));
  if (!kind) return Fail(Error::Corruption("database: unknown log kind"));
  entry.kind = *kind;
  entry.run_id = row.OptionalInt(3);
  entry.note = row.Text(4);
  entry.source = row.Text(5);
  entry.created_at = row.Text(6);
  int column = kFixedLogColumns;
  for (const LogValueField& field : kLogValueFields) {
    std::visit(
        [&](auto member) {
          auto& value = entry.*member;
          using Value = typename std::decay_t<decltype(value)>::value_type;
          if (row.IsNull(column)) {
            value.reset();
          } else if constexpr (std::is_same_v<Value, double>) {
            value = row.Real(column);
          } else if constexpr (std::is_same_v<Value, bool>) {
            value = row.Int(column) != 0;
          } else {
            value = static_cast<Value>(row.Int(column));
          }
        },
        field.member);
    ++column;
  }
  return entry;
}

}  // namespace backstride::sqlite
