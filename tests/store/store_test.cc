// The store: round trips, filters, transactions, migrations, and what survives a crash.
#include "store/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

namespace backstride {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("backstride-store-test-" + std::to_string(getpid()) + "-" + std::to_string(next_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int next_ = 0;
  fs::path path_;
};

const Date kDay = *ParseDate("2026-03-02");

LogEntry RunEntryOn(Date date, double km, int pain) {
  LogEntry entry;
  entry.date = date;
  entry.kind = LogKind::kRun;
  entry.distance_m = km * 1000;
  entry.duration_s = km * 360;
  entry.pain = pain;
  return entry;
}

TEST(Store, CreatesTheFileAtTheLatestSchemaInWalMode) {
  TempDir dir;
  auto store = Store::Open(dir.File("b.db"));
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(*(*store)->SchemaVersion(), Store::LatestSchemaVersion());
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

TEST(Store, KeepsEverythingItIsGiven) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  ASSERT_TRUE(store->PutSetting("units", "mi"));
  ASSERT_TRUE(store->PutSetting("units", "km"));
  EXPECT_EQ(*store->Setting("units"), std::optional<std::string>("km"));
  EXPECT_EQ(*store->Setting("missing"), std::nullopt);

  StoredAssessment assessment{0, kDay, "new_runner", R"({"age":34})", "questionnaire", ""};
  const auto assessment_id = store->AddAssessment(assessment);
  ASSERT_TRUE(assessment_id.has_value()) << assessment_id.error().message;
  ASSERT_TRUE(store->AddPlan({0, *assessment_id, kDay, 4, ""}));

  LogEntry run = RunEntryOn(kDay, 2.1, 2);
  run.onset_m = 1600;
  run.pain_before = 1;
  run.note = "windy; ü ✓";
  const auto run_id = store->AddLogEntry(run);
  ASSERT_TRUE(run_id.has_value()) << run_id.error().message;
  LogEntry morning;
  morning.date = AddDays(kDay, 1);
  morning.kind = LogKind::kMorning;
  morning.pain = 1;
  morning.run_id = *run_id;
  ASSERT_TRUE(store->AddLogEntry(morning));

  auto assessments = *store->Assessments();
  ASSERT_EQ(assessments.size(), 1u);
  EXPECT_EQ(assessments[0].route, "new_runner");
  EXPECT_EQ(assessments[0].date, kDay);
  EXPECT_FALSE(assessments[0].created_at.empty());
  auto plans = *store->Plans();
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].runs_per_week, 4);

  auto log = *store->Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].distance_m, 2100);
  EXPECT_EQ(log[0].onset_m, 1600);
  EXPECT_EQ(log[0].pain_before, 1);
  EXPECT_EQ(log[0].note, "windy; ü ✓");
  EXPECT_EQ(log[0].source, "manual");
  EXPECT_EQ(log[1].run_id, *run_id);
  const auto runs = RunsFromLog(log);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].pain_next_morning, 1);
}

TEST(Store, FiltersTheLogByDateAndKind) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  for (int day = 0; day < 10; ++day)
    ASSERT_TRUE(store->AddLogEntry(RunEntryOn(AddDays(kDay, day), 1, 1)));
  LogEntry checkin;
  checkin.date = AddDays(kDay, 3);
  checkin.kind = LogKind::kCheckIn;
  checkin.pain = 2;
  ASSERT_TRUE(store->AddLogEntry(checkin));
  EXPECT_EQ(store->Log({AddDays(kDay, 2), AddDays(kDay, 4), std::nullopt})->size(), 4u);
  EXPECT_EQ(store->Log({std::nullopt, std::nullopt, LogKind::kCheckIn})->size(), 1u);
  EXPECT_EQ(store->Log({AddDays(kDay, 8), std::nullopt, LogKind::kRun})->size(), 2u);
}

TEST(Store, KeepsHowHardAStrengthSessionFeltThroughEditAndUndo) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  LogEntry strength;
  strength.date = kDay;
  strength.kind = LogKind::kStrength;
  strength.done = true;
  strength.pain = 2;
  strength.reps_in_reserve = 3;
  const std::int64_t id = *store->AddLogEntry(strength);
  LogEntry stored = *store->LogEntryById(id);
  EXPECT_EQ(stored.pain, 2);
  EXPECT_EQ(stored.reps_in_reserve, 3);

  stored.reps_in_reserve = 0;
  ASSERT_TRUE(store->UpdateLogEntry(stored));
  EXPECT_EQ(store->LogEntryById(id)->reps_in_reserve, 0);
  stored.reps_in_reserve.reset();
  ASSERT_TRUE(store->UpdateLogEntry(stored));
  EXPECT_FALSE(store->LogEntryById(id)->reps_in_reserve.has_value());
  ASSERT_TRUE(store->UndoLastChange());
  EXPECT_EQ(store->LogEntryById(id)->reps_in_reserve, 0);
  ASSERT_TRUE(store->UndoLastChange());
  EXPECT_EQ(store->LogEntryById(id)->reps_in_reserve, 3);

  // A run without one reads back without one.
  const std::int64_t run = *store->AddLogEntry(RunEntryOn(kDay, 1, 1));
  EXPECT_FALSE(store->LogEntryById(run)->reps_in_reserve.has_value());
}

TEST(Store, RejectsRowsTheSchemaForbids) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  LogEntry bad = RunEntryOn(kDay, 1, 11);  // pain 11
  EXPECT_FALSE(store->AddLogEntry(bad).has_value());
  LogEntry strength;
  strength.date = kDay;
  strength.kind = LogKind::kStrength;
  strength.reps_in_reserve = 11;
  EXPECT_FALSE(store->AddLogEntry(strength).has_value());
  EXPECT_TRUE(*store->IsEmpty());
}

TEST(Store, AFailedTransactionLeavesNothingBehind) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  auto result = store->InTransaction([&]() -> Result<void> {
    if (auto added = store->AddLogEntry(RunEntryOn(kDay, 1, 1)); !added) return Fail(added.error());
    return Fail(Error::InvalidArgument("changed my mind"));
  });
  EXPECT_FALSE(result.has_value());
  EXPECT_TRUE(store->Log()->empty());
  ASSERT_TRUE(store->InTransaction([&]() -> Result<void> {
    if (auto added = store->AddLogEntry(RunEntryOn(kDay, 1, 1)); !added) return Fail(added.error());
    return {};
  }));
  EXPECT_EQ(store->Log()->size(), 1u);
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

TEST(Store, MigratesFromEveryEarlierSchemaVersionKeepingTheData) {
  TempDir dir;
  const std::string fresh = dir.File("fresh.db");
  ASSERT_TRUE(Store::Open(fresh).has_value());
  for (int version = 0; version < Store::LatestSchemaVersion(); ++version) {
    SCOPED_TRACE("from version " + std::to_string(version));
    const std::string path = dir.File("v" + std::to_string(version) + ".db");
    {
      auto old = Store::Open(path, {.schema_version = version});
      ASSERT_TRUE(old.has_value()) << old.error().message;
      EXPECT_EQ(*(*old)->SchemaVersion(), version);
      if (version >= 1) {
        ASSERT_TRUE((*old)->PutSetting("units", "mi"));
        ASSERT_TRUE((*old)->AddAssessment({0, kDay, "new_runner", "{}", "questionnaire", ""}));
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
    auto migrated = Store::Open(path);
    ASSERT_TRUE(migrated.has_value()) << migrated.error().message;
    EXPECT_EQ(*(*migrated)->SchemaVersion(), Store::LatestSchemaVersion());
    EXPECT_EQ(SchemaShape(path), SchemaShape(fresh));
    if (version >= 1) {
      EXPECT_EQ(*(*migrated)->Setting("units"), std::optional<std::string>("mi"));
      auto log = *(*migrated)->Log();
      ASSERT_EQ(log.size(), 1u);
      EXPECT_EQ(log[0].source, "manual");
      EXPECT_EQ(log[0].distance_m, 2000);
      EXPECT_FALSE(log[0].reps_in_reserve.has_value());
    }
  }
}

TEST(Store, RefusesADatabaseFromANewerVersion) {
  TempDir dir;
  const std::string path = dir.File("future.db");
  ASSERT_TRUE(Store::Open(path).has_value());
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
}

TEST(Store, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  std::ofstream(path) << std::string(4096, 'x');
  auto store = Store::Open(path);
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("not a"), std::string::npos) << store.error().message;
  // And the file is left as it was.
  EXPECT_EQ(fs::file_size(path), 4096u);
}

StoredActivity ActivityOf(std::int64_t log_id, double start_utc) {
  StoredActivity activity;
  activity.log_id = log_id;
  activity.file = "ride.fit";
  activity.format = "fit";
  activity.sport = "running";
  activity.start_utc = start_utc;
  activity.distance_m = 42000;
  activity.elapsed_s = 5400;
  activity.moving_s = 5300;
  activity.points = 3;
  activity.laps_json = R"([{"start_s":0,"elapsed_s":5400,"trigger":"manual"}])";
  activity.track = {0, 0, 60, 400, 5400, 42000};
  return activity;
}

TEST(StoreCorrections, AnEditKeepsTheIdAndUndoPutsBackWhatWasThere) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  LogEntry run = RunEntryOn(kDay, 2, 7);
  run.onset_m = 1500;
  run.note = "windy";
  const std::int64_t id = *store->AddLogEntry(run);
  ASSERT_TRUE(store->RecordAdd(id));

  LogEntry edited = *store->LogEntryById(id);
  edited.pain = 2;
  edited.onset_m.reset();
  edited.note = "";
  auto was = store->UpdateLogEntry(edited);
  ASSERT_TRUE(was.has_value()) << was.error().message;
  EXPECT_EQ(was->pain, 7);
  const LogEntry now = *store->LogEntryById(id);
  EXPECT_EQ(now.pain, 2);
  EXPECT_FALSE(now.onset_m.has_value());
  EXPECT_EQ(now.created_at, was->created_at);

  auto last = *store->LastChange();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->action, ChangeAction::kEdit);
  EXPECT_EQ(last->entry.pain, 7);

  auto undone = store->UndoLastChange();
  ASSERT_TRUE(undone.has_value()) << undone.error().message;
  EXPECT_EQ(undone->action, ChangeAction::kEdit);
  const LogEntry back = *store->LogEntryById(id);
  EXPECT_EQ(back.pain, 7);
  EXPECT_EQ(back.onset_m, 1500);
  EXPECT_EQ(back.note, "windy");
  EXPECT_EQ(back.created_at, was->created_at);

  // Then the add itself is undone, and there is nothing left to undo.
  undone = store->UndoLastChange();
  ASSERT_TRUE(undone.has_value()) << undone.error().message;
  EXPECT_EQ(undone->action, ChangeAction::kAdd);
  EXPECT_TRUE(store->Log()->empty());
  auto nothing = store->UndoLastChange();
  ASSERT_FALSE(nothing.has_value());
  EXPECT_EQ(nothing.error().code, ErrorCode::kNotFound);
}

TEST(StoreCorrections, ADeletedImportedRunIsHiddenKnownToTheImporterAndRestoredWhole) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  LogEntry ride = RunEntryOn(kDay, 42, 1);
  ride.source = "import:fit";
  const std::int64_t ride_id = *store->AddLogEntry(ride);
  const std::int64_t activity_id = *store->AddActivity(ActivityOf(ride_id, 1.8e9));
  LogEntry morning;
  morning.date = AddDays(kDay, 1);
  morning.kind = LogKind::kMorning;
  morning.pain = 3;
  morning.run_id = ride_id;
  const std::int64_t morning_id = *store->AddLogEntry(morning);

  auto deleted = store->DeleteLogEntry(ride_id);
  ASSERT_TRUE(deleted.has_value()) << deleted.error().message;
  EXPECT_EQ(deleted->entry.id, ride_id);
  ASSERT_EQ(deleted->also.size(), 1u);
  EXPECT_EQ(deleted->also[0].id, morning_id);

  // Gone from the log, the runs and the export; the morning score is a check-in now.
  auto log = *store->Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].id, morning_id);
  EXPECT_EQ(log[0].kind, LogKind::kCheckIn);
  EXPECT_FALSE(log[0].run_id.has_value());
  EXPECT_FALSE(store->LogEntryById(ride_id).has_value());
  EXPECT_FALSE(store->ActivityForRun(ride_id)->has_value());
  EXPECT_TRUE(store->Activities(true)->empty());
  EXPECT_FALSE(store->SetRunPain(ride_id, 2, std::nullopt).has_value());
  // The importer's duplicate check still sees it, marked.
  auto near = *store->ActivitiesStartingBetween(1.8e9 - 60, 1.8e9 + 60);
  ASSERT_EQ(near.size(), 1u);
  EXPECT_TRUE(near[0].deleted);

  auto undone = store->UndoLastChange();
  ASSERT_TRUE(undone.has_value()) << undone.error().message;
  EXPECT_EQ(undone->action, ChangeAction::kDelete);
  log = *store->Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].id, ride_id);
  EXPECT_EQ(log[0].source, "import:fit");
  EXPECT_EQ(log[1].id, morning_id);
  EXPECT_EQ(log[1].kind, LogKind::kMorning);
  EXPECT_EQ(log[1].run_id, ride_id);
  auto activity = *store->ActivityForRun(ride_id);
  ASSERT_TRUE(activity.has_value());
  EXPECT_EQ(activity->id, activity_id);
  EXPECT_EQ(activity->track, (std::vector<float>{0, 0, 60, 400, 5400, 42000}));
  EXPECT_FALSE(activity->deleted);
  EXPECT_FALSE(store->LastChange()->has_value());
}

TEST(StoreCorrections, AnUnknownIdChangesNothing) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  const std::int64_t id = *store->AddLogEntry(RunEntryOn(kDay, 2, 1));
  LogEntry missing = RunEntryOn(kDay, 3, 1);
  missing.id = 99;
  auto edited = store->UpdateLogEntry(missing);
  ASSERT_FALSE(edited.has_value());
  EXPECT_EQ(edited.error().code, ErrorCode::kNotFound);
  EXPECT_NE(edited.error().message.find("99"), std::string::npos) << edited.error().message;
  EXPECT_FALSE(store->DeleteLogEntry(99).has_value());
  ASSERT_TRUE(store->DeleteLogEntry(id));
  EXPECT_FALSE(store->DeleteLogEntry(id).has_value()) << "deleted twice";
  // Only the one delete is in the journal.
  ASSERT_TRUE(store->UndoLastChange());
  EXPECT_FALSE(store->LastChange()->has_value());
  EXPECT_EQ(store->Log()->size(), 1u);
}

TEST(StoreCorrections, ACorrectionInsideAFailedTransactionLeavesNoTrace) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  const std::int64_t id = *store->AddLogEntry(RunEntryOn(kDay, 2, 1));
  auto failed = store->InTransaction([&]() -> Result<void> {
    if (auto deleted = store->DeleteLogEntry(id); !deleted) return Fail(deleted.error());
    return Fail(Error::InvalidArgument("changed my mind"));
  });
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(store->Log()->size(), 1u);
  EXPECT_FALSE(store->LastChange()->has_value());
}

TEST(StoreCorrections, TheJournalKeepsTheLastChangesOnly) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  LogEntry run = RunEntryOn(kDay, 2, 1);
  run.id = *store->AddLogEntry(run);
  for (int i = 0; i < Store::kJournalSize + 5; ++i) {
    run.pain = i % 10;
    ASSERT_TRUE(store->UpdateLogEntry(run));
  }
  int undone = 0;
  while (store->UndoLastChange()) ++undone;
  EXPECT_EQ(undone, Store::kJournalSize);
}

TEST(StoreCorrections, ClearEmptiesTheJournal) {
  TempDir dir;
  auto store = std::move(*Store::Open(dir.File("b.db")));
  const std::int64_t id = *store->AddLogEntry(RunEntryOn(kDay, 2, 1));
  ASSERT_TRUE(store->DeleteLogEntry(id));
  ASSERT_TRUE(store->Clear());
  EXPECT_FALSE(store->LastChange()->has_value());
  EXPECT_TRUE(*store->IsEmpty());
}

// Starts the writer helper, lets it commit for a while, kills it with SIGKILL mid-write,
// and checks that every committed pair of rows is there, whole, and nothing else is.
TEST(Store, KillingTheProcessMidWriteLosesNoCommittedRowAndLeavesNoHalfRow) {
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

    auto store = Store::Open(path);
    ASSERT_TRUE(store.has_value()) << store.error().message;
    ASSERT_TRUE((*store)->CheckIntegrity().has_value());
    auto log = *(*store)->Log();
    std::set<std::int64_t> runs, mornings_for;
    for (const LogEntry& entry : log) {
      if (entry.kind == LogKind::kRun) {
        runs.insert(entry.id);
        EXPECT_TRUE(entry.distance_m && entry.duration_s && entry.pain) << "half a run row";
        EXPECT_EQ(entry.note.size(), 2000u) << "half a note";
      } else {
        ASSERT_TRUE(entry.run_id.has_value());
        mornings_for.insert(*entry.run_id);
      }
    }
    for (std::int64_t id : committed) EXPECT_TRUE(runs.count(id)) << "lost committed run " << id;
    EXPECT_EQ(runs, mornings_for) << "a run without its morning entry: half a transaction";
  }
  EXPECT_GT(committed.size(), 100u);
}

}  // namespace
}  // namespace backstride
