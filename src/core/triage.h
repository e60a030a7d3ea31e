// Triage: from the answers to exactly one route, with every red flag found and the
// reasons that led there (DESIGN 2.1).
//
// The routes are checked in a fixed order and the first that matches wins, so a
// warning sign always outranks anything that would lead to a running plan.
#ifndef BACKSTRIDE_CORE_TRIAGE_H_
#define BACKSTRIDE_CORE_TRIAGE_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/answers.h"

namespace backstride {

// In the order they are checked.
enum class Route {
  kEmergency,
  kSeeDoctor,
  kSeeClinician,
  kReturningRunner,
  kNewRunner,
  kSeasonedRehab,
  kSeasonedTreatment,
};

inline constexpr std::array<Route, 7> kAllRoutes = {
    Route::kEmergency, Route::kSeeDoctor,     Route::kSeeClinician,      Route::kReturningRunner,
    Route::kNewRunner, Route::kSeasonedRehab, Route::kSeasonedTreatment,
};

// Stable ids used by the CLI, the API and the tests ("returning_runner").
std::string_view RouteId(Route route);
std::optional<Route> RouteFromId(std::string_view id);

// How soon a route's care is needed (DESIGN 2.1): emergency now; see_doctor today or
// soon (within days). DESIGN 2.1a adds a week for suspected bone stress.
enum class Urgency { kNow, kToday, kSoon };

// Stable ids, as in the JSON ("today").
std::string_view UrgencyId(Urgency urgency);

// True for routes 4-7, the ones that lead to a running plan. Routes 1-3 never do.
bool LeadsToPlan(Route route);

// One reason behind a route, as data: which answer, compared with which threshold,
// under which rule, and the same in a sentence.
struct Reason {
  std::string rule;       // stable id of the rule, e.g. "severe_pain"
  std::string field;      // the answer's field path, e.g. "pain.worst"
  std::string answer;     // the answer as given, e.g. "9"
  std::string threshold;  // the rule's condition on that field, e.g. "≥ 8"
  std::string text;       // a plain sentence for the runner
};

struct Triage {
  Route route = Route::kSeasonedTreatment;
  // Every warning sign answered yes or not sure, in questionnaire order (not only the one
  // that decided).
  std::vector<RedFlag> red_flags;
  // Those of red_flags answered "not sure".
  std::vector<RedFlag> unsure_flags;
  // Set for routes 1 and 2 only.
  std::optional<Urgency> urgency;
  std::vector<Reason> reasons;

  bool IsUnsure(RedFlag flag) const;
};

// Returns the route for `answers`. Pure and total: valid answers always give a route.
Triage TriageAnswers(const Answers& answers);

// The route the warning signs alone decide (route 1 or 2), for answers that could not be
// read whole: a red flag is read first (DESIGN 2). Returns nullopt when no sign is
// answered yes or not sure.
std::optional<Triage> TriageRedFlags(const RedFlagAnswers& flags);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_TRIAGE_H_
