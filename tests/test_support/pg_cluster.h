// A throwaway PostgreSQL server for the tests: a real cluster from Debian's `postgresql`
// package, made in a temporary folder and gone when the test binary ends.
//
// Design: one cluster per test binary (initdb takes about 3 s here, starting the server a
// third of a second; a cluster per test would cost minutes), and a fresh database per
// store a test opens, so tests never see each other's rows. The server listens on a unix
// socket in its own folder only (listen_addresses=''), so binaries run side by side never
// compete for a port; fsync is off, since nothing of it outlives the binary.
//
// Stopping does not rely on the test binary ending well: a small watcher process, in a
// session of its own, waits on a pipe that only the test binary holds. When that pipe
// closes (the binary returns, fails an assertion, crashes or is killed by a timeout), the
// watcher stops the server (pg_ctl stop -m immediate) and removes the folder.
//
// PostgreSQL refuses to run as root (CI does): then initdb and pg_ctl run as the
// `postgres` user that the Debian package creates, through runuser, on a folder it owns.
#ifndef BACKSTRIDE_TESTS_TEST_SUPPORT_PG_CLUSTER_H_
#define BACKSTRIDE_TESTS_TEST_SUPPORT_PG_CLUSTER_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "base/result.h"

namespace backstride {

class PgCluster {
 public:
  // Makes and starts a cluster. Fails with kUnsupported when PostgreSQL's server is not
  // installed (naming the package), kIOError with the server's own words when initdb or
  // pg_ctl fails.
  static Result<std::unique_ptr<PgCluster>> Start();
  // Stops the server and removes its folder, and returns once both are done.
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  // A libpq connection string for database `database` of this cluster.
  std::string ConnectionString(const std::string& database) const;
  // Creates a new empty database with a name no other call of this process gets, and
  // returns its connection string.
  Result<std::string> CreateDatabase();

  // How long Start() took, in seconds.
  double start_seconds() const { return start_seconds_; }
  // The folder the cluster lives in (its data, socket and logs), gone once it is stopped.
  const std::string& folder() const { return folder_; }

 private:
  PgCluster() = default;

  std::string folder_;     // holds data/, the socket and the server's log
  int watcher_pipe_ = -1;  // its closing tells the watcher to stop the server
  pid_t watcher_pid_ = -1;
  int next_database_ = 0;
  double start_seconds_ = 0;
};

// The cluster of this test binary, started on first use and stopped when the binary
// ends. Fails the same way as PgCluster::Start, every time it is asked.
Result<PgCluster*> TestCluster();

}  // namespace backstride

#endif  // BACKSTRIDE_TESTS_TEST_SUPPORT_PG_CLUSTER_H_
