// One description of the tables for both backends (store/schema.h): SQLite's migration
// steps end exactly at it, PostgreSQL is built from it, and so a new SQLite file and a new
// PostgreSQL database have the same tables with the same columns.
#include "store/schema.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "pg_cluster.h"
#include "store/pg.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"
#include "temp_dir.h"

namespace backstride {
namespace {

// Runs `sql` on `db` and returns every row, each value as text ("null" for NULL).
std::vector<std::vector<std::string>> SqliteRows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
      << sql << ": " << sqlite3_errmsg(db);
  std::vector<std::vector<std::string>> rows;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
      const auto* text = sqlite3_column_text(statement, column);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "null");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  return rows;
}

// Everything SQLite says of a database's tables: columns (name, type, not null, default,
// key), foreign keys, indexes and their columns. Not the CHECKs, which it keeps as text.
std::map<std::string, std::vector<std::vector<std::string>>> SqliteShape(sqlite3* db) {
  std::map<std::string, std::vector<std::vector<std::string>>> shape;
  for (const auto& table : SqliteRows(
           db,
           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
    const std::string& name = table[0];
    auto& rows = shape[name];
    for (auto row : SqliteRows(db, "PRAGMA table_info(" + name + ")")) {
      row.insert(row.begin(), "column");
      rows.push_back(row);
    }
    for (auto row : SqliteRows(db, "PRAGMA foreign_key_list(" + name + ")")) {
      row.insert(row.begin(), "foreign key");
      rows.push_back(row);
    }
    for (const auto& index : SqliteRows(db, "PRAGMA index_list(" + name + ")")) {
      std::vector<std::string> row = {"index"};
      row.insert(row.end(), index.begin() + 1, index.end());  // not its position
      for (const auto& column : SqliteRows(db, "PRAGMA index_info(" + index[1] + ")")) {
        row.push_back(column[2]);
      }
      rows.push_back(row);
    }
  }
  return shape;
}

struct SqliteFile {
  explicit SqliteFile(const std::string& path) { sqlite3_open(path.c_str(), &db); }
  ~SqliteFile() { sqlite3_close(db); }
  sqlite3* db = nullptr;
};

TEST(StoreSchema, SqliteStepsEndAtTheDescription) {
  TempDir dir;
  ASSERT_TRUE(SqliteStore::Open(dir.File("stepped.db")).has_value());
  SqliteFile stepped(dir.File("stepped.db"));
  SqliteFile described(":memory:");
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(described.db, schema::SqliteDdl().c_str(), nullptr, nullptr, &error),
            SQLITE_OK)
      << error;
  EXPECT_EQ(schema::kVersion, SqliteStore::LatestSchemaVersion());

  const auto want = SqliteShape(described.db);
  const auto got = SqliteShape(stepped.db);
  ASSERT_EQ(want.size(), schema::Tables().size());
  for (const auto& [table, rows] : want) {
    SCOPED_TRACE(table);
    ASSERT_TRUE(got.contains(table));
    EXPECT_EQ(got.at(table), rows);
  }
  EXPECT_EQ(got.size(), want.size());
}

// A column as both databases describe it: name, type, whether it may be NULL.
struct ColumnShape {
  std::string name;
  std::string type;
  bool nullable = true;
  bool operator==(const ColumnShape&) const = default;
};

std::ostream& operator<<(std::ostream& out, const ColumnShape& column) {
  return out << column.name << " " << column.type << (column.nullable ? "" : " NOT NULL");
}

bool InPrimaryKey(const schema::Table& table, std::string_view column) {
  std::string key = ", " + std::string(table.primary_key) + ",";
  return key.find(" " + std::string(column) + ",") != std::string::npos;
}

TEST(PgSchema, PostgresHasTheTablesOfTheDescriptionAndOfSqlite) {
  auto cluster = TestCluster();
  ASSERT_TRUE(cluster.has_value()) << cluster.error().message;
  auto database = (*cluster)->CreateDatabase();
  ASSERT_TRUE(database.has_value()) << database.error().message;
  ASSERT_TRUE(PgStore::PrepareDatabase(*database));
  auto db = pg::Connection::Open(*database);
  ASSERT_TRUE(db.has_value()) << db.error().message;

  auto rows = db->Query(
      "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
      "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  std::map<std::string, std::vector<ColumnShape>> postgres;
  for (int row = 0; row < rows->size(); ++row) {
    postgres[std::string(rows->Text(row, 0))].push_back({std::string(rows->Text(row, 1)),
                                                         std::string(rows->Text(row, 2)),
                                                         rows->Text(row, 3) == "YES"});
  }
  // Beside the runners' data, only the runners and the schema's version.
  std::set<std::string> tables;
  for (const auto& [name, columns] : postgres) tables.insert(name);
  std::set<std::string> want_tables = {"runners", "schema_version"};
  for (const schema::Table& table : schema::Tables()) want_tables.insert(std::string(table.name));
  EXPECT_EQ(tables, want_tables);

  TempDir dir;
  ASSERT_TRUE(SqliteStore::Open(dir.File("b.db")).has_value());
  SqliteFile sqlite(dir.File("b.db"));
  for (const schema::Table& table : schema::Tables()) {
    const std::string name(table.name);
    SCOPED_TRACE(name);
    // As described: the runner first, then every column with its type.
    std::vector<ColumnShape> want = {{"runner_id", "bigint", false}};
    for (const schema::Column& column : table.columns) {
      want.push_back({std::string(column.name), std::string(schema::PostgresType(column.type)),
                      !column.not_null && !InPrimaryKey(table, column.name)});
    }
    EXPECT_EQ(postgres[name], want);
    // And as SQLite has it: the same columns, in the same order, of the same logical type.
    const auto sqlite_columns = SqliteRows(sqlite.db, "PRAGMA table_info(" + name + ")");
    ASSERT_EQ(sqlite_columns.size() + 1, postgres[name].size());
    for (std::size_t i = 0; i < sqlite_columns.size(); ++i) {
      const schema::Column& column = table.columns[i];
      EXPECT_EQ(sqlite_columns[i][1], postgres[name][i + 1].name);
      EXPECT_EQ(sqlite_columns[i][2], schema::SqliteType(column.type)) << column.name;
      EXPECT_EQ(postgres[name][i + 1].type, schema::PostgresType(column.type)) << column.name;
    }
  }
}

}  // namespace
}  // namespace backstride
