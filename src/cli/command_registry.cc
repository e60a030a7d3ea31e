#include "cli/command_registry.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/assess_command.h"

namespace backstride::cli {

Option& Option::Required() {
  option_->required();
  return *this;
}

Option& Option::Range(int low, int high) {
  option_->check(CLI::Range(low, high));
  return *this;
}

Option& Option::OneOf(std::vector<std::string> values) {
  option_->check(CLI::IsMember(std::move(values)));
  return *this;
}

Command Command::AddSubcommand(const std::string& name, const std::string& description) {
  return Command(app_->add_subcommand(name, description), registry_);
}

void Command::Runs(std::function<int()> run) {
  // CLI11 calls this once every argument is parsed and checked, for the command given
  // only; the command itself runs after parse() returns.
  app_->callback([registry = registry_, run = std::move(run)] { registry->selected_ = run; });
}

void Command::RequireSubcommand(std::string missing) {
  app_->require_subcommand(1);
  if (!missing.empty()) registry_->missing_.emplace_back(app_, std::move(missing));
}

Option Command::AddOption(const std::string& name, std::string& value,
                          const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, int& value, const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, std::int64_t& value,
                          const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, std::optional<int>& value,
                          const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, std::optional<std::int64_t>& value,
                          const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, std::optional<std::size_t>& value,
                          const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, std::optional<std::string>& value,
                          const std::string& description) {
  return Option(app_->add_option(name, value, description));
}
Option Command::AddOption(const std::string& name, std::vector<std::string>& values,
                          const std::string& description) {
  return Option(app_->add_option(name, values, description));
}

Option Command::AddChoice(const std::string& name, int& value, std::map<std::string, int> choices,
                          const std::string& shown, const std::string& description) {
  CLI::Option* option = app_->add_option(name, value, description);
  option->transform(CLI::CheckedTransformer(std::move(choices), CLI::ignore_case))
      ->option_text(shown);
  return Option(option);
}

void Command::AddFlag(const std::string& name, bool& value, const std::string& description) {
  app_->add_flag(name, value, description);
}

CommandRegistry::CommandRegistry(const Options& options)
    : name_(options.name), app_(std::make_unique<CLI::App>(options.description, options.name)) {
  app_->set_version_flag("--version", options.version);
  app_->require_subcommand(1);
  app_->footer(options.footer);
  // Lets a subcommand pass the options it does not know to the top level, so the global
  // options may come after the command too.
  app_->fallthrough();
}

CommandRegistry::~CommandRegistry() = default;

Command CommandRegistry::top() { return Command(app_.get(), this); }

int CommandRegistry::Run(int argc, char** argv) {
  try {
    app_->parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app_->exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app_->exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app_->exit(e);
  } catch (const CLI::ParseError& e) {
    for (const auto& [command, missing] : missing_) {
      if (!command->parsed() || !command->get_subcommands().empty()) continue;
      std::string given;
      for (const std::string& extra : app_->remaining()) given += " '" + extra + "'";
      std::cerr << missing << (given.empty() ? "" : "; got" + given) << "\n";
      return kExitBadInput;
    }
    std::cerr << name_ << ": " << e.what() << "\nRun '" << name_ << " --help' for usage.\n";
    return kExitBadInput;
  }
  return selected_ ? selected_() : kExitBadInput;
}

}  // namespace backstride::cli
