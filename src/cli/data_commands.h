// `export` and `import-data`: the plan as a calendar, and all data as JSON.
#ifndef BACKSTRIDE_CLI_DATA_COMMANDS_H_
#define BACKSTRIDE_CLI_DATA_COMMANDS_H_

#include <iosfwd>
#include <string>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

struct ExportOptions {
  std::string ics_path;
  std::string json_path;
};

int RunExport(const GlobalOptions& global, const ExportOptions& options, std::ostream& out,
              std::ostream& err);
int RunImportData(const GlobalOptions& global, const std::string& path, bool replace,
                  std::ostream& out, std::ostream& err);

// Declares `export` and `import-data` under `app`; each runs on the standard streams.
void RegisterDataCommands(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_DATA_COMMANDS_H_
