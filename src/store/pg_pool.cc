#include "store/pg_pool.h"

#include <utility>

#include "store/pg.h"

namespace backstride {

PgPool::PgPool(std::string connection, std::size_t keep)
    : connection_(std::move(connection)), keep_(keep) {}
PgPool::~PgPool() = default;

std::shared_ptr<PgPool> PgPool::Create(std::string connection, std::size_t keep) {
  return std::shared_ptr<PgPool>(new PgPool(std::move(connection), keep));
}

Result<std::unique_ptr<pg::Connection>> PgPool::Take() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  auto opened = pg::Connection::Open(connection_);
  if (!opened) return Fail(opened.error());
  return std::make_unique<pg::Connection>(std::move(*opened));
}

void PgPool::Give(std::unique_ptr<pg::Connection> connection) {
  if (!connection) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < keep_) idle_.push_back(std::move(connection));
}

}  // namespace backstride
