#include "cli/interview.h"

#include <fmt/format.h>

#include <istream>
#include <ostream>
#include <string>

#include "cli/text_wrap.h"
#include "core/questionnaire.h"

namespace backstride::cli {
namespace {

constexpr std::size_t kWidth = 80;
constexpr std::string_view kIndent = "    ";

std::string AllowedHint(const Question& question) {
  switch (question.kind) {
    case QuestionKind::kYesNo:
      return "yes/no";
    case QuestionKind::kYesNoUnsure:
      return "yes/no/not sure";
    case QuestionKind::kWholeNumber:
      return fmt::format("{}-{}", question.min, question.max);
    case QuestionKind::kDecimal:
      return "a number, or Enter to skip";
    case QuestionKind::kChoice:
      return fmt::format("1-{}", question.choices.size());
    case QuestionKind::kDuration:
      return question.unit == TimeUnit::kWeeks ? "weeks, or e.g. 10 days"
                                               : "months, or e.g. 6 weeks";
  }
  return "";
}

void Ask(std::ostream& out, const Questionnaire& questionnaire, const QuestionText& text) {
  out << '\n'
      << Wrap(text.prompt, kWidth, kIndent,
              fmt::format("[{}/{}] ", questionnaire.Number(), questionnaire.Total()));
  out << Wrap("Why we ask: " + text.why, kWidth, kIndent, kIndent);
  std::size_t number = 1;
  for (const auto& [id, label] : text.choices) {
    out << fmt::format("{}  {}) {}\n", kIndent, number++, label);
  }
}

void Prompt(std::ostream& out, const Question& question) {
  out << fmt::format("{}({}) > ", kIndent, AllowedHint(question)) << std::flush;
}

bool IsCommand(const std::string& line, std::initializer_list<std::string_view> words) {
  std::string trimmed;
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') {
      trimmed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  for (std::string_view word : words) {
    if (trimmed == word) return true;
  }
  return false;
}

}  // namespace

Result<InterviewOutcome> RunInterview(std::istream& in, std::ostream& out, const Content& content) {
  out << Wrap(
      "backstride asks a few questions about your back and your running, then tells you "
      "what to do next. The questions about warning signs come first, with where and when it "
      "hurts. Type \"back\" to change "
      "your previous answer, or \"quit\" to stop.",
      kWidth);

  Questionnaire questionnaire;
  bool show_question = true;
  while (const Question* question = questionnaire.Current()) {
    // LoadBuiltinContent guarantees a text for every question.
    const QuestionText& text = *content.Question(question->id);
    if (show_question) Ask(out, questionnaire, text);
    Prompt(out, *question);

    std::string line;
    if (!std::getline(in, line)) {
      out << "\n\nStopped. Nothing was saved.\n";
      return InterviewOutcome{};
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    show_question = true;
    if (IsCommand(line, {"quit", "q", "exit"})) {
      out << "Stopped. Nothing was saved.\n";
      return InterviewOutcome{};
    }
    if (IsCommand(line, {"back", "b"})) {
      if (!questionnaire.Back()) {
        out << kIndent << "This is the first question.\n";
        show_question = false;
      }
      continue;
    }
    auto reply = ParseReply(*question, line);
    if (!reply) {
      out << kIndent << reply.error().message << '\n';
      show_question = false;
      continue;
    }
    if (auto conversion = ConversionOf(*question, line)) {
      out << kIndent << ConversionText(*conversion) << '\n';
    }
    questionnaire.Record(std::move(*reply));
  }

  InterviewOutcome outcome;
  if (questionnaire.Stopped()) {
    outcome.kind = InterviewOutcome::Kind::kWarningSign;
    outcome.answers.red_flags = questionnaire.RedFlagsSoFar();
    outcome.context = questionnaire.ContextSoFar();
    out << "\n"
        << Wrap("The questions stop here: that answer decides what to do next.", kWidth) << "\n";
    return outcome;
  }
  auto answers = questionnaire.Finish();
  if (!answers) return Fail(answers.error());
  outcome.kind = InterviewOutcome::Kind::kComplete;
  outcome.answers = std::move(*answers);
  out << "\nThank you. Here is what your answers mean.\n\n";
  return outcome;
}

}  // namespace backstride::cli
