// The web app's JSON API over the same use cases as the CLI, independent of any HTTP
// library: a request (method, path, query, body) in, a response (status, type, body)
// out. The HTTP layer (server.h) adds what belongs to HTTP: the CSRF check, the host
// check, size limits and the static files. docs/api.md describes every route.
#ifndef BACKSTRIDE_SERVER_API_H_
#define BACKSTRIDE_SERVER_API_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/app.h"

namespace backstride::server {

struct ApiRequest {
  std::string method;  // "GET", "POST", "PUT"
  std::string path;    // "/api/plan"
  std::map<std::string, std::string> query;
  std::string body;
  std::string content_type;  // without parameters: "application/json"
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string download_name;  // set: sent as an attachment with this file name
  // More headers to send: Retry-After with a 429, Set-Cookie from the clinic's sign-in.
  std::vector<std::pair<std::string, std::string>> headers;
};

// A JSON error body: {"error": {"status": 400, "message": "...", "field": "..."}}.
ApiResponse ErrorResponse(int status, std::string_view message, std::string_view field = {});
// An app's error as a reply: its status by the error's code (http_error.h), and a 429's
// Retry-After.
ApiResponse ErrorResponse(const Error& error);

// One /api request of the route table for the runner of `app` (the local runner, or a
// clinic's runner opened for this request). Not thread-safe for one App: Api::Handle is
// this under Api's lock.
ApiResponse HandleFor(App& app, const ApiRequest& request);
// Api::ImportStream for the runner of `app`.
ApiResponse ImportStreamFor(App& app, const std::string& name, std::uint64_t size,
                            ByteStream& body,
                            std::function<void(const ImportProgress&)> on_progress);
// Whether `method` and `path` name a route of the table (whatever its id): the clinic
// server serves these for a signed-in runner.
bool IsRunnerRoute(std::string_view method, std::string_view path);
// Every route of the table as {method, pattern} ("GET", "/api/runs/{run}"): for tests that
// must walk them all.
std::vector<std::pair<std::string_view, std::string_view>> RunnerRoutes();

class Api {
 public:
  // Serves the runner of `app`; its clock gives the date of each request.
  explicit Api(std::unique_ptr<App> app);
  ~Api();

  // Handles one /api request. Thread-safe: requests take turns at the store.
  ApiResponse Handle(const ApiRequest& request);

  // POST /api/import-archive: imports the export or file named `name` (which tells the
  // format) read from `body` as it arrives, `size` bytes long (0: unknown), calling
  // `on_progress` now and then on this thread. It takes the same turn at the store as
  // Handle, for the whole import: other requests wait until it ends (minutes for a
  // large export), which is why the HTTP layer keeps the progress outside this class.
  ApiResponse ImportStream(const std::string& name, std::uint64_t size, ByteStream& body,
                           std::function<void(const ImportProgress&)> on_progress);

 private:
  std::unique_ptr<App> app_;
  std::mutex mutex_;
};

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_API_H_
