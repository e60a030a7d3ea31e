// What the app shows, in the forms both fronts use: the JSON of `--format json` and of the
// web API, and the small judgements behind a plan's display (the phase of a day, the
// advice that explains a session). Distances are metres and times seconds in JSON; the
// `*_text` fields are the same values written in the runner's units.
#ifndef BACKSTRIDE_APP_VIEWS_H_
#define BACKSTRIDE_APP_VIEWS_H_

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>

#include "app/import.h"
#include "app/runs.h"
#include "app/training.h"
#include "base/units.h"
#include "content/content.h"
#include "core/plan.h"

namespace backstride {

using Json = nlohmann::ordered_json;

// The phase `day` falls in, or nullptr before or after the plan.
const Phase* PhaseOn(const Plan& plan, Date day);
// The advice item that explains why a session is in the plan, if one does.
std::optional<AdviceId> WhyItemFor(const Session& session, Route route);
// "Easy run: up to 1.50 km", "Sprints: 6 x 10 s".
std::string SessionHeadline(const Session& session, DistanceUnit units);

Json ActivityJson(const Activity& activity, std::size_t points);
// What became of one file, its reason and warnings worded in `units`.
Json ImportedFileJson(const ImportedFile& file, DistanceUnit units);
Json RunViewJson(const RunView& run);
Json RunDetailJson(const RunDetail& detail, DistanceUnit units);
Json LogEntryJson(const LogEntry& entry);
Json LogOutcomeJson(const LogOutcome& outcome);
Json SettingsJson(const Settings& settings);
Json SessionJson(const Session& session, Route route, DistanceUnit units);

// The plan in force: route, phases, every session, today's cap and the run rule's state.
Json PlanJson(const ActivePlan& active, Date today, DistanceUnit units);
// Route, the phase's name, cap (and why the spike guard limits it), the pace to beat,
// streak, pause, and every run's verdict with its reason.
Json StatusJson(const ActivePlan& active, Date today, DistanceUnit units);
// The data behind the progress charts: each run (distance, pace, pain, onset, the cap
// before and after it, distance or time), and the distance run each week (Monday to
// Sunday) from the first run's week to today's.
Json ProgressJson(std::span<const RunView> runs, Date today, DistanceUnit units);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_VIEWS_H_
