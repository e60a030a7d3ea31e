// The clinic's store: one runner's store in a PostgreSQL database shared by many runners.
//
// Design: every table of runner data carries runner_id and is keyed by (runner_id, id),
// ids counted per runner (store/schema.h), so a restored backup keeps its ids and a
// lookup by an id of another runner finds nothing: every statement here names the
// runner. Deleting a runner's row deletes all of theirs (ON DELETE CASCADE).
//
// Every call is one transaction, or one statement where one is enough. A write first
// locks the runner's row (SELECT ... FOR UPDATE), so the writes of one runner queue up
// whichever server process makes them, as SQLite's BEGIN IMMEDIATE does, and a new id is
// the runner's largest + 1 under that lock. Reads take no lock; a read of several tables
// (a backup) is one REPEATABLE READ snapshot.
//
// Reading is made for the log of years that the plan is computed from: Log() is one
// statement, one round trip, whatever its length; a backup reads each table once.
//
// A store object has one connection and is used by one thread at a time; a server
// opens one per request or keeps a pool of them (store/pg.h reconnects a lost one).
#ifndef BACKSTRIDE_STORE_PG_STORE_H_
#define BACKSTRIDE_STORE_PG_STORE_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace backstride {

class PgPool;

namespace pg {
class Connection;
class Param;
}  // namespace pg

class PgStore final : public Store {
 public:
  // Creates the tables in the database at `connection` (a postgresql:// URL or libpq
  // key=value string), or checks that they are there at this version; run once when the
  // server starts. Safe when several processes start at once (an advisory lock). Fails
  // with kIOError when the database cannot be reached, kUnsupported when it was made by a
  // newer backstride.
  static Result<void> PrepareDatabase(const std::string& connection);
  // Adds a runner with an empty store and returns their id.
  static Result<std::int64_t> CreateRunner(const std::string& connection);
  // Deletes runner `runner_id` and every row of theirs, in every table. Fails with
  // kNotFound when there is no such runner.
  static Result<void> DeleteRunner(const std::string& connection, std::int64_t runner_id);

  // Opens the store of runner `runner_id` over a connection of its own. The database must
  // have been prepared. Fails with kIOError when it cannot be reached, kNotFound when
  // there is no such runner, kFailedPrecondition when the tables are missing.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& connection,
                                               std::int64_t runner_id);
  // The same over a connection of `pool`, given back when the store is closed. The
  // database's version is not checked again (the pool's server checked it at its start).
  static Result<std::unique_ptr<PgStore>> Open(std::shared_ptr<PgPool> pool,
                                               std::int64_t runner_id);
  ~PgStore() override;
  PgStore(const PgStore&) = delete;
  PgStore& operator=(const PgStore&) = delete;

  std::int64_t runner_id() const { return runner_; }

  Result<std::optional<std::string>> Setting(std::string_view key) override;
  Result<void> PutSetting(std::string_view key, std::string_view value) override;
  Result<SettingsList> Settings() override;
  Result<AddedAssessment> AddAssessment(const NewAssessment& added) override;
  Result<std::vector<StoredAssessment>> Assessments() override;
  Result<std::int64_t> AddPlan(const StoredPlan& plan, const SettingsList& settings) override;
  Result<std::vector<StoredPlan>> Plans() override;
  Result<std::int64_t> AddLogEntry(const LogEntry& entry) override;
  Result<std::int64_t> AddRunnerEntry(const LogEntry& entry,
                                      const std::optional<NewAssessment>& route_change) override;
  Result<std::int64_t> AddImportedRun(const LogEntry& entry, const StoredActivity& activity,
                                      const std::optional<ImportMark>& mark) override;
  Result<void> AddActivityAlias(std::int64_t activity_id, const ActivityAlias& alias,
                                const std::optional<ImportMark>& mark) override;
  Result<void> ReplaceActivity(std::int64_t log_id, const StoredActivity& richer,
                               const std::optional<RunFigures>& figures,
                               const std::optional<ImportMark>& mark) override;
  Result<void> SetActivityTitle(std::int64_t log_id, std::string_view title,
                                std::string_view description) override;
  Result<void> MarkImported(const ImportMark& mark) override;
  Result<std::vector<std::string>> ImportedEntries(std::string_view import_key) override;
  Result<void> ForgetImport(std::string_view import_key) override;
  Result<std::vector<LogEntry>> Log(const LogFilter& filter) override;
  Result<LogEntry> LogEntryById(std::int64_t id) override;
  Result<LogEntry> UpdateLogEntry(const LogEntry& entry) override;
  Result<LogChange> DeleteLogEntry(std::int64_t id) override;
  Result<std::optional<LogChange>> LastChange() override;
  Result<LogChange> UndoLastChange() override;
  Result<std::vector<StoredActivity>> ActivitiesStartingBetween(double from_utc,
                                                                double to_utc) override;
  Result<std::vector<StoredActivity>> Activities() override;
  Result<std::optional<StoredActivity>> ActivityForRun(std::int64_t log_id) override;
  Result<void> SetRunPain(std::int64_t log_id, int pain, std::optional<int> pain_before) override;
  Result<void> SetRunOnset(std::int64_t log_id, std::optional<double> onset_m,
                           std::optional<double> onset_s) override;
  Result<StoreContents> Contents() override;
  Result<void> Restore(const StoreContents& contents, bool replace) override;
  Result<bool> IsEmpty() override;
  // Decodes every stored track of the runner (PostgreSQL checks its own pages); fails
  // with kCorruption naming the run whose track is damaged.
  Result<void> CheckIntegrity() override;

 private:
  PgStore(std::unique_ptr<pg::Connection> db, std::int64_t runner_id);

  // Runs `work` in one transaction that holds the runner's row locked; called inside
  // another, it joins that one.
  Result<void> InWriteTransaction(const std::function<Result<void>()>& work);
  // Runs `work` in one read-only snapshot of the database.
  Result<void> InSnapshot(const std::function<Result<void>()>& work);
  Result<void> InTransaction(std::string_view mode, bool lock_runner,
                             const std::function<Result<void>()>& work);

  // The single-row steps the transactions are made of; each needs the runner's lock.
  Result<std::int64_t> InsertAssessment(const StoredAssessment& assessment);
  Result<std::int64_t> InsertPlan(const StoredPlan& plan);
  Result<std::int64_t> InsertLogEntry(const LogEntry& entry);
  Result<std::int64_t> InsertActivity(const StoredActivity& activity);
  Result<void> InsertAlias(std::int64_t activity_id, const ActivityAlias& alias);
  Result<void> InsertMark(const std::optional<ImportMark>& mark);
  Result<void> InsertSetting(std::string_view key, std::string_view value);
  Result<void> InsertNewAssessment(const NewAssessment& added, AddedAssessment& ids);
  Result<void> DeleteEverything();

  // The runner's activities that `where` selects (`a` the activity, `l` its run; `params`
  // its parameters, $1 the runner), by id; with their tracks and aliases when asked.
  Result<std::vector<StoredActivity>> ActivityRows(std::string_view where,
                                                   std::initializer_list<pg::Param> params,
                                                   bool with_tracks, bool with_aliases);
  Result<std::vector<LogEntry>> LogRows(std::string_view where, std::int64_t id);
  Result<std::int64_t> BeginChange(ChangeAction action, std::int64_t log_id);
  Result<void> SaveBefore(std::int64_t change_id, std::int64_t log_id);

  std::unique_ptr<pg::Connection> db_;
  std::shared_ptr<PgPool> pool_;  // set: db_ goes back to it
  std::int64_t runner_;
  int transaction_depth_ = 0;
};

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_PG_STORE_H_
