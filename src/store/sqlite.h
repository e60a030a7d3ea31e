// A thin RAII layer over the SQLite C API: a connection and prepared statements, with
// errors as Result. Internal to src/store.
#ifndef BACKSTRIDE_STORE_SQLITE_H_
#define BACKSTRIDE_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace backstride::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(Statement&& other) noexcept : db_(other.db_), statement_(other.statement_) {
    other.statement_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Bind by 1-based index; nullopt binds NULL.
  Statement& Bind(int index, std::optional<std::int64_t> value);
  Statement& Bind(int index, std::optional<double> value);
  Statement& Bind(int index, std::optional<std::string_view> value);
  Statement& Bind(int index, std::string_view value) {
    return Bind(index, std::optional<std::string_view>(value));
  }

  // Binds bytes as a BLOB (NULL when empty).
  Statement& BindBlob(int index, std::string_view bytes);

  // Steps once. Returns true while a row is available, false when done.
  Result<bool> Step();
  // Steps until done, for statements that return no rows.
  Result<void> Run();

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  std::optional<double> OptionalReal(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
};

class Database {
 public:
  // Opens or creates the file. Fails with kIOError naming the path.
  static Result<Database> Open(const std::string& path);
  ~Database();
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database& operator=(Database&&) = delete;

  Result<Statement> Prepare(std::string_view sql);
  // Runs one or more statements that return no rows.
  Result<void> Execute(const std::string& sql);
  std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  // Rows changed by the last statement.
  int Changes() const { return sqlite3_changes(db_); }
  Error LastError(std::string_view what) const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace backstride::sqlite

#endif  // BACKSTRIDE_STORE_SQLITE_H_
