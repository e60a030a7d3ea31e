// The local web app's HTTP server: the JSON API under /api and the embedded front end.
//
// What belongs to HTTP is checked here, before the API sees a request:
// - the Host header must name this server (a page on another site cannot reach it by
//   pointing a name at 127.0.0.1: "DNS rebinding");
// - every state-changing request (POST, PUT, DELETE) carries the session's CSRF token in
//   the X-CSRF-Token header (GET /api/session hands it to the page), and an Origin
//   header, when sent, must be this server's;
// - bodies are limited in size (413), and the API checks their content types (415);
// - an export uploaded whole (POST /api/import-archive) is imported as it arrives, a few
//   chunks at a time, and its progress is served (GET /api/import-progress) while the
//   import holds the API's turn;
// - static files come only from the embedded table, never from the file system;
// - a peer that is not on loopback (a phone on the network) must be paired (pairing.h):
//   until it presents a session cookie it gets the pairing page, or a 403 from the API,
//   and its state-changing requests must carry this server's Origin.
#ifndef BACKSTRIDE_SERVER_SERVER_H_
#define BACKSTRIDE_SERVER_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "server/api.h"
#include "server/pairing.h"

namespace backstride::server {

// A device paired, or tried the last wrong code allowed; for the terminal to say so.
struct PairingEvent {
  PairOutcome outcome = PairOutcome::kPaired;  // kPaired or kTooManyWrongCodes
  std::string peer;                            // the device's address: "192.168.1.34"
};

struct ServeOptions {
  std::string host = "127.0.0.1";            // "0.0.0.0": every address of this computer
  int port = 8080;                           // 0: any free port
  std::size_t max_upload_bytes = 64u << 20;  // a watch file, or an export's JSON
  // POST /api/import-archive streams a whole export and keeps none of it in memory, so
  // max_upload_bytes does not apply to it; this does (Apple Health exports of 10 GB exist).
  std::uint64_t max_export_bytes = std::uint64_t{64} << 30;
  // The addresses, besides loopback's and `host`, that the Host header may name: those
  // printed for a phone to open ("192.168.1.20").
  std::vector<std::string> lan_hosts;
  PairingOptions pairing;
  // Tests: a peer on loopback must pair too, as a phone would.
  bool loopback_must_pair = false;
  // Called on a server thread for every PairingEvent; may be empty.
  std::function<void(const PairingEvent&)> on_pairing;
};

class WebServer {
 public:
  WebServer(Api& api, ServeOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the socket; returns the port (the chosen one when options.port is 0). Fails
  // with kIOError naming the address when it is taken or not allowed.
  Result<int> Bind();
  // Serves until Stop() is called (from another thread or a signal handler's thread).
  void Run();
  void Stop();

  const std::string& csrf_token() const { return csrf_token_; }

  // A fresh pairing code for the next device, which replaces the one before (pairing.h).
  std::string NewPairingCode();
  // The name of the session cookie: "backstride_session_" and the port, so that two
  // servers on one computer do not take each other's cookies.
  std::string SessionCookieName() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string csrf_token_;
};

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_SERVER_H_
