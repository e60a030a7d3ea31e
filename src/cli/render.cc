#include "cli/render.h"

#include <fmt/format.h>

#include "cli/text_wrap.h"

namespace backstride::cli {
namespace {

// A warning sign in the runner's words, marked when they were not sure.
std::string SignText(const WarningSign& sign) {
  return sign.unsure ? sign.label + " (you were not sure)" : sign.label;
}

std::string UrgencyText(const TextItem& urgency) {
  return fmt::format("How soon: {}. {}", urgency.title, urgency.text);
}

std::string Rule(std::size_t width, char c) { return std::string(width, c) + "\n"; }

}  // namespace

std::string RenderText(const Assessment& assessment, std::size_t width) {
  std::string out;
  if (assessment.safety) {
    // Routes 1-3 lead with the safety text so it cannot be missed.
    out += Rule(width, '!');
    out += Wrap(assessment.safety->title, width, "   ", "!! ");
    out += Rule(width, '!');
    if (assessment.urgency) out += Wrap(UrgencyText(*assessment.urgency), width) + "\n";
    out += Wrap(assessment.safety->text, width);
    out += Wrap("Why: " + assessment.safety->why, width, "  ");
    out += "\n";
  }
  out += Wrap("Your route: " + assessment.route.title, width);
  out += Wrap(assessment.route.summary, width);
  out += "\n";
  for (const TextItem& notice : assessment.notices) {
    out += Wrap(notice.title, width, "   ", "** ");
    out += Wrap(notice.text, width, "   ", "   ");
    out += Wrap("Why: " + notice.why, width, "   ", "   ");
    out += "\n";
  }
  if (assessment.warning_signs.empty()) {
    out += "Warning signs: none\n\n";
  } else {
    out += "Warning signs\n";
    for (const WarningSign& sign : assessment.warning_signs) {
      out += Wrap(SignText(sign), width, "    ", "  - ");
    }
    out += "\n";
  }
  out += "Why this route\n";
  for (const std::string& reason : assessment.reasons) {
    out += Wrap(reason, width, "    ", "  - ");
  }
  if (!assessment.advice.empty()) {
    out += "\nWhat to do\n";
    std::size_t number = 1;
    for (const TextItem& item : assessment.advice) {
      out += Wrap(fmt::format("{}. {}", number++, item.title), width, "     ", "  ");
      out += Wrap(item.text, width, "     ");
      out += Wrap("Why: " + item.why, width, "     ");
      out += "\n";
    }
  } else {
    out += "\n";
  }
  out += "What happens next\n";
  out += Wrap(assessment.route.next, width, "  ");
  out += "\n";
  // Every result ends with the safety net (DESIGN 2.1a).
  out += Wrap(assessment.safety_net.title, width, "  ", "! ");
  out += Wrap(assessment.safety_net.text, width, "  ", "  ");
  out += "\n";
  out += Wrap("Note: " + assessment.disclaimer, width);
  return out;
}

std::string RenderMarkdown(const Assessment& assessment) {
  std::string out = "# backstride assessment\n\n";
  if (assessment.safety) {
    out += fmt::format("> **{}**\n>\n", assessment.safety->title);
    if (assessment.urgency) {
      out += fmt::format("> **How soon: {}.** {}\n>\n", assessment.urgency->title,
                         assessment.urgency->text);
    }
    out += fmt::format("> {}\n>\n> *Why:* {}\n\n", assessment.safety->text, assessment.safety->why);
  }
  out += fmt::format("## Route: {}\n\n{}\n\n", assessment.route.title, assessment.route.summary);
  for (const TextItem& notice : assessment.notices) {
    out += fmt::format("> **{}** {}\n>\n> *Why:* {}\n\n", notice.title, notice.text, notice.why);
  }
  if (assessment.warning_signs.empty()) {
    out += "**Warning signs:** none\n\n";
  } else {
    out += "**Warning signs:**\n\n";
    for (const WarningSign& sign : assessment.warning_signs) out += "- " + SignText(sign) + "\n";
    out += "\n";
  }
  out += "## Why this route\n\n";
  for (const std::string& reason : assessment.reasons) out += "- " + reason + "\n";
  if (!assessment.advice.empty()) {
    out += "\n## What to do\n\n";
    std::size_t number = 1;
    for (const TextItem& item : assessment.advice) {
      out +=
          fmt::format("{}. **{}** — {}\n   *Why:* {}\n", number++, item.title, item.text, item.why);
    }
  }
  out += fmt::format("\n## What happens next\n\n{}\n\n", assessment.route.next);
  out += fmt::format("## {}\n\n{}\n\n---\n\n*{}*\n", assessment.safety_net.title,
                     assessment.safety_net.text, assessment.disclaimer);
  return out;
}

}  // namespace backstride::cli
