#include "store/sqlite_schema.h"

#include <array>

namespace backstride::sqlite {
namespace {

// Forward migrations: kMigrations[i] takes the schema from version i to i + 1. Never edit
// a released step; add a new one.
constexpr std::array<std::string_view, 7> kSteps = {
    // 0 -> 1: assessments, the log and settings.
    R"sql(
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        route TEXT NOT NULL,
        answers TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE log (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN
          ('run', 'morning', 'strength', 'sprint', 'mobility', 'treatment', 'checkin')),
        distance_m REAL CHECK (distance_m IS NULL OR distance_m > 0),
        duration_s REAL CHECK (duration_s IS NULL OR duration_s > 0),
        pain INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
        pain_before INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),
        onset_m REAL,
        onset_s REAL,
        done INTEGER,
        helped INTEGER,
        run_id INTEGER REFERENCES log(id),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX log_by_date ON log(date, id);
    )sql",
    // 1 -> 2: plans built on an assessment, and where each log entry came from (imports).
    R"sql(
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments(id),
        start_date TEXT NOT NULL,
        runs_per_week INTEGER NOT NULL CHECK (runs_per_week BETWEEN 2 AND 5),
        created_at TEXT NOT NULL
      );
      ALTER TABLE log ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
    )sql",
    // 2 -> 3: activities imported from watch files, each tied to its run in the log.
    R"sql(
      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        log_id INTEGER NOT NULL UNIQUE REFERENCES log(id),
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        sport TEXT NOT NULL,
        start_utc REAL NOT NULL,
        utc_offset_s INTEGER,
        indoor INTEGER NOT NULL,
        distance_m REAL,
        elapsed_s REAL NOT NULL,
        timer_s REAL,
        moving_s REAL NOT NULL,
        points INTEGER NOT NULL,
        avg_hr_bpm REAL,
        avg_cadence_spm REAL,
        elevation_gain_m REAL,
        laps TEXT NOT NULL,
        track BLOB,
        created_at TEXT NOT NULL
      );
      CREATE INDEX activities_by_start ON activities(start_utc);
    )sql",
    // 3 -> 4: corrections. Deleted entries are marked, not removed (see store.h), and an
    // undo journal keeps each change with the rows it touched as they were before.
    R"sql(
      ALTER TABLE log ADD COLUMN deleted_at TEXT;
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete')),
        log_id INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE change_rows (
        change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        distance_m REAL,
        duration_s REAL,
        pain INTEGER,
        pain_before INTEGER,
        onset_m REAL,
        onset_s REAL,
        done INTEGER,
        helped INTEGER,
        run_id INTEGER,
        note TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (change_id, id)
      );
    )sql",
    // 4 -> 5: how hard a strength or sprint session felt (DESIGN 3.1b), as repetitions
    // left in reserve at the end of the hardest set; the undo journal keeps it too.
    R"sql(
      ALTER TABLE log ADD COLUMN reps_in_reserve INTEGER
        CHECK (reps_in_reserve IS NULL OR reps_in_reserve BETWEEN 0 AND 10);
      ALTER TABLE change_rows ADD COLUMN reps_in_reserve INTEGER;
    )sql",
    // 5 -> 6: heart rate and cadence at every point of an imported run's track, beside
    // the time and distance pairs of `track` (store/track_blob.h). NULL for the runs
    // imported before: their files are not kept, so those points stay without them.
    R"sql(
      ALTER TABLE activities ADD COLUMN track_hr BLOB;
      ALTER TABLE activities ADD COLUMN track_cadence BLOB;
    )sql",
    // 6 -> 7: whole exports (Strava, Garmin Connect, Apple Health). A run keeps its name
    // and description from the service and which source its recording came from; the
    // same run found in another source is kept as an alias of it, not stored twice; and
    // an interrupted import records the entries it finished, with the run of each in
    // the same transaction, so a restart skips exactly those.
    R"sql(
      ALTER TABLE activities ADD COLUMN source TEXT NOT NULL DEFAULT 'file';
      ALTER TABLE activities ADD COLUMN title TEXT NOT NULL DEFAULT '';
      ALTER TABLE activities ADD COLUMN description TEXT NOT NULL DEFAULT '';
      CREATE TABLE activity_aliases (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        source TEXT NOT NULL,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        start_utc REAL NOT NULL,
        distance_m REAL,
        duration_s REAL NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX activity_aliases_by_activity ON activity_aliases(activity_id);
      CREATE TABLE import_progress (
        import_key TEXT NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (import_key, entry)
      ) WITHOUT ROWID;
    )sql",
};

}  // namespace

std::span<const std::string_view> Migrations() { return kSteps; }

}  // namespace backstride::sqlite
