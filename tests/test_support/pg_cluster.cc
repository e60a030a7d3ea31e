#include "pg_cluster.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace backstride {
namespace {

namespace fs = std::filesystem;

// Debian installs each major version's server programs in a folder of its own.
constexpr const char* kDebianServers = "/usr/lib/postgresql";
// The port only names the socket file in the cluster's own folder; no TCP port is opened.
constexpr int kPort = 5432;
// A unix socket's path must fit in sockaddr_un.sun_path (108 bytes, with its NUL).
constexpr std::size_t kMaxSocketPath = 107;

// The bin folder of the newest server installed, e.g. ".../15/bin".
Result<fs::path> FindServerPrograms() {
  std::optional<fs::path> best;
  int best_version = -1;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator(kDebianServers, ignored)) {
    const fs::path bin = entry.path() / "bin";
    if (!fs::exists(bin / "initdb") || !fs::exists(bin / "pg_ctl")) continue;
    int version = 0;
    try {
      version = std::stoi(entry.path().filename().string());
    } catch (...) {
      continue;
    }
    if (version > best_version) {
      best_version = version;
      best = bin;
    }
  }
  if (!best) {
    return Fail(Error::Unsupported(
        std::string("no PostgreSQL server found (initdb and pg_ctl under ") + kDebianServers +
        "/<version>/bin): install Debian's postgresql package (scripts/install-deps.sh test)"));
  }
  return *best;
}

std::string Tail(const fs::path& log, std::size_t lines) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string tail;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) {
    tail += "\n  " + all[i];
  }
  return tail;
}

// Runs `argv` with its output appended to `log`, and waits for it. Fails with kIOError
// naming the program and quoting the end of its output.
Result<void> Run(const std::vector<std::string>& argv, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  std::string command;
  for (const std::string& arg : argv) command += (command.empty() ? "" : " ") + arg;
  if (spawned != 0) {
    return Fail(Error::IOError("cannot run " + command + ": " + std::strerror(spawned)));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Fail(Error::IOError(command + " failed:" + Tail(log, 15)));
  }
  return {};
}

// A path in single quotes for /bin/sh.
std::string ShellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace

Result<std::unique_ptr<PgCluster>> PgCluster::Start() {
  const auto started = std::chrono::steady_clock::now();
  auto bin = FindServerPrograms();
  if (!bin) return Fail(bin.error());

  // Under root the server programs run as `postgres`, which must own the folder.
  std::vector<std::string> as_server_user;
  uid_t server_uid = 0;
  gid_t server_gid = 0;
  if (geteuid() == 0) {
    const passwd* user = getpwnam("postgres");
    if (user == nullptr) {
      return Fail(Error::Unsupported(
          "PostgreSQL refuses to run as root, and there is no `postgres` user to run it as: "
          "install Debian's postgresql package, which creates it"));
    }
    server_uid = user->pw_uid;
    server_gid = user->pw_gid;
    as_server_user = {"runuser", "-u", "postgres", "--"};
  }

  std::string pattern = (fs::temp_directory_path() / "backstride-pg-XXXXXX").string();
  if (pattern.size() + std::strlen("/.s.PGSQL.5432") > kMaxSocketPath) {
    return Fail(Error::Unsupported("the temporary folder's path is too long for a unix socket (" +
                                   pattern + "): set TMPDIR to a shorter one"));
  }
  if (mkdtemp(pattern.data()) == nullptr) {
    return Fail(
        Error::IOError("cannot make a temporary folder " + pattern + ": " + std::strerror(errno)));
  }
  auto cluster = std::unique_ptr<PgCluster>(new PgCluster());
  cluster->folder_ = pattern;
  const fs::path folder = pattern;
  const fs::path data = folder / "data";
  const std::string pg_ctl = (*bin / "pg_ctl").string();

  // The watcher first, so that the folder goes even when starting fails half-way.
  int pipe_ends[2];
  if (pipe2(pipe_ends, O_CLOEXEC) != 0) {
    fs::remove_all(folder);
    return Fail(Error::IOError(std::string("cannot make a pipe: ") + std::strerror(errno)));
  }
  std::string stop;
  for (const std::string& word : as_server_user) stop += word + " ";
  stop += ShellQuoted(pg_ctl) + " -D " + ShellQuoted(data.string()) + " -m immediate -s stop";
  // `cat` returns when the last writer of the pipe, this process, is gone.
  const std::string script = "cat >/dev/null; if [ -f " +
                             ShellQuoted((data / "postmaster.pid").string()) + " ]; then " + stop +
                             "; fi; rm -rf -- " + ShellQuoted(folder.string());
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[0], 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A session of its own: a Ctrl-C or a timeout that kills the test's process group
  // leaves the watcher to clean up.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
  const char* watcher_args[] = {"/bin/sh", "-c", script.c_str(), nullptr};
  const int spawned = posix_spawn(&cluster->watcher_pid_, "/bin/sh", &actions, &attributes,
                                  const_cast<char* const*>(watcher_args), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(pipe_ends[0]);
  if (spawned != 0) {
    close(pipe_ends[1]);
    fs::remove_all(folder);
    return Fail(Error::IOError(std::string("cannot start the cluster's watcher: ") +
                               std::strerror(spawned)));
  }
  cluster->watcher_pipe_ = pipe_ends[1];

  if (!as_server_user.empty() && chown(folder.c_str(), server_uid, server_gid) != 0) {
    return Fail(Error::IOError("cannot give " + folder.string() +
                               " to the postgres user: " + std::strerror(errno)));
  }
  std::vector<std::string> initdb = as_server_user;
  for (const std::string& arg :
       {(*bin / "initdb").string(), std::string("-D"), data.string(), std::string("-A"),
        std::string("trust"), std::string("-U"), std::string("postgres"), std::string("--no-sync"),
        std::string("-E"), std::string("UTF8"), std::string("--locale=C")}) {
    initdb.push_back(arg);
  }
  if (auto made = Run(initdb, folder / "initdb.log"); !made) return Fail(made.error());

  {
    std::ofstream conf(data / "postgresql.conf", std::ios::app);
    conf << "\n# A throwaway cluster for backstride's tests.\n"
         << "listen_addresses = ''\n"
         << "unix_socket_directories = '" << folder.string() << "'\n"
         << "port = " << kPort << "\n"
         << "fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n";
    if (!conf) {
      return Fail(Error::IOError("cannot write the cluster's settings in " + data.string()));
    }
  }
  std::vector<std::string> start = as_server_user;
  for (const std::string& arg :
       {pg_ctl, std::string("-D"), data.string(), std::string("-w"), std::string("-s"),
        std::string("-l"), (folder / "server.log").string(), std::string("start")}) {
    start.push_back(arg);
  }
  if (auto up = Run(start, folder / "pg_ctl.log"); !up) {
    Error error = up.error();
    error.message += Tail(folder / "server.log", 15);
    return Fail(std::move(error));
  }
  cluster->start_seconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return cluster;
}

PgCluster::~PgCluster() {
  if (watcher_pipe_ < 0) return;
  close(watcher_pipe_);
  int status = 0;
  while (waitpid(watcher_pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

std::string PgCluster::ConnectionString(const std::string& database) const {
  return "host=" + folder_ + " port=" + std::to_string(kPort) + " user=postgres dbname=" + database;
}

Result<std::string> PgCluster::CreateDatabase() {
  const std::string name = "test_" + std::to_string(next_database_++);
  PGconn* connection = PQconnectdb(ConnectionString("postgres").c_str());
  std::string problem;
  if (PQstatus(connection) != CONNECTION_OK) {
    problem = PQerrorMessage(connection);
  } else {
    PGresult* result = PQexec(connection, ("CREATE DATABASE " + name).c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) problem = PQresultErrorMessage(result);
    PQclear(result);
  }
  PQfinish(connection);
  if (!problem.empty()) {
    return Fail(Error::IOError("cannot create database " + name + ": " + problem));
  }
  return ConnectionString(name);
}

Result<PgCluster*> TestCluster() {
  // Destroyed when the binary ends, which stops the server before `main` returns to the
  // shell; a binary that dies instead leaves it to the watcher.
  static const auto cluster = PgCluster::Start();
  if (!cluster) return Fail(cluster.error());
  return cluster->get();
}

}  // namespace backstride
