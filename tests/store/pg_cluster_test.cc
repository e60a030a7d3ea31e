// The throwaway PostgreSQL of the tests (test_support/pg_cluster.h): it serves, and it is
// gone afterwards, also when the test binary dies without cleaning up.
#include "pg_cluster.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

namespace backstride {
namespace {

namespace fs = std::filesystem;

// Whether a server answers at `connection`.
bool Answers(const std::string& connection) {
  PGconn* db = PQconnectdb(connection.c_str());
  const bool ok = PQstatus(db) == CONNECTION_OK;
  PQfinish(db);
  return ok;
}

bool GoneWithin(const fs::path& folder, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (fs::exists(folder)) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

TEST(PgCluster, ServesFreshDatabasesAndLeavesNothingBehind) {
  std::string folder;
  std::string connection;
  {
    auto cluster = PgCluster::Start();
    ASSERT_TRUE(cluster.has_value()) << cluster.error().message;
    folder = (*cluster)->folder();
    std::cout << "cluster started in " << (*cluster)->start_seconds() << " s\n";
    auto first = (*cluster)->CreateDatabase();
    ASSERT_TRUE(first.has_value()) << first.error().message;
    auto second = (*cluster)->CreateDatabase();
    ASSERT_TRUE(second.has_value()) << second.error().message;
    EXPECT_NE(*first, *second);
    EXPECT_TRUE(Answers(*second));
    connection = *first;
  }
  EXPECT_FALSE(fs::exists(folder)) << "the destructor waits for the folder to go";
  EXPECT_FALSE(Answers(connection));
}

TEST(PgCluster, IsStoppedWhenTheTestBinaryDies) {
  int report[2];
  ASSERT_EQ(pipe(report), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(report[0]);
    auto cluster = PgCluster::Start();
    const std::string folder = cluster ? (*cluster)->folder() : std::string();
    (void)!write(report[1], folder.data(), folder.size());
    // Dies without a destructor or an atexit handler running, as a crash would.
    _exit(cluster ? 0 : 1);
  }
  close(report[1]);
  std::string folder;
  char buffer[256];
  for (ssize_t n; (n = read(report[0], buffer, sizeof buffer)) > 0;) {
    folder.append(buffer, static_cast<std::size_t>(n));
  }
  close(report[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the cluster did not start";
  ASSERT_FALSE(folder.empty());
  EXPECT_TRUE(GoneWithin(folder, std::chrono::seconds(20)))
      << folder << " is still there: the server was not stopped";
  EXPECT_FALSE(Answers("host=" + folder + " port=5432 user=postgres dbname=postgres"));
}

}  // namespace
}  // namespace backstride
