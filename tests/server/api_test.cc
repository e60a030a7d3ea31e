// The web app's HTTP API, over a real socket: every route, the protections (CSRF token,
// Host and Origin checks, size limits, content types, no file outside the embedded
// ones), and the runner's journey from the questions to a rising cap.
#include "server/api.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/server.h"
#include "test_support/shared_data.h"
#include "test_support/store_backend.h"

namespace backstride::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::chrono_literals;

json VignetteAnswers(const std::string& name) {
  std::ifstream file(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / (name + ".json"));
  return json::parse(file).at("answers");
}

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// A clock whose day the test moves on.
class TestClock final : public Clock {
 public:
  explicit TestClock(const std::atomic<Date>& today) : today_(today) {}
  Date Today() const override { return today_.load(); }
  int UtcOffsetSeconds() const override { return 0; }
  std::string UtcStamp() const override { return "20260301T080000Z"; }

 private:
  const std::atomic<Date>& today_;
};

// A server on a free loopback port with its own store, and a client for it.
class ApiTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override { Start(64u << 20); }

  void Start(std::size_t max_upload) {
    dir_ = fs::temp_directory_path() /
           ("backstride-api-" + std::to_string(getpid()) + "-" + std::to_string(++counter_));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto app =
        OpenEmptyApp(GetParam(), (dir_ / "test.db").string(), std::make_unique<TestClock>(today_));
    ASSERT_TRUE(app) << app.error().message;
    api_ = std::make_unique<Api>(std::move(*app));
    ServeOptions options;
    options.port = 0;
    options.max_upload_bytes = max_upload;
    server_ = std::make_unique<WebServer>(*api_, options);
    auto port = server_->Bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(30s);
    for (int i = 0; i < 200 && !client_->Get("/api/session"); ++i)
      std::this_thread::sleep_for(10ms);
  }

  void TearDown() override {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(dir_);
  }

  httplib::Headers Token() const { return {{"X-CSRF-Token", server_->csrf_token()}}; }

  httplib::Result Post(const std::string& path, const json& body) {
    return client_->Post(path.c_str(), Token(), body.dump(), "application/json");
  }
  httplib::Result Put(const std::string& path, const json& body) {
    return client_->Put(path.c_str(), Token(), body.dump(), "application/json");
  }
  json GetJson(const std::string& path, int status = 200) {
    auto response = client_->Get(path.c_str());
    EXPECT_TRUE(response);
    if (!response) return nullptr;
    EXPECT_EQ(response->status, status) << path << ": " << response->body;
    return json::parse(response->body);
  }
  static json Body(const httplib::Result& response) {
    EXPECT_TRUE(response);
    return response ? json::parse(response->body) : json();
  }

  // Assesses a vignette and returns the response body.
  json Assess(const std::string& vignette) {
    auto response = Post("/api/assessment", VignetteAnswers(vignette));
    EXPECT_EQ(response->status, 200) << response->body;
    return Body(response);
  }

  std::atomic<Date> today_{Date{std::chrono::year{2026} / 3 / 2}};
  // A good run on the first day, as the web form sends it.
  const json runs_ok_ = {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}};
  std::unique_ptr<httplib::Client> client_;
  std::unique_ptr<WebServer> server_;

 private:
  static inline int counter_ = 0;
  fs::path dir_;
  std::unique_ptr<Api> api_;
  std::thread thread_;
  int port_ = 0;
};

// Each test on SQLite and on PostgreSQL (test_support/store_backend.h).
INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::ValuesIn(kStoreBackends), BackendTestName);

// --- Protections ------------------------------------------------------------------------

TEST_P(ApiTest, StateChangesNeedTheSessionsCsrfToken) {
  const json session = GetJson("/api/session");
  EXPECT_EQ(session["csrf_token"], server_->csrf_token());
  EXPECT_EQ(session["csrf_token"].get<std::string>().size(), 64u);

  const std::string answers = VignetteAnswers("new-couch-to-5k").dump();
  auto missing = client_->Post("/api/assessment", answers, "application/json");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 403);
  EXPECT_NE(Body(missing)["error"]["message"].get<std::string>().find("X-CSRF-Token"),
            std::string::npos);
  auto wrong = client_->Post("/api/assessment", {{"X-CSRF-Token", std::string(64, 'a')}}, answers,
                             "application/json");
  EXPECT_EQ(wrong->status, 403);
  auto put = client_->Put("/api/settings", json{{"units", "mi"}}.dump(), "application/json");
  EXPECT_EQ(put->status, 403);
  // Nothing was stored by the refused requests.
  EXPECT_EQ(GetJson("/api/assessment", 404)["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/settings")["units"], "km");
}

TEST_P(ApiTest, RequestsFromOtherSitesOrHostNamesAreRefused) {
  httplib::Headers foreign = Token();
  foreign.emplace("Origin", "http://evil.example");
  auto from_other_site = client_->Post(
      "/api/log", foreign, json{{"kind", "checkin"}, {"pain", 2}}.dump(), "application/json");
  EXPECT_EQ(from_other_site->status, 403);
  // A name pointed at 127.0.0.1 by another site (DNS rebinding) cannot read the token.
  auto rebound = client_->Get("/api/session", {{"Host", "evil.example:80"}});
  EXPECT_EQ(rebound->status, 421);
  EXPECT_EQ(rebound->body.find("csrf_token"), std::string::npos);
  EXPECT_TRUE(GetJson("/api/log").empty());
}

TEST_P(ApiTest, BodiesMustBeJsonOfTheRightShape) {
  auto not_json = client_->Post("/api/log", Token(), "{kind: run", "application/json");
  EXPECT_EQ(not_json->status, 400);
  EXPECT_NE(Body(not_json)["error"]["message"].get<std::string>().find("not valid JSON"),
            std::string::npos);
  auto form = client_->Post("/api/log", Token(), "kind=run", "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 415);
  auto array = client_->Post("/api/log", Token(), "[1,2]", "application/json");
  EXPECT_EQ(array->status, 400);
  auto typo = Post("/api/log", {{"kind", "checkin"}, {"pian", 2}});
  EXPECT_EQ(typo->status, 400);
  EXPECT_EQ(Body(typo)["error"]["field"], "pian");
  auto wrong_type = Post("/api/log", {{"kind", "checkin"}, {"pain", "two"}});
  EXPECT_EQ(wrong_type->status, 400);
  EXPECT_EQ(Body(wrong_type)["error"]["field"], "pain");
  auto too_much = Post("/api/log", {{"kind", "checkin"}, {"pain", 11}});
  EXPECT_EQ(too_much->status, 400);
  EXPECT_NE(Body(too_much)["error"]["message"].get<std::string>().find("got 11"),
            std::string::npos);
  auto bad_answers = Post("/api/assessment", {{"age", 34}});
  EXPECT_EQ(bad_answers->status, 400);
  EXPECT_NE(Body(bad_answers)["error"]["message"].get<std::string>().find("history"),
            std::string::npos);
  EXPECT_TRUE(GetJson("/api/log").empty());
}

TEST_P(ApiTest, UploadsOverTheLimitAreRefusedWithAJsonError) {
  server_->Stop();
  TearDown();
  Start(1u << 20);
  const std::string big(2u << 20, 'x');
  auto response =
      client_->Post("/api/import?name=big.fit", Token(), big, "application/octet-stream");
  ASSERT_TRUE(response) << "the server should answer, not drop the connection";
  EXPECT_EQ(response->status, 413);
  EXPECT_NE(Body(response)["error"]["message"].get<std::string>().find("limit of 1 MB"),
            std::string::npos);
  EXPECT_TRUE(GetJson("/api/runs").empty());
}

TEST_P(ApiTest, OnlyTheEmbeddedFilesAreServed) {
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  for (const char* path :
       {"/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/assets/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "/index.html/../../etc/passwd", "/etc/passwd",
        "/CMakeLists.txt", "/web/index.html"}) {
    auto response = client_->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << path;
  }
  EXPECT_EQ(GetJson("/api/nothing-here", 404)["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/runs/abc", 404)["error"]["status"], 404);
  auto method = client_->Delete("/api/plan", Token());
  EXPECT_EQ(method->status, 404);
}

// --- The questionnaire --------------------------------------------------------------------

TEST_P(ApiTest, TheQuestionnaireAsksWarningSignsFirstAndStopsAtAnEmergency) {
  const json first = Body(Post("/api/questionnaire", {{"replies", json::array()}}));
  EXPECT_EQ(first["number"], 1);
  const std::string id = first["question"]["id"];
  EXPECT_TRUE(id.starts_with("red_flags.")) << id;
  EXPECT_FALSE(first["question"]["prompt"].get<std::string>().empty());
  EXPECT_FALSE(first["question"]["why"].get<std::string>().empty());

  const json stopped = Body(Post("/api/questionnaire", {{"replies", {"yes"}}}));
  EXPECT_TRUE(stopped["stopped"]);
  EXPECT_TRUE(stopped["question"].is_null());
  EXPECT_EQ(stopped["assessment"]["route"], "emergency");
  EXPECT_FALSE(stopped["assessment"]["leads_to_plan"]);
  // Nothing is stored for an emergency stop.
  GetJson("/api/assessment", 404);

  auto bad = Post("/api/questionnaire", {{"replies", {"maybe"}}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Body(bad)["error"]["field"], "replies[0]");
}

TEST_P(ApiTest, AnsweringEveryQuestionGivesTheAnswersToAssess) {
  // Replies a new runner would type, question by question, until the questionnaire ends.
  json replies = json::array();
  json state;
  for (int guard = 0; guard < 40; ++guard) {
    state = Body(Post("/api/questionnaire", {{"replies", replies}}));
    if (state["finished"]) break;
    const json& question = state["question"];
    const std::string id = question["id"];
    const std::string kind = question["kind"];
    std::string reply = "no";
    if (id == "age")
      reply = "34";
    else if (id == "history.months_running")
      reply = "2";
    else if (kind == "whole_number")
      reply = std::to_string(question["min"].get<int>());
    else if (kind == "decimal")
      reply = "";
    else if (kind == "choice")
      reply = question["choices"][0]["id"];
    replies.push_back(reply);
  }
  ASSERT_TRUE(state["finished"]) << state.dump();
  EXPECT_FALSE(state["stopped"]);
  auto assessed = Post("/api/assessment", state["answers"]);
  ASSERT_EQ(assessed->status, 200) << assessed->body;
  EXPECT_EQ(Body(assessed)["assessment"]["route"], "new_runner");
}

// The screen's replies (DESIGN 2.1a): the seven emergency signs, where, when and the trend
// (the first choice each), the seven other signs; every sign "no".
json ScreenReplies() {
  json replies = json::array();
  for (int i = 0; i < 7; ++i) replies.push_back("no");
  for (int i = 0; i < 3; ++i) replies.push_back("1");
  for (int i = 0; i < 7; ++i) replies.push_back("no");
  return replies;
}

TEST_P(ApiTest, NotSureAboutAWarningSignStopsAfterTheSignsAndStoresNothing) {
  const json screen = ScreenReplies();
  json replies = {"not sure"};  // numbness between the legs
  for (std::size_t i = 1; i < screen.size(); ++i) {
    const json state = Body(Post("/api/questionnaire", {{"replies", replies}}));
    ASSERT_FALSE(state["stopped"]) << "the other signs are still asked";
    replies.push_back(screen[i]);
  }
  const json stopped = Body(Post("/api/questionnaire", {{"replies", replies}}));
  ASSERT_TRUE(stopped["stopped"]) << stopped.dump();
  const json& assessment = stopped["assessment"];
  EXPECT_EQ(assessment["route"], "see_doctor");
  EXPECT_EQ(assessment["urgency"], "today");
  EXPECT_EQ(assessment["urgency_text"]["title"], "Today");
  EXPECT_EQ(assessment["red_flags_unsure"], json::array({"saddle_numbness"}));
  EXPECT_EQ(assessment["warning_signs"][0]["label"],
            "Numbness between the legs or around the bottom");
  EXPECT_EQ(assessment["safety_net"]["id"], "safety_net");
  GetJson("/api/assessment", 404);
}

TEST_P(ApiTest, ADurationSaidAnotherWayIsConvertedAndReadBack) {
  json replies = ScreenReplies();
  for (const char* reply : {"34", "no", "1", "no", "4"}) replies.push_back(reply);
  const json weeks = Body(Post("/api/questionnaire", {{"replies", replies}}));
  EXPECT_EQ(weeks["question"]["id"], "pain.weeks");
  EXPECT_EQ(weeks["question"]["kind"], "duration");
  EXPECT_EQ(weeks["question"]["unit"], "weeks");
  replies.push_back("2 months");
  const json next = Body(Post("/api/questionnaire", {{"replies", replies}}));
  EXPECT_EQ(next["noted"], "2 months = 9 weeks");
  replies.push_back("");
  EXPECT_TRUE(Body(Post("/api/questionnaire", {{"replies", replies}}))["noted"].is_null());

  json vague = replies;
  vague[22] = "a while";
  auto refused = Post("/api/questionnaire", {{"replies", vague}});
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(Body(refused)["error"]["message"].get<std::string>().find("10 days"),
            std::string::npos);
}

TEST_P(ApiTest, AWarningSignIsReadFirstAndStoresNothing) {
  // Only a red flag: a 400 naming what is missing, with the emergency beside it.
  auto partial = Post("/api/assessment", {{"red_flags", {{"saddle_numbness", true}}}});
  EXPECT_EQ(partial->status, 400);
  const json body = Body(partial);
  EXPECT_EQ(body["assessment"]["route"], "emergency");
  EXPECT_EQ(body["assessment"]["urgency"], "now");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("age: missing"), std::string::npos);
  GetJson("/api/assessment", 404);

  // Complete answers with a fever: see a doctor today, and nothing is stored.
  const json fever = Assess("doctor-fever");
  EXPECT_EQ(fever["assessment"]["route"], "see_doctor");
  EXPECT_EQ(fever["assessment"]["urgency"], "today");
  EXPECT_FALSE(fever["stored"]);
  EXPECT_TRUE(fever["assessment_id"].is_null());
  GetJson("/api/assessment", 404);
}

// --- Assessment, plan, log -----------------------------------------------------------------

TEST_P(ApiTest, ANewRunnerGetsAPlanAndThreeGoodFasterRunsRaiseTheCap) {
  const json assessed = Assess("new-onset-km");  // pain starts at 1.5 km
  EXPECT_EQ(assessed["assessment"]["route"], "new_runner");
  EXPECT_TRUE(assessed["plan_id"].is_number());
  EXPECT_EQ(GetJson("/api/assessment")["assessment"]["route"], "new_runner");

  const json plan = GetJson("/api/plan");
  EXPECT_EQ(plan["start"], "2026-03-02");
  EXPECT_EQ(plan["weeks"], 12);
  EXPECT_GT(plan["sessions"].size(), 30u);
  EXPECT_EQ(plan["cap_today"]["text"], "1.00 km");
  const json today = GetJson("/api/today");
  EXPECT_EQ(today["date"], "2026-03-02");
  ASSERT_FALSE(today["sessions"].empty());
  EXPECT_EQ(GetJson("/api/week")["days"].size(), 7u);
  EXPECT_EQ(GetJson("/api/week?next=1")["from"], "2026-03-09");

  const json runs[] = {
      {{"kind", "run"}, {"date", "2026-03-02"}, {"distance", "1km"}, {"time", "6:00"}, {"pain", 2}},
      {{"kind", "run"}, {"date", "2026-03-04"}, {"distance", "1.0"}, {"time", "5:55"}, {"pain", 1}},
      {{"kind", "run"},
       {"date", "2026-03-06"},
       {"distance", "1000m"},
       {"time", "5:45"},
       {"pain", 3},
       {"onset", "0.9km"}},
  };
  json last;
  for (const json& run : runs) {
    today_ = *ParseDate(run["date"].get<std::string>());
    auto response = Post("/api/log", run);
    ASSERT_EQ(response->status, 200) << response->body;
    last = Body(response);
    EXPECT_FALSE(last["changes"].empty());
  }
  EXPECT_NE(last["changes"].dump().find("Cap rises from 1.00 km to 1.25 km"), std::string::npos)
      << last.dump();
  const json status = GetJson("/api/status");
  EXPECT_EQ(status["cap"]["text"], "1.25 km");
  EXPECT_EQ(status["decisions"].size(), 3u);
  EXPECT_EQ(status["decisions"][2]["change"], "progress");

  const json log = GetJson("/api/log?kind=run");
  ASSERT_EQ(log.size(), 3u);
  EXPECT_DOUBLE_EQ(log[2]["onset_m"].get<double>(), 900);
  GetJson("/api/log?from=March", 400);

  const json progress = GetJson("/api/progress");
  ASSERT_EQ(progress["runs"].size(), 3u);
  EXPECT_EQ(progress["runs"][2]["cap_after"]["unit"], "distance");
  EXPECT_DOUBLE_EQ(progress["runs"][2]["cap_after"]["value"].get<double>(), 1250);
  EXPECT_EQ(progress["runs"][2]["cap_before"]["text"], "1.00 km");
  EXPECT_DOUBLE_EQ(progress["weeks"][0]["distance_m"].get<double>(), 3000);

  // A morning entry and the other kinds the log form offers.
  for (const json& entry :
       {json{{"kind", "morning"}, {"pain", 1}}, json{{"kind", "strength"}, {"done", true}},
        json{{"kind", "sprint"}, {"done", false}}, json{{"kind", "treatment"}, {"helped", "yes"}},
        json{{"kind", "checkin"}, {"pain", 2}, {"note", "stiff"}}}) {
    auto response = Post("/api/log", entry);
    EXPECT_EQ(response->status, 200) << entry.dump() << ": " << response->body;
  }
  auto incomplete = Post("/api/log", {{"kind", "run"}, {"distance", "2km"}});
  EXPECT_EQ(incomplete->status, 400);
  auto bad_distance =
      Post("/api/log", {{"kind", "run"}, {"distance", "far"}, {"time", "10:00"}, {"pain", 1}});
  EXPECT_EQ(Body(bad_distance)["error"]["field"], "distance");

  // A new plan with four runs a week, and its checks.
  auto replanned = Post("/api/plan", {{"runs_per_week", 4}});
  ASSERT_EQ(replanned->status, 200) << replanned->body;
  EXPECT_EQ(Body(replanned)["runs_per_week"], 4);
  EXPECT_EQ(Post("/api/plan", {{"runs_per_week", 9}})->status, 400);
}

TEST_P(ApiTest, ATimeCapShowsInTheChartDataAsATime) {
  Assess("new-couch-to-5k");  // pain after about 6 minutes: the cap is a time
  EXPECT_EQ(GetJson("/api/plan")["cap_today"]["unit"], "time");
  auto logged =
      Post("/api/log", {{"kind", "run"}, {"distance", "0.7"}, {"time", "4:00"}, {"pain", 1}});
  ASSERT_EQ(logged->status, 200) << logged->body;
  const json run = GetJson("/api/progress")["runs"][0];
  EXPECT_EQ(run["cap_after"]["unit"], "time");
  EXPECT_DOUBLE_EQ(run["cap_after"]["value"].get<double>(), 240);
  EXPECT_EQ(run["cap_after"]["text"], "4 min");
}

TEST_P(ApiTest, ADoctorRouteGetsNoPlan) {
  const json assessed = Assess("doctor-constant");
  EXPECT_EQ(assessed["assessment"]["route"], "see_doctor");
  EXPECT_EQ(assessed["assessment"]["urgency"], "soon");
  EXPECT_TRUE(assessed["stored"]);
  EXPECT_TRUE(assessed["plan_id"].is_null());
  const json plan = GetJson("/api/plan", 409);
  EXPECT_FALSE(plan["error"]["message"].get<std::string>().empty());
  GetJson("/api/today", 409);
  auto ics = client_->Get("/api/export.ics");
  EXPECT_EQ(ics->status, 409);
}

// --- Settings and export --------------------------------------------------------------------

TEST_P(ApiTest, SettingsAreCheckedBeforeAnyIsSaved) {
  EXPECT_EQ(GetJson("/api/settings"),
            (json{{"units", "km"}, {"runs_per_week", 3}, {"onset_lap", false}}));
  auto bad = Put("/api/settings", {{"units", "mi"}, {"runs_per_week", 7}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(GetJson("/api/settings")["units"], "km");
  auto good = Put("/api/settings", {{"units", "mi"}, {"runs_per_week", 4}, {"onset_lap", true}});
  ASSERT_EQ(good->status, 200) << good->body;
  EXPECT_EQ(GetJson("/api/settings"),
            (json{{"units", "mi"}, {"runs_per_week", 4}, {"onset_lap", true}}));
  EXPECT_EQ(Put("/api/settings", {{"units", "furlongs"}})->status, 400);
}

TEST_P(ApiTest, ExportsDownloadAndABackupRestoresOnlyIntoAnEmptyStore) {
  Assess("new-couch-to-5k");
  auto ics = client_->Get("/api/export.ics");
  ASSERT_EQ(ics->status, 200);
  EXPECT_NE(ics->get_header_value("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_NE(ics->get_header_value("Content-Disposition").find("backstride-plan.ics"),
            std::string::npos);
  EXPECT_TRUE(ics->body.starts_with("BEGIN:VCALENDAR"));
  auto backup = client_->Get("/api/export.json");
  ASSERT_EQ(backup->status, 200);
  EXPECT_NE(backup->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  const json data = json::parse(backup->body);
  EXPECT_EQ(data["assessments"].size(), 1u);

  auto into_full = client_->Post("/api/import-data", Token(), backup->body, "application/json");
  EXPECT_EQ(into_full->status, 400);
  auto replaced =
      client_->Post("/api/import-data?replace=1", Token(), backup->body, "application/json");
  ASSERT_EQ(replaced->status, 200) << replaced->body;
  EXPECT_EQ(Body(replaced)["assessments"], 1);
  auto broken =
      client_->Post("/api/import-data?replace=1", Token(), "{\"log\": 3}", "application/json");
  EXPECT_EQ(broken->status, 400);
  EXPECT_EQ(GetJson("/api/assessment")["assessment"]["route"], "new_runner");
}

// --- Importing watch files --------------------------------------------------------------------

TEST_P(ApiTest, AnUploadedWatchFileBecomesARunWithLapsAndAnOnset) {
  // A 4.8 km run with five laps (tests/data/PROVENANCE.md).
  const fs::path fit =
      backstride::testing::InTreeFiles() / "fit" / "fitparse--2013-02-06-12-11-14.fit";
  Assess("new-couch-to-5k");
  const std::string bytes = ReadFile(fit);
  auto imported =
      client_->Post("/api/import?name=2013-02-06.fit", Token(), bytes, "application/octet-stream");
  ASSERT_EQ(imported->status, 200) << imported->body;
  const json result = Body(imported);
  EXPECT_EQ(result["status"], "imported");
  EXPECT_EQ(result["activity"]["sport"], "running");
  const auto id = result["run_id"].get<std::int64_t>();
  EXPECT_EQ(result["run"]["date"], "2013-02-06");
  EXPECT_NEAR(result["run"]["distance_m"].get<double>(), 4835, 1);
  auto again =
      client_->Post("/api/import?name=copy.fit", Token(), bytes, "application/octet-stream");
  EXPECT_EQ(Body(again)["status"], "duplicate");
  EXPECT_EQ(Body(again)["match"]["run_id"], id);  // which stored run it repeats
  EXPECT_EQ(Body(again)["reason"],
            "The same run as your run of 2013-02-06 (4.84 km in 43:45) is stored already.");

  const json runs = GetJson("/api/runs");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["id"], id);
  EXPECT_TRUE(runs[0]["pain"].is_null());
  const json shown = GetJson("/api/runs/" + std::to_string(id));
  EXPECT_FALSE(shown["laps"].empty());
  EXPECT_FALSE(shown["splits"].empty());
  ASSERT_GT(shown["profile"].size(), 90u);  // every 50 m of a 4.8 km run
  EXPECT_DOUBLE_EQ(shown["profile"][1][0].get<double>(), 50);
  // The watch's heart rate: per split, and along the run for the chart (no cadence in it).
  for (const json& split : shown["splits"]) EXPECT_TRUE(split["avg_hr_bpm"].is_number()) << split;
  const json& along = shown["along"];
  ASSERT_GT(along["heart_rate_bpm"].size(), 90u);
  EXPECT_EQ(along["distance_m"].size(), along["heart_rate_bpm"].size());
  EXPECT_NEAR(along["distance_m"][0].get<double>(), 50, 10);
  for (const json& bpm : along["heart_rate_bpm"]) {
    ASSERT_TRUE(bpm.is_number());
    EXPECT_GT(bpm.get<double>(), 60);
    EXPECT_LT(bpm.get<double>(), 200);
  }
  for (const json& spm : along["cadence_spm"]) EXPECT_TRUE(spm.is_null());

  auto onset = Post("/api/runs/" + std::to_string(id) + "/onset", {{"lap", 1}});
  ASSERT_EQ(onset->status, 200) << onset->body;
  EXPECT_GT(Body(onset)["onset_m"].get<double>(), 0);
  EXPECT_EQ(Post("/api/runs/" + std::to_string(id) + "/onset", {{"lap", 99}})->status, 400);
  EXPECT_EQ(Post("/api/runs/" + std::to_string(id) + "/onset", json::object())->status, 400);
  auto rated = Post("/api/runs/" + std::to_string(id) + "/pain", {{"pain", 2}});
  ASSERT_EQ(rated->status, 200) << rated->body;
  EXPECT_EQ(GetJson("/api/runs")[0]["pain"], 2);
  EXPECT_EQ(Post("/api/runs/999/pain", {{"pain", 2}})->status, 404);

  const json progress = GetJson("/api/progress");
  ASSERT_EQ(progress["runs"].size(), 1u);
  EXPECT_NE(progress["runs"][0]["source"].get<std::string>(), "manual");
}

// A file's name is bytes, not always UTF-8 (an old card reader's, a zip's from another
// system): the run is imported whatever its name, stored and read back on every backend
// (PostgreSQL refuses text that is not UTF-8 or holds a NUL byte where SQLite keeps it).
TEST_P(ApiTest, AWatchFileWhoseNameIsNotUtf8IsImportedAndReadBack) {
  const fs::path fit =
      backstride::testing::InTreeFiles() / "fit" / "fitparse--2013-02-06-12-11-14.fit";
  Assess("new-couch-to-5k");
  // \xFF and a lone \xC3 are never UTF-8; %00 is a NUL byte.
  auto imported = client_->Post("/api/import?name=caf%C3-%FF%00run.fit", Token(), ReadFile(fit),
                                "application/octet-stream");
  ASSERT_EQ(imported->status, 200) << imported->body;
  ASSERT_EQ(Body(imported)["status"], "imported") << imported->body;
  const auto id = Body(imported)["run_id"].get<std::int64_t>();

  const json runs = GetJson("/api/runs");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["id"], id);
  const json shown = GetJson("/api/runs/" + std::to_string(id));
  EXPECT_FALSE(shown["laps"].empty());
  // And the backup holds it, the name's stray bytes as U+FFFD.
  auto backup = client_->Get("/api/export.json");
  ASSERT_EQ(backup->status, 200) << backup->body;
  EXPECT_NE(backup->body.find("caf\xEF\xBF\xBD"), std::string::npos);
}

TEST_P(ApiTest, UploadsNeedANameAndTheRightTypeAndBadFilesSayWhy) {
  auto no_name = client_->Post("/api/import", Token(), "x", "application/octet-stream");
  EXPECT_EQ(no_name->status, 400);
  auto as_json = client_->Post("/api/import?name=a.fit", Token(), "{}", "application/json");
  EXPECT_EQ(as_json->status, 415);
  auto garbage = client_->Post("/api/import?name=notes.gpx", Token(), "not xml at all",
                               "application/octet-stream");
  ASSERT_EQ(garbage->status, 200);
  EXPECT_EQ(Body(garbage)["status"], "failed");
  EXPECT_FALSE(Body(garbage)["reason"].get<std::string>().empty());
  // A note picked up with a watch folder is left alone, not a failure.
  auto note = client_->Post("/api/import?name=WATCH/notes.txt", Token(), "new shoes",
                            "application/octet-stream");
  ASSERT_EQ(note->status, 200);
  EXPECT_EQ(Body(note)["status"], "not_activity");
  EXPECT_EQ(Body(note)["reason"], "Not an activity file (FIT, GPX or TCX), so it is left alone.");
  EXPECT_TRUE(GetJson("/api/runs").empty());
}

// --- Corrections ------------------------------------------------------------------------

TEST_P(ApiTest, AWrongRunDeletedRestoresTheCapAndUndoBringsItBack) {
  Assess("new-onset-km");  // cap 1 km
  const json runs[] = {
      {{"kind", "run"}, {"date", "2026-03-02"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 1}},
      {{"kind", "run"}, {"date", "2026-03-03"}, {"distance", "1"}, {"time", "5:55"}, {"pain", 7}},
  };
  today_ = Date{std::chrono::year{2026} / 3 / 4};
  for (const json& run : runs) ASSERT_EQ(Post("/api/log", run)->status, 200);
  EXPECT_EQ(GetJson("/api/status")["cap"]["text"], "0.75 km");
  const json log = GetJson("/api/log");
  ASSERT_EQ(log.size(), 2u);
  const std::string wrong = "/api/log/" + std::to_string(log[1]["id"].get<int>());

  // Without the token, or from another site: refused, nothing deleted.
  EXPECT_EQ(client_->Delete(wrong.c_str())->status, 403);
  httplib::Headers foreign = Token();
  foreign.emplace("Origin", "http://evil.example");
  EXPECT_EQ(client_->Delete(wrong.c_str(), foreign)->status, 403);
  EXPECT_EQ(client_->Post("/api/undo", foreign, "{}", "application/json")->status, 403);
  EXPECT_EQ(GetJson("/api/log").size(), 2u);
  EXPECT_TRUE(GetJson("/api/undo")["undo"].is_string());  // the run logged last

  auto deleted = client_->Delete(wrong.c_str(), Token());
  ASSERT_EQ(deleted->status, 200) << deleted->body;
  const json answer = Body(deleted);
  EXPECT_EQ(answer["changes"][0], "Run of 3 March deleted (1.00 km in 5:55).");
  EXPECT_EQ(answer["changes"][1], "Your next run's cap is now 1.00 km (was 0.75 km).");
  EXPECT_EQ(answer["undo"], "Undo deleting the run of 3 March");
  EXPECT_EQ(GetJson("/api/status")["cap"]["text"], "1.00 km");
  EXPECT_EQ(GetJson("/api/log").size(), 1u);
  EXPECT_EQ(GetJson("/api/runs").size(), 1u);
  EXPECT_EQ(client_->Delete(wrong.c_str(), Token())->status, 404);

  auto undone = Post("/api/undo", json::object());
  ASSERT_EQ(undone->status, 200) << undone->body;
  EXPECT_EQ(Body(undone)["changes"][0], "Undone: the run of 3 March is back in the log.");
  EXPECT_EQ(GetJson("/api/status")["cap"]["text"], "0.75 km");
  EXPECT_EQ(GetJson("/api/log")[1]["id"], log[1]["id"]);
}

TEST_P(ApiTest, AnEditReplacesTheEntryAfterTheSameChecksAsANewOne) {
  Assess("new-onset-km");
  ASSERT_EQ(
      Post("/api/log", {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 7}})->status,
      200);
  const std::string path = "/api/log/" + std::to_string(GetJson("/api/log")[0]["id"].get<int>());
  EXPECT_EQ(GetJson("/api/status")["cap"]["text"], "0.75 km");

  const json refused[] = {
      {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}, {"onset", "3km"}},
      {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}, {"date", "2026-03-09"}},
      {{"kind", "checkin"}, {"pain", 2}},
      {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 12}},
      {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}, {"colour", "red"}},
  };
  for (const json& body : refused) {
    auto response = Put(path, body);
    EXPECT_EQ(response->status, 400) << body.dump() << ": " << response->body;
    EXPECT_TRUE(Body(response)["error"].contains("field")) << response->body;
  }
  EXPECT_EQ(Put("/api/log/99", runs_ok_)->status, 404);
  EXPECT_EQ(Put("/api/log/x", runs_ok_)->status, 404);
  EXPECT_EQ(GetJson("/api/log")[0]["pain"], 7);

  auto edited = Put(path, runs_ok_);
  ASSERT_EQ(edited->status, 200) << edited->body;
  const json answer = Body(edited);
  EXPECT_EQ(answer["changes"][0], "Run of 2 March corrected: pain during 2 (was 7).");
  EXPECT_EQ(answer["undo"], "Undo the correction of the run of 2 March");
  EXPECT_EQ(GetJson("/api/status")["cap"]["text"], "1.00 km");
  EXPECT_EQ(GetJson("/api/log")[0]["pain"], 2);
}

// DESIGN 3.1b: the log form takes the pain during a strength or sprint session and the
// repetitions left in reserve; any other kind, or a number outside 0-10, is a 400 naming it.
TEST_P(ApiTest, StrengthAndSprintEntriesCarryRepetitionsInReserve) {
  Assess("new-onset-km");
  auto logged = Post("/api/log", {{"kind", "strength"}, {"pain", 2}, {"reserve", 3}});
  ASSERT_EQ(logged->status, 200) << logged->body;
  const json changes = Body(logged)["changes"];
  EXPECT_NE(changes.dump().find("Repetitions in reserve at the end of the hardest set: 3."),
            std::string::npos)
      << changes.dump();
  ASSERT_EQ(Post("/api/log", {{"kind", "sprint"}, {"reserve", 0}})->status, 200);
  ASSERT_EQ(Post("/api/log", {{"kind", "checkin"}, {"pain", 1}})->status, 200);

  struct Refused {
    json body;
    std::string field;
    std::string said;
  };
  const Refused refused[] = {
      {{{"kind", "strength"}, {"reserve", 11}}, "reserve", "0–10, got 11"},
      {{{"kind", "sprint"}, {"reserve", -1}}, "reserve", "0–10"},
      {{{"kind", "sprint"}, {"reserve", "3"}}, "reserve", "whole number"},
      {{{"kind", "checkin"}, {"pain", 2}, {"reserve", 2}}, "reserve", "check-in has no"},
      {{{"kind", "mobility"}, {"reserve", 2}}, "reserve", "mobility session has no"},
      {{{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}, {"reserve", 2}},
       "reserve",
       "a run has no"},
      {{{"kind", "strength"}, {"done", false}, {"reserve", 2}}, "reserve", "skipped"},
  };
  for (const Refused& r : refused) {
    auto response = Post("/api/log", r.body);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << r.body.dump() << ": " << response->body;
    const json error = Body(response)["error"];
    EXPECT_EQ(error["field"], r.field) << response->body;
    EXPECT_NE(error["message"].get<std::string>().find(r.said), std::string::npos)
        << response->body;
  }

  const json log = GetJson("/api/log");
  ASSERT_EQ(log.size(), 3u) << log.dump();
  EXPECT_EQ(log[0]["kind"], "strength");
  EXPECT_EQ(log[0]["pain"], 2);
  EXPECT_EQ(log[0]["reps_in_reserve"], 3);
  EXPECT_EQ(log[1]["reps_in_reserve"], 0);
  EXPECT_TRUE(log[2]["reps_in_reserve"].is_null());

  // An edit sends the whole entry: a reserve left out is blanked, one given replaces it.
  const std::string path = "/api/log/" + std::to_string(log[0]["id"].get<int>());
  auto edited = Put(path, {{"kind", "strength"}, {"pain", 2}, {"reserve", 2}});
  ASSERT_EQ(edited->status, 200) << edited->body;
  EXPECT_NE(Body(edited)["changes"][0].get<std::string>().find("repetitions in reserve 2 (was 3)"),
            std::string::npos)
      << edited->body;
  EXPECT_EQ(GetJson("/api/log")[0]["reps_in_reserve"], 2);
  const std::string checkin = "/api/log/" + std::to_string(log[2]["id"].get<int>());
  EXPECT_EQ(Put(checkin, {{"kind", "checkin"}, {"pain", 1}, {"reserve", 2}})->status, 400);
  ASSERT_EQ(Put(path, {{"kind", "strength"}, {"pain", 2}})->status, 200);
  EXPECT_TRUE(GetJson("/api/log")[0]["reps_in_reserve"].is_null());
}

}  // namespace
}  // namespace backstride::server
