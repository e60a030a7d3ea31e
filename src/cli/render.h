// Renders an assessment for people: plain text for the terminal (80 columns) and
// Markdown for notes and messages. The JSON form is app/assess.h's.
#ifndef BACKSTRIDE_CLI_RENDER_H_
#define BACKSTRIDE_CLI_RENDER_H_

#include <cstddef>
#include <string>

#include "app/assess.h"

namespace backstride::cli {

inline constexpr std::size_t kTerminalWidth = 80;

std::string RenderText(const Assessment& assessment, std::size_t width = kTerminalWidth);
std::string RenderMarkdown(const Assessment& assessment);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_RENDER_H_
