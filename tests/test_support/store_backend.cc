#include "store_backend.h"

#include <utility>

#include "pg_cluster.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace backstride {

std::string BackendName(StoreBackend backend) {
  switch (backend) {
    case StoreBackend::kSqlite:
      return "Sqlite";
    case StoreBackend::kPostgres:
      return "Postgres";
  }
  return "Unknown";
}

std::string BackendTestName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return BackendName(info.param);
}

void PrintTo(StoreBackend backend, std::ostream* out) { *out << BackendName(backend); }

namespace {

Result<std::unique_ptr<Store>> OpenEmptyPgStore() {
  auto cluster = TestCluster();
  if (!cluster) return Fail(cluster.error());
  auto database = (*cluster)->CreateDatabase();
  if (!database) return Fail(database.error());
  if (auto prepared = PgStore::PrepareDatabase(*database); !prepared) {
    return Fail(prepared.error());
  }
  auto runner = PgStore::CreateRunner(*database);
  if (!runner) return Fail(runner.error());
  auto store = PgStore::Open(*database, *runner);
  if (!store) return Fail(store.error());
  return std::unique_ptr<Store>(std::move(*store));
}

}  // namespace

Result<std::unique_ptr<Store>> OpenEmptyStore(StoreBackend backend,
                                              const std::string& sqlite_path) {
  if (backend == StoreBackend::kPostgres) return OpenEmptyPgStore();
  auto store = SqliteStore::Open(sqlite_path);
  if (!store) return Fail(store.error());
  return std::unique_ptr<Store>(std::move(*store));
}

Result<std::unique_ptr<App>> OpenEmptyApp(StoreBackend backend, const std::string& sqlite_path,
                                          std::unique_ptr<Clock> clock) {
  auto store = OpenEmptyStore(backend, sqlite_path);
  if (!store) return Fail(store.error());
  return std::make_unique<App>(std::move(*store), std::move(clock));
}

}  // namespace backstride
