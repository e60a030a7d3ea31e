#include "app/credentials.h"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <mutex>

namespace backstride {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenChars = 43;  // base64url of 32 bytes, no padding
constexpr std::size_t kMinPasswordChars = 10;
constexpr std::size_t kMaxPasswordChars = 256;

void InitSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    // sodium_init fails only when the system cannot give random bytes at all; nothing
    // secret can be made then, so stop rather than make weak secrets.
    if (sodium_init() < 0) std::abort();
  });
}

std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // not a continuation byte
  }
  return count;
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<void> CheckNewPassword(std::string_view password) {
  const std::size_t characters = CharacterCount(password);
  if (characters < kMinPasswordChars) {
    return Fail(Error::InvalidArgument("A password needs at least " +
                                           std::to_string(kMinPasswordChars) +
                                           " characters; a few words together are easy to "
                                           "remember and hard to guess.",
                                       "password"));
  }
  if (characters > kMaxPasswordChars) {
    return Fail(Error::InvalidArgument(
        "A password can have at most " + std::to_string(kMaxPasswordChars) + " characters.",
        "password"));
  }
  if (password.find_first_not_of(password.front()) == std::string_view::npos) {
    return Fail(Error::InvalidArgument(
        "A password of one character repeated is guessed at once; choose another.", "password"));
  }
  return {};
}

Result<std::string> HashPassword(std::string_view password, const PasswordCosts& costs) {
  InitSodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(), costs.passes,
                            costs.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::IOError("The password could not be hashed: the server is out of memory."));
  }
  return std::string(hash.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  InitSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> terminated{};
  hash.copy(terminated.data(), hash.size());
  return crypto_pwhash_str_verify(terminated.data(), password.data(), password.size()) == 0;
}

NewToken MakeToken() {
  InitSodium();
  std::array<unsigned char, kTokenBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::string token(sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
  sodium_bin2base64(token.data(), token.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token.resize(kTokenChars);
  NewToken made;
  made.digest = TokenDigest(token);
  made.token = std::move(token);
  return made;
}

std::string TokenDigest(std::string_view token) {
  InitSodium();
  if (token.size() != kTokenChars) return "";
  for (const char c : token) {
    const bool base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!base64url) return "";
  }
  std::array<unsigned char, 32> digest;
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return Hex(digest.data(), digest.size());
}

}  // namespace backstride
