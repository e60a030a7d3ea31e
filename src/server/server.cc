#include "server/server.h"

// cpp-httplib (Debian's libcpp-httplib-dev, a compiled library): a small, threaded
// HTTP/1.1 server, plenty for one runner's browser on loopback. Only this file sees it.
#include <httplib.h>

#include <array>
#include <cstdio>
#include <random>
#include <string_view>

#include "server/static_files.h"

namespace backstride::server {
namespace {

// 32 random bytes as hex, from the system's entropy source.
std::string NewToken() {
  std::random_device random;
  std::string token;
  for (int i = 0; i < 8; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(random()));
    token += part;
  }
  return token;
}

// Compares without an early exit, so the time taken says nothing about the token.
bool SameToken(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

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

}  // namespace

struct WebServer::Impl {
  Api& api;
  ServeOptions options;
  httplib::Server http;
  int port = 0;

  Impl(Api& api_in, ServeOptions options_in) : api(api_in), options(std::move(options_in)) {}

  // The Host header values that name this server.
  bool KnownHost(const std::string& host) const {
    const std::string suffix = ":" + std::to_string(port);
    for (const std::string& name :
         {std::string("127.0.0.1"), std::string("localhost"), std::string("[::1]"), options.host}) {
      if (host == name + suffix) return true;
    }
    return false;
  }
};

WebServer::WebServer(Api& api, ServeOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(options))), csrf_token_(NewToken()) {
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(impl_->options.max_upload_bytes);

  http.set_pre_routing_handler([this](const httplib::Request& request,
                                      httplib::Response& response) {
    SetSecurityHeaders(response);
    if (!impl_->KnownHost(request.get_header_value("Host"))) {
      Send(response,
           ErrorResponse(421, "this server answers only to its own address (" +
                                  impl_->options.host + ":" + std::to_string(impl_->port) + ")"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (ChangesState(request.method)) {
      const std::string origin = request.get_header_value("Origin");
      if (!origin.empty() && !impl_->KnownHost(HostOf(origin))) {
        Send(response, ErrorResponse(403, "requests from other sites are refused"));
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!SameToken(request.get_header_value("X-CSRF-Token"), csrf_token_)) {
        Send(response, ErrorResponse(403,
                                     "missing or wrong X-CSRF-Token header (GET /api/session "
                                     "gives the token; reload the page if the server restarted)"));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  http.Get("/api/session", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"csrf_token":")" + csrf_token_ + R"("})", "application/json");
  });

  const auto to_api = [this](const httplib::Request& request, httplib::Response& response) {
    ApiRequest api_request;
    api_request.method = request.method;
    api_request.path = request.path;
    for (const auto& [key, value] : request.params) api_request.query.emplace(key, value);
    api_request.body = request.body;
    api_request.content_type = MediaType(request);
    Send(response, impl_->api.Handle(api_request));
  };
  http.Get("/api/.*", to_api);
  http.Post("/api/.*", to_api);
  http.Put("/api/.*", to_api);
  http.Delete("/api/.*", to_api);

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

  // Errors httplib answers itself (a body too large, an unknown method) get the same
  // JSON form as the API's.
  const httplib::Server::HandlerWithResponse on_error = [this](const httplib::Request& request,
                                                               httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message = "the request could not be handled";
    if (response.status == 413) {
      message = "the upload is larger than the limit of " +
                std::to_string(impl_->options.max_upload_bytes >> 20) + " MB";
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

WebServer::~WebServer() { Stop(); }

Result<int> WebServer::Bind() {
  const std::string& host = impl_->options.host;
  int port = impl_->options.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(host);
  } else if (!impl_->http.bind_to_port(host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Fail(Error::IOError("cannot listen on " + host + ":" +
                               std::to_string(impl_->options.port) +
                               " (in use, or not an address of this machine)"));
  }
  impl_->port = port;
  return port;
}

void WebServer::Run() { impl_->http.listen_after_bind(); }

void WebServer::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace backstride::server
