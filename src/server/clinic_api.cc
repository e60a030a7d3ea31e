#include "server/clinic_api.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "server/pairing.h"
#include "server/request_fields.h"

namespace backstride::server {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kClientsPrefix = "/api/clinic/clients/";

ClinicResponse Reply(ApiResponse api) { return ClinicResponse{std::move(api), std::nullopt, 0}; }

ClinicResponse JsonReply(const Json& json, int status = 200) {
  ApiResponse api;
  api.status = status;
  api.body = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  return Reply(std::move(api));
}

ClinicResponse ErrorReply(const Error& error) { return Reply(ErrorResponse(error)); }
ClinicResponse ErrorReply(const HttpError& error) {
  return Reply(ErrorResponse(error.status, error.message, error.field));
}

std::string_view RoleName(Role role) { return role == Role::kTherapist ? "therapist" : "runner"; }

Json AccountJson(const Account& account) {
  return {{"id", account.id},       {"role", RoleName(account.role)}, {"email", account.email},
          {"name", account.name},   {"clinic", account.clinic}};
}

Json SessionJson(const SignedIn& signed_in) {
  return {{"signed_in", true},
          {"account", AccountJson(signed_in.account)},
          {"csrf_token", signed_in.csrf_token},
          {"expires_at", signed_in.expires_at}};
}

// A new session: its JSON, with the cookie for the HTTP layer to set.
ClinicResponse SessionReply(const SignedIn& signed_in) {
  ClinicResponse reply = JsonReply(SessionJson(signed_in));
  reply.session_cookie = signed_in.token;
  reply.session_expires_at = signed_in.expires_at;
  return reply;
}

Json LinkJson(const IssuedLink& link) {
  // The token goes after '#': browsers never send that part to a server, so the link's
  // secret stays out of every log and Referer on its way.
  return {{"purpose", link.purpose},
          {"path", "/#/welcome/" + link.token},
          {"token", link.token},
          {"expires_at", link.expires_at}};
}

// A string field of `body` that must be there.
HttpResult<std::string> Required(const Json& body, const char* name) {
  auto value = StringField(body, name);
  if (!value) return Fail(value.error());
  if (!*value || (*value)->empty()) return BadRequest(std::string(name) + ": required", name);
  return std::move(**value);
}

HttpResult<std::string> Optional(const Json& body, const char* name) {
  auto value = StringField(body, name);
  if (!value) return Fail(value.error());
  return value->value_or("");
}

// "/api/clinic/clients/12/runs/3" -> {12, "/api/runs/3"}.
std::optional<std::pair<std::int64_t, std::string>> ClientPath(std::string_view path) {
  if (!path.starts_with(kClientsPrefix)) return std::nullopt;
  path.remove_prefix(kClientsPrefix.size());
  const auto slash = path.find('/');
  const std::string_view id_text = path.substr(0, slash);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (error != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return std::nullopt;
  }
  const std::string_view rest = slash == std::string_view::npos ? "" : path.substr(slash);
  return std::make_pair(id, "/api" + std::string(rest));
}

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

class Router {
 public:
  Router(Clinic& clinic, const ClinicRequest& request)
      : clinic_(clinic), request_(request), api_(request.api) {}

  ClinicResponse Route() {
    if (Is("POST", "/api/auth/sign-in")) return SignIn();
    if (Is("POST", "/api/auth/link")) return LookUpLink();
    if (Is("POST", "/api/auth/use-link")) return UseLink();

    auto signed_in = request_.session_token.empty()
                         ? Result<SignedIn>(Fail(Error::Unauthenticated("Please sign in.")))
                         : clinic_.Authenticate(request_.session_token);
    if (!signed_in) {
      ClinicResponse refused = ErrorReply(signed_in.error());
      // A cookie that names no session any more is cleared.
      if (!request_.session_token.empty()) refused.session_cookie = "";
      return refused;
    }
    const SignedIn& session = *signed_in;
    if (Is("GET", "/api/session")) return JsonReply(SessionJson(session));
    if (ChangesState(api_.method) && !SameSecret(request_.csrf_token, session.csrf_token)) {
      return ErrorReply(HttpError{403,
                                  "missing or wrong X-CSRF-Token header (GET /api/session gives "
                                  "the token; reload the page)",
                                  {}, {}, {}});
    }
    const Account& account = session.account;
    if (Is("POST", "/api/auth/sign-out")) return Done(clinic_.SignOut(session.token), true);
    if (Is("POST", "/api/auth/sign-out-everywhere")) {
      return Done(clinic_.SignOutEverywhere(account), true);
    }
    if (Is("PUT", "/api/auth/password")) return ChangePassword(account);

    if (api_.path.starts_with("/api/clinic/")) {
      if (account.role != Role::kTherapist) {
        return ErrorReply(Error::PermissionDenied("This is a therapist's page."));
      }
      return Therapist(account);
    }
    if (account.role != Role::kRunner) {
      return ErrorReply(Error::PermissionDenied(
          "A therapist's account has no running plan of its own; open a client's from the "
          "list of clients."));
    }
    if (Is("GET", "/api/audit")) return Audit(account);
    if (Is("DELETE", "/api/account")) return DeleteAccount(account);
    if (!IsRunnerRoute(api_.method, api_.path)) {
      return ErrorReply(HttpError{404, "no such route: " + api_.method + " " + api_.path, {}, {}, {}});
    }
    auto app = clinic_.RunnerApp(account);
    if (!app) return ErrorReply(app.error());
    return Reply(HandleFor(**app, api_));
  }

 private:
  bool Is(std::string_view method, std::string_view path) const {
    return api_.method == method && api_.path == path;
  }

  ClinicResponse Done(const Result<void>& done, bool clears_cookie = false) {
    if (!done) return ErrorReply(done.error());
    ClinicResponse reply = JsonReply({{"ok", true}});
    if (clears_cookie) reply.session_cookie = "";
    return reply;
  }

  ClinicResponse SignIn() {
    auto body = ParseBody(api_, {"email", "password"});
    if (!body) return ErrorReply(body.error());
    auto email = Required(*body, "email");
    if (!email) return ErrorReply(email.error());
    auto password = Required(*body, "password");
    if (!password) return ErrorReply(password.error());
    auto signed_in = clinic_.SignIn(*email, *password, request_.address);
    if (!signed_in) return ErrorReply(signed_in.error());
    return SessionReply(*signed_in);
  }

  ClinicResponse LookUpLink() {
    auto body = ParseBody(api_, {"token"});
    if (!body) return ErrorReply(body.error());
    auto token = Required(*body, "token");
    if (!token) return ErrorReply(token.error());
    auto details = clinic_.LookUpLink(*token);
    if (!details) return ErrorReply(details.error());
    return JsonReply({{"purpose", details->purpose},
                      {"clinic", details->clinic},
                      {"therapist", details->therapist},
                      {"email", details->email},
                      {"name", details->name},
                      {"expires_at", details->expires_at}});
  }

  ClinicResponse UseLink() {
    auto body = ParseBody(api_, {"token", "password", "email", "name"});
    if (!body) return ErrorReply(body.error());
    auto token = Required(*body, "token");
    if (!token) return ErrorReply(token.error());
    auto password = Required(*body, "password");
    if (!password) return ErrorReply(password.error());
    auto email = Optional(*body, "email");
    if (!email) return ErrorReply(email.error());
    auto name = Optional(*body, "name");
    if (!name) return ErrorReply(name.error());
    auto signed_in = clinic_.UseLink(*token, *password, *email, *name);
    if (!signed_in) return ErrorReply(signed_in.error());
    return SessionReply(*signed_in);
  }

  ClinicResponse ChangePassword(const Account& account) {
    auto body = ParseBody(api_, {"current", "password"});
    if (!body) return ErrorReply(body.error());
    auto current = Required(*body, "current");
    if (!current) return ErrorReply(current.error());
    auto password = Required(*body, "password");
    if (!password) return ErrorReply(password.error());
    return Done(clinic_.ChangePassword(account, *current, *password));
  }

  ClinicResponse Audit(const Account& account) {
    auto entries = clinic_.AuditLog(account);
    if (!entries) return ErrorReply(entries.error());
    Json list = Json::array();
    for (const AuditEntry& entry : *entries) {
      list.push_back({{"therapist", entry.therapist}, {"what", entry.what}, {"at", entry.at}});
    }
    return JsonReply({{"reads", std::move(list)}});
  }

  ClinicResponse DeleteAccount(const Account& account) {
    auto body = ParseBody(api_, {"password"});
    if (!body) return ErrorReply(body.error());
    auto password = Required(*body, "password");
    if (!password) return ErrorReply(password.error());
    return Done(clinic_.DeleteAccount(account, *password), true);
  }

  ClinicResponse Therapist(const Account& therapist) {
    if (Is("POST", "/api/clinic/invitations")) {
      auto body = ParseBody(api_, {"email", "name"});
      if (!body) return ErrorReply(body.error());
      auto email = Optional(*body, "email");
      if (!email) return ErrorReply(email.error());
      auto name = Optional(*body, "name");
      if (!name) return ErrorReply(name.error());
      auto link = clinic_.InviteClient(therapist, *email, *name);
      if (!link) return ErrorReply(link.error());
      return JsonReply(LinkJson(*link));
    }
    if (Is("GET", "/api/clinic/clients")) {
      auto clients = clinic_.Clients(therapist);
      if (!clients) return ErrorReply(clients.error());
      Json list = Json::array();
      for (const Client& client : *clients) {
        Json item = AccountJson(client.account);
        item["since"] = client.since;
        list.push_back(std::move(item));
      }
      return JsonReply({{"clients", std::move(list)}});
    }
    const auto client = ClientPath(api_.path);
    if (!client) {
      return ErrorReply(HttpError{404, "no such route: " + api_.method + " " + api_.path, {}, {}, {}});
    }
    const auto& [client_id, runner_path] = *client;
    if (api_.method == "POST" && runner_path == "/api/reset-link") {
      auto link = clinic_.IssueResetLink(therapist, client_id);
      if (!link) return ErrorReply(link.error());
      return JsonReply(LinkJson(*link));
    }
    // A client's data is read, never changed, by their therapist.
    if (api_.method != "GET" || !IsRunnerRoute("GET", runner_path)) {
      return ErrorReply(HttpError{404, "no such route: " + api_.method + " " + api_.path, {}, {}, {}});
    }
    auto app = clinic_.ClientApp(therapist, client_id, runner_path.substr(5));
    if (!app) return ErrorReply(app.error());
    ApiRequest read = api_;
    read.path = runner_path;
    return Reply(HandleFor(**app, read));
  }

  Clinic& clinic_;
  const ClinicRequest& request_;
  const ApiRequest& api_;
};

}  // namespace

// A Clinic taken from the idle ones for one request, and given back after it.
class ClinicApi::Lease {
 public:
  Lease(ClinicApi& api, std::unique_ptr<Clinic> clinic) : api_(api), clinic_(std::move(clinic)) {}
  ~Lease() { api_.Give(std::move(clinic_)); }
  Clinic& operator*() { return *clinic_; }

 private:
  ClinicApi& api_;
  std::unique_ptr<Clinic> clinic_;
};

ClinicApi::ClinicApi(std::function<Result<std::unique_ptr<Clinic>>()> open, std::size_t connections)
    : open_(std::move(open)), connections_(connections) {}
ClinicApi::~ClinicApi() = default;

Result<std::unique_ptr<Clinic>> ClinicApi::Take() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto clinic = std::move(idle_.back());
      idle_.pop_back();
      return clinic;
    }
  }
  return open_();
}

void ClinicApi::Give(std::unique_ptr<Clinic> clinic) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < connections_) idle_.push_back(std::move(clinic));
}

ClinicResponse ClinicApi::Handle(const ClinicRequest& request) {
  auto clinic = Take();
  if (!clinic) {
    // The database is away: say so without its details (they name the server's setup).
    return Reply(ErrorResponse(503, "The clinic's database cannot be reached just now; "
                                    "please try again in a minute."));
  }
  Lease lease(*this, std::move(*clinic));
  try {
    return Router(*lease, request).Route();
  } catch (const std::exception& e) {
    return Reply(ErrorResponse(500, std::string("internal error: ") + e.what()));
  }
}

}  // namespace backstride::server
