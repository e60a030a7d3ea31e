#include "cli/serve_command.h"

#include <pthread.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <ostream>
#include <thread>

#include "cli/assess_command.h"
#include "server/api.h"
#include "server/server.h"

namespace backstride::cli {

int RunServe(const GlobalOptions& global, const ServeCommandOptions& options, std::ostream& out,
             std::ostream& err) {
  if (options.port < 0 || options.port > 65535) {
    return ReportFailure(
        err, Error::InvalidArgument("--port: must be 0-65535, got " + std::to_string(options.port),
                                    "--port"));
  }
  auto app = OpenApp(global);
  if (!app) return ReportFailure(err, app.error());

  // Ctrl+C and SIGTERM are taken by one thread that stops the server, so requests in
  // flight finish and the store closes cleanly. Blocked before any thread starts, so
  // every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::Api api(std::move(*app));
  server::ServeOptions serve;
  serve.host = options.host;
  serve.port = options.port;
  server::WebServer web(api, serve);
  auto port = web.Bind();
  if (!port) return ReportFailure(err, port.error());

  const std::string host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  out << "backstride is running at http://" << host << ":" << *port << "/\n"
      << "Open it in your browser. Press Ctrl+C to stop.\n";
  if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1") {
    out << "Note: other machines on your network can reach this address, and your data with it.\n";
  }
  out.flush();

  std::thread stopper([&web, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    web.Stop();
  });
  web.Run();
  // The server stopped by itself (it should not): wake the stopper so it can end.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  out << "Stopped.\n";
  return kExitOk;
}

void RegisterServeCommand(Command app, const GlobalOptions& global) {
  auto serve = std::make_shared<ServeCommandOptions>();
  Command serve_command = app.AddSubcommand(
      "serve", "Start the web app on this machine and print its address; Ctrl+C stops it.");
  serve_command.AddOption("--port", serve->port, "Port to listen on (default 8080; 0: any free).");
  serve_command.AddOption("--host", serve->host,
                          "Address to listen on (default 127.0.0.1: this machine only).");
  serve_command.Runs([&global, serve] { return RunServe(global, *serve, std::cout, std::cerr); });
}

}  // namespace backstride::cli
