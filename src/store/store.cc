#include "store/store.h"

#include <array>
#include <cstring>

#include "store/sqlite.h"

namespace backstride {
namespace {

// Forward migrations: kMigrations[i] takes the schema from version i to i + 1. Never edit
// a released step; add a new one.
constexpr std::array<std::string_view, 3> kMigrations = {
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
};

constexpr std::string_view kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

std::optional<std::int64_t> OptionalId(std::int64_t id) {
  return id != 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

std::optional<std::int64_t> ToInt(std::optional<int> value) {
  if (!value) return std::nullopt;
  return *value;
}

std::optional<std::int64_t> ToInt(std::optional<bool> value) {
  if (!value) return std::nullopt;
  return *value ? 1 : 0;
}

std::optional<std::string_view> OptionalText(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::string_view(text);
}

Result<Date> DateColumn(const sqlite::Statement& row, int column) {
  auto date = ParseDate(row.Text(column));
  if (!date) return Fail(Error::Corruption("database: a stored date is damaged"));
  return *date;
}

}  // namespace

Store::Store(std::unique_ptr<sqlite::Database> db) : db_(std::move(db)) {}
Store::~Store() = default;

int Store::LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto db = sqlite::Database::Open(path);
  if (!db) return Fail(db.error());
  auto store =
      std::unique_ptr<Store>(new Store(std::make_unique<sqlite::Database>(std::move(*db))));
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

Result<int> Store::SchemaVersion() {
  auto statement = db_->Prepare("PRAGMA user_version");
  if (!statement) return Fail(statement.error());
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  return static_cast<int>(statement->Int(0));
}

Result<void> Store::Migrate(int target) {
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
      if (auto run = db_->Execute(std::string(kMigrations[static_cast<std::size_t>(step)])); !run) {
        return run;
      }
      return db_->Execute("PRAGMA user_version = " + std::to_string(step + 1));
    });
    if (!done) return done;
  }
  return {};
}

Result<void> Store::InTransaction(const std::function<Result<void>()>& work) {
  // IMMEDIATE takes the write lock up front, so two writers queue instead of failing
  // half-way through.
  if (auto begin = db_->Execute("BEGIN IMMEDIATE"); !begin) return begin;
  Result<void> result = work();
  if (result) {
    if (auto commit = db_->Execute("COMMIT"); !commit) result = commit;
  }
  if (!result) (void)db_->Execute("ROLLBACK");
  return result;
}

Result<std::optional<std::string>> Store::Setting(std::string_view key) {
  auto statement = db_->Prepare("SELECT value FROM settings WHERE key = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, key);
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(statement->Text(0));
}

Result<void> Store::PutSetting(std::string_view key, std::string_view value) {
  auto statement = db_->Prepare(
      "INSERT INTO settings(key, value) VALUES(?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, key).Bind(2, value);
  return statement->Run();
}

Result<std::vector<std::pair<std::string, std::string>>> Store::Settings() {
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

Result<std::int64_t> Store::AddAssessment(const StoredAssessment& a) {
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

Result<std::vector<StoredAssessment>> Store::Assessments() {
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

Result<std::int64_t> Store::AddPlan(const StoredPlan& plan) {
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

Result<std::vector<StoredPlan>> Store::Plans() {
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

Result<std::int64_t> Store::AddLogEntry(const LogEntry& e) {
  auto statement = db_->Prepare(
      "INSERT INTO log(id, date, kind, distance_m, duration_s, pain, pain_before, onset_m, "
      "onset_s, done, helped, run_id, note, source, created_at) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, " +
      std::string(kNow) + "))");
  if (!statement) return Fail(statement.error());
  const std::string date = FormatDate(e.date);
  statement->Bind(1, OptionalId(e.id))
      .Bind(2, std::string_view(date))
      .Bind(3, LogKindId(e.kind))
      .Bind(4, e.distance_m)
      .Bind(5, e.duration_s)
      .Bind(6, ToInt(e.pain))
      .Bind(7, ToInt(e.pain_before))
      .Bind(8, e.onset_m)
      .Bind(9, e.onset_s)
      .Bind(10, ToInt(e.done))
      .Bind(11, ToInt(e.helped))
      .Bind(12, e.run_id)
      .Bind(13, std::string_view(e.note))
      .Bind(14, std::string_view(e.source))
      .Bind(15, OptionalText(e.created_at));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  return db_->LastInsertId();
}

Result<std::vector<LogEntry>> Store::Log(const LogFilter& filter) {
  auto statement = db_->Prepare(
      "SELECT id, date, kind, distance_m, duration_s, pain, pain_before, onset_m, onset_s, "
      "done, helped, run_id, note, source, created_at FROM log "
      "WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) "
      "AND (?3 IS NULL OR kind = ?3) ORDER BY date, id");
  if (!statement) return Fail(statement.error());
  const std::string from = filter.from ? FormatDate(*filter.from) : "";
  const std::string to = filter.to ? FormatDate(*filter.to) : "";
  statement->Bind(1, OptionalText(from)).Bind(2, OptionalText(to));
  statement->Bind(
      3, filter.kind ? std::optional<std::string_view>(LogKindId(*filter.kind)) : std::nullopt);
  std::vector<LogEntry> log;
  auto small = [&](int column) -> std::optional<int> {
    if (statement->IsNull(column)) return std::nullopt;
    return static_cast<int>(statement->Int(column));
  };
  auto flag = [&](int column) -> std::optional<bool> {
    if (statement->IsNull(column)) return std::nullopt;
    return statement->Int(column) != 0;
  };
  while (true) {
    auto row = statement->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    LogEntry entry;
    entry.id = statement->Int(0);
    auto date = DateColumn(*statement, 1);
    if (!date) return Fail(date.error());
    entry.date = *date;
    auto kind = LogKindFromId(statement->Text(2));
    if (!kind) return Fail(Error::Corruption("database: unknown log kind"));
    entry.kind = *kind;
    entry.distance_m = statement->OptionalReal(3);
    entry.duration_s = statement->OptionalReal(4);
    entry.pain = small(5);
    entry.pain_before = small(6);
    entry.onset_m = statement->OptionalReal(7);
    entry.onset_s = statement->OptionalReal(8);
    entry.done = flag(9);
    entry.helped = flag(10);
    entry.run_id = statement->OptionalInt(11);
    entry.note = statement->Text(12);
    entry.source = statement->Text(13);
    entry.created_at = statement->Text(14);
    log.push_back(std::move(entry));
  }
  return log;
}

namespace {

constexpr std::string_view kActivityColumns =
    "id, log_id, file, format, sport, start_utc, utc_offset_s, indoor, distance_m, elapsed_s, "
    "timer_s, moving_s, points, avg_hr_bpm, avg_cadence_spm, elevation_gain_m, laps, created_at";

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
  return a;
}

std::vector<float> TrackFromBlob(const std::string& blob) {
  std::vector<float> track(blob.size() / sizeof(float));
  std::memcpy(track.data(), blob.data(), track.size() * sizeof(float));
  return track;
}

Result<std::vector<StoredActivity>> ReadActivities(sqlite::Statement& statement, bool tracks) {
  std::vector<StoredActivity> activities;
  while (true) {
    auto row = statement.Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    StoredActivity activity = ActivityRow(statement);
    if (tracks) activity.track = TrackFromBlob(statement.Text(18));
    activities.push_back(std::move(activity));
  }
  return activities;
}

}  // namespace

Result<std::int64_t> Store::AddActivity(const StoredActivity& a) {
  auto statement = db_->Prepare(
      "INSERT INTO activities(id, log_id, file, format, sport, start_utc, utc_offset_s, indoor, "
      "distance_m, elapsed_s, timer_s, moving_s, points, avg_hr_bpm, avg_cadence_spm, "
      "elevation_gain_m, laps, track, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, COALESCE(?, " +
      std::string(kNow) + "))");
  if (!statement) return Fail(statement.error());
  const std::string_view track(reinterpret_cast<const char*>(a.track.data()),
                               a.track.size() * sizeof(float));
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
      .BindBlob(18, track)
      .Bind(19, OptionalText(a.created_at));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  return db_->LastInsertId();
}

Result<std::vector<StoredActivity>> Store::ActivitiesStartingBetween(double from_utc,
                                                                     double to_utc) {
  auto statement = db_->Prepare("SELECT " + std::string(kActivityColumns) +
                                " FROM activities WHERE start_utc BETWEEN ? AND ? ORDER BY id");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<double>(from_utc)).Bind(2, std::optional<double>(to_utc));
  return ReadActivities(*statement, false);
}

Result<std::vector<StoredActivity>> Store::Activities(bool with_tracks) {
  auto statement = db_->Prepare("SELECT " + std::string(kActivityColumns) +
                                (with_tracks ? ", track" : "") + " FROM activities ORDER BY id");
  if (!statement) return Fail(statement.error());
  return ReadActivities(*statement, with_tracks);
}

Result<std::optional<StoredActivity>> Store::ActivityForRun(std::int64_t log_id) {
  auto statement = db_->Prepare("SELECT " + std::string(kActivityColumns) +
                                ", track FROM activities WHERE log_id = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(log_id));
  auto found = ReadActivities(*statement, true);
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<StoredActivity>();
  return std::optional<StoredActivity>(std::move(found->front()));
}

Result<void> Store::SetRunPain(std::int64_t log_id, int pain, std::optional<int> pain_before) {
  auto statement = db_->Prepare(
      "UPDATE log SET pain = ?, pain_before = COALESCE(?, pain_before) WHERE id = ? AND kind = "
      "'run'");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(pain))
      .Bind(2, ToInt(pain_before))
      .Bind(3, std::optional<std::int64_t>(log_id));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  if (db_->Changes() == 0) return Fail(Error::NotFound("no run " + std::to_string(log_id)));
  return {};
}

Result<void> Store::SetRunOnset(std::int64_t log_id, std::optional<double> onset_m,
                                std::optional<double> onset_s) {
  auto statement =
      db_->Prepare("UPDATE log SET onset_m = ?, onset_s = ? WHERE id = ? AND kind = 'run'");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, onset_m).Bind(2, onset_s).Bind(3, std::optional<std::int64_t>(log_id));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  if (db_->Changes() == 0) return Fail(Error::NotFound("no run " + std::to_string(log_id)));
  return {};
}

Result<void> Store::CheckIntegrity() {
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

Result<bool> Store::IsEmpty() {
  auto statement = db_->Prepare(
      "SELECT (SELECT COUNT(*) FROM settings) + (SELECT COUNT(*) FROM assessments) + "
      "(SELECT COUNT(*) FROM plans) + (SELECT COUNT(*) FROM log) + "
      "(SELECT COUNT(*) FROM activities)");
  if (!statement) return Fail(statement.error());
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  return statement->Int(0) == 0;
}

Result<void> Store::Clear() {
  return db_->Execute(
      "DELETE FROM activities; DELETE FROM log WHERE kind = 'morning'; DELETE FROM log; "
      "DELETE FROM plans; "
      "DELETE FROM assessments; DELETE FROM settings;");
}

}  // namespace backstride
