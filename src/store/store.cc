#include "store/store.h"

#include <array>
#include <cstring>

#include "store/sqlite.h"

namespace backstride {
namespace {

// Forward migrations: kMigrations[i] takes the schema from version i to i + 1. Never edit
// a released step; add a new one.
constexpr std::array<std::string_view, 5> kMigrations = {
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
    // 3 -> 4: corrections. Deleted entries are marked, not removed (see store.h), and an
    // undo journal keeps each change with the rows it touched as they were before.
    R"sql(
      ALTER TABLE log ADD COLUMN deleted_at TEXT;
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete')),
        log_id INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE change_rows (
        change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        distance_m REAL,
        duration_s REAL,
        pain INTEGER,
        pain_before INTEGER,
        onset_m REAL,
        onset_s REAL,
        done INTEGER,
        helped INTEGER,
        run_id INTEGER,
        note TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (change_id, id)
      );
    )sql",
    // 4 -> 5: how hard a strength or sprint session felt (DESIGN 3.1b), as repetitions
    // left in reserve at the end of the hardest set; the undo journal keeps it too.
    R"sql(
      ALTER TABLE log ADD COLUMN reps_in_reserve INTEGER
        CHECK (reps_in_reserve IS NULL OR reps_in_reserve BETWEEN 0 AND 10);
      ALTER TABLE change_rows ADD COLUMN reps_in_reserve INTEGER;
    )sql",
};

// The log's columns in the order LogEntryRow reads them; change_rows has the same names.
constexpr std::string_view kLogColumns =
    "id, date, kind, distance_m, duration_s, pain, pain_before, onset_m, onset_s, done, helped, "
    "run_id, note, source, created_at, reps_in_reserve";
// Every column a change puts back on undo.
constexpr std::string_view kLogRowColumns =
    "date, kind, distance_m, duration_s, pain, pain_before, onset_m, onset_s, done, helped, "
    "run_id, note, source, created_at, deleted_at, reps_in_reserve";

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
  if (transaction_depth_ > 0) {
    // Joined: the outer transaction commits, or rolls back this work with its own.
    ++transaction_depth_;
    Result<void> result = work();
    --transaction_depth_;
    return result;
  }
  // IMMEDIATE takes the write lock up front, so two writers queue instead of failing
  // half-way through.
  if (auto begin = db_->Execute("BEGIN IMMEDIATE"); !begin) return begin;
  ++transaction_depth_;
  Result<void> result = work();
  --transaction_depth_;
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
      "onset_s, done, helped, run_id, note, source, created_at, reps_in_reserve) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, " +
      std::string(kNow) + "), ?)");
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
      .Bind(15, OptionalText(e.created_at))
      .Bind(16, ToInt(e.reps_in_reserve));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  return db_->LastInsertId();
}

namespace {

// Reads the rows of a SELECT of kLogColumns.
Result<std::vector<LogEntry>> ReadLog(sqlite::Statement& statement) {
  std::vector<LogEntry> log;
  auto small = [&](int column) -> std::optional<int> {
    if (statement.IsNull(column)) return std::nullopt;
    return static_cast<int>(statement.Int(column));
  };
  auto flag = [&](int column) -> std::optional<bool> {
    if (statement.IsNull(column)) return std::nullopt;
    return statement.Int(column) != 0;
  };
  while (true) {
    auto row = statement.Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    LogEntry entry;
    entry.id = statement.Int(0);
    auto date = DateColumn(statement, 1);
    if (!date) return Fail(date.error());
    entry.date = *date;
    auto kind = LogKindFromId(statement.Text(2));
    if (!kind) return Fail(Error::Corruption("database: unknown log kind"));
    entry.kind = *kind;
    entry.distance_m = statement.OptionalReal(3);
    entry.duration_s = statement.OptionalReal(4);
    entry.pain = small(5);
    entry.pain_before = small(6);
    entry.onset_m = statement.OptionalReal(7);
    entry.onset_s = statement.OptionalReal(8);
    entry.done = flag(9);
    entry.helped = flag(10);
    entry.run_id = statement.OptionalInt(11);
    entry.note = statement.Text(12);
    entry.source = statement.Text(13);
    entry.created_at = statement.Text(14);
    entry.reps_in_reserve = small(15);
    log.push_back(std::move(entry));
  }
  return log;
}

}  // namespace

Result<std::vector<LogEntry>> Store::Log(const LogFilter& filter) {
  auto statement = db_->Prepare(
      "SELECT " + std::string(kLogColumns) +
      " FROM log WHERE deleted_at IS NULL AND (?1 IS NULL OR date >= ?1) AND "
      "(?2 IS NULL OR date <= ?2) AND (?3 IS NULL OR kind = ?3) ORDER BY date, id");
  if (!statement) return Fail(statement.error());
  const std::string from = filter.from ? FormatDate(*filter.from) : "";
  const std::string to = filter.to ? FormatDate(*filter.to) : "";
  statement->Bind(1, OptionalText(from)).Bind(2, OptionalText(to));
  statement->Bind(
      3, filter.kind ? std::optional<std::string_view>(LogKindId(*filter.kind)) : std::nullopt);
  return ReadLog(*statement);
}

Result<std::vector<LogEntry>> Store::LogRows(std::string_view where, std::int64_t id) {
  auto statement = db_->Prepare("SELECT " + std::string(kLogColumns) + " FROM log WHERE " +
                                std::string(where) + " ORDER BY date, id");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(id));
  return ReadLog(*statement);
}

Result<LogEntry> Store::LogEntryById(std::int64_t id) {
  auto rows = LogRows("id = ?1 AND deleted_at IS NULL", id);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) {
    return Fail(Error::NotFound("there is no log entry " + std::to_string(id)));
  }
  return rows->front();
}

namespace {

std::string_view ChangeActionId(ChangeAction action) {
  switch (action) {
    case ChangeAction::kAdd:
      return "add";
    case ChangeAction::kEdit:
      return "edit";
    case ChangeAction::kDelete:
      return "delete";
  }
  return "add";
}

std::optional<ChangeAction> ChangeActionFromId(std::string_view id) {
  for (ChangeAction action : {ChangeAction::kAdd, ChangeAction::kEdit, ChangeAction::kDelete}) {
    if (ChangeActionId(action) == id) return action;
  }
  return std::nullopt;
}

}  // namespace

Result<std::int64_t> Store::BeginChange(ChangeAction action, std::int64_t log_id) {
  auto statement = db_->Prepare("INSERT INTO changes(action, log_id, created_at) VALUES(?, ?, " +
                                std::string(kNow) + ")");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, ChangeActionId(action)).Bind(2, std::optional<std::int64_t>(log_id));
  if (auto run = statement->Run(); !run) return Fail(run.error());
  const std::int64_t id = db_->LastInsertId();
  // The journal is short: nobody undoes a hundred changes, and it stays small.
  auto prune = db_->Prepare("DELETE FROM changes WHERE id <= ?");
  if (!prune) return Fail(prune.error());
  prune->Bind(1, std::optional<std::int64_t>(id - kJournalSize));
  if (auto run = prune->Run(); !run) return Fail(run.error());
  return id;
}

Result<void> Store::SaveBefore(std::int64_t change_id, std::int64_t log_id) {
  auto statement = db_->Prepare("INSERT INTO change_rows(change_id, id, " +
                                std::string(kLogRowColumns) + ") SELECT ?, id, " +
                                std::string(kLogRowColumns) + " FROM log WHERE id = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(change_id))
      .Bind(2, std::optional<std::int64_t>(log_id));
  return statement->Run();
}

Result<void> Store::RecordAdd(std::int64_t log_id) {
  return InTransaction([&]() -> Result<void> {
    auto change = BeginChange(ChangeAction::kAdd, log_id);
    if (!change) return Fail(change.error());
    return {};
  });
}

Result<LogEntry> Store::UpdateLogEntry(const LogEntry& e) {
  LogEntry before;
  auto done = InTransaction([&]() -> Result<void> {
    auto found = LogEntryById(e.id);
    if (!found) return Fail(found.error());
    before = std::move(*found);
    auto change = BeginChange(ChangeAction::kEdit, e.id);
    if (!change) return Fail(change.error());
    if (auto saved = SaveBefore(*change, e.id); !saved) return saved;
    auto statement = db_->Prepare(
        "UPDATE log SET date = ?, distance_m = ?, duration_s = ?, pain = ?, pain_before = ?, "
        "onset_m = ?, onset_s = ?, done = ?, helped = ?, note = ?, reps_in_reserve = ? "
        "WHERE id = ?");
    if (!statement) return Fail(statement.error());
    const std::string date = FormatDate(e.date);
    statement->Bind(1, std::string_view(date))
        .Bind(2, e.distance_m)
        .Bind(3, e.duration_s)
        .Bind(4, ToInt(e.pain))
        .Bind(5, ToInt(e.pain_before))
        .Bind(6, e.onset_m)
        .Bind(7, e.onset_s)
        .Bind(8, ToInt(e.done))
        .Bind(9, ToInt(e.helped))
        .Bind(10, std::string_view(e.note))
        .Bind(11, ToInt(e.reps_in_reserve))
        .Bind(12, std::optional<std::int64_t>(e.id));
    return statement->Run();
  });
  if (!done) return Fail(done.error());
  return before;
}

Result<LogChange> Store::DeleteLogEntry(std::int64_t id) {
  LogChange change;
  change.action = ChangeAction::kDelete;
  auto done = InTransaction([&]() -> Result<void> {
    auto found = LogEntryById(id);
    if (!found) return Fail(found.error());
    change.entry = std::move(*found);
    auto mornings = LogRows("run_id = ?1 AND kind = 'morning' AND deleted_at IS NULL", id);
    if (!mornings) return Fail(mornings.error());
    change.also = std::move(*mornings);
    auto change_id = BeginChange(ChangeAction::kDelete, id);
    if (!change_id) return Fail(change_id.error());
    change.id = *change_id;
    if (auto saved = SaveBefore(*change_id, id); !saved) return saved;
    for (const LogEntry& morning : change.also) {
      if (auto saved = SaveBefore(*change_id, morning.id); !saved) return saved;
    }
    auto retie = db_->Prepare(
        "UPDATE log SET kind = 'checkin', run_id = NULL WHERE run_id = ? AND kind = 'morning' "
        "AND deleted_at IS NULL");
    if (!retie) return Fail(retie.error());
    retie->Bind(1, std::optional<std::int64_t>(id));
    if (auto run = retie->Run(); !run) return run;
    auto mark = db_->Prepare("UPDATE log SET deleted_at = " + std::string(kNow) + " WHERE id = ?");
    if (!mark) return Fail(mark.error());
    mark->Bind(1, std::optional<std::int64_t>(id));
    return mark->Run();
  });
  if (!done) return Fail(done.error());
  return change;
}

Result<std::optional<LogChange>> Store::LastChange() {
  auto statement =
      db_->Prepare("SELECT id, action, log_id, created_at FROM changes ORDER BY id DESC LIMIT 1");
  if (!statement) return Fail(statement.error());
  auto row = statement->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<LogChange>();
  LogChange change;
  change.id = statement->Int(0);
  const auto action = ChangeActionFromId(statement->Text(1));
  if (!action) return Fail(Error::Corruption("database: unknown change in the undo journal"));
  change.action = *action;
  const std::int64_t log_id = statement->Int(2);
  change.created_at = statement->Text(3);
  if (change.action == ChangeAction::kAdd) {
    auto added = LogRows("id = ?1", log_id);
    if (!added) return Fail(added.error());
    if (added->empty()) return Fail(Error::Corruption("database: the undo journal is damaged"));
    change.entry = std::move(added->front());
    return std::optional<LogChange>(std::move(change));
  }
  auto before = db_->Prepare("SELECT " + std::string(kLogColumns) +
                             " FROM change_rows WHERE change_id = ? ORDER BY date, id");
  if (!before) return Fail(before.error());
  before->Bind(1, std::optional<std::int64_t>(change.id));
  auto rows = ReadLog(*before);
  if (!rows) return Fail(rows.error());
  for (LogEntry& entry : *rows) {
    if (entry.id == log_id) {
      change.entry = std::move(entry);
    } else {
      change.also.push_back(std::move(entry));
    }
  }
  if (change.entry.id != log_id) {
    return Fail(Error::Corruption("database: the undo journal is damaged"));
  }
  return std::optional<LogChange>(std::move(change));
}

Result<LogChange> Store::UndoLastChange() {
  LogChange undone;
  auto done = InTransaction([&]() -> Result<void> {
    auto last = LastChange();
    if (!last) return Fail(last.error());
    if (!*last) return Fail(Error::NotFound("there is nothing to undo"));
    undone = std::move(**last);
    if (undone.action == ChangeAction::kAdd) {
      auto remove = db_->Prepare("DELETE FROM log WHERE id = ?");
      if (!remove) return Fail(remove.error());
      remove->Bind(1, std::optional<std::int64_t>(undone.entry.id));
      if (auto run = remove->Run(); !run) return run;
    } else {
      const std::string columns(kLogRowColumns);
      auto restore = db_->Prepare("UPDATE log SET (" + columns + ") = (SELECT " + columns +
                                  " FROM change_rows WHERE change_id = ?1 AND change_rows.id = "
                                  "log.id) WHERE id IN (SELECT id FROM change_rows WHERE "
                                  "change_id = ?1)");
      if (!restore) return Fail(restore.error());
      restore->Bind(1, std::optional<std::int64_t>(undone.id));
      if (auto run = restore->Run(); !run) return run;
    }
    auto pop = db_->Prepare("DELETE FROM changes WHERE id = ?");
    if (!pop) return Fail(pop.error());
    pop->Bind(1, std::optional<std::int64_t>(undone.id));
    return pop->Run();
  });
  if (!done) return Fail(done.error());
  return undone;
}

namespace {

constexpr std::string_view kActivityColumns =
    "id, log_id, file, format, sport, start_utc, utc_offset_s, indoor, distance_m, elapsed_s, "
    "timer_s, moving_s, points, avg_hr_bpm, avg_cadence_spm, elevation_gain_m, laps, created_at, "
    "EXISTS(SELECT 1 FROM log WHERE log.id = activities.log_id AND log.deleted_at IS NOT NULL)";
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
    if (tracks) activity.track = TrackFromBlob(statement.Text(19));
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
                                (with_tracks ? ", track" : "") + " FROM activities WHERE " +
                                std::string(kActivityInForce) + " ORDER BY id");
  if (!statement) return Fail(statement.error());
  return ReadActivities(*statement, with_tracks);
}

Result<std::optional<StoredActivity>> Store::ActivityForRun(std::int64_t log_id) {
  auto statement = db_->Prepare("SELECT " + std::string(kActivityColumns) +
                                ", track FROM activities WHERE log_id = ? AND " +
                                std::string(kActivityInForce));
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
      "'run' AND deleted_at IS NULL");
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
      db_->Prepare(
      "UPDATE log SET onset_m = ?, onset_s = ? WHERE id = ? AND kind = 'run' AND deleted_at IS NULL");
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
      "DELETE FROM change_rows; DELETE FROM changes; "
      "DELETE FROM activities; DELETE FROM log WHERE kind = 'morning'; DELETE FROM log; "
      "DELETE FROM plans; "
      "DELETE FROM assessments; DELETE FROM settings;");
}

}  // namespace backstride
