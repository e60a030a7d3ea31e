// `backstride serve`: the local web app, until Ctrl+C. With --lan, a phone on the same
// network can open it too, once paired with a one-time code (server/pairing.h).
#ifndef BACKSTRIDE_CLI_SERVE_COMMAND_H_
#define BACKSTRIDE_CLI_SERVE_COMMAND_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace backstride::cli {

struct ServeCommandOptions {
  std::optional<std::string> host;  // not given: 127.0.0.1, this computer only
  int port = 8080;
  // Listen on every address of this computer, print the address a phone can open with a
  // pairing code and its QR code, and print a new code each time Enter is pressed.
  bool lan = false;
  // The clinic server instead (clinic_commands.h): its database (else
  // $BACKSTRIDE_DATABASE), HTTPS, the names it answers to, a proxy in front.
  std::optional<std::string> database;
  std::string certificate;
  std::string key;
  std::vector<std::string> hosts;
  bool trust_proxy = false;
  std::optional<std::size_t> threads;
  bool quiet = false;
};

// Serves until SIGINT or SIGTERM. `in` is read for Enter (a new pairing code) when the
// server is reachable from the network. Fails with kExitBadInput for a bad port or --lan
// with --host, and with 1 when it cannot listen or --lan finds no network address.
int RunServe(const GlobalOptions& global, const ServeCommandOptions& options, std::ostream& out,
             std::ostream& err);

// Declares `serve` under `app`; it runs on the standard streams.
void RegisterServeCommand(Command app, const GlobalOptions& global);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_SERVE_COMMAND_H_
