#include "store/pg_clinic.h"

#include <utility>

#include "store/pg.h"
#include "store/pg_store.h"

namespace backstride {
namespace {

// The clinic's tables, made after the runners' (accounts reference runners). A change
// here is a new step, as the store's schema is: kClinicVersion + 1.
constexpr int kClinicVersion = 1;
constexpr std::int64_t kClinicSchemaLock = 0x62737472636c6e;  // "bstrcln"

constexpr const char* kClinicDdl = R"sql(
CREATE TABLE clinics (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name <> ''),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  clinic_id bigint NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('therapist', 'runner')),
  email text NOT NULL CHECK (email <> ''),
  name text NOT NULL DEFAULT '',
  password_hash text NOT NULL DEFAULT '',
  runner_id bigint UNIQUE REFERENCES runners(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'runner') = (runner_id IS NOT NULL))
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));
CREATE TABLE care (
  therapist_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  client_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  since timestamptz NOT NULL,
  PRIMARY KEY (therapist_id, client_id)
);
CREATE INDEX care_client ON care (client_id);
CREATE TABLE links (
  digest text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('setup', 'invite', 'reset')),
  clinic_id bigint NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
  account_id bigint REFERENCES accounts(id) ON DELETE CASCADE,
  therapist_id bigint REFERENCES accounts(id) ON DELETE CASCADE,
  email text NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX links_account ON links (account_id);
CREATE INDEX links_therapist ON links (therapist_id);
CREATE TABLE sessions (
  digest text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE TABLE sign_in_attempts (
  account_id bigint REFERENCES accounts(id) ON DELETE CASCADE,
  address text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_account ON sign_in_attempts (account_id, at);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at);
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  runner_id bigint NOT NULL REFERENCES runners(id) ON DELETE CASCADE,
  therapist_id bigint REFERENCES accounts(id) ON DELETE SET NULL,
  therapist_name text NOT NULL,
  what text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX audit_log_runner ON audit_log (runner_id, at);
)sql";

constexpr double kLastSeenResolutionSeconds = 300;

constexpr const char* kAccountColumns =
    "a.id, a.clinic_id, c.name, a.role, a.email, a.name, a.password_hash, a.runner_id";

AccountRow ReadAccount(const pg::Rows& rows, int row, int first = 0) {
  AccountRow account;
  account.id = rows.Int(row, first);
  account.clinic_id = rows.Int(row, first + 1);
  account.clinic_name = std::string(rows.Text(row, first + 2));
  account.role = std::string(rows.Text(row, first + 3));
  account.email = std::string(rows.Text(row, first + 4));
  account.name = std::string(rows.Text(row, first + 5));
  account.password_hash = std::string(rows.Text(row, first + 6));
  account.runner = rows.OptionalInt(row, first + 7);
  return account;
}

// Runs `work` in one transaction of `db`.
template <typename Work>
auto InTransaction(pg::Connection& db, Work work) -> decltype(work()) {
  if (auto begin = db.Begin(); !begin) return Fail(begin.error());
  auto done = work();
  if (done) {
    if (auto commit = db.Commit(); !commit) return Fail(commit.error());
  } else {
    db.Rollback();
  }
  return done;
}

}  // namespace

ClinicDatabase::ClinicDatabase(std::unique_ptr<pg::Connection> db) : db_(std::move(db)) {}
ClinicDatabase::~ClinicDatabase() = default;

Result<void> ClinicDatabase::Prepare(const std::string& connection) {
  if (auto store = PgStore::PrepareDatabase(connection); !store) return store;
  auto db = pg::Connection::Open(connection);
  if (!db) return Fail(db.error());
  return InTransaction(*db, [&]() -> Result<void> {
    if (auto lock = db->Query("SELECT pg_advisory_xact_lock($1)", {kClinicSchemaLock}); !lock) {
      return Fail(lock.error());
    }
    if (auto made = db->Execute(
            "CREATE TABLE IF NOT EXISTS clinic_schema_version (version integer NOT NULL)");
        !made) {
      return made;
    }
    auto version = db->Query("SELECT version FROM clinic_schema_version");
    if (!version) return Fail(version.error());
    if (version->empty()) {
      if (auto made = db->Execute(kClinicDdl); !made) return made;
      auto set = db->Query("INSERT INTO clinic_schema_version(version) VALUES ($1)",
                           {kClinicVersion});
      if (!set) return Fail(set.error());
      return {};
    }
    if (version->Int(0, 0) > kClinicVersion) {
      return Fail(Error::Unsupported("the clinic's tables were made by a newer backstride "
                                     "(version " + std::to_string(version->Int(0, 0)) +
                                     "); please update"));
    }
    return {};
  });
}

Result<std::unique_ptr<ClinicDatabase>> ClinicDatabase::Open(const std::string& connection) {
  auto db = pg::Connection::Open(connection);
  if (!db) return Fail(db.error());
  auto prepared = db->Query("SELECT to_regclass('clinic_schema_version') IS NOT NULL");
  if (!prepared) return Fail(prepared.error());
  if (!prepared->Bool(0, 0)) {
    return Fail(Error::FailedPrecondition(
        "the database has no clinic tables yet; start the server once to make them"));
  }
  return std::unique_ptr<ClinicDatabase>(
      new ClinicDatabase(std::make_unique<pg::Connection>(std::move(*db))));
}

Result<std::int64_t> ClinicDatabase::AddClinic(std::string_view name,
                                               std::string_view therapist_email,
                                               std::string_view therapist_name) {
  return InTransaction(*db_, [&]() -> Result<std::int64_t> {
    auto added = db_->Query(
        "INSERT INTO clinics(name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id",
        {name});
    if (!added) return Fail(added.error());
    if (added->empty()) {
      return Fail(Error::InvalidArgument("A clinic named '" + std::string(name) +
                                             "' exists already; choose another name.",
                                         "name"));
    }
    return AddTherapist(added->Int(0, 0), therapist_email, therapist_name);
  });
}

Result<std::optional<std::int64_t>> ClinicDatabase::ClinicNamed(std::string_view name) {
  auto found = db_->Query("SELECT id FROM clinics WHERE name = $1", {name});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(found->Int(0, 0));
}

Result<std::int64_t> ClinicDatabase::AddTherapist(std::int64_t clinic_id, std::string_view email,
                                                  std::string_view name) {
  auto added = db_->Query(
      "INSERT INTO accounts(clinic_id, role, email, name) VALUES ($1, 'therapist', $2, $3) "
      "ON CONFLICT DO NOTHING RETURNING id",
      {clinic_id, email, name});
  if (!added) return Fail(added.error());
  if (added->empty()) {
    return Fail(Error::InvalidArgument(
        "An account with the email " + std::string(email) + " exists already.", "email"));
  }
  return added->Int(0, 0);
}

Result<std::optional<AccountRow>> ClinicDatabase::AccountByEmail(std::string_view email) {
  auto found = db_->Query(std::string("SELECT ") + kAccountColumns +
                              " FROM accounts a JOIN clinics c ON c.id = a.clinic_id "
                              "WHERE lower(a.email) = lower($1)",
                          {email});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<AccountRow>();
  return std::optional<AccountRow>(ReadAccount(*found, 0));
}

Result<std::optional<AccountRow>> ClinicDatabase::AccountById(std::int64_t id) {
  auto found = db_->Query(std::string("SELECT ") + kAccountColumns +
                              " FROM accounts a JOIN clinics c ON c.id = a.clinic_id "
                              "WHERE a.id = $1",
                          {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<AccountRow>();
  return std::optional<AccountRow>(ReadAccount(*found, 0));
}

Result<void> ClinicDatabase::AddLink(std::string_view digest, const LinkRow& link) {
  auto added = db_->Query(
      "INSERT INTO links(digest, purpose, clinic_id, account_id, therapist_id, email, name, "
      "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8))",
      {digest, link.purpose, link.clinic_id, link.account_id, link.therapist_id, link.email,
       link.name, link.expires_at});
  if (!added) return Fail(added.error());
  return {};
}

Result<std::optional<LinkRow>> ClinicDatabase::Link(std::string_view digest, double now) {
  auto found = db_->Query(
      "SELECT l.purpose, l.clinic_id, c.name, l.account_id, l.therapist_id, "
      "coalesce(t.name, ''), l.email, l.name, extract(epoch FROM l.expires_at) "
      "FROM links l JOIN clinics c ON c.id = l.clinic_id "
      "LEFT JOIN accounts t ON t.id = l.therapist_id "
      "WHERE l.digest = $1 AND l.used_at IS NULL AND l.expires_at > to_timestamp($2)",
      {digest, now});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<LinkRow>();
  LinkRow link;
  link.purpose = std::string(found->Text(0, 0));
  link.clinic_id = found->Int(0, 1);
  link.clinic_name = std::string(found->Text(0, 2));
  link.account_id = found->OptionalInt(0, 3);
  link.therapist_id = found->OptionalInt(0, 4);
  link.therapist_name = std::string(found->Text(0, 5));
  link.email = std::string(found->Text(0, 6));
  link.name = std::string(found->Text(0, 7));
  link.expires_at = found->Real(0, 8);
  return std::optional<LinkRow>(std::move(link));
}

Result<std::optional<AccountRow>> ClinicDatabase::UsePasswordLink(std::string_view digest,
                                                                  std::string_view password_hash,
                                                                  double now) {
  return InTransaction(*db_, [&]() -> Result<std::optional<AccountRow>> {
    // Claiming the link and using it are one statement's work: of two tabs that send it
    // at once, one finds it unused.
    auto claimed = db_->Query(
        "UPDATE links SET used_at = to_timestamp($2) WHERE digest = $1 AND used_at IS NULL "
        "AND expires_at > to_timestamp($2) AND purpose IN ('setup', 'reset') "
        "RETURNING account_id",
        {digest, now});
    if (!claimed) return Fail(claimed.error());
    if (claimed->empty() || claimed->IsNull(0, 0)) return std::optional<AccountRow>();
    const std::int64_t account = claimed->Int(0, 0);
    if (auto set = SetPassword(account, password_hash); !set) return Fail(set.error());
    if (auto ended = DeleteSessions(account); !ended) return Fail(ended.error());
    auto row = AccountById(account);
    if (!row) return Fail(row.error());
    return *row;
  });
}

Result<std::optional<AccountRow>> ClinicDatabase::UseInvitation(std::string_view digest,
                                                                std::string_view email,
                                                                std::string_view name,
                                                                std::string_view password_hash,
                                                                double now) {
  return InTransaction(*db_, [&]() -> Result<std::optional<AccountRow>> {
    auto claimed = db_->Query(
        "UPDATE links SET used_at = to_timestamp($2) WHERE digest = $1 AND used_at IS NULL "
        "AND expires_at > to_timestamp($2) AND purpose = 'invite' "
        "RETURNING clinic_id, therapist_id",
        {digest, now});
    if (!claimed) return Fail(claimed.error());
    if (claimed->empty()) return std::optional<AccountRow>();
    const std::int64_t clinic = claimed->Int(0, 0);
    const std::int64_t therapist = claimed->Int(0, 1);
    auto runner = db_->Query("INSERT INTO runners DEFAULT VALUES RETURNING id");
    if (!runner) return Fail(runner.error());
    auto account = db_->Query(
        "INSERT INTO accounts(clinic_id, role, email, name, password_hash, runner_id) "
        "VALUES ($1, 'runner', $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id",
        {clinic, email, name, password_hash, runner->Int(0, 0)});
    if (!account) return Fail(account.error());
    if (account->empty()) {
      return Fail(Error::InvalidArgument(
          "An account with the email " + std::string(email) +
              " exists already; sign in with it, or give another email.",
          "email"));
    }
    const std::int64_t id = account->Int(0, 0);
    // The link now belongs to the account: it goes when the account does.
    auto link = db_->Query("UPDATE links SET account_id = $2 WHERE digest = $1", {digest, id});
    if (!link) return Fail(link.error());
    auto care = db_->Query(
        "INSERT INTO care(therapist_id, client_id, since) VALUES ($1, $2, to_timestamp($3))",
        {therapist, id, now});
    if (!care) return Fail(care.error());
    auto row = AccountById(id);
    if (!row) return Fail(row.error());
    return *row;
  });
}

Result<void> ClinicDatabase::SetPassword(std::int64_t account_id, std::string_view password_hash) {
  auto set = db_->Query("UPDATE accounts SET password_hash = $2 WHERE id = $1",
                        {account_id, password_hash});
  if (!set) return Fail(set.error());
  if (set->Affected() == 0) {
    return Fail(Error::NotFound("no account " + std::to_string(account_id)));
  }
  return {};
}

Result<void> ClinicDatabase::AddSession(std::string_view digest, std::int64_t account_id,
                                        std::string_view csrf_token, double now,
                                        double expires_at) {
  auto added = db_->Query(
      "INSERT INTO sessions(digest, account_id, csrf_token, created_at, last_seen_at, "
      "expires_at) VALUES ($1, $2, $3, to_timestamp($4), to_timestamp($4), to_timestamp($5))",
      {digest, account_id, csrf_token, now, expires_at});
  if (!added) return Fail(added.error());
  return {};
}

Result<std::optional<SessionRow>> ClinicDatabase::Session(std::string_view digest, double now) {
  auto found = db_->Query(
      std::string("SELECT ") + kAccountColumns +
          ", s.csrf_token, extract(epoch FROM s.expires_at), "
          "extract(epoch FROM s.last_seen_at) FROM sessions s "
          "JOIN accounts a ON a.id = s.account_id JOIN clinics c ON c.id = a.clinic_id "
          "WHERE s.digest = $1 AND s.expires_at > to_timestamp($2)",
      {digest, now});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<SessionRow>();
  SessionRow session;
  session.account = ReadAccount(*found, 0);
  session.csrf_token = std::string(found->Text(0, 8));
  session.expires_at = found->Real(0, 9);
  // The last use is kept to the minute or so, not to the request: a write (and a wait for
  // the disk) on every read would cost more than the read itself.
  if (now - found->Real(0, 10) > kLastSeenResolutionSeconds) {
    auto touched = db_->Query(
        "UPDATE sessions SET last_seen_at = to_timestamp($2) WHERE digest = $1", {digest, now});
    if (!touched) return Fail(touched.error());
  }
  return std::optional<SessionRow>(std::move(session));
}

Result<void> ClinicDatabase::DeleteSession(std::string_view digest) {
  auto deleted = db_->Query("DELETE FROM sessions WHERE digest = $1", {digest});
  if (!deleted) return Fail(deleted.error());
  return {};
}

Result<std::int64_t> ClinicDatabase::DeleteSessions(std::int64_t account_id) {
  auto deleted = db_->Query("DELETE FROM sessions WHERE account_id = $1", {account_id});
  if (!deleted) return Fail(deleted.error());
  return deleted->Affected();
}

Result<std::pair<AttemptCount, AttemptCount>> ClinicDatabase::RecordAttempt(
    std::optional<std::int64_t> account, std::string_view address, double now, double since) {
  // Committed on its own before counting (no transaction around both): see the header.
  auto recorded = db_->Query(
      "INSERT INTO sign_in_attempts(account_id, address, at) VALUES ($1, $2, to_timestamp($3))",
      {account, address, now});
  if (!recorded) return Fail(recorded.error());
  auto counted = db_->Query(
      "SELECT count(*) FILTER (WHERE account_id = $1), "
      "coalesce(extract(epoch FROM min(at) FILTER (WHERE account_id = $1)), 0), "
      "count(*) FILTER (WHERE address = $2), "
      "coalesce(extract(epoch FROM min(at) FILTER (WHERE address = $2)), 0) "
      "FROM sign_in_attempts WHERE (account_id = $1 OR address = $2) "
      "AND at > to_timestamp($3)",
      {account, address, since});
  if (!counted) return Fail(counted.error());
  AttemptCount by_account{static_cast<int>(counted->Int(0, 0)), counted->Real(0, 1)};
  AttemptCount by_address{static_cast<int>(counted->Int(0, 2)), counted->Real(0, 3)};
  // Attempts older than a day count for nothing any more: cleared as we go.
  auto pruned = db_->Query("DELETE FROM sign_in_attempts WHERE at < to_timestamp($1)",
                           {now - 86400.0});
  if (!pruned) return Fail(pruned.error());
  return std::make_pair(by_account, by_address);
}

Result<void> ClinicDatabase::ClearAttempts(std::int64_t account_id) {
  auto cleared = db_->Query("DELETE FROM sign_in_attempts WHERE account_id = $1", {account_id});
  if (!cleared) return Fail(cleared.error());
  return {};
}

Result<bool> ClinicDatabase::IsClientOf(std::int64_t therapist_account,
                                        std::int64_t client_account) {
  auto found = db_->Query(
      "SELECT 1 FROM care k JOIN accounts t ON t.id = k.therapist_id "
      "JOIN accounts r ON r.id = k.client_id "
      "WHERE k.therapist_id = $1 AND k.client_id = $2 AND t.clinic_id = r.clinic_id",
      {therapist_account, client_account});
  if (!found) return Fail(found.error());
  return !found->empty();
}

Result<std::vector<ClientRow>> ClinicDatabase::Clients(std::int64_t therapist_account) {
  auto found = db_->Query(std::string("SELECT ") + kAccountColumns +
                              ", extract(epoch FROM k.since) FROM care k "
                              "JOIN accounts a ON a.id = k.client_id "
                              "JOIN clinics c ON c.id = a.clinic_id "
                              "JOIN accounts t ON t.id = k.therapist_id "
                              "WHERE k.therapist_id = $1 AND t.clinic_id = a.clinic_id "
                              "ORDER BY lower(a.name), a.id",
                          {therapist_account});
  if (!found) return Fail(found.error());
  std::vector<ClientRow> clients;
  clients.reserve(static_cast<std::size_t>(found->size()));
  for (int row = 0; row < found->size(); ++row) {
    clients.push_back(ClientRow{ReadAccount(*found, row), found->Real(row, 8)});
  }
  return clients;
}

Result<void> ClinicDatabase::AddAudit(std::int64_t runner, std::int64_t therapist_account,
                                      std::string_view therapist_name, std::string_view what,
                                      double at) {
  auto added = db_->Query(
      "INSERT INTO audit_log(runner_id, therapist_id, therapist_name, what, at) "
      "VALUES ($1, $2, $3, $4, to_timestamp($5))",
      {runner, therapist_account, therapist_name, what, at});
  if (!added) return Fail(added.error());
  return {};
}

Result<std::vector<AuditRow>> ClinicDatabase::Audit(std::int64_t runner) {
  auto found = db_->Query(
      "SELECT therapist_name, what, extract(epoch FROM at) FROM audit_log "
      "WHERE runner_id = $1 ORDER BY at DESC, id DESC",
      {runner});
  if (!found) return Fail(found.error());
  std::vector<AuditRow> rows;
  for (int row = 0; row < found->size(); ++row) {
    rows.push_back(AuditRow{std::string(found->Text(row, 0)), std::string(found->Text(row, 1)),
                            found->Real(row, 2)});
  }
  return rows;
}

Result<void> ClinicDatabase::DeleteRunnerAccount(std::int64_t account_id) {
  // The runner's row holds everything of theirs, the account among it.
  auto deleted = db_->Query(
      "DELETE FROM runners WHERE id = (SELECT runner_id FROM accounts WHERE id = $1 "
      "AND role = 'runner')",
      {account_id});
  if (!deleted) return Fail(deleted.error());
  if (deleted->Affected() == 0) {
    return Fail(Error::NotFound("no runner account " + std::to_string(account_id)));
  }
  return {};
}

}  // namespace backstride
