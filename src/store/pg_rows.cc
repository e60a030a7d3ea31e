#include "store/pg_rows.h"

#include <type_traits>
#include <variant>

namespace backstride::pg {
namespace {

// The fixed columns before the values, in ReadLogRow's order.
constexpr int kFixedLogColumns = 7;

std::string ValueNames(std::string_view prefix) {
  std::string names;
  for (const LogValueField& field : kLogValueFields) {
    if (!names.empty()) names += ", ";
    names += prefix;
    names += field.name;
  }
  return names;
}

}  // namespace

std::string LogColumns(std::string_view prefix) {
  std::string columns;
  for (std::string_view name : {"id", "date", "kind", "run_id", "note", "source", "created_at"}) {
    columns += prefix;
    columns += name;
    columns += ", ";
  }
  return columns + ValueNames(prefix);
}

const std::string& LogRowColumns() {
  static const std::string columns =
      "date, kind, run_id, note, source, created_at, deleted_at, " + ValueNames("");
  return columns;
}

std::string NextId(std::string_view table) {
  return "(SELECT COALESCE(MAX(id), 0) + 1 FROM " + std::string(table) + " WHERE runner_id = $1)";
}

void AppendLogValues(std::vector<Param>& params, const LogEntry& entry) {
  for (const LogValueField& field : kLogValueFields) {
    std::visit([&](auto member) { params.emplace_back(entry.*member); }, field.member);
  }
}

Result<LogEntry> ReadLogRow(const Rows& rows, int row, int first) {
  LogEntry entry;
  entry.id = rows.Int(row, first);
  auto date = DateColumn(rows, row, first + 1);
  if (!date) return Fail(date.error());
  entry.date = *date;
  auto kind = LogKindFromId(rows.Text(row, first + 2));
  if (!kind) return Fail(Error::Corruption("database: unknown log kind"));
  entry.kind = *kind;
  entry.run_id = rows.OptionalInt(row, first + 3);
  entry.note = rows.Text(row, first + 4);
  entry.source = rows.Text(row, first + 5);
  entry.created_at = rows.Text(row, first + 6);
  int column = first + kFixedLogColumns;
  for (const LogValueField& field : kLogValueFields) {
    std::visit(
        [&](auto member) {
          auto& value = entry.*member;
          using Value = typename std::decay_t<decltype(value)>::value_type;
          if (rows.IsNull(row, column)) {
            value.reset();
          } else if constexpr (std::is_same_v<Value, double>) {
            value = rows.Real(row, column);
          } else if constexpr (std::is_same_v<Value, bool>) {
            value = rows.Bool(row, column);
          } else {
            value = static_cast<Value>(rows.Int(row, column));
          }
        },
        field.member);
    ++column;
  }
  return entry;
}

}  // namespace backstride::pg
