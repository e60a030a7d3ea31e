// `import`, `runs`, `run show` and `run onset`: runs from watch files, and every run.
#ifndef BACKSTRIDE_CLI_IMPORT_COMMANDS_H_
#define BACKSTRIDE_CLI_IMPORT_COMMANDS_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

// Exit code when some files failed to import (the rest are stored).
inline constexpr int kExitSomeFailed = 3;

struct ImportCommandOptions {
  std::vector<std::string> paths;
  bool dry_run = false;
  bool json = false;
  bool onset_lap = false;  // this import only; `config onset-lap on` makes it standing
};
int RunImport(const GlobalOptions& global, const ImportCommandOptions& options, std::ostream& out,
              std::ostream& err, bool progress_to_terminal);

int RunRuns(const GlobalOptions& global, const std::string& from, const std::string& to, bool json,
            std::ostream& out, std::ostream& err);
int RunShow(const GlobalOptions& global, std::int64_t id, std::ostream& out, std::ostream& err);

struct OnsetOptions {
  std::optional<std::size_t> lap;
  std::string km;   // a distance, in the runner's units unless it says km/mi/m
  std::string min;  // minutes, or mm:ss
};
int RunOnset(const GlobalOptions& global, std::int64_t id, const OnsetOptions& options,
             std::ostream& out, std::ostream& err);

// Declares `import`, `runs` and `run` (`run show`, `run onset`) under `app`; each runs on
// the standard streams.
void RegisterImportCommands(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_IMPORT_COMMANDS_H_
