// The SQLite store's schema, as the steps that build it: Migrations()[i] takes a database
// from schema version i to i + 1 (PRAGMA user_version). A released step is never edited;
// a change is a new step, so every file ever written can be brought forward.
#ifndef BACKSTRIDE_STORE_SQLITE_SCHEMA_H_
#define BACKSTRIDE_STORE_SQLITE_SCHEMA_H_

#include <span>
#include <string_view>

namespace backstride::sqlite {

std::span<const std::string_view> Migrations();

}  // namespace backstride::sqlite

#endif  // BACKSTRIDE_STORE_SQLITE_SCHEMA_H_
