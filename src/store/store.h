// The embedded store: one SQLite file holding the runner's assessments, plans, log and
// settings.
//
// Design: WAL mode, so a reader (the CLI while the server runs) never waits for or sees
// half of a write; every change in a transaction, so a crash loses at most the change in
// flight and never leaves half a row. The schema is versioned with PRAGMA user_version
// and migrated forward, one step at a time, when the file is opened.
#ifndef BACKSTRIDE_STORE_STORE_H_
#define BACKSTRIDE_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "core/log.h"

namespace backstride {

namespace sqlite {
class Database;
}

struct StoredAssessment {
  std::int64_t id = 0;  // 0: assign a new one
  Date date;            // the day it applies from
  std::string route;
  std::string answers_json;
  std::string source = "questionnaire";  // or "checkin" when a check-in changed the route
  std::string created_at;                // set by the store when empty
};

struct StoredPlan {
  std::int64_t id = 0;
  std::int64_t assessment_id = 0;
  Date start;
  int runs_per_week = 3;
  std::string created_at;
};

// A run imported from a watch file: its summary, laps (JSON) and a compact track of
// (seconds since the start, metres from the start) pairs for placing an onset.
struct StoredActivity {
  std::int64_t id = 0;
  std::int64_t log_id = 0;  // the run in the log it belongs to
  std::string file;
  std::string format;
  std::string sport;
  double start_utc = 0;
  std::optional<int> utc_offset_s;
  bool indoor = false;
  std::optional<double> distance_m;
  double elapsed_s = 0;
  std::optional<double> timer_s;
  double moving_s = 0;
  std::int64_t points = 0;
  std::optional<double> avg_hr_bpm;
  std::optional<double> avg_cadence_spm;
  std::optional<double> elevation_gain_m;
  std::string laps_json = "[]";
  std::vector<float> track;  // t0, d0, t1, d1, ...
  std::string created_at;
  bool deleted = false;  // its run was deleted (ActivitiesStartingBetween only)
};

// What the runner did to the log, kept in the undo journal.
enum class ChangeAction { kAdd, kEdit, kDelete };

// One change in the undo journal.
struct LogChange {
  std::int64_t id = 0;
  ChangeAction action = ChangeAction::kAdd;
  // The entry the runner changed: as added (add), or as it was before (edit, delete).
  LogEntry entry;
  // Other entries the change touched, as they were before: the next-morning scores of a
  // deleted run, which became check-ins.
  std::vector<LogEntry> also;
  std::string created_at;
};

struct StoreOptions {
  // Migrate only up to this schema version (tests of the migrations); default: latest.
  std::optional<int> schema_version;
};

class Store {
 public:
  // Opens (creating if needed) the database at `path` and migrates it to the latest
  // schema. Fails with kIOError if the file cannot be opened, kCorruption if it is not a
  // backstride database, kUnsupported if it was written by a newer version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int LatestSchemaVersion();
  Result<int> SchemaVersion();

  // Runs `work` in one transaction: every write it makes lands, or none does. Called
  // inside another InTransaction, it joins that one (the outer call commits).
  Result<void> InTransaction(const std::function<Result<void>()>& work);

  Result<std::optional<std::string>> Setting(std::string_view key);
  Result<void> PutSetting(std::string_view key, std::string_view value);
  Result<std::vector<std::pair<std::string, std::string>>> Settings();

  // Each Add keeps a non-zero id (for imports) and returns the row's id.
  Result<std::int64_t> AddAssessment(const StoredAssessment& assessment);
  Result<std::vector<StoredAssessment>> Assessments();  // oldest first
  Result<std::int64_t> AddPlan(const StoredPlan& plan);
  Result<std::vector<StoredPlan>> Plans();  // oldest first
  Result<std::int64_t> AddLogEntry(const LogEntry& entry);
  // The entries in force (deleted ones left out), by date, then id.
  Result<std::vector<LogEntry>> Log(const LogFilter& filter = {});
  // One entry in force. Fails with kNotFound naming `id` when there is none (or it was
  // deleted).
  Result<LogEntry> LogEntryById(std::int64_t id);

  // Corrections, each in one transaction and recorded in the undo journal.
  //
  // Deletion is a mark (deleted_at), not a removal: undo is then exact (same ids, an
  // imported run's activity and track never leave), and a deleted imported run stays
  // known to the importer's duplicate check, so importing the same folder again does not
  // bring back a bike ride the runner deleted. Deleted entries are invisible everywhere
  // else (Log, Activities, ActivityForRun, exports).
  //
  // Records that the entry `log_id` (just added by the runner) can be undone by removing
  // it. Call it in the transaction that added the entry.
  Result<void> RecordAdd(std::int64_t log_id);
  // Replaces the date, distance, time, pains, onset, done, helped and note of entry
  // `entry.id` (its kind, run, source and creation time stay). Returns the entry as it
  // was. Fails with kNotFound naming the id.
  Result<LogEntry> UpdateLogEntry(const LogEntry& entry);
  // Deletes entry `id`. A run's next-morning scores become check-ins of their day (the
  // pain was real; only the run it followed is gone), so none points at a deleted run.
  // Returns what was changed, as it was. Fails with kNotFound naming the id.
  Result<LogChange> DeleteLogEntry(std::int64_t id);
  // The latest change in the journal, if any.
  Result<std::optional<LogChange>> LastChange();
  // Undoes the latest change: an add is removed, an edit or a delete is put back exactly
  // as it was. Returns what was undone. Fails with kNotFound when there is nothing to undo.
  // The journal keeps the last kJournalSize changes.
  Result<LogChange> UndoLastChange();
  static constexpr int kJournalSize = 100;

  Result<std::int64_t> AddActivity(const StoredActivity& activity);
  // Activities starting between the two UTC times (inclusive), without their tracks;
  // those of deleted runs too, marked `deleted` (the importer's duplicate check).
  Result<std::vector<StoredActivity>> ActivitiesStartingBetween(double from_utc, double to_utc);
  // Every activity of a run in force, oldest first; with tracks only when asked (export).
  Result<std::vector<StoredActivity>> Activities(bool with_tracks = false);
  // The activity of a run in the log, with its track.
  Result<std::optional<StoredActivity>> ActivityForRun(std::int64_t log_id);
  // Sets a run's pain scores or onset after the fact (an imported run). Fails with
  // kNotFound if `log_id` is not a run.
  Result<void> SetRunPain(std::int64_t log_id, int pain, std::optional<int> pain_before);
  Result<void> SetRunOnset(std::int64_t log_id, std::optional<double> onset_m,
                           std::optional<double> onset_s);

  // Runs SQLite's integrity check; fails with kCorruption describing the damage.
  Result<void> CheckIntegrity();

  // True when nothing has been stored (settings included).
  Result<bool> IsEmpty();
  // Deletes every row, the undo journal too (inside the caller's transaction, if any).
  Result<void> Clear();

 private:
  explicit Store(std::unique_ptr<sqlite::Database> db);
  Result<void> Migrate(int target);

  Result<std::vector<LogEntry>> LogRows(std::string_view where, std::int64_t id);
  Result<std::int64_t> BeginChange(ChangeAction action, std::int64_t log_id);
  Result<void> SaveBefore(std::int64_t change_id, std::int64_t log_id);

  std::unique_ptr<sqlite::Database> db_;
  int transaction_depth_ = 0;
};

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_STORE_H_
