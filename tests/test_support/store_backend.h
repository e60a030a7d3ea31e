// The stores a test of the app can run on, so that one test, written once, runs on each:
// a SQLite file (the runner's own app) and a runner's rows in PostgreSQL (the clinic's).
//
// A test fixture takes a StoreBackend as its gtest parameter and is instantiated over
// kStoreBackends, named by BackendTestName: its tests end in /Sqlite or /Postgres, the
// names tests/CMakeLists.txt selects by (the PostgreSQL ones share the binary's
// throwaway server, so they are run as one CTest test).
#ifndef BACKSTRIDE_TESTS_TEST_SUPPORT_STORE_BACKEND_H_
#define BACKSTRIDE_TESTS_TEST_SUPPORT_STORE_BACKEND_H_

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "app/app.h"
#include "base/result.h"
#include "store/store.h"

namespace backstride {

enum class StoreBackend { kSqlite, kPostgres };

inline constexpr StoreBackend kStoreBackends[] = {StoreBackend::kSqlite, StoreBackend::kPostgres};

// "Sqlite" or "Postgres".
std::string BackendName(StoreBackend backend);
// The last part of a parameterized test's name: its backend's name.
std::string BackendTestName(const ::testing::TestParamInfo<StoreBackend>& info);
// For gtest's messages: the backend's name rather than its bytes.
void PrintTo(StoreBackend backend, std::ostream* out);

// Opens a new, empty store on `backend`: on SQLite the file at `sqlite_path` (":memory:"
// for one that lives in memory), on PostgreSQL a runner in a new database of the test
// binary's throwaway server (TestCluster(), pg_cluster.h; `sqlite_path` unused). Fails
// with the backend's own error: kUnsupported when PostgreSQL's server is not installed.
Result<std::unique_ptr<Store>> OpenEmptyStore(StoreBackend backend, const std::string& sqlite_path);

// An app over OpenEmptyStore(backend, sqlite_path), whose clock is `clock`.
Result<std::unique_ptr<App>> OpenEmptyApp(StoreBackend backend, const std::string& sqlite_path,
                                          std::unique_ptr<Clock> clock);

}  // namespace backstride

#endif  // BACKSTRIDE_TESTS_TEST_SUPPORT_STORE_BACKEND_H_
