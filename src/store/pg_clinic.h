// The clinic's own tables, beside the runners' stores in the same PostgreSQL database:
// clinics, accounts (therapists and runners), who is whose therapist, one-use links,
// sessions, sign-in attempts and the audit log of therapists' reads. Plain rows in and
// out; the rules (who may do what, when a link expires, how many attempts) are the app's
// (app/clinic.h).
//
// Deleting a runner deletes every row of theirs: their account hangs on their row in
// `runners` (ON DELETE CASCADE), and their sessions, links, attempts, care and audit rows
// hang on the account or the runner the same way.
//
// Times are passed in (seconds since 1970, UTC) rather than read from the database's
// clock, so the app's clock decides expiry, and tests can move it.
#ifndef BACKSTRIDE_STORE_PG_CLINIC_H_
#define BACKSTRIDE_STORE_PG_CLINIC_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace backstride {

namespace pg {
class Connection;
}

struct AccountRow {
  std::int64_t id = 0;
  std::int64_t clinic_id = 0;
  std::string clinic_name;
  std::string role;  // "therapist" or "runner"
  std::string email;
  std::string name;
  std::string password_hash;           // empty until the account's first link is used
  std::optional<std::int64_t> runner;  // a runner's store (runners.id)
};

struct LinkRow {
  std::string purpose;  // "setup" (a new therapist), "invite" (a new client), "reset"
  std::int64_t clinic_id = 0;
  std::string clinic_name;
  std::optional<std::int64_t> account_id;  // setup and reset: whose password it sets
  std::optional<std::int64_t> therapist_id;  // invite: who invites
  std::string therapist_name;
  std::string email;  // invite: the address the therapist gave, if any
  std::string name;
  double expires_at = 0;
};

struct SessionRow {
  AccountRow account;
  std::string csrf_token;
  double expires_at = 0;
};

struct ClientRow {
  AccountRow account;
  double since = 0;  // when the invitation was accepted
};

struct AuditRow {
  std::string therapist_name;
  std::string what;
  double at = 0;
};

// The attempts to sign in within a window, this one counted.
struct AttemptCount {
  int count = 0;
  double oldest_at = 0;  // of those counted
};

class ClinicDatabase {
 public:
  // Creates the runners' tables (PgStore) and the clinic's, or checks them; run once when
  // the server starts. Fails as PgStore::PrepareDatabase.
  static Result<void> Prepare(const std::string& connection);
  // Over a connection of its own. Fails with kIOError when the database cannot be
  // reached, kFailedPrecondition when it was not prepared.
  static Result<std::unique_ptr<ClinicDatabase>> Open(const std::string& connection);
  ~ClinicDatabase();
  ClinicDatabase(const ClinicDatabase&) = delete;
  ClinicDatabase& operator=(const ClinicDatabase&) = delete;

  // A clinic and its first therapist (without a password yet), together; returns the
  // therapist's account. Fails with kInvalidArgument when a clinic has that name already,
  // or an account that email.
  Result<std::int64_t> AddClinic(std::string_view name, std::string_view therapist_email,
                                 std::string_view therapist_name);
  Result<std::optional<std::int64_t>> ClinicNamed(std::string_view name);
  // A therapist without a password yet. Fails with kInvalidArgument when an account has
  // that email already (in any clinic: an email signs in to one account).
  Result<std::int64_t> AddTherapist(std::int64_t clinic_id, std::string_view email,
                                    std::string_view name);
  Result<std::optional<AccountRow>> AccountByEmail(std::string_view email);
  Result<std::optional<AccountRow>> AccountById(std::int64_t id);

  Result<void> AddLink(std::string_view digest, const LinkRow& link);
  // The link, when it is unused and has not expired at `now`.
  Result<std::optional<LinkRow>> Link(std::string_view digest, double now);
  // Uses a setup or reset link: sets its account's password, marks the link used and ends
  // the account's sessions, together. nullopt when the link is used, expired or unknown.
  Result<std::optional<AccountRow>> UsePasswordLink(std::string_view digest,
                                                    std::string_view password_hash, double now);
  // Uses an invitation: a new runner with an empty store, their account, and the
  // inviting therapist's care of them, together. nullopt when the link is used, expired
  // or unknown. Fails with kInvalidArgument when the email has an account already.
  Result<std::optional<AccountRow>> UseInvitation(std::string_view digest, std::string_view email,
                                                  std::string_view name,
                                                  std::string_view password_hash, double now);
  Result<void> SetPassword(std::int64_t account_id, std::string_view password_hash);

  Result<void> AddSession(std::string_view digest, std::int64_t account_id,
                          std::string_view csrf_token, double now, double expires_at);
  // The session, when it has not expired at `now` (its last use is then set to `now`,
  // when the one recorded is more than five minutes old).
  Result<std::optional<SessionRow>> Session(std::string_view digest, double now);
  Result<void> DeleteSession(std::string_view digest);
  // Ends every session of the account; returns how many there were.
  Result<std::int64_t> DeleteSessions(std::int64_t account_id);

  // Records an attempt to sign in from `address` (to `account`, when the email named one)
  // and counts the attempts since `since`, this one included: the account's and the
  // address's. Each attempt is committed before it is counted, so of a burst of attempts
  // at once, each sees at least those before it: no more than a limit's worth pass.
  Result<std::pair<AttemptCount, AttemptCount>> RecordAttempt(std::optional<std::int64_t> account,
                                                              std::string_view address,
                                                              double now, double since);
  // Forgets the account's attempts (it signed in).
  Result<void> ClearAttempts(std::int64_t account_id);

  // True when runner `client_account` accepted `therapist_account`'s invitation.
  Result<bool> IsClientOf(std::int64_t therapist_account, std::int64_t client_account);
  Result<std::vector<ClientRow>> Clients(std::int64_t therapist_account);

  Result<void> AddAudit(std::int64_t runner, std::int64_t therapist_account,
                        std::string_view therapist_name, std::string_view what, double at);
  Result<std::vector<AuditRow>> Audit(std::int64_t runner);

  // Deletes a runner's account, their store and every row of theirs. Fails with
  // kNotFound when there is no such runner account.
  Result<void> DeleteRunnerAccount(std::int64_t account_id);

 private:
  explicit ClinicDatabase(std::unique_ptr<pg::Connection> db);
  std::unique_ptr<pg::Connection> db_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_PG_CLINIC_H_
