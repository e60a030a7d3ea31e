#include "store/sqlite_store.h"

#include <array>

#include "store/sqlite.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_schema.h"
#include "store/track_blob.h"

namespace backstride {

using namespace sqlite;  // the row helpers of sqlite_rows.h
SqliteStore::SqliteStore(std::unique_ptr<sqlite::Database> db) : db_(std::move(db)) {}
SqliteStore::~SqliteStore() = default;

int SqliteStore::LatestSchemaVersion() { return static_cast<int>(sqlite::Migrations().size()); }

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteStoreOptions& options) {
  auto db = sqlite::Database::Open(path);
  if (!db) return Fail(db.error());
  auto store = std::unique_ptr<SqliteStore>(
      new SqliteStore(std::make_unique<sqlite::Database>(std::move(*db))));
  // WAL: readers never block the writer nor see a half-done transaction.
  if (auto wal = store->db_->Execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"
                                     "PRAGMA synchronous = NORMAL;");
      !wal) {
    Error error = wal.error();
    if (error.message.find("not a database") != std::string::npos) {
      error.code = ErrorCode::kCorruption;
      error.message = "'" + path + "' is not a backstride database";
    }
    return Fail(std::move(error));
  }
  if (auto migrated = store->Migrate(options.schema_version.value_or(LatestSchemaVersion()));
      !migrated) {
    return Fail(migrated.error());
  }
  return store;
}

Result<int> SqliteStore::SchemaVersion() {
  auto statement = db_->Prepare("PRAGMA user_version");
  if (!statement) return Fail(statement.error());
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  return static_cast<int>(statement->Int(0));
}

Result<void> SqliteStore::Migrate(int target) {
  auto version = SchemaVersion();
  if (!version) return Fail(version.error());
  if (*version > LatestSchemaVersion()) {
    return Fail(Error::Unsupported("the database has schema version " + std::to_string(*version) +
                                   ", newer than this backstride understands (" +
                                   std::to_string(LatestSchemaVersion()) + "); please update"));
  }
  // One transaction per step, so an interrupted migration leaves the previous version.
  for (int step = *version; step < target; ++step) {
    auto done = InTransaction([&]() -> Result<void> {
      if (auto run =
              db_->Execute(std::string(sqlite::Migrations()[static_cast<std::size_t>(step)]));
          !run) {
        return run;
      }
      return db_->Execute("PRAGMA user_version = " + std::to_string(step + 1));
    });
    if (!done) return done;
  }
  return {};
}

Result<void> SqliteStore::InTransaction(const std::function<Result<void>()>& work) {
  // Runs `work` one level deeper; an exception (out of memory) leaves the depth as it
  // was and, at the outermost level, the transaction rolled back, so the store stays
  // usable.
  const auto run = [&]() -> Result<void> {
    ++transaction_depth_;
    try {
      Result<void> result = work();
      --transaction_depth_;
      return result;
    } catch (...) {
      --transaction_depth_;
      if (transaction_depth_ == 0) (void)db_->Execute("ROLLBACK");
      throw;
    }
  };
  // Joined: the outer transaction commits, or rolls back this work with its own.
  if (transaction_depth_ > 0) return run();
  // IMMEDIATE takes the write lock up front, so two writers queue instead of failing
  // half-way through.
  if (auto begin = db_->Execute("BEGIN IMMEDIATE"); !begin) return begin;
  Result<void> result = run();
  if (result) {
    if (auto commit = db_->Execute("COMMIT"); !commit) result = commit;
  }
  if (!result) (void)db_->Execute("ROLLBACK");
  return result;
}

Result<std::optional<std::string>> SqliteStore::Setting(std::string_view key) {
  auto statement = db_->Prepare("SELECT value FROM settings WHERE key = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, key);
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(statement->Text(0));
}

Result<void> SqliteStore::PutSetting(std::string_view key, std::string_view value) {
  auto statement = db_->Prepare(
      "INSERT INTO settings(key, value) VALUES(?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, key).Bind(2, value);
  return statement->Run();
}

Result<SettingsList> SqliteStore::Settings() {
  auto statement = db_->Prepare("SELECT key, value FROM settings ORDER BY key");
  if (!statement) return Fail(statement.error());
  std::vector<std::pair<std::string, std::string>> settings;
  while (true) {
    auto row = statement->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    settings.emplace_back(statement->Text(0), statement->Text(1));
  }
  return settings;
}

Result<std::int64_t> SqliteStore::InsertAssessment(const StoredAssessment& a) {
  auto statement = db_->Prepare(
      "INSERT INTO assessments(id, date, route, answers, source, created_at) "
      "VALUES(?, ?, ?, ?, ?, COALESCE(?, " +
      std::string(kNow) + "))");
  if (!statement) return Fail(statement.error());
  const std::string date = FormatDate(a.date);
  statement->Bind(1, OptionalId(a.id))
      .Bind(2, std::string_view(date))
      .Bind(3, std::string_view(a.route))
      .Bind(4, std::string_view(a.answers_json))
      .Bind(5, std::string_view(a.source))
      .Bind(6, OptionalText(a.created_at));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  return db_->LastInsertId();
}

Result<std::vector<StoredAssessment>> SqliteStore::Assessments() {
  auto statement = db_->Prepare(
      "SELECT id, date, route, answers, source, created_at FROM assessments ORDER BY id");
  if (!statement) return Fail(statement.error());
  std::vector<StoredAssessment> assessments;
  while (true) {
    auto row = statement->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto date = DateColumn(*statement, 1);
    if (!date) return Fail(date.error());
    assessments.push_back({statement->Int(0), *date, statement->Text(2), statement->Text(3),
                           statement->Text(4), statement->Text(5)});
  }
  return assessments;
}

Result<std::int64_t> SqliteStore::InsertPlan(const StoredPlan& plan) {
  auto statement = db_->Prepare(
      "INSERT INTO plans(id, assessment_id, start_date, runs_per_week, created_at) "
      "VALUES(?, ?, ?, ?, COALESCE(?, " +
      std::string(kNow) + "))");
  if (!statement) return Fail(statement.error());
  const std::string start = FormatDate(plan.start);
  statement->Bind(1, OptionalId(plan.id))
      .Bind(2, std::optional<std::int64_t>(plan.assessment_id))
      .Bind(3, std::string_view(start))
      .Bind(4, std::optional<std::int64_t>(plan.runs_per_week))
      .Bind(5, OptionalText(plan.created_at));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  return db_->LastInsertId();
}

Result<std::vector<StoredPlan>> SqliteStore::Plans() {
  auto statement = db_->Prepare(
      "SELECT id, assessment_id, start_date, runs_per_week, created_at FROM plans ORDER BY id");
  if (!statement) return Fail(statement.error());
  std::vector<StoredPlan> plans;
  while (true) {
    auto row = statement->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto start = DateColumn(*statement, 2);
    if (!start) return Fail(start.error());
    plans.push_back({statement->Int(0), statement->Int(1), *start,
                     static_cast<int>(statement->Int(3)), statement->Text(4)});
  }
  return plans;
}

namespace {

constexpr std::string_view kActivityColumns =
    "id, log_id, file, format, sport, start_utc, utc_offset_s, indoor, distance_m, elapsed_s, "
    "timer_s, moving_s, points, avg_hr_bpm, avg_cadence_spm, elevation_gain_m, laps, created_at, "
    "EXISTS(SELECT 1 FROM log WHERE log.id = activities.log_id AND log.deleted_at IS NOT NULL), "
    "source, title, description";
// Leaves out the activities of deleted runs.
constexpr std::string_view kActivityInForce =
    "log_id NOT IN (SELECT id FROM log WHERE deleted_at IS NOT NULL)";

StoredActivity ActivityRow(const sqlite::Statement& row) {
  StoredActivity a;
  a.id = row.Int(0);
  a.log_id = row.Int(1);
  a.file = row.Text(2);
  a.format = row.Text(3);
  a.sport = row.Text(4);
  a.start_utc = row.Real(5);
  if (!row.IsNull(6)) a.utc_offset_s = static_cast<int>(row.Int(6));
  a.indoor = row.Int(7) != 0;
  a.distance_m = row.OptionalReal(8);
  a.elapsed_s = row.Real(9);
  a.timer_s = row.OptionalReal(10);
  a.moving_s = row.Real(11);
  a.points = row.Int(12);
  a.avg_hr_bpm = row.OptionalReal(13);
  a.avg_cadence_spm = row.OptionalReal(14);
  a.elevation_gain_m = row.OptionalReal(15);
  a.laps_json = row.Text(16);
  a.created_at = row.Text(17);
  a.deleted = row.Int(18) != 0;
  a.source = row.Text(19);
  a.title = row.Text(20);
  a.description = row.Text(21);
  return a;
}

// The track's columns, read after kActivityColumns.
constexpr std::string_view kTrackColumns = ", track, track_hr, track_cadence";

Result<std::vector<StoredActivity>> ReadActivities(sqlite::Statement& statement, bool tracks) {
  std::vector<StoredActivity> activities;
  while (true) {
    auto row = statement.Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    StoredActivity activity = ActivityRow(statement);
    if (tracks) {
      TrackBlobs blobs;
      blobs.time_distance = statement.Text(22);
      blobs.heart_rate = statement.Text(23);
      blobs.cadence = statement.Text(24);
      auto track = DecodeTrack(blobs);
      if (!track) return Fail(track.error());
      activity.track = std::move(*track);
    }
    activities.push_back(std::move(activity));
  }
  return activities;
}

}  // namespace

Result<std::int64_t> SqliteStore::InsertActivity(const StoredActivity& a) {
  auto statement = db_->Prepare(
      "INSERT INTO activities(id, log_id, file, format, sport, start_utc, utc_offset_s, indoor, "
      "distance_m, elapsed_s, timer_s, moving_s, points, avg_hr_bpm, avg_cadence_spm, "
      "elevation_gain_m, laps, track, track_hr, track_cadence, source, title, description, "
      "created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "COALESCE(?, " +
      std::string(kNow) + "))");
  if (!statement) return Fail(statement.error());
  const TrackBlobs track = EncodeTrack(a.track);
  statement->Bind(1, OptionalId(a.id))
      .Bind(2, std::optional<std::int64_t>(a.log_id))
      .Bind(3, std::string_view(a.file))
      .Bind(4, std::string_view(a.format))
      .Bind(5, std::string_view(a.sport))
      .Bind(6, std::optional<double>(a.start_utc))
      .Bind(7, ToInt(a.utc_offset_s))
      .Bind(8, std::optional<std::int64_t>(a.indoor ? 1 : 0))
      .Bind(9, a.distance_m)
      .Bind(10, std::optional<double>(a.elapsed_s))
      .Bind(11, a.timer_s)
      .Bind(12, std::optional<double>(a.moving_s))
      .Bind(13, std::optional<std::int64_t>(a.points))
      .Bind(14, a.avg_hr_bpm)
      .Bind(15, a.avg_cadence_spm)
      .Bind(16, a.elevation_gain_m)
      .Bind(17, std::string_view(a.laps_json))
      .BindBlob(18, track.time_distance)
      .BindBlob(19, track.heart_rate)
      .BindBlob(20, track.cadence)
      .Bind(21, std::string_view(a.source))
      .Bind(22, std::string_view(a.title))
      .Bind(23, std::string_view(a.description))
      .Bind(24, OptionalText(a.created_at));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  const std::int64_t id = db_->LastInsertId();
  for (const ActivityAlias& alias : a.aliases) {
    if (auto added = InsertAlias(id, alias); !added) return Fail(added.error());
  }
  return id;
}

Result<void> SqliteStore::InsertAlias(std::int64_t activity_id, const ActivityAlias& alias) {
  auto statement = db_->Prepare(
      "INSERT INTO activity_aliases(activity_id, source, file, format, start_utc, distance_m, "
      "duration_s, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, COALESCE(?, " +
      std::string(kNow) + "))");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(activity_id))
      .Bind(2, std::string_view(alias.source))
      .Bind(3, std::string_view(alias.file))
      .Bind(4, std::string_view(alias.format))
      .Bind(5, std::optional<double>(alias.start_utc))
      .Bind(6, alias.distance_m)
      .Bind(7, std::optional<double>(alias.duration_s))
      .Bind(8, OptionalText(alias.created_at));
  return statement->Run();
}

Result<std::vector<ActivityAlias>> SqliteStore::AliasesOf(std::int64_t activity_id) {
  auto statement = db_->Prepare(
      "SELECT source, file, format, start_utc, distance_m, duration_s, created_at FROM "
      "activity_aliases WHERE activity_id = ? ORDER BY id");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(activity_id));
  std::vector<ActivityAlias> aliases;
  while (true) {
    auto row = statement->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    ActivityAlias alias;
    alias.source = statement->Text(0);
    alias.file = statement->Text(1);
    alias.format = statement->Text(2);
    alias.start_utc = statement->Real(3);
    alias.distance_m = statement->OptionalReal(4);
    alias.duration_s = statement->Real(5);
    alias.created_at = statement->Text(6);
    aliases.push_back(std::move(alias));
  }
  return aliases;
}

Result<std::vector<StoredActivity>> SqliteStore::ActivitiesStartingBetween(double from_utc,
                                                                           double to_utc) {
  auto statement = db_->Prepare("SELECT " + std::string(kActivityColumns) +
                                " FROM activities WHERE start_utc BETWEEN ? AND ? ORDER BY id");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<double>(from_utc)).Bind(2, std::optional<double>(to_utc));
  return ReadActivities(*statement, false);
}

Result<std::vector<StoredActivity>> SqliteStore::Activities() { return ActivityRows(false); }

Result<std::vector<StoredActivity>> SqliteStore::ActivityRows(bool with_tracks) {
  auto statement =
      db_->Prepare("SELECT " + std::string(kActivityColumns) +
                   (with_tracks ? std::string(kTrackColumns) : std::string()) +
                   " FROM activities WHERE " + std::string(kActivityInForce) + " ORDER BY id");
  if (!statement) return Fail(statement.error());
  return ReadActivities(*statement, with_tracks);
}

Result<std::optional<StoredActivity>> SqliteStore::ActivityForRun(std::int64_t log_id) {
  auto statement =
      db_->Prepare("SELECT " + std::string(kActivityColumns) + std::string(kTrackColumns) +
                   " FROM activities WHERE log_id = ? AND " + std::string(kActivityInForce));
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(log_id));
  auto found = ReadActivities(*statement, true);
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<StoredActivity>();
  auto aliases = AliasesOf(found->front().id);
  if (!aliases) return Fail(aliases.error());
  found->front().aliases = std::move(*aliases);
  return std::optional<StoredActivity>(std::move(found->front()));
}

Result<void> SqliteStore::SetRunPain(std::int64_t log_id, int pain,
                                     std::optional<int> pain_before) {
  auto statement = db_->Prepare(
      "UPDATE log SET pain = ?, pain_before = COALESCE(?, pain_before) WHERE id = ? AND kind = "
      "'run' AND deleted_at IS NULL");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(pain))
      .Bind(2, ToInt(pain_before))
      .Bind(3, std::optional<std::int64_t>(log_id));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  if (db_->Changes() == 0) return Fail(Error::NotFound("no run " + std::to_string(log_id)));
  return {};
}

Result<void> SqliteStore::SetRunOnset(std::int64_t log_id, std::optional<double> onset_m,
                                      std::optional<double> onset_s) {
  auto statement = db_->Prepare(
      "UPDATE log SET onset_m = ?, onset_s = ? WHERE id = ? AND kind = 'run' AND deleted_at IS "
      "NULL");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, onset_m).Bind(2, onset_s).Bind(3, std::optional<std::int64_t>(log_id));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  if (db_->Changes() == 0) return Fail(Error::NotFound("no run " + std::to_string(log_id)));
  return {};
}

Result<void> SqliteStore::CheckIntegrity() {
  auto statement = db_->Prepare("PRAGMA integrity_check");
  if (!statement) return Fail(statement.error());
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  if (!*row || statement->Text(0) != "ok") {
    return Fail(Error::Corruption("database integrity check failed: " +
                                  (*row ? statement->Text(0) : std::string("no answer"))));
  }
  return {};
}

Result<bool> SqliteStore::IsEmpty() {
  auto statement = db_->Prepare(
      "SELECT (SELECT COUNT(*) FROM settings) + (SELECT COUNT(*) FROM assessments) + "
      "(SELECT COUNT(*) FROM plans) + (SELECT COUNT(*) FROM log) + "
      "(SELECT COUNT(*) FROM activities)");
  if (!statement) return Fail(statement.error());
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  return statement->Int(0) == 0;
}

Result<void> SqliteStore::DeleteEverything() {
  return db_->Execute(
      "DELETE FROM change_rows; DELETE FROM changes; DELETE FROM import_progress; "
      "DELETE FROM activity_aliases; DELETE FROM activities; DELETE FROM log WHERE kind = 'morning'; DELETE FROM log; "
      "DELETE FROM plans; "
      "DELETE FROM assessments; DELETE FROM settings;");
}

// The named transactions.

Result<void> SqliteStore::InsertNewAssessment(const NewAssessment& added, AddedAssessment& ids) {
  auto id = InsertAssessment(added.assessment);
  if (!id) return Fail(id.error());
  ids.assessment_id = *id;
  if (!added.plan) return {};
  StoredPlan plan = *added.plan;
  plan.assessment_id = *id;
  auto plan_id = InsertPlan(plan);
  if (!plan_id) return Fail(plan_id.error());
  ids.plan_id = *plan_id;
  return {};
}

Result<AddedAssessment> SqliteStore::AddAssessment(const NewAssessment& added) {
  AddedAssessment ids;
  auto done = InTransaction([&] { return InsertNewAssessment(added, ids); });
  if (!done) return Fail(done.error());
  return ids;
}

Result<std::int64_t> SqliteStore::AddPlan(const StoredPlan& plan, const SettingsList& settings) {
  std::int64_t id = 0;
  auto done = InTransaction([&]() -> Result<void> {
    for (const auto& [key, value] : settings) {
      if (auto put = PutSetting(key, value); !put) return put;
    }
    auto added = InsertPlan(plan);
    if (!added) return Fail(added.error());
    id = *added;
    return {};
  });
  if (!done) return Fail(done.error());
  return id;
}

Result<std::int64_t> SqliteStore::AddLogEntry(const LogEntry& entry) {
  return InsertLogEntry(entry);
}

Result<std::int64_t> SqliteStore::AddRunnerEntry(const LogEntry& entry,
                                                 const std::optional<NewAssessment>& route_change) {
  std::int64_t id = 0;
  auto done = InTransaction([&]() -> Result<void> {
    auto added = InsertLogEntry(entry);
    if (!added) return Fail(added.error());
    id = *added;
    // Journalled as an add: undo takes the entry out again.
    if (auto change = BeginChange(ChangeAction::kAdd, id); !change) return Fail(change.error());
    if (!route_change) return {};
    AddedAssessment ids;
    return InsertNewAssessment(*route_change, ids);
  });
  if (!done) return Fail(done.error());
  return id;
}

Result<void> SqliteStore::InsertMark(const std::optional<ImportMark>& mark) {
  if (!mark) return {};
  auto statement =
      db_->Prepare("INSERT OR IGNORE INTO import_progress(import_key, entry) VALUES(?, ?)");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::string_view(mark->import_key)).Bind(2, std::string_view(mark->entry));
  return statement->Run();
}

Result<std::int64_t> SqliteStore::AddImportedRun(const LogEntry& entry,
                                                 const StoredActivity& activity,
                                                 const std::optional<ImportMark>& mark) {
  std::int64_t id = 0;
  auto done = InTransaction([&]() -> Result<void> {
    auto added = InsertLogEntry(entry);
    if (!added) return Fail(added.error());
    id = *added;
    StoredActivity row = activity;
    row.log_id = id;
    auto stored = InsertActivity(row);
    if (!stored) return Fail(stored.error());
    return InsertMark(mark);
  });
  if (!done) return Fail(done.error());
  return id;
}

Result<void> SqliteStore::AddActivityAlias(std::int64_t activity_id, const ActivityAlias& alias,
                                           const std::optional<ImportMark>& mark) {
  return InTransaction([&]() -> Result<void> {
    if (auto added = InsertAlias(activity_id, alias); !added) return added;
    return InsertMark(mark);
  });
}

Result<void> SqliteStore::ReplaceActivity(std::int64_t log_id, const StoredActivity& richer,
                                          const std::optional<RunFigures>& figures,
                                          const std::optional<ImportMark>& mark) {
  return InTransaction([&]() -> Result<void> {
    auto found = ActivityForRun(log_id);
    if (!found) return Fail(found.error());
    if (!*found) {
      return Fail(Error::NotFound("run " + std::to_string(log_id) + " has no recording"));
    }
    const StoredActivity& old = **found;
    StoredActivity row = richer;
    row.id = old.id;
    row.log_id = log_id;
    row.aliases = old.aliases;
    // The service's name for the run stays when the richer recording has none (a watch
    // file replacing Strava's entry).
    if (row.title.empty()) row.title = old.title;
    if (row.description.empty()) row.description = old.description;
    ActivityAlias replaced;
    replaced.source = old.source;
    replaced.file = old.file;
    replaced.format = old.format;
    replaced.start_utc = old.start_utc;
    replaced.distance_m = old.distance_m;
    replaced.duration_s = old.timer_s.value_or(old.moving_s > 0 ? old.moving_s : old.elapsed_s);
    row.aliases.push_back(std::move(replaced));
    // The row keeps its id, so its aliases go first and come back with it.
    auto statement = db_->Prepare("DELETE FROM activity_aliases WHERE activity_id = ?");
    if (!statement) return Fail(statement.error());
    statement->Bind(1, std::optional<std::int64_t>(old.id));
    if (auto run = statement->Run(); !run) return run;
    auto removed = db_->Prepare("DELETE FROM activities WHERE id = ?");
    if (!removed) return Fail(removed.error());
    removed->Bind(1, std::optional<std::int64_t>(old.id));
    if (auto run = removed->Run(); !run) return run;
    if (auto inserted = InsertActivity(row); !inserted) return Fail(inserted.error());
    if (figures) {
      auto update = db_->Prepare("UPDATE log SET distance_m = ?, duration_s = ? WHERE id = ?");
      if (!update) return Fail(update.error());
      update->Bind(1, figures->distance_m)
          .Bind(2, std::optional<double>(figures->duration_s))
          .Bind(3, std::optional<std::int64_t>(log_id));
      if (auto run = update->Run(); !run) return run;
    }
    return InsertMark(mark);
  });
}

Result<void> SqliteStore::SetActivityTitle(std::int64_t log_id, std::string_view title,
                                           std::string_view description) {
  auto statement =
      db_->Prepare("UPDATE activities SET title = ?, description = ? WHERE log_id = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, title).Bind(2, description).Bind(3, std::optional<std::int64_t>(log_id));
  if (auto run = statement->Run(); !run) return run;
  if (db_->Changes() == 0) {
    return Fail(Error::NotFound("run " + std::to_string(log_id) + " has no recording"));
  }
  return {};
}

Result<void> SqliteStore::MarkImported(const ImportMark& mark) { return InsertMark(mark); }

Result<std::vector<std::string>> SqliteStore::ImportedEntries(std::string_view import_key) {
  auto statement = db_->Prepare("SELECT entry FROM import_progress WHERE import_key = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, import_key);
  std::vector<std::string> entries;
  while (true) {
    auto row = statement->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    entries.push_back(statement->Text(0));
  }
  return entries;
}

Result<void> SqliteStore::ForgetImport(std::string_view import_key) {
  auto statement = db_->Prepare("DELETE FROM import_progress WHERE import_key = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, import_key);
  return statement->Run();
}

Result<StoreContents> SqliteStore::Contents() {
  StoreContents contents;
  // One read transaction, so the backup is one moment of the store.
  auto done = InTransaction([&]() -> Result<void> {
    auto settings = Settings();
    if (!settings) return Fail(settings.error());
    contents.settings = std::move(*settings);
    auto assessments = Assessments();
    if (!assessments) return Fail(assessments.error());
    contents.assessments = std::move(*assessments);
    auto plans = Plans();
    if (!plans) return Fail(plans.error());
    contents.plans = std::move(*plans);
    auto log = Log({});
    if (!log) return Fail(log.error());
    contents.log = std::move(*log);
    auto activities = ActivityRows(true);
    if (!activities) return Fail(activities.error());
    for (StoredActivity& activity : *activities) {
      auto aliases = AliasesOf(activity.id);
      if (!aliases) return Fail(aliases.error());
      activity.aliases = std::move(*aliases);
    }
    contents.activities = std::move(*activities);
    return {};
  });
  if (!done) return Fail(done.error());
  return contents;
}

namespace {

// The place of a refused row in a restore: "log[3]".
template <typename Rows, typename Insert>
Result<void> InsertAll(std::string_view name, const Rows& rows, Insert insert) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (auto added = insert(rows[i]); !added) {
      Error error = added.error();
      error.path = std::string(name) + "[" + std::to_string(i) + "]";
      return Fail(std::move(error));
    }
  }
  return {};
}

}  // namespace

Result<void> SqliteStore::Restore(const StoreContents& contents, bool replace) {
  return InTransaction([&]() -> Result<void> {
    if (replace) {
      if (auto cleared = DeleteEverything(); !cleared) return cleared;
    } else {
      auto empty = IsEmpty();
      if (!empty) return Fail(empty.error());
      if (!*empty) {
        return Fail(Error::FailedPrecondition(
            "there is data stored already: restore into an empty store, or replace it"));
      }
    }
    for (const auto& [key, value] : contents.settings) {
      if (auto put = PutSetting(key, value); !put) return put;
    }
    if (auto done = InsertAll("assessments", contents.assessments,
                              [&](const StoredAssessment& a) { return InsertAssessment(a); });
        !done) {
      return done;
    }
    if (auto done =
            InsertAll("plans", contents.plans, [&](const StoredPlan& p) { return InsertPlan(p); });
        !done) {
      return done;
    }
    if (auto done =
            InsertAll("log", contents.log, [&](const LogEntry& e) { return InsertLogEntry(e); });
        !done) {
      return done;
    }
    return InsertAll("activities", contents.activities,
                     [&](const StoredActivity& a) { return InsertActivity(a); });
  });
}

}  // namespace backstride
