// Connections to one PostgreSQL database, kept open between requests. Opening one costs
// the server a new process and an authentication, milliseconds that most requests of the
// clinic server do not otherwise take; a pool of them turns that into a lookup.
//
// A connection is taken for one store (PgStore::Open) and given back when the store is
// closed, between transactions (the store commits or rolls back every call), so the next
// request starts on a clean connection. A lost connection reconnects by itself on its next
// statement (pg.h). Thread-safe.
#ifndef BACKSTRIDE_STORE_PG_POOL_H_
#define BACKSTRIDE_STORE_PG_POOL_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/result.h"

namespace backstride {

namespace pg {
class Connection;
}

class PgPool : public std::enable_shared_from_this<PgPool> {
 public:
  // Keeps up to `keep` idle connections to `connection` (more are opened when needed,
  // and closed when given back to a full pool).
  static std::shared_ptr<PgPool> Create(std::string connection, std::size_t keep);
  ~PgPool();
  PgPool(const PgPool&) = delete;
  PgPool& operator=(const PgPool&) = delete;

  const std::string& connection() const { return connection_; }

  // An idle connection, or a new one. Fails with kIOError when none can be opened.
  Result<std::unique_ptr<pg::Connection>> Take();
  void Give(std::unique_ptr<pg::Connection> connection);

 private:
  PgPool(std::string connection, std::size_t keep);

  std::string connection_;
  std::size_t keep_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<pg::Connection>> idle_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_PG_POOL_H_
