// The local web app's HTTP server: the JSON API under /api and the embedded front end.
//
// What belongs to HTTP is checked here, before the API sees a request:
// - the Host header must name this server (a page on another site cannot reach it by
//   pointing a name at 127.0.0.1: "DNS rebinding");
// - every state-changing request (POST, PUT, DELETE) carries the session's CSRF token in
//   the X-CSRF-Token header (GET /api/session hands it to the page), and an Origin
//   header, when sent, must be this server's;
// - bodies are limited in size (413), and the API checks their content types (415);
// - static files come only from the embedded table, never from the file system.
#ifndef BACKSTRIDE_SERVER_SERVER_H_
#define BACKSTRIDE_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "base/result.h"
#include "server/api.h"

namespace backstride::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                           // 0: any free port
  std::size_t max_upload_bytes = 64u << 20;  // a watch file, or an export's JSON
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string csrf_token_;
};

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_SERVER_H_
