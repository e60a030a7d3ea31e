#include "server/pairing.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace backstride::server {
namespace {

// No 0, 1, i, l or o: a code read off a terminal and typed on a phone is read right.
constexpr std::string_view kCodeSymbols = "23456789abcdefghjkmnpqrstuvwxyz";
constexpr std::size_t kCodeLength = 8;
constexpr std::size_t kTokenBytes = 32;

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    hex += kDigits[value >> 4];
    hex += kDigits[value & 15];
  }
  return hex;
}

std::string Normalized(std::string_view typed) {
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-') continue;
    code += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return code;
}

}  // namespace

std::string RandomBytes(std::size_t size) {
  std::string bytes(size, '\0');
  std::size_t filled = 0;
  while (filled < size) {
    const ssize_t got = getrandom(bytes.data() + filled, size - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      std::perror("backstride: no random numbers from the system");
      std::abort();
    }
    filled += static_cast<std::size_t>(got);
  }
  return bytes;
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

Pairing::Pairing(PairingOptions options) : options_(options) {}

std::string Pairing::NewCode(TimePoint now) {
  // Each symbol from one random byte, drawn again when it falls past the largest multiple
  // of 31, so every symbol is equally likely.
  constexpr unsigned kUsable = 256 / kCodeSymbols.size() * kCodeSymbols.size();
  std::string code;
  while (code.size() < kCodeLength) {
    for (const char byte : RandomBytes(kCodeLength)) {
      const auto value = static_cast<unsigned char>(byte);
      if (value >= kUsable || code.size() == kCodeLength) continue;
      code += kCodeSymbols[value % kCodeSymbols.size()];
    }
  }
  const std::lock_guard lock(mutex_);
  code_ = code;
  code_ends_ = now + options_.code_lifetime;
  wrong_codes_ = 0;
  return code;
}

PairResult Pairing::Pair(std::string_view typed, TimePoint now) {
  const std::string code = Normalized(typed);
  PairResult result;
  const std::lock_guard lock(mutex_);
  if (!code_ || now >= code_ends_) {
    code_.reset();
    result.outcome = PairOutcome::kNoCode;
    return result;
  }
  if (!SameSecret(code, *code_)) {
    if (++wrong_codes_ >= options_.max_wrong_codes) {
      code_.reset();
      result.outcome = PairOutcome::kTooManyWrongCodes;
    } else {
      result.outcome = PairOutcome::kWrongCode;
    }
    return result;
  }
  code_.reset();
  std::erase_if(sessions_, [now](const Session& session) { return now >= session.ends; });
  Session session;
  session.token = Hex(RandomBytes(kTokenBytes));
  session.ends = now + options_.session_lifetime;
  sessions_.push_back(session);
  result.outcome = PairOutcome::kPaired;
  result.session_token = session.token;
  return result;
}

bool Pairing::HasSession(std::string_view token, TimePoint now) const {
  const std::lock_guard lock(mutex_);
  bool found = false;
  // Every session is compared, so the time taken does not say which one was close.
  for (const Session& session : sessions_) {
    found |= SameSecret(token, session.token) && now < session.ends;
  }
  return found;
}

std::size_t Pairing::session_count() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

std::string Pairing::Grouped(std::string_view code) {
  if (code.size() <= 4) return std::string(code);
  return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

}  // namespace backstride::server
