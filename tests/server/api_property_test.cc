// A property of the JSON API, checked on thousands of bodies no web page sends: every
// POST and PUT route, given random bytes, random JSON, or a valid body damaged (cut
// short, bytes flipped, invalid UTF-8, huge numbers, wrong types, deep nesting), answers
// below 500 with a JSON body, and an error names its status and says what was wrong.
// Api::Handle is called directly (no sockets), from fixed seeds, so a failure replays.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "server/api.h"
#include "test_support/store_backend.h"

namespace backstride::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The choices behind every body. mt19937's output is fixed by the standard (the
// <random> distributions are not), so a seed gives the same bodies with any library.
class Rng {
 public:
  explicit Rng(std::uint32_t seed) : engine_(seed) {}
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : engine_() % n; }
  bool OneIn(std::size_t n) { return Below(n) == 0; }
  char Byte() { return static_cast<char>(engine_() & 0xFF); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937 engine_;
};

json Vignette(const std::string& name) {
  std::ifstream file(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes" / (name + ".json"));
  return json::parse(file).at("answers");
}

// Bytes that are not UTF-8: a lone continuation, a lead byte without its continuation, an
// overlong slash, a surrogate, a code point past U+10FFFF, bytes UTF-8 never uses.
const std::vector<std::string> kInvalidUtf8 = {
    "\x80", "\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\xFE",
};

// Text made to be cut: messages quote at most a few dozen bytes of a value, and a cut
// inside one of these characters leaves invalid UTF-8 behind.
std::string MultiByteText(Rng& rng, std::size_t count) {
  static const std::vector<std::string> kCharacters = {"é", "→", "😀", "a", "ü", "中"};
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += rng.Pick(kCharacters);
  return text;
}

// `depth` arrays or objects, one inside the other, as text (building it as a json value
// would copy the inner value at every level).
std::string NestedText(std::size_t depth, bool arrays) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) text += arrays ? "[" : R"({"a":)";
  text += "1";
  text.append(depth, arrays ? ']' : '}');
  return text;
}

// A value of any type, the odd ones (huge numbers, long multi-byte strings) often.
json RandomValue(Rng& rng, int depth) {
  switch (rng.Below(depth > 3 ? 9 : 11)) {
    case 0:
      return nullptr;
    case 1:
      return rng.OneIn(2);
    case 2:
      return static_cast<std::int64_t>(rng.Below(41)) - 20;
    case 3:
      return rng.Pick(std::vector<json>{
          json::parse("18446744073709551615"), json::parse("-9223372036854775808"),
          json::parse("9223372036854775807"), json(1e308), json(-1e308), json(4.9e-324),
          json(2147483648), json(-2147483649), json(0.5), json(-0.0)});
    case 4:
      return MultiByteText(rng, 10 + rng.Below(60));
    case 5:
      return rng.Pick(std::vector<std::string>{"", "run", "yes", "no", "not sure", "1", "-3",
                                               "2026-02-30", "1.6km", "12:34", "9min", "mi",
                                               std::string("a\0b", 3), "\t\n\x01", "1e400"});
    case 6: {
      std::string text;
      for (std::size_t i = rng.Below(20); i > 0; --i)
        text += static_cast<char>(' ' + rng.Below(95));
      return text;
    }
    case 7:
      return json::parse(NestedText(1 + rng.Below(200), rng.OneIn(2)));
    case 8:
      return json::array();
    case 9: {
      json array = json::array();
      for (std::size_t i = rng.Below(5); i > 0; --i) array.push_back(RandomValue(rng, depth + 1));
      return array;
    }
    default: {
      json object = json::object();
      for (std::size_t i = rng.Below(5); i > 0; --i) {
        object[MultiByteText(rng, rng.Below(4))] = RandomValue(rng, depth + 1);
      }
      return object;
    }
  }
}

// Every value in `value` (itself included), for a mutation to pick one.
void Collect(json& value, std::vector<json*>& out) {
  out.push_back(&value);
  if (value.is_structured()) {
    for (auto& child : value) Collect(child, out);
  }
}

// Known field names, so random objects often reach the field readers.
void Keys(const json& value, std::vector<std::string>& out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      out.push_back(key);
      Keys(child, out);
    }
  } else if (value.is_array()) {
    for (const auto& child : value) Keys(child, out);
  }
}

std::string RandomBytes(Rng& rng) {
  std::string bytes = rng.OneIn(2) ? "{" : "";
  for (std::size_t i = rng.Below(300); i > 0; --i) bytes += rng.Byte();
  return bytes;
}

std::string RandomJson(Rng& rng, const std::vector<std::string>& keys) {
  if (rng.OneIn(5)) return RandomValue(rng, 0).dump();
  json object = json::object();
  for (std::size_t i = rng.Below(6); i > 0; --i) {
    const std::string key =
        keys.empty() || rng.OneIn(4) ? MultiByteText(rng, 1 + rng.Below(6)) : rng.Pick(keys);
    object[key] = RandomValue(rng, 1);
  }
  return object.dump();
}

// A valid body damaged one way: in its text or in one of its values.
std::string Mutated(Rng& rng, const json& valid, const std::vector<std::string>& keys) {
  std::string text = valid.dump();
  switch (rng.Below(7)) {
    case 0:  // cut short
      return text.substr(0, rng.Below(text.size()));
    case 1:  // bytes flipped
      for (std::size_t i = 1 + rng.Below(4); i > 0 && !text.empty(); --i) {
        text[rng.Below(text.size())] ^= static_cast<char>(1 << rng.Below(8));
      }
      return text;
    case 2: {  // invalid UTF-8 inside a string (after a quote) or anywhere
      std::size_t at = rng.Below(text.size() + 1);
      if (const auto quote = text.find('"', at); quote != std::string::npos) at = quote + 1;
      text.insert(at, rng.Pick(kInvalidUtf8));
      return text;
    }
    case 3: {  // a value replaced by a number too big for an integer or a double
      json body = valid;
      std::vector<json*> values;
      Collect(body, values);
      constexpr std::string_view kMark = R"("number here")";
      *values[rng.Below(values.size())] = "number here";
      text = body.dump();
      const std::string number = rng.Pick(std::vector<std::string>{
          "1e400", "-1e400", "123456789012345678901234567890", "1E+99999", "4.9e-999"});
      return text.replace(text.find(kMark), kMark.size(), number);
    }
    default: {  // a value replaced, a field added or removed
      json body = valid;
      std::vector<json*> values;
      Collect(body, values);
      json& target = *values[rng.Below(values.size())];
      if (target.is_object() && rng.OneIn(3)) {
        if (!target.empty() && rng.OneIn(2)) {
          target.erase(target.begin());
        } else {
          target[keys.empty() ? "x" : rng.Pick(keys) + "_"] = RandomValue(rng, 1);
        }
      } else {
        target = RandomValue(rng, 1);
      }
      return body.dump();
    }
  }
}

// One route and bodies it accepts; {id} in the path is the run logged first.
struct RouteCase {
  std::string method;
  std::string path;
  std::string content_type = "application/json";
  std::vector<json> valid;
};

// A fresh runner with an assessment, a plan and one run in the log, for each route.
class ApiPropertyTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override { Reset(); }

  void Reset() {
    auto app =
        OpenEmptyApp(GetParam(), ":memory:", FixedClock(Date{std::chrono::year{2026} / 3 / 4}));
    ASSERT_TRUE(app) << app.error().message;
    api_ = std::make_unique<Api>(std::move(*app));
    ASSERT_EQ(Call("POST", "/api/assessment", Vignette("new-onset-km").dump()).status, 200);
    const json run = {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}};
    const ApiResponse logged = Call("POST", "/api/log", run.dump());
    ASSERT_EQ(logged.status, 200) << logged.body;
    log_id_ = std::to_string(json::parse(logged.body).at("id").get<std::int64_t>());
    export_ = json::parse(Call("GET", "/api/export.json", "").body);
  }

  ApiResponse Call(const std::string& method, const std::string& path, std::string body,
                   const std::string& content_type = "application/json") {
    ApiRequest request;
    request.method = method;
    request.path = path;
    if (const auto mark = path.find('?'); mark != std::string::npos) {
      request.path = path.substr(0, mark);
      const std::string query = path.substr(mark + 1);
      const auto equals = query.find('=');
      request.query.emplace(query.substr(0, equals), query.substr(equals + 1));
    }
    if (const auto at = request.path.find("{id}"); at != std::string::npos) {
      request.path.replace(at, 4, log_id_);
    }
    request.body = std::move(body);
    request.content_type = content_type;
    return api_->Handle(request);
  }

  std::vector<RouteCase> Routes() const {
    json screen = json::array();  // every warning sign no, then the first choices
    for (const char* reply : {"no", "no", "no", "no", "no", "no", "no", "1",  "1", "1",  "no",
                              "no", "no", "no", "no", "no", "no", "34", "no", "1", "no", "4"}) {
      screen.push_back(reply);
    }
    const json run = {{"kind", "run"}, {"distance", "1"}, {"time", "6:00"}, {"pain", 2}};
    json run_with_onset = run;
    run_with_onset.update({{"onset", "0.5km"}, {"pain_before", 1}});
    return {
        {"POST",
         "/api/questionnaire",
         "application/json",
         {{{"replies", json::array()}}, {{"replies", screen}}, {{"replies", {"yes"}}}}},
        {"POST",
         "/api/assessment",
         "application/json",
         {Vignette("new-onset-km"), Vignette("new-couch-to-5k"), Vignette("doctor-fever"),
          Vignette("seasoned-treatment-helped"), Vignette("emergency-flag-missing-fields")}},
        {"POST",
         "/api/plan",
         "application/json",
         {{{"runs_per_week", 4}, {"start", "2026-03-09"}}, json::object()}},
        {"POST",
         "/api/log",
         "application/json",
         {run,
          {{"kind", "strength"}, {"pain", 2}, {"reserve", 3}, {"note", "stiff"}},
          {{"kind", "treatment"}, {"helped", "yes"}, {"date", "2026-03-01"}},
          {{"kind", "sprint"}, {"done", false}}}},
        {"PUT", "/api/log/{id}", "application/json", {run, run_with_onset}},
        {"POST", "/api/undo", "application/json", {json::object()}},
        {"POST",
         "/api/runs/{id}/onset",
         "application/json",
         {{{"onset", "0.5km"}}, {{"onset", "3min"}}, {{"lap", 1}}}},
        {"POST", "/api/runs/{id}/pain", "application/json", {{{"pain", 2}, {"pain_before", 1}}}},
        {"PUT",
         "/api/settings",
         "application/json",
         {{{"units", "mi"}, {"runs_per_week", 4}, {"onset_lap", true}}, {{"units", "km"}}}},
        {"POST", "/api/import-data?replace=1", "application/json", {export_}},
        {"POST",
         "/api/import?name=run.gpx",
         "application/octet-stream",
         {R"(<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>
<trkpt lat="52.0" lon="4.0"><time>2026-03-01T07:00:00Z</time></trkpt>
<trkpt lat="52.001" lon="4.0"><time>2026-03-01T07:00:40Z</time></trkpt>
</trkseg></trk></gpx>)"}},
    };
  }

  std::unique_ptr<Api> api_;
  std::string log_id_;  // of the run logged first
  json export_;
};

// Each test on SQLite and on PostgreSQL (test_support/store_backend.h).
INSTANTIATE_TEST_SUITE_P(Backends, ApiPropertyTest, ::testing::ValuesIn(kStoreBackends),
                         BackendTestName);

// What is wrong with a reply to a bad body, or empty when nothing is.
std::string Fault(const ApiResponse& reply) {
  if (reply.status >= 500) return "status " + std::to_string(reply.status);
  json body;
  try {
    body = json::parse(reply.body);
  } catch (const json::exception& e) {
    return std::string("the body is not JSON: ") + e.what();
  }
  if (reply.status < 400) return "";
  const json& error = body.contains("error") ? body["error"] : json();
  if (!error.is_object() || error.value("status", 0) != reply.status) {
    return "error.status is not the reply's status";
  }
  if (!error.contains("message") || !error["message"].is_string() ||
      error["message"].get<std::string>().empty()) {
    return "error.message is missing or empty";
  }
  return "";
}

constexpr int kBodiesPerRoute = 300;

TEST_P(ApiPropertyTest, EveryBadBodyGetsA4xxWithAJsonError) {
  int tried = 0;
  int accepted = 0;  // a damaged body can still be a valid one: coverage, not a fault
  int server_errors = 0;
  int faulty = 0;
  std::vector<std::string> faults;  // the first ten, in full
  std::map<std::string, int> errors_by_route;
  std::uint32_t seed = 20261201;
  for (const RouteCase& route : Routes()) {
    // A fresh store per route, so an undo or a restore does not starve the next one.
    ASSERT_NO_FATAL_FAILURE(Reset());
    Rng rng(++seed);
    std::vector<std::string> keys;
    for (const json& body : route.valid) Keys(body, keys);
    for (int i = 0; i < kBodiesPerRoute; ++i) {
      const bool json_route = route.content_type == "application/json";
      std::string body;
      const std::size_t kind = rng.Below(10);  // 2 in 10 random bytes, 2 random JSON, 6 damaged
      if (kind < 2) {
        body = RandomBytes(rng);
      } else if (kind < 4 && json_route) {
        body = RandomJson(rng, keys);
      } else if (json_route) {
        body = Mutated(rng, rng.Pick(route.valid), keys);
      } else {  // a file: one byte changed
        body = rng.Pick(route.valid).get<std::string>();
        body[rng.Below(body.size())] = rng.Byte();
      }
      const ApiResponse reply = Call(route.method, route.path, body, route.content_type);
      ++tried;
      if (reply.status < 400) ++accepted;
      if (reply.status >= 500) {
        ++server_errors;
        ++errors_by_route[route.method + " " + route.path];
      }
      const std::string fault = Fault(reply);
      if (!fault.empty()) ++faulty;
      if (!fault.empty() && faults.size() < 10) {
        faults.push_back(route.method + " " + route.path + " (seed " + std::to_string(seed) +
                         ", body " + std::to_string(i) + "): " + fault + "\n  sent " +
                         json(body).dump(-1, ' ', true, json::error_handler_t::replace) +
                         "\n  got " + std::to_string(reply.status) + " " +
                         json(reply.body).dump(-1, ' ', true, json::error_handler_t::replace));
      }
    }
  }
  RecordProperty("bodies", tried);
  RecordProperty("server_errors", server_errors);
  std::cout << tried << " bodies: " << accepted << " accepted, " << server_errors
            << " replies of 5xx\n";
  for (const auto& [route, count] : errors_by_route)
    std::cout << "  " << route << ": " << count << "\n";
  EXPECT_EQ(server_errors, 0);
  EXPECT_EQ(faulty, 0);
  for (const std::string& fault : faults) ADD_FAILURE() << fault;
}

// Bodies nested far deeper than any answer: refused, never a crash of the request's
// thread (a recursive reader or writer would run out of stack).
TEST_P(ApiPropertyTest, DeeplyNestedBodiesAreRefused) {
  for (const bool arrays : {true, false}) {
    for (const std::size_t depth : {1000u, 100000u}) {
      const std::string deep = NestedText(depth, arrays);
      for (const RouteCase& route : Routes()) {
        if (route.content_type != "application/json") continue;
        for (const std::string& body : {deep, R"({"age": )" + deep + "}"}) {
          const ApiResponse reply = Call(route.method, route.path, body);
          EXPECT_EQ(Fault(reply), "") << route.path << " at depth " << depth;
          EXPECT_GE(reply.status, 400) << route.path << " at depth " << depth;
        }
      }
    }
  }
}

}  // namespace
}  // namespace backstride::server
