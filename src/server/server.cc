#include "server/server.h"

// cpp-httplib (Debian's libcpp-httplib-dev, a compiled library): a small, threaded
// HTTP/1.1 server, plenty for one runner's browser on loopback. Only this file sees it.
#include <httplib.h>

#include <chrono>
#include <string_view>

#include "server/lan_addresses.h"
#include "server/pair_page.h"
#include "server/static_files.h"

namespace backstride::server {
namespace {

std::string HexToken() {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string token;
  for (const char byte : RandomBytes(32)) {
    token += kDigits[static_cast<unsigned char>(byte) >> 4];
    token += kDigits[static_cast<unsigned char>(byte) & 15];
  }
  return token;
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

}  // namespace

struct WebServer::Impl {
  Api& api;
  ServeOptions options;
  httplib::Server http;
  int port = 0;

  Pairing pairing;

  Impl(Api& api_in, ServeOptions options_in)
      : api(api_in), options(std::move(options_in)), pairing(options.pairing) {}

  // The names a Host header may give for this server: loopback's, the address it listens
  // on unless that is every address, and the addresses printed for phones.
  std::vector<std::string> HostNames() const {
    std::vector<std::string> names = {"127.0.0.1", "localhost", "[::1]"};
    if (!IsWildcardAddress(options.host)) {
      names.push_back(options.host.find(':') != std::string::npos ? "[" + options.host + "]"
                                                                  : options.host);
    }
    names.insert(names.end(), options.lan_hosts.begin(), options.lan_hosts.end());
    return names;
  }

  bool KnownHost(const std::string& host) const {
    const std::string suffix = ":" + std::to_string(port);
    for (const std::string& name : HostNames()) {
      if (host == name + suffix) return true;
    }
    return false;
  }

  std::string CookieName() const { return "backstride_session_" + std::to_string(port); }

  bool MustPair(const httplib::Request& request) const {
    return options.loopback_must_pair || !IsLoopbackAddress(request.remote_addr);
  }

  bool Paired(const httplib::Request& request) const {
    return pairing.HasSession(CookieValue(request, CookieName()), std::chrono::steady_clock::now());
  }

  // GET /pair?code=... from a device that must pair: a session cookie and the page that
  // opens the app, or the pairing page saying what was wrong with the code.
  void HandlePair(const httplib::Request& request, httplib::Response& response) {
    const std::string code = request.get_param_value("code");
    if (code.empty()) {
      if (Paired(request)) {
        response.status = 303;
        response.set_header("Location", "/");
      } else {
        SendPage(response, 403, PairPageHtml(PairPage::kNotPaired, options.pairing.code_lifetime));
      }
      return;
    }
    const PairResult result = pairing.Pair(code, std::chrono::steady_clock::now());
    PairPage page = PairPage::kNotPaired;
    switch (result.outcome) {
      case PairOutcome::kPaired:
        page = PairPage::kPaired;
        break;
      case PairOutcome::kWrongCode:
        page = PairPage::kWrongCode;
        break;
      case PairOutcome::kNoCode:
        page = PairPage::kNoCode;
        break;
      case PairOutcome::kTooManyWrongCodes:
        page = PairPage::kTooManyWrongCodes;
        break;
    }
    if (result.outcome == PairOutcome::kPaired) {
      const auto max_age =
          std::chrono::duration_cast<std::chrono::seconds>(options.pairing.session_lifetime);
      // HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it.
      // Not Secure: this is plain HTTP on the local network (README).
      response.set_header("Set-Cookie", CookieName() + "=" + result.session_token +
                                            "; Path=/; Max-Age=" + std::to_string(max_age.count()) +
                                            "; HttpOnly; SameSite=Strict");
    }
    SendPage(response, result.outcome == PairOutcome::kPaired ? 200 : 403,
             PairPageHtml(page, options.pairing.code_lifetime));
    if (options.on_pairing && (result.outcome == PairOutcome::kPaired ||
                               result.outcome == PairOutcome::kTooManyWrongCodes)) {
      PairingEvent event;
      event.outcome = result.outcome;
      event.peer = request.remote_addr;
      options.on_pairing(event);
    }
  }
};

WebServer::WebServer(Api& api, ServeOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(options))), csrf_token_(HexToken()) {
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(impl_->options.max_upload_bytes);

  http.set_pre_routing_handler([this](const httplib::Request& request,
                                      httplib::Response& response) {
    SetSecurityHeaders(response);
    if (!impl_->KnownHost(request.get_header_value("Host"))) {
      std::string names;
      for (const std::string& name : impl_->HostNames()) {
        if (name == "localhost" || name == "[::1]") continue;
        names += (names.empty() ? "" : ", ") + name + ":" + std::to_string(impl_->port);
      }
      Send(response,
           ErrorResponse(421, "this server answers only to its own addresses (" + names + ")"));
      return httplib::Server::HandlerResponse::Handled;
    }
    const bool must_pair = impl_->MustPair(request);
    if (must_pair) {
      if (request.path == "/pair" && request.method == "GET") {
        impl_->HandlePair(request, response);
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!impl_->Paired(request)) {
        if (request.path.starts_with("/api/") || request.path == "/api") {
          Send(response, ErrorResponse(403, NotPairedMessage()));
        } else {
          SendPage(response, 403,
                   PairPageHtml(PairPage::kNotPaired, impl_->options.pairing.code_lifetime));
        }
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (ChangesState(request.method)) {
      const std::string origin = request.get_header_value("Origin");
      // A device on the network sends its writes with this server's Origin, as every
      // browser does for a fetch that changes state; anything else is refused.
      if ((must_pair && origin.empty()) || (!origin.empty() && !impl_->KnownHost(HostOf(origin)))) {
        Send(response, ErrorResponse(403, "requests from other sites are refused"));
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!SameSecret(request.get_header_value("X-CSRF-Token"), csrf_token_)) {
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

  // A device on loopback needs no pairing: the link with a code just opens the app.
  http.Get("/pair", [](const httplib::Request&, httplib::Response& response) {
    response.status = 303;
    response.set_header("Location", "/");
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

std::string WebServer::NewPairingCode() {
  return impl_->pairing.NewCode(std::chrono::steady_clock::now());
}

std::string WebServer::SessionCookieName() const { return impl_->CookieName(); }

void WebServer::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace backstride::server
