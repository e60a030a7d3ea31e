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
  // Every warning sign answered yes, in questionnaire order (not only the one that decided).
  std::vector<RedFlag> red_flags;
  std::vector<Reason> reasons;
};

// Returns the route for `answers`. Pure and total: valid answers always give a route.
Triage TriageAnswers(const Answers& answers);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_TRIAGE_H_
