// Reading a request: its JSON body, the typed fields in it and the query parameters.
// Every reader that fails names the field at fault, so the page can point at it; a field
// absent or null is "not given" (nullopt), never a default chosen here.
#ifndef BACKSTRIDE_SERVER_REQUEST_FIELDS_H_
#define BACKSTRIDE_SERVER_REQUEST_FIELDS_H_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "server/api.h"
#include "server/http_error.h"

namespace backstride::server {

// Refuses (400) a JSON body that the parsers behind the routes cannot take, before any
// of them sees it: nested too deep, or with a number beyond a double
// (core/json_limits.h). Any other syntax error passes: the route's own parser reports
// it, with more to say.
HttpResult<void> CheckJsonBody(std::string_view body);

// The request's body as a JSON object with no field outside `allowed`, so a misspelt
// field is named rather than silently ignored. 415 unless the body is application/json;
// 400 when it is not JSON, not an object, or has another field.
HttpResult<nlohmann::json> ParseBody(const ApiRequest& request,
                                     std::initializer_list<std::string_view> allowed);

// Text: a number is taken as written (2.5 is "2.5"); anything else is a 400.
HttpResult<std::optional<std::string>> StringField(const nlohmann::json& body, const char* name);

// A whole number from `min` to `max`: a fraction, another type or a number out of range
// is a 400 that says the range.
HttpResult<std::optional<int>> IntField(const nlohmann::json& body, const char* name, int min,
                                        int max);

// true or false, nothing else.
HttpResult<std::optional<bool>> BoolField(const nlohmann::json& body, const char* name);

// A YYYY-MM-DD query parameter; empty is not given.
HttpResult<std::optional<Date>> DateQuery(const ApiRequest& request, const char* name);

// A yes/no query parameter: true when it is "1" or "true", false otherwise or absent.
bool FlagQuery(const ApiRequest& request, const char* name);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_REQUEST_FIELDS_H_
