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

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at the start of `text` (not empty), or 0 when it
// does not start with one (RFC 3629: no overlong forms, no surrogates, none past U+10FFFF).
std::size_t ValidSequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead >= 0x01 && lead <= 0x7F) return 1;  // NUL is refused too
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;  // the second byte's range, narrower after some leads
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::string StorableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = ValidSequenceLength(text);
    if (length == 0) {
      out += kReplacement;
      text.remove_prefix(1);
    } else {
      out += text.substr(0, length);
      text.remove_prefix(length);
    }
  }
  return out;
}

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
