// The log, its corrections and undo: /api/log, /api/log/{log entry}, /api/undo.
#include <utility>

#include "app/corrections.h"
#include "app/log_form.h"
#include "core/thresholds.h"
#include "server/api_handlers.h"
#include "server/request_fields.h"

namespace backstride::server {
namespace {

// The entry a log form's JSON describes (see LogForm), checked field by field.
HttpResult<LogEntry> LogFormEntry(Call& call) {
  auto body = ParseBody(call.request, {"kind", "date", "distance", "time", "pain", "pain_before",
                                       "reserve", "onset", "done", "helped", "note"});
  if (!body) return Fail(body.error());
  LogForm form;
  auto kind = StringField(*body, "kind");
  if (!kind) return Fail(kind.error());
  if (!*kind) return BadRequest("kind: say what to log (run, morning, strength, ...)", "kind");
  form.kind = **kind;
  for (auto [name, slot] : {std::pair{"date", &form.date},
                            {"distance", &form.distance},
                            {"time", &form.time},
                            {"onset", &form.onset},
                            {"helped", &form.helped},
                            {"note", &form.note}}) {
    auto text = StringField(*body, name);
    if (!text) return Fail(text.error());
    if (*text) *slot = **text;
  }
  auto pain = IntField(*body, "pain", 0, 10);
  if (!pain) return Fail(pain.error());
  auto pain_before = IntField(*body, "pain_before", 0, 10);
  if (!pain_before) return Fail(pain_before.error());
  auto reserve = IntField(*body, "reserve", 0, thresholds::kMaxRepsInReserve);
  if (!reserve) return Fail(reserve.error());
  auto done = BoolField(*body, "done");
  if (!done) return Fail(done.error());
  form.pain = *pain;
  form.pain_before = *pain_before;
  form.reps_in_reserve = *reserve;
  form.done = done->value_or(true);
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  auto entry = ParseLogForm(form, call.today, settings->units, "");
  if (!entry) return FromError(entry.error());
  return std::move(*entry);
}

// A correction's answer: what changed, and what undo would now undo.
HttpResult<Json> CorrectionJson(App& app, const LogOutcome& outcome) {
  auto undo = app.DescribeUndo();
  if (!undo) return FromError(undo.error());
  Json json = LogOutcomeJson(outcome);
  json["undo"] = *undo ? Json(**undo) : Json(nullptr);
  return json;
}

}  // namespace

HttpResult<Json> GetLog(Call& call) {
  LogFilter filter;
  auto from = DateQuery(call.request, "from");
  if (!from) return Fail(from.error());
  auto to = DateQuery(call.request, "to");
  if (!to) return Fail(to.error());
  filter.from = *from;
  filter.to = *to;
  if (const auto kind = call.request.query.find("kind"); kind != call.request.query.end()) {
    filter.kind = LogKindFromId(kind->second);
    if (!filter.kind) return BadRequest("kind: unknown log kind '" + kind->second + "'", "kind");
  }
  auto log = call.app.LoadLog(filter);
  if (!log) return FromError(log.error());
  Json entries = Json::array();
  for (const LogEntry& entry : *log) entries.push_back(LogEntryJson(entry));
  return entries;
}

// POST /api/log: one entry, as the web form sends it; says what changed.
HttpResult<Json> PostLog(Call& call) {
  auto entry = LogFormEntry(call);
  if (!entry) return Fail(entry.error());
  auto outcome = call.app.AddToLog(std::move(*entry));
  if (!outcome) return FromError(outcome.error());
  return LogOutcomeJson(*outcome);
}

// PUT /api/log/ID: the entry as the web form sends it, whole (fields left out are
// blanked); says what changed.
HttpResult<Json> PutLog(Call& call) {
  auto entry = LogFormEntry(call);
  if (!entry) return Fail(entry.error());
  auto outcome = call.app.EditLogEntry(call.id, ReplaceWith(*entry));
  if (!outcome) return FromError(outcome.error());
  return CorrectionJson(call.app, *outcome);
}

// DELETE /api/log/ID: an entry or a run (an imported one with its recording).
HttpResult<Json> DeleteLog(Call& call) {
  auto outcome = call.app.DeleteLogEntry(call.id);
  if (!outcome) return FromError(outcome.error());
  return CorrectionJson(call.app, *outcome);
}

// GET /api/undo: what POST /api/undo would undo, or null.
HttpResult<Json> GetUndo(Call& call) {
  auto undo = call.app.DescribeUndo();
  if (!undo) return FromError(undo.error());
  return Json{{"undo", *undo ? Json(**undo) : Json(nullptr)}};
}

// POST /api/undo: undoes the last entry logged, corrected or deleted.
HttpResult<Json> PostUndo(Call& call) {
  auto outcome = call.app.UndoLastChange();
  if (!outcome) return FromError(outcome.error());
  return CorrectionJson(call.app, *outcome);
}

}  // namespace backstride::server
