#include "server/http_error.h"

namespace backstride::server {

std::unexpected<HttpError> BadRequest(std::string message, std::string field) {
  return Fail(HttpError{400, std::move(message), std::move(field), {}, {}});
}

std::unexpected<HttpError> Refuse(int status, std::string message) {
  return Fail(HttpError{status, std::move(message), {}, {}, {}});
}

std::unexpected<HttpError> FromError(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      return Fail(HttpError{400, error.message, error.path, {}, {}});
    case ErrorCode::kNotFound:
      return Fail(HttpError{404, error.message, error.path, {}, {}});
    case ErrorCode::kFailedPrecondition:
      return Fail(HttpError{409, error.message, error.path, {}, {}});
    case ErrorCode::kUnsupported:
      return Fail(HttpError{422, error.message, error.path, {}, {}});
    case ErrorCode::kUnauthenticated:
      return Fail(HttpError{401, error.message, error.path, {}, {}});
    case ErrorCode::kPermissionDenied:
      return Fail(HttpError{403, error.message, error.path, {}, {}});
    case ErrorCode::kRateLimited:
      return Fail(HttpError{429, error.message, {}, {}, error.retry_after_s});
    default:
      return Fail(HttpError{500, error.message, {}, {}, {}});
  }
}

}  // namespace backstride::server
