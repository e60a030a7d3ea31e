// Locale-independent number parsing from text views.
#ifndef BACKSTRIDE_BASE_NUMBERS_H_
#define BACKSTRIDE_BASE_NUMBERS_H_

#include <optional>
#include <string_view>

namespace backstride {

// Parses all of `text` as a decimal number ("12", "-3.5", "1e3"). Returns nullopt when
// any of it is not part of the number, or it is not finite.
std::optional<double> ParseDouble(std::string_view text);

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_NUMBERS_H_
