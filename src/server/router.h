// Finding a request's route in a table of {method, pattern, handler}. A pattern's
// segments are literal ("api", "runs") or a placeholder naming what an id identifies
// ("{run}"), which matches a positive whole number. Empty segments are ignored:
// "/api//plan/" is "/api/plan".
#ifndef BACKSTRIDE_SERVER_ROUTER_H_
#define BACKSTRIDE_SERVER_ROUTER_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "server/api_handlers.h"
#include "server/http_error.h"

namespace backstride::server {

struct Route {
  std::string_view method;   // "GET", "POST", "PUT", "DELETE"
  std::string_view pattern;  // "/api/runs/{run}/onset"
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;  // into the table given
  std::int64_t id = 0;           // the placeholder's value; 0 when the pattern has none
};

// The first route of `routes` for `method` and `path`. Fails with 404 when no pattern
// matches the path; when one does but its id is not a positive whole number ("no run with
// id 'abc'"); or when the path matches with other methods only, which the message lists
// (docs/api.md promises a 404, not a 405, for a wrong method).
HttpResult<RouteMatch> MatchRoute(std::span<const Route> routes, std::string_view method,
                                  std::string_view path);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_ROUTER_H_
