// The store's tables, described once for both backends: each column with a logical type,
// rendered as SQLite's DDL and as PostgreSQL's.
//
// Why a description of the tables as they are, and not of each step: SQLite files exist
// at every schema version since the first, so SQLite keeps its migration steps verbatim
// (sqlite_schema.h); a released step is never edited. What both backends must agree on
// is where the steps end, and that is this description:
//   - PostgreSQL builds its tables from it (PostgresDdl), at the same version number.
//   - A test holds SQLite to it: a file taken through every step has exactly the tables,
//     columns, types, keys and indexes of SqliteDdl (store/schema_test).
//   - A test holds PostgreSQL to it too, and compares both databases' columns.
// A schema change is then: a new SQLite step, the same change here, kVersion + 1, and a
// PostgreSQL step for the databases already at kVersion; the tests fail until the three
// agree.
//
// PostgreSQL holds many runners' stores in one database (the clinic). There every table
// gets `runner_id` (referencing runners, deleted with the runner), its primary key and
// every foreign key and unique key lead with runner_id, and ids are the runner's own:
// a restored backup keeps its ids beside another runner's, and a row of another runner
// is never found by id. SQLite holds one runner and has no runner_id.
#ifndef BACKSTRIDE_STORE_SCHEMA_H_
#define BACKSTRIDE_STORE_SCHEMA_H_

#include <span>
#include <string>
#include <string_view>

namespace backstride::schema {

enum class Type {
  kId,    // a row's id or a reference to one: SQLite INTEGER, PostgreSQL bigint
  kInt,   // a count or score: INTEGER, integer
  kReal,  // a measure: REAL, double precision
  kText,  // TEXT, text (timestamps too: kept as the ISO 8601 text a backup carries)
  kBlob,  // BLOB, bytea
  kBool,  // INTEGER 0/1, boolean
  kDate,  // a day: TEXT YYYY-MM-DD, date
};

struct Column {
  std::string_view name;
  Type type;
  bool not_null = false;
  std::string_view default_value = {};  // an SQL literal both dialects read alike
  std::string_view check = {};          // an SQL condition both dialects read alike
  std::string_view references = {};     // the table whose id this column holds
  bool cascade = false;                 // this row goes when the referenced one does
  bool unique = false;
};

struct Index {
  std::string_view name;
  std::string_view columns;  // "date, id"
};

struct Table {
  std::string_view name;
  std::span<const Column> columns;  // in SQLite's order: new columns come last
  std::string_view primary_key;     // "id", "change_id, id"
  std::span<const Index> indexes = {};
  bool without_rowid = false;  // SQLite: keyed by its primary key only
};

// The schema version the description is: the number of SQLite's steps.
inline constexpr int kVersion = 7;

// Every table of a runner's store.
std::span<const Table> Tables();

std::string_view SqliteType(Type type);
std::string_view PostgresType(Type type);

// The tables as SQLite DDL: what a file taken through every step must look like.
std::string SqliteDdl();
// The tables as PostgreSQL DDL, with the `runners` table they belong to.
std::string PostgresDdl();

}  // namespace backstride::schema

#endif  // BACKSTRIDE_STORE_SCHEMA_H_
