// What is particular to the PostgreSQL store: many runners in one database, each seeing
// only their own rows, gone whole when the runner is deleted; preparing the database; and
// reading years of log in one round trip. The behaviour every store shares is in
// store_contract_test.cc.
#include "store/pg_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "pg_cluster.h"
#include "store/pg.h"

namespace backstride {
namespace {

const Date kDay = *ParseDate("2026-03-02");

// A fresh, prepared database of the binary's throwaway server.
std::string PreparedDatabase() {
  auto cluster = TestCluster();
  EXPECT_TRUE(cluster.has_value()) << cluster.error().message;
  if (!cluster) return {};
  auto database = (*cluster)->CreateDatabase();
  EXPECT_TRUE(database.has_value()) << database.error().message;
  auto prepared = PgStore::PrepareDatabase(*database);
  EXPECT_TRUE(prepared.has_value()) << prepared.error().message;
  return *database;
}

std::unique_ptr<PgStore> NewRunner(const std::string& database) {
  auto runner = PgStore::CreateRunner(database);
  EXPECT_TRUE(runner.has_value()) << runner.error().message;
  auto store = PgStore::Open(database, *runner);
  EXPECT_TRUE(store.has_value()) << store.error().message;
  return std::move(*store);
}

LogEntry RunOn(Date date, double km, int pain, const std::string& note) {
  LogEntry entry;
  entry.date = date;
  entry.kind = LogKind::kRun;
  entry.distance_m = km * 1000;
  entry.duration_s = km * 360;
  entry.pain = pain;
  entry.note = note;
  return entry;
}

StoredActivity Recording(const std::string& file, double start_utc) {
  StoredActivity activity;
  activity.file = file;
  activity.format = "fit";
  activity.sport = "running";
  activity.start_utc = start_utc;
  activity.distance_m = 5000;
  activity.elapsed_s = 1500;
  activity.moving_s = 1490;
  activity.points = 2;
  activity.track = {
      {.elapsed_s = 0, .distance_m = 0, .heart_rate_bpm = 90, .cadence_spm = 160},
      {.elapsed_s = 1500, .distance_m = 5000, .heart_rate_bpm = 150, .cadence_spm = 170}};
  return activity;
}

// Puts a row of `name`'s in every table: settings, an assessment and its plan, runs (one
// imported, with an alias), a morning score, the undo journal with a saved row (an edit),
// and an unfinished import. Returns the id of the last run added.
std::int64_t FillEveryTable(Store& store, const std::string& name) {
  EXPECT_TRUE(store.PutSetting("units", name == "ann" ? "km" : "mi"));
  NewAssessment assessment;
  assessment.assessment.date = kDay;
  assessment.assessment.route = "returning";
  assessment.assessment.answers_json = R"({"who":")" + name + R"("})";
  assessment.plan = StoredPlan{0, 0, kDay, 3, ""};
  EXPECT_TRUE(store.AddAssessment(assessment));
  const std::int64_t run = *store.AddRunnerEntry(RunOn(kDay, 5, 2, name + "'s run"), std::nullopt);
  LogEntry edited = *store.LogEntryById(run);
  edited.pain = 3;
  EXPECT_TRUE(store.UpdateLogEntry(edited));
  LogEntry morning;
  morning.date = AddDays(kDay, 1);
  morning.kind = LogKind::kMorning;
  morning.pain = 1;
  morning.run_id = run;
  morning.note = name + "'s morning";
  EXPECT_TRUE(store.AddLogEntry(morning));
  const std::int64_t imported =
      *store.AddImportedRun(RunOn(AddDays(kDay, 2), 5, 1, name + "'s import"),
                            Recording(name + ".fit", 1.8e9), ImportMark{"export.zip:1", name});
  const std::int64_t activity = (*store.ActivityForRun(imported))->id;
  EXPECT_TRUE(store.AddActivityAlias(
      activity, {"strava", name + ".gpx", "gpx", 1.8e9, 5000, 1500, ""}, std::nullopt));
  return imported;
}

// The same entry: its id and every value but the time it was stored.
void ExpectSameEntry(const LogEntry& got, const LogEntry& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.distance_m, want.distance_m);
  EXPECT_EQ(got.duration_s, want.duration_s);
  EXPECT_EQ(got.pain, want.pain);
  EXPECT_EQ(got.run_id, want.run_id);
  EXPECT_EQ(got.note, want.note);
  EXPECT_EQ(got.source, want.source);
}

std::vector<std::string> Notes(Store& store) {
  std::vector<std::string> notes;
  const auto log = store.Log({});
  EXPECT_TRUE(log.has_value()) << log.error().message;
  for (const LogEntry& entry : *log) notes.push_back(entry.note);
  return notes;
}

TEST(PgStore, TwoRunnersInOneDatabaseNeverSeeEachOthersRows) {
  const std::string database = PreparedDatabase();
  auto ann = NewRunner(database);
  auto bob = NewRunner(database);
  ASSERT_TRUE(ann && bob);
  const std::int64_t ann_run = FillEveryTable(*ann, "ann");
  const std::int64_t bob_run = FillEveryTable(*bob, "bob");
  // Ids are each runner's own: the same ids on both sides.
  EXPECT_EQ(ann_run, bob_run);
  EXPECT_EQ(ann->Log({})->front().id, bob->Log({})->front().id);
  EXPECT_EQ((*ann->ActivityForRun(ann_run))->id, (*bob->ActivityForRun(bob_run))->id);

  // Bob has one run more, whose id Ann does not have.
  const std::int64_t bobs_own = *bob->AddLogEntry(RunOn(AddDays(kDay, 3), 3, 1, "bob's extra"));
  EXPECT_EQ(Notes(*ann), (std::vector<std::string>{"ann's run", "ann's morning", "ann's import"}));
  EXPECT_EQ(Notes(*bob), (std::vector<std::string>{"bob's run", "bob's morning", "bob's import",
                                                   "bob's extra"}));
  EXPECT_EQ(*ann->Setting("units"), std::optional<std::string>("km"));
  EXPECT_EQ(*bob->Setting("units"), std::optional<std::string>("mi"));
  EXPECT_EQ(ann->Assessments()->size(), 1u);
  EXPECT_EQ(ann->Assessments()->front().answers_json, R"({"who":"ann"})");
  EXPECT_EQ(ann->Plans()->size(), 1u);
  EXPECT_EQ(ann->Activities()->size(), 1u);
  EXPECT_EQ(ann->Activities()->front().file, "ann.fit");
  EXPECT_EQ((*ann->ActivityForRun(ann_run))->aliases.size(), 1u);
  EXPECT_EQ((*ann->ActivityForRun(ann_run))->aliases.front().file, "ann.gpx");
  EXPECT_EQ(*ann->ImportedEntries("export.zip:1"), std::vector<std::string>{"ann"});
  auto near = *ann->ActivitiesStartingBetween(1.8e9 - 60, 1.8e9 + 60);
  ASSERT_EQ(near.size(), 1u);
  EXPECT_EQ(near.front().file, "ann.fit");

  // Bob's id is not found on Ann's side, whatever is asked of it, and nothing of his moves.
  const auto not_found = [](const auto& result) {
    return !result.has_value() && result.error().code == ErrorCode::kNotFound;
  };
  EXPECT_TRUE(not_found(ann->LogEntryById(bobs_own)));
  LogEntry stranger = RunOn(kDay, 1, 9, "not yours");
  stranger.id = bobs_own;
  EXPECT_TRUE(not_found(ann->UpdateLogEntry(stranger)));
  EXPECT_TRUE(not_found(ann->DeleteLogEntry(bobs_own)));
  EXPECT_TRUE(not_found(ann->SetRunPain(bobs_own, 9, std::nullopt)));
  EXPECT_TRUE(not_found(ann->SetRunOnset(bobs_own, 100, std::nullopt)));
  EXPECT_EQ(bob->LogEntryById(bobs_own)->pain, 1);
  EXPECT_EQ(bob->LogEntryById(bobs_own)->note, "bob's extra");

  // Each undoes their own changes only.
  const auto bob_last = *bob->LastChange();
  ASSERT_TRUE(bob_last.has_value());
  ASSERT_TRUE(ann->DeleteLogEntry(ann_run));
  EXPECT_EQ((*ann->LastChange())->action, ChangeAction::kDelete);
  EXPECT_EQ((*bob->LastChange())->id, bob_last->id);
  EXPECT_TRUE(bob->ActivityForRun(bob_run)->has_value());
  ASSERT_TRUE(ann->UndoLastChange());
  ASSERT_TRUE(ann->UndoLastChange());  // the edit
  EXPECT_EQ((*ann->LastChange())->action, ChangeAction::kAdd);
  ASSERT_TRUE(bob->LastChange()->has_value());
  EXPECT_EQ((*bob->LastChange())->id, bob_last->id);
  EXPECT_EQ(Notes(*bob).size(), 4u);

  // A restore that replaces Ann's store leaves Bob's whole.
  const StoreContents bob_before = *bob->Contents();
  StoreContents ann_backup = *ann->Contents();
  ann_backup.log.resize(1);
  ann_backup.activities.clear();
  ASSERT_TRUE(ann->Restore(ann_backup, /*replace=*/true));
  EXPECT_EQ(ann->Log({})->size(), 1u);
  const StoreContents bob_after = *bob->Contents();
  EXPECT_EQ(bob_after.settings, bob_before.settings);
  EXPECT_EQ(bob_after.log.size(), bob_before.log.size());
  for (std::size_t i = 0; i < bob_after.log.size(); ++i) {
    ExpectSameEntry(bob_after.log[i], bob_before.log[i]);
    EXPECT_EQ(bob_after.log[i].created_at, bob_before.log[i].created_at);
  }
  ASSERT_EQ(bob_after.activities.size(), 1u);
  EXPECT_EQ(bob_after.activities[0].track, bob_before.activities[0].track);
  EXPECT_EQ(bob_after.activities[0].aliases, bob_before.activities[0].aliases);
  EXPECT_EQ(bob_after.assessments.size(), 1u);
  EXPECT_EQ(bob_after.plans.size(), 1u);
  EXPECT_EQ((*bob->LastChange())->id, bob_last->id);
  EXPECT_EQ(*bob->ImportedEntries("export.zip:1"), std::vector<std::string>{"bob"});

  // And Bob's backup restores as a third runner beside them, ids and all.
  auto copy = NewRunner(database);
  ASSERT_TRUE(copy->Restore(bob_after, /*replace=*/false));
  EXPECT_EQ(copy->Log({})->back().id, bobs_own);
  EXPECT_EQ(Notes(*copy), Notes(*bob));
  EXPECT_TRUE(*NewRunner(database)->IsEmpty());
}

// Every table of the database with a runner_id column, and how many rows `runner` has in
// each; fails the test when a table other than runners' own has none.
std::map<std::string, std::int64_t> RowsOf(pg::Connection& db, std::int64_t runner) {
  auto tables = db.Query(
      "SELECT t.table_name, EXISTS(SELECT 1 FROM information_schema.columns c WHERE "
      "c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = "
      "'runner_id') FROM information_schema.tables t WHERE t.table_schema = 'public' ORDER BY 1");
  EXPECT_TRUE(tables.has_value()) << tables.error().message;
  std::map<std::string, std::int64_t> counts;
  for (int row = 0; row < tables->size(); ++row) {
    const std::string table(tables->Text(row, 0));
    if (table == "runners" || table == "schema_version") continue;
    EXPECT_TRUE(tables->Bool(row, 1)) << table << " holds rows of no runner in particular";
    // The name comes from the database's own catalogue, not from input.
    auto count = db.Query("SELECT count(*) FROM " + table + " WHERE runner_id = $1", {runner});
    EXPECT_TRUE(count.has_value()) << count.error().message;
    counts[table] = count->Int(0, 0);
  }
  return counts;
}

TEST(PgStore, DeletingARunnerLeavesNoRowOfTheirsInAnyTable) {
  const std::string database = PreparedDatabase();
  auto ann = NewRunner(database);
  auto bob = NewRunner(database);
  ASSERT_TRUE(ann && bob);
  FillEveryTable(*ann, "ann");
  FillEveryTable(*bob, "bob");
  auto db = pg::Connection::Open(database);
  ASSERT_TRUE(db.has_value()) << db.error().message;

  const auto ann_before = RowsOf(*db, ann->runner_id());
  const auto bob_before = RowsOf(*db, bob->runner_id());
  ASSERT_EQ(ann_before.size(), 9u);
  for (const auto& [table, count] : ann_before) {
    EXPECT_GT(count, 0) << table << ": the test puts a row in every table";
  }

  ASSERT_TRUE(PgStore::DeleteRunner(database, ann->runner_id()));
  for (const auto& [table, count] : RowsOf(*db, ann->runner_id())) {
    EXPECT_EQ(count, 0) << table;
  }
  EXPECT_EQ(RowsOf(*db, bob->runner_id()), bob_before);
  EXPECT_EQ(db->Query("SELECT count(*) FROM runners WHERE id = $1", {ann->runner_id()})->Int(0, 0),
            0);

  // Gone is gone: the store still open says so, and so does opening it again.
  auto write = ann->AddLogEntry(RunOn(kDay, 1, 1, "after"));
  ASSERT_FALSE(write.has_value());
  EXPECT_EQ(write.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(ann->Log({})->empty());
  auto reopened = PgStore::Open(database, ann->runner_id());
  ASSERT_FALSE(reopened.has_value());
  EXPECT_EQ(reopened.error().code, ErrorCode::kNotFound);
  auto again = PgStore::DeleteRunner(database, ann->runner_id());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST(PgStore, PreparesADatabaseOnceAndRefusesOneItCannotRead) {
  const std::string database = PreparedDatabase();
  auto store = NewRunner(database);
  ASSERT_TRUE(store->PutSetting("units", "km"));
  // Preparing again (a second server process) changes nothing.
  ASSERT_TRUE(PgStore::PrepareDatabase(database));
  EXPECT_EQ(*store->Setting("units"), std::optional<std::string>("km"));

  auto unprepared = (*TestCluster())->CreateDatabase();
  auto opened = PgStore::Open(*unprepared, 1);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kFailedPrecondition) << opened.error().message;

  auto db = pg::Connection::Open(database);
  ASSERT_TRUE(db->Execute("UPDATE schema_version SET version = version + 1"));
  auto newer = PgStore::PrepareDatabase(database);
  ASSERT_FALSE(newer.has_value());
  EXPECT_EQ(newer.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(newer.error().message.find("newer"), std::string::npos) << newer.error().message;
  EXPECT_FALSE(PgStore::Open(database, store->runner_id()).has_value());

  auto nowhere = PgStore::PrepareDatabase("host=/nonexistent-folder port=1");
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().code, ErrorCode::kIOError);
}

TEST(PgStore, KeepsWorkingAfterTheServerDropsItsConnection) {
  const std::string database = PreparedDatabase();
  auto store = NewRunner(database);
  ASSERT_TRUE(store->AddLogEntry(RunOn(kDay, 5, 2, "before")));
  auto admin = pg::Connection::Open(database);
  ASSERT_TRUE(admin.has_value()) << admin.error().message;
  const auto cut_everyone_else = [&] {
    auto cut = admin->Query(
        "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    ASSERT_TRUE(cut.has_value()) << cut.error().message;
    ASSERT_EQ(cut->Int(0, 0), 1);
  };
  // A write begins a transaction, which reconnects at once.
  cut_everyone_else();
  auto written = store->AddLogEntry(RunOn(AddDays(kDay, 1), 5, 2, "after"));
  ASSERT_TRUE(written.has_value()) << written.error().message;
  // A read of one statement finds the connection gone, and the next one reconnects.
  cut_everyone_else();
  (void)store->Log({});
  EXPECT_EQ(Notes(*store), (std::vector<std::string>{"before", "after"}));
}

// Five years of a runner's log, as the plan reads it after every write: one statement.
TEST(PgStore, ReadsFiveYearsOfLogQuickly) {
  const std::string database = PreparedDatabase();
  auto store = NewRunner(database);
  StoreContents years;
  for (int day = 0; day < 5 * 365; ++day) {
    LogEntry entry = RunOn(AddDays(kDay, day), 5 + day % 7, day % 4, day % 9 == 0 ? "windy" : "");
    entry.id = day + 1;
    if (day % 3 == 0) {
      entry.kind = LogKind::kCheckIn;
      entry.distance_m.reset();
      entry.duration_s.reset();
    }
    years.log.push_back(entry);
  }
  ASSERT_TRUE(store->Restore(years, /*replace=*/false));

  // The median and the slowest of `times` runs of `work`, in milliseconds.
  const auto time = [](int times, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < times; ++i) {
      const auto start = std::chrono::steady_clock::now();
      work();
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::sort(ms.begin(), ms.end());
    return std::pair(ms[ms.size() / 2], ms.back());
  };
  const auto [read_median, read_slowest] = time(30, [&] {
    auto log = store->Log({});
    ASSERT_TRUE(log.has_value()) << log.error().message;
    ASSERT_EQ(log->size(), years.log.size());
    ExpectSameEntry(log->back(), years.log.back());
  });
  // A runner's log write as the app makes it: the entry, then the whole log read back to
  // recompute the plan.
  int day = 0;
  const auto [write_median, write_slowest] = time(30, [&] {
    ASSERT_TRUE(
        store->AddRunnerEntry(RunOn(AddDays(kDay, 5 * 365 + day++), 5, 1, ""), std::nullopt));
    ASSERT_EQ(store->Log({})->size(), years.log.size() + static_cast<std::size_t>(day));
  });
  std::cout << "Log() of " << years.log.size() << " entries: median " << read_median
            << " ms, slowest of 30 " << read_slowest << " ms; an entry added and the log read: "
            << "median " << write_median << " ms, slowest of 30 " << write_slowest << " ms\n";
}

}  // namespace
}  // namespace backstride
