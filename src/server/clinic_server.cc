#include "server/clinic_server.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "server/http_support.h"

namespace backstride::server {
namespace {

// "/api/clinic/clients/12/runs/3" -> "/api/clinic/clients/{id}/runs/{id}": the route, for
// the log, without which runner or run it was.
std::string RouteForLog(const std::string& path) {
  std::string route;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string segment =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    const bool number = !segment.empty() && std::all_of(segment.begin(), segment.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    route += number ? "{id}" : segment;
    if (slash == std::string::npos) break;
    route += '/';
    start = slash + 1;
  }
  return route;
}

// The first address of X-Forwarded-For: the client, as the proxy next to us saw it.
std::string ForwardedFor(const httplib::Request& request) {
  std::string forwarded = request.get_header_value("X-Forwarded-For");
  const auto comma = forwarded.find(',');
  if (comma != std::string::npos) forwarded.resize(comma);
  forwarded.erase(0, forwarded.find_first_not_of(' '));
  while (!forwarded.empty() && forwarded.back() == ' ') forwarded.pop_back();
  return forwarded;
}

}  // namespace

struct ClinicServer::Impl {
  ClinicApi& api;
  ClinicServeOptions options;
  std::unique_ptr<httplib::Server> http;
  bool https = false;

  Impl(ClinicApi& api_in, ClinicServeOptions options_in)
      : api(api_in), options(std::move(options_in)) {}

  bool Secure(const httplib::Request& request) const {
    if (https) return true;
    return options.trust_proxy && request.get_header_value("X-Forwarded-Proto") == "https";
  }

  std::string Address(const httplib::Request& request) const {
    if (options.trust_proxy) {
      std::string forwarded = ForwardedFor(request);
      if (!forwarded.empty()) return forwarded;
    }
    return request.remote_addr;
  }

  bool KnownHost(const std::string& host) const {
    if (options.hosts.empty()) return true;
    return std::find(options.hosts.begin(), options.hosts.end(), host) != options.hosts.end();
  }

  void SetCookie(const httplib::Request& request, httplib::Response& response,
                 const ClinicResponse& reply) const {
    if (!reply.session_cookie) return;
    std::string cookie = std::string(kCookieName) + "=" + *reply.session_cookie + "; Path=/; ";
    if (reply.session_cookie->empty()) {
      cookie += "Max-Age=0";
    } else {
      const auto now = std::chrono::duration<double>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      cookie += "Max-Age=" +
                std::to_string(std::max<long long>(0, std::llround(reply.session_expires_at - now)));
    }
    cookie += "; HttpOnly; SameSite=Strict";
    if (Secure(request)) cookie += "; Secure";
    response.set_header("Set-Cookie", cookie);
  }

  void Serve(const httplib::Request& request, std::string body, httplib::Response& response) {
    const auto started = std::chrono::steady_clock::now();
    ClinicRequest clinic_request;
    clinic_request.api = ApiRequestOf(request, std::move(body));
    clinic_request.session_token = CookieValue(request, kCookieName);
    clinic_request.csrf_token = request.get_header_value("X-CSRF-Token");
    clinic_request.address = Address(request);
    const ClinicResponse reply = api.Handle(clinic_request);
    Send(response, reply.api);
    response.set_header("Cache-Control", "no-store");
    SetCookie(request, response, reply);
    if (options.on_request) {
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      options.on_request(fmt::format("{} {} {} {:.1f} ms", request.method,
                                     RouteForLog(request.path), reply.api.status,
                                     static_cast<double>(micros) / 1000.0));
    }
  }
};

ClinicServer::ClinicServer(ClinicApi& api, ClinicServeOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(options))) {}

ClinicServer::~ClinicServer() { Stop(); }

Result<int> ClinicServer::Bind() {
  ClinicServeOptions& options = impl_->options;
  if (!options.certificate_file.empty() || !options.key_file.empty()) {
    if (options.certificate_file.empty() || options.key_file.empty()) {
      return Fail(Error::InvalidArgument(
          "HTTPS needs both a certificate (--certificate) and its key (--key)."));
    }
    auto https = std::make_unique<httplib::SSLServer>(options.certificate_file.c_str(),
                                                      options.key_file.c_str());
    if (!https->is_valid()) {
      return Fail(Error::InvalidArgument("The certificate '" + options.certificate_file +
                                         "' or its key '" + options.key_file +
                                         "' cannot be read, or they do not belong together."));
    }
    impl_->http = std::move(https);
    impl_->https = true;
  } else {
    impl_->http = std::make_unique<httplib::Server>();
  }
  httplib::Server& http = *impl_->http;
  const std::size_t threads = std::max<std::size_t>(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_upload_bytes);
  // Replies go out at once (without it, Nagle's algorithm and the client's delayed
  // acknowledgement hold each small reply about 40 ms), and a phone keeps its connection
  // for more than httplib's default five requests.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(100);

  http.set_pre_routing_handler([this](const httplib::Request& request,
                                      httplib::Response& response) {
    SetSecurityHeaders(response);
    if (impl_->https || impl_->Secure(request)) {
      response.set_header("Strict-Transport-Security", "max-age=31536000");
    }
    if (!impl_->KnownHost(request.get_header_value("Host"))) {
      Send(response, ErrorResponse(421, "this server does not answer to that name"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (ChangesState(request.method)) {
      const std::string origin = request.get_header_value("Origin");
      if (!origin.empty() && HostOf(origin) != request.get_header_value("Host")) {
        Send(response, ErrorResponse(403, "requests from other sites are refused"));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  const auto to_api = [this](const httplib::Request& request, httplib::Response& response) {
    impl_->Serve(request, request.body, response);
  };
  http.Get("/api/.*", to_api);
  http.Post("/api/.*", to_api);
  http.Put("/api/.*", to_api);
  http.Delete("/api/.*", to_api);
  ServeFrontEnd(http);
  AnswerErrorsAsJson(http, [this] {
    return "the upload is larger than the limit of " +
           std::to_string(impl_->options.max_upload_bytes >> 20) + " MB";
  });

  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.host);
  } else if (!http.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Fail(Error::IOError("cannot listen on " + options.host + ":" +
                               std::to_string(options.port) +
                               " (in use, or not an address of this machine)"));
  }
  return port;
}

void ClinicServer::Run() {
  if (impl_->http) impl_->http->listen_after_bind();
}

void ClinicServer::Stop() {
  if (impl_ && impl_->http) impl_->http->stop();
}

}  // namespace backstride::server
