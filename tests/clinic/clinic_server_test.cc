// The clinic server over HTTP on a real PostgreSQL: every route of the API walked with the
// wrong sessions (none, another runner's, another clinic's, a therapist who is not the
// client's) and the wrong ids, and nothing of the client read or changed; the cookie's
// attributes; the sign-in limit under a burst of requests at once.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/clinic.h"
#include "pg_cluster.h"
#include "server/api.h"
#include "server/clinic_api.h"
#include "server/clinic_server.h"

namespace backstride::server {
namespace {

using Json = nlohmann::json;

constexpr PasswordCosts kCheapCosts{1, 8192};
constexpr std::string_view kSecret = "only-sam-knows-this";

struct Who {
  std::string name;
  std::string cookie;  // the session token
  std::string csrf;
  std::int64_t id = 0;
};

class ClinicServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = TestCluster();
    ASSERT_TRUE(cluster.has_value()) << cluster.error().message;
    auto database = (*cluster)->CreateDatabase();
    ASSERT_TRUE(database.has_value()) << database.error().message;
    ASSERT_TRUE(Clinic::Prepare(*database).has_value());
    ClinicOptions options;
    options.password_costs = kCheapCosts;
    options.clock = [] { return FixedClock(*ParseDate("2026-09-21")); };
    auto clinic = Clinic::Open(*database, options);
    ASSERT_TRUE(clinic.has_value()) << clinic.error().message;
    clinic_ = std::shared_ptr<Clinic>(std::move(*clinic));
    auto shared = clinic_;
    api_ = std::make_unique<ClinicApi>([shared] { return shared->Another(); }, 4);
    ClinicServeOptions serve;
    serve.port = 0;
    serve.threads = 4;
    server_ = std::make_unique<ClinicServer>(*api_, serve);
    auto port = server_->Bind();
    ASSERT_TRUE(port.has_value()) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  Who SignedIn(const Result<SignedIn>& signed_in) {
    EXPECT_TRUE(signed_in.has_value()) << signed_in.error().message;
    return Who{signed_in->account.name, signed_in->token, signed_in->csrf_token,
               signed_in->account.id};
  }
  Who Therapist(const std::string& clinic, const std::string& email) {
    auto link = clinic_->CreateClinic(clinic, email, email);
    if (!link) link = clinic_->AddTherapist(clinic, email, email);
    EXPECT_TRUE(link.has_value()) << link.error().message;
    return SignedIn(clinic_->UseLink(link->token, "a therapist's long password"));
  }
  Who Client(const Who& therapist, const std::string& email) {
    auto session = clinic_->Authenticate(therapist.cookie);
    EXPECT_TRUE(session.has_value());
    auto link = clinic_->InviteClient(session->account, "", "");
    EXPECT_TRUE(link.has_value());
    return SignedIn(clinic_->UseLink(link->token, "a runner's long password", email, email));
  }

  httplib::Result Call(const std::string& method, const std::string& path, const Who* who,
                       const std::string& body = "{}", bool with_csrf = true) {
    httplib::Headers headers;
    if (who != nullptr) {
      headers.emplace("Cookie", std::string(ClinicServer::kCookieName) + "=" + who->cookie);
      if (with_csrf) headers.emplace("X-CSRF-Token", who->csrf);
    }
    if (method == "GET") return client_->Get(path, headers);
    if (method == "DELETE") return client_->Delete(path, headers, body, "application/json");
    if (method == "PUT") return client_->Put(path, headers, body, "application/json");
    return client_->Post(path, headers, body, "application/json");
  }

  // Everything of Sam's, as his backup gives it.
  std::string SamsData(const Who& sam) {
    auto backup = Call("GET", "/api/export.json", &sam);
    EXPECT_EQ(backup->status, 200);
    Json json = Json::parse(backup->body);
    json.erase("exported_at");
    return json.dump();
  }

  std::shared_ptr<Clinic> clinic_;
  std::unique_ptr<ClinicApi> api_;
  std::unique_ptr<ClinicServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

// A body each route would take from its owner, so that only who asks can make it fail.
std::string BodyFor(std::string_view method, std::string_view pattern) {
  if (method == "GET" || method == "DELETE") return "{}";
  if (pattern == "/api/log") {
    return R"({"kind":"run","date":"2026-09-21","distance":"2","time":"15:00","pain":1})";
  }
  if (pattern == "/api/log/{log entry}") return R"({"note":"changed by someone else"})";
  if (pattern == "/api/runs/{run}/pain") return R"({"pain":7})";
  if (pattern == "/api/runs/{run}/onset") return R"({"onset":"1km"})";
  if (pattern == "/api/settings") return R"({"units":"mi"})";
  return "{}";
}

std::string WithId(std::string pattern, std::int64_t id) {
  const auto open = pattern.find('{');
  if (open == std::string::npos) return pattern;
  return pattern.replace(open, pattern.find('}') - open + 1, std::to_string(id));
}

TEST_F(ClinicServerTest, EveryRouteRefusesTheWrongSessionAndNothingOfTheClientLeaks) {
  const Who ana = Therapist("Northside", "ana@n.example");
  const Who bo = Therapist("Northside", "bo@n.example");
  const Who eve = Therapist("Southside", "eve@s.example");
  const Who sam = Client(ana, "sam@r.example");
  const Who kim = Client(bo, "kim@r.example");   // same clinic, another therapist
  const Who lou = Client(eve, "lou@r.example");  // another clinic

  // Sam's run, with a note only Sam's data holds.
  auto logged = Call("POST", "/api/log", &sam,
                     R"({"kind":"run","date":"2026-09-20","distance":"3","time":"20:00",)"
                     R"("pain":2,"note":")" + std::string(kSecret) + R"("})");
  ASSERT_EQ(logged->status, 200) << logged->body;
  const std::int64_t run = Json::parse(logged->body)["id"].get<std::int64_t>();
  const std::string before = SamsData(sam);
  ASSERT_NE(before.find(kSecret), std::string::npos);

  int walked = 0;
  for (const auto& [method_view, pattern_view] : RunnerRoutes()) {
    const std::string method(method_view);
    const std::string path = WithId(std::string(pattern_view), run);
    const std::string body = BodyFor(method_view, pattern_view);
    SCOPED_TRACE(method + " " + path);
    ++walked;
    auto anonymous = Call(method, path, nullptr, body);
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
    for (const Who* other : {&kim, &lou}) {
      auto reply = Call(method, path, other, body);
      ASSERT_TRUE(reply);
      EXPECT_EQ(reply->body.find(kSecret), std::string::npos) << other->name;
    }
    for (const Who* therapist : {&ana, &eve}) {
      auto reply = Call(method, path, therapist, body);
      ASSERT_TRUE(reply);
      EXPECT_EQ(reply->status, 403) << therapist->name << " on a runner's own route";
    }
    // Sam's own session without the CSRF token changes nothing either.
    if (method != "GET") {
      auto forged = Call(method, path, &sam, body, /*with_csrf=*/false);
      EXPECT_EQ(forged->status, 403);
    }
    // A therapist reads a client's data through the clinic's routes, GET only, and only
    // their own client's.
    const std::string client_path =
        "/api/clinic/clients/" + std::to_string(sam.id) + path.substr(4);
    for (const Who* stranger : {&bo, &eve}) {
      auto reply = Call(method, client_path, stranger, body);
      ASSERT_TRUE(reply);
      EXPECT_TRUE(reply->status == 403 || reply->status == 404) << stranger->name << reply->status;
      EXPECT_EQ(reply->body.find(kSecret), std::string::npos);
    }
    auto runner_there = Call(method, client_path, &kim, body);
    EXPECT_EQ(runner_there->status, 403);
    if (method != "GET") {
      auto write = Call(method, client_path, &ana, body);
      EXPECT_EQ(write->status, 404) << "a therapist never changes a client's data";
    }
  }
  EXPECT_GE(walked, 20);

  // The clinic's own routes: each refuses the wrong role and the wrong client.
  for (const Who* runner : {&sam, &kim}) {
    EXPECT_EQ(Call("GET", "/api/clinic/clients", runner)->status, 403);
    EXPECT_EQ(Call("POST", "/api/clinic/invitations", runner)->status, 403);
    EXPECT_EQ(Call("POST", "/api/clinic/clients/" + std::to_string(sam.id) + "/reset-link",
                   runner)->status, 403);
  }
  for (const Who* therapist : {&ana, &eve}) {
    EXPECT_EQ(Call("GET", "/api/audit", therapist)->status, 403);
    EXPECT_EQ(Call("DELETE", "/api/account", therapist, R"({"password":"x"})")->status, 403);
  }
  EXPECT_EQ(Call("POST", "/api/clinic/clients/" + std::to_string(sam.id) + "/reset-link", &eve)
                ->status, 404);
  EXPECT_EQ(Call("POST", "/api/clinic/clients/" + std::to_string(sam.id) + "/reset-link", &bo)
                ->status, 404);
  auto bos_clients = Call("GET", "/api/clinic/clients", &bo);
  EXPECT_EQ(bos_clients->body.find("sam@r.example"), std::string::npos);
  for (const std::string path :
       {"/api/session", "/api/audit", "/api/clinic/clients", "/api/plan"}) {
    EXPECT_EQ(Call("GET", path, nullptr)->status, 401) << path;
  }
  for (const std::string path : {"/api/auth/sign-out", "/api/auth/sign-out-everywhere",
                                 "/api/clinic/invitations"}) {
    EXPECT_EQ(Call("POST", path, nullptr)->status, 401) << path;
  }

  EXPECT_EQ(SamsData(sam), before) << "nothing of Sam's changed";
  // Ana, Sam's therapist, reads it, and Sam sees that she did.
  auto read = Call("GET", "/api/clinic/clients/" + std::to_string(sam.id) + "/log", &ana);
  ASSERT_EQ(read->status, 200) << read->body;
  EXPECT_NE(read->body.find(kSecret), std::string::npos);
  auto audit = Json::parse(Call("GET", "/api/audit", &sam)->body);
  ASSERT_FALSE(audit["reads"].empty());
  EXPECT_EQ(audit["reads"][0]["what"], "log");
  EXPECT_EQ(audit["reads"][0]["therapist"], "ana@n.example");
}

TEST_F(ClinicServerTest, TheSessionCookieIsHttpOnlyStrictAndSignOutEndsIt) {
  const Who ana = Therapist("Northside", "ana@n.example");
  auto signed_in = client_->Post("/api/auth/sign-in",
                                 R"({"email":"ana@n.example","password":"a therapist's long password"})",
                                 "application/json");
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  const std::string cookie = signed_in->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP on loopback";
  Who phone{"ana", cookie.substr(cookie.find('=') + 1, 43),
            Json::parse(signed_in->body)["csrf_token"], ana.id};
  EXPECT_EQ(Call("GET", "/api/clinic/clients", &phone)->status, 200);
  auto out = Call("POST", "/api/auth/sign-out", &phone);
  EXPECT_EQ(out->status, 200);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/clinic/clients", &phone)->status, 401);
  EXPECT_EQ(Call("GET", "/api/clinic/clients", &ana)->status, 200) << "only that session ended";

  // Behind no proxy, a forwarded header changes nothing: a write from another site's page
  // is refused by its Origin.
  httplib::Headers other_site{{"Origin", "https://evil.example"},
                              {"Cookie", std::string(ClinicServer::kCookieName) + "=" + ana.cookie},
                              {"X-CSRF-Token", ana.csrf}};
  EXPECT_EQ(client_->Post("/api/clinic/invitations", other_site, "{}", "application/json")->status,
            403);
}

TEST_F(ClinicServerTest, ABurstOfSignInsPassesNoMoreThanTheLimitAndSaysWhenToComeBack) {
  Therapist("Northside", "ana@n.example");
  constexpr int kBurst = 20;
  std::atomic<int> refused{0};
  std::atomic<int> limited{0};
  std::atomic<int> retry_after_given{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kBurst; ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client("127.0.0.1", port_);
      auto reply = client.Post("/api/auth/sign-in",
                               R"({"email":"ana@n.example","password":"guess )" +
                                   std::to_string(i) + R"("})",
                               "application/json");
      if (!reply) return;
      if (reply->status == 401) ++refused;
      if (reply->status == 429) {
        ++limited;
        const std::string retry = reply->get_header_value("Retry-After");
        if (!retry.empty() && std::stoi(retry) > 0) ++retry_after_given;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(refused.load(), Clinic::kAttemptsPerAccount);
  EXPECT_EQ(refused.load() + limited.load(), kBurst);
  EXPECT_EQ(retry_after_given.load(), limited.load());
}

}  // namespace
}  // namespace backstride::server
