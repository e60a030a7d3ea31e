// The clinic server's secrets: passwords, and the tokens of one-use links and sessions.
//
// Passwords are hashed with Argon2id through libsodium (crypto_pwhash_str): the stored
// string carries its own salt and costs, so the costs can rise later and every older hash
// still verifies. A link's or session's token is 32 random bytes, shown once (in the link
// or the cookie) as base64url; only its BLAKE2b hash is stored, so a copy of the database
// opens no account and follows no link.
#ifndef BACKSTRIDE_APP_CREDENTIALS_H_
#define BACKSTRIDE_APP_CREDENTIALS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace backstride {

// Argon2id's costs: time (passes) and memory. The defaults are libsodium's "interactive"
// ones (2 passes, 64 MiB: about 0.1 s a login on a laptop core); tests lower them.
struct PasswordCosts {
  unsigned long long passes = 2;
  std::size_t memory_bytes = std::size_t{64} << 20;
};

// The rules a new password must meet, with a message naming the one it breaks: at least
// 10 characters (UTF-8 counted as characters), at most 256, not all the same character.
Result<void> CheckNewPassword(std::string_view password);

// The Argon2id string of `password`. Fails with kIOError only when the memory is refused.
Result<std::string> HashPassword(std::string_view password, const PasswordCosts& costs = {});

// True when `password` matches `hash` (constant time in the password).
bool VerifyPassword(std::string_view hash, std::string_view password);

// A fresh token: `token` to hand out, `digest` to store and look it up by.
struct NewToken {
  std::string token;   // 43 characters of base64url
  std::string digest;  // 64 hex digits
};
NewToken MakeToken();

// The digest a token is stored under; "" for text that cannot be a token (wrong length or
// alphabet), so a forged cookie costs no lookup.
std::string TokenDigest(std::string_view token);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_CREDENTIALS_H_
