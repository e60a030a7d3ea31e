// The store: where a runner's assessments, plans, log, imported runs and settings are
// kept. An interface, so that the local app's embedded SQLite file and the clinic's
// PostgreSQL server are the same to the app, and one test suite runs on every backend.
//
// Contract for every backend: each call is atomic (it lands whole or not at all, and a
// reader never sees half of it); the transactions the use cases need are named calls
// here, never a lambda handed to the store, so a backend that talks to a server over the
// network can run each in one round of statements.
#ifndef BACKSTRIDE_STORE_STORE_H_
#define BACKSTRIDE_STORE_STORE_H_

#include <cstdint>
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

// One point of an imported run's track, as the watch recorded it.
struct TrackSample {
  float elapsed_s = 0;              // since the start
  std::optional<float> distance_m;  // from the start; none on a treadmill without a pod
  std::optional<float> heart_rate_bpm;
  std::optional<float> cadence_spm;  // steps per minute (both feet)

  bool operator==(const TrackSample&) const = default;
};

// The same run as a stored activity, found in another source (the Garmin original of a
// run Strava also had): recorded, not stored twice.
struct ActivityAlias {
  std::string source;  // "file", "strava", "garmin", "apple"
  std::string file;
  std::string format;
  double start_utc = 0;
  std::optional<double> distance_m;
  double duration_s = 0;
  std::string created_at;

  bool operator==(const ActivityAlias&) const = default;
};

// One entry of an import that finished: an archive's file, or a workout of an Apple
// Health export, under a key naming the import's source (its name and size).
struct ImportMark {
  std::string import_key;
  std::string entry;
};

// A run's distance (none: by time only) and time, as the log keeps them.
struct RunFigures {
  std::optional<double> distance_m;
  double duration_s = 0;
};

// A run imported from a watch file: its summary, laps (JSON) and its track (for placing
// an onset, splits and the charts along the run).
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
  std::vector<TrackSample> track;
  std::string created_at;
  bool deleted = false;  // its run was deleted (ActivitiesStartingBetween only)
  std::string source = "file";  // "file" (a watch file), "strava", "garmin", "apple"
  std::string title;            // the service's name for the run ("Morning Run")
  std::string description;      // and the runner's words on it there
  // The same run in other sources (ActivityForRun and Contents only).
  std::vector<ActivityAlias> aliases;
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

// A new assessment and, for a route that leads to one, its first plan (its
// assessment_id is filled in by the store).
struct NewAssessment {
  StoredAssessment assessment;
  std::optional<StoredPlan> plan;
};

struct AddedAssessment {
  std::int64_t assessment_id = 0;
  std::optional<std::int64_t> plan_id;
};

using SettingsList = std::vector<std::pair<std::string, std::string>>;

// Every row of a store, for a backup and its restore.
struct StoreContents {
  SettingsList settings;
  std::vector<StoredAssessment> assessments;  // oldest first
  std::vector<StoredPlan> plans;
  std::vector<LogEntry> log;               // in force only
  std::vector<StoredActivity> activities;  // with tracks
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<std::optional<std::string>> Setting(std::string_view key) = 0;
  virtual Result<void> PutSetting(std::string_view key, std::string_view value) = 0;
  virtual Result<SettingsList> Settings() = 0;

  // Adds an assessment with its first plan, if any, together. Keeps non-zero ids (a
  // restore) and returns the rows' ids.
  virtual Result<AddedAssessment> AddAssessment(const NewAssessment& added) = 0;
  virtual Result<std::vector<StoredAssessment>> Assessments() = 0;  // oldest first
  // Adds a plan with the settings chosen with it (the runs a week), together.
  virtual Result<std::int64_t> AddPlan(const StoredPlan& plan,
                                       const SettingsList& settings = {}) = 0;
  virtual Result<std::vector<StoredPlan>> Plans() = 0;  // oldest first

  // Adds an entry to the log, outside the undo journal; returns its id.
  virtual Result<std::int64_t> AddLogEntry(const LogEntry& entry) = 0;
  // Adds an entry the runner logged, recorded in the undo journal (undo removes it), with
  // the route change it caused, if any (a treatment that did not help): all together.
  virtual Result<std::int64_t> AddRunnerEntry(const LogEntry& entry,
                                              const std::optional<NewAssessment>& route_change) = 0;
  // Adds an imported run: its log entry and its recording (activity.log_id is filled
  // in), together. Returns the run's id in the log.
  // With `mark`, the import's entry is recorded as done in the same transaction.
  virtual Result<std::int64_t> AddImportedRun(const LogEntry& entry, const StoredActivity& activity,
                                              const std::optional<ImportMark>& mark) = 0;
  // Records `alias` as the same run as activity `activity_id` (and `mark`, together).
  virtual Result<void> AddActivityAlias(std::int64_t activity_id, const ActivityAlias& alias,
                                        const std::optional<ImportMark>& mark) = 0;
  // Replaces the recording of run `log_id` with `richer` (its log entry, pain scores and
  // onset stay): the recording replaced becomes an alias, its aliases stay, and so do its
  // name and description when `richer` has none. With
  // `figures`, the run's distance and time become those. Fails with kNotFound when the
  // run has no recording.
  virtual Result<void> ReplaceActivity(std::int64_t log_id, const StoredActivity& richer,
                                       const std::optional<RunFigures>& figures,
                                       const std::optional<ImportMark>& mark) = 0;
  // Sets the service's name and description of run `log_id`'s recording.
  virtual Result<void> SetActivityTitle(std::int64_t log_id, std::string_view title,
                                        std::string_view description) = 0;

  // An interrupted import: what it finished, to skip on its restart; forgotten when the
  // import completes.
  virtual Result<void> MarkImported(const ImportMark& mark) = 0;
  virtual Result<std::vector<std::string>> ImportedEntries(std::string_view import_key) = 0;
  virtual Result<void> ForgetImport(std::string_view import_key) = 0;

  // The entries in force (deleted ones left out), by date, then id.
  virtual Result<std::vector<LogEntry>> Log(const LogFilter& filter = {}) = 0;
  // One entry in force. Fails with kNotFound naming `id` when there is none (or it was
  // deleted).
  virtual Result<LogEntry> LogEntryById(std::int64_t id) = 0;

  // Corrections, each atomic and recorded in the undo journal.
  //
  // Deletion is a mark, not a removal: undo is then exact (same ids, an imported run's
  // activity and track never leave), and a deleted imported run stays known to the
  // importer's duplicate check, so importing the same folder again does not bring back a
  // bike ride the runner deleted. Deleted entries are invisible everywhere else (Log,
  // Activities, ActivityForRun, Contents).
  //
  // Replaces the date, distance, time, pains, onset, done, helped, repetitions in reserve
  // and note of entry `entry.id` (its kind, run, source and creation time stay). Returns
  // the entry as it was. Fails with kNotFound naming the id.
  virtual Result<LogEntry> UpdateLogEntry(const LogEntry& entry) = 0;
  // Deletes entry `id`. A run's next-morning scores become check-ins of their day (the
  // pain was real; only the run it followed is gone), so none points at a deleted run.
  // Returns what was changed, as it was. Fails with kNotFound naming the id.
  virtual Result<LogChange> DeleteLogEntry(std::int64_t id) = 0;
  // The latest change in the journal, if any.
  virtual Result<std::optional<LogChange>> LastChange() = 0;
  // Undoes the latest change: an add is removed, an edit or a delete is put back exactly
  // as it was. Returns what was undone. Fails with kNotFound when there is nothing to
  // undo. The journal keeps the last kJournalSize changes.
  virtual Result<LogChange> UndoLastChange() = 0;
  static constexpr int kJournalSize = 100;

  // Activities starting between the two UTC times (inclusive), without their tracks;
  // those of deleted runs too, marked `deleted` (the importer's duplicate check).
  virtual Result<std::vector<StoredActivity>> ActivitiesStartingBetween(double from_utc,
                                                                        double to_utc) = 0;
  // Every activity of a run in force, oldest first, without tracks.
  virtual Result<std::vector<StoredActivity>> Activities() = 0;
  // The activity of a run in the log, with its track.
  virtual Result<std::optional<StoredActivity>> ActivityForRun(std::int64_t log_id) = 0;
  // Sets a run's pain scores or onset after the fact (an imported run). Fails with
  // kNotFound if `log_id` is not a run.
  virtual Result<void> SetRunPain(std::int64_t log_id, int pain,
                                  std::optional<int> pain_before) = 0;
  virtual Result<void> SetRunOnset(std::int64_t log_id, std::optional<double> onset_m,
                                   std::optional<double> onset_s) = 0;

  // Everything in force, tracks included: a backup.
  virtual Result<StoreContents> Contents() = 0;
  // Puts `contents` in, keeping its ids, all or nothing. With `replace`, what is there
  // is deleted first (the undo journal too); without it the store must be empty. Fails
  // with the row's place as the error's path ("log[3]") when a row is refused.
  virtual Result<void> Restore(const StoreContents& contents, bool replace) = 0;
  // True when nothing has been stored (settings included).
  virtual Result<bool> IsEmpty() = 0;

  // Checks the stored bytes; fails with kCorruption describing the damage.
  virtual Result<void> CheckIntegrity() = 0;
};

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_STORE_H_
