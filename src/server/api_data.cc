// Settings, the backup and its restore: /api/settings, /api/export.json and
// /api/import-data.
#include <string>
#include <utility>
#include <vector>

#include "app/data_transfer.h"
#include "server/api_handlers.h"
#include "server/request_fields.h"

namespace backstride::server {

HttpResult<Settings> LoadedSettings(App& app) {
  auto settings = app.LoadSettings();
  if (!settings) return FromError(settings.error());
  return *settings;
}

HttpResult<Json> GetSettings(Call& call) {
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  return SettingsJson(*settings);
}

// PUT /api/settings {"units": "mi", "runs_per_week": 4, "onset_lap": true}: every value
// is checked before any is saved.
HttpResult<Json> PutSettings(Call& call) {
  auto body = ParseBody(call.request, {"units", "runs_per_week", "onset_lap"});
  if (!body) return Fail(body.error());
  auto units = StringField(*body, "units");
  if (!units) return Fail(units.error());
  auto runs = IntField(*body, "runs_per_week", kMinRunsPerWeek, kMaxRunsPerWeek);
  if (!runs) return Fail(runs.error());
  auto onset_lap = BoolField(*body, "onset_lap");
  if (!onset_lap) return Fail(onset_lap.error());
  if (*units && !DistanceUnitFromId(**units)) {
    return BadRequest("units: must be km or mi, got '" + **units + "'", "units");
  }
  std::vector<std::pair<std::string, std::string>> changes;
  if (*units) changes.emplace_back("units", **units);
  if (*runs) changes.emplace_back("runs-per-week", std::to_string(**runs));
  if (*onset_lap) changes.emplace_back("onset-lap", **onset_lap ? "on" : "off");
  for (const auto& [name, value] : changes) {
    if (auto changed = call.app.ChangeSetting(name, value); !changed) {
      return FromError(changed.error());
    }
  }
  return GetSettings(call);
}

HttpResult<Json> GetExportJson(Call& call) {
  auto data = call.app.ExportData();
  if (!data) return FromError(data.error());
  call.download.body = std::move(*data);
  call.download.download_name = "backstride-" + FormatDate(call.today) + ".json";
  return Json();
}

// POST /api/import-data?replace=1 with an export's JSON.
HttpResult<Json> PostImportData(Call& call) {
  if (call.request.content_type != "application/json") {
    return Refuse(415, "send the export as application/json");
  }
  auto summary = call.app.ImportData(call.request.body, FlagQuery(call.request, "replace"));
  if (!summary) return FromError(summary.error());
  return Json{{"assessments", summary->assessments},
              {"plans", summary->plans},
              {"log_entries", summary->log_entries},
              {"settings", summary->settings}};
}

}  // namespace backstride::server
