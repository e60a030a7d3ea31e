#include "base/units.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/enum_ids.h"
#include "base/numbers.h"

namespace backstride {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<double> Number(std::string_view text) { return ParseDouble(Trim(text)); }

bool StripSuffix(std::string_view& text, std::string_view suffix) {
  if (text.size() <= suffix.size() || !text.ends_with(suffix)) return false;
  text.remove_suffix(suffix.size());
  return true;
}

}  // namespace

namespace {
constexpr std::array<Named<DistanceUnit>, 2> kUnitIds = {{
    {DistanceUnit::kKilometres, "km"},
    {DistanceUnit::kMiles, "mi"},
}};
static_assert(InEnumOrder(kUnitIds));
}  // namespace

std::string_view DistanceUnitId(DistanceUnit unit) { return IdOf(kUnitIds, unit); }

std::optional<DistanceUnit> DistanceUnitFromId(std::string_view id) { return FromId(kUnitIds, id); }

Result<double> ParseDistance(std::string_view text, DistanceUnit default_unit) {
  std::string_view rest = Trim(text);
  double scale = default_unit == DistanceUnit::kMiles ? kMetresPerMile : 1000.0;
  if (StripSuffix(rest, "km")) {
    scale = 1000.0;
  } else if (StripSuffix(rest, "mi")) {
    scale = kMetresPerMile;
  } else if (StripSuffix(rest, "m")) {
    scale = 1.0;
  }
  const auto value = Number(rest);
  constexpr double kMaxMetres = 500'000;  // longer than any single run
  if (!value || *value <= 0 || *value * scale > kMaxMetres) {
    return Fail(Error::InvalidArgument("'" + std::string(text) +
                                       "' is not a distance; write it like 2.1km, 1.3mi or 800m"));
  }
  return *value * scale;
}

Result<double> ParseDuration(std::string_view text) {
  std::string_view rest = Trim(text);
  const Error error = Error::InvalidArgument(
      "'" + std::string(text) + "' is not a duration; write it like 12:34, 1:02:03 or 45min");
  double seconds = 0;
  if (rest.find(':') != std::string_view::npos) {
    // h:mm:ss or mm:ss; every part but the first must be below 60.
    int parts = 0;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const auto part = Number(rest.substr(0, colon));
      if (!part || *part < 0 || (parts > 0 && *part >= 60)) return Fail(error);
      seconds = seconds * 60 + *part;
      ++parts;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
      if (rest.empty()) return Fail(error);
    }
    if (parts < 2 || parts > 3) return Fail(error);
  } else if (StripSuffix(rest, "min")) {
    const auto minutes = Number(rest);
    if (!minutes) return Fail(error);
    seconds = *minutes * 60;
  } else if (StripSuffix(rest, "s")) {
    const auto value = Number(rest);
    if (!value) return Fail(error);
    seconds = *value;
  } else {
    const auto minutes = Number(rest);
    if (!minutes) return Fail(error);
    seconds = *minutes * 60;
  }
  constexpr double kMaxSeconds = 48 * 3600;
  if (!(seconds > 0) || seconds > kMaxSeconds) return Fail(error);
  return seconds;
}

std::string FormatDistance(double metres, DistanceUnit unit) {
  const double value = unit == DistanceUnit::kMiles ? metres / kMetresPerMile : metres / 1000.0;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f %s", value,
                unit == DistanceUnit::kMiles ? "mi" : "km");
  return buffer;
}

std::string FormatDuration(double seconds) {
  const long total = std::lround(seconds);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

std::string FormatPace(double seconds_per_km, DistanceUnit unit) {
  const double per_unit =
      unit == DistanceUnit::kMiles ? seconds_per_km * kMetresPerMile / 1000.0 : seconds_per_km;
  return FormatDuration(per_unit) + (unit == DistanceUnit::kMiles ? " /mi" : " /km");
}

}  // namespace backstride
