#include "server/http_support.h"

#include <charconv>
#include <exception>
#include <utility>

#include "server/static_files.h"

namespace backstride::server {

std::string MediaType(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  const auto semicolon = type.find(';');
  if (semicolon != std::string::npos) type.resize(semicolon);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

void Send(httplib::Response& response, const ApiResponse& answer) {
  response.status = answer.status;
  for (const auto& [name, value] : answer.headers) response.set_header(name, value);
  if (!answer.download_name.empty()) {
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + answer.download_name + "\"");
  }
  response.set_content(answer.body, answer.content_type.c_str());
}

void SetSecurityHeaders(httplib::Response& response) {
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                      "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
}

// "http://127.0.0.1:8080" -> "127.0.0.1:8080", the form of a Host header.
std::string HostOf(const std::string& origin) {
  const auto scheme = origin.find("://");
  return scheme == std::string::npos ? origin : origin.substr(scheme + 3);
}

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The value of cookie `name` in the request's Cookie header; empty when absent.
std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
  }
  return {};
}

void SendPage(httplib::Response& response, int status, const std::string& html) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(html, "text/html; charset=utf-8");
}

// A whole number of bytes as a query or header gives it; nullopt when it is not one.
std::optional<std::uint64_t> ByteCount(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

ApiRequest ApiRequestOf(const httplib::Request& request, std::string body) {
  ApiRequest api_request;
  api_request.method = request.method;
  api_request.path = request.path;
  for (const auto& [key, value] : request.params) api_request.query.emplace(key, value);
  api_request.body = std::move(body);
  api_request.content_type = MediaType(request);
  return api_request;
}

std::optional<ApiResponse> ReadLimitedBody(const httplib::ContentReader& read, std::size_t limit,
                                           std::string& body) {
  bool too_large = false;
  const bool complete = read([&](const char* data, std::size_t length) {
    if (!too_large && body.size() + length <= limit) {
      body.append(data, length);
    } else if (!too_large) {
      too_large = true;
      std::string().swap(body);
    }
    return true;
  });
  if (too_large) {
    return ErrorResponse(413, "the upload is larger than the limit of " +
                                  std::to_string(limit >> 20) + " MB");
  }
  if (!complete) return ErrorResponse(400, "the request's body was cut short");
  return std::nullopt;
}

void ServeFrontEnd(httplib::Server& http) {
  http.Get(".*", [](const httplib::Request& request, httplib::Response& response) {
    const std::string path = request.path == "/" ? "/index.html" : request.path;
    for (const StaticFile& file : StaticFiles()) {
      if (file.path == path) {
        // Hashed asset names never change content; the page itself is always re-read.
        response.set_header("Cache-Control", path.starts_with("/assets/")
                                                 ? "public, max-age=31536000, immutable"
                                                 : "no-cache");
        response.set_content(reinterpret_cast<const char*>(file.bytes.data()), file.bytes.size(),
                             std::string(file.content_type).c_str());
        return;
      }
    }
    Send(response, ErrorResponse(404, "no such page: " + request.path));
  });
}

void AnswerErrorsAsJson(httplib::Server& http, std::function<std::string()> too_large) {
  const httplib::Server::HandlerWithResponse on_error = [too_large = std::move(too_large)](
                                                            const httplib::Request& request,
                                                            httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message = "the request could not be handled";
    if (response.status == 413) {
      message = too_large();
    } else if (response.status == 404) {
      message = "no such route: " + request.method + " " + request.path;
    } else if (response.status == 405) {
      message = "method not allowed: " + request.method;
    } else if (response.status == 400) {
      message = "the request is malformed";
    }
    SetSecurityHeaders(response);
    const int status = response.status;
    Send(response, ErrorResponse(status, message));
    return httplib::Server::HandlerResponse::Handled;
  };
  http.set_error_handler(on_error);
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        Send(response, ErrorResponse(500, "internal error"));
      });
}

}  // namespace backstride::server
