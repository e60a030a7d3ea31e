#include "app/app.h"

#include <utility>

#include "store/sqlite_store.h"

namespace backstride {

Result<std::unique_ptr<App>> App::Open(const std::string& database_path,
                                       std::unique_ptr<Clock> clock) {
  auto store = SqliteStore::Open(database_path);
  if (!store) return Fail(store.error());
  return std::make_unique<App>(std::move(*store), std::move(clock));
}

App::App(std::unique_ptr<Store> store, std::unique_ptr<Clock> clock)
    : store_(std::move(store)), clock_(std::move(clock)) {}

App::~App() = default;

Date App::Today() const { return clock_->Today(); }

Result<Settings> App::LoadSettings() { return backstride::LoadSettings(*store_); }

Result<void> App::ChangeSetting(std::string_view name, std::string_view value) {
  return backstride::ChangeSetting(*store_, name, value);
}

Result<SavedAssessment> App::SaveAssessment(const Assessment& assessment) {
  return backstride::SaveAssessment(*store_, assessment, Today());
}

Result<LatestAssessment> App::LoadLatestAssessment() {
  return backstride::LoadLatestAssessment(*store_);
}

Result<ActivePlan> App::LoadActivePlan() { return backstride::LoadActivePlan(*store_, Today()); }

Result<ActivePlan> App::StartPlan(std::optional<Date> start, std::optional<int> runs_per_week) {
  return backstride::StartPlan(*store_, Today(), start, runs_per_week);
}

Result<std::string> App::PlanCalendar() {
  auto active = LoadActivePlan();
  if (!active) return Fail(active.error());
  return PlanToIcs(*active, active->units, clock_->UtcStamp());
}

Result<std::vector<LogEntry>> App::LoadLog(const LogFilter& filter) {
  return backstride::LoadLog(*store_, filter);
}

Result<LogOutcome> App::AddToLog(LogEntry entry) {
  return backstride::AddToLog(*store_, std::move(entry), Today());
}

Result<LogOutcome> App::EditLogEntry(std::int64_t id, const LogEntryChanges& changes) {
  return backstride::EditLogEntry(*store_, id, changes, Today());
}

Result<LogOutcome> App::DeleteLogEntry(std::int64_t id) {
  return backstride::DeleteLogEntry(*store_, id, Today());
}

Result<LogOutcome> App::UndoLastChange() { return backstride::UndoLastChange(*store_, Today()); }

Result<std::optional<std::string>> App::DescribeUndo() {
  return backstride::DescribeUndo(*store_, Today());
}

Result<std::vector<RunView>> App::ListRuns(std::optional<Date> from, std::optional<Date> to) {
  return backstride::ListRuns(*store_, from, to, Today());
}

Result<RunDetail> App::ShowRun(std::int64_t id, double split_m) {
  return backstride::ShowRun(*store_, id, split_m, Today());
}

Result<LogEntry> App::SetOnset(std::int64_t id, const OnsetSpec& onset) {
  return backstride::SetOnset(*store_, id, onset);
}

Result<LogOutcome> App::RateRun(std::optional<std::int64_t> id, Date date, int pain,
                                std::optional<int> pain_before) {
  return backstride::RateRun(*store_, id, date, pain, pain_before, Today());
}

Result<ImportSummary> App::ImportFiles(FileSource& source, ImportOptions options) {
  if (!options.default_utc_offset_s) options.default_utc_offset_s = clock_->UtcOffsetSeconds();
  return backstride::ImportFiles(*store_, source, options);
}

Result<ImportSummary> App::ImportPaths(const std::vector<std::string>& paths,
                                       ImportOptions options) {
  if (!options.default_utc_offset_s) options.default_utc_offset_s = clock_->UtcOffsetSeconds();
  return backstride::ImportPaths(*store_, paths, options);
}

Result<ImportSummary> App::ImportStream(const std::string& name, ByteStream& input,
                                        std::uint64_t size, ImportOptions options) {
  if (!options.default_utc_offset_s) options.default_utc_offset_s = clock_->UtcOffsetSeconds();
  return backstride::ImportStream(*store_, name, input, size, options);
}

Result<std::string> App::ExportData() { return backstride::ExportData(*store_); }

Result<DataImportSummary> App::ImportData(std::string_view json_text, bool replace) {
  return backstride::ImportData(*store_, json_text, replace);
}

}  // namespace backstride
