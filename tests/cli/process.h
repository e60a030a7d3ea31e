// Runs the built binary the way a person or a script would: with arguments and piped
// input, or at a pseudo-terminal for the interactive questionnaire.
#ifndef BACKSTRIDE_TESTS_CLI_PROCESS_H_
#define BACKSTRIDE_TESTS_CLI_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace backstride::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 if the process did not exit normally (a crash)
  std::string out;
  std::string err;
};

// Runs `args` (args[0] is the program path) with `input` on standard input (a pipe).
ProcessResult RunProcess(const std::vector<std::string>& args, std::string_view input = {});

// A process attached to a pseudo-terminal, so that it sees a real terminal.
class TerminalSession {
 public:
  explicit TerminalSession(const std::vector<std::string>& args);
  ~TerminalSession();
  TerminalSession(const TerminalSession&) = delete;
  TerminalSession& operator=(const TerminalSession&) = delete;

  // Types `line` followed by Enter.
  void TypeLine(std::string_view line);
  // Reads the screen until `text` appears after the last call's match, or the timeout.
  // Returns whether it appeared.
  bool WaitFor(std::string_view text,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  // Waits for the process to end and returns its exit code (-1 if it crashed).
  int Wait();
  // Everything the process wrote to the terminal so far.
  const std::string& screen() const { return screen_; }

 private:
  bool ReadSome(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int master_fd_ = -1;
  std::string screen_;
  std::size_t matched_up_to_ = 0;
};

// A runner's own data folder for one test: runs the binary with `--db` inside it and a
// fixed `--today`, and removes the folder afterwards.
class Runner {
 public:
  explicit Runner(std::string binary);
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Runs `backstride --db <own db> --today <today> args...` with `input` on stdin.
  ProcessResult Do(const std::string& today, const std::vector<std::string>& args,
                   std::string_view input = {}) const;
  std::string File(const std::string& name) const;  // a path inside the folder
  const std::string& dir() const { return dir_; }

 private:
  std::string binary_;
  std::string dir_;
};

}  // namespace backstride::testing

#endif  // BACKSTRIDE_TESTS_CLI_PROCESS_H_
