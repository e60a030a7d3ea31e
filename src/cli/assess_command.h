// `backstride assess`: screen, route, explain and advise.
#ifndef BACKSTRIDE_CLI_ASSESS_COMMAND_H_
#define BACKSTRIDE_CLI_ASSESS_COMMAND_H_

#include <functional>
#include <iosfwd>
#include <string>

#include "app/assess.h"
#include "base/result.h"
#include "cli/command_registry.h"

namespace backstride::cli {

enum class OutputFormat { kText, kJson, kMarkdown };

struct AssessOptions {
  std::string answers_path;       // a file, "-" for standard input, or empty to ask
  bool interactive = false;       // ask the questions even if input is not a terminal
  std::string save_answers_path;  // after asking, write the answers here (optional)
  OutputFormat format = OutputFormat::kText;
  // Called with each assessment that may be kept (MayBeStored) after it is shown;
  // returns a line for the runner ("Saved. ..."). Never called for a warning sign: a
  // run-through that stops at one stores nothing.
  std::function<Result<std::string>(const Assessment&)> save;
};

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Runs the command and returns its exit code. Results go to `out`; problems to `err`.
int RunAssess(const AssessOptions& options, std::istream& in, std::ostream& out, std::ostream& err,
              bool input_is_terminal);

struct GlobalOptions;  // cli/context.h

// Declares `assess` under `app`: it runs on the standard streams and, without --no-save,
// keeps the assessment in the store `global` names.
void RegisterAssessCommand(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_ASSESS_COMMAND_H_
