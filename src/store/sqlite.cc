#include "store/sqlite.h"

namespace backstride::sqlite {

Statement& Statement::Bind(int index, std::optional<std::int64_t> value) {
  if (value) {
    sqlite3_bind_int64(statement_, index, *value);
  } else {
    sqlite3_bind_null(statement_, index);
  }
  return *this;
}

Statement& Statement::Bind(int index, std::optional<double> value) {
  if (value) {
    sqlite3_bind_double(statement_, index, *value);
  } else {
    sqlite3_bind_null(statement_, index);
  }
  return *this;
}

Statement& Statement::Bind(int index, std::optional<std::string_view> value) {
  if (value) {
    sqlite3_bind_text(statement_, index, value->data(), static_cast<int>(value->size()),
                      SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(statement_, index);
  }
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (bytes.empty()) {
    sqlite3_bind_null(statement_, index);
  } else {
    sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
  }
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Fail(Error::IOError(std::string("database: ") + sqlite3_errmsg(db_)));
}

Result<void> Statement::Run() {
  while (true) {
    auto row = Step();
    if (!row) return Fail(row.error());
    if (!*row) return {};
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}
std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(statement_, column); }
std::string Statement::Text(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_BLOB) {
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    return {blob, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }
  const auto* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
}
std::optional<std::int64_t> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}
std::optional<double> Statement::OptionalReal(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Real(column);
}

Result<Database> Database::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open the database '" + path +
                          "': " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Fail(Error::IOError(std::move(message)));
  }
  // Another process (the CLI while the server runs) may hold the write lock briefly.
  sqlite3_busy_timeout(db, 5000);
  return Database(db);
}

Database::~Database() { sqlite3_close(db_); }

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
      SQLITE_OK) {
    return Fail(LastError("prepare"));
  }
  return Statement(db_, statement);
}

Result<void> Database::Execute(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = Error::IOError(std::string("database: ") + (message ? message : "error"));
    sqlite3_free(message);
    return Fail(std::move(error));
  }
  return {};
}

Error Database::LastError(std::string_view what) const {
  const int code = sqlite3_errcode(db_);
  Error error = Error::IOError("database " + std::string(what) + ": " + sqlite3_errmsg(db_));
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) error.code = ErrorCode::kCorruption;
  return error;
}

}  // namespace backstride::sqlite
