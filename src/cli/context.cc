#include "cli/context.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/assess_command.h"

namespace backstride::cli {

std::string DefaultDatabasePath() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    base = ".";
  }
  return (base / "backstride" / "backstride.db").string();
}

Result<Date> Today(const GlobalOptions& options) {
  if (!options.today.empty()) {
    auto date = ParseDate(options.today);
    if (!date) return Fail(Error::InvalidArgument("--today: " + date.error().message, "--today"));
    return *date;
  }
  return LocalToday();
}

Result<std::unique_ptr<Clock>> ClockFor(const GlobalOptions& options) {
  if (options.today.empty()) return SystemClock();
  auto today = Today(options);
  if (!today) return Fail(today.error());
  return SystemClockOn(*today);
}

Result<std::unique_ptr<App>> OpenApp(const GlobalOptions& options) {
  auto clock = ClockFor(options);
  if (!clock) return Fail(clock.error());
  const std::string path = options.db_path.empty() ? DefaultDatabasePath() : options.db_path;
  if (options.db_path.empty()) {
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
    if (error) {
      return Fail(Error::IOError("cannot create the folder for " + path + ": " + error.message()));
    }
  }
  auto app = App::Open(path, std::move(*clock));
  if (!app && !options.db_path.empty() && app.error().code != ErrorCode::kIOError) {
    Error named = app.error();
    named.code = ErrorCode::kInvalidArgument;  // the --db the runner gave is the problem
    named.message = "--db: " + named.message;
    return Fail(std::move(named));
  }
  return app;
}

Result<void> WriteFileAtomically(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << text;
    file.flush();
    if (!file) {
      std::remove(temporary.c_str());
      return Fail(Error::InvalidArgument(fmt::format("cannot write '{}'", path)));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    std::remove(temporary.c_str());
    return Fail(
        Error::InvalidArgument(fmt::format("cannot write '{}': {}", path, std::strerror(saved))));
  }
  return {};
}

Result<Opened> Open(const GlobalOptions& options) {
  auto app = OpenApp(options);
  if (!app) return Fail(app.error());
  auto settings = (*app)->LoadSettings();
  if (!settings) return Fail(settings.error());
  const Date today = (*app)->Today();
  return Opened{std::move(*app), today, *settings};
}

Error WithFlagName(Error error) {
  if (error.path.empty() || error.path.starts_with("--")) return error;
  std::string flag = "--" + error.path;
  std::replace(flag.begin(), flag.end(), '_', '-');
  if (error.message.starts_with(error.path + ":")) {
    error.message = flag + error.message.substr(error.path.size());
  } else if (error.message.find(flag) == std::string::npos) {
    error.message += " (" + flag + ")";
  }
  error.path = flag;
  return error;
}

int ReportFailure(std::ostream& err, const Error& error) {
  std::istringstream lines(error.message);
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    err << (first ? "backstride: " : "  ") << line << '\n';
    first = false;
  }
  if (first) err << "backstride: failed\n";
  return error.code == ErrorCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

}  // namespace backstride::cli
