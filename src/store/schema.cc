#include "store/schema.h"

#include <array>

namespace backstride::schema {
namespace {

using enum Type;

constexpr std::string_view kLogKinds =
    "kind IN ('run', 'morning', 'strength', 'sprint', 'mobility', 'treatment', 'checkin')";

constexpr Column kSettings[] = {
    {.name = "key", .type = kText},
    {.name = "value", .type = kText, .not_null = true},
};

constexpr Column kAssessments[] = {
    {.name = "id", .type = kId},
    {.name = "date", .type = kDate, .not_null = true},
    {.name = "route", .type = kText, .not_null = true},
    {.name = "answers", .type = kText, .not_null = true},
    {.name = "source", .type = kText, .not_null = true},
    {.name = "created_at", .type = kText, .not_null = true},
};

constexpr Column kLog[] = {
    {.name = "id", .type = kId},
    {.name = "date", .type = kDate, .not_null = true},
    {.name = "kind", .type = kText, .not_null = true, .check = kLogKinds},
    {.name = "distance_m", .type = kReal, .check = "distance_m IS NULL OR distance_m > 0"},
    {.name = "duration_s", .type = kReal, .check = "duration_s IS NULL OR duration_s > 0"},
    {.name = "pain", .type = kInt, .check = "pain IS NULL OR pain BETWEEN 0 AND 10"},
    {.name = "pain_before",
     .type = kInt,
     .check = "pain_before IS NULL OR pain_before BETWEEN 0 AND 10"},
    {.name = "onset_m", .type = kReal},
    {.name = "onset_s", .type = kReal},
    {.name = "done", .type = kBool},
    {.name = "helped", .type = kBool},
    {.name = "run_id", .type = kId, .references = "log"},
    {.name = "note", .type = kText, .not_null = true, .default_value = "''"},
    {.name = "created_at", .type = kText, .not_null = true},
    {.name = "source", .type = kText, .not_null = true, .default_value = "'manual'"},
    {.name = "deleted_at", .type = kText},
    {.name = "reps_in_reserve",
     .type = kInt,
     .check = "reps_in_reserve IS NULL OR reps_in_reserve BETWEEN 0 AND 10"},
};
constexpr Index kLogIndexes[] = {{"log_by_date", "date, id"}};

constexpr Column kPlans[] = {
    {.name = "id", .type = kId},
    {.name = "assessment_id", .type = kId, .not_null = true, .references = "assessments"},
    {.name = "start_date", .type = kDate, .not_null = true},
    {.name = "runs_per_week",
     .type = kInt,
     .not_null = true,
     .check = "runs_per_week BETWEEN 2 AND 5"},
    {.name = "created_at", .type = kText, .not_null = true},
};

constexpr Column kActivities[] = {
    {.name = "id", .type = kId},
    {.name = "log_id", .type = kId, .not_null = true, .references = "log", .unique = true},
    {.name = "file", .type = kText, .not_null = true},
    {.name = "format", .type = kText, .not_null = true},
    {.name = "sport", .type = kText, .not_null = true},
    {.name = "start_utc", .type = kReal, .not_null = true},
    {.name = "utc_offset_s", .type = kInt},
    {.name = "indoor", .type = kBool, .not_null = true},
    {.name = "distance_m", .type = kReal},
    {.name = "elapsed_s", .type = kReal, .not_null = true},
    {.name = "timer_s", .type = kReal},
    {.name = "moving_s", .type = kReal, .not_null = true},
    {.name = "points", .type = kInt, .not_null = true},
    {.name = "avg_hr_bpm", .type = kReal},
    {.name = "avg_cadence_spm", .type = kReal},
    {.name = "elevation_gain_m", .type = kReal},
    {.name = "laps", .type = kText, .not_null = true},
    {.name = "track", .type = kBlob},
    {.name = "created_at", .type = kText, .not_null = true},
    {.name = "track_hr", .type = kBlob},
    {.name = "track_cadence", .type = kBlob},
    {.name = "source", .type = kText, .not_null = true, .default_value = "'file'"},
    {.name = "title", .type = kText, .not_null = true, .default_value = "''"},
    {.name = "description", .type = kText, .not_null = true, .default_value = "''"},
};
constexpr Index kActivityIndexes[] = {{"activities_by_start", "start_utc"}};

constexpr Column kChanges[] = {
    {.name = "id", .type = kId},
    {.name = "action",
     .type = kText,
     .not_null = true,
     .check = "action IN ('add', 'edit', 'delete')"},
    {.name = "log_id", .type = kId, .not_null = true},
    {.name = "created_at", .type = kText, .not_null = true},
};

// A log entry as it was before a change: the log's columns but for the checks and keys.
constexpr Column kChangeRows[] = {
    {.name = "change_id", .type = kId, .not_null = true, .references = "changes", .cascade = true},
    {.name = "id", .type = kId, .not_null = true},
    {.name = "date", .type = kDate, .not_null = true},
    {.name = "kind", .type = kText, .not_null = true},
    {.name = "distance_m", .type = kReal},
    {.name = "duration_s", .type = kReal},
    {.name = "pain", .type = kInt},
    {.name = "pain_before", .type = kInt},
    {.name = "onset_m", .type = kReal},
    {.name = "onset_s", .type = kReal},
    {.name = "done", .type = kBool},
    {.name = "helped", .type = kBool},
    {.name = "run_id", .type = kId},
    {.name = "note", .type = kText, .not_null = true},
    {.name = "source", .type = kText, .not_null = true},
    {.name = "created_at", .type = kText, .not_null = true},
    {.name = "deleted_at", .type = kText},
    {.name = "reps_in_reserve", .type = kInt},
};

constexpr Column kActivityAliases[] = {
    {.name = "id", .type = kId},
    {.name = "activity_id", .type = kId, .not_null = true, .references = "activities"},
    {.name = "source", .type = kText, .not_null = true},
    {.name = "file", .type = kText, .not_null = true},
    {.name = "format", .type = kText, .not_null = true},
    {.name = "start_utc", .type = kReal, .not_null = true},
    {.name = "distance_m", .type = kReal},
    {.name = "duration_s", .type = kReal, .not_null = true},
    {.name = "created_at", .type = kText, .not_null = true},
};
constexpr Index kAliasIndexes[] = {{"activity_aliases_by_activity", "activity_id"}};

constexpr Column kImportProgress[] = {
    {.name = "import_key", .type = kText, .not_null = true},
    {.name = "entry", .type = kText, .not_null = true},
};

// In the order the steps made them, so that a referenced table comes first.
constexpr Table kTables[] = {
    {.name = "settings", .columns = kSettings, .primary_key = "key"},
    {.name = "assessments", .columns = kAssessments, .primary_key = "id"},
    {.name = "log", .columns = kLog, .primary_key = "id", .indexes = kLogIndexes},
    {.name = "plans", .columns = kPlans, .primary_key = "id"},
    {.name = "activities",
     .columns = kActivities,
     .primary_key = "id",
     .indexes = kActivityIndexes},
    {.name = "changes", .columns = kChanges, .primary_key = "id"},
    {.name = "change_rows", .columns = kChangeRows, .primary_key = "change_id, id"},
    {.name = "activity_aliases",
     .columns = kActivityAliases,
     .primary_key = "id",
     .indexes = kAliasIndexes},
    {.name = "import_progress",
     .columns = kImportProgress,
     .primary_key = "import_key, entry",
     .without_rowid = true},
};

// What both dialects write alike after a column's type.
std::string Constraints(const Column& column) {
  std::string sql;
  if (column.not_null) sql += " NOT NULL";
  if (!column.default_value.empty()) sql += " DEFAULT " + std::string(column.default_value);
  if (!column.check.empty()) sql += " CHECK (" + std::string(column.check) + ")";
  return sql;
}

}  // namespace

std::span<const Table> Tables() { return kTables; }

std::string_view SqliteType(Type type) {
  switch (type) {
    case kId:
    case kInt:
    case kBool:
      return "INTEGER";
    case kReal:
      return "REAL";
    case kText:
    case kDate:
      return "TEXT";
    case kBlob:
      return "BLOB";
  }
  return "BLOB";
}

std::string_view PostgresType(Type type) {
  switch (type) {
    case kId:
      return "bigint";
    case kInt:
      return "integer";
    case kReal:
      return "double precision";
    case kText:
      return "text";
    case kBlob:
      return "bytea";
    case kBool:
      return "boolean";
    case kDate:
      return "date";
  }
  return "text";
}

std::string SqliteDdl() {
  std::string sql;
  for (const Table& table : kTables) {
    sql += "CREATE TABLE " + std::string(table.name) + " (\n";
    for (const Column& column : table.columns) {
      sql += "  " + std::string(column.name) + " " + std::string(SqliteType(column.type)) +
             Constraints(column);
      if (column.unique) sql += " UNIQUE";
      if (!column.references.empty()) {
        sql += " REFERENCES " + std::string(column.references) + "(id)";
        if (column.cascade) sql += " ON DELETE CASCADE";
      }
      sql += ",\n";
    }
    sql += "  PRIMARY KEY (" + std::string(table.primary_key) + ")\n)";
    if (table.without_rowid) sql += " WITHOUT ROWID";
    sql += ";\n";
    for (const Index& index : table.indexes) {
      sql += "CREATE INDEX " + std::string(index.name) + " ON " + std::string(table.name) + "(" +
             std::string(index.columns) + ");\n";
    }
  }
  return sql;
}

std::string PostgresDdl() {
  std::string sql =
      "CREATE TABLE runners (\n"
      "  id bigserial PRIMARY KEY,\n"
      "  created_at timestamptz NOT NULL DEFAULT now()\n"
      ");\n";
  for (const Table& table : kTables) {
    const std::string name(table.name);
    sql += "CREATE TABLE " + name + " (\n";
    sql += "  runner_id bigint NOT NULL REFERENCES runners(id) ON DELETE CASCADE,\n";
    std::string keys = "  PRIMARY KEY (runner_id, " + std::string(table.primary_key) + ")";
    for (const Column& column : table.columns) {
      const std::string column_name(column.name);
      sql += "  " + column_name + " " + std::string(PostgresType(column.type)) +
             Constraints(column) + ",\n";
      if (column.unique) keys += ",\n  UNIQUE (runner_id, " + column_name + ")";
      if (!column.references.empty()) {
        keys += ",\n  FOREIGN KEY (runner_id, " + column_name + ") REFERENCES " +
                std::string(column.references) + "(runner_id, id)";
        if (column.cascade) keys += " ON DELETE CASCADE";
      }
    }
    sql += keys + "\n);\n";
    for (const Index& index : table.indexes) {
      sql += "CREATE INDEX " + std::string(index.name) + " ON " + name + "(runner_id, " +
             std::string(index.columns) + ");\n";
    }
  }
  return sql;
}

}  // namespace backstride::schema
