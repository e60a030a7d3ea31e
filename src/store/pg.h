// A thin layer over libpq, PostgreSQL's C client: a connection, parameterized queries and
// their rows, with errors as Result. Internal to src/store, like sqlite.h.
//
// Design: parameters go as text in PostgreSQL's own input syntax, except bytes (bytea),
// which go binary so a track is never escaped; results come back as text and are read by
// row and column. Text both ways keeps this small: the log's rows are short, and parsing
// their numbers is a small part of a query's time next to the round trip. Every query
// is PQexecParams, never a string with a value pasted in.
//
// A connection lost between transactions (the server restarted, an idle connection cut)
// is made again before the next statement, so a long-lived store needs no watching. One
// lost inside a transaction is not: that transaction fails whole, and its caller's
// rollback ends it; only then does the next statement reconnect.
#ifndef BACKSTRIDE_STORE_PG_H_
#define BACKSTRIDE_STORE_PG_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

struct pg_conn;
struct pg_result;

namespace backstride::pg {

// One parameter of a query: NULL, a value, or bytes.
class Param {
 public:
  Param(std::nullopt_t) {}  // NULL
  Param(std::int64_t value);
  Param(int value) : Param(static_cast<std::int64_t>(value)) {}
  Param(double value);
  Param(bool value) : value_(value ? "t" : "f") {}
  Param(std::string_view value) : value_(std::string(value)) {}
  Param(const std::string& value) : value_(value) {}
  Param(const char* value) : value_(std::string(value)) {}
  // An absent value is NULL.
  template <typename T>
  Param(const std::optional<T>& value) {
    if (value) *this = Param(*value);
  }
  // Bytes for a bytea column, sent as they are.
  static Param Bytes(std::string_view bytes);

  const std::optional<std::string>& value() const { return value_; }
  bool binary() const { return binary_; }

 private:
  std::optional<std::string> value_;
  bool binary_ = false;
};

// The rows a query returned, read by row and column (both from 0). A value read with the
// wrong reader (Int of a text column) is 0, so columns are read as the query typed them.
class Rows {
 public:
  explicit Rows(pg_result* result);
  ~Rows();
  Rows(Rows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  Rows& operator=(Rows&&) = delete;

  int size() const;
  bool empty() const { return size() == 0; }
  // Rows an INSERT, UPDATE or DELETE changed.
  std::int64_t Affected() const;

  bool IsNull(int row, int column) const;
  std::string_view Text(int row, int column) const;  // "" for NULL
  std::int64_t Int(int row, int column) const;
  double Real(int row, int column) const;
  bool Bool(int row, int column) const;
  // A bytea column's bytes ("" for NULL).
  std::string Bytes(int row, int column) const;
  std::optional<std::int64_t> OptionalInt(int row, int column) const;
  std::optional<double> OptionalReal(int row, int column) const;
  std::optional<bool> OptionalBool(int row, int column) const;

 private:
  friend class Connection;
  pg_result* result_;
};

class Connection {
 public:
  // Connects to `connection`, a postgresql:// URL or "key=value ..." string (libpq's
  // syntax; empty: libpq's defaults and PG* environment variables). Fails with kIOError
  // carrying the server's or libpq's reason.
  static Result<Connection> Open(const std::string& connection);
  ~Connection();
  Connection(Connection&& other) noexcept
      : connection_(other.connection_), in_transaction_(other.in_transaction_) {
    other.connection_ = nullptr;
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection& operator=(Connection&&) = delete;

  // Runs one statement with `params` as $1, $2, ... Fails with the server's message and
  // SQLSTATE: kInvalidArgument when the statement breaks a rule of the schema or is given
  // a bad value (SQLSTATE classes 22 and 23), kCorruption when the server finds damaged
  // data (XX001, XX002), kIOError otherwise (a lost connection among them).
  Result<Rows> Query(std::string_view sql, std::span<const Param> params);
  Result<Rows> Query(std::string_view sql, std::initializer_list<Param> params = {}) {
    return Query(sql, std::span<const Param>(params.begin(), params.size()));
  }
  // Runs one or more statements without parameters (a schema), failing as Query.
  Result<void> Execute(const std::string& sql);

  // Starts a transaction; `mode` as BEGIN takes it ("ISOLATION LEVEL REPEATABLE READ").
  Result<void> Begin(std::string_view mode = {});
  // Commits the transaction; it is over either way.
  Result<void> Commit();
  // Rolls back the open transaction, if any; a failure leaves the connection to report it
  // on the next statement.
  void Rollback();

 private:
  explicit Connection(pg_conn* connection) : connection_(connection) {}
  // What every session needs set, on connecting and on reconnecting.
  Result<void> SetUp();
  // Reconnects a lost connection when no transaction was open on it.
  Result<void> Reconnect();
  Result<void> Run(const std::string& sql);
  Error ErrorOf(const pg_result* result) const;
  pg_conn* connection_;
  bool in_transaction_ = false;
};

}  // namespace backstride::pg

#endif  // BACKSTRIDE_STORE_PG_H_
