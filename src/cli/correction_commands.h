// The commands that correct the log: `log edit ID`, `log delete ID` and `undo`. Each
// says what changed in the plan; each returns its exit code and writes results to `out`,
// problems to `err`.
#ifndef BACKSTRIDE_CLI_CORRECTION_COMMANDS_H_
#define BACKSTRIDE_CLI_CORRECTION_COMMANDS_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

// What `log edit` may change; options not given keep their value.
struct EditOptions {
  std::int64_t id = 0;  // as 'backstride history' shows it
  std::string date;
  std::string distance;  // in the runner's units unless it says
  std::string time;
  std::optional<int> pain;
  std::optional<int> pain_before;
  std::optional<int> reserve;  // strength, sprint: repetitions in reserve
  std::string onset;           // "1.6km" or "9min"
  bool done = false;
  bool skipped = false;
  std::string helped;  // yes | no | unsure (blank it)
  std::optional<std::string> note;
  bool no_before = false;   // blank the pain before
  bool no_onset = false;    // blank where the pain started
  bool no_reserve = false;  // blank the repetitions in reserve
};
int RunLogEdit(const GlobalOptions& global, const EditOptions& options, std::ostream& out,
               std::ostream& err);

int RunLogDelete(const GlobalOptions& global, std::int64_t id, std::ostream& out,
                 std::ostream& err);

int RunUndo(const GlobalOptions& global, std::ostream& out, std::ostream& err);

// Declares `log edit` and `log delete` under `log`, and `undo` under `app`; each runs on
// the standard streams.
void RegisterCorrectionCommands(Command app, Command log, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_CORRECTION_COMMANDS_H_
