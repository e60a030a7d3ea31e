// Pairing a phone over the network: the codes and sessions (server/pairing.h), which
// addresses are offered to a phone, and the server refusing every device that has not
// paired while loopback stays open. The server tests bind to loopback and treat the test's
// client as a device on the network (ServeOptions::loopback_must_pair).
#include "server/pairing.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "server/lan_addresses.h"
#include "server/server.h"

namespace backstride::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// --- Codes and sessions ---------------------------------------------------------------------

TEST(Pairing, CodesAreEightUnambiguousSymbolsAndDifferEachTime) {
  Pairing pairing;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string code = pairing.NewCode(Clock::now());
    ASSERT_EQ(code.size(), 8u) << code;
    EXPECT_EQ(code.find_first_of("01ilo"), std::string::npos) << code;
    for (const char c : code) EXPECT_TRUE(std::isdigit(c) || std::islower(c)) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u) << "codes repeat: they are not random enough";
  EXPECT_EQ(Pairing::Grouped("k7m3p9qx"), "k7m3-p9qx");
}

TEST(Pairing, TheCodeShownBuysOneSessionOnce) {
  Pairing pairing;
  const auto now = Clock::now();
  const std::string code = pairing.NewCode(now);
  const PairResult paired = pairing.Pair(code, now);
  ASSERT_EQ(paired.outcome, PairOutcome::kPaired);
  EXPECT_EQ(paired.session_token.size(), 64u);
  EXPECT_TRUE(pairing.HasSession(paired.session_token, now));
  // The same code again, from the same device or another: spent.
  EXPECT_EQ(pairing.Pair(code, now).outcome, PairOutcome::kNoCode);
  EXPECT_EQ(pairing.session_count(), 1u);
}

TEST(Pairing, ACodeIsReadAsAPersonTypesIt) {
  Pairing pairing;
  const auto now = Clock::now();
  std::string code = pairing.NewCode(now);
  std::string typed = " " + Pairing::Grouped(code) + " ";
  for (char& c : typed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(pairing.Pair(typed, now).outcome, PairOutcome::kPaired) << typed;
}

TEST(Pairing, WrongCodesAreCountedAndTheTenthSpendsTheCode) {
  Pairing pairing;
  const auto now = Clock::now();
  const std::string code = pairing.NewCode(now);
  std::string wrong = code;
  wrong[7] = wrong[7] == 'z' ? 'y' : 'z';
  for (int i = 1; i < 10; ++i) {
    EXPECT_EQ(pairing.Pair(wrong, now).outcome, PairOutcome::kWrongCode) << "try " << i;
  }
  EXPECT_EQ(pairing.Pair("", now).outcome, PairOutcome::kTooManyWrongCodes);
  // Even the right code no longer works; a new one does, with a fresh count.
  EXPECT_EQ(pairing.Pair(code, now).outcome, PairOutcome::kNoCode);
  const std::string fresh = pairing.NewCode(now);
  EXPECT_EQ(pairing.Pair(wrong, now).outcome, PairOutcome::kWrongCode);
  EXPECT_EQ(pairing.Pair(fresh, now).outcome, PairOutcome::kPaired);
  EXPECT_EQ(pairing.session_count(), 1u);
}

TEST(Pairing, ANewCodeReplacesTheOldOneAndCodesExpire) {
  Pairing pairing;
  const auto now = Clock::now();
  const std::string old_code = pairing.NewCode(now);
  const std::string new_code = pairing.NewCode(now);
  EXPECT_EQ(pairing.Pair(old_code, now).outcome,
            old_code == new_code ? PairOutcome::kPaired : PairOutcome::kWrongCode);
  const std::string late = pairing.NewCode(now);
  EXPECT_EQ(pairing.Pair(late, now + 15min).outcome, PairOutcome::kNoCode);
  const std::string in_time = pairing.NewCode(now);
  EXPECT_EQ(pairing.Pair(in_time, now + 14min).outcome, PairOutcome::kPaired);
}

TEST(Pairing, OnlyALiveSessionsWholeTokenCounts) {
  Pairing pairing;
  const auto now = Clock::now();
  const std::string token = pairing.Pair(pairing.NewCode(now), now).session_token;
  EXPECT_TRUE(pairing.HasSession(token, now + 29 * 24h));
  EXPECT_FALSE(pairing.HasSession(token, now + 30 * 24h));
  EXPECT_FALSE(pairing.HasSession("", now));
  EXPECT_FALSE(pairing.HasSession(token.substr(0, 63), now));
  std::string changed = token;
  changed[0] = changed[0] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(pairing.HasSession(changed, now));
  // Another process (a restart) knows nothing of this one's sessions.
  Pairing restarted;
  EXPECT_FALSE(restarted.HasSession(token, now));
}

// --- Addresses -------------------------------------------------------------------------------

TEST(LanAddresses, AHomeNetworkComesFirstAndWhatAPhoneCannotReachIsLeftOut) {
  const std::vector<InterfaceAddress> interfaces = {
      {"docker0", "172.17.0.1"},   {"eth0", "10.1.2.3"},      {"wlan0", "192.168.1.20"},
      {"eth1", "169.254.10.2"},    {"lo2", "127.0.0.2"},      {"tun0", "100.64.0.7"},
      {"br-4f2a", "192.168.49.1"}, {"wlan0", "192.168.1.20"}, {"x", "not an address"}};
  EXPECT_EQ(RankLanAddresses(interfaces),
            (std::vector<std::string>{"192.168.1.20", "10.1.2.3", "100.64.0.7", "192.168.49.1",
                                      "172.17.0.1"}));
  EXPECT_TRUE(RankLanAddresses({}).empty());
}

TEST(LanAddresses, LoopbackPeersAreThisComputer) {
  for (const char* peer : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(IsLoopbackAddress(peer)) << peer;
  }
  for (const char* peer : {"192.168.1.34", "10.0.0.127", "::ffff:192.168.1.2", "fe80::1", ""}) {
    EXPECT_FALSE(IsLoopbackAddress(peer)) << peer;
  }
  EXPECT_TRUE(IsWildcardAddress("0.0.0.0"));
  EXPECT_FALSE(IsWildcardAddress("192.168.1.20"));
}

// --- The server ------------------------------------------------------------------------------

// What the page says, past its style sheet.
std::string Visible(const std::string& html) {
  const auto style_end = html.find("</style>");
  return style_end == std::string::npos ? html : html.substr(style_end);
}

// A clock on a fixed day, for the app under the server.
class FixedClock final : public backstride::Clock {
 public:
  Date Today() const override { return Date{std::chrono::year{2026} / 3 / 2}; }
  int UtcOffsetSeconds() const override { return 0; }
  std::string UtcStamp() const override { return "20260302T080000Z"; }
};

constexpr const char* kLanAddress = "192.0.2.7";  // what the terminal printed

// A server on a free loopback port that treats the test's client as a phone on the
// network, unless `loopback_must_pair` is false.
class PairingServerTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(true); }
  void TearDown() override { Shutdown(); }

  void Start(bool loopback_must_pair) {
    dir_ = fs::temp_directory_path() /
           ("backstride-pairing-" + std::to_string(getpid()) + "-" + std::to_string(++counter_));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto app = App::Open((dir_ / "test.db").string(), std::make_unique<FixedClock>());
    ASSERT_TRUE(app) << app.error().message;
    api_ = std::make_unique<Api>(std::move(*app));
    ServeOptions options;
    options.port = 0;
    options.lan_hosts = {kLanAddress};
    options.loopback_must_pair = loopback_must_pair;
    options.on_pairing = [this](const PairingEvent& event) {
      const std::lock_guard lock(events_mutex_);
      events_.push_back(event);
    };
    server_ = std::make_unique<WebServer>(*api_, options);
    auto port = server_->Bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(30s);
    for (int i = 0; i < 200 && !client_->Get("/pair"); ++i) std::this_thread::sleep_for(10ms);
  }

  void Shutdown() {
    if (!server_) return;
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    api_.reset();
    fs::remove_all(dir_);
  }

  // Headers as the phone's browser sends them: the printed address, and the cookie.
  httplib::Headers Phone(const std::string& cookie = {}) const {
    httplib::Headers headers = {{"Host", std::string(kLanAddress) + ":" + std::to_string(port_)}};
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    return headers;
  }
  std::string Origin() const {
    return "http://" + std::string(kLanAddress) + ":" + std::to_string(port_);
  }

  // Pairs with the code and returns the cookie, "name=token", as the browser will send it.
  std::string PairWith(const std::string& code) {
    auto response = client_->Get(("/pair?code=" + code).c_str(), Phone());
    EXPECT_TRUE(response);
    if (!response) return {};
    EXPECT_EQ(response->status, 200) << response->body;
    const std::string set_cookie = response->get_header_value("Set-Cookie");
    return set_cookie.substr(0, set_cookie.find(';'));
  }

  std::vector<PairingEvent> Events() {
    const std::lock_guard lock(events_mutex_);
    return events_;
  }

  std::unique_ptr<httplib::Client> client_;
  std::unique_ptr<WebServer> server_;
  int port_ = 0;

 private:
  static inline int counter_ = 0;
  fs::path dir_;
  std::unique_ptr<Api> api_;
  std::thread thread_;
  std::mutex events_mutex_;
  std::vector<PairingEvent> events_;
};

TEST_F(PairingServerTest, ADeviceNotPairedSeesHowToPairAndNoData) {
  auto page = client_->Get("/", Phone());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 403);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("Pair this device with backstride"), std::string::npos);
  EXPECT_NE(page->body.find("<form method=\"get\" action=\"/pair\">"), std::string::npos);
  EXPECT_NE(page->body.find("<label for=\"code\">Pairing code</label>"), std::string::npos);
  // Every sentence is filled from the content: no template name left in braces.
  EXPECT_EQ(Visible(page->body).find('{'), std::string::npos) << page->body;
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);

  for (const char* path : {"/api/session", "/api/settings", "/api/log", "/api/export.json"}) {
    auto api = client_->Get(path, Phone());
    ASSERT_TRUE(api) << path;
    EXPECT_EQ(api->status, 403) << path;
    const json error = json::parse(api->body)["error"];
    EXPECT_NE(error["message"].get<std::string>().find("not paired"), std::string::npos);
    EXPECT_EQ(api->body.find("csrf_token"), std::string::npos);
  }
  // A write with the server's own token (which this device cannot read) is refused too.
  httplib::Headers write = Phone();
  write.emplace("X-CSRF-Token", server_->csrf_token());
  write.emplace("Origin", Origin());
  auto log = client_->Post("/api/log", write, json{{"kind", "checkin"}, {"pain", 2}}.dump(),
                           "application/json");
  EXPECT_EQ(log->status, 403);
  EXPECT_TRUE(Events().empty());
}

TEST_F(PairingServerTest, TheCodeGivesAnHttpOnlyStrictCookieOnceAndTheAppOpens) {
  const std::string code = server_->NewPairingCode();
  auto paired = client_->Get(("/pair?code=" + code).c_str(), Phone());
  ASSERT_TRUE(paired);
  EXPECT_EQ(paired->status, 200);
  const std::string set_cookie = paired->get_header_value("Set-Cookie");
  EXPECT_TRUE(set_cookie.starts_with(server_->SessionCookieName() + "=")) << set_cookie;
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; Path=/"), std::string::npos) << set_cookie;
  // The page moves on to the app by itself.
  EXPECT_NE(paired->body.find("http-equiv=\"refresh\" content=\"0; url=/\""), std::string::npos);
  EXPECT_EQ(paired->get_header_value("Cache-Control"), "no-store");
  const auto events = Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].outcome, PairOutcome::kPaired);
  EXPECT_EQ(events[0].peer, "127.0.0.1");

  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  auto index = client_->Get("/", Phone(cookie));
  EXPECT_EQ(index->status, 200);
  auto session = client_->Get("/api/session", Phone(cookie));
  ASSERT_EQ(session->status, 200);
  const std::string token = json::parse(session->body)["csrf_token"];

  // The paired phone logs a check-in, as the app does: token, Origin and cookie.
  httplib::Headers write = Phone(cookie);
  write.emplace("X-CSRF-Token", token);
  write.emplace("Origin", Origin());
  auto log = client_->Post("/api/log", write, json{{"kind", "checkin"}, {"pain", 2}}.dump(),
                           "application/json");
  EXPECT_EQ(log->status, 200) << log->body;
  EXPECT_EQ(json::parse(client_->Get("/api/log", Phone(cookie))->body).size(), 1u);

  // The code is spent: a second device with it gets no cookie.
  auto again = client_->Get(("/pair?code=" + code).c_str(), Phone());
  EXPECT_EQ(again->status, 403);
  EXPECT_FALSE(again->has_header("Set-Cookie"));
  EXPECT_NE(again->body.find("no longer works"), std::string::npos);
  EXPECT_NE(again->body.find("within 15 minutes"), std::string::npos);
  EXPECT_EQ(Visible(again->body).find('{'), std::string::npos) << again->body;
  // The paired phone opening the pairing address again goes straight to the app.
  auto back = client_->Get("/pair", Phone(cookie));
  EXPECT_EQ(back->status, 303);
  EXPECT_EQ(back->get_header_value("Location"), "/");
}

TEST_F(PairingServerTest, GuessingCodesSpendsTheCodeAfterTenTries) {
  const std::string code = server_->NewPairingCode();
  std::string wrong = code;
  wrong[0] = wrong[0] == 'z' ? 'y' : 'z';
  for (int i = 1; i < 10; ++i) {
    auto response = client_->Get(("/pair?code=" + wrong).c_str(), Phone());
    ASSERT_EQ(response->status, 403) << "try " << i;
    EXPECT_NE(response->body.find("not the code shown"), std::string::npos);
  }
  auto last = client_->Get("/pair?code=aaaa-aaaa", Phone());
  EXPECT_EQ(last->status, 403);
  EXPECT_NE(last->body.find("Too many wrong codes"), std::string::npos);
  auto right_too_late = client_->Get(("/pair?code=" + code).c_str(), Phone());
  EXPECT_EQ(right_too_late->status, 403);
  EXPECT_FALSE(right_too_late->has_header("Set-Cookie"));
  const auto events = Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].outcome, PairOutcome::kTooManyWrongCodes);
  // The runner presses Enter: a new code works.
  EXPECT_FALSE(PairWith(server_->NewPairingCode()).empty());
}

TEST_F(PairingServerTest, APairedPhonesWritesMustComeFromThisServersPages) {
  const std::string cookie = PairWith(server_->NewPairingCode());
  const std::string token =
      json::parse(client_->Get("/api/session", Phone(cookie))->body)["csrf_token"];
  const std::string checkin = json{{"kind", "checkin"}, {"pain", 2}}.dump();
  // Another site's page cannot make the phone write: no Origin, or a foreign one.
  httplib::Headers no_origin = Phone(cookie);
  no_origin.emplace("X-CSRF-Token", token);
  EXPECT_EQ(client_->Post("/api/log", no_origin, checkin, "application/json")->status, 403);
  httplib::Headers foreign = no_origin;
  foreign.emplace("Origin", "http://evil.example");
  EXPECT_EQ(client_->Post("/api/log", foreign, checkin, "application/json")->status, 403);
  // Nor can a name another site points at this computer (DNS rebinding), cookie or not.
  httplib::Headers rebound = {{"Host", "evil.example:" + std::to_string(port_)},
                              {"Cookie", cookie}};
  auto read = client_->Get("/api/session", rebound);
  EXPECT_EQ(read->status, 421);
  EXPECT_EQ(read->body.find("csrf_token"), std::string::npos);
  EXPECT_EQ(json::parse(client_->Get("/api/log", Phone(cookie))->body).size(), 0u);
}

TEST_F(PairingServerTest, ACookieFromBeforeARestartIsRefused) {
  const std::string cookie = PairWith(server_->NewPairingCode());
  ASSERT_EQ(client_->Get("/api/settings", Phone(cookie))->status, 200);
  const std::string name = server_->SessionCookieName();
  Shutdown();
  Start(true);
  // The same cookie value under the new server's name (its port may differ).
  const std::string replayed = server_->SessionCookieName() + cookie.substr(name.size());
  auto response = client_->Get("/api/settings", Phone(replayed));
  EXPECT_EQ(response->status, 403);
  EXPECT_NE(json::parse(response->body)["error"]["message"].get<std::string>().find("not paired"),
            std::string::npos);
}

TEST_F(PairingServerTest, LoopbackNeedsNoCodeWhenItIsThisComputer) {
  Shutdown();
  Start(false);
  auto session = client_->Get("/api/session");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->status, 200);
  EXPECT_EQ(client_->Get("/")->status, 200);
  // The pairing link opened on this computer just opens the app, and spends nothing.
  const std::string code = server_->NewPairingCode();
  auto link = client_->Get(("/pair?code=" + code).c_str());
  EXPECT_EQ(link->status, 303);
  EXPECT_EQ(link->get_header_value("Location"), "/");
  EXPECT_FALSE(link->has_header("Set-Cookie"));
  // The printed LAN address is a name this server answers to; others are not.
  EXPECT_EQ(client_->Get("/api/session", Phone())->status, 200);
  EXPECT_EQ(client_->Get("/api/session", {{"Host", "0.0.0.0:" + std::to_string(port_)}})->status,
            421);
}

}  // namespace
}  // namespace backstride::server
