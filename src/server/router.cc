#include "server/router.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

namespace backstride::server {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty()) segments.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsPlaceholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// The path's placeholder segment, when `pattern` matches `parts`.
struct PathMatch {
  std::string_view name;  // "run"; empty when the pattern has no placeholder
  std::string_view text;  // the segment in its place: "12"
};

std::optional<PathMatch> MatchPath(const std::vector<std::string_view>& pattern,
                                   const std::vector<std::string_view>& parts) {
  if (pattern.size() != parts.size()) return std::nullopt;
  PathMatch match;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (IsPlaceholder(pattern[i])) {
      match.name = pattern[i].substr(1, pattern[i].size() - 2);
      match.text = parts[i];
    } else if (pattern[i] != parts[i]) {
      return std::nullopt;
    }
  }
  return match;
}

HttpResult<std::int64_t> Id(const PathMatch& match) {
  if (match.name.empty()) return 0;
  std::int64_t id = 0;
  const char* end = match.text.data() + match.text.size();
  const auto [stop, error] = std::from_chars(match.text.data(), end, id);
  if (error != std::errc() || stop != end || id <= 0) {
    return Refuse(404, fmt::format("no {} with id '{}'", match.name, match.text));
  }
  return id;
}

}  // namespace

// Linear: the table has some twenty routes, and each request is matched once.
HttpResult<RouteMatch> MatchRoute(std::span<const Route> routes, std::string_view method,
                                  std::string_view path) {
  const std::vector<std::string_view> parts = Segments(path);
  std::string allowed;
  for (const Route& route : routes) {
    const auto match = MatchPath(Segments(route.pattern), parts);
    if (!match) continue;
    auto id = Id(*match);  // a bad id is a 404 whatever the method
    if (!id) return Fail(id.error());
    if (route.method == method) return RouteMatch{&route, *id};
    allowed += allowed.empty() ? "" : ", ";
    allowed += route.method;
  }
  std::string message = fmt::format("no such API route: {} {}", method, path);
  if (!allowed.empty()) message += fmt::format(" ({} takes {})", path, allowed);
  return Refuse(404, std::move(message));
}

}  // namespace backstride::server
