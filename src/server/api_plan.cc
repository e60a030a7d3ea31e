// The plan and the days in it: /api/plan, /api/today, /api/week, /api/status (its run
// verdicts paged), /api/pain and the plan as a calendar (/api/export.ics).
#include <charconv>
#include <limits>
#include <string>

#include "app/training.h"
#include "server/api_handlers.h"
#include "server/request_fields.h"

namespace backstride::server {
namespace {

Json Day(const ActivePlan& active, Date day, DistanceUnit units) {
  Json sessions = Json::array();
  for (const Session* session : SessionsOn(active.plan, day)) {
    sessions.push_back(SessionJson(*session, active.route, units));
  }
  return Json{
      {"date", FormatDate(day)}, {"weekday", WeekdayName(day)}, {"sessions", std::move(sessions)}};
}

// A whole-number query parameter from `min` to `max`; absent or empty is not given.
HttpResult<std::optional<std::size_t>> CountQuery(const ApiRequest& request, const char* name,
                                                  std::size_t min, std::size_t max) {
  const auto found = request.query.find(name);
  if (found == request.query.end() || found->second.empty()) return std::nullopt;
  const std::string& text = found->second;
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return BadRequest(std::string(name) + ": a whole number from " + std::to_string(min) +
                          " to " + std::to_string(max) + " was expected",
                      name);
  }
  return value;
}

// The largest page of run verdicts /api/status gives, and the default: a page a phone
// loads quickly, whatever the length of the history.
constexpr std::size_t kMaxDecisionsPage = 200;
constexpr std::size_t kDefaultDecisionsPage = 50;

}  // namespace

HttpResult<ActivePlan> ActivePlanOf(App& app) {
  auto active = app.LoadActivePlan();
  if (!active) {
    if (active.error().code == ErrorCode::kNotFound) {
      return Refuse(404, "no assessment yet: answer the questions first");
    }
    return FromError(active.error());
  }
  return std::move(*active);
}

HttpResult<Json> GetPlan(Call& call) {
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  auto active = ActivePlanOf(call.app);
  if (!active) return Fail(active.error());
  return PlanJson(*active, call.today, settings->units);
}

// POST /api/plan {"runs_per_week": 4, "start": "2026-12-01"}: a new plan, the old kept.
HttpResult<Json> PostPlan(Call& call) {
  auto body = ParseBody(call.request, {"runs_per_week", "start"});
  if (!body) return Fail(body.error());
  auto runs = IntField(*body, "runs_per_week", kMinRunsPerWeek, kMaxRunsPerWeek);
  if (!runs) return Fail(runs.error());
  auto start_text = StringField(*body, "start");
  if (!start_text) return Fail(start_text.error());
  std::optional<Date> start;
  if (*start_text) {
    auto date = ParseDate(**start_text);
    if (!date) return BadRequest("start: " + date.error().message, "start");
    start = *date;
  }
  auto active = call.app.StartPlan(start, *runs);
  if (!active) return FromError(active.error());
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  return PlanJson(*active, call.today, settings->units);
}

HttpResult<Json> GetToday(Call& call) {
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  auto active = ActivePlanOf(call.app);
  if (!active) return Fail(active.error());
  return TodayJson(*active, call.today, settings->units);
}

// GET /api/week?next=1: this (or next) plan week, Monday to Sunday of the plan's weeks.
HttpResult<Json> GetWeek(Call& call) {
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  auto active = ActivePlanOf(call.app);
  if (!active) return Fail(active.error());
  const int days_in = DaysBetween(active->plan.start, call.today);
  const int week = (days_in >= 0 ? days_in / 7 : -1) + (FlagQuery(call.request, "next") ? 1 : 0);
  const Date from = week >= 0 ? AddDays(active->plan.start, week * 7) : active->plan.start;
  Json days = Json::array();
  for (int i = 0; i < 7; ++i) days.push_back(Day(*active, AddDays(from, i), settings->units));
  return Json{{"week", week + 1}, {"from", FormatDate(from)}, {"days", std::move(days)}};
}

// GET /api/status?limit=50&offset=0: where the runner stands, with a page of the run
// verdicts, newest page first (offset 0); the answer's older_offset asks for the one before.
HttpResult<Json> GetStatus(Call& call) {
  auto limit = CountQuery(call.request, "limit", 1, kMaxDecisionsPage);
  if (!limit) return Fail(limit.error());
  auto offset = CountQuery(call.request, "offset", 0, std::numeric_limits<int>::max());
  if (!offset) return Fail(offset.error());
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  auto active = ActivePlanOf(call.app);
  if (!active) return Fail(active.error());
  DecisionPage page;
  page.offset = offset->value_or(0);
  page.limit = limit->value_or(kDefaultDecisionsPage);
  return StatusJson(*active, call.today, settings->units, page);
}

// GET /api/pain?from=D&to=D: pain scores and the cap's changes, for the pain-over-time chart.
HttpResult<Json> GetPain(Call& call) {
  auto from = DateQuery(call.request, "from");
  if (!from) return Fail(from.error());
  auto to = DateQuery(call.request, "to");
  if (!to) return Fail(to.error());
  auto settings = LoadedSettings(call.app);
  if (!settings) return Fail(settings.error());
  auto active = ActivePlanOf(call.app);
  if (!active) return Fail(active.error());
  return PainJson(*active, call.today, settings->units, *from, *to);
}

HttpResult<Json> GetExportIcs(Call& call) {
  auto active = ActivePlanOf(call.app);  // 404 or 409 rather than an empty calendar
  if (!active) return Fail(active.error());
  auto calendar = call.app.PlanCalendar();
  if (!calendar) return FromError(calendar.error());
  call.download.content_type = "text/calendar; charset=utf-8";
  call.download.body = std::move(*calendar);
  call.download.download_name = "backstride-plan.ics";
  return Json();
}

}  // namespace backstride::server
