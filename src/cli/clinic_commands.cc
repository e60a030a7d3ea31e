#include "cli/clinic_commands.h"

#include <poll.h>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "app/clinic.h"
#include "cli/assess_command.h"
#include "server/clinic_api.h"
#include "server/clinic_server.h"

namespace backstride::cli {
namespace {

struct ClinicCommandOptions {
  std::optional<std::string> database;
  std::string url;  // where the server is reached: the links' beginning
  std::string clinic;
  std::string email;
  std::string name;
};

Error NoDatabase() {
  return Error::InvalidArgument(
      "give the clinic's database: --database postgresql://USER@HOST/DB, or set "
      "BACKSTRIDE_DATABASE",
      "--database");
}

// "2026-12-10 14:05 UTC".
std::string Moment(double seconds) {
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
  return text;
}

std::string LinkUrl(std::string base, const IssuedLink& link) {
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/#/welcome/" + link.token;
}

int PrintLink(const ClinicCommandOptions& options, const IssuedLink& link, std::ostream& out) {
  out << "Send this link to " << options.email << " to set a password. It works once, until "
      << Moment(link.expires_at) << ":\n  " << LinkUrl(options.url, link) << "\n";
  if (options.url.starts_with("http://") && options.url.find("127.0.0.1") == std::string::npos &&
      options.url.find("localhost") == std::string::npos) {
    out << "The link starts with http://: give the server's https:// address with --url, so\n"
        << "the password is never sent unencrypted.\n";
  }
  return kExitOk;
}

Result<std::unique_ptr<Clinic>> OpenClinic(const std::optional<std::string>& given) {
  const std::string database = ClinicDatabaseUrl(given);
  if (database.empty()) return Fail(NoDatabase());
  if (auto prepared = Clinic::Prepare(database); !prepared) return Fail(prepared.error());
  return Clinic::Open(database);
}

// Waits for SIGINT or SIGTERM on a signalfd (the mask is blocked by the caller before
// any thread starts, so every thread inherits it).
void WaitForStopSignal(int signal_fd) {
  pollfd watched{signal_fd, POLLIN, 0};
  while (poll(&watched, 1, -1) < 0 && errno == EINTR) {
  }
}

}  // namespace

std::string ClinicDatabaseUrl(const std::optional<std::string>& given) {
  if (given && !given->empty()) return *given;
  const char* from_environment = std::getenv("BACKSTRIDE_DATABASE");
  return from_environment != nullptr ? from_environment : "";
}

int RunClinicServe(const ClinicServeOptions& options, std::ostream& out, std::ostream& err) {
  if (auto prepared = Clinic::Prepare(options.database); !prepared) {
    return ReportFailure(err, prepared.error());
  }
  const std::size_t threads =
      options.threads.value_or(std::max(8u, std::thread::hardware_concurrency() * 4));
  ClinicOptions clinic_options;
  clinic_options.store_connections = threads;
  auto first = Clinic::Open(options.database, clinic_options);
  if (!first) return ReportFailure(err, first.error());
  // Each request thread takes a Clinic of its own; all share one pool for the stores.
  std::shared_ptr<const Clinic> shared(std::move(*first));
  server::ClinicApi api([shared] { return shared->Another(); }, threads);

  server::ClinicServeOptions serve;
  serve.host = options.host;
  serve.port = options.port;
  serve.certificate_file = options.certificate;
  serve.key_file = options.key;
  serve.hosts = options.hosts;
  serve.trust_proxy = options.trust_proxy;
  serve.threads = threads;
  std::mutex log_mutex;
  if (!options.quiet) {
    serve.on_request = [&out, &log_mutex](const std::string& line) {
      const std::lock_guard lock(log_mutex);
      out << line << "\n";
      out.flush();
    };
  }

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC);
  if (signal_fd < 0) {
    return ReportFailure(err, Error::IOError("cannot watch for Ctrl+C (signalfd failed)"));
  }
  server::ClinicServer web(api, serve);
  auto port = web.Bind();
  if (!port) {
    close(signal_fd);
    return ReportFailure(err, port.error());
  }
  const bool https = !options.certificate.empty();
  out << "The backstride clinic server is running at " << (https ? "https://" : "http://")
      << (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host)
      << ":" << *port << "/\n";
  if (!https && !options.trust_proxy) {
    out << "Without --certificate it speaks plain HTTP: serve it behind an HTTPS proxy "
           "(README), with --trust-proxy.\n";
  }
  out << "Press Ctrl+C to stop.\n";
  out.flush();
  std::thread watcher([&web, signal_fd] {
    WaitForStopSignal(signal_fd);
    web.Stop();
  });
  web.Run();
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  close(signal_fd);
  out << "Stopped.\n";
  return kExitOk;
}

void RegisterClinicCommands(Command app, const GlobalOptions&) {
  Command clinic = app.AddSubcommand(
      "clinic", "Set up a clinic on its server: the clinic, and its therapists' accounts.");
  const auto add_common = [](Command command, ClinicCommandOptions& options) {
    command.AddOption("--database", options.database,
                      "The clinic's PostgreSQL database (default: $BACKSTRIDE_DATABASE).");
    command.AddOption("--url", options.url,
                      "Where phones reach the server, the link's beginning (default "
                      "http://127.0.0.1:8080).");
    command.AddOption("--email", options.email, "The therapist's email; they sign in with it.")
        .Required();
  };

  auto create = std::make_shared<ClinicCommandOptions>();
  create->url = "http://127.0.0.1:8080";
  Command create_command = clinic.AddSubcommand(
      "create", "Make a clinic and its first therapist, and print their one-use link.");
  create_command.AddOption("--name", create->clinic, "The clinic's name.").Required();
  add_common(create_command, *create);
  create_command.AddOption("--therapist-name", create->name, "The therapist's name, as clients see it.");
  create_command.Runs([create] {
    auto opened = OpenClinic(create->database);
    if (!opened) return ReportFailure(std::cerr, WithFlagName(opened.error()));
    auto link = (*opened)->CreateClinic(create->clinic, create->email, create->name);
    if (!link) return ReportFailure(std::cerr, WithFlagName(link.error()));
    std::cout << "Made the clinic '" << create->clinic << "'.\n";
    return PrintLink(*create, *link, std::cout);
  });

  auto add = std::make_shared<ClinicCommandOptions>();
  add->url = "http://127.0.0.1:8080";
  Command add_command = clinic.AddSubcommand(
      "add-therapist", "Add a therapist to a clinic, and print their one-use link.");
  add_command.AddOption("--clinic", add->clinic, "The clinic's name.").Required();
  add_common(add_command, *add);
  add_command.AddOption("--name", add->name, "The therapist's name, as clients see it.");
  add_command.Runs([add] {
    auto opened = OpenClinic(add->database);
    if (!opened) return ReportFailure(std::cerr, WithFlagName(opened.error()));
    auto link = (*opened)->AddTherapist(add->clinic, add->email, add->name);
    if (!link) return ReportFailure(std::cerr, WithFlagName(link.error()));
    return PrintLink(*add, *link, std::cout);
  });
}

}  // namespace backstride::cli
