#include "server/request_fields.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>

namespace backstride::server {
namespace {

using nlohmann::json;

// A SAX reader that builds nothing: it counts the nesting and notes a number overflow,
// and stops at the first of either. The body is read twice, here and then by its route;
// this pass keeps no values, and bodies are small but for a restored export.
class JsonLimits final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool key(string_t&) override { return true; }
  bool start_object(std::size_t) override { return Enter(); }
  bool end_object() override { return Leave(); }
  bool start_array(std::size_t) override { return Enter(); }
  bool end_array() override { return Leave(); }
  bool parse_error(std::size_t position, const std::string&,
                   const json::exception& error) override {
    if (error.id == 406) overflow_at_ = position;  // out_of_range.406: number overflow
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::optional<std::size_t>& overflow_at() const { return overflow_at_; }

 private:
  bool Enter() {
    too_deep_ = ++depth_ > kMaxJsonDepth;
    return !too_deep_;
  }
  bool Leave() {
    --depth_;
    return true;
  }

  int depth_ = 0;
  bool too_deep_ = false;
  std::optional<std::size_t> overflow_at_;
};

}  // namespace

HttpResult<void> CheckJsonBody(std::string_view body) {
  JsonLimits limits;
  json::sax_parse(body.begin(), body.end(), &limits);
  if (limits.too_deep()) {
    return BadRequest(fmt::format("the body is nested deeper than {} levels", kMaxJsonDepth));
  }
  if (limits.overflow_at()) {
    return BadRequest(fmt::format("the body is not valid JSON (a number too large at byte {})",
                                  *limits.overflow_at()));
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
