// Today as a checklist, its answer bounded whatever the history, the run verdicts paged,
// and the pain-over-time data: what the web app's first page and its charts read, driven
// through Api::Handle with a clock the test moves on.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "app/views.h"
#include "server/api.h"
#include "test_support/store_backend.h"

namespace backstride::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using std::chrono::year;

class MovableClock final : public Clock {
 public:
  explicit MovableClock(const std::atomic<Date>& today) : today_(today) {}
  Date Today() const override { return today_.load(); }
  int UtcOffsetSeconds() const override { return 0; }
  std::string UtcStamp() const override { return "20260301T080000Z"; }

 private:
  const std::atomic<Date>& today_;
};

class ApiTodayTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    auto app = OpenEmptyApp(GetParam(), ":memory:", std::make_unique<MovableClock>(today_));
    ASSERT_TRUE(app) << app.error().message;
    api_ = std::make_unique<Api>(std::move(*app));
  }

  ApiResponse Call(const std::string& method, const std::string& path, const json& body = nullptr,
                   std::map<std::string, std::string> query = {}) {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.query = std::move(query);
    if (!body.is_null()) {
      request.body = body.dump();
      request.content_type = "application/json";
    }
    return api_->Handle(request);
  }
  json Get(const std::string& path, std::map<std::string, std::string> query = {}) {
    const ApiResponse reply = Call("GET", path, nullptr, std::move(query));
    EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
    return json::parse(reply.body);
  }
  json Log(const json& form) {
    const ApiResponse reply = Call("POST", "/api/log", form);
    EXPECT_EQ(reply.status, 200) << form.dump() << ": " << reply.body;
    return json::parse(reply.body);
  }
  void Assess(const std::string& vignette) {
    std::ifstream file(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / (vignette + ".json"));
    const ApiResponse reply =
        Call("POST", "/api/assessment", json::parse(file).at("answers"));
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  // Today's session of `kind` ("run", "strength", ...), or null.
  static json SessionOf(const json& today, const std::string& kind) {
    for (const json& item : today["sessions"]) {
      if (item["session"]["kind"] == kind) return item;
    }
    return nullptr;
  }

  std::atomic<Date> today_{Date{year{2026} / 3 / 2}};  // a Monday
  std::unique_ptr<Api> api_;
};

// Each test on SQLite and on PostgreSQL (test_support/store_backend.h).
INSTANTIATE_TEST_SUITE_P(Backends, ApiTodayTest, ::testing::ValuesIn(kStoreBackends),
                         BackendTestName);

TEST_P(ApiTodayTest, EachSessionIsTickedOffWithWhatWasLogged) {
  Assess("new-onset-km");
  json today = Get("/api/today");
  json run = SessionOf(today, "run");
  ASSERT_FALSE(run.is_null()) << today.dump();
  EXPECT_EQ(run["log_kind"], "run");
  EXPECT_TRUE(run["logged"].is_null());
  EXPECT_TRUE(today["checkin"].is_null());
  EXPECT_TRUE(today["morning"].is_null());  // no run yet to ask about

  Log({{"kind", "run"}, {"distance", "1"}, {"time", "6:10"}, {"pain", 2}});
  Log({{"kind", "checkin"}, {"pain", 1}, {"note", "stiff after sitting"}});
  today = Get("/api/today");
  run = SessionOf(today, "run");
  ASSERT_TRUE(run["logged"].is_object()) << today.dump();
  EXPECT_DOUBLE_EQ(run["logged"]["distance_m"].get<double>(), 1000);
  EXPECT_EQ(run["logged"]["pain"], 2);
  EXPECT_EQ(today["checkin"]["pain"], 1);
  EXPECT_EQ(today["checkin"]["note"], "stiff after sitting");
  EXPECT_TRUE(today["morning"].is_null());  // the run is today's: no morning yet

  // The next day asks the morning score for that run, until it is given.
  today_ = Date{year{2026} / 3 / 3};
  today = Get("/api/today");
  ASSERT_TRUE(today["morning"].is_object()) << today.dump();
  EXPECT_EQ(today["morning"]["run"]["date"], "2026-03-02");
  EXPECT_TRUE(today["morning"]["logged"].is_null());
  json strength = SessionOf(today, "strength");
  ASSERT_FALSE(strength.is_null()) << today.dump();
  EXPECT_EQ(strength["log_kind"], "strength");
  EXPECT_TRUE(strength["logged"].is_null());
  EXPECT_TRUE(today["checkin"].is_null());  // yesterday's check-in is not today's

  const json recorded = Log({{"kind", "morning"}, {"pain", 1}});
  EXPECT_NE(recorded["changes"].dump().find("2026-03-02"), std::string::npos) << recorded.dump();
  Log({{"kind", "strength"}, {"done", true}, {"pain", 2}, {"reserve", 3}});
  today = Get("/api/today");
  EXPECT_EQ(today["morning"]["logged"]["pain"], 1);  // answered: shown as done
  strength = SessionOf(today, "strength");
  ASSERT_TRUE(strength["logged"].is_object());
  EXPECT_EQ(strength["logged"]["done"], true);
  EXPECT_EQ(strength["logged"]["reps_in_reserve"], 3);

  // The day after, the run has its score: nothing is asked again.
  today_ = Date{year{2026} / 3 / 4};
  EXPECT_TRUE(Get("/api/today")["morning"].is_null());
}

TEST_P(ApiTodayTest, ASkippedSessionIsTickedOffAsSkipped) {
  Assess("new-onset-km");
  today_ = Date{year{2026} / 3 / 3};
  Log({{"kind", "strength"}, {"done", false}});
  const json strength = SessionOf(Get("/api/today"), "strength");
  ASSERT_TRUE(strength["logged"].is_object());
  EXPECT_EQ(strength["logged"]["done"], false);
}

// A backup of a runner assessed on `start` who has run three times a week since, up to
// `last`: years of history restored at once.
json History(const json& answers, Date start, Date last) {
  json log = json::array();
  std::int64_t id = 0;
  for (Date day = start; day <= last; day = AddDays(day, 1)) {
    const unsigned weekday = std::chrono::weekday(day).iso_encoding();
    if (weekday != 1 && weekday != 3 && weekday != 5) continue;
    log.push_back({{"id", ++id}, {"date", FormatDate(day)}, {"kind", "run"}, {"distance_m", 500.0},
                   {"duration_s", 190.0}, {"pain", 1}, {"note", ""}, {"source", "manual"},
                   {"created_at", "2026-01-01T00:00:00.000Z"}});
  }
  return {{"format", "backstride-data"},
          {"version", 1},
          {"settings", json::object()},
          {"assessments",
           {{{"id", 1}, {"date", FormatDate(start)}, {"route", "new_runner"}, {"answers", answers},
             {"source", "questionnaire"}, {"created_at", "2026-01-01T00:00:00.000Z"}}}},
          {"plans",
           {{{"id", 1}, {"assessment_id", 1}, {"start", FormatDate(start)}, {"runs_per_week", 3},
             {"created_at", "2026-01-01T00:00:00.000Z"}}}},
          {"log", std::move(log)},
          {"activities", json::array()}};
}

// One year of runs, then two: Today's answer stays the size of a day, and the verdicts,
// all of them, are reached page by page through /api/status.
TEST_P(ApiTodayTest, TodaysAnswerStaysBoundedAsTheHistoryGrows) {
  std::ifstream file(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / "new-onset-km.json");
  const json answers = json::parse(file).at("answers");
  const Date start{year{2024} / 3 / 4};  // a Monday
  today_ = Date{year{2025} / 3 / 4};
  ApiResponse restored = Call("POST", "/api/import-data", History(answers, start, today_.load()));
  ASSERT_EQ(restored.status, 200) << restored.body;
  const std::size_t after_a_year = Call("GET", "/api/today").body.size();

  today_ = Date{year{2026} / 3 / 2};
  ApiRequest replace;
  replace.method = "POST";
  replace.path = "/api/import-data";
  replace.query = {{"replace", "1"}};
  replace.body = History(answers, start, today_.load()).dump();
  replace.content_type = "application/json";
  restored = api_->Handle(replace);
  ASSERT_EQ(restored.status, 200) << restored.body;
  const std::string today = Call("GET", "/api/today").body;
  EXPECT_LT(after_a_year, 16'000u);
  EXPECT_LT(today.size(), after_a_year + 500) << "Today grew with another year of runs";
  const json status = json::parse(today)["status"];
  EXPECT_EQ(status["decisions"].size(), kTodayDecisions);
  const std::size_t runs = status["decisions_total"].get<std::size_t>();
  EXPECT_GT(runs, 2u * 150);  // two years, three runs a week

  // Paging back from the newest: every verdict once, in order, each page at most the limit.
  std::vector<json> pages;
  std::map<std::string, std::string> query{{"limit", "200"}};
  for (int guard = 0; guard < 20; ++guard) {
    const json page = Get("/api/status", query);
    EXPECT_LE(page["decisions"].size(), 200u);
    pages.push_back(page["decisions"]);
    if (page["older_offset"].is_null()) break;
    query["offset"] = std::to_string(page["older_offset"].get<std::size_t>());
  }
  std::vector<std::int64_t> ids;
  for (auto page = pages.rbegin(); page != pages.rend(); ++page) {
    for (const json& decision : *page) ids.push_back(decision["run_id"].get<std::int64_t>());
  }
  EXPECT_EQ(ids.size(), runs);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), runs);
  EXPECT_EQ(Get("/api/status")["decisions"].size(), 50u);  // the default page
}

TEST_P(ApiTodayTest, AStatusPageOutOfRangeIsRefusedNamingTheParameter) {
  Assess("new-onset-km");
  for (const auto& [name, value] : std::map<std::string, std::string>{
           {"limit", "0"}, {"limit", "201"}, {"offset", "-1"}, {"offset", "two"}}) {
    const ApiResponse reply = Call("GET", "/api/status", nullptr, {{name, value}});
    EXPECT_EQ(reply.status, 400) << name << "=" << value << ": " << reply.body;
    EXPECT_EQ(json::parse(reply.body)["error"]["field"], name);
  }
  // Past the first verdict, a page is empty rather than an error.
  EXPECT_TRUE(Get("/api/status", {{"offset", "5"}})["decisions"].empty());
}

TEST_P(ApiTodayTest, PainOverTimeHoldsEveryScoreAndMarksAStepBackWithItsReason) {
  Assess("new-onset-km");
  Log({{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}});
  today_ = Date{year{2026} / 3 / 3};
  Log({{"kind", "morning"}, {"pain", 2}});
  today_ = Date{year{2026} / 3 / 4};
  Log({{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 4}});
  today_ = Date{year{2026} / 3 / 6};
  Log({{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 7}});
  Log({{"kind", "checkin"}, {"pain", 5}});

  const json pain = Get("/api/pain");
  EXPECT_EQ(pain["plan_start"], "2026-03-02");
  EXPECT_EQ(pain["plan_end"], "2026-05-24");  // twelve weeks
  std::vector<std::pair<std::string, int>> scores;
  for (const json& score : pain["scores"]) {
    scores.emplace_back(score["kind"].get<std::string>(), score["pain"].get<int>());
  }
  const std::vector<std::pair<std::string, int>> expected = {
      {"run", 2}, {"morning", 2}, {"run", 4}, {"run", 7}, {"checkin", 5}};
  EXPECT_EQ(scores, expected);
  ASSERT_EQ(pain["changes"].size(), 2u) << pain.dump();
  EXPECT_EQ(pain["changes"][0]["mark"], "hold");
  EXPECT_EQ(pain["changes"][0]["decision"]["date"], "2026-03-04");
  EXPECT_EQ(pain["changes"][1]["mark"], "step_back");
  const std::string reason = pain["changes"][1]["decision"]["reason"];
  EXPECT_NE(reason.find("pain 7"), std::string::npos) << reason;

  // A range keeps what falls in it.
  const json later = Get("/api/pain", {{"from", "2026-03-05"}});
  EXPECT_EQ(later["scores"].size(), 2u);
  EXPECT_EQ(later["changes"].size(), 1u);
  const ApiResponse bad = Call("GET", "/api/pain", nullptr, {{"to", "March"}});
  EXPECT_EQ(bad.status, 400);
}

TEST_P(ApiTodayTest, ARunPastTheCapIsMarkedAsAHoldAndAGoodRunIsNotMarked) {
  Assess("new-onset-km");  // the cap is 1.00 km
  Log({{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 1}});
  today_ = Date{year{2026} / 3 / 4};
  Log({{"kind", "run"}, {"distance", "1.6"}, {"time", "9:40"}, {"pain", 1}});
  const json changes = Get("/api/pain")["changes"];
  ASSERT_EQ(changes.size(), 1u) << changes.dump();
  EXPECT_EQ(changes[0]["mark"], "hold");
  EXPECT_EQ(changes[0]["decision"]["date"], "2026-03-04");
  EXPECT_EQ(changes[0]["decision"]["verdict"], "over_cap");
}

}  // namespace
}  // namespace backstride::server
