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
// Which of the run rule's decisions a status shows: the `limit` latest after skipping the
// `offset` latest (so offset 0 is the newest page), oldest first within the page. The
// default shows them all (the CLI's `status`); the web API pages them.
struct DecisionPage {
  std::size_t offset = 0;
  std::optional<std::size_t> limit;
};

// Route, the phase's name, cap (and why the spike guard limits it), the pace to beat,
// streak, pause, and the page of the run verdicts `page` selects, each with its reason;
// `decisions_total` counts them all and `older_offset` is the offset of the page before
// (null at the first decision).
Json StatusJson(const ActivePlan& active, Date today, DistanceUnit units,
                const DecisionPage& page = {});

// How many of the latest decisions Today carries: the page shows the last run's.
inline constexpr std::size_t kTodayDecisions = 3;

// Today as a checklist: the day's sessions, each (`session`) with the log entry that ticked
// it off (`logged`, null while open) and the kind of entry that would (`log_kind`, null for a
// rest day); today's check-in (`checkin`); the morning question (`morning`: the run of the
// day before, or of today logged before, that has no next-morning score yet, or has one
// logged today, which it then carries; null otherwise); and the status with the
// kTodayDecisions latest decisions, so the answer does not grow with the history.
Json TodayJson(const ActivePlan& active, Date today, DistanceUnit units);

// Pain over time, from the plan's first day to today unless `from` and `to` say otherwise:
// every pain score (a run's pain during it, a next-morning score, a check-in), and every
// change the run rule made to the cap (rise, hold, step back, pause) with its reason; and
// the plan's dates, for the charts' default range.
Json PainJson(const ActivePlan& active, Date today, DistanceUnit units, std::optional<Date> from,
              std::optional<Date> to);
// The data behind the progress charts: each run (distance, pace, pain, onset, the cap
// before and after it, distance or time), and the distance run each week (Monday to
// Sunday) from the first run's week to today's.
Json ProgressJson(std::span<const RunView> runs, Date today, DistanceUnit units);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_VIEWS_H_
