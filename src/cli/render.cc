#include "cli/render.h"

#include <fmt/format.h>

#include "cli/text_wrap.h"

namespace backstride::cli {
namespace {

std::string RedFlagList(const Triage& triage) {
  if (triage.red_flags.empty()) return "none";
  std::string list;
  for (RedFlag flag : triage.red_flags) {
    if (!list.empty()) list += ", ";
    list += RedFlagId(flag);
  }
  return list;
}

std::string ReasonDetail(const Reason& reason) {
  return fmt::format("({} = {}; rule: {} {})", reason.field, reason.answer, reason.rule,
                     reason.threshold);
}

std::string Rule(std::size_t width, char c) { return std::string(width, c) + "\n"; }

}  // namespace

std::string RenderText(const Assessment& assessment, std::size_t width) {
  const Triage& triage = assessment.triage;
  std::string out;
  if (assessment.safety) {
    // Routes 1-3 lead with the safety text so it cannot be missed.
    out += Rule(width, '!');
    out += Wrap(assessment.safety->title, width, "   ", "!! ");
    out += Rule(width, '!');
    out += Wrap(assessment.safety->text, width);
    out += Wrap("Why: " + assessment.safety->why, width, "  ");
    out += "\n";
  }
  out += Wrap(fmt::format("Your route: {} ({})", assessment.route.title, RouteId(triage.route)),
              width);
  out += Wrap(assessment.route.summary, width);
  out += "\n";
  out += fmt::format("Warning signs: {}\n\n", RedFlagList(triage));
  out += "Why this route\n";
  for (const Reason& reason : triage.reasons) {
    out += Wrap(reason.text, width, "    ", "  - ");
    out += Wrap(ReasonDetail(reason), width, "    ", "    ");
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
  out += Wrap("Note: " + assessment.disclaimer, width);
  return out;
}

std::string RenderMarkdown(const Assessment& assessment) {
  const Triage& triage = assessment.triage;
  std::string out = "# backstride assessment\n\n";
  if (assessment.safety) {
    out += fmt::format("> **{}**\n>\n> {}\n>\n> *Why:* {}\n\n", assessment.safety->title,
                       assessment.safety->text, assessment.safety->why);
  }
  out += fmt::format("## Route: {} (`{}`)\n\n{}\n\n", assessment.route.title, RouteId(triage.route),
                     assessment.route.summary);
  out += fmt::format("**Warning signs:** {}\n\n", RedFlagList(triage));
  out += "## Why this route\n\n";
  for (const Reason& reason : triage.reasons) {
    out += fmt::format("- {} `{} = {}` (rule `{}`: {})\n", reason.text, reason.field, reason.answer,
                       reason.rule, reason.threshold);
  }
  if (!assessment.advice.empty()) {
    out += "\n## What to do\n\n";
    std::size_t number = 1;
    for (const TextItem& item : assessment.advice) {
      out +=
          fmt::format("{}. **{}** — {}\n   *Why:* {}\n", number++, item.title, item.text, item.why);
    }
  }
  out += fmt::format("\n## What happens next\n\n{}\n\n---\n\n*{}*\n", assessment.route.next,
                     assessment.disclaimer);
  return out;
}

}  // namespace backstride::cli
