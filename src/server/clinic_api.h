// The clinic server's JSON API: the local app's routes for a signed-in runner, and what a
// clinic adds: signing in and out, one-use links, a therapist's invitations and clients
// (reading a client's data, audited), a runner's audit log and deleting their account.
// Like Api, independent of any HTTP library: the HTTP layer (clinic_server.h) hands in
// the session cookie's value and the peer's address, and sets the cookie it gets back.
//
// Routes (docs/api.md, "The clinic server"):
//   GET    /api/session                      who is signed in, and the CSRF token; 401 if no one
//   POST   /api/auth/sign-in                 {email, password}: a session cookie
//   POST   /api/auth/sign-out                this session
//   POST   /api/auth/sign-out-everywhere     every session of the account
//   PUT    /api/auth/password                {current, password}
//   POST   /api/auth/link                    {token}: what a one-use link is for
//   POST   /api/auth/use-link                {token, password, email?, name?}: a session
//   GET    /api/audit                        a runner's audit log: who read what, when
//   DELETE /api/account                      {password}: a runner's account and all its data
//   POST   /api/clinic/invitations           a therapist's: {email?, name?} -> a link
//   GET    /api/clinic/clients               a therapist's clients
//   POST   /api/clinic/clients/{client}/reset-link
//   GET    /api/clinic/clients/{client}/...  a client's GET route ("plan", "log", "runs/3")
//   every route of api.h                     for a signed-in runner, their own data
//
// Who may call what is decided here, before any data is opened: no session, 401; a
// therapist on a runner's route or a runner on a therapist's, 403; another therapist's
// client, 404 (the same as no client at all). Every change needs the session's CSRF token
// in X-CSRF-Token.
#ifndef BACKSTRIDE_SERVER_CLINIC_API_H_
#define BACKSTRIDE_SERVER_CLINIC_API_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/clinic.h"
#include "server/api.h"

namespace backstride::server {

struct ClinicRequest {
  ApiRequest api;
  std::string session_token;  // the session cookie's value; empty when none was sent
  std::string csrf_token;     // the X-CSRF-Token header
  std::string address;        // the client's address (the proxy's X-Forwarded-For when trusted)
};

struct ClinicResponse {
  ApiResponse api;
  // Set: the session cookie to send (a new session's token), or "" to clear it.
  std::optional<std::string> session_cookie;
  double session_expires_at = 0;
};

class ClinicApi {
 public:
  // `open` opens a Clinic on a connection of its own; the API keeps up to `connections`
  // open, one for each request served at once.
  ClinicApi(std::function<Result<std::unique_ptr<Clinic>>()> open, std::size_t connections);
  ~ClinicApi();

  // Thread-safe: each request takes a Clinic of its own.
  ClinicResponse Handle(const ClinicRequest& request);

 private:
  class Lease;
  Result<std::unique_ptr<Clinic>> Take();
  void Give(std::unique_ptr<Clinic> clinic);

  std::function<Result<std::unique_ptr<Clinic>>()> open_;
  std::size_t connections_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Clinic>> idle_;
};

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_CLINIC_API_H_
