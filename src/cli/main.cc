// The backstride command. Parses arguments (CLI11), runs the command, and turns every
// failure into a message and an exit code: 0 success, 2 bad input, 1 anything else.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <map>
#include <string>

#include "cli/assess_command.h"

namespace {

using backstride::cli::AssessOptions;
using backstride::cli::OutputFormat;

int Main(int argc, char** argv) {
  CLI::App app{
      "backstride helps runners with back pain keep running, or get back to it, safely.\n"
      "It screens for warning signs, works out your situation, explains why, and gives\n"
      "advice you can act on. It is guidance, not a diagnosis.",
      "backstride"};
  app.set_version_flag("--version", "backstride " BACKSTRIDE_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'backstride COMMAND --help' for a command's options.");

  AssessOptions assess;
  CLI::App* assess_command = app.add_subcommand(
      "assess",
      "Answer the questionnaire (or give a file of answers) to get your route, the reasons "
      "for it, and advice.");
  assess_command->add_option("--answers", assess.answers_path,
                             "A JSON file of answers, or - to read them from standard input. "
                             "Without it, the questions are asked one at a time.");
  assess_command->add_flag("--interactive", assess.interactive,
                           "Ask the questions even when standard input is not a terminal.");
  assess_command->add_option("--save-answers", assess.save_answers_path,
                             "After answering the questions, save the answers to this JSON file "
                             "for later use with --answers.");
  const std::map<std::string, OutputFormat> formats = {
      {"text", OutputFormat::kText},
      {"json", OutputFormat::kJson},
      {"markdown", OutputFormat::kMarkdown},
  };
  assess_command
      ->add_option("--format", assess.format, "Output format: text (default), json or markdown.")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->option_text("text|json|markdown");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "backstride: " << e.what() << "\nRun 'backstride --help' for usage.\n";
    return backstride::cli::kExitBadInput;
  }

  if (assess_command->parsed()) {
    return backstride::cli::RunAssess(assess, std::cin, std::cout, std::cerr,
                                      isatty(STDIN_FILENO) == 1);
  }
  return backstride::cli::kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "backstride: unexpected error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "backstride: unexpected error\n";
  }
  return backstride::cli::kExitFailure;
}
