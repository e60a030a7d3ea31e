// Distances, durations and paces as a runner types and reads them, in kilometres or
// miles. Inside the program distances are metres and durations seconds.
#ifndef BACKSTRIDE_BASE_UNITS_H_
#define BACKSTRIDE_BASE_UNITS_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace backstride {

enum class DistanceUnit { kKilometres, kMiles };

inline constexpr double kMetresPerMile = 1609.344;

std::string_view DistanceUnitId(DistanceUnit unit);  // "km" or "mi"
std::optional<DistanceUnit> DistanceUnitFromId(std::string_view id);

// Parses "2.1km", "2.1 km", "1.3mi", "800m", or a bare number in `default_unit`.
// Returns metres, > 0. Fails with a message saying what is allowed.
Result<double> ParseDistance(std::string_view text, DistanceUnit default_unit);

// Parses "12:34" (minutes:seconds), "1:02:03", "45min", "90s", or a bare number of
// minutes. Returns seconds, > 0.
Result<double> ParseDuration(std::string_view text);

// "2.10 km" / "1.30 mi".
std::string FormatDistance(double metres, DistanceUnit unit);
// "12:34" or "1:02:03".
std::string FormatDuration(double seconds);
// Pace from seconds per kilometre: "5:59 /km" or "9:38 /mi".
std::string FormatPace(double seconds_per_km, DistanceUnit unit);

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_UNITS_H_
