// How an API request fails: the HTTP status and the message the runner (or a developer)
// reads. Handlers return HttpResult<T>, the API's Result<T>, and an app Error becomes an
// HttpError by its code in one place (FromError).
#ifndef BACKSTRIDE_SERVER_HTTP_ERROR_H_
#define BACKSTRIDE_SERVER_HTTP_ERROR_H_

#include <expected>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>

#include "base/result.h"

namespace backstride::server {

struct HttpError {
  int status = 400;
  std::string message;
  std::string field;                  // the body field or query parameter at fault, when one is
  nlohmann::ordered_json assessment;  // set: sent beside the error (a warning sign read first)
  std::optional<int> retry_after_s;   // a 429's Retry-After
};

template <typename T>
using HttpResult = std::expected<T, HttpError>;

// Shorthand for `return std::unexpected(error);`, beside backstride::Fail for Error.
using backstride::Fail;
inline std::unexpected<HttpError> Fail(HttpError error) {
  return std::unexpected(std::move(error));
}

// A 400: the body or a parameter is wrong; `field` names it when one is.
std::unexpected<HttpError> BadRequest(std::string message, std::string field = {});

// Any other refusal: 404, 415...
std::unexpected<HttpError> Refuse(int status, std::string message);

// An app error as HTTP, by its code: kInvalidArgument 400, kNotFound 404,
// kFailedPrecondition 409 (a route with no plan), kUnsupported 422, kUnauthenticated 401,
// kPermissionDenied 403, kRateLimited 429 (with its Retry-After), the rest 500 (a fault in
// backstride, whose field means nothing to the page).
std::unexpected<HttpError> FromError(const Error& error);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_HTTP_ERROR_H_
