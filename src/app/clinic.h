// The clinic server's accounts: clinics, their therapists, the clients each therapist
// invites, how each signs in, and who may open whose data. The rules live here; the rows
// in the clinic database (store/pg_clinic.h), each runner's data in a store of their own
// in the same database (store/pg_store.h), opened as an App like the local one.
//
// - A clinic and its first therapist are made on the server's terminal (`backstride
//   clinic create`), which prints a one-use link for the therapist to set a password;
//   more therapists the same way (`clinic add-therapist`).
// - A therapist invites a client with a one-use link that expires; the client sets a
//   password with it and is then that therapist's client. A therapist sees only their
//   own clients, in their own clinic; every read of a client's data is written to an
//   audit log that the client can see.
// - Signing in is limited per account and per address (kRateLimited with the seconds
//   to wait), sessions live in the database (any server process serves any request), and
//   a password set with a link ends every session of the account.
#ifndef BACKSTRIDE_APP_CLINIC_H_
#define BACKSTRIDE_APP_CLINIC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "app/clock.h"
#include "app/credentials.h"
#include "base/result.h"

namespace backstride {

class ClinicDatabase;
class PgPool;

enum class Role { kTherapist, kRunner };

struct Account {
  std::int64_t id = 0;
  std::int64_t clinic_id = 0;
  std::string clinic;
  Role role = Role::kRunner;
  std::string email;
  std::string name;
};

// A one-use link's secret, to put in the address given out.
struct IssuedLink {
  std::string token;
  std::string purpose;  // "setup", "invite", "reset"
  double expires_at = 0;  // seconds since 1970, UTC
};

// What a link is for, shown on the page that opens it before a password is set.
struct LinkDetails {
  std::string purpose;
  std::string clinic;
  std::string therapist;  // an invitation's therapist
  std::string email;      // the account's, or the one the therapist wrote on the invitation
  std::string name;
  double expires_at = 0;
};

struct SignedIn {
  std::string token;       // the session cookie's value
  std::string csrf_token;  // to send back in a header with every change
  Account account;
  double expires_at = 0;
};

struct Client {
  Account account;
  double since = 0;  // accepted the invitation
};

struct AuditEntry {
  std::string therapist;
  std::string what;
  double at = 0;
};

struct ClinicOptions {
  PasswordCosts password_costs;
  // Seconds since 1970, UTC: when links and sessions expire, and sign-in attempts count.
  std::function<double()> now;
  // Each runner's clock (their today); the server's when empty.
  std::function<std::unique_ptr<Clock>()> clock;
  // Connections kept open for the runners' stores (PgPool), shared by Another().
  std::size_t store_connections = 8;
};

class Clinic {
 public:
  // How long things last, and how many attempts to sign in are allowed.
  static constexpr double kSetupLinkSeconds = 7 * 86400.0;
  static constexpr double kInvitationSeconds = 14 * 86400.0;
  static constexpr double kResetLinkSeconds = 86400.0;
  static constexpr double kSessionSeconds = 30 * 86400.0;
  static constexpr double kAttemptWindowSeconds = 15 * 60.0;
  static constexpr int kAttemptsPerAccount = 5;
  static constexpr int kAttemptsPerAddress = 30;

  // Makes the clinic's tables in the database at `connection`, or checks them: once, when
  // the server starts (several servers starting at once are safe). Fails with kIOError
  // when the database cannot be reached, kUnsupported when a newer backstride made it.
  static Result<void> Prepare(const std::string& connection);
  // Opens the clinic database at `connection` (prepared).
  static Result<std::unique_ptr<Clinic>> Open(const std::string& connection,
                                              ClinicOptions options = {});
  // Another Clinic on the same database, for another thread: a connection of its own for
  // the accounts, the same pool of connections for the runners' stores.
  Result<std::unique_ptr<Clinic>> Another() const;
  ~Clinic();
  Clinic(const Clinic&) = delete;
  Clinic& operator=(const Clinic&) = delete;

  // The server's terminal: a clinic with its first therapist, another therapist.
  Result<IssuedLink> CreateClinic(std::string_view name, std::string_view therapist_email,
                                  std::string_view therapist_name);
  Result<IssuedLink> AddTherapist(std::string_view clinic, std::string_view email,
                                  std::string_view name);

  // A therapist's: invite a client (email and name optional: the client gives them), a
  // new password link for one of their clients, their clients.
  Result<IssuedLink> InviteClient(const Account& therapist, std::string_view email,
                                  std::string_view name);
  Result<IssuedLink> IssueResetLink(const Account& therapist, std::int64_t client_account);
  Result<std::vector<Client>> Clients(const Account& therapist);

  // Anyone's with a link: what it is for; then using it with a password (an invitation
  // also takes the client's email and name), which signs them in. Fails with
  // kUnauthenticated when the link is unknown, used or expired.
  Result<LinkDetails> LookUpLink(std::string_view token);
  Result<SignedIn> UseLink(std::string_view token, std::string_view password,
                           std::string_view email = {}, std::string_view name = {});

  // Fails with kUnauthenticated (the same message whether the email or the password is
  // wrong) or kRateLimited.
  Result<SignedIn> SignIn(std::string_view email, std::string_view password,
                          std::string_view address);
  // The account of a session; kUnauthenticated when the session is unknown or expired.
  Result<SignedIn> Authenticate(std::string_view session_token);
  Result<void> SignOut(std::string_view session_token);
  Result<void> SignOutEverywhere(const Account& account);
  Result<void> ChangePassword(const Account& account, std::string_view current,
                              std::string_view replacement);

  // A runner's own data, as the local app has it.
  Result<std::unique_ptr<App>> RunnerApp(const Account& runner);
  // A client's data, read by their therapist: `what` ("the plan", "the log") goes to the
  // client's audit log first. kPermissionDenied for anyone but the client's therapist.
  Result<std::unique_ptr<App>> ClientApp(const Account& therapist, std::int64_t client_account,
                                         std::string_view what);
  Result<std::vector<AuditEntry>> AuditLog(const Account& runner);

  // Deletes a runner's account with every row of theirs, once their password confirms it.
  Result<void> DeleteAccount(const Account& runner, std::string_view password);

 private:
  Clinic(std::shared_ptr<PgPool> stores, std::unique_ptr<ClinicDatabase> db,
         ClinicOptions options);
  double Now() const;
  Result<IssuedLink> SetupLink(std::int64_t clinic_id, std::int64_t therapist);
  Result<SignedIn> StartSession(const Account& account);
  Result<std::unique_ptr<App>> OpenRunner(std::int64_t account_id);

  std::shared_ptr<PgPool> stores_;
  std::unique_ptr<ClinicDatabase> db_;
  ClinicOptions options_;
  // Verified against when an email has no account, so that it takes as long as a wrong
  // password and the time tells no one which emails have accounts.
  std::string dummy_hash_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_APP_CLINIC_H_
