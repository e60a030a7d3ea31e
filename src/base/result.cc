#include "base/result.h"

#include <utility>

namespace backstride {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kCorruption:
      return "corruption";
    case ErrorCode::kIOError:
      return "io_error";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kRateLimited:
      return "rate_limited";
  }
  return "unknown";
}

Error Error::InvalidArgument(std::string message, std::string path) {
  return {ErrorCode::kInvalidArgument, std::move(message), std::move(path), std::nullopt, std::nullopt};
}

Error Error::NotFound(std::string message) {
  return {ErrorCode::kNotFound, std::move(message), {}, std::nullopt, std::nullopt};
}

Error Error::Corruption(std::string message, std::optional<std::size_t> offset) {
  return {ErrorCode::kCorruption, std::move(message), {}, offset, std::nullopt};
}

Error Error::IOError(std::string message) {
  return {ErrorCode::kIOError, std::move(message), {}, std::nullopt, std::nullopt};
}

Error Error::Unsupported(std::string message) {
  return {ErrorCode::kUnsupported, std::move(message), {}, std::nullopt, std::nullopt};
}

Error Error::FailedPrecondition(std::string message) {
  return {ErrorCode::kFailedPrecondition, std::move(message), {}, std::nullopt, std::nullopt};
}

Error Error::Unauthenticated(std::string message) {
  return {ErrorCode::kUnauthenticated, std::move(message), {}, std::nullopt, std::nullopt};
}

Error Error::PermissionDenied(std::string message) {
  return {ErrorCode::kPermissionDenied, std::move(message), {}, std::nullopt, std::nullopt};
}

Error Error::RateLimited(std::string message, int retry_after_s) {
  return {ErrorCode::kRateLimited, std::move(message), {}, std::nullopt, retry_after_s};
}

}  // namespace backstride
