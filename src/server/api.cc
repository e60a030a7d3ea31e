#include "server/api.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "app/assess.h"
#include "app/corrections.h"
#include "app/data_transfer.h"
#include "app/import.h"
#include "app/log_form.h"
#include "app/runs.h"
#include "app/training.h"
#include "app/views.h"
#include "content/content.h"
#include "core/questionnaire.h"
#include "core/thresholds.h"

namespace backstride::server {
namespace {

// A failed request: the status and the message the runner (or a developer) sees.
struct HttpError {
  int status = 400;
  std::string message;
  std::string field;
  Json assessment = nullptr;  // set: sent beside the error (a warning sign read first)
};

template <typename T>
using Answer = std::variant<T, HttpError>;

HttpError BadRequest(std::string message, std::string field = {}) {
  return {400, std::move(message), std::move(field)};
}

// Maps an app error to its HTTP status: bad input 400, missing 404, a state that does not
// allow the request (a route with no plan) 409, the rest 500.
HttpError FromError(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      return {400, error.message, error.path};
    case ErrorCode::kNotFound:
      return {404, error.message, error.path};
    case ErrorCode::kUnsupported:
      return {422, error.message, error.path};
    case ErrorCode::kFailedPrecondition:
      return {409, error.message, error.path};
    default:
      return {500, error.message, {}};
  }
}

ApiResponse JsonResponse(const Json& json, int status = 200) {
  ApiResponse response;
  response.status = status;
  response.body = json.dump();
  return response;
}

// The request's JSON object, or why it is not one.
Answer<nlohmann::json> ParseBody(const ApiRequest& request) {
  if (request.content_type != "application/json") {
    return HttpError{
        415, "send the body as application/json, not '" + request.content_type + "'", {}};
  }
  try {
    nlohmann::json body = nlohmann::json::parse(request.body);
    if (!body.is_object()) return BadRequest("the body must be a JSON object");
    return body;
  } catch (const nlohmann::json::parse_error& e) {
    return BadRequest(fmt::format("the body is not valid JSON (at byte {})", e.byte));
  }
}

// Checks that `body` has only the `allowed` fields, so a misspelt field is named rather
// than silently ignored.
std::optional<HttpError> UnknownField(const nlohmann::json& body,
                                      std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
      return BadRequest(fmt::format("unknown field '{}' (expected: {})", key, list), key);
    }
  }
  return std::nullopt;
}

// Typed field readers: absent or null gives nullopt; a wrong type is an error naming it.
Answer<std::optional<std::string>> StringField(const nlohmann::json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (it->is_string()) return std::optional<std::string>(it->get<std::string>());
  if (it->is_number()) return std::optional<std::string>(it->dump());  // 2.5 is "2.5"
  return BadRequest(fmt::format("{}: must be text", name), name);
}

Answer<std::optional<int>> IntField(const nlohmann::json& body, const char* name, int min,
                                    int max) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<int>();
  if (!it->is_number_integer()) {
    return BadRequest(fmt::format("{}: must be a whole number from {} to {}", name, min, max),
                      name);
  }
  const auto value = it->get<std::int64_t>();
  if (value < min || value > max) {
    return BadRequest(fmt::format("{}: must be {}–{}, got {}", name, min, max, value), name);
  }
  return std::optional<int>(static_cast<int>(value));
}

Answer<std::optional<bool>> BoolField(const nlohmann::json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return BadRequest(fmt::format("{}: must be true or false", name), name);
  return std::optional<bool>(it->get<bool>());
}

Answer<std::optional<Date>> DateQuery(const ApiRequest& request, const char* name) {
  const auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::optional<Date>();
  auto date = ParseDate(it->second);
  if (!date) return BadRequest(fmt::format("{}: {}", name, date.error().message), name);
  return std::optional<Date>(*date);
}

Answer<std::int64_t> IdSegment(std::string_view text, std::string_view what = "run") {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return HttpError{404, fmt::format("no {} with id '{}'", what, text), {}};
  }
  return id;
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty()) segments.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

std::string_view KindId(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::kYesNo:
      return "yes_no";
    case QuestionKind::kYesNoUnsure:
      return "yes_no_unsure";
    case QuestionKind::kWholeNumber:
      return "whole_number";
    case QuestionKind::kDecimal:
      return "decimal";
    case QuestionKind::kChoice:
      return "choice";
    case QuestionKind::kDuration:
      return "duration";
  }
  return "yes_no";
}

#define TRY_ANSWER(var, expr)                                             \
  auto var##_answer = (expr);                                             \
  if (auto* error = std::get_if<HttpError>(&var##_answer)) return *error; \
  auto var = std::move(std::get<0>(var##_answer))

class Handlers {
 public:
  explicit Handlers(App& app) : app_(app), today_(app.Today()) {}

  Answer<Json> Route(const ApiRequest& request, ApiResponse& download) {
    const auto parts = Segments(request.path);
    if (parts.size() < 2 || parts[0] != "api") return NotFound(request);
    const std::string_view name = parts[1];
    const std::string& method = request.method;
    const bool get = method == "GET";
    const bool post = method == "POST";
    if (parts.size() == 2) {
      if (name == "questionnaire" && post) return Questionnaire(request);
      if (name == "assessment" && get) return LatestAssessment();
      if (name == "assessment" && post) return NewAssessment(request);
      if (name == "plan" && get) return CurrentPlan();
      if (name == "plan" && post) return NewPlan(request);
      if (name == "today" && get) return TodayView();
      if (name == "week" && get) return Week(request);
      if (name == "status" && get) return Status();
      if (name == "log" && get) return History(request);
      if (name == "log" && post) return AddLog(request);
      if (name == "undo" && get) return UndoState();
      if (name == "undo" && post) return Undo();
      if (name == "runs" && get) return Runs(request);
      if (name == "import" && post) return ImportFile(request);
      if (name == "progress" && get) return Progress();
      if (name == "settings" && get) return CurrentSettings();
      if (name == "settings" && method == "PUT") return PutSettings(request);
      if (name == "export.ics" && get) return ExportIcs(download);
      if (name == "export.json" && get) return ExportJson(download);
      if (name == "import-data" && post) return ImportDataFile(request);
    }
    if (name == "log" && parts.size() == 3) {
      TRY_ANSWER(id, IdSegment(parts[2], "log entry"));
      if (method == "PUT") return EditLog(id, request);
      if (method == "DELETE") return DeleteLog(id);
    }
    if (name == "runs" && parts.size() >= 3) {
      TRY_ANSWER(id, IdSegment(parts[2]));
      if (parts.size() == 3 && get) return ShowOneRun(id);
      if (parts.size() == 4 && parts[3] == "onset" && post) return SetRunOnset(id, request);
      if (parts.size() == 4 && parts[3] == "pain" && post) return RateOneRun(id, request);
    }
    return NotFound(request);
  }

 private:
  static HttpError NotFound(const ApiRequest& request) {
    return {404, fmt::format("no such API route: {} {}", request.method, request.path), {}};
  }

  Answer<Settings> LoadedSettings() {
    auto settings = app_.LoadSettings();
    if (!settings) return FromError(settings.error());
    return *settings;
  }

  // The plan in force, or why there is none: 404 before any assessment, 409 when the
  // route does not lead to a plan.
  Answer<ActivePlan> Active() {
    auto active = app_.LoadActivePlan();
    if (!active) {
      if (active.error().code == ErrorCode::kNotFound) {
        return HttpError{404, "no assessment yet: answer the questions first", {}};
      }
      return FromError(active.error());
    }
    return std::move(*active);
  }

  // POST /api/questionnaire {"replies": ["no", ...]}: replays the replies through the
  // questionnaire and says what to ask next, or that it is finished or stopped.
  Answer<Json> Questionnaire(const ApiRequest& request) {
    TRY_ANSWER(body, ParseBody(request));
    if (auto unknown = UnknownField(body, {"replies"})) return *unknown;
    const auto replies = body.find("replies");
    if (replies == body.end() || !replies->is_array()) {
      return BadRequest("replies: must be a list of the replies given so far", "replies");
    }
    auto content = LoadBuiltinContent();
    if (!content) return FromError(content.error());
    backstride::Questionnaire questionnaire;
    std::optional<std::string> noted;
    for (std::size_t i = 0; i < replies->size(); ++i) {
      const std::string field = fmt::format("replies[{}]", i);
      const Question* question = questionnaire.Current();
      if (question == nullptr) {
        return BadRequest(field + ": the questionnaire was already over", field);
      }
      const auto& reply = (*replies)[i];
      if (!reply.is_string()) return BadRequest(field + ": must be text", field);
      auto parsed = ParseReply(*question, reply.get<std::string>());
      if (!parsed) {
        // The message is for the runner, who never sees ids; `field` says which reply.
        return BadRequest(parsed.error().message, field);
      }
      const auto conversion = ConversionOf(*question, reply.get<std::string>());
      noted = conversion ? std::optional(ConversionText(*conversion)) : std::nullopt;
      questionnaire.Record(std::move(*parsed));
    }
    Json json;
    json["number"] = questionnaire.Number();
    json["total"] = questionnaire.Total();
    json["stopped"] = questionnaire.Stopped();
    json["finished"] = questionnaire.Finished();
    json["question"] = nullptr;
    if (const Question* question = questionnaire.Current()) {
      const QuestionText* text = (*content)->Question(question->id);
      Json q;
      q["id"] = question->id;
      q["kind"] = KindId(question->kind);
      q["prompt"] = text->prompt;
      q["why"] = text->why;
      q["optional"] = question->optional;
      if (question->kind == QuestionKind::kWholeNumber ||
          question->kind == QuestionKind::kDecimal) {
        q["min"] = question->min;
        q["max"] = question->max;
      }
      if (question->kind == QuestionKind::kDuration) {
        q["unit"] = question->unit == TimeUnit::kWeeks ? "weeks" : "months";
        q["max"] = question->max;
      }
      Json choices = Json::array();
      for (const auto& [id, label] : text->choices)
        choices.push_back({{"id", id}, {"label", label}});
      q["choices"] = std::move(choices);
      json["question"] = std::move(q);
    }
    // The last reply, if a duration said another way, read back: "6 weeks = 1.4 months".
    json["noted"] = noted ? Json(*noted) : Json(nullptr);
    if (questionnaire.Stopped()) {
      // Stopped at a warning sign: the assessment says what to do; nothing is stored.
      auto assessment = AssessRedFlags(questionnaire.RedFlagsSoFar(), questionnaire.ContextSoFar());
      if (!assessment) return FromError(assessment.error());
      json["assessment"] = Json::parse(AssessmentToJson(*assessment, -1));
    } else if (questionnaire.Finished()) {
      auto answers = questionnaire.Finish();
      if (!answers) return FromError(answers.error());
      json["answers"] = Json::parse(AnswersToJson(*answers, -1));
    }
    return json;
  }

  Answer<Json> LatestAssessment() {
    auto latest = app_.LoadLatestAssessment();
    if (!latest) return FromError(latest.error());
    Json json;
    json["assessment"] = Json::parse(AssessmentToJson(latest->assessment, -1));
    json["date"] = FormatDate(latest->date);
    return json;
  }

  // POST /api/assessment with the answers' JSON (the same form as `assess --answers`):
  // assesses, stores, and starts a plan for the routes that lead to one. A warning sign
  // is read first and stores nothing: with other answers wrong, a 400 that carries the
  // sign's assessment beside the error; otherwise the assessment with "stored": false.
  Answer<Json> NewAssessment(const ApiRequest& request) {
    if (request.content_type != "application/json") {
      return HttpError{415, "send the answers as application/json", {}};
    }
    auto assessment = AssessJson(request.body);
    if (!assessment) return FromError(assessment.error());
    Json json;
    json["assessment"] = Json::parse(AssessmentToJson(*assessment, -1));
    if (!assessment->problems.empty()) {
      HttpError error = BadRequest(assessment->problems);
      error.assessment = std::move(json["assessment"]);
      return error;
    }
    json["stored"] = MayBeStored(*assessment);
    json["assessment_id"] = nullptr;
    json["plan_id"] = nullptr;
    if (!MayBeStored(*assessment)) return json;
    auto saved = app_.SaveAssessment(*assessment);
    if (!saved) return FromError(saved.error());
    json["assessment_id"] = saved->assessment_id;
    json["plan_id"] = saved->plan_id ? Json(*saved->plan_id) : Json(nullptr);
    return json;
  }

  Answer<Json> CurrentPlan() {
    TRY_ANSWER(settings, LoadedSettings());
    TRY_ANSWER(active, Active());
    return PlanJson(active, today_, settings.units);
  }

  // POST /api/plan {"runs_per_week": 4, "start": "2026-12-01"}: a new plan, the old kept.
  Answer<Json> NewPlan(const ApiRequest& request) {
    TRY_ANSWER(body, ParseBody(request));
    if (auto unknown = UnknownField(body, {"runs_per_week", "start"})) return *unknown;
    TRY_ANSWER(runs, IntField(body, "runs_per_week", kMinRunsPerWeek, kMaxRunsPerWeek));
    TRY_ANSWER(start_text, StringField(body, "start"));
    std::optional<Date> start;
    if (start_text) {
      auto date = ParseDate(*start_text);
      if (!date) return BadRequest("start: " + date.error().message, "start");
      start = *date;
    }
    auto active = app_.StartPlan(start, runs);
    if (!active) return FromError(active.error());
    TRY_ANSWER(settings, LoadedSettings());
    return PlanJson(*active, today_, settings.units);
  }

  Json Day(const ActivePlan& active, Date day, DistanceUnit units) {
    Json sessions = Json::array();
    for (const Session* session : SessionsOn(active.plan, day)) {
      sessions.push_back(SessionJson(*session, active.route, units));
    }
    return Json{{"date", FormatDate(day)},
                {"weekday", WeekdayName(day)},
                {"sessions", std::move(sessions)}};
  }

  Answer<Json> TodayView() {
    TRY_ANSWER(settings, LoadedSettings());
    TRY_ANSWER(active, Active());
    Json json = Day(active, today_, settings.units);
    json["status"] = StatusJson(active, today_, settings.units);
    return json;
  }

  // GET /api/week?next=1: this (or next) plan week, Monday to Sunday of the plan's weeks.
  Answer<Json> Week(const ApiRequest& request) {
    TRY_ANSWER(settings, LoadedSettings());
    TRY_ANSWER(active, Active());
    const auto next = request.query.find("next");
    const bool is_next =
        next != request.query.end() && (next->second == "1" || next->second == "true");
    const int days_in = DaysBetween(active.plan.start, today_);
    const int week = (days_in >= 0 ? days_in / 7 : -1) + (is_next ? 1 : 0);
    const Date from = week >= 0 ? AddDays(active.plan.start, week * 7) : active.plan.start;
    Json days = Json::array();
    for (int i = 0; i < 7; ++i) days.push_back(Day(active, AddDays(from, i), settings.units));
    return Json{{"week", week + 1}, {"from", FormatDate(from)}, {"days", std::move(days)}};
  }

  Answer<Json> Status() {
    TRY_ANSWER(settings, LoadedSettings());
    TRY_ANSWER(active, Active());
    return StatusJson(active, today_, settings.units);
  }

  Answer<Json> History(const ApiRequest& request) {
    LogFilter filter;
    TRY_ANSWER(from, DateQuery(request, "from"));
    TRY_ANSWER(to, DateQuery(request, "to"));
    filter.from = from;
    filter.to = to;
    if (const auto kind = request.query.find("kind"); kind != request.query.end()) {
      filter.kind = LogKindFromId(kind->second);
      if (!filter.kind) return BadRequest("kind: unknown log kind '" + kind->second + "'", "kind");
    }
    auto log = app_.LoadLog(filter);
    if (!log) return FromError(log.error());
    Json entries = Json::array();
    for (const LogEntry& entry : *log) entries.push_back(LogEntryJson(entry));
    return entries;
  }

  // POST /api/log: one entry, as the web form sends it (see LogForm); says what changed.
  Answer<Json> AddLog(const ApiRequest& request) {
    TRY_ANSWER(entry, LogFormEntry(request));
    auto outcome = app_.AddToLog(std::move(entry));
    if (!outcome) return FromError(outcome.error());
    return LogOutcomeJson(*outcome);
  }

  // A correction's answer: what changed, and what undo would now undo.
  Answer<Json> CorrectionJson(const LogOutcome& outcome) {
    auto undo = app_.DescribeUndo();
    if (!undo) return FromError(undo.error());
    Json json = LogOutcomeJson(outcome);
    json["undo"] = *undo ? Json(**undo) : Json(nullptr);
    return json;
  }

  // PUT /api/log/ID: the entry as the web form sends it, whole (fields left out are
  // blanked); says what changed.
  Answer<Json> EditLog(std::int64_t id, const ApiRequest& request) {
    TRY_ANSWER(entry, LogFormEntry(request));
    auto outcome = app_.EditLogEntry(id, ReplaceWith(entry));
    if (!outcome) return FromError(outcome.error());
    return CorrectionJson(*outcome);
  }

  // DELETE /api/log/ID: an entry or a run (an imported one with its recording).
  Answer<Json> DeleteLog(std::int64_t id) {
    auto outcome = app_.DeleteLogEntry(id);
    if (!outcome) return FromError(outcome.error());
    return CorrectionJson(*outcome);
  }

  // GET /api/undo: what POST /api/undo would undo, or null.
  Answer<Json> UndoState() {
    auto undo = app_.DescribeUndo();
    if (!undo) return FromError(undo.error());
    return Json{{"undo", *undo ? Json(**undo) : Json(nullptr)}};
  }

  // POST /api/undo: undoes the last entry logged, corrected or deleted.
  Answer<Json> Undo() {
    auto outcome = app_.UndoLastChange();
    if (!outcome) return FromError(outcome.error());
    return CorrectionJson(*outcome);
  }

  // The entry a log form's JSON describes, checked field by field.
  Answer<LogEntry> LogFormEntry(const ApiRequest& request) {
    TRY_ANSWER(body, ParseBody(request));
    if (auto unknown =
            UnknownField(body, {"kind", "date", "distance", "time", "pain", "pain_before",
                                "reserve", "onset", "done", "helped", "note"})) {
      return *unknown;
    }
    LogForm form;
    TRY_ANSWER(kind, StringField(body, "kind"));
    if (!kind) return BadRequest("kind: say what to log (run, morning, strength, ...)", "kind");
    form.kind = *kind;
    for (auto [name, slot] : {std::pair{"date", &form.date},
                              {"distance", &form.distance},
                              {"time", &form.time},
                              {"onset", &form.onset},
                              {"helped", &form.helped},
                              {"note", &form.note}}) {
      TRY_ANSWER(text, StringField(body, name));
      if (text) *slot = *text;
    }
    TRY_ANSWER(pain, IntField(body, "pain", 0, 10));
    TRY_ANSWER(pain_before, IntField(body, "pain_before", 0, 10));
    TRY_ANSWER(reserve, IntField(body, "reserve", 0, thresholds::kMaxRepsInReserve));
    TRY_ANSWER(done, BoolField(body, "done"));
    form.pain = pain;
    form.pain_before = pain_before;
    form.reps_in_reserve = reserve;
    form.done = done.value_or(true);
    TRY_ANSWER(settings, LoadedSettings());
    auto entry = ParseLogForm(form, today_, settings.units, "");
    if (!entry) return FromError(entry.error());
    return std::move(*entry);
  }

  Answer<Json> Runs(const ApiRequest& request) {
    TRY_ANSWER(from, DateQuery(request, "from"));
    TRY_ANSWER(to, DateQuery(request, "to"));
    auto runs = app_.ListRuns(from, to);
    if (!runs) return FromError(runs.error());
    Json list = Json::array();
    for (const RunView& run : *runs) list.push_back(RunViewJson(run));
    return list;
  }

  Answer<Json> ShowOneRun(std::int64_t id) {
    TRY_ANSWER(settings, LoadedSettings());
    const double split = settings.units == DistanceUnit::kMiles ? kMetresPerMile : 1000.0;
    auto detail = app_.ShowRun(id, split);
    if (!detail) return FromError(detail.error());
    return RunDetailJson(*detail, settings.units);
  }

  // POST /api/runs/ID/onset {"lap": 3} or {"onset": "1.6km" | "9min"}.
  Answer<Json> SetRunOnset(std::int64_t id, const ApiRequest& request) {
    TRY_ANSWER(body, ParseBody(request));
    if (auto unknown = UnknownField(body, {"lap", "onset"})) return *unknown;
    TRY_ANSWER(lap, IntField(body, "lap", 1, 100000));
    TRY_ANSWER(onset, StringField(body, "onset"));
    if (lap.has_value() == onset.has_value()) {
      return BadRequest("give either lap (a lap number) or onset (a distance or a time)", "onset");
    }
    OnsetSpec spec;
    if (lap) {
      spec.lap = static_cast<std::size_t>(*lap);
    } else {
      TRY_ANSWER(settings, LoadedSettings());
      LogForm form;
      form.kind = "run";
      form.onset = *onset;
      auto parsed = ParseLogForm(form, today_, settings.units, "");
      if (!parsed) return FromError(parsed.error());
      spec.distance_m = parsed->onset_m;
      spec.elapsed_s = parsed->onset_s;
    }
    auto entry = app_.SetOnset(id, spec);
    if (!entry) return FromError(entry.error());
    return LogEntryJson(*entry);
  }

  // POST /api/runs/ID/pain {"pain": 2, "pain_before": 1}: the pain of an imported run.
  Answer<Json> RateOneRun(std::int64_t id, const ApiRequest& request) {
    TRY_ANSWER(body, ParseBody(request));
    if (auto unknown = UnknownField(body, {"pain", "pain_before"})) return *unknown;
    TRY_ANSWER(pain, IntField(body, "pain", 0, 10));
    TRY_ANSWER(pain_before, IntField(body, "pain_before", 0, 10));
    if (!pain) return BadRequest("pain: how much your back hurt during the run, 0-10", "pain");
    auto outcome = app_.RateRun(id, today_, *pain, pain_before);
    if (!outcome) return FromError(outcome.error());
    return LogOutcomeJson(*outcome);
  }

  // POST /api/import?name=run.fit with the file's bytes: one file per request, so the
  // page can show progress file by file.
  Answer<Json> ImportFile(const ApiRequest& request) {
    if (request.content_type != "application/octet-stream") {
      return HttpError{415, "send the file's bytes as application/octet-stream", {}};
    }
    const auto name = request.query.find("name");
    if (name == request.query.end() || name->second.empty()) {
      return BadRequest("name: give the file's name (it tells .gz and the format apart)", "name");
    }
    TRY_ANSWER(settings, LoadedSettings());
    SourcedFile file;
    file.name = name->second;
    file.bytes.assign(request.body.begin(), request.body.end());
    std::vector<SourcedFile> files;
    files.push_back(std::move(file));
    auto source = MemorySource(std::move(files));
    ImportOptions options;
    options.onset_lap = settings.onset_lap;
    const auto dry = request.query.find("dry_run");
    options.dry_run = dry != request.query.end() && (dry->second == "1" || dry->second == "true");
    auto summary = app_.ImportFiles(*source, options);
    if (!summary) return FromError(summary.error());
    return ImportedFileJson(summary->files.front());
  }

  Answer<Json> Progress() {
    auto runs = app_.ListRuns(std::nullopt, std::nullopt);
    if (!runs) return FromError(runs.error());
    TRY_ANSWER(settings, LoadedSettings());
    return ProgressJson(*runs, today_, settings.units);
  }

  Answer<Json> CurrentSettings() {
    TRY_ANSWER(settings, LoadedSettings());
    return SettingsJson(settings);
  }

  // PUT /api/settings {"units": "mi", "runs_per_week": 4, "onset_lap": true}: every value
  // is checked before any is saved.
  Answer<Json> PutSettings(const ApiRequest& request) {
    TRY_ANSWER(body, ParseBody(request));
    if (auto unknown = UnknownField(body, {"units", "runs_per_week", "onset_lap"})) return *unknown;
    TRY_ANSWER(units, StringField(body, "units"));
    TRY_ANSWER(runs, IntField(body, "runs_per_week", kMinRunsPerWeek, kMaxRunsPerWeek));
    TRY_ANSWER(onset_lap, BoolField(body, "onset_lap"));
    if (units && !DistanceUnitFromId(*units)) {
      return BadRequest("units: must be km or mi, got '" + *units + "'", "units");
    }
    std::vector<std::pair<std::string, std::string>> changes;
    if (units) changes.emplace_back("units", *units);
    if (runs) changes.emplace_back("runs-per-week", std::to_string(*runs));
    if (onset_lap) changes.emplace_back("onset-lap", *onset_lap ? "on" : "off");
    for (const auto& [name, value] : changes) {
      if (auto changed = app_.ChangeSetting(name, value); !changed) {
        return FromError(changed.error());
      }
    }
    return CurrentSettings();
  }

  Answer<Json> ExportIcs(ApiResponse& download) {
    TRY_ANSWER(active, Active());
    auto calendar = app_.PlanCalendar();
    if (!calendar) return FromError(calendar.error());
    download.content_type = "text/calendar; charset=utf-8";
    download.body = std::move(*calendar);
    download.download_name = "backstride-plan.ics";
    return Json();
  }

  Answer<Json> ExportJson(ApiResponse& download) {
    auto data = app_.ExportData();
    if (!data) return FromError(data.error());
    download.body = std::move(*data);
    download.download_name = "backstride-" + FormatDate(today_) + ".json";
    return Json();
  }

  // POST /api/import-data?replace=1 with an export's JSON.
  Answer<Json> ImportDataFile(const ApiRequest& request) {
    if (request.content_type != "application/json") {
      return HttpError{415, "send the export as application/json", {}};
    }
    const auto replace = request.query.find("replace");
    const bool replacing =
        replace != request.query.end() && (replace->second == "1" || replace->second == "true");
    auto summary = app_.ImportData(request.body, replacing);
    if (!summary) return FromError(summary.error());
    return Json{{"assessments", summary->assessments},
                {"plans", summary->plans},
                {"log_entries", summary->log_entries},
                {"settings", summary->settings}};
  }

  App& app_;
  Date today_;  // one day for the whole request
};

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message, std::string_view field) {
  Json error{{"status", status}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return JsonResponse(Json{{"error", std::move(error)}}, status);
}

Api::Api(std::unique_ptr<App> app) : app_(std::move(app)) {}

Api::~Api() = default;

ApiResponse Api::Handle(const ApiRequest& request) {
  std::lock_guard lock(mutex_);
  try {
    ApiResponse download;
    Handlers handlers(*app_);
    auto answer = handlers.Route(request, download);
    if (auto* error = std::get_if<HttpError>(&answer)) {
      ApiResponse response = ErrorResponse(error->status, error->message, error->field);
      if (!error->assessment.is_null()) {
        Json body = Json::parse(response.body);
        body["assessment"] = std::move(error->assessment);
        response.body = body.dump();
      }
      return response;
    }
    if (!download.download_name.empty()) return download;
    return JsonResponse(std::get<Json>(answer));
  } catch (const std::exception& e) {
    // A bug, not the runner's doing: say so rather than drop the connection.
    return ErrorResponse(500, std::string("internal error: ") + e.what());
  }
}

}  // namespace backstride::server
