#include "store/pg_store.h"

#include <map>

#include "store/pg.h"
#include "store/pg_pool.h"
#include "store/pg_rows.h"
#include "store/schema.h"
#include "store/track_blob.h"

namespace backstride {

using namespace pg;  // the row helpers of pg_rows.h

namespace {

// Taken while the tables are made or checked, so that two server processes starting
// together do not both make them. Any number will do that nothing else in the database
// uses; this one spells "bstride" in ASCII.
constexpr std::int64_t kSchemaLock = 0x62737472696465;

}  // namespace

Result<void> PgStore::PrepareDatabase(const std::string& connection) {
  auto db = Connection::Open(connection);
  if (!db) return Fail(db.error());
  if (auto begin = db->Begin(); !begin) return begin;
  auto done = [&]() -> Result<void> {
    if (auto lock = db->Query("SELECT pg_advisory_xact_lock($1)", {kSchemaLock}); !lock) {
      return Fail(lock.error());
    }
    if (auto made = db->Execute("CREATE TABLE IF NOT EXISTS schema_version (version integer "
                                "NOT NULL)");
        !made) {
      return made;
    }
    auto version = db->Query("SELECT version FROM schema_version");
    if (!version) return Fail(version.error());
    if (version->empty()) {
      if (auto made = db->Execute(schema::PostgresDdl()); !made) return made;
      auto set = db->Query("INSERT INTO schema_version(version) VALUES($1)", {schema::kVersion});
      if (!set) return Fail(set.error());
      return {};
    }
    const std::int64_t found = version->Int(0, 0);
    if (found > schema::kVersion) {
      return Fail(Error::Unsupported("the database has schema version " + std::to_string(found) +
                                     ", newer than this backstride understands (" +
                                     std::to_string(schema::kVersion) + "); please update"));
    }
    if (found < schema::kVersion) {
      // The first PostgreSQL schema is version 7; there is nothing older to migrate.
      return Fail(Error::Corruption("the database has schema version " + std::to_string(found) +
                                    ", which no backstride ever wrote"));
    }
    return {};
  }();
  if (done) done = db->Commit();
  if (!done) db->Rollback();
  return done;
}

Result<std::int64_t> PgStore::CreateRunner(const std::string& connection) {
  auto db = Connection::Open(connection);
  if (!db) return Fail(db.error());
  auto added = db->Query("INSERT INTO runners DEFAULT VALUES RETURNING id");
  if (!added) return Fail(added.error());
  return added->Int(0, 0);
}

Result<void> PgStore::DeleteRunner(const std::string& connection, std::int64_t runner_id) {
  auto db = Connection::Open(connection);
  if (!db) return Fail(db.error());
  // Every table of runner data references runners ON DELETE CASCADE.
  auto deleted = db->Query("DELETE FROM runners WHERE id = $1", {runner_id});
  if (!deleted) return Fail(deleted.error());
  if (deleted->Affected() == 0) {
    return Fail(Error::NotFound("there is no runner " + std::to_string(runner_id)));
  }
  return {};
}

PgStore::PgStore(std::unique_ptr<Connection> db, std::int64_t runner_id)
    : db_(std::move(db)), runner_(runner_id) {}
PgStore::~PgStore() {
  if (pool_) pool_->Give(std::move(db_));
}

Result<std::unique_ptr<PgStore>> PgStore::Open(std::shared_ptr<PgPool> pool,
                                               std::int64_t runner_id) {
  auto db = pool->Take();
  if (!db) return Fail(db.error());
  auto found = (*db)->Query("SELECT 1 FROM runners WHERE id = $1", {runner_id});
  if (!found) return Fail(found.error());
  if (found->empty()) {
    pool->Give(std::move(*db));
    return Fail(Error::NotFound("there is no runner " + std::to_string(runner_id)));
  }
  std::unique_ptr<PgStore> store(new PgStore(std::move(*db), runner_id));
  store->pool_ = std::move(pool);
  return store;
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& connection,
                                               std::int64_t runner_id) {
  auto db = Connection::Open(connection);
  if (!db) return Fail(db.error());
  auto found = db->Query(
      "SELECT (SELECT version FROM schema_version), EXISTS(SELECT 1 FROM runners WHERE id = $1)",
      {runner_id});
  if (!found) {
    if (found.error().message.find("SQLSTATE 42P01") != std::string::npos) {
      return Fail(
          Error::FailedPrecondition("the database has no backstride tables yet: prepare it first"));
    }
    return Fail(found.error());
  }
  if (found->OptionalInt(0, 0) != schema::kVersion) {
    return Fail(Error::FailedPrecondition("the database's tables are not at schema version " +
                                          std::to_string(schema::kVersion) + ": prepare it first"));
  }
  if (!found->Bool(0, 1)) {
    return Fail(Error::NotFound("there is no runner " + std::to_string(runner_id)));
  }
  return std::unique_ptr<PgStore>(
      new PgStore(std::make_unique<Connection>(std::move(*db)), runner_id));
}

Result<void> PgStore::InTransaction(std::string_view mode, bool lock_runner,
                                    const std::function<Result<void>()>& work) {
  // Runs `work` one level deeper; an exception (out of memory) leaves the depth as it
  // was and, at the outermost level, the transaction rolled back.
  const auto run = [&]() -> Result<void> {
    ++transaction_depth_;
    try {
      Result<void> result = work();
      --transaction_depth_;
      return result;
    } catch (...) {
      --transaction_depth_;
      if (transaction_depth_ == 0) db_->Rollback();
      throw;
    }
  };
  // Joined: the outer transaction commits, or rolls back this work with its own.
  if (transaction_depth_ > 0) return run();
  if (auto began = db_->Begin(mode); !began) return began;
  Result<void> result;
  if (lock_runner) {
    auto locked = db_->Query("SELECT 1 FROM runners WHERE id = $1 FOR UPDATE", {runner_});
    if (!locked) {
      result = Fail(locked.error());
    } else if (locked->empty()) {
      result = Fail(Error::NotFound("there is no runner " + std::to_string(runner_)));
    }
  }
  if (result) result = run();
  if (result) result = db_->Commit();
  if (!result) db_->Rollback();
  return result;
}

Result<void> PgStore::InWriteTransaction(const std::function<Result<void>()>& work) {
  return InTransaction({}, true, work);
}

Result<void> PgStore::InSnapshot(const std::function<Result<void>()>& work) {
  return InTransaction("ISOLATION LEVEL REPEATABLE READ READ ONLY", false, work);
}

Result<std::optional<std::string>> PgStore::Setting(std::string_view key) {
  auto rows =
      db_->Query("SELECT value FROM settings WHERE runner_id = $1 AND key = $2", {runner_, key});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->Text(0, 0));
}

Result<void> PgStore::InsertSetting(std::string_view key, std::string_view value) {
  auto put = db_->Query(
      "INSERT INTO settings(runner_id, key, value) VALUES($1, $2, $3) "
      "ON CONFLICT (runner_id, key) DO UPDATE SET value = excluded.value",
      {runner_, key, value});
  if (!put) return Fail(put.error());
  return {};
}

Result<void> PgStore::PutSetting(std::string_view key, std::string_view value) {
  // One statement: atomic by itself, and it needs no new id.
  return InsertSetting(key, value);
}

Result<SettingsList> PgStore::Settings() {
  auto rows =
      db_->Query("SELECT key, value FROM settings WHERE runner_id = $1 ORDER BY key", {runner_});
  if (!rows) return Fail(rows.error());
  SettingsList settings;
  settings.reserve(static_cast<std::size_t>(rows->size()));
  for (int row = 0; row < rows->size(); ++row) {
    settings.emplace_back(rows->Text(row, 0), rows->Text(row, 1));
  }
  return settings;
}

Result<std::int64_t> PgStore::InsertAssessment(const StoredAssessment& a) {
  auto added = db_->Query(
      "INSERT INTO assessments(runner_id, id, date, route, answers, source, created_at) "
      "VALUES($1, COALESCE($2, " +
          NextId("assessments") + "), $3, $4, $5, $6, COALESCE($7, " + std::string(kNow) +
          ")) RETURNING id",
      {runner_, OptionalId(a.id), FormatDate(a.date), a.route, a.answers_json, a.source,
       OptionalText(a.created_at)});
  if (!added) return Fail(added.error());
  return added->Int(0, 0);
}

Result<std::vector<StoredAssessment>> PgStore::Assessments() {
  auto rows = db_->Query(
      "SELECT id, date, route, answers, source, created_at FROM assessments "
      "WHERE runner_id = $1 ORDER BY id",
      {runner_});
  if (!rows) return Fail(rows.error());
  std::vector<StoredAssessment> assessments;
  for (int row = 0; row < rows->size(); ++row) {
    auto date = DateColumn(*rows, row, 1);
    if (!date) return Fail(date.error());
    assessments.push_back({rows->Int(row, 0), *date, std::string(rows->Text(row, 2)),
                           std::string(rows->Text(row, 3)), std::string(rows->Text(row, 4)),
                           std::string(rows->Text(row, 5))});
  }
  return assessments;
}

Result<std::int64_t> PgStore::InsertPlan(const StoredPlan& plan) {
  auto added = db_->Query(
      "INSERT INTO plans(runner_id, id, assessment_id, start_date, runs_per_week, created_at) "
      "VALUES($1, COALESCE($2, " +
          NextId("plans") + "), $3, $4, $5, COALESCE($6, " + std::string(kNow) + ")) RETURNING id",
      {runner_, OptionalId(plan.id), plan.assessment_id, FormatDate(plan.start), plan.runs_per_week,
       OptionalText(plan.created_at)});
  if (!added) return Fail(added.error());
  return added->Int(0, 0);
}

Result<std::vector<StoredPlan>> PgStore::Plans() {
  auto rows = db_->Query(
      "SELECT id, assessment_id, start_date, runs_per_week, created_at FROM plans "
      "WHERE runner_id = $1 ORDER BY id",
      {runner_});
  if (!rows) return Fail(rows.error());
  std::vector<StoredPlan> plans;
  for (int row = 0; row < rows->size(); ++row) {
    auto start = DateColumn(*rows, row, 2);
    if (!start) return Fail(start.error());
    plans.push_back({rows->Int(row, 0), rows->Int(row, 1), *start,
                     static_cast<int>(rows->Int(row, 3)), std::string(rows->Text(row, 4))});
  }
  return plans;
}

namespace {

// An activity's columns, `a` its row and `l` its run's; then, with tracks, kTrackColumns.
constexpr std::string_view kActivityColumns =
    "a.id, a.log_id, a.file, a.format, a.sport, a.start_utc, a.utc_offset_s, a.indoor, "
    "a.distance_m, a.elapsed_s, a.timer_s, a.moving_s, a.points, a.avg_hr_bpm, "
    "a.avg_cadence_spm, a.elevation_gain_m, a.laps, a.created_at, l.deleted_at IS NOT NULL, "
    "a.source, a.title, a.description";
constexpr std::string_view kTrackColumns = ", a.track, a.track_hr, a.track_cadence";
constexpr int kTrackColumn = 22;

StoredActivity ActivityRow(const Rows& rows, int row) {
  StoredActivity a;
  a.id = rows.Int(row, 0);
  a.log_id = rows.Int(row, 1);
  a.file = rows.Text(row, 2);
  a.format = rows.Text(row, 3);
  a.sport = rows.Text(row, 4);
  a.start_utc = rows.Real(row, 5);
  if (!rows.IsNull(row, 6)) a.utc_offset_s = static_cast<int>(rows.Int(row, 6));
  a.indoor = rows.Bool(row, 7);
  a.distance_m = rows.OptionalReal(row, 8);
  a.elapsed_s = rows.Real(row, 9);
  a.timer_s = rows.OptionalReal(row, 10);
  a.moving_s = rows.Real(row, 11);
  a.points = rows.Int(row, 12);
  a.avg_hr_bpm = rows.OptionalReal(row, 13);
  a.avg_cadence_spm = rows.OptionalReal(row, 14);
  a.elevation_gain_m = rows.OptionalReal(row, 15);
  a.laps_json = rows.Text(row, 16);
  a.created_at = rows.Text(row, 17);
  a.deleted = rows.Bool(row, 18);
  a.source = rows.Text(row, 19);
  a.title = rows.Text(row, 20);
  a.description = rows.Text(row, 21);
  return a;
}

// The aliases of the activities the rows of `rows` name (column 0), by activity id.
std::map<std::int64_t, std::vector<ActivityAlias>> AliasesByActivity(const Rows& rows) {
  std::map<std::int64_t, std::vector<ActivityAlias>> aliases;
  for (int row = 0; row < rows.size(); ++row) {
    ActivityAlias alias;
    alias.source = rows.Text(row, 1);
    alias.file = rows.Text(row, 2);
    alias.format = rows.Text(row, 3);
    alias.start_utc = rows.Real(row, 4);
    alias.distance_m = rows.OptionalReal(row, 5);
    alias.duration_s = rows.Real(row, 6);
    alias.created_at = rows.Text(row, 7);
    aliases[rows.Int(row, 0)].push_back(std::move(alias));
  }
  return aliases;
}

constexpr std::string_view kAliasColumns =
    "activity_id, source, file, format, start_utc, distance_m, duration_s, created_at";

}  // namespace

Result<std::int64_t> PgStore::InsertActivity(const StoredActivity& a) {
  const TrackBlobs track = EncodeTrack(a.track);
  auto added = db_->Query(
      "INSERT INTO activities(runner_id, id, log_id, file, format, sport, start_utc, "
      "utc_offset_s, indoor, distance_m, elapsed_s, timer_s, moving_s, points, avg_hr_bpm, "
      "avg_cadence_spm, elevation_gain_m, laps, track, track_hr, track_cadence, source, title, "
      "description, created_at) VALUES($1, COALESCE($2, " +
          NextId("activities") +
          "), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
          "$21, $22, $23, $24, COALESCE($25, " +
          std::string(kNow) + ")) RETURNING id",
      {runner_,
       OptionalId(a.id),
       a.log_id,
       StorableText(a.file),
       a.format,
       a.sport,
       a.start_utc,
       a.utc_offset_s,
       a.indoor,
       a.distance_m,
       a.elapsed_s,
       a.timer_s,
       a.moving_s,
       a.points,
       a.avg_hr_bpm,
       a.avg_cadence_spm,
       a.elevation_gain_m,
       a.laps_json,
       OptionalBytes(track.time_distance),
       OptionalBytes(track.heart_rate),
       OptionalBytes(track.cadence),
       a.source,
       StorableText(a.title),
       StorableText(a.description),
       OptionalText(a.created_at)});
  if (!added) return Fail(added.error());
  const std::int64_t id = added->Int(0, 0);
  for (const ActivityAlias& alias : a.aliases) {
    if (auto stored = InsertAlias(id, alias); !stored) return Fail(stored.error());
  }
  return id;
}

Result<void> PgStore::InsertAlias(std::int64_t activity_id, const ActivityAlias& alias) {
  auto added = db_->Query(
      "INSERT INTO activity_aliases(runner_id, id, activity_id, source, file, format, "
      "start_utc, distance_m, duration_s, created_at) VALUES($1, " +
          NextId("activity_aliases") + ", $2, $3, $4, $5, $6, $7, $8, COALESCE($9, " +
          std::string(kNow) + "))",
      {runner_, activity_id, alias.source, StorableText(alias.file), alias.format, alias.start_utc,
       alias.distance_m, alias.duration_s, OptionalText(alias.created_at)});
  if (!added) return Fail(added.error());
  return {};
}

Result<std::vector<StoredActivity>> PgStore::ActivityRows(std::string_view where,
                                                          std::initializer_list<Param> params,
                                                          bool with_tracks, bool with_aliases) {
  std::vector<StoredActivity> activities;
  const auto read = [&]() -> Result<void> {
    auto rows = db_->Query(
        "SELECT " + std::string(kActivityColumns) +
            (with_tracks ? std::string(kTrackColumns) : std::string()) +
            " FROM activities a JOIN log l ON l.runner_id = a.runner_id AND l.id = a.log_id "
            "WHERE a.runner_id = $1 AND " +
            std::string(where) + " ORDER BY a.id",
        params);
    if (!rows) return Fail(rows.error());
    activities.reserve(static_cast<std::size_t>(rows->size()));
    for (int row = 0; row < rows->size(); ++row) {
      StoredActivity activity = ActivityRow(*rows, row);
      if (with_tracks) {
        TrackBlobs blobs;
        blobs.time_distance = rows->Bytes(row, kTrackColumn);
        blobs.heart_rate = rows->Bytes(row, kTrackColumn + 1);
        blobs.cadence = rows->Bytes(row, kTrackColumn + 2);
        auto track = DecodeTrack(blobs);
        if (!track) return Fail(track.error());
        activity.track = std::move(*track);
      }
      activities.push_back(std::move(activity));
    }
    if (!with_aliases || activities.empty()) return {};
    // Every alias of the runner's activities in one read, not one read per activity.
    auto alias_rows = db_->Query(
        "SELECT " + std::string(kAliasColumns) +
            " FROM activity_aliases WHERE runner_id = $1 AND ($2::bigint IS NULL OR "
            "activity_id = $2::bigint) ORDER BY activity_id, id",
        {runner_, activities.size() == 1 ? std::optional<std::int64_t>(activities.front().id)
                                         : std::nullopt});
    if (!alias_rows) return Fail(alias_rows.error());
    auto aliases = AliasesByActivity(*alias_rows);
    for (StoredActivity& activity : activities) {
      if (auto found = aliases.find(activity.id); found != aliases.end()) {
        activity.aliases = std::move(found->second);
      }
    }
    return {};
  };
  // Two reads of one moment, when the aliases are read too.
  auto done = with_aliases ? InSnapshot(read) : read();
  if (!done) return Fail(done.error());
  return activities;
}

Result<std::vector<StoredActivity>> PgStore::ActivitiesStartingBetween(double from_utc,
                                                                       double to_utc) {
  return ActivityRows("a.start_utc BETWEEN $2 AND $3", {runner_, from_utc, to_utc}, false, false);
}

Result<std::vector<StoredActivity>> PgStore::Activities() {
  return ActivityRows("l.deleted_at IS NULL", {runner_}, false, false);
}

Result<std::optional<StoredActivity>> PgStore::ActivityForRun(std::int64_t log_id) {
  auto found =
      ActivityRows("a.log_id = $2 AND l.deleted_at IS NULL", {runner_, log_id}, true, true);
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<StoredActivity>();
  return std::optional<StoredActivity>(std::move(found->front()));
}

Result<void> PgStore::SetRunPain(std::int64_t log_id, int pain, std::optional<int> pain_before) {
  auto updated = db_->Query(
      "UPDATE log SET pain = $3, pain_before = COALESCE($4, pain_before) WHERE runner_id = $1 "
      "AND id = $2 AND kind = 'run' AND deleted_at IS NULL",
      {runner_, log_id, pain, pain_before});
  if (!updated) return Fail(updated.error());
  if (updated->Affected() == 0) return Fail(Error::NotFound("no run " + std::to_string(log_id)));
  return {};
}

Result<void> PgStore::SetRunOnset(std::int64_t log_id, std::optional<double> onset_m,
                                  std::optional<double> onset_s) {
  auto updated = db_->Query(
      "UPDATE log SET onset_m = $3, onset_s = $4 WHERE runner_id = $1 AND id = $2 AND kind = "
      "'run' AND deleted_at IS NULL",
      {runner_, log_id, onset_m, onset_s});
  if (!updated) return Fail(updated.error());
  if (updated->Affected() == 0) return Fail(Error::NotFound("no run " + std::to_string(log_id)));
  return {};
}

Result<void> PgStore::CheckIntegrity() {
  auto rows = db_->Query(
      "SELECT log_id, track, track_hr, track_cadence FROM activities WHERE runner_id = $1",
      {runner_});
  if (!rows) return Fail(rows.error());
  for (int row = 0; row < rows->size(); ++row) {
    TrackBlobs blobs{rows->Bytes(row, 1), rows->Bytes(row, 2), rows->Bytes(row, 3)};
    if (auto track = DecodeTrack(blobs); !track) {
      return Fail(Error::Corruption("the track of run " + std::to_string(rows->Int(row, 0)) +
                                    " is damaged: " + track.error().message));
    }
  }
  return {};
}

Result<bool> PgStore::IsEmpty() {
  auto rows = db_->Query(
      "SELECT NOT (EXISTS(SELECT 1 FROM settings WHERE runner_id = $1) OR "
      "EXISTS(SELECT 1 FROM assessments WHERE runner_id = $1) OR "
      "EXISTS(SELECT 1 FROM plans WHERE runner_id = $1) OR "
      "EXISTS(SELECT 1 FROM log WHERE runner_id = $1) OR "
      "EXISTS(SELECT 1 FROM activities WHERE runner_id = $1))",
      {runner_});
  if (!rows) return Fail(rows.error());
  return rows->Bool(0, 0);
}

Result<void> PgStore::DeleteEverything() {
  // The tables that reference others first.
  for (std::string_view table : {"change_rows", "changes", "import_progress", "activity_aliases",
                                 "activities", "log", "plans", "assessments", "settings"}) {
    auto deleted =
        db_->Query("DELETE FROM " + std::string(table) + " WHERE runner_id = $1", {runner_});
    if (!deleted) return Fail(deleted.error());
  }
  return {};
}

// The named transactions.

Result<void> PgStore::InsertNewAssessment(const NewAssessment& added, AddedAssessment& ids) {
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

Result<AddedAssessment> PgStore::AddAssessment(const NewAssessment& added) {
  AddedAssessment ids;
  auto done = InWriteTransaction([&] { return InsertNewAssessment(added, ids); });
  if (!done) return Fail(done.error());
  return ids;
}

Result<std::int64_t> PgStore::AddPlan(const StoredPlan& plan, const SettingsList& settings) {
  std::int64_t id = 0;
  auto done = InWriteTransaction([&]() -> Result<void> {
    for (const auto& [key, value] : settings) {
      if (auto put = InsertSetting(key, value); !put) return put;
    }
    auto added = InsertPlan(plan);
    if (!added) return Fail(added.error());
    id = *added;
    return {};
  });
  if (!done) return Fail(done.error());
  return id;
}

Result<std::int64_t> PgStore::AddLogEntry(const LogEntry& entry) {
  std::int64_t id = 0;
  auto done = InWriteTransaction([&]() -> Result<void> {
    auto added = InsertLogEntry(entry);
    if (!added) return Fail(added.error());
    id = *added;
    return {};
  });
  if (!done) return Fail(done.error());
  return id;
}

Result<std::int64_t> PgStore::AddRunnerEntry(const LogEntry& entry,
                                             const std::optional<NewAssessment>& route_change) {
  std::int64_t id = 0;
  auto done = InWriteTransaction([&]() -> Result<void> {
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

Result<void> PgStore::InsertMark(const std::optional<ImportMark>& mark) {
  if (!mark) return {};
  auto added = db_->Query(
      "INSERT INTO import_progress(runner_id, import_key, entry) VALUES($1, $2, $3) "
      "ON CONFLICT DO NOTHING",
      {runner_, StorableText(mark->import_key), StorableText(mark->entry)});
  if (!added) return Fail(added.error());
  return {};
}

Result<std::int64_t> PgStore::AddImportedRun(const LogEntry& entry, const StoredActivity& activity,
                                             const std::optional<ImportMark>& mark) {
  std::int64_t id = 0;
  auto done = InWriteTransaction([&]() -> Result<void> {
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

Result<void> PgStore::AddActivityAlias(std::int64_t activity_id, const ActivityAlias& alias,
                                       const std::optional<ImportMark>& mark) {
  return InWriteTransaction([&]() -> Result<void> {
    if (auto added = InsertAlias(activity_id, alias); !added) return added;
    return InsertMark(mark);
  });
}

Result<void> PgStore::ReplaceActivity(std::int64_t log_id, const StoredActivity& richer,
                                      const std::optional<RunFigures>& figures,
                                      const std::optional<ImportMark>& mark) {
  return InWriteTransaction([&]() -> Result<void> {
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
    auto aliases =
        db_->Query("DELETE FROM activity_aliases WHERE runner_id = $1 AND activity_id = $2",
                   {runner_, old.id});
    if (!aliases) return Fail(aliases.error());
    auto removed =
        db_->Query("DELETE FROM activities WHERE runner_id = $1 AND id = $2", {runner_, old.id});
    if (!removed) return Fail(removed.error());
    if (auto inserted = InsertActivity(row); !inserted) return Fail(inserted.error());
    if (figures) {
      auto update = db_->Query(
          "UPDATE log SET distance_m = $3, duration_s = $4 WHERE runner_id = $1 AND id = $2",
          {runner_, log_id, figures->distance_m, figures->duration_s});
      if (!update) return Fail(update.error());
    }
    return InsertMark(mark);
  });
}

Result<void> PgStore::SetActivityTitle(std::int64_t log_id, std::string_view title,
                                       std::string_view description) {
  auto updated = db_->Query(
      "UPDATE activities SET title = $3, description = $4 WHERE runner_id = $1 AND log_id = $2",
      {runner_, log_id, StorableText(title), StorableText(description)});
  if (!updated) return Fail(updated.error());
  if (updated->Affected() == 0) {
    return Fail(Error::NotFound("run " + std::to_string(log_id) + " has no recording"));
  }
  return {};
}

Result<void> PgStore::MarkImported(const ImportMark& mark) { return InsertMark(mark); }

Result<std::vector<std::string>> PgStore::ImportedEntries(std::string_view import_key) {
  auto rows =
      db_->Query("SELECT entry FROM import_progress WHERE runner_id = $1 AND import_key = $2",
                 {runner_, StorableText(import_key)});
  if (!rows) return Fail(rows.error());
  std::vector<std::string> entries;
  for (int row = 0; row < rows->size(); ++row) entries.emplace_back(rows->Text(row, 0));
  return entries;
}

Result<void> PgStore::ForgetImport(std::string_view import_key) {
  auto deleted = db_->Query("DELETE FROM import_progress WHERE runner_id = $1 AND import_key = $2",
                            {runner_, StorableText(import_key)});
  if (!deleted) return Fail(deleted.error());
  return {};
}

Result<StoreContents> PgStore::Contents() {
  StoreContents contents;
  // One snapshot, so the backup is one moment of the store.
  auto done = InSnapshot([&]() -> Result<void> {
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
    auto activities = ActivityRows("l.deleted_at IS NULL", {runner_}, true, true);
    if (!activities) return Fail(activities.error());
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

Result<void> PgStore::Restore(const StoreContents& contents, bool replace) {
  return InWriteTransaction([&]() -> Result<void> {
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
      if (auto put = InsertSetting(key, value); !put) return put;
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
