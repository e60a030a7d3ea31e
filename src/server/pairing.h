// Pairing a device on the local network with the server: a one-time code, shown only in
// the terminal that started `backstride serve --lan`, buys the browser that presents it a
// session (a random token in an HttpOnly cookie). A peer on loopback is this computer and
// needs none; every other peer needs a session for every request.
//
// The choices, thinking of an attacker on the same Wi-Fi:
// - A code is 8 symbols from 31 that cannot be mistaken for one another (no 0/o, 1/l/i):
//   31^8 is about 8.5e11. Ten wrong tries spend it, so a guesser's chance is about 1e-11
//   per code shown; the terminal says when that happened. It lasts 15 minutes, works once,
//   and a new code replaces the old one. It is compared in constant time.
// - A session token is 32 bytes from getrandom(2), so it cannot be guessed; it is compared
//   in constant time too.
// - Sessions live in memory and die with the process: after a restart every device pairs
//   again, and a cookie replayed from before the restart is refused. Nothing about them is
//   written to disk, so a copy of the database carries no way in. A session also ends 30
//   days after pairing, as does its cookie.
#ifndef BACKSTRIDE_SERVER_PAIRING_H_
#define BACKSTRIDE_SERVER_PAIRING_H_

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backstride::server {

struct PairingOptions {
  int max_wrong_codes = 10;  // wrong codes tried before the code shown is spent
  std::chrono::seconds code_lifetime = std::chrono::minutes(15);
  std::chrono::seconds session_lifetime = std::chrono::days(30);
};

enum class PairOutcome {
  kPaired,             // the code was right: a new session
  kWrongCode,          // not the code shown; the code shown still works
  kNoCode,             // no code to pair with: none shown yet, used, replaced or expired
  kTooManyWrongCodes,  // this wrong code was the last one allowed: the code shown is spent
};

struct PairResult {
  PairOutcome outcome = PairOutcome::kNoCode;
  std::string session_token;  // set when paired: 64 hex digits
};

// The code shown and the sessions it bought. Thread-safe: the server's threads share one.
class Pairing {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit Pairing(PairingOptions options = {});

  // A fresh code, which replaces the one shown before: 8 lower-case symbols.
  std::string NewCode(TimePoint now);

  // Pairs with `code` as a person typed it: case, spaces and dashes do not matter.
  PairResult Pair(std::string_view code, TimePoint now);

  // Whether `token` is a live session's.
  bool HasSession(std::string_view token, TimePoint now) const;

  std::size_t session_count() const;

  // "k7m3p9qx" -> "k7m3-p9qx", as the terminal shows it.
  static std::string Grouped(std::string_view code);

 private:
  struct Session {
    std::string token;
    TimePoint ends;
  };

  PairingOptions options_;
  mutable std::mutex mutex_;
  std::optional<std::string> code_;  // empty once used, replaced or spent
  TimePoint code_ends_{};
  int wrong_codes_ = 0;
  std::vector<Session> sessions_;
};

// Fills `size` bytes from the system's entropy source (getrandom(2)); aborts if the system
// has none, since nothing could then be kept secret.
std::string RandomBytes(std::size_t size);

// Compares without an early exit, so the time taken says nothing about where they differ.
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_PAIRING_H_
