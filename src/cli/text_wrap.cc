#include "cli/text_wrap.h"

namespace backstride::cli {

std::size_t Columns(std::string_view text) {
  std::size_t columns = 0;
  for (char c : text) {
    // Continuation bytes (10xxxxxx) do not start a new character.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++columns;
  }
  return columns;
}

std::string Wrap(std::string_view text, std::size_t width, std::string_view indent,
                 std::string_view first_indent) {
  std::string out;
  const std::string_view lead = first_indent;
  std::string line(lead);
  std::size_t line_columns = Columns(lead);
  bool line_has_word = false;

  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    const std::size_t word_columns = Columns(word);
    if (line_has_word && line_columns + 1 + word_columns > width) {
      out += line;
      out += '\n';
      line.assign(indent);
      line_columns = Columns(indent);
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_columns;
    }
    line += word;
    line_columns += word_columns;
    line_has_word = true;
    pos = end;
  }
  if (line_has_word || out.empty()) {
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace backstride::cli
