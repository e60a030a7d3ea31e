// The PostgreSQL store's log and its undo journal: entries, corrections, and putting back
// exactly what a correction changed. The same steps as sqlite_log.cc, each statement
// scoped to the runner.
#include "store/pg.h"
#include "store/pg_rows.h"
#include "store/pg_store.h"

namespace backstride {

using namespace pg;  // the row helpers of pg_rows.h

Result<std::int64_t> PgStore::InsertLogEntry(const LogEntry& e) {
  static const std::string sql = [] {
    std::string marks;
    for (std::size_t i = 0; i < kLogValueFields.size(); ++i) marks += ", $" + std::to_string(9 + i);
    return "INSERT INTO log(runner_id, " + LogColumns() + ") VALUES($1, COALESCE($2, " +
           NextId("log") + "), $3, $4, $5, $6, $7, COALESCE($8, " + std::string(kNow) + ")" +
           marks + ") RETURNING id";
  }();
  std::vector<Param> params{
      runner_,  OptionalId(e.id),     FormatDate(e.date), LogKindId(e.kind),
      e.run_id, StorableText(e.note), e.source,           OptionalText(e.created_at)};
  AppendLogValues(params, e);
  auto added = db_->Query(sql, params);
  if (!added) return Fail(added.error());
  return added->Int(0, 0);
}

namespace {

Result<std::vector<LogEntry>> ReadLog(const Rows& rows) {
  std::vector<LogEntry> log;
  log.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    auto entry = ReadLogRow(rows, row);
    if (!entry) return Fail(entry.error());
    log.push_back(std::move(*entry));
  }
  return log;
}

}  // namespace

Result<std::vector<LogEntry>> PgStore::Log(const LogFilter& filter) {
  // One statement, one round trip, however long the log (the plan reads all of it).
  static const std::string sql =
      "SELECT " + LogColumns() +
      " FROM log WHERE runner_id = $1 AND deleted_at IS NULL AND ($2::date IS NULL OR date >= "
      "$2::date) AND ($3::date IS NULL OR date <= $3::date) AND ($4::text IS NULL OR kind = "
      "$4::text) ORDER BY date, id";
  const auto day = [](const std::optional<Date>& date) {
    return date ? std::optional<std::string>(FormatDate(*date)) : std::nullopt;
  };
  auto rows = db_->Query(
      sql, {runner_, day(filter.from), day(filter.to),
            filter.kind ? std::optional<std::string_view>(LogKindId(*filter.kind)) : std::nullopt});
  if (!rows) return Fail(rows.error());
  return ReadLog(*rows);
}

Result<std::vector<LogEntry>> PgStore::LogRows(std::string_view where, std::int64_t id) {
  auto rows = db_->Query("SELECT " + LogColumns() + " FROM log WHERE runner_id = $1 AND " +
                             std::string(where) + " ORDER BY date, id",
                         {runner_, id});
  if (!rows) return Fail(rows.error());
  return ReadLog(*rows);
}

Result<LogEntry> PgStore::LogEntryById(std::int64_t id) {
  auto rows = LogRows("id = $2 AND deleted_at IS NULL", id);
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

Result<std::int64_t> PgStore::BeginChange(ChangeAction action, std::int64_t log_id) {
  auto added = db_->Query(
      "INSERT INTO changes(runner_id, id, action, log_id, created_at) "
      "VALUES($1, " +
          NextId("changes") + ", $2, $3, " + std::string(kNow) + ") RETURNING id",
      {runner_, ChangeActionId(action), log_id});
  if (!added) return Fail(added.error());
  const std::int64_t id = added->Int(0, 0);
  // The journal is short: nobody undoes a hundred changes, and it stays small.
  auto pruned = db_->Query("DELETE FROM changes WHERE runner_id = $1 AND id <= $2",
                           {runner_, id - kJournalSize});
  if (!pruned) return Fail(pruned.error());
  return id;
}

Result<void> PgStore::SaveBefore(std::int64_t change_id, std::int64_t log_id) {
  auto saved = db_->Query("INSERT INTO change_rows(runner_id, change_id, id, " + LogRowColumns() +
                              ") SELECT runner_id, $2, id, " + LogRowColumns() +
                              " FROM log WHERE runner_id = $1 AND id = $3",
                          {runner_, change_id, log_id});
  if (!saved) return Fail(saved.error());
  return {};
}

Result<LogEntry> PgStore::UpdateLogEntry(const LogEntry& e) {
  LogEntry before;
  auto done = InWriteTransaction([&]() -> Result<void> {
    auto found = LogEntryById(e.id);
    if (!found) return Fail(found.error());
    before = std::move(*found);
    auto change = BeginChange(ChangeAction::kEdit, e.id);
    if (!change) return Fail(change.error());
    if (auto saved = SaveBefore(*change, e.id); !saved) return saved;
    static const std::string sql = [] {
      std::string update = "UPDATE log SET date = $3, note = $4";
      int index = 5;
      for (const LogValueField& field : kLogValueFields) {
        update += ", " + std::string(field.name) + " = $" + std::to_string(index++);
      }
      return update + " WHERE runner_id = $1 AND id = $2";
    }();
    std::vector<Param> params{runner_, e.id, FormatDate(e.date), StorableText(e.note)};
    AppendLogValues(params, e);
    auto updated = db_->Query(sql, params);
    if (!updated) return Fail(updated.error());
    return {};
  });
  if (!done) return Fail(done.error());
  return before;
}

Result<LogChange> PgStore::DeleteLogEntry(std::int64_t id) {
  LogChange change;
  change.action = ChangeAction::kDelete;
  auto done = InWriteTransaction([&]() -> Result<void> {
    auto found = LogEntryById(id);
    if (!found) return Fail(found.error());
    change.entry = std::move(*found);
    auto mornings = LogRows("run_id = $2 AND kind = 'morning' AND deleted_at IS NULL", id);
    if (!mornings) return Fail(mornings.error());
    change.also = std::move(*mornings);
    auto change_id = BeginChange(ChangeAction::kDelete, id);
    if (!change_id) return Fail(change_id.error());
    change.id = *change_id;
    if (auto saved = SaveBefore(*change_id, id); !saved) return saved;
    for (const LogEntry& morning : change.also) {
      if (auto saved = SaveBefore(*change_id, morning.id); !saved) return saved;
    }
    auto retied = db_->Query(
        "UPDATE log SET kind = 'checkin', run_id = NULL WHERE runner_id = $1 AND run_id = $2 AND "
        "kind = 'morning' AND deleted_at IS NULL",
        {runner_, id});
    if (!retied) return Fail(retied.error());
    auto marked = db_->Query(
        "UPDATE log SET deleted_at = " + std::string(kNow) + " WHERE runner_id = $1 AND id = $2",
        {runner_, id});
    if (!marked) return Fail(marked.error());
    return {};
  });
  if (!done) return Fail(done.error());
  return change;
}

Result<std::optional<LogChange>> PgStore::LastChange() {
  std::optional<LogChange> last;
  // The change and the rows it kept, read in one moment.
  auto done = InSnapshot([&]() -> Result<void> {
    auto rows = db_->Query(
        "SELECT id, action, log_id, created_at FROM changes WHERE runner_id = $1 "
        "ORDER BY id DESC LIMIT 1",
        {runner_});
    if (!rows) return Fail(rows.error());
    if (rows->empty()) return {};
    LogChange change;
    change.id = rows->Int(0, 0);
    const auto action = ChangeActionFromId(rows->Text(0, 1));
    if (!action) return Fail(Error::Corruption("database: unknown change in the undo journal"));
    change.action = *action;
    const std::int64_t log_id = rows->Int(0, 2);
    change.created_at = rows->Text(0, 3);
    if (change.action == ChangeAction::kAdd) {
      auto added = LogRows("id = $2", log_id);
      if (!added) return Fail(added.error());
      if (added->empty()) return Fail(Error::Corruption("database: the undo journal is damaged"));
      change.entry = std::move(added->front());
      last = std::move(change);
      return {};
    }
    auto before = db_->Query("SELECT " + LogColumns() +
                                 " FROM change_rows WHERE runner_id = $1 AND change_id = $2 "
                                 "ORDER BY date, id",
                             {runner_, change.id});
    if (!before) return Fail(before.error());
    auto entries = ReadLog(*before);
    if (!entries) return Fail(entries.error());
    for (LogEntry& entry : *entries) {
      if (entry.id == log_id) {
        change.entry = std::move(entry);
      } else {
        change.also.push_back(std::move(entry));
      }
    }
    if (change.entry.id != log_id) {
      return Fail(Error::Corruption("database: the undo journal is damaged"));
    }
    last = std::move(change);
    return {};
  });
  if (!done) return Fail(done.error());
  return last;
}

Result<LogChange> PgStore::UndoLastChange() {
  LogChange undone;
  auto done = InWriteTransaction([&]() -> Result<void> {
    auto last = LastChange();
    if (!last) return Fail(last.error());
    if (!*last) return Fail(Error::NotFound("there is nothing to undo"));
    undone = std::move(**last);
    if (undone.action == ChangeAction::kAdd) {
      auto removed = db_->Query("DELETE FROM log WHERE runner_id = $1 AND id = $2",
                                {runner_, undone.entry.id});
      if (!removed) return Fail(removed.error());
    } else {
      const std::string& columns = LogRowColumns();
      auto restored = db_->Query(
          "UPDATE log SET (" + columns + ") = (SELECT " + columns +
              " FROM change_rows c WHERE c.runner_id = $1 AND c.change_id = $2 AND c.id = "
              "log.id) WHERE runner_id = $1 AND id IN (SELECT id FROM change_rows WHERE "
              "runner_id = $1 AND change_id = $2)",
          {runner_, undone.id});
      if (!restored) return Fail(restored.error());
    }
    auto popped =
        db_->Query("DELETE FROM changes WHERE runner_id = $1 AND id = $2", {runner_, undone.id});
    if (!popped) return Fail(popped.error());
    return {};
  });
  if (!done) return Fail(done.error());
  return undone;
}

}  // namespace backstride
