// Word wrapping for terminal output.
#ifndef BACKSTRIDE_CLI_TEXT_WRAP_H_
#define BACKSTRIDE_CLI_TEXT_WRAP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace backstride::cli {

// Returns `text` broken into lines of at most `width` columns (UTF-8 code points), the
// first starting with `first_indent` and the rest with `indent`. Words longer than a line
// are kept whole. Every line ends with '\n'.
std::string Wrap(std::string_view text, std::size_t width, std::string_view indent,
                 std::string_view first_indent);
// The same with every line starting with `indent`.
inline std::string Wrap(std::string_view text, std::size_t width, std::string_view indent = {}) {
  return Wrap(text, width, indent, indent);
}

// Number of columns `text` takes, counting UTF-8 code points.
std::size_t Columns(std::string_view text);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_TEXT_WRAP_H_
