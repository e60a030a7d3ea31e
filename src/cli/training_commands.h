// The commands over the stored data: plan, today, week, log, status, history, config.
// Each returns its exit code and writes results to `out`, problems to `err`.
#ifndef BACKSTRIDE_CLI_TRAINING_COMMANDS_H_
#define BACKSTRIDE_CLI_TRAINING_COMMANDS_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

struct PlanOptions {
  std::string start;  // YYYY-MM-DD; empty: today (when starting a new plan)
  std::optional<int> runs_per_week;
};
int RunPlan(const GlobalOptions& global, const PlanOptions& options, std::ostream& out,
            std::ostream& err);

int RunToday(const GlobalOptions& global, std::ostream& out, std::ostream& err);
int RunWeek(const GlobalOptions& global, bool next, std::ostream& out, std::ostream& err);
int RunStatus(const GlobalOptions& global, std::ostream& out, std::ostream& err);

struct LogOptions {
  std::string kind;  // run, morning, strength, sprint, mobility, treatment, checkin
  std::string date;  // empty: today
  std::string distance;
  std::string time;
  std::optional<int> pain;
  std::optional<int> pain_before;
  std::optional<int> reserve;  // strength, sprint: repetitions in reserve
  std::string onset;           // "1.6km" or "9min"
  bool done = false;
  bool skipped = false;
  std::string helped;  // yes | no | empty
  std::string note;
  std::optional<std::int64_t> run_id;  // log pain for this run already in the log
};
int RunLog(const GlobalOptions& global, const LogOptions& options, std::ostream& out,
           std::ostream& err);

struct HistoryOptions {
  std::string from;
  std::string to;
  std::string kind;
};
int RunHistory(const GlobalOptions& global, const HistoryOptions& options, std::ostream& out,
               std::ostream& err);

// `config` alone lists the settings; `config NAME VALUE` changes one.
int RunConfig(const GlobalOptions& global, const std::string& name, const std::string& value,
              std::ostream& out, std::ostream& err);

// Declares plan, today, week, status, log (with `log edit`, `log delete` and `undo` from
// correction_commands.h beside it), history and config under `app`; each runs on the
// standard streams.
void RegisterTrainingCommands(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_TRAINING_COMMANDS_H_
