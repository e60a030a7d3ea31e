// The API's handlers, one function per route, named after it (PostLog is POST /api/log)
// and grouped by concern: api_assess.cc, api_plan.cc, api_log.cc, api_runs.cc,
// api_data.cc. The route table in api.cc points at them. A handler reads its request,
// calls the app and returns the reply's JSON, or why it failed; none sees HTTP.
#ifndef BACKSTRIDE_SERVER_API_HANDLERS_H_
#define BACKSTRIDE_SERVER_API_HANDLERS_H_

#include <cstdint>
#include <functional>
#include <string>

#include "app/app.h"
#include "app/views.h"
#include "server/api.h"
#include "server/http_error.h"

namespace backstride::server {

// One request as a handler sees it.
struct Call {
  App& app;
  Date today;  // read once: one day for the whole request
  const ApiRequest& request;
  std::int64_t id = 0;   // the id in the path ({run}, {log entry}); 0 when it has none
  ApiResponse download;  // a download fills it (download_name set): sent instead of the JSON
};

using Handler = HttpResult<Json> (*)(Call& call);

// The runner's settings, or a 500 when they cannot be read.
HttpResult<Settings> LoadedSettings(App& app);
// The plan in force: 404 before any assessment, 409 when the route leads to no plan.
HttpResult<ActivePlan> ActivePlanOf(App& app);

// api_assess.cc: the questionnaire and the assessment.
HttpResult<Json> PostQuestionnaire(Call& call);
HttpResult<Json> GetAssessment(Call& call);
HttpResult<Json> PostAssessment(Call& call);

// api_plan.cc: the plan and the days in it.
HttpResult<Json> GetPlan(Call& call);
HttpResult<Json> PostPlan(Call& call);
HttpResult<Json> GetToday(Call& call);
HttpResult<Json> GetWeek(Call& call);
HttpResult<Json> GetStatus(Call& call);
HttpResult<Json> GetPain(Call& call);
HttpResult<Json> GetExportIcs(Call& call);

// api_log.cc: the log, its corrections and undo.
HttpResult<Json> GetLog(Call& call);
HttpResult<Json> PostLog(Call& call);
HttpResult<Json> PutLog(Call& call);
HttpResult<Json> DeleteLog(Call& call);
HttpResult<Json> GetUndo(Call& call);
HttpResult<Json> PostUndo(Call& call);

// api_runs.cc: runs, watch files and the progress charts.
HttpResult<Json> GetRuns(Call& call);
HttpResult<Json> GetRun(Call& call);
HttpResult<Json> PostRunOnset(Call& call);
HttpResult<Json> PostRunPain(Call& call);
HttpResult<Json> PostImport(Call& call);
HttpResult<Json> GetProgress(Call& call);
// POST /api/import-archive, which Api::ImportStream serves outside the route table: its
// body is a stream, not a string.
HttpResult<Json> ImportArchive(App& app, const std::string& name, std::uint64_t size,
                               ByteStream& body,
                               std::function<void(const ImportProgress&)> on_progress);

// api_data.cc: settings, the backup and its restore.
HttpResult<Json> GetSettings(Call& call);
HttpResult<Json> PutSettings(Call& call);
HttpResult<Json> GetExportJson(Call& call);
HttpResult<Json> PostImportData(Call& call);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_API_HANDLERS_H_
