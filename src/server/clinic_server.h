// The clinic server's HTTP: the clinic's API (clinic_api.h) and the same front end as the
// local app, for many runners and their therapists, over HTTPS or behind a proxy.
//
// What belongs to HTTP is checked here:
// - the session is a cookie: HttpOnly (no script reads it), SameSite=Strict (no other
//   site's page sends it), Secure when the server is reached over HTTPS (served here with
//   a certificate, or by a proxy that says so);
// - every state-changing request carries the session's CSRF token (the API checks it) and,
//   when it sends an Origin, this server's;
// - the Host header must be one of `hosts` when they are given (a name pointed at the
//   server by another site is refused);
// - behind a proxy (`trust_proxy`), the client's address comes from X-Forwarded-For and
//   the scheme from X-Forwarded-Proto; otherwise those headers are ignored, so a client
//   cannot choose the address its sign-in attempts are counted under;
// - nothing of a request's health data reaches the server's log: it logs the method, the
//   route without ids, the status and the time.
#ifndef BACKSTRIDE_SERVER_CLINIC_SERVER_H_
#define BACKSTRIDE_SERVER_CLINIC_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "server/clinic_api.h"

namespace backstride::server {

struct ClinicServeOptions {
  std::string host = "127.0.0.1";
  int port = 8443;  // 0: any free port
  // HTTPS served here: PEM files of the certificate (its chain) and its private key.
  std::string certificate_file;
  std::string key_file;
  // The Host header values accepted ("clinic.example.org", "clinic.example.org:8443");
  // empty: any.
  std::vector<std::string> hosts;
  bool trust_proxy = false;
  std::size_t max_upload_bytes = 64u << 20;
  std::size_t threads = 8;
  // Called for each request served: one line without health data, for the server's log.
  std::function<void(const std::string&)> on_request;
};

class ClinicServer {
 public:
  ClinicServer(ClinicApi& api, ClinicServeOptions options);
  ~ClinicServer();
  ClinicServer(const ClinicServer&) = delete;
  ClinicServer& operator=(const ClinicServer&) = delete;

  // Loads the certificate (when given) and binds. Fails with kInvalidArgument naming a
  // certificate or key that cannot be read, kIOError when the address is taken.
  Result<int> Bind();
  void Run();
  void Stop();

  static constexpr const char* kCookieName = "backstride_session";

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_CLINIC_SERVER_H_
