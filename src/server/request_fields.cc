#include "server/request_fields.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>

#include "core/json_limits.h"

namespace backstride::server {
namespace {

using nlohmann::json;

}  // namespace

HttpResult<void> CheckJsonBody(std::string_view body) {
  if (auto within = CheckJsonLimits(body, "the body"); !within) {
    const Error& error = within.error();
    return BadRequest(error.offset ? fmt::format("{} (at byte {})", error.message, *error.offset)
                                   : error.message);
  }
  return {};
}

HttpResult<json> ParseBody(const ApiRequest& request,
                           std::initializer_list<std::string_view> allowed) {
  if (request.content_type != "application/json") {
    return Refuse(415, "send the body as application/json, not '" + request.content_type + "'");
  }
  json body;
  try {
    body = json::parse(request.body);
  } catch (const json::parse_error& e) {
    return BadRequest(fmt::format("the body is not valid JSON (at byte {})", e.byte));
  }
  if (!body.is_object()) return BadRequest("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return BadRequest(fmt::format("unknown field '{}' (expected: {})", key,
                                    fmt::join(allowed.begin(), allowed.end(), ", ")),
                        key);
    }
  }
  return body;
}

HttpResult<std::optional<std::string>> StringField(const json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return BadRequest(fmt::format("{}: must be text", name), name);
}

HttpResult<std::optional<int>> IntField(const json& body, const char* name, int min, int max) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    return BadRequest(fmt::format("{}: must be a whole number from {} to {}", name, min, max),
                      name);
  }
  // A number past int64 arrives unsigned; either way it is out of range.
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    return BadRequest(fmt::format("{}: must be {}–{}, got {}", name, min, max, it->dump()), name);
  }
  const auto value = it->get<std::int64_t>();
  if (value < min || value > max) {
    return BadRequest(fmt::format("{}: must be {}–{}, got {}", name, min, max, value), name);
  }
  return static_cast<int>(value);
}

HttpResult<std::optional<bool>> BoolField(const json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) return BadRequest(fmt::format("{}: must be true or false", name), name);
  return it->get<bool>();
}

HttpResult<std::optional<Date>> DateQuery(const ApiRequest& request, const char* name) {
  const auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::nullopt;
  auto date = ParseDate(it->second);
  if (!date) return BadRequest(fmt::format("{}: {}", name, date.error().message), name);
  return *date;
}

bool FlagQuery(const ApiRequest& request, const char* name) {
  const auto it = request.query.find(name);
  return it != request.query.end() && (it->second == "1" || it->second == "true");
}

}  // namespace backstride::server
