// The libpq layer under the PostgreSQL store (store/pg.h): values go in and come back
// exactly, bytes included; errors carry the server's words and SQLSTATE.
#include "store/pg.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "pg_cluster.h"

namespace backstride {
namespace {

std::string NewDatabase() {
  auto cluster = TestCluster();
  EXPECT_TRUE(cluster.has_value()) << cluster.error().message;
  auto database = (*cluster)->CreateDatabase();
  EXPECT_TRUE(database.has_value()) << database.error().message;
  return *database;
}

pg::Connection Connect(const std::string& database = NewDatabase()) {
  auto db = pg::Connection::Open(database);
  EXPECT_TRUE(db.has_value()) << db.error().message;
  return std::move(*db);
}

TEST(PgConnection, ValuesComeBackExactly) {
  pg::Connection db = Connect();
  const std::string bytes("\0\x01\xff\x7f\\x00'", 8);
  auto rows = db.Query(
      "SELECT $1::bigint, $2::double precision, $3::double precision, $4::text, $5::bytea, "
      "$6::boolean, $7::bigint, $8::date",
      {std::numeric_limits<std::int64_t>::min(), 1.0 / 3, 5e-324, "ü ✓ 'quoted' \\ \"",
       pg::Param::Bytes(bytes), false, std::optional<std::int64_t>(), "2026-03-02"});
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1);
  EXPECT_EQ(rows->Int(0, 0), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(rows->Real(0, 1), 1.0 / 3);
  EXPECT_EQ(rows->Real(0, 2), 5e-324);
  EXPECT_EQ(rows->Text(0, 3), "ü ✓ 'quoted' \\ \"");
  EXPECT_EQ(rows->Bytes(0, 4), bytes);
  EXPECT_EQ(rows->OptionalBool(0, 5), false);
  EXPECT_TRUE(rows->IsNull(0, 6));
  EXPECT_EQ(rows->OptionalInt(0, 6), std::nullopt);
  EXPECT_EQ(rows->Text(0, 7), "2026-03-02");
}

TEST(PgConnection, ErrorsCarryTheReasonAndTheSqlState) {
  pg::Connection db = Connect();
  ASSERT_TRUE(db.Execute("CREATE TABLE scores (pain integer CHECK (pain BETWEEN 0 AND 10))"));
  auto refused = db.Query("INSERT INTO scores VALUES($1)", {11});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("scores_pain_check"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("SQLSTATE 23514"), std::string::npos)
      << refused.error().message;

  auto typo = db.Query("SELEC 1");
  ASSERT_FALSE(typo.has_value());
  EXPECT_EQ(typo.error().code, ErrorCode::kIOError);
  EXPECT_NE(typo.error().message.find("SQLSTATE 42601"), std::string::npos);

  auto nowhere = pg::Connection::Open("host=/nonexistent-folder port=1 connect_timeout=2");
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().code, ErrorCode::kIOError);
  EXPECT_NE(nowhere.error().message.find("cannot connect"), std::string::npos);
  auto garbled = pg::Connection::Open("postgresql://[");
  ASSERT_FALSE(garbled.has_value());
}

TEST(PgConnection, ARolledBackTransactionLeavesNothing) {
  pg::Connection db = Connect();
  ASSERT_TRUE(db.Execute("CREATE TABLE notes (text text NOT NULL)"));
  ASSERT_TRUE(db.Begin());
  ASSERT_TRUE(db.Query("INSERT INTO notes VALUES($1)", {"gone"}));
  EXPECT_EQ(db.Query("UPDATE notes SET text = $1", {"still gone"})->Affected(), 1);
  db.Rollback();
  ASSERT_TRUE(db.Begin());
  ASSERT_TRUE(db.Query("INSERT INTO notes VALUES($1)", {"kept"}));
  ASSERT_TRUE(db.Commit());
  auto rows = db.Query("SELECT text FROM notes");
  ASSERT_EQ(rows->size(), 1);
  EXPECT_EQ(rows->Text(0, 0), "kept");
}

// Ends `db`'s session from the server's side, as a restart or a cut connection would.
void CutFromTheServer(pg::Connection& db, pg::Connection& admin) {
  const std::int64_t pid = db.Query("SELECT pg_backend_pid()")->Int(0, 0);
  // Waits (up to 5 s) until the session is gone, so the next statement finds it gone.
  auto cut = admin.Query("SELECT pg_terminate_backend($1, 5000)", {pid});
  ASSERT_TRUE(cut.has_value()) << cut.error().message;
  ASSERT_TRUE(cut->Bool(0, 0));
}

TEST(PgConnection, ReconnectsBetweenTransactionsNeverInsideOne) {
  const std::string database = NewDatabase();
  pg::Connection db = Connect(database);
  pg::Connection admin = Connect(database);
  ASSERT_TRUE(db.Execute("CREATE TABLE notes (text text NOT NULL)"));

  // The statement that finds the connection gone fails; the next one reconnects.
  CutFromTheServer(db, admin);
  auto lost = db.Query("SELECT 1");
  ASSERT_FALSE(lost.has_value());
  EXPECT_EQ(lost.error().code, ErrorCode::kIOError);
  auto again = db.Query("SELECT 1");
  ASSERT_TRUE(again.has_value()) << again.error().message;

  // Beginning a transaction changes nothing, so it reconnects at once.
  CutFromTheServer(db, admin);
  ASSERT_TRUE(db.Begin());
  ASSERT_TRUE(db.Query("INSERT INTO notes VALUES($1)", {"kept"}));
  ASSERT_TRUE(db.Commit());

  // Inside a transaction, the rest of it fails rather than running on a new session
  // outside any transaction.
  ASSERT_TRUE(db.Begin());
  ASSERT_TRUE(db.Query("INSERT INTO notes VALUES($1)", {"first half"}));
  CutFromTheServer(db, admin);
  EXPECT_FALSE(db.Query("INSERT INTO notes VALUES($1)", {"second half"}).has_value());
  auto still = db.Query("INSERT INTO notes VALUES($1)", {"second half"});
  ASSERT_FALSE(still.has_value());
  EXPECT_NE(still.error().message.find("during a transaction"), std::string::npos)
      << still.error().message;
  db.Rollback();
  auto rows = db.Query("SELECT text FROM notes");
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1);
  EXPECT_EQ(rows->Text(0, 0), "kept");
}

}  // namespace
}  // namespace backstride
