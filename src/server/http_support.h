// What both HTTP servers (the local app's, server.h; the clinic's, clinic_server.h) do the
// same way with cpp-httplib: reading a request's media type and cookies, sending an API
// reply, the security headers, the embedded front end, and httplib's own errors as JSON.
// Internal to src/server: only the servers' sources include it (it brings httplib).
#ifndef BACKSTRIDE_SERVER_HTTP_SUPPORT_H_
#define BACKSTRIDE_SERVER_HTTP_SUPPORT_H_

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "server/api.h"

namespace backstride::server {

// The Content-Type without parameters, lower case: "application/json".
std::string MediaType(const httplib::Request& request);

// The value of cookie `name` in the request's Cookie header; empty when absent.
std::string CookieValue(const httplib::Request& request, std::string_view name);

// A whole number of bytes as a query or header gives it; nullopt when it is not one.
std::optional<std::uint64_t> ByteCount(std::string_view text);

bool ChangesState(const std::string& method);

// "http://127.0.0.1:8080" -> "127.0.0.1:8080", the form of a Host header.
std::string HostOf(const std::string& origin);

void Send(httplib::Response& response, const ApiResponse& answer);
void SendPage(httplib::Response& response, int status, const std::string& html);
void SetSecurityHeaders(httplib::Response& response);

// The request as the API takes it, with `body`.
ApiRequest ApiRequestOf(const httplib::Request& request, std::string body);

// Reads a POST or PUT body up to `limit` bytes into `body`; past it the rest is read and
// dropped (a body left unread makes the connection close under the client before it
// reads the 413). Returns the error reply to send instead, if any.
std::optional<ApiResponse> ReadLimitedBody(const httplib::ContentReader& read, std::size_t limit,
                                           std::string& body);

// GET of the embedded front end: every path not under /api.
void ServeFrontEnd(httplib::Server& http);

// httplib's own refusals (a body too large, an unknown method) and uncaught exceptions
// as the API's JSON errors; `too_large` is the 413's message.
void AnswerErrorsAsJson(httplib::Server& http, std::function<std::string()> too_large);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_HTTP_SUPPORT_H_
