#include "app/clinic.h"

#include <chrono>
#include <cmath>
#include <utility>

#include "store/pg_clinic.h"
#include "store/pg_pool.h"
#include "store/pg_store.h"

namespace backstride {
namespace {

double SystemNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Account AccountOf(const AccountRow& row) {
  Account account;
  account.id = row.id;
  account.clinic_id = row.clinic_id;
  account.clinic = row.clinic_name;
  account.role = row.role == "therapist" ? Role::kTherapist : Role::kRunner;
  account.email = row.email;
  account.name = row.name;
  return account;
}

Error WrongLink() {
  return Error::Unauthenticated(
      "This link has been used already, has expired, or was copied incompletely. Ask your "
      "therapist for a new one.");
}

Result<void> CheckEmail(std::string_view email) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 ||
      email.find('.', at) == std::string_view::npos || email.back() == '.' ||
      email.find_first_of(" \t\r\n<>,;") != std::string_view::npos) {
    return Fail(Error::InvalidArgument(
        "'" + std::string(email.substr(0, 80)) + "' is not an email address.", "email"));
  }
  return {};
}

Result<void> CheckName(std::string_view name, std::string_view field) {
  if (name.size() > 200) {
    return Fail(Error::InvalidArgument("A name can have at most 200 characters.",
                                       std::string(field)));
  }
  return {};
}

std::string Minutes(int seconds) {
  const int minutes = std::max(1, static_cast<int>(std::ceil(seconds / 60.0)));
  return minutes == 1 ? "a minute" : std::to_string(minutes) + " minutes";
}

}  // namespace

Clinic::Clinic(std::shared_ptr<PgPool> stores, std::unique_ptr<ClinicDatabase> db,
               ClinicOptions options)
    : stores_(std::move(stores)), db_(std::move(db)), options_(std::move(options)) {}
Clinic::~Clinic() = default;

Result<void> Clinic::Prepare(const std::string& connection) {
  return ClinicDatabase::Prepare(connection);
}

Result<std::unique_ptr<Clinic>> Clinic::Open(const std::string& connection, ClinicOptions options) {
  auto db = ClinicDatabase::Open(connection);
  if (!db) return Fail(db.error());
  auto stores = PgPool::Create(connection, options.store_connections);
  return std::unique_ptr<Clinic>(new Clinic(std::move(stores), std::move(*db), std::move(options)));
}

Result<std::unique_ptr<Clinic>> Clinic::Another() const {
  auto db = ClinicDatabase::Open(stores_->connection());
  if (!db) return Fail(db.error());
  return std::unique_ptr<Clinic>(new Clinic(stores_, std::move(*db), options_));
}

double Clinic::Now() const { return options_.now ? options_.now() : SystemNow(); }

Result<IssuedLink> Clinic::CreateClinic(std::string_view name, std::string_view therapist_email,
                                        std::string_view therapist_name) {
  if (name.empty() || name.size() > 200) {
    return Fail(Error::InvalidArgument("A clinic needs a name of 1 to 200 characters.", "name"));
  }
  if (auto checked = CheckEmail(therapist_email); !checked) return Fail(checked.error());
  if (auto checked = CheckName(therapist_name, "therapist_name"); !checked) {
    return Fail(checked.error());
  }
  auto therapist = db_->AddClinic(name, therapist_email, therapist_name);
  if (!therapist) return Fail(therapist.error());
  auto clinic = db_->AccountById(*therapist);
  if (!clinic) return Fail(clinic.error());
  return SetupLink((*clinic)->clinic_id, *therapist);
}

Result<IssuedLink> Clinic::SetupLink(std::int64_t clinic_id, std::int64_t therapist) {
  const NewToken token = MakeToken();
  LinkRow link;
  link.purpose = "setup";
  link.clinic_id = clinic_id;
  link.account_id = therapist;
  link.expires_at = Now() + kSetupLinkSeconds;
  if (auto added = db_->AddLink(token.digest, link); !added) return Fail(added.error());
  return IssuedLink{token.token, link.purpose, link.expires_at};
}

Result<IssuedLink> Clinic::AddTherapist(std::string_view clinic, std::string_view email,
                                        std::string_view name) {
  if (auto checked = CheckEmail(email); !checked) return Fail(checked.error());
  if (auto checked = CheckName(name, "name"); !checked) return Fail(checked.error());
  auto clinic_id = db_->ClinicNamed(clinic);
  if (!clinic_id) return Fail(clinic_id.error());
  if (!*clinic_id) {
    return Fail(Error::NotFound("There is no clinic named '" + std::string(clinic) + "'."));
  }
  auto therapist = db_->AddTherapist(**clinic_id, email, name);
  if (!therapist) return Fail(therapist.error());
  return SetupLink(**clinic_id, *therapist);
}

Result<IssuedLink> Clinic::InviteClient(const Account& therapist, std::string_view email,
                                        std::string_view name) {
  if (therapist.role != Role::kTherapist) {
    return Fail(Error::PermissionDenied("Only a therapist can invite a client."));
  }
  if (!email.empty()) {
    if (auto checked = CheckEmail(email); !checked) return Fail(checked.error());
  }
  if (auto checked = CheckName(name, "name"); !checked) return Fail(checked.error());
  const NewToken token = MakeToken();
  LinkRow link;
  link.purpose = "invite";
  link.clinic_id = therapist.clinic_id;
  link.therapist_id = therapist.id;
  link.email = std::string(email);
  link.name = std::string(name);
  link.expires_at = Now() + kInvitationSeconds;
  if (auto added = db_->AddLink(token.digest, link); !added) return Fail(added.error());
  return IssuedLink{token.token, link.purpose, link.expires_at};
}

Result<IssuedLink> Clinic::IssueResetLink(const Account& therapist, std::int64_t client_account) {
  if (therapist.role != Role::kTherapist) {
    return Fail(Error::PermissionDenied("Only a therapist can give a new password link."));
  }
  auto mine = db_->IsClientOf(therapist.id, client_account);
  if (!mine) return Fail(mine.error());
  if (!*mine) return Fail(Error::NotFound("You have no client " + std::to_string(client_account) + "."));
  const NewToken token = MakeToken();
  LinkRow link;
  link.purpose = "reset";
  link.clinic_id = therapist.clinic_id;
  link.account_id = client_account;
  link.therapist_id = therapist.id;
  link.expires_at = Now() + kResetLinkSeconds;
  if (auto added = db_->AddLink(token.digest, link); !added) return Fail(added.error());
  return IssuedLink{token.token, link.purpose, link.expires_at};
}

Result<std::vector<Client>> Clinic::Clients(const Account& therapist) {
  if (therapist.role != Role::kTherapist) {
    return Fail(Error::PermissionDenied("Only a therapist has clients."));
  }
  auto rows = db_->Clients(therapist.id);
  if (!rows) return Fail(rows.error());
  std::vector<Client> clients;
  clients.reserve(rows->size());
  for (const ClientRow& row : *rows) clients.push_back(Client{AccountOf(row.account), row.since});
  return clients;
}

Result<LinkDetails> Clinic::LookUpLink(std::string_view token) {
  const std::string digest = TokenDigest(token);
  if (digest.empty()) return Fail(WrongLink());
  auto link = db_->Link(digest, Now());
  if (!link) return Fail(link.error());
  if (!*link) return Fail(WrongLink());
  LinkDetails details;
  details.purpose = (*link)->purpose;
  details.clinic = (*link)->clinic_name;
  details.therapist = (*link)->therapist_name;
  details.email = (*link)->email;
  details.name = (*link)->name;
  if ((*link)->account_id) {
    auto account = db_->AccountById(*(*link)->account_id);
    if (!account) return Fail(account.error());
    if (*account) {
      details.email = (*account)->email;
      details.name = (*account)->name;
    }
  }
  details.expires_at = (*link)->expires_at;
  return details;
}

Result<SignedIn> Clinic::UseLink(std::string_view token, std::string_view password,
                                 std::string_view email, std::string_view name) {
  const std::string digest = TokenDigest(token);
  if (digest.empty()) return Fail(WrongLink());
  auto link = db_->Link(digest, Now());
  if (!link) return Fail(link.error());
  if (!*link) return Fail(WrongLink());
  if (auto checked = CheckNewPassword(password); !checked) return Fail(checked.error());
  if ((*link)->purpose == "invite") {
    if (auto checked = CheckEmail(email); !checked) return Fail(checked.error());
    if (auto checked = CheckName(name, "name"); !checked) return Fail(checked.error());
  }
  auto hash = HashPassword(password, options_.password_costs);
  if (!hash) return Fail(hash.error());
  auto account = (*link)->purpose == "invite"
                     ? db_->UseInvitation(digest, email, name, *hash, Now())
                     : db_->UsePasswordLink(digest, *hash, Now());
  if (!account) return Fail(account.error());
  if (!*account) return Fail(WrongLink());  // another tab used it a moment before
  return StartSession(AccountOf(**account));
}

Result<SignedIn> Clinic::SignIn(std::string_view email, std::string_view password,
                                std::string_view address) {
  auto row = db_->AccountByEmail(email);
  if (!row) return Fail(row.error());
  const double now = Now();
  std::optional<std::int64_t> account_id;
  if (*row) account_id = (*row)->id;
  auto counted = db_->RecordAttempt(account_id, address, now, now - kAttemptWindowSeconds);
  if (!counted) return Fail(counted.error());
  const auto& [by_account, by_address] = *counted;
  std::optional<double> free_at;
  if (account_id && by_account.count > kAttemptsPerAccount) {
    free_at = by_account.oldest_at + kAttemptWindowSeconds;
  }
  if (by_address.count > kAttemptsPerAddress) {
    free_at = std::max(free_at.value_or(0), by_address.oldest_at + kAttemptWindowSeconds);
  }
  if (free_at) {
    const int wait = std::max(1, static_cast<int>(std::ceil(*free_at - now)));
    return Fail(Error::RateLimited("Too many attempts to sign in. For your account's safety, "
                                   "please wait " + Minutes(wait) + " and try again.",
                                   wait));
  }
  // A missing account and a wrong password take the same time and get the same answer, so
  // the answer tells no one which emails have accounts.
  if (dummy_hash_.empty()) {
    auto dummy = HashPassword("not anyone's password", options_.password_costs);
    if (!dummy) return Fail(dummy.error());
    dummy_hash_ = std::move(*dummy);
  }
  const std::string& hash = *row && !(*row)->password_hash.empty() ? (*row)->password_hash
                                                                     : dummy_hash_;
  const bool matches = VerifyPassword(hash, password) && *row && !(*row)->password_hash.empty();
  if (!matches) {
    return Fail(Error::Unauthenticated("The email or the password is not right."));
  }
  if (auto cleared = db_->ClearAttempts((*row)->id); !cleared) return Fail(cleared.error());
  return StartSession(AccountOf(**row));
}

Result<SignedIn> Clinic::StartSession(const Account& account) {
  const NewToken session = MakeToken();
  const NewToken csrf = MakeToken();
  const double now = Now();
  SignedIn signed_in{session.token, csrf.token, account, now + kSessionSeconds};
  if (auto added = db_->AddSession(session.digest, account.id, csrf.token, now,
                                   signed_in.expires_at);
      !added) {
    return Fail(added.error());
  }
  return signed_in;
}

Result<SignedIn> Clinic::Authenticate(std::string_view session_token) {
  const std::string digest = TokenDigest(session_token);
  if (digest.empty()) return Fail(Error::Unauthenticated("Please sign in."));
  auto session = db_->Session(digest, Now());
  if (!session) return Fail(session.error());
  if (!*session) return Fail(Error::Unauthenticated("Your session has ended; please sign in again."));
  return SignedIn{std::string(session_token), (*session)->csrf_token,
                  AccountOf((*session)->account), (*session)->expires_at};
}

Result<void> Clinic::SignOut(std::string_view session_token) {
  const std::string digest = TokenDigest(session_token);
  if (digest.empty()) return {};
  return db_->DeleteSession(digest);
}

Result<void> Clinic::SignOutEverywhere(const Account& account) {
  auto ended = db_->DeleteSessions(account.id);
  if (!ended) return Fail(ended.error());
  return {};
}

Result<void> Clinic::ChangePassword(const Account& account, std::string_view current,
                                    std::string_view replacement) {
  auto row = db_->AccountById(account.id);
  if (!row) return Fail(row.error());
  if (!*row || !VerifyPassword((*row)->password_hash, current)) {
    return Fail(Error::InvalidArgument("The current password is not right.", "current"));
  }
  if (auto checked = CheckNewPassword(replacement); !checked) return Fail(checked.error());
  auto hash = HashPassword(replacement, options_.password_costs);
  if (!hash) return Fail(hash.error());
  return db_->SetPassword(account.id, *hash);
}

Result<std::unique_ptr<App>> Clinic::OpenRunner(std::int64_t account_id) {
  auto row = db_->AccountById(account_id);
  if (!row) return Fail(row.error());
  if (!*row || !(*row)->runner) {
    return Fail(Error::NotFound("There is no runner " + std::to_string(account_id) + "."));
  }
  auto store = PgStore::Open(stores_, *(*row)->runner);
  if (!store) return Fail(store.error());
  return std::make_unique<App>(std::move(*store),
                               options_.clock ? options_.clock() : SystemClock());
}

Result<std::unique_ptr<App>> Clinic::RunnerApp(const Account& runner) {
  if (runner.role != Role::kRunner) {
    return Fail(Error::PermissionDenied(
        "A therapist's account has no running plan of its own; open a client's instead."));
  }
  return OpenRunner(runner.id);
}

Result<std::unique_ptr<App>> Clinic::ClientApp(const Account& therapist,
                                               std::int64_t client_account,
                                               std::string_view what) {
  if (therapist.role != Role::kTherapist) {
    return Fail(Error::PermissionDenied("Only a client's therapist can open their data."));
  }
  auto mine = db_->IsClientOf(therapist.id, client_account);
  if (!mine) return Fail(mine.error());
  // Another therapist's client and no client at all look the same from outside.
  if (!*mine) return Fail(Error::NotFound("You have no client " + std::to_string(client_account) + "."));
  auto row = db_->AccountById(client_account);
  if (!row) return Fail(row.error());
  if (!*row || !(*row)->runner) {
    return Fail(Error::NotFound("You have no client " + std::to_string(client_account) + "."));
  }
  // Written before the read: a read that is not in the log does not happen.
  if (auto audited = db_->AddAudit(*(*row)->runner, therapist.id, therapist.name, what, Now());
      !audited) {
    return Fail(audited.error());
  }
  return OpenRunner(client_account);
}

Result<std::vector<AuditEntry>> Clinic::AuditLog(const Account& runner) {
  auto row = db_->AccountById(runner.id);
  if (!row) return Fail(row.error());
  if (!*row || !(*row)->runner) return std::vector<AuditEntry>{};
  auto rows = db_->Audit(*(*row)->runner);
  if (!rows) return Fail(rows.error());
  std::vector<AuditEntry> entries;
  entries.reserve(rows->size());
  for (const AuditRow& audit : *rows) {
    entries.push_back(AuditEntry{audit.therapist_name, audit.what, audit.at});
  }
  return entries;
}

Result<void> Clinic::DeleteAccount(const Account& runner, std::string_view password) {
  if (runner.role != Role::kRunner) {
    return Fail(Error::PermissionDenied("A therapist's account is removed by the clinic."));
  }
  auto row = db_->AccountById(runner.id);
  if (!row) return Fail(row.error());
  if (!*row || !VerifyPassword((*row)->password_hash, password)) {
    return Fail(Error::InvalidArgument("The password is not right.", "password"));
  }
  return db_->DeleteRunnerAccount(runner.id);
}

}  // namespace backstride
