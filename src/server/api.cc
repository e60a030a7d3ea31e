#include "server/api.h"

#include <nlohmann/json.hpp>

#include "server/api_handlers.h"
#include "server/http_error.h"
#include "server/request_fields.h"
#include "server/router.h"

namespace backstride::server {
namespace {

// Every route of the API, as docs/api.md lists them. {run} and {log entry} are the id of
// one; the words name it in a 404 ("no run with id 'abc'").
constexpr Route kRoutes[] = {
    {"POST", "/api/questionnaire", PostQuestionnaire},
    {"GET", "/api/assessment", GetAssessment},
    {"POST", "/api/assessment", PostAssessment},
    {"GET", "/api/plan", GetPlan},
    {"POST", "/api/plan", PostPlan},
    {"GET", "/api/today", GetToday},
    {"GET", "/api/week", GetWeek},
    {"GET", "/api/status", GetStatus},
    {"GET", "/api/pain", GetPain},
    {"GET", "/api/log", GetLog},
    {"POST", "/api/log", PostLog},
    {"PUT", "/api/log/{log entry}", PutLog},
    {"DELETE", "/api/log/{log entry}", DeleteLog},
    {"GET", "/api/undo", GetUndo},
    {"POST", "/api/undo", PostUndo},
    {"GET", "/api/runs", GetRuns},
    {"GET", "/api/runs/{run}", GetRun},
    {"POST", "/api/runs/{run}/onset", PostRunOnset},
    {"POST", "/api/runs/{run}/pain", PostRunPain},
    {"POST", "/api/import", PostImport},
    {"GET", "/api/progress", GetProgress},
    {"GET", "/api/settings", GetSettings},
    {"PUT", "/api/settings", PutSettings},
    {"GET", "/api/export.ics", GetExportIcs},
    {"GET", "/api/export.json", GetExportJson},
    {"POST", "/api/import-data", PostImportData},
};

// Writes a reply. Text quoted from a request may not be UTF-8 (a file name, a header,
// an app message that quotes the input): such bytes become U+FFFD rather than throwing
// (nlohmann's default) and turning a reply to bad input into a 500.
ApiResponse JsonResponse(const Json& json, int status = 200) {
  ApiResponse response;
  response.status = status;
  response.body = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

ApiResponse ErrorReply(HttpError error) {
  Json body{{"error", {{"status", error.status}, {"message", std::move(error.message)}}}};
  if (!error.field.empty()) body["error"]["field"] = std::move(error.field);
  if (!error.assessment.is_null()) body["assessment"] = std::move(error.assessment);
  ApiResponse reply = JsonResponse(body, error.status);
  if (error.retry_after_s) reply.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_s));
  return reply;
}

HttpResult<ApiResponse> Dispatch(App& app, const ApiRequest& request) {
  auto match = MatchRoute(kRoutes, request.method, request.path);
  if (!match) return Fail(match.error());
  if (request.content_type == "application/json") {
    if (auto checked = CheckJsonBody(request.body); !checked) return Fail(checked.error());
  }
  Call call{app, app.Today(), request, match->id, {}};
  auto json = match->route->handler(call);
  if (!json) return Fail(json.error());
  if (!call.download.download_name.empty()) return std::move(call.download);
  return JsonResponse(*json);
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message, std::string_view field) {
  return ErrorReply(HttpError{status, std::string(message), std::string(field), {}, {}});
}

ApiResponse ErrorResponse(const Error& error) { return ErrorReply(FromError(error).error()); }

ApiResponse HandleFor(App& app, const ApiRequest& request) {
  try {
    auto reply = Dispatch(app, request);
    return reply ? std::move(*reply) : ErrorReply(std::move(reply.error()));
  } catch (const std::exception& e) {
    // A bug, not the runner's doing: say so rather than drop the connection.
    return ErrorResponse(500, std::string("internal error: ") + e.what());
  }
}

ApiResponse ImportStreamFor(App& app, const std::string& name, std::uint64_t size,
                            ByteStream& body,
                            std::function<void(const ImportProgress&)> on_progress) {
  try {
    auto json = ImportArchive(app, name, size, body, std::move(on_progress));
    return json ? JsonResponse(*json) : ErrorReply(std::move(json.error()));
  } catch (const std::exception& e) {
    return ErrorResponse(500, std::string("internal error: ") + e.what());
  }
}

bool IsRunnerRoute(std::string_view method, std::string_view path) {
  return MatchRoute(kRoutes, method, path).has_value();
}

std::vector<std::pair<std::string_view, std::string_view>> RunnerRoutes() {
  std::vector<std::pair<std::string_view, std::string_view>> routes;
  for (const Route& route : kRoutes) routes.emplace_back(route.method, route.pattern);
  return routes;
}

Api::Api(std::unique_ptr<App> app) : app_(std::move(app)) {}

Api::~Api() = default;

ApiResponse Api::Handle(const ApiRequest& request) {
  std::lock_guard lock(mutex_);
  return HandleFor(*app_, request);
}

ApiResponse Api::ImportStream(const std::string& name, std::uint64_t size, ByteStream& body,
                              std::function<void(const ImportProgress&)> on_progress) {
  std::lock_guard lock(mutex_);
  return ImportStreamFor(*app_, name, size, body, std::move(on_progress));
}

}  // namespace backstride::server
