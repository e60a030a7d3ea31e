// The backstride command. Declares the command line (each command file registers its own
// commands), runs the command given, and turns every failure into a message and an exit
// code: 0 success, 2 bad input, 1 anything else.
#include <exception>
#include <iostream>

#include "base/memory.h"
#include "cli/assess_command.h"
#include "cli/clinic_commands.h"
#include "cli/command_registry.h"
#include "cli/context.h"
#include "cli/data_commands.h"
#include "cli/import_commands.h"
#include "cli/serve_command.h"
#include "cli/training_commands.h"

namespace {

using namespace backstride::cli;

constexpr char kDescription[] =
    "backstride helps runners with back pain keep running, or get back to it, safely.\n"
    "It screens for warning signs, works out your situation, explains why, gives advice,\n"
    "and turns it into a dated plan that adapts to every run and pain score.\n"
    "It is guidance, not a diagnosis.";

int Main(int argc, char** argv) {
  CommandRegistry registry({
      .name = "backstride",
      .description = kDescription,
      .version = "backstride " BACKSTRIDE_VERSION,
      .footer = "Run 'backstride COMMAND --help' for a command's options.",
  });
  Command app = registry.top();

  // --db and --today may come anywhere, before or after the command.
  GlobalOptions global;
  app.AddOption("--db", global.db_path,
                "The database file (default: $XDG_DATA_HOME/backstride/backstride.db).");
  app.AddOption("--today", global.today,
                "Act as if today were this date (YYYY-MM-DD), e.g. to log a past week.");

  // In the order --help lists them.
  RegisterAssessCommand(app, global);
  RegisterTrainingCommands(app, global);  // with the log's corrections and undo
  RegisterDataCommands(app, global);
  RegisterImportCommands(app, global);
  RegisterServeCommand(app, global);
  RegisterClinicCommands(app, global);

  return registry.Run(argc, argv);
}

}  // namespace

int main(int argc, char** argv) {
  backstride::KeepFreedMemoryForReuse();
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "backstride: unexpected error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "backstride: unexpected error\n";
  }
  return backstride::cli::kExitFailure;
}
