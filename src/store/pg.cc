#include "store/pg.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <vector>

namespace backstride::pg {
namespace {

// Longest shortest-round-trip form of a double ("-1.2345678901234567e-308").
constexpr std::size_t kDoubleChars = 32;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Trimmed(const char* text) {
  std::string trimmed = text ? text : "";
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ')) trimmed.pop_back();
  return trimmed;
}

}  // namespace

Param::Param(std::int64_t value) : value_(std::to_string(value)) {}

Param::Param(double value) {
  // The shortest text that reads back as exactly `value`.
  char text[kDoubleChars];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  value_ = std::string(text, end);
}

Param Param::Bytes(std::string_view bytes) {
  Param param{std::string(bytes)};
  param.binary_ = true;
  return param;
}

Rows::Rows(pg_result* result) : result_(result) {}
Rows::~Rows() { PQclear(result_); }

int Rows::size() const { return PQntuples(result_); }

std::int64_t Rows::Affected() const {
  const char* count = PQcmdTuples(result_);
  std::int64_t value = 0;
  std::from_chars(count, count + std::strlen(count), value);
  return value;
}

bool Rows::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }

std::string_view Rows::Text(int row, int column) const {
  return {PQgetvalue(result_, row, column),
          static_cast<std::size_t>(PQgetlength(result_, row, column))};
}

std::int64_t Rows::Int(int row, int column) const {
  const std::string_view text = Text(row, column);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

double Rows::Real(int row, int column) const {
  const std::string_view text = Text(row, column);
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool Rows::Bool(int row, int column) const { return Text(row, column) == "t"; }

std::string Rows::Bytes(int row, int column) const {
  // bytea's text output is "\x" and two hex digits a byte (bytea_output = hex, the default
  // since PostgreSQL 9.0).
  const std::string_view text = Text(row, column);
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return {};
  std::string bytes;
  bytes.resize((text.size() - 2) / 2);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const int high = HexValue(text[2 + 2 * i]);
    const int low = HexValue(text[3 + 2 * i]);
    bytes[i] = static_cast<char>((high << 4) | low);
  }
  return bytes;
}

std::optional<std::int64_t> Rows::OptionalInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

std::optional<double> Rows::OptionalReal(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Real(row, column);
}

std::optional<bool> Rows::OptionalBool(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Bool(row, column);
}

Result<Connection> Connection::Open(const std::string& connection) {
  PGconn* raw = PQconnectdb(connection.c_str());
  if (raw == nullptr) return Fail(Error::IOError("cannot connect to PostgreSQL: out of memory"));
  if (PQstatus(raw) != CONNECTION_OK) {
    Error error = Error::IOError("cannot connect to PostgreSQL: " + Trimmed(PQerrorMessage(raw)));
    PQfinish(raw);
    return Fail(std::move(error));
  }
  // The server's notices ("table exists, skipping") are not the program's output.
  PQsetNoticeProcessor(
      raw, [](void*, const char*) {}, nullptr);
  Connection opened(raw);
  if (auto set = opened.SetUp(); !set) return Fail(set.error());
  return opened;
}

Result<void> Connection::SetUp() {
  // Dates read back as YYYY-MM-DD whatever the server's default style; text in UTF-8.
  if (PQsetClientEncoding(connection_, "UTF8") != 0) {
    return Fail(
        Error::IOError("PostgreSQL: cannot use UTF-8: " + Trimmed(PQerrorMessage(connection_))));
  }
  return Run("SET DateStyle = ISO");
}

Result<void> Connection::Reconnect() {
  if (PQstatus(connection_) != CONNECTION_BAD) return {};
  if (in_transaction_) {
    return Fail(Error::IOError(
        "the connection to PostgreSQL was lost during a transaction, which did not happen"));
  }
  PQreset(connection_);
  if (PQstatus(connection_) != CONNECTION_OK) {
    return Fail(
        Error::IOError("cannot reconnect to PostgreSQL: " + Trimmed(PQerrorMessage(connection_))));
  }
  return SetUp();
}

Result<void> Connection::Begin(std::string_view mode) {
  std::string sql = "BEGIN";
  if (!mode.empty()) sql += " " + std::string(mode);
  auto begun = Execute(sql);
  // BEGIN changes nothing, so when it finds the connection lost it is safe to run again.
  if (!begun && PQstatus(connection_) == CONNECTION_BAD) begun = Execute(sql);
  if (begun) in_transaction_ = true;
  return begun;
}

Result<void> Connection::Commit() {
  auto committed = Execute("COMMIT");
  in_transaction_ = false;
  return committed;
}

Connection::~Connection() {
  if (connection_ != nullptr) PQfinish(connection_);
}

Error Connection::ErrorOf(const pg_result* result) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* detail = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL) : nullptr;
  std::string message = "database: ";
  message += primary ? Trimmed(primary) : Trimmed(PQerrorMessage(connection_));
  if (detail) message += " (" + Trimmed(detail) + ")";
  const std::string sqlstate = state ? state : "";
  if (!sqlstate.empty()) message += " [SQLSTATE " + sqlstate + "]";
  Error error = Error::IOError(std::move(message));
  if (sqlstate.starts_with("22") || sqlstate.starts_with("23")) {
    error.code = ErrorCode::kInvalidArgument;
  } else if (sqlstate == "XX001" || sqlstate == "XX002") {
    error.code = ErrorCode::kCorruption;
  }
  return error;
}

Result<Rows> Connection::Query(std::string_view sql, std::span<const Param> params) {
  if (auto connected = Reconnect(); !connected) return Fail(connected.error());
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  values.reserve(params.size());
  for (const Param& param : params) {
    values.push_back(param.value() ? param.value()->c_str() : nullptr);
    lengths.push_back(param.value() ? static_cast<int>(param.value()->size()) : 0);
    formats.push_back(param.binary() ? 1 : 0);
  }
  const std::string statement(sql);
  Rows rows(PQexecParams(connection_, statement.c_str(), static_cast<int>(params.size()), nullptr,
                         values.data(), lengths.data(), formats.data(), 0));
  const pg_result* result = rows.result_;
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return Fail(ErrorOf(result));
  return rows;
}

Result<void> Connection::Execute(const std::string& sql) {
  if (auto connected = Reconnect(); !connected) return connected;
  return Run(sql);
}

Result<void> Connection::Run(const std::string& sql) {
  Rows rows(PQexec(connection_, sql.c_str()));
  const pg_result* result = rows.result_;
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return Fail(ErrorOf(result));
  return {};
}

void Connection::Rollback() {
  in_transaction_ = false;
  if (PQstatus(connection_) == CONNECTION_OK) PQclear(PQexec(connection_, "ROLLBACK"));
}

}  // namespace backstride::pg
