// How the command files declare their commands: each has a Register...() that adds its
// subcommands and their options to the command line and says what each runs, so main.cc
// only builds the top level and its global options.
//
// CLI11 does the parsing, but only command_registry.cc includes it. CLI11 is header-only
// and heavy: in the asan build a file that includes <CLI/CLI.hpp> takes about 5 s more CPU
// to compile, even if it uses nothing of it (CLI11 defines its validators as objects in
// every such file), and with it in each command file a clean build of this library took
// twice as long. The handles below are thin: each call is one CLI11 call, made in the same
// order, so the help and the parse errors are CLI11's own.
#ifndef BACKSTRIDE_CLI_COMMAND_REGISTRY_H_
#define BACKSTRIDE_CLI_COMMAND_REGISTRY_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace backstride::cli {

class CommandRegistry;

// An option just added, to refine. A handle: valid as long as its registry.
class Option {
 public:
  // The option must be given.
  Option& Required();
  // The value must be a whole number from `low` to `high`; the help shows the range.
  Option& Range(int low, int high);
  // The value must be one of `values`, exactly.
  Option& OneOf(std::vector<std::string> values);

 private:
  friend class Command;
  explicit Option(CLI::Option* option) : option_(option) {}
  CLI::Option* option_;
};

// A command or subcommand being declared. A handle: copies refer to the same command, and
// all are valid as long as their registry.
//
// The Add*() functions bind `value` by reference: it is set while the arguments are
// parsed, so it must outlive the registry's Run(). The command files keep their options in
// a shared_ptr that the function given to Runs() holds.
class Command {
 public:
  // Adds a subcommand; --help lists them in the order added.
  Command AddSubcommand(const std::string& name, const std::string& description);
  // Makes `run` what this command does when it is the one given: it runs after the
  // arguments are parsed and returns the exit code.
  void Runs(std::function<int()> run);
  // This command needs exactly one subcommand. Given without one (or with one it does not
  // know), `missing` is said in place of the generic parse error, with what was given
  // instead; empty keeps the generic error.
  void RequireSubcommand(std::string missing = {});

  // An option with a value (--name) or, for a name without dashes, a positional argument.
  // The value's type decides what it accepts and what the help calls it (TEXT, INT, UINT).
  Option AddOption(const std::string& name, std::string& value, const std::string& description);
  Option AddOption(const std::string& name, int& value, const std::string& description);
  Option AddOption(const std::string& name, std::int64_t& value, const std::string& description);
  Option AddOption(const std::string& name, std::optional<int>& value,
                   const std::string& description);
  Option AddOption(const std::string& name, std::optional<std::int64_t>& value,
                   const std::string& description);
  Option AddOption(const std::string& name, std::optional<std::size_t>& value,
                   const std::string& description);
  Option AddOption(const std::string& name, std::optional<std::string>& value,
                   const std::string& description);
  Option AddOption(const std::string& name, std::vector<std::string>& values,
                   const std::string& description);
  // An option whose value is one of the names in `choices`, in any case; sets `value` to
  // the number the name maps to. The help shows `shown` in place of the type.
  Option AddChoice(const std::string& name, int& value, std::map<std::string, int> choices,
                   const std::string& shown, const std::string& description);
  // A flag without a value: sets `value` to true when given.
  void AddFlag(const std::string& name, bool& value, const std::string& description);

 private:
  friend class CommandRegistry;
  Command(CLI::App* app, CommandRegistry* registry) : app_(app), registry_(registry) {}
  CLI::App* app_;
  CommandRegistry* registry_;
};

// The whole command line: the top-level command, the command the runner gave, and its exit
// code. Not copyable: the commands' callbacks point at it.
class CommandRegistry {
 public:
  struct Options {
    std::string name;         // the program's name, as in "Usage: backstride ..."
    std::string description;  // the top of --help
    std::string version;      // what --version prints
    std::string footer;       // the bottom of every --help
  };
  // A command line that takes exactly one command. Options of the top level may come
  // before or after the command.
  explicit CommandRegistry(const Options& options);
  ~CommandRegistry();
  CommandRegistry(const CommandRegistry&) = delete;
  CommandRegistry& operator=(const CommandRegistry&) = delete;

  // The top-level command, for the global options and the registrations.
  Command top();

  // Parses the arguments and runs the command given, returning its exit code. --help and
  // --version print to standard output and return 0; a parse error is said on standard
  // error and returns kExitBadInput. Whatever the command throws propagates.
  int Run(int argc, char** argv);

 private:
  friend class Command;
  std::string name_;
  std::unique_ptr<CLI::App> app_;
  std::function<int()> selected_;
  // The commands that say their own message when given without a subcommand.
  std::vector<std::pair<const CLI::App*, std::string>> missing_;
};

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_COMMAND_REGISTRY_H_
