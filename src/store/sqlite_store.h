// The embedded store: one SQLite file holding one runner's data, the local app's default.
//
// Design: WAL mode, so a reader (the CLI while the server runs) never waits for or sees
// half of a write; every call in a transaction, so a crash loses at most the change in
// flight and never leaves half a row. The schema is versioned with PRAGMA user_version
// and migrated forward, one step at a time, when the file is opened (sqlite_schema.h).
#ifndef BACKSTRIDE_STORE_SQLITE_STORE_H_
#define BACKSTRIDE_STORE_SQLITE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace backstride {

namespace sqlite {
class Database;
}

struct SqliteStoreOptions {
  // Migrate only up to this schema version (tests of the migrations); default: latest.
  std::optional<int> schema_version;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) the database at `path` and migrates it to the latest
  // schema. Fails with kIOError if the file cannot be opened, kCorruption if it is not a
  // backstride database, kUnsupported if it was written by a newer version.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const SqliteStoreOptions& options = {});
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  static int LatestSchemaVersion();
  Result<int> SchemaVersion();

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
  Result<void> CheckIntegrity() override;

 private:
  explicit SqliteStore(std::unique_ptr<sqlite::Database> db);
  Result<void> Migrate(int target);

  // Runs `work` in one transaction; called inside another, it joins that one.
  Result<void> InTransaction(const std::function<Result<void>()>& work);

  // The single-row steps the transactions above are made of.
  Result<std::int64_t> InsertAssessment(const StoredAssessment& assessment);
  Result<std::int64_t> InsertPlan(const StoredPlan& plan);
  Result<std::int64_t> InsertLogEntry(const LogEntry& entry);
  Result<std::int64_t> InsertActivity(const StoredActivity& activity);
  Result<void> InsertAlias(std::int64_t activity_id, const ActivityAlias& alias);
  Result<std::vector<ActivityAlias>> AliasesOf(std::int64_t activity_id);
  Result<void> InsertMark(const std::optional<ImportMark>& mark);
  Result<void> InsertNewAssessment(const NewAssessment& added, AddedAssessment& ids);
  Result<void> DeleteEverything();
  Result<std::vector<StoredActivity>> ActivityRows(bool with_tracks);

  Result<std::vector<LogEntry>> LogRows(std::string_view where, std::int64_t id);
  Result<std::int64_t> BeginChange(ChangeAction action, std::int64_t log_id);
  Result<void> SaveBefore(std::int64_t change_id, std::int64_t log_id);

  std::unique_ptr<sqlite::Database> db_;
  int transaction_depth_ = 0;
};

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_SQLITE_STORE_H_
