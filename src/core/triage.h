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

// How soon a route's care is needed (DESIGN 2.1, 2.1a): emergency now; see_doctor today
// or soon (within days); a week for suspected bone stress (a sports physiotherapist).
// Ordered most urgent first.
enum class Urgency { kNow, kToday, kSoon, kWeek };

// Something the runner should know beside the route, which does not change it (DESIGN
// 2.1a). The words are content, by NoticeId.
enum class Notice {
  kInflammatoryBackPain,  // NICE NG65's features: ask a doctor about inflammatory back pain
  kFirstFormat,           // answers from before DESIGN 2.1a: the newer questions not asked
};
inline constexpr std::array<Notice, 2> kAllNotices = {Notice::kInflammatoryBackPain,
                                                      Notice::kFirstFormat};

// Stable ids, as in the JSON ("inflammatory_back_pain", "answers_first_version").
std::string_view NoticeId(Notice notice);

// Stable ids, as in the JSON ("today").
std::string_view UrgencyId(Urgency urgency);

// True for routes 4-7, the ones that lead to a running plan. Routes 1-3 never do.
bool LeadsToPlan(Route route);

// Which sentence explains a reason: the rule behind it and, where a rule has several
// sentences, which answer or case it is about. The words are content (DESIGN 5): the
// content's "reasons" holds a template for each kind, by ReasonKindId.
enum class ReasonKind {
  kEmergencySign,        // an emergency sign answered yes
  kUnsureEmergencySign,  // an emergency sign answered not sure
  kWarningSign,          // a route-2 sign answered yes
  kUnsureWarningSign,    // a route-2 sign answered not sure
  kConstantPain,
  kMidOrUpperBack,       // 2.1a: pain in the middle or upper back
  kFirstEpisodeOver50,   // 2.1a: a first episode of back pain at 50 or over
  kLegBelowKnee,
  kNumbnessOrTingling,
  kSeverePain,
  kTooYoung,
  kLocationOther,      // 2.1a: pain somewhere other than the back or buttock
  kNotImproving,       // 2.1a: more than 12 weeks and not getting better
  kBoneStressHop,      // 2.1a: hopping brings the pain on
  kBoneStressRisk,     // 2.1a: a risk of bone stress, with hop pain or a recent increase
  kReturningRanBefore,    // returning runner: months of running before the break
  kReturningBreak,        // ... the break
  kReturningBackFor,      // ... months since return, more than 0
  kReturningJustStarted,  // ... months since return, 0
  kNewRunner,
  kSeasoned,
  kRehabSessions,     // treatment has not helped: the sessions had
  kRehabNotHelped,    // ... and that it has not helped
  kTreatmentNone,     // treatment first: no session yet
  kTreatmentSome,     // ... fewer sessions than a series
  kTreatmentHelping,  // ... a series that is helping
  kTreatmentUnclear,  // ... a series, not known whether it helps
};

inline constexpr std::array<ReasonKind, 27> kAllReasonKinds = {
    ReasonKind::kEmergencySign,
    ReasonKind::kUnsureEmergencySign,
    ReasonKind::kWarningSign,
    ReasonKind::kUnsureWarningSign,
    ReasonKind::kConstantPain,
    ReasonKind::kMidOrUpperBack,
    ReasonKind::kFirstEpisodeOver50,
    ReasonKind::kLegBelowKnee,
    ReasonKind::kNumbnessOrTingling,
    ReasonKind::kSeverePain,
    ReasonKind::kTooYoung,
    ReasonKind::kLocationOther,
    ReasonKind::kNotImproving,
    ReasonKind::kBoneStressHop,
    ReasonKind::kBoneStressRisk,
    ReasonKind::kReturningRanBefore,
    ReasonKind::kReturningBreak,
    ReasonKind::kReturningBackFor,
    ReasonKind::kReturningJustStarted,
    ReasonKind::kNewRunner,
    ReasonKind::kSeasoned,
    ReasonKind::kRehabSessions,
    ReasonKind::kRehabNotHelped,
    ReasonKind::kTreatmentNone,
    ReasonKind::kTreatmentSome,
    ReasonKind::kTreatmentHelping,
    ReasonKind::kTreatmentUnclear,
};

// The id of the content template for `kind`: the rule's id, then for a rule with several
// sentences a dot and the case ("severe_pain", "returning_runner.break_months").
std::string_view ReasonKindId(ReasonKind kind);

// The stable id of the rule behind `kind`, as in the JSON ("returning_runner"): its
// template id up to the dot.
std::string_view ReasonRuleId(ReasonKind kind);

// One reason behind a route, as facts: which answer, compared with which threshold, under
// which rule. No words: the fronts fill the content's template for `kind` with these.
struct Reason {
  ReasonKind kind = ReasonKind::kConstantPain;
  std::string field;      // the answer's field path, e.g. "pain.worst"
  std::string answer;     // the answer as the JSON gives it: "9", "2.5", "unsure"
  std::string threshold;  // the rule's condition on that field, e.g. "≥ 8"
  // The condition's number, from thresholds.h: 8.
  std::optional<int> limit = std::nullopt;
  // The warning sign, for the four warning-sign kinds.
  std::optional<RedFlag> sign = std::nullopt;
};

struct Triage {
  Route route = Route::kSeasonedTreatment;
  // Every warning sign answered yes or not sure, in questionnaire order (not only the one
  // that decided).
  std::vector<RedFlag> red_flags;
  // Those of red_flags answered "not sure".
  std::vector<RedFlag> unsure_flags;
  // Set for routes 1 and 2, and for route 3 when bone stress is suspected (kWeek).
  std::optional<Urgency> urgency;
  std::vector<Reason> reasons;
  std::vector<Notice> notices;

  bool IsUnsure(RedFlag flag) const;
};

// Returns the route for `answers`. Pure and total: valid answers always give a route.
Triage TriageAnswers(const Answers& answers);

// What else is known when only the warning signs decide: the answers that set route 2's
// urgency (DESIGN 2.1a) or add a route-2 reason. The questionnaire asks where the pain is,
// when it hurts and whether it is improving before the route-2 signs, so a stop at a sign
// knows them; answers read only for their signs may not.
struct ScreenContext {
  std::optional<PainLocation> location = std::nullopt;
  std::optional<PainTiming> timing = std::nullopt;
  std::optional<Improving> improving = std::nullopt;
  std::optional<int> age = std::nullopt;
  std::optional<bool> first_episode = std::nullopt;
};

// The route the warning signs alone decide (route 1 or 2), for answers that could not be
// read whole (a red flag is read first, DESIGN 2) or a questionnaire stopped at a sign.
// `context` adds what is known: an unknown answer neither raises the urgency nor adds a
// reason. Returns nullopt when no sign is answered yes or not sure.
std::optional<Triage> TriageRedFlags(const RedFlagAnswers& flags,
                                     const ScreenContext& context = {});

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_TRIAGE_H_
