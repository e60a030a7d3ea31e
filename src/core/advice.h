// Advice selection: which advice items, and which safety text, each route gets
// (DESIGN 2.2). The words themselves live in src/content; here are only the stable ids.
#ifndef BACKSTRIDE_CORE_ADVICE_H_
#define BACKSTRIDE_CORE_ADVICE_H_

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/triage.h"

namespace backstride {

enum class AdviceId {
  kWhyNew,
  kWhyReturning,
  kWhySeasoned,
  kShortenRuns,
  kStrengthSquatDeadlift,
  kSprintTraining,
  kRebuildGradually,
  kSeekTreatment,
  kMaintenanceTreatment,
  kRestOrReduce,
  kRehabAnteriorPosterior,
  kReturnShortFast,
  // Not in the article's list: on the rehab route, treatment becomes part of the programme
  // rather than a repeat of the series that did not help (DESIGN 3.1a).
  kTreatmentWithRehab,
  // DESIGN 2.1a: after a recent jump in training, drop back to the earlier load. Given
  // by AdviceForAnswers, not by a route.
  kDropBackLoad,
};
inline constexpr std::size_t kAdviceCount = 14;

inline constexpr std::array<AdviceId, kAdviceCount> kAllAdvice = {
    AdviceId::kWhyNew,           AdviceId::kWhyReturning,           AdviceId::kWhySeasoned,
    AdviceId::kShortenRuns,      AdviceId::kStrengthSquatDeadlift,  AdviceId::kSprintTraining,
    AdviceId::kRebuildGradually, AdviceId::kSeekTreatment,          AdviceId::kMaintenanceTreatment,
    AdviceId::kRestOrReduce,     AdviceId::kRehabAnteriorPosterior, AdviceId::kReturnShortFast,
    AdviceId::kTreatmentWithRehab, AdviceId::kDropBackLoad,
};

// Stable id as in DESIGN 2.2 ("strength_squat_deadlift").
std::string_view AdviceIdName(AdviceId id);
std::optional<AdviceId> AdviceIdFromName(std::string_view name);

// The advice items for `route`, in the order they should be read.
std::span<const AdviceId> AdviceFor(Route route);

// The advice items for these answers and their triage: the route's, then after a recent
// increase in training on a route that leads to a plan, kDropBackLoad (DESIGN 2.1a). With
// suspected bone stress (urgency kWeek) running stops until a sports physiotherapist has
// seen it, so kRestOrReduce (which allows easier running) is left out.
std::vector<AdviceId> AdviceForAnswers(const Triage& triage, const Answers& answers);

// The id of the safety text for routes 1-3 ("emergency", "see_doctor",
// "see_clinician"); nullopt for the routes that lead to a plan.
std::optional<std::string_view> SafetyTextFor(Route route);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_ADVICE_H_
