// What is particular to the SQLite store: the file on disk in WAL mode, the migrations
// from every earlier schema, refusing files it cannot read, and what survives a crash.
// The behaviour every store shares is in store_contract_test.cc.
#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "temp_dir.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

const Date kDay = *ParseDate("2026-03-02");

TEST(SqliteStore, CreatesTheFileAtTheLatestSchemaInWalMode) {
  TempDir dir;
  auto store = SqliteStore::Open(dir.File("b.db"));
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(*(*store)->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  EXPECT_TRUE(fs::exists(dir.File("b.db-wal")) || fs::exists(dir.File("b.db")));
  EXPECT_TRUE(*(*store)->IsEmpty());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir.File("b.db").c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(raw);
}

// Columns of every table, to compare a migrated schema with a fresh one.
std::string SchemaShape(const std::string& path) {
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  std::string shape;
  for (const char* table :
       {"settings", "assessments", "plans", "log", "activities", "changes", "change_rows"}) {
    sqlite3_stmt* statement = nullptr;
    const std::string sql = std::string("PRAGMA table_info(") + table + ")";
    sqlite3_prepare_v2(raw, sql.c_str(), -1, &statement, nullptr);
    shape += table;
    shape += ":";
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int column = 1; column <= 5; ++column) {
        const auto* text = sqlite3_column_text(statement, column);
        shape += text ? reinterpret_cast<const char*>(text) : "null";
        shape += ",";
      }
      shape += ";";
    }
    sqlite3_finalize(statement);
    shape += "\n";
  }
  sqlite3_close(raw);
  return shape;
}

TEST(SqliteStore, MigratesFromEveryEarlierSchemaVersionKeepingTheData) {
  TempDir dir;
  const std::string fresh = dir.File("fresh.db");
  ASSERT_TRUE(SqliteStore::Open(fresh).has_value());
  for (int version = 0; version < SqliteStore::LatestSchemaVersion(); ++version) {
    SCOPED_TRACE("from version " + std::to_string(version));
    const std::string path = dir.File("v" + std::to_string(version) + ".db");
    {
      auto old = SqliteStore::Open(path, {.schema_version = version});
      ASSERT_TRUE(old.has_value()) << old.error().message;
      EXPECT_EQ(*(*old)->SchemaVersion(), version);
      if (version >= 1) {
        ASSERT_TRUE((*old)->PutSetting("units", "mi"));
        ASSERT_TRUE(
            (*old)->AddAssessment({{0, kDay, "new_runner", "{}", "questionnaire", ""}, {}}));
        // Write a log row with the columns that version has.
        sqlite3* raw = nullptr;
        sqlite3_open(path.c_str(), &raw);
        ASSERT_EQ(sqlite3_exec(raw,
                               "INSERT INTO log(date, kind, distance_m, duration_s, pain, "
                               "created_at) VALUES('2026-03-02', 'run', 2000, 720, 2, 'then')",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(raw);
      }
    }
    auto migrated = SqliteStore::Open(path);
    ASSERT_TRUE(migrated.has_value()) << migrated.error().message;
    EXPECT_EQ(*(*migrated)->SchemaVersion(), SqliteStore::LatestSchemaVersion());
    EXPECT_EQ(SchemaShape(path), SchemaShape(fresh));
    if (version >= 1) {
      EXPECT_EQ(*(*migrated)->Setting("units"), std::optional<std::string>("mi"));
      auto log = *(*migrated)->Log({});
      ASSERT_EQ(log.size(), 1u);
      EXPECT_EQ(log[0].source, "manual");
      EXPECT_EQ(log[0].distance_m, 2000);
      EXPECT_FALSE(log[0].reps_in_reserve.has_value());
    }
  }
}

// Schema 6 keeps heart rate and cadence with the track. A runner's file from before, with
// imported runs and their tracks as schema 5 wrote them (float32 pairs of seconds and
// metres), keeps every run, and each track reads as it was, without heart rate.
TEST(SqliteStore, MigratesImportedRunsOfSchemaFiveKeepingEveryRunAndTrack) {
  TempDir dir;
  const std::string path = dir.File("v5.db");
  constexpr int kRuns = 3;
  {
    auto old = SqliteStore::Open(path, {.schema_version = 5});
    ASSERT_TRUE(old.has_value()) << old.error().message;
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  for (int i = 0; i < kRuns; ++i) {
    const std::string log = "INSERT INTO log(id, date, kind, distance_m, duration_s, pain, source, "
                            "created_at) VALUES(" +
                            std::to_string(10 + i) + ", '2026-03-0" + std::to_string(2 + i) +
                            "', 'run', 5000, 1800, 2, 'import:fit', 'then')";
    ASSERT_EQ(sqlite3_exec(raw, log.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    const float track[] = {0, 0, 900, 2500, 1800, 5000};
    sqlite3_stmt* insert = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(raw,
                                 "INSERT INTO activities(log_id, file, format, sport, start_utc, "
                                 "indoor, distance_m, elapsed_s, moving_s, points, laps, track, "
                                 "created_at) VALUES(?, 'run.fit', 'fit', 'running', ?, 0, 5000, "
                                 "1800, 1800, 3, '[]', ?, 'then')",
                                 -1, &insert, nullptr),
              SQLITE_OK);
    sqlite3_bind_int(insert, 1, 10 + i);
    sqlite3_bind_double(insert, 2, 1.77e9 + i * 86400.0);
    sqlite3_bind_blob(insert, 3, track, sizeof track, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
    sqlite3_finalize(insert);
  }
  sqlite3_close(raw);

  auto migrated = SqliteStore::Open(path);
  ASSERT_TRUE(migrated.has_value()) << migrated.error().message;
  EXPECT_EQ(*(*migrated)->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  const auto log = *(*migrated)->Log({});
  ASSERT_EQ(log.size(), static_cast<std::size_t>(kRuns));
  for (int i = 0; i < kRuns; ++i) {
    EXPECT_EQ(log[static_cast<std::size_t>(i)].distance_m, 5000);
    auto activity = *(*migrated)->ActivityForRun(10 + i);
    ASSERT_TRUE(activity.has_value()) << "run " << 10 + i;
    ASSERT_EQ(activity->track.size(), 3u);
    EXPECT_EQ(activity->track[1].elapsed_s, 900);
    EXPECT_EQ(activity->track[1].distance_m, 2500);
    EXPECT_FALSE(activity->track[1].heart_rate_bpm.has_value());
    EXPECT_FALSE(activity->track[1].cadence_spm.has_value());
  }
  EXPECT_EQ((*migrated)->Activities()->size(), static_cast<std::size_t>(kRuns));
  EXPECT_TRUE((*migrated)->CheckIntegrity());
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
  TempDir dir;
  const std::string path = dir.File("future.db");
  ASSERT_TRUE(SqliteStore::Open(path).has_value());
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto store = SqliteStore::Open(path);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  std::ofstream(path) << std::string(4096, 'x');
  auto store = SqliteStore::Open(path);
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("not a"), std::string::npos) << store.error().message;
  // And the file is left as it was.
  EXPECT_EQ(fs::file_size(path), 4096u);
}

// Starts the writer helper, lets it commit for a while, kills it with SIGKILL mid-write,
// and checks that every committed run is there with its recording, whole, and nothing
// else is.
TEST(SqliteStore, KillingTheProcessMidWriteLosesNoCommittedRowAndLeavesNoHalfRow) {
  TempDir dir;
  const std::string path = dir.File("killed.db");
  std::mt19937 random(42);
  std::set<std::int64_t> committed;
  for (int round = 0; round < 5; ++round) {
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(pipe_fds[1], STDOUT_FILENO);
      close(pipe_fds[0]);
      close(pipe_fds[1]);
      execl(BACKSTRIDE_STORE_WRITER, BACKSTRIDE_STORE_WRITER, path.c_str(), nullptr);
      _exit(127);
    }
    close(pipe_fds[1]);
    FILE* from_writer = fdopen(pipe_fds[0], "r");
    const int kill_after = 20 + static_cast<int>(random() % 60);
    char line[64];
    int seen = 0;
    while (seen < kill_after && fgets(line, sizeof line, from_writer) != nullptr) {
      committed.insert(std::stoll(line));
      ++seen;
    }
    kill(pid, SIGKILL);
    // Lines already in the pipe were committed before the kill, too.
    while (fgets(line, sizeof line, from_writer) != nullptr) committed.insert(std::stoll(line));
    fclose(from_writer);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer finished before it was killed";

    auto store = SqliteStore::Open(path);
    ASSERT_TRUE(store.has_value()) << store.error().message;
    ASSERT_TRUE((*store)->CheckIntegrity().has_value());
    auto log = *(*store)->Log({});
    std::set<std::int64_t> runs, recorded;
    for (const LogEntry& entry : log) {
      ASSERT_EQ(entry.kind, LogKind::kRun);
      runs.insert(entry.id);
      EXPECT_TRUE(entry.distance_m && entry.duration_s && entry.pain) << "half a run row";
      EXPECT_EQ(entry.note.size(), 2000u) << "half a note";
    }
    const auto activities = *(*store)->Activities();
    for (const StoredActivity& activity : activities) {
      recorded.insert(activity.log_id);
      EXPECT_EQ(activity.track.size(), 0u);  // listed without tracks
    }
    for (std::int64_t id : committed) EXPECT_TRUE(runs.count(id)) << "lost committed run " << id;
    EXPECT_EQ(runs, recorded) << "a run without its recording: half a transaction";
  }
  EXPECT_GT(committed.size(), 100u);
}

}  // namespace
}  // namespace backstride
