// `backstride serve`: the local web app, until Ctrl+C.
#ifndef BACKSTRIDE_CLI_SERVE_COMMAND_H_
#define BACKSTRIDE_CLI_SERVE_COMMAND_H_

#include <iosfwd>
#include <string>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

struct ServeCommandOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
};

int RunServe(const GlobalOptions& global, const ServeCommandOptions& options, std::ostream& out,
             std::ostream& err);

// Declares `serve` under `app`; it runs on the standard streams.
void RegisterServeCommand(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_SERVE_COMMAND_H_
