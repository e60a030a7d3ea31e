// Result<T> and Error: how every library function in backstride reports failure.
//
// Library code never throws for an expected failure (bad answers, a corrupt file); it
// returns an Error that says what is wrong and where: a field path for structured input,
// a byte offset for decoders. Only the program's edges (main, the HTTP handler) turn an
// Error into an exit code or a response.
#ifndef BACKSTRIDE_BASE_RESULT_H_
#define BACKSTRIDE_BASE_RESULT_H_

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace backstride {

enum class ErrorCode {
  kInvalidArgument,  // the caller's input breaks a rule (answers, flags, requests)
  kNotFound,         // something asked for does not exist
  kCorruption,       // stored or decoded bytes are damaged
  kIOError,          // the operating system refused a read or write
  kUnsupported,      // valid input that this version cannot handle
  // The request is well formed but the state does not allow it: this route has no plan,
  // there is nothing to undo yet. Nothing the caller typed is wrong.
  kFailedPrecondition,
  // The clinic server's accounts: no one is signed in, or the password or link is wrong;
  // someone is signed in but what they ask is not theirs to see or change; too many
  // attempts (retry_after_s says when to try again).
  kUnauthenticated,
  kPermissionDenied,
  kRateLimited,
};

// Returns a stable lower-case name for `code`, e.g. "invalid_argument".
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInvalidArgument;
  // One or more lines, each a complete sentence a person can act on.
  std::string message;
  // The input field the error is about, as a dotted path ("pain.worst"); empty if none.
  std::string path;
  // Byte offset into the input where decoding failed, when known.
  std::optional<std::size_t> offset;
  // kRateLimited: seconds until another attempt is allowed.
  std::optional<int> retry_after_s;

  static Error InvalidArgument(std::string message, std::string path = {});
  static Error NotFound(std::string message);
  static Error Corruption(std::string message, std::optional<std::size_t> offset = {});
  static Error IOError(std::string message);
  static Error Unsupported(std::string message);
  static Error FailedPrecondition(std::string message);
  static Error Unauthenticated(std::string message);
  static Error PermissionDenied(std::string message);
  static Error RateLimited(std::string message, int retry_after_s);
};

template <typename T>
using Result = std::expected<T, Error>;

// Shorthand for `return std::unexpected(error);`.
inline std::unexpected<Error> Fail(Error error) { return std::unexpected(std::move(error)); }

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_RESULT_H_
