#include "server/server.h"

// cpp-httplib (Debian's libcpp-httplib-dev, a compiled library): a small, threaded
// HTTP/1.1 server, plenty for one runner's browser on loopback. Only the servers' sources
// see it (http_support.h).
#include "server/http_support.h"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "server/import_jobs.h"
#include "server/lan_addresses.h"
#include "server/pair_page.h"

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

constexpr std::string_view kImportArchivePath = "/api/import-archive";

// Hands an upload from the thread reading the socket (httplib pushes each chunk as it
// arrives) to the thread importing it (which pulls, as a ByteStream). At most
// kMaxBufferedBytes wait in between: the reader blocks until the import catches up, so
// memory stays flat whatever the size of the export.
class UploadPipe final : public ByteStream {
 public:
  static constexpr std::size_t kMaxBufferedBytes = std::size_t{1} << 20;

  // Queues a chunk, waiting for room. False once the import has stopped reading (it
  // ended early: a single file, or a damaged export): the chunk is dropped.
  bool Push(const char* data, std::size_t size) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return buffered_ < kMaxBufferedBytes || reader_gone_; });
    if (reader_gone_) return false;
    chunks_.emplace_back(data, data + size);
    buffered_ += size;
    data_.notify_one();
    return true;
  }

  // The end of the upload: complete, or cut short with `error`, which the import reports.
  void Close(std::optional<Error> error) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = std::move(error);
    data_.notify_one();
  }

  // The import is over: whatever else arrives is dropped.
  void StopReading() {
    std::lock_guard lock(mutex_);
    reader_gone_ = true;
    chunks_.clear();
    buffered_ = 0;
    room_.notify_one();
  }

  Result<std::size_t> Read(std::span<std::uint8_t> out) override {
    std::unique_lock lock(mutex_);
    data_.wait(lock, [&] { return !chunks_.empty() || closed_; });
    if (chunks_.empty()) {
      if (error_) return Fail(*error_);
      return std::size_t{0};
    }
    std::size_t copied = 0;
    while (copied < out.size() && !chunks_.empty()) {
      std::vector<std::uint8_t>& front = chunks_.front();
      const std::size_t n = std::min(out.size() - copied, front.size() - front_offset_);
      std::copy_n(front.data() + front_offset_, n, out.data() + copied);
      copied += n;
      front_offset_ += n;
      if (front_offset_ == front.size()) {
        buffered_ -= front.size();
        chunks_.pop_front();
        front_offset_ = 0;
      }
    }
    room_.notify_one();
    return copied;
  }

 private:
  std::mutex mutex_;
  std::condition_variable data_;  // a chunk arrived, or the upload ended
  std::condition_variable room_;  // the import took some, or stopped
  std::deque<std::vector<std::uint8_t>> chunks_;
  std::size_t front_offset_ = 0;
  std::size_t buffered_ = 0;
  bool closed_ = false;
  bool reader_gone_ = false;
  std::optional<Error> error_;
};

std::string ProgressJson(const ImportJobSnapshot& job) {
  const ImportProgress& progress = job.progress;
  const nlohmann::json json = {
      {"bytes_read", progress.bytes_read},
      {"bytes_total", progress.bytes_total},
      {"files_read", progress.files_read},
      {"runs_found", progress.runs_found},
      {"seconds", progress.seconds},
      {"seconds_left",
       progress.seconds_left ? nlohmann::json(*progress.seconds_left) : nlohmann::json(nullptr)},
      {"current", progress.current},
      {"done", job.done}};
  // `current` names an entry of the runner's export, which may not be UTF-8.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

struct WebServer::Impl {
  Api& api;
  ServeOptions options;
  httplib::Server http;
  int port = 0;

  Pairing pairing;
  ImportJobs import_jobs;

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

  std::string UploadLimitMessage() const {
    return "the upload is larger than the limit of " +
           std::to_string(options.max_upload_bytes >> 20) + " MB";
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

  // POST /api/import-archive?name=export.zip&size=BYTES&job=ID: the export is imported
  // as it arrives (UploadPipe), on a thread of its own, while this one reads the socket.
  void HandleImportArchive(const httplib::Request& request, httplib::Response& response,
                           const httplib::ContentReader& read) {
    // A refusal reads the body to its end first: one left unread makes the connection
    // close under the browser, which then sees a lost connection instead of the reason.
    const auto refuse = [&](int status, std::string_view message, std::string_view field = {}) {
      read([](const char*, std::size_t) { return true; });
      Send(response, ErrorResponse(status, message, field));
    };
    if (MediaType(request) != "application/octet-stream") {
      return refuse(415, "send the export's bytes as application/octet-stream");
    }
    const std::string name = request.get_param_value("name");
    if (name.empty()) {
      return refuse(400, "name: give the file's name (it tells the format)", "name");
    }
    std::uint64_t size = 0;
    if (request.has_param("size")) {
      const auto given = ByteCount(request.get_param_value("size"));
      if (!given) return refuse(400, "size: the file's size in bytes", "size");
      size = *given;
    }
    const std::string job = request.get_param_value("job");
    if (!ImportJobs::ValidId(job)) {
      return refuse(400, "job: 1 to 64 letters, digits, - or _", "job");
    }
    const std::uint64_t cap = options.max_export_bytes;
    const auto too_large = [&] {
      Send(response, ErrorResponse(413, "the export is larger than the limit of " +
                                            std::to_string(cap >> 30) + " GB"));
    };
    if (request.has_header("Content-Length")) {
      // Not read: it would take as long as the upload itself.
      const auto length = ByteCount(request.get_header_value("Content-Length"));
      if (length && *length > cap) return too_large();
    }
    if (!import_jobs.Start(job, size, std::chrono::steady_clock::now())) {
      return refuse(409, "an upload with this job id is still running", "job");
    }

    UploadPipe pipe;
    ApiResponse answer;
    std::thread importer([&] {
      answer = api.ImportStream(name, size, pipe, [&](const ImportProgress& progress) {
        import_jobs.Update(job, progress);
      });
      pipe.StopReading();
    });
    std::uint64_t received = 0;
    bool over_cap = false;
    const bool complete = read([&](const char* data, std::size_t length) {
      received += length;
      if (received > cap) {
        over_cap = true;
        return false;
      }
      // Once the import has ended, the rest is read and dropped so the page gets its answer.
      pipe.Push(data, length);
      return true;
    });
    if (complete) {
      pipe.Close(std::nullopt);
    } else {
      // The runner closed the page, the network went, or the export is over the cap: the
      // import keeps the runs read so far and reports the export as stopped.
      pipe.Close(Error::IOError(over_cap ? "the export is larger than the limit"
                                         : "the upload stopped after " + std::to_string(received) +
                                               " bytes"));
    }
    importer.join();
    import_jobs.Finish(job, std::chrono::steady_clock::now());
    if (over_cap) return too_large();
    Send(response, answer);
  }

  // GET /api/import-progress?job=ID: served here, not by the API, so that it answers
  // while an import holds the API's turn.
  void HandleImportProgress(const httplib::Request& request, httplib::Response& response) {
    const std::string job = request.get_param_value("job");
    const auto snapshot = import_jobs.Find(job, std::chrono::steady_clock::now());
    if (!snapshot) {
      Send(response, ErrorResponse(404, "no upload with job id '" + job + "'", "job"));
      return;
    }
    response.set_header("Cache-Control", "no-store");
    response.set_content(ProgressJson(*snapshot), "application/json");
  }
};

WebServer::WebServer(Api& api, ServeOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(options))), csrf_token_(HexToken()) {
  httplib::Server& http = impl_->http;
  // httplib's limit covers every route, the export's too, so it is the larger one; the
  // pre-routing handler holds the other routes to max_upload_bytes.
  // Each small reply goes out at once, not held ~40 ms by Nagle's algorithm.
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(static_cast<std::size_t>(
      std::max<std::uint64_t>(impl_->options.max_upload_bytes, impl_->options.max_export_bytes)));

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
    // POST and PUT bodies are held to max_upload_bytes as they are read (below); a body
    // on any other method is refused here, unread, when it says it is too large.
    if (request.method != "POST" && request.method != "PUT" &&
        request.has_header("Content-Length")) {
      const auto length = ByteCount(request.get_header_value("Content-Length"));
      if (length && *length > impl_->options.max_upload_bytes) {
        response.set_header("Connection", "close");
        Send(response, ErrorResponse(413, impl_->UploadLimitMessage()));
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

  http.Post(std::string(kImportArchivePath),
            [this](const httplib::Request& request, httplib::Response& response,
                   const httplib::ContentReader& read) {
              impl_->HandleImportArchive(request, response, read);
            });
  http.Get("/api/import-progress",
           [this](const httplib::Request& request, httplib::Response& response) {
             impl_->HandleImportProgress(request, response);
           });

  const auto handle = [this](const httplib::Request& request, std::string body,
                             httplib::Response& response) {
    Send(response, impl_->api.Handle(ApiRequestOf(request, std::move(body))));
  };
  const auto to_api = [handle](const httplib::Request& request, httplib::Response& response) {
    handle(request, request.body, response);
  };
  // httplib's own limit is the export's (see above), so the other writes read their body
  // here, up to max_upload_bytes.
  const auto to_api_limited = [this, handle](const httplib::Request& request,
                                             httplib::Response& response,
                                             const httplib::ContentReader& read) {
    std::string body;
    if (auto refused = ReadLimitedBody(read, impl_->options.max_upload_bytes, body)) {
      return Send(response, *refused);
    }
    handle(request, std::move(body), response);
  };
  http.Get("/api/.*", to_api);
  http.Post("/api/.*", to_api_limited);
  http.Put("/api/.*", to_api_limited);
  http.Delete("/api/.*", to_api);

  ServeFrontEnd(http);
  AnswerErrorsAsJson(http, [this] { return impl_->UploadLimitMessage(); });
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
