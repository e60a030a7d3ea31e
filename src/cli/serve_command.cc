#include "cli/serve_command.h"

#include <poll.h>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include "cli/assess_command.h"
#include "cli/clinic_commands.h"
#include "cli/terminal_qr.h"
#include "server/api.h"
#include "server/lan_addresses.h"
#include "server/server.h"

namespace backstride::cli {
namespace {

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || server::IsLoopbackAddress(host);
}

std::string UrlHost(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// What the terminal says while a server reachable from the network runs: the pairing
// link and its QR code, new codes, and the devices that paired. Lines come from the
// server's threads and the one watching the keyboard, so each block is written whole.
class LanTerminal {
 public:
  LanTerminal(std::ostream& out, std::string base_url, std::chrono::seconds code_lifetime)
      : out_(out), base_url_(std::move(base_url)), code_lifetime_(code_lifetime) {}

  void ShowCode(const std::string& code) {
    const std::string link = base_url_ + "pair?code=" + code;
    const char* no_colour = std::getenv("NO_COLOR");
    const bool colours = isatty(STDOUT_FILENO) != 0 && (no_colour == nullptr || *no_colour == 0);
    const auto qr = TerminalQrCode(link, colours);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(code_lifetime_).count();
    const std::lock_guard lock(mutex_);
    out_ << "\nTo open backstride on your phone, join the same network as this computer and scan\n"
         << "this code with the phone's camera, or open " << link << "\n";
    if (qr) out_ << "\n" << *qr << "\n";
    out_ << "Pairing code: " << server::Pairing::Grouped(code) << " (for one device, within "
         << minutes << " minutes). Press Enter for a new code.\n";
    out_.flush();
  }

  void Say(const server::PairingEvent& event) {
    const std::lock_guard lock(mutex_);
    if (event.outcome == server::PairOutcome::kPaired) {
      out_ << "A device paired: " << event.peer
           << ". Not yours? Stop backstride with Ctrl+C: that ends every pairing.\n";
    } else {
      out_ << "Too many wrong pairing codes were tried (the last from " << event.peer
           << "), so the code shown no longer works. Press Enter for a new one.\n";
    }
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string base_url_;
  std::chrono::seconds code_lifetime_;
  std::mutex mutex_;
};

// Waits for SIGINT or SIGTERM, and meanwhile, when `on_enter` is set, for lines on
// standard input. Returns when a signal came.
void WatchSignalsAndKeyboard(int signal_fd, const std::function<void()>& on_enter) {
  pollfd watched[2] = {{signal_fd, POLLIN, 0}, {on_enter ? STDIN_FILENO : -1, POLLIN, 0}};
  while (true) {
    if (poll(watched, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (watched[0].revents != 0) return;
    if (watched[1].revents != 0) {
      char typed[256];
      const ssize_t got = read(STDIN_FILENO, typed, sizeof typed);
      if (got <= 0) {
        watched[1].fd = -1;  // no keyboard (closed or redirected): signals only
        continue;
      }
      for (ssize_t i = 0; i < got; ++i) {
        if (typed[i] == '\n') on_enter();
      }
    }
  }
}

}  // namespace

int RunServe(const GlobalOptions& global, const ServeCommandOptions& options, std::ostream& out,
             std::ostream& err) {
  if (options.port < 0 || options.port > 65535) {
    return ReportFailure(
        err, Error::InvalidArgument("--port: must be 0-65535, got " + std::to_string(options.port),
                                    "--port"));
  }
  if (const std::string database = ClinicDatabaseUrl(options.database); !database.empty()) {
    if (options.lan) {
      return ReportFailure(err, Error::InvalidArgument(
                                    "--lan is the local app's; the clinic server takes --host "
                                    "and, for HTTPS, --certificate and --key",
                                    "--lan"));
    }
    ClinicServeOptions clinic;
    clinic.database = database;
    clinic.host = options.host.value_or("127.0.0.1");
    clinic.port = options.port;
    clinic.certificate = options.certificate;
    clinic.key = options.key;
    clinic.hosts = options.hosts;
    clinic.trust_proxy = options.trust_proxy;
    clinic.threads = options.threads;
    clinic.quiet = options.quiet;
    return RunClinicServe(clinic, out, err);
  }
  if (!options.certificate.empty() || !options.key.empty() || !options.hosts.empty() ||
      options.trust_proxy) {
    return ReportFailure(err, Error::InvalidArgument(
                                  "--certificate, --key, --public-host and --trust-proxy are "
                                  "the clinic server's: give --database too",
                                  "--database"));
  }
  if (options.lan && options.host) {
    return ReportFailure(
        err, Error::InvalidArgument("--lan listens on every address of this computer, loopback "
                                    "included: give --lan or --host " +
                                        *options.host + ", not both",
                                    "--lan"));
  }
  server::ServeOptions serve;
  serve.host = options.lan ? "0.0.0.0" : options.host.value_or("127.0.0.1");
  serve.port = options.port;
  const bool reachable = !IsLoopbackHost(serve.host);
  if (reachable) {
    serve.lan_hosts = server::IsWildcardAddress(serve.host)
                          ? server::RankLanAddresses(server::InterfaceAddresses())
                          : std::vector<std::string>{UrlHost(serve.host)};
    if (serve.lan_hosts.empty()) {
      return ReportFailure(
          err, Error::FailedPrecondition(
                   "this computer has no network address a phone could open (only its own "
                   "loopback): connect it to your Wi-Fi network and start again"));
    }
  }

  auto app = OpenApp(global);
  if (!app) return ReportFailure(err, app.error());

  // Ctrl+C and SIGTERM are read from a signalfd by one thread that stops the server, so
  // requests in flight finish and the store closes cleanly. Blocked before any thread
  // starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC);
  if (signal_fd < 0) {
    return ReportFailure(err, Error::IOError("cannot watch for Ctrl+C (signalfd failed)"));
  }

  std::unique_ptr<LanTerminal> terminal;
  LanTerminal* terminal_seen = nullptr;
  serve.on_pairing = [&terminal_seen](const server::PairingEvent& event) {
    if (terminal_seen != nullptr) terminal_seen->Say(event);
  };

  server::Api api(std::move(*app));
  server::WebServer web(api, serve);
  auto port = web.Bind();
  if (!port) {
    close(signal_fd);
    return ReportFailure(err, port.error());
  }
  const std::string suffix = ":" + std::to_string(*port) + "/";

  if (!reachable) {
    out << "backstride is running at http://" << UrlHost(serve.host) << suffix << "\n"
        << "Open it in your browser. Press Ctrl+C to stop.\n";
  } else {
    if (server::IsWildcardAddress(serve.host)) {
      out << "backstride is running at http://127.0.0.1" << suffix << " on this computer.\n";
    } else {
      out << "backstride is running at http://" << serve.lan_hosts.front() << suffix << "\n";
    }
    out << "Devices on your network can open it only once paired with a code. The connection\n"
        << "is not encrypted: use it on your own network, not on public Wi-Fi.\n";
    if (serve.lan_hosts.size() > 1) {
      out << "Other addresses of this computer:";
      for (std::size_t i = 1; i < serve.lan_hosts.size(); ++i) {
        out << " http://" << serve.lan_hosts[i] << suffix;
      }
      out << "\n";
    }
    terminal = std::make_unique<LanTerminal>(out, "http://" + serve.lan_hosts.front() + suffix,
                                             serve.pairing.code_lifetime);
    terminal_seen = terminal.get();
    terminal->ShowCode(web.NewPairingCode());
    out << "Press Ctrl+C to stop.\n";
  }
  out.flush();

  std::function<void()> on_enter;
  if (terminal) on_enter = [&] { terminal->ShowCode(web.NewPairingCode()); };
  std::thread watcher([&web, signal_fd, &on_enter] {
    WatchSignalsAndKeyboard(signal_fd, on_enter);
    web.Stop();
  });
  web.Run();
  // The server stopped by itself (it should not): wake the watcher so it can end.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  close(signal_fd);
  out << "Stopped.\n";
  return kExitOk;
}

void RegisterServeCommand(Command app, const GlobalOptions& global) {
  auto serve = std::make_shared<ServeCommandOptions>();
  Command serve_command = app.AddSubcommand(
      "serve", "Start the web app on this machine and print its address; Ctrl+C stops it.");
  serve_command.AddOption("--port", serve->port, "Port to listen on (default 8080; 0: any free).");
  serve_command.AddOption("--host", serve->host,
                          "Address to listen on (default 127.0.0.1: this machine only; any "
                          "other needs devices to pair, as with --lan).");
  serve_command.AddFlag("--lan", serve->lan,
                        "Also open it to phones on your network: prints an address, a one-time "
                        "pairing code and its QR code; Enter prints a new code.");
  serve_command.AddOption("--database", serve->database,
                          "Run the clinic server on this PostgreSQL database (postgresql://...; "
                          "default: $BACKSTRIDE_DATABASE): many runners and their therapists.");
  serve_command.AddOption("--certificate", serve->certificate,
                          "Clinic server: serve HTTPS with this certificate (PEM).");
  serve_command.AddOption("--key", serve->key, "Clinic server: the certificate's key (PEM).");
  serve_command.AddOption("--public-host", serve->hosts,
                          "Clinic server: a name it answers to (clinic.example.org); repeatable.");
  serve_command.AddFlag("--trust-proxy", serve->trust_proxy,
                        "Clinic server: behind an HTTPS proxy that sets X-Forwarded-For and "
                        "X-Forwarded-Proto (README).");
  serve_command.AddOption("--threads", serve->threads,
                          "Clinic server: requests served at once (default: 4 a core, at least 8).");
  serve_command.AddFlag("--quiet", serve->quiet, "Clinic server: no line per request.");
  serve_command.Runs([&global, serve] { return RunServe(global, *serve, std::cout, std::cerr); });
}

}  // namespace backstride::cli
