// The SQLite store's log and its undo journal: entries, corrections, and putting back
// exactly what a correction changed.
#include <cstring>

#include "store/sqlite.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_store.h"

namespace backstride {

using namespace sqlite;  // the row helpers of sqlite_rows.h

Result<std::int64_t> SqliteStore::InsertLogEntry(const LogEntry& e) {
  static const std::string sql = [] {
    std::string marks;
    for (std::size_t i = 0; i < kLogValueFields.size(); ++i) marks += ", ?";
    return "INSERT INTO log(" + LogColumns() + ") VALUES(?, ?, ?, ?, ?, ?, COALESCE(?, " +
           std::string(kNow) + ")" + marks + ")";
  }();
  auto statement = db_->Prepare(sql);
  if (!statement) return Fail(statement.error());
  const std::string date = FormatDate(e.date);
  statement->Bind(1, OptionalId(e.id))
      .Bind(2, std::string_view(date))
      .Bind(3, LogKindId(e.kind))
      .Bind(4, e.run_id)
      .Bind(5, std::string_view(e.note))
      .Bind(6, std::string_view(e.source))
      .Bind(7, OptionalText(e.created_at));
  BindLogValues(*statement, 8, e);
  if (auto run = statement->Run(); !run) return Fail(run.error());
  return db_->LastInsertId();
}

namespace {

// Reads the rows of a SELECT of LogColumns().
Result<std::vector<LogEntry>> ReadLog(sqlite::Statement& statement) {
  std::vector<LogEntry> log;
  while (true) {
    auto row = statement.Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto entry = ReadLogRow(statement);
    if (!entry) return Fail(entry.error());
    log.push_back(std::move(*entry));
  }
  return log;
}

}  // namespace

Result<std::vector<LogEntry>> SqliteStore::Log(const LogFilter& filter) {
  auto statement =
      db_->Prepare("SELECT " + LogColumns() +
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

Result<std::vector<LogEntry>> SqliteStore::LogRows(std::string_view where, std::int64_t id) {
  auto statement = db_->Prepare("SELECT " + LogColumns() + " FROM log WHERE " + std::string(where) +
                                " ORDER BY date, id");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(id));
  return ReadLog(*statement);
}

Result<LogEntry> SqliteStore::LogEntryById(std::int64_t id) {
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

Result<std::int64_t> SqliteStore::BeginChange(ChangeAction action, std::int64_t log_id) {
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

Result<void> SqliteStore::SaveBefore(std::int64_t change_id, std::int64_t log_id) {
  auto statement = db_->Prepare("INSERT INTO change_rows(change_id, id, " + LogRowColumns() +
                                ") SELECT ?, id, " + LogRowColumns() + " FROM log WHERE id = ?");
  if (!statement) return Fail(statement.error());
  statement->Bind(1, std::optional<std::int64_t>(change_id))
      .Bind(2, std::optional<std::int64_t>(log_id));
  return statement->Run();
}

Result<LogEntry> SqliteStore::UpdateLogEntry(const LogEntry& e) {
  LogEntry before;
  auto done = InTransaction([&]() -> Result<void> {
    auto found = LogEntryById(e.id);
    if (!found) return Fail(found.error());
    before = std::move(*found);
    auto change = BeginChange(ChangeAction::kEdit, e.id);
    if (!change) return Fail(change.error());
    if (auto saved = SaveBefore(*change, e.id); !saved) return saved;
    auto statement = db_->Prepare("UPDATE log SET date = ?, note = ?, " + LogValueAssignments() +
                                  " WHERE id = ?");
    if (!statement) return Fail(statement.error());
    const std::string date = FormatDate(e.date);
    statement->Bind(1, std::string_view(date)).Bind(2, std::string_view(e.note));
    BindLogValues(*statement, 3, e);
    const int id_index = 3 + static_cast<int>(kLogValueFields.size());
    statement->Bind(id_index, std::optional<std::int64_t>(e.id));
    return statement->Run();
  });
  if (!done) return Fail(done.error());
  return before;
}

Result<LogChange> SqliteStore::DeleteLogEntry(std::int64_t id) {
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

Result<std::optional<LogChange>> SqliteStore::LastChange() {
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
  auto before = db_->Prepare("SELECT " + LogColumns() +
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

Result<LogChange> SqliteStore::UndoLastChange() {
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
      const std::string& columns = LogRowColumns();
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

}  // namespace backstride
