// Base64 (RFC 4648, the standard alphabet, padded): binary in a text format, such as an
// imported run's track in a backup.
#ifndef BACKSTRIDE_BASE_BASE64_H_
#define BACKSTRIDE_BASE_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace backstride {

std::string Base64(std::string_view bytes);

// The bytes of `text`, or nullopt when it holds a character outside the alphabet.
// Decoding stops at the first '='.
std::optional<std::string> FromBase64(std::string_view text);

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_BASE64_H_
