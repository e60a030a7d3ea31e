// The clinic's accounts on a real PostgreSQL: links, signing in and its limits, sessions,
// who may open whose data, the audit log, and an account deleted to the last row.
#include "app/clinic.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "app/views.h"
#include "pg_cluster.h"
#include "store/pg.h"
#include "store/pg_clinic.h"

namespace backstride {
namespace {

// Argon2id at libsodium's least costs: the tests check the rules, not the hash's strength.
constexpr PasswordCosts kCheapCosts{1, 8192};
constexpr double kStart = 1'790'000'000;  // 2026-09-21

class ClinicTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = TestCluster();
    ASSERT_TRUE(cluster.has_value()) << cluster.error().message;
    auto database = (*cluster)->CreateDatabase();
    ASSERT_TRUE(database.has_value()) << database.error().message;
    connection_ = *database;
    auto prepared = ClinicDatabase::Prepare(connection_);
    ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
    clinic_ = OpenClinic();
  }

  std::unique_ptr<Clinic> OpenClinic() {
    ClinicOptions options;
    options.password_costs = kCheapCosts;
    options.now = [this] { return now_.load(); };
    options.clock = [] { return FixedClock(*ParseDate("2026-09-21")); };
    auto clinic = Clinic::Open(connection_, options);
    EXPECT_TRUE(clinic.has_value()) << clinic.error().message;
    return clinic ? std::move(*clinic) : nullptr;
  }

  // A clinic with a therapist signed in.
  SignedIn Therapist(const std::string& clinic, const std::string& email) {
    auto link = clinic_->CreateClinic(clinic, email, "Dr " + email.substr(0, email.find('@')));
    EXPECT_TRUE(link.has_value()) << link.error().message;
    auto signed_in = clinic_->UseLink(link->token, "correct horse battery");
    EXPECT_TRUE(signed_in.has_value()) << signed_in.error().message;
    return *signed_in;
  }

  SignedIn Client(const Account& therapist, const std::string& email) {
    auto link = clinic_->InviteClient(therapist, "", "");
    EXPECT_TRUE(link.has_value()) << link.error().message;
    auto signed_in = clinic_->UseLink(link->token, "my long running password", email, "Runner " + email);
    EXPECT_TRUE(signed_in.has_value()) << signed_in.error().message;
    return *signed_in;
  }

  std::map<std::string, std::int64_t> RowsPerTable() {
    auto db = pg::Connection::Open(connection_);
    EXPECT_TRUE(db.has_value());
    auto tables = db->Query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        "AND table_type = 'BASE TABLE'");
    EXPECT_TRUE(tables.has_value());
    std::map<std::string, std::int64_t> counts;
    for (int row = 0; row < tables->size(); ++row) {
      const std::string table(tables->Text(row, 0));
      auto count = db->Query("SELECT count(*) FROM \"" + table + "\"");
      EXPECT_TRUE(count.has_value());
      counts[table] = count->Int(0, 0);
    }
    return counts;
  }

  std::string connection_;
  std::atomic<double> now_{kStart};
  std::unique_ptr<Clinic> clinic_;
};

TEST_F(ClinicTest, ASetupLinkWorksOnceAndSignsTheTherapistIn) {
  auto link = clinic_->CreateClinic("Northside Physio", "ana@northside.example", "Ana Lind");
  ASSERT_TRUE(link.has_value()) << link.error().message;
  auto details = clinic_->LookUpLink(link->token);
  ASSERT_TRUE(details.has_value()) << details.error().message;
  EXPECT_EQ(details->purpose, "setup");
  EXPECT_EQ(details->email, "ana@northside.example");
  EXPECT_EQ(details->clinic, "Northside Physio");

  auto weak = clinic_->UseLink(link->token, "short");
  ASSERT_FALSE(weak.has_value());
  EXPECT_EQ(weak.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(weak.error().path, "password");

  auto used = clinic_->UseLink(link->token, "correct horse battery");
  ASSERT_TRUE(used.has_value()) << used.error().message;
  EXPECT_EQ(used->account.role, Role::kTherapist);
  EXPECT_EQ(used->account.name, "Ana Lind");
  auto again = clinic_->UseLink(link->token, "another long password");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kUnauthenticated);

  auto same_name = clinic_->CreateClinic("Northside Physio", "bo@northside.example", "");
  ASSERT_FALSE(same_name.has_value());
  EXPECT_EQ(same_name.error().code, ErrorCode::kInvalidArgument);
  // A clinic whose therapist cannot be made is not made either.
  auto taken_email = clinic_->CreateClinic("Eastside", "ana@northside.example", "");
  ASSERT_FALSE(taken_email.has_value());
  EXPECT_EQ(taken_email.error().path, "email");
  EXPECT_TRUE(clinic_->CreateClinic("Eastside", "cy@eastside.example", "").has_value());
  auto same_email = clinic_->AddTherapist("Northside Physio", "ANA@northside.example", "");
  ASSERT_FALSE(same_email.has_value());
  EXPECT_EQ(same_email.error().path, "email");
  EXPECT_FALSE(clinic_->AddTherapist("Nowhere", "x@y.example", "").has_value());
}

TEST_F(ClinicTest, AnInvitationExpiresAndAForgedOneFindsNothing) {
  const SignedIn therapist = Therapist("Northside", "ana@n.example");
  auto link = clinic_->InviteClient(therapist.account, "sam@r.example", "Sam");
  ASSERT_TRUE(link.has_value());
  auto details = clinic_->LookUpLink(link->token);
  ASSERT_TRUE(details.has_value());
  EXPECT_EQ(details->therapist, "Dr ana");
  EXPECT_EQ(details->email, "sam@r.example");

  now_ = kStart + Clinic::kInvitationSeconds + 1;
  auto late = clinic_->UseLink(link->token, "my long running password", "sam@r.example", "Sam");
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().code, ErrorCode::kUnauthenticated);
  for (const std::string& forged :
       std::vector<std::string>{"", "x", std::string(43, 'A'), std::string(43, '*')}) {
    auto none = clinic_->LookUpLink(forged);
    ASSERT_FALSE(none.has_value()) << forged;
    EXPECT_EQ(none.error().code, ErrorCode::kUnauthenticated);
  }
  // A runner cannot invite.
  now_ = kStart;
  const SignedIn runner = Client(therapist.account, "kim@r.example");
  auto invite = clinic_->InviteClient(runner.account, "", "");
  ASSERT_FALSE(invite.has_value());
  EXPECT_EQ(invite.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(ClinicTest, ATherapistOpensOnlyTheirOwnClientsAndEveryReadIsAudited) {
  const SignedIn ana = Therapist("Northside", "ana@n.example");
  auto bo_link = clinic_->AddTherapist("Northside", "bo@n.example", "Bo");
  ASSERT_TRUE(bo_link.has_value());
  auto bo = clinic_->UseLink(bo_link->token, "bo's long password");
  ASSERT_TRUE(bo.has_value());
  const SignedIn eve = Therapist("Southside", "eve@s.example");
  const SignedIn sam = Client(ana.account, "sam@r.example");

  // Sam's own store: a run logged.
  auto own = clinic_->RunnerApp(sam.account);
  ASSERT_TRUE(own.has_value()) << own.error().message;
  LogEntry run;
  run.kind = LogKind::kRun;
  run.date = *ParseDate("2026-09-20");
  run.distance_m = 3000;
  run.duration_s = 1200;
  run.pain = 2;
  ASSERT_TRUE((*own)->AddToLog(run).has_value());

  auto clients = clinic_->Clients(ana.account);
  ASSERT_TRUE(clients.has_value());
  ASSERT_EQ(clients->size(), 1u);
  EXPECT_EQ(clients->front().account.email, "sam@r.example");
  EXPECT_TRUE(clinic_->Clients(bo->account)->empty());

  auto read = clinic_->ClientApp(ana.account, sam.account.id, "the log");
  ASSERT_TRUE(read.has_value()) << read.error().message;
  auto log = (*read)->LoadLog({});
  ASSERT_TRUE(log.has_value());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ(log->front().distance_m, 3000);

  // Bo (same clinic, not Sam's therapist) and Eve (another clinic) find no such client;
  // a runner opens no one else's data; a therapist has no store of their own.
  for (const Account* other : std::vector<const Account*>{&bo->account, &eve.account}) {
    auto refused = clinic_->ClientApp(*other, sam.account.id, "the log");
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  }
  EXPECT_EQ(clinic_->ClientApp(sam.account, sam.account.id, "x").error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(clinic_->RunnerApp(ana.account).error().code, ErrorCode::kPermissionDenied);

  auto audit = clinic_->AuditLog(sam.account);
  ASSERT_TRUE(audit.has_value());
  ASSERT_EQ(audit->size(), 1u) << "the refused reads are not reads";
  EXPECT_EQ(audit->front().therapist, "Dr ana");
  EXPECT_EQ(audit->front().what, "the log");
}

TEST_F(ClinicTest, SigningInIsLimitedPerAccountAndTellsNoOneWhichEmailsExist) {
  const SignedIn ana = Therapist("Northside", "ana@n.example");
  auto unknown = clinic_->SignIn("nobody@n.example", "whatever password", "10.0.0.1");
  auto wrong = clinic_->SignIn("ana@n.example", "not her password", "10.0.0.1");
  ASSERT_FALSE(unknown.has_value());
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(unknown.error().message, wrong.error().message);

  for (int attempt = 2; attempt <= Clinic::kAttemptsPerAccount; ++attempt) {
    EXPECT_EQ(clinic_->SignIn("ana@n.example", "guess", "10.0.0.2").error().code,
              ErrorCode::kUnauthenticated);
  }
  // The limit holds even for the right password, from any address.
  now_ = kStart + 60;
  auto limited = clinic_->SignIn("ana@n.example", "correct horse battery", "10.0.0.3");
  ASSERT_FALSE(limited.has_value());
  EXPECT_EQ(limited.error().code, ErrorCode::kRateLimited);
  ASSERT_TRUE(limited.error().retry_after_s.has_value());
  EXPECT_GT(*limited.error().retry_after_s, 0);
  EXPECT_LE(*limited.error().retry_after_s, 15 * 60);

  now_ = kStart + Clinic::kAttemptWindowSeconds + 120;
  auto later = clinic_->SignIn("ana@n.example", "correct horse battery", "10.0.0.3");
  ASSERT_TRUE(later.has_value()) << later.error().message;
  auto session = clinic_->Authenticate(later->token);
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->account.email, "ana@n.example");
  EXPECT_EQ(session->csrf_token, later->csrf_token);
}

TEST_F(ClinicTest, ABurstOfAttemptsFromManyServersPassesNoMoreThanTheLimit) {
  const SignedIn ana = Therapist("Northside", "ana@n.example");
  constexpr int kBurst = 24;
  std::vector<std::unique_ptr<Clinic>> servers;
  for (int i = 0; i < kBurst; ++i) servers.push_back(OpenClinic());
  std::atomic<int> checked{0};
  std::atomic<int> limited{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kBurst; ++i) {
    threads.emplace_back([&, i] {
      auto result = servers[i]->SignIn("ana@n.example", "guess " + std::to_string(i),
                                       "10.0.1." + std::to_string(i));
      if (!result && result.error().code == ErrorCode::kRateLimited) ++limited;
      if (!result && result.error().code == ErrorCode::kUnauthenticated) ++checked;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(checked.load(), Clinic::kAttemptsPerAccount);
  EXPECT_EQ(checked.load() + limited.load(), kBurst);
}

TEST_F(ClinicTest, SessionsEndOnSignOutEverywhereAndWithANewPasswordFromALink) {
  const SignedIn ana = Therapist("Northside", "ana@n.example");
  const SignedIn sam = Client(ana.account, "sam@r.example");
  auto phone = clinic_->SignIn("sam@r.example", "my long running password", "10.0.0.9");
  ASSERT_TRUE(phone.has_value());
  ASSERT_TRUE(clinic_->SignOut(phone->token).has_value());
  EXPECT_EQ(clinic_->Authenticate(phone->token).error().code, ErrorCode::kUnauthenticated);
  EXPECT_TRUE(clinic_->Authenticate(sam.token).has_value());

  auto reset = clinic_->IssueResetLink(ana.account, sam.account.id);
  ASSERT_TRUE(reset.has_value()) << reset.error().message;
  auto renewed = clinic_->UseLink(reset->token, "a brand new long password");
  ASSERT_TRUE(renewed.has_value()) << renewed.error().message;
  EXPECT_EQ(renewed->account.id, sam.account.id);
  EXPECT_FALSE(clinic_->Authenticate(sam.token).has_value()) << "a reset ends every session";
  EXPECT_FALSE(clinic_->SignIn("sam@r.example", "my long running password", "10.0.0.9"));
  EXPECT_TRUE(clinic_->SignIn("sam@r.example", "a brand new long password", "10.0.0.9"));

  const SignedIn eve = Therapist("Southside", "eve@s.example");
  EXPECT_EQ(clinic_->IssueResetLink(eve.account, sam.account.id).error().code,
            ErrorCode::kNotFound);

  ASSERT_TRUE(clinic_->SignOutEverywhere(sam.account).has_value());
  EXPECT_FALSE(clinic_->Authenticate(renewed->token).has_value());
  now_ = kStart + Clinic::kSessionSeconds + 1;
  EXPECT_FALSE(clinic_->Authenticate(ana.token).has_value()) << "sessions expire";
}

TEST_F(ClinicTest, ADeletedAccountLeavesNoRowOfTheRunnerInAnyTable) {
  const SignedIn ana = Therapist("Northside", "ana@n.example");
  const auto before = RowsPerTable();

  const SignedIn sam = Client(ana.account, "sam@r.example");
  auto app = clinic_->RunnerApp(sam.account);
  ASSERT_TRUE(app.has_value());
  LogEntry run;
  run.kind = LogKind::kRun;
  run.date = *ParseDate("2026-09-20");
  run.distance_m = 3000;
  run.duration_s = 1200;
  run.pain = 2;
  ASSERT_TRUE((*app)->AddToLog(run).has_value());
  ASSERT_TRUE((*app)->ChangeSetting("units", "mi").has_value());
  ASSERT_TRUE(clinic_->ClientApp(ana.account, sam.account.id, "the log").has_value());
  ASSERT_TRUE(clinic_->IssueResetLink(ana.account, sam.account.id).has_value());
  (void)clinic_->SignIn("sam@r.example", "a wrong guess", "10.0.0.7");
  ASSERT_TRUE(clinic_->SignIn("sam@r.example", "my long running password", "10.0.0.7"));

  EXPECT_EQ(clinic_->DeleteAccount(sam.account, "not it").error().code,
            ErrorCode::kInvalidArgument);
  ASSERT_TRUE(clinic_->DeleteAccount(sam.account, "my long running password").has_value());
  EXPECT_FALSE(clinic_->Authenticate(sam.token).has_value());
  EXPECT_EQ(RowsPerTable(), before);
}

}  // namespace
}  // namespace backstride
