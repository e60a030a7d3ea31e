// The clinic server on the command line: `backstride clinic create` and `clinic
// add-therapist` (run on the server, they print a one-use link for the therapist to set a
// password), and `backstride serve --database` (the clinic server itself).
#ifndef BACKSTRIDE_CLI_CLINIC_COMMANDS_H_
#define BACKSTRIDE_CLI_CLINIC_COMMANDS_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

// The clinic's database: --database, else $BACKSTRIDE_DATABASE; empty when neither.
std::string ClinicDatabaseUrl(const std::optional<std::string>& given);

struct ClinicServeOptions {
  std::string database;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string certificate;  // HTTPS here: the certificate's PEM file
  std::string key;          // and its key's
  std::vector<std::string> hosts;  // the Host names accepted; empty: any
  bool trust_proxy = false;
  std::optional<std::size_t> threads;
  bool quiet = false;  // no line per request
};

// Serves the clinic until SIGINT or SIGTERM.
int RunClinicServe(const ClinicServeOptions& options, std::ostream& out, std::ostream& err);

// Declares `clinic` and its subcommands under `app`.
void RegisterClinicCommands(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_CLINIC_COMMANDS_H_
