// The run rule's facts in words (DESIGN 5): the core decides and hands out enums and
// numbers; these fill the content's sentence templates with them, in the runner's units.
// Every front (the CLI, the web app) shows these sentences; none of them holds an id or a
// front's own hint.
#ifndef BACKSTRIDE_APP_EXPLAIN_H_
#define BACKSTRIDE_APP_EXPLAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/units.h"
#include "content/content.h"
#include "core/plan.h"
#include "core/run_rule.h"
#include "core/triage.h"

namespace backstride {

// The built-in content's message `id` filled with `values` (see Content::Message).
std::string Say(std::string_view id, const MessageValues& values = {});

// Why the run rule judged a run as it did, then the pause it began and the spike it made,
// one sentence each.
std::vector<std::string> ExplainDecision(const RunDecision& decision, DistanceUnit units);

// Sentences joined with a space, for a single line of text.
std::string JoinSentences(const std::vector<std::string>& sentences);

// Why the spike guard lowered today's cap; empty when it did not.
std::string ExplainGuard(const GuardedCap& guarded, DistanceUnit units);

// What a change to the log did to the next run's cap, appended to `changes`: that it moved
// from `cap_before` (as worded by FormatCap) or stayed, then the spike guard when it limits
// the new cap.
void SayCapChange(const std::string& cap_before, const GuardedCap& after, DistanceUnit units,
                  std::vector<std::string>& changes);

// Why a run logged on `run_date` does not move the cap (it predates the plan): and, only
// while it is recent enough for the spike guard's window on `today` and has a distance,
// that it still counts for the guard.
std::string SayRunBeforePlan(Date run_date, bool has_distance, Date today);

// Words `plan` (built by the core, which hands out text ids and facts): every session's
// title and details, every phase's name and purpose, and the notes, in `units`.
void WordPlan(Plan& plan, DistanceUnit units);

// A verdict in a few plain words: "good", "cap held", "stepped back", ...
std::string VerdictLabel(RunVerdict verdict);

// Why there is no running plan on `route` (routes 1-3).
std::string PlanlessReason(Route route);

// A fraction as the runner reads it: 0.1 -> "10 %".
std::string Percent(double fraction);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_EXPLAIN_H_
