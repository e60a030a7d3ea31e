// Runs, watch files and the progress charts: /api/runs, /api/runs/{run}, its onset and
// pain, /api/import and /api/progress.
#include <vector>

#include "app/import.h"
#include "app/log_form.h"
#include "app/runs.h"
#include "server/api_handlers.h"
#include "server/request_fields.h"

namespace backstride::server {
namespace {

// A run as RunViewJson gives it, with what an export said of its recording: the
// service's name and description, where it came from ("recording_source": "source" is
// already the log entry's), and the other sources the same run came from.
Json RunJson(const RunView& run, Json json) {
  if (!run.activity) return json;
  const Recording& recording = *run.activity;
  json["title"] = recording.title.empty() ? Json(nullptr) : Json(recording.title);
  json["description"] = recording.description.empty() ? Json(nullptr) : Json(recording.description);
  json["recording_source"] = recording.source;
  Json aliases = Json::array();
  for (const RecordingAlias& alias : recording.aliases) {
    aliases.push_back({{"source", alias.source}, {"file", alias.file}});
  }
  json["aliases"] = std::move(aliases);
  return json;
}

}  // namespace

HttpResult<Json> GetRuns(Call& call) {
  auto from = DateQuery(call.request, "from");
  if (!from) return Fail(from.error());
  auto to = DateQuery(call.request, "to");
  if (!to) return Fail(to.error());
  auto runs = call.app.ListRuns(*from, *to);
  if (!runs) return FromError(runs.error());
  Json list = Json::array();
  for (const RunView& run : *runs) list.push_back(RunJson(run, RunViewJson(run)));
  return list;
}

// GET /api/runs/ID: the run with its laps, splits (per km or mile) and profile.
HttpResult<Json> GetRun(Call& call) {
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  const double split_m = settings->units == DistanceUnit::kMiles ? kMetresPerMile : 1000.0;
  auto detail = call.app.ShowRun(call.id, split_m);
  if (!detail) return FromError(detail.error());
  return RunJson(detail->run, RunDetailJson(*detail, settings->units));
}

// POST /api/runs/ID/onset {"lap": 3} or {"onset": "1.6km" | "9min"}.
HttpResult<Json> PostRunOnset(Call& call) {
  auto body = ParseBody(call.request, {"lap", "onset"});
  if (!body) return Fail(body.error());
  auto lap = IntField(*body, "lap", 1, 100000);
  if (!lap) return Fail(lap.error());
  auto onset = StringField(*body, "onset");
  if (!onset) return Fail(onset.error());
  if (lap->has_value() == onset->has_value()) {
    return BadRequest("give either lap (a lap number) or onset (a distance or a time)", "onset");
  }
  OnsetSpec spec;
  if (*lap) {
    spec.lap = static_cast<std::size_t>(**lap);
  } else {
    // The onset is read as the log form reads it, in the runner's units.
    auto settings = LoadedSettings(call.app);
    if (!settings) return Fail(settings.error());
    LogForm form;
    form.kind = "run";
    form.onset = **onset;
    auto parsed = ParseLogForm(form, call.today, settings->units, "");
    if (!parsed) return FromError(parsed.error());
    spec.distance_m = parsed->onset_m;
    spec.elapsed_s = parsed->onset_s;
  }
  auto entry = call.app.SetOnset(call.id, spec);
  if (!entry) return FromError(entry.error());
  return LogEntryJson(*entry);
}

// POST /api/runs/ID/pain {"pain": 2, "pain_before": 1}: the pain of an imported run.
HttpResult<Json> PostRunPain(Call& call) {
  auto body = ParseBody(call.request, {"pain", "pain_before"});
  if (!body) return Fail(body.error());
  auto pain = IntField(*body, "pain", 0, 10);
  if (!pain) return Fail(pain.error());
  auto pain_before = IntField(*body, "pain_before", 0, 10);
  if (!pain_before) return Fail(pain_before.error());
  if (!*pain) return BadRequest("pain: how much your back hurt during the run, 0-10", "pain");
  auto outcome = call.app.RateRun(call.id, call.today, **pain, *pain_before);
  if (!outcome) return FromError(outcome.error());
  return LogOutcomeJson(*outcome);
}

// POST /api/import?name=run.fit with the file's bytes: one file per request, so the
// page can show progress file by file.
HttpResult<Json> PostImport(Call& call) {
  const ApiRequest& request = call.request;
  if (request.content_type != "application/octet-stream") {
    return Refuse(415, "send the file's bytes as application/octet-stream");
  }
  const auto name = request.query.find("name");
  if (name == request.query.end() || name->second.empty()) {
    return BadRequest("name: give the file's name (it tells .gz and the format apart)", "name");
  }
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  SourcedFile file;
  file.name = name->second;
  file.bytes.assign(request.body.begin(), request.body.end());
  std::vector<SourcedFile> files;
  files.push_back(std::move(file));
  auto source = MemorySource(std::move(files));
  ImportOptions options;
  options.onset_lap = settings->onset_lap;
  options.dry_run = FlagQuery(request, "dry_run");
  auto summary = call.app.ImportFiles(*source, options);
  if (!summary) return FromError(summary.error());
  return ImportedFileJson(summary->files.front(), settings->units);
}

// An export (or one file) streamed in: the counts, and the files worth listing one by
// one: runs (imported or already stored) and what was skipped or failed. A big export's
// other files (photos, rides' data...) are only counted.
HttpResult<Json> ImportArchive(App& app, const std::string& name, std::uint64_t size,
                               ByteStream& body,
                               std::function<void(const ImportProgress&)> on_progress) {
  auto settings = LoadedSettings(app);
  if (!settings) return Fail(settings.error());
  ImportOptions options;
  options.onset_lap = settings->onset_lap;
  options.on_progress = std::move(on_progress);
  auto summary = app.ImportStream(name, body, size, options);
  if (!summary) return FromError(summary.error());
  Json files = Json::array();
  int unlisted = summary->archive_other;
  for (const ImportedFile& file : summary->files) {
    if (file.status == ImportStatus::kNotActivity) {
      ++unlisted;
      continue;
    }
    Json json = ImportedFileJson(file, settings->units);
    json["title"] = file.title.empty() ? Json(nullptr) : Json(file.title);
    files.push_back(std::move(json));
  }
  return Json{{"imported", summary->imported},
              {"duplicates", summary->duplicates},
              {"skipped", summary->skipped},
              {"failed", summary->failed},
              {"not_activity", summary->not_activity},
              {"resumed", summary->resumed},
              {"other", unlisted},
              {"files", std::move(files)}};
}

HttpResult<Json> GetProgress(Call& call) {
  auto runs = call.app.ListRuns(std::nullopt, std::nullopt);
  if (!runs) return FromError(runs.error());
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  return ProgressJson(*runs, call.today, settings->units);
}

}  // namespace backstride::server
