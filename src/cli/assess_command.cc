#include "cli/assess_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/assess.h"
#include "cli/context.h"
#include "cli/interview.h"
#include "cli/render.h"
#include "cli/text_wrap.h"

namespace backstride::cli {
namespace {

// An answers file is a few hundred bytes; anything near this is not one.
constexpr std::size_t kMaxAnswersBytes = 1 << 20;

Result<std::string> ReadAnswers(const std::string& path, std::istream& in) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      return Fail(Error::InvalidArgument(
          fmt::format("--answers: cannot open '{}': {}", path, std::strerror(errno)), "--answers"));
    }
    text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    if (file.bad()) {
      return Fail(
          Error::InvalidArgument(fmt::format("--answers: cannot read '{}'", path), "--answers"));
    }
  }
  if (text.size() > kMaxAnswersBytes) {
    return Fail(Error::InvalidArgument(
        fmt::format("--answers: '{}' is {} bytes; an answers file is at most {} bytes", path,
                    text.size(), kMaxAnswersBytes),
        "--answers"));
  }
  return text;
}

std::string Render(const Assessment& assessment, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson:
      return AssessmentToJson(assessment) + "\n";
    case OutputFormat::kMarkdown:
      return RenderMarkdown(assessment);
    case OutputFormat::kText:
      return RenderText(assessment);
  }
  return {};
}

// Said when a warning sign stops the assessment: nothing of it is kept.
constexpr std::string_view kNothingStored =
    "Nothing was saved: answers with a warning sign are not kept. If you have a plan from an "
    "earlier assessment, do not run on it until a doctor has checked your back.";

std::string Source(const AssessOptions& options) {
  return options.answers_path == "-" ? "standard input" : options.answers_path;
}

int ReportError(std::ostream& err, const Error& error, std::string_view source) {
  std::string message = error.message;
  if (error.offset && error.code == ErrorCode::kInvalidArgument) {
    message += fmt::format(" (at byte {})", *error.offset);
  }
  err << "backstride assess: " << (source.empty() ? "" : fmt::format("{}: ", source));
  // One problem per line, each already naming its field.
  if (message.find('\n') != std::string::npos) {
    err << "the answers have problems:\n";
    std::istringstream lines(message);
    for (std::string line; std::getline(lines, line);) err << "  " << line << '\n';
  } else {
    err << message << '\n';
  }
  return error.code == ErrorCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

}  // namespace

int RunAssess(const AssessOptions& options, std::istream& in, std::ostream& out, std::ostream& err,
              bool input_is_terminal) {
  const bool ask = options.answers_path.empty();
  if (!ask && options.interactive) {
    err << "backstride assess: --interactive and --answers cannot be used together\n";
    return kExitBadInput;
  }
  if (!ask && !options.save_answers_path.empty()) {
    err << "backstride assess: --save-answers is for answers given to the questions; "
           "with --answers the file already holds them\n";
    return kExitBadInput;
  }
  if (ask && !input_is_terminal && !options.interactive) {
    err << "backstride assess: no answers given. Pass --answers FILE (or --answers - to read "
           "standard input), or run it in a terminal to answer the questions.\n";
    return kExitBadInput;
  }

  Result<Assessment> assessment = Fail(Error::InvalidArgument("no answers"));
  if (ask) {
    auto content = LoadBuiltinContent();
    if (!content) return ReportError(err, content.error(), "");
    // Questions go to the terminal; with --format json they go to stderr, so that
    // standard output stays one clean JSON document.
    std::ostream& questions = options.format == OutputFormat::kJson ? err : out;
    auto outcome = RunInterview(in, questions, **content);
    if (!outcome) return ReportError(err, outcome.error(), "");
    if (outcome->kind == InterviewOutcome::Kind::kQuit) return kExitFailure;
    assessment = outcome->kind == InterviewOutcome::Kind::kWarningSign
                     ? AssessRedFlags(outcome->answers.red_flags, outcome->context)
                     : Assess(outcome->answers);
    if (assessment && outcome->kind == InterviewOutcome::Kind::kComplete &&
        !options.save_answers_path.empty()) {
      if (auto saved = WriteFileAtomically(options.save_answers_path,
                                           AnswersToJson(outcome->answers) + "\n");
          !saved) {
        return ReportError(err, saved.error(), "--save-answers");
      }
    }
  } else {
    auto text = ReadAnswers(options.answers_path, in);
    if (!text) return ReportError(err, text.error(), "");
    assessment = AssessJson(*text);
    if (!assessment) return ReportError(err, assessment.error(), Source(options));
  }
  if (!assessment) return ReportError(err, assessment.error(), "");

  // A warning sign is shown first, even when other answers are wrong (DESIGN 2).
  out << Render(*assessment, options.format);
  out.flush();
  if (!out) {
    err << "backstride assess: could not write the result\n";
    return kExitFailure;
  }
  // Standard output stays one clean document for the machine-readable format.
  std::ostream& notes = options.format == OutputFormat::kJson ? err : out;
  if (!assessment->problems.empty()) {
    err << "\nbackstride assess: " << Source(options)
        << ": the warning sign above was read first; the rest of the answers have problems:\n";
    std::istringstream lines(assessment->problems);
    for (std::string line; std::getline(lines, line);) err << "  " << line << '\n';
    err << "Nothing was saved.\n";
    return kExitBadInput;
  }
  if (!MayBeStored(*assessment)) {
    if (options.save) notes << '\n' << Wrap(kNothingStored, kTerminalWidth);
    return kExitOk;
  }
  if (options.save) {
    auto saved = options.save(*assessment);
    if (!saved) {
      err << "backstride assess: the assessment was not saved: " << saved.error().message << '\n';
      return kExitFailure;
    }
    notes << '\n' << Wrap(*saved, kTerminalWidth);
  }
  return kExitOk;
}

namespace {

// Keeps an assessment in the store and says what comes next.
Result<std::string> SaveToStore(const GlobalOptions& global, const Assessment& assessment) {
  auto app = OpenApp(global);
  if (!app) return Fail(app.error());
  auto saved = (*app)->SaveAssessment(assessment);
  if (!saved) return Fail(saved.error());
  if (saved->plan_id) {
    return std::string(
        "Saved. Your plan starts today: 'backstride today' shows today's "
        "sessions and 'backstride plan' the whole plan.");
  }
  return std::string("Saved. No running plan is made for this route.");
}

// What `assess` is given on the command line.
struct AssessArguments {
  AssessOptions options;
  bool no_save = false;
  int format = static_cast<int>(OutputFormat::kText);
};

}  // namespace

void RegisterAssessCommand(Command app, const GlobalOptions& global) {
  auto given = std::make_shared<AssessArguments>();
  Command assess = app.AddSubcommand(
      "assess",
      "Answer the questionnaire (or give a file of answers) to get your route, the reasons "
      "for it, and advice. The assessment is saved, and a plan started for the routes that "
      "get one.");
  assess.AddOption("--answers", given->options.answers_path,
                   "A JSON file of answers, or - to read them from standard input. "
                   "Without it, the questions are asked one at a time.");
  assess.AddFlag("--interactive", given->options.interactive,
                 "Ask the questions even when standard input is not a terminal.");
  assess.AddOption("--save-answers", given->options.save_answers_path,
                   "After answering the questions, save the answers to this JSON file "
                   "for later use with --answers.");
  assess.AddFlag("--no-save", given->no_save, "Show the result without storing it.");
  assess.AddChoice("--format", given->format,
                   {
                       {"text", static_cast<int>(OutputFormat::kText)},
                       {"json", static_cast<int>(OutputFormat::kJson)},
                       {"markdown", static_cast<int>(OutputFormat::kMarkdown)},
                   },
                   "text|json|markdown", "Output format: text (default), json or markdown.");
  assess.Runs([&global, given] {
    given->options.format = static_cast<OutputFormat>(given->format);
    if (!given->no_save) {
      given->options.save = [&global](const Assessment& a) { return SaveToStore(global, a); };
    }
    return RunAssess(given->options, std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1);
  });
}

}  // namespace backstride::cli
