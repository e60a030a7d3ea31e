// Replies to bad input, case by case: each one a 4xx with a JSON error, never a 500 or a
// dead thread. These are the cases the property test (api_property_test.cc) found, or
// would find only by luck; Api::Handle is called directly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "server/api.h"
#include "test_support/store_backend.h"

namespace backstride::server {
namespace {

using nlohmann::json;

class ApiBadInputTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    auto app =
        OpenEmptyApp(GetParam(), ":memory:", FixedClock(Date{std::chrono::year{2026} / 3 / 4}));
    ASSERT_TRUE(app) << app.error().message;
    api_ = std::make_unique<Api>(std::move(*app));
  }

  // The reply's body, after checking it is JSON with an error of the reply's status.
  json Refused(const std::string& method, const std::string& path, const std::string& body,
               int status) {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.content_type = "application/json";
    const ApiResponse reply = api_->Handle(request);
    EXPECT_EQ(reply.status, status) << path << ": " << reply.body;
    json parsed;
    try {
      parsed = json::parse(reply.body);  // strict: invalid UTF-8 throws
    } catch (const json::exception& e) {
      ADD_FAILURE() << path << ": the reply is not JSON: " << e.what();
      return nullptr;
    }
    EXPECT_EQ(parsed["error"]["status"], status) << reply.body;
    EXPECT_FALSE(parsed["error"]["message"].get<std::string>().empty()) << reply.body;
    return parsed;
  }

  std::unique_ptr<Api> api_;
};

// Each test on SQLite and on PostgreSQL (test_support/store_backend.h).
INSTANTIATE_TEST_SUITE_P(Backends, ApiBadInputTest, ::testing::ValuesIn(kStoreBackends),
                         BackendTestName);

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// A warning sign is read first and its assessment sent beside the other problems; a
// problem quotes the value, cut short: between characters, not inside one.
TEST_P(ApiBadInputTest, AQuotedValueIsCutBetweenCharacters) {
  for (const char* character : {"é", "→", "😀"}) {
    const json answers = {{"red_flags", {{"saddle_numbness", true}}},
                          {"age", Repeat(character, 30)}};
    json reply = Refused("POST", "/api/assessment", answers.dump(), 400);
    EXPECT_EQ(reply["assessment"]["route"], "emergency");
    const std::string message = reply["error"]["message"];
    EXPECT_NE(message.find("age: must be a whole number"), std::string::npos) << message;
    EXPECT_NE(message.find(character + std::string("…")), std::string::npos) << message;
  }
}

// nlohmann's syntax error quotes the bytes it read, UTF-8 or not.
TEST_P(ApiBadInputTest, InvalidUtf8InTheAnswersIsReplacedInTheMessage) {
  for (const char* bytes : {"\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80"}) {
    const json reply =
        Refused("POST", "/api/assessment", std::string(R"({"age": ")") + bytes + "\"}", 400);
    const std::string message = reply["error"]["message"];
    EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
    EXPECT_NE(message.find("\uFFFD"), std::string::npos) << message;
  }
}

// nlohmann throws out_of_range, not parse_error, for a number beyond a double.
TEST_P(ApiBadInputTest, ANumberTooLargeForADoubleIsA400) {
  for (const char* path :
       {"/api/log", "/api/assessment", "/api/questionnaire", "/api/plan", "/api/import-data"}) {
    const json reply = Refused("POST", path, R"({"pain": 1e400})", 400);
    EXPECT_NE(reply["error"]["message"].get<std::string>().find("number too large"),
              std::string::npos)
        << reply.dump();
  }
}

TEST_P(ApiBadInputTest, ABodyNestedTooDeepIsA400) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (const char* path : {"/api/assessment", "/api/log", "/api/import-data"}) {
    const json reply = Refused("POST", path, R"({"age": )" + deep + "}", 400);
    EXPECT_NE(reply["error"]["message"].get<std::string>().find("nested deeper"), std::string::npos)
        << reply.dump();
  }
  Refused("POST", "/api/assessment", std::string(64, '[') + std::string(64, ']'), 400);
}

TEST_P(ApiBadInputTest, AnExportWithAFieldOfTheWrongTypeIsA400) {
  for (const char* body :
       {R"({"format": null})", R"({"format": "backstride", "version": "1"})", R"({"format": 3})"}) {
    Refused("POST", "/api/import-data", body, 400);
  }
}

TEST_P(ApiBadInputTest, AWholeNumberPastInt64IsOutOfRangeNotNegative) {
  const json reply =
      Refused("POST", "/api/log", R"({"kind": "checkin", "pain": 18446744073709551615})", 400);
  EXPECT_NE(reply["error"]["message"].get<std::string>().find("got 18446744073709551615"),
            std::string::npos)
      << reply.dump();
}

// docs/api.md: a known path with another method is a 404 too; the message says which
// methods the path takes.
TEST_P(ApiBadInputTest, AKnownPathWithAnotherMethodNamesTheMethodsItTakes) {
  const json plan = Refused("DELETE", "/api/plan", "", 404);
  EXPECT_EQ(plan["error"]["message"],
            "no such API route: DELETE /api/plan (/api/plan takes GET, POST)");
  const json log = Refused("GET", "/api/log/7", "", 404);
  EXPECT_EQ(log["error"]["message"],
            "no such API route: GET /api/log/7 (/api/log/7 takes PUT, DELETE)");
  const json bad_id = Refused("GET", "/api/runs/abc", "", 404);
  EXPECT_EQ(bad_id["error"]["message"], "no run with id 'abc'");
  const json unknown = Refused("GET", "/api/nothing", "", 404);
  EXPECT_EQ(unknown["error"]["message"], "no such API route: GET /api/nothing");
}

}  // namespace
}  // namespace backstride::server
