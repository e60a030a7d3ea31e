#include "core/json_limits.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace backstride {
namespace {

using nlohmann::json;

// A SAX reader that builds nothing: it counts the nesting and notes a number overflow,
// and stops at the first of either. The text is read twice, here and by its parser;
// this pass keeps no values.
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

Result<void> CheckJsonLimits(std::string_view text, std::string_view what) {
  JsonLimits limits;
  json::sax_parse(text.begin(), text.end(), &limits);
  if (limits.too_deep()) {
    return Fail(Error::InvalidArgument(std::string(what) + " is nested deeper than " +
                                       std::to_string(kMaxJsonDepth) + " levels"));
  }
  if (limits.overflow_at()) {
    // The offset goes with the error; the fronts add "at byte N" where they show it.
    Error error = Error::InvalidArgument(std::string(what) +
                                         " is not valid JSON: a number too large to read");
    error.offset = *limits.overflow_at();
    return Fail(std::move(error));
  }
  return {};
}

}  // namespace backstride
