// The one entry point of the fronts (the CLI and the server) into backstride: it owns the
// runner's store and a clock, and offers every use case with app's own types, so a front
// includes no store header and never decides what day it is (OSRM's Engine, for the same
// reason: a second store, the clinic's, then changes nothing in front of it).
//
// Every use case reads today from the clock at the call. An App is not thread-safe: a
// front that serves requests in parallel lets them take turns (server::Api holds a lock).
#ifndef BACKSTRIDE_APP_APP_H_
#define BACKSTRIDE_APP_APP_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/assess.h"
#include "app/calendar.h"
#include "app/clock.h"
#include "app/corrections.h"
#include "app/data_transfer.h"
#include "app/import.h"
#include "app/runs.h"
#include "app/training.h"
#include "base/date.h"
#include "base/result.h"
#include "core/log.h"

namespace backstride {

class Store;

class App {
 public:
  // Opens the runner's store at `database_path`, creating and migrating it when needed.
  // Fails with kIOError when the file cannot be opened, kCorruption when it is not a
  // backstride database, kUnsupported when a newer version wrote it.
  static Result<std::unique_ptr<App>> Open(const std::string& database_path,
                                           std::unique_ptr<Clock> clock);
  // An app over a store already open (tests; the clinic's stores later).
  App(std::unique_ptr<Store> store, std::unique_ptr<Clock> clock);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Date Today() const;
  const Clock& clock() const { return *clock_; }

  // Settings (training.h).
  Result<Settings> LoadSettings();
  Result<void> ChangeSetting(std::string_view name, std::string_view value);

  // Assessments and the plan (training.h).
  Result<SavedAssessment> SaveAssessment(const Assessment& assessment);
  Result<LatestAssessment> LoadLatestAssessment();
  // Fails with kNotFound before the first assessment or plan, and kFailedPrecondition
  // when the latest route has no plan (the message says why and what to do).
  Result<ActivePlan> LoadActivePlan();
  Result<ActivePlan> StartPlan(std::optional<Date> start, std::optional<int> runs_per_week);
  // The plan in force as an iCalendar file, in the runner's units.
  Result<std::string> PlanCalendar();

  // The log (training.h, corrections.h).
  Result<std::vector<LogEntry>> LoadLog(const LogFilter& filter);
  Result<LogOutcome> AddToLog(LogEntry entry);
  Result<LogOutcome> EditLogEntry(std::int64_t id, const LogEntryChanges& changes);
  Result<LogOutcome> DeleteLogEntry(std::int64_t id);
  Result<LogOutcome> UndoLastChange();
  Result<std::optional<std::string>> DescribeUndo();

  // Runs (runs.h).
  Result<std::vector<RunView>> ListRuns(std::optional<Date> from, std::optional<Date> to);
  Result<RunDetail> ShowRun(std::int64_t id, double split_m);
  Result<LogEntry> SetOnset(std::int64_t id, const OnsetSpec& onset);
  Result<LogOutcome> RateRun(std::optional<std::int64_t> id, Date date, int pain,
                             std::optional<int> pain_before);

  // Watch files (import.h). A file that gives no UTC offset takes the clock's.
  Result<ImportSummary> ImportFiles(FileSource& source, ImportOptions options);
  // Files, folders and exports on disk; one stream (an upload) named `name` (import.h).
  Result<ImportSummary> ImportPaths(const std::vector<std::string>& paths, ImportOptions options);
  Result<ImportSummary> ImportStream(const std::string& name, ByteStream& input,
                                     std::uint64_t size, ImportOptions options);

  // Backups (data_transfer.h).
  Result<std::string> ExportData();
  Result<DataImportSummary> ImportData(std::string_view json_text, bool replace);

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<Clock> clock_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_APP_APP_H_
