#include "core/advice.h"

namespace backstride {
namespace {

constexpr std::array<std::string_view, kAdviceCount> kAdviceNames = {
    "why_new",
    "why_returning",
    "why_seasoned",
    "shorten_runs",
    "strength_squat_deadlift",
    "sprint_training",
    "rebuild_gradually",
    "seek_treatment",
    "maintenance_treatment",
    "rest_or_reduce",
    "rehab_anterior_posterior",
    "return_short_fast",
    "treatment_with_rehab",
    "drop_back_load",
};
static_assert(static_cast<std::size_t>(AdviceId::kDropBackLoad) + 1 == kAdviceCount);

using A = AdviceId;

// The article's tips for each situation, explanation first.
constexpr std::array kNewRunner = {A::kWhyNew, A::kShortenRuns, A::kStrengthSquatDeadlift,
                                   A::kSprintTraining};
constexpr std::array kReturningRunner = {A::kWhyReturning, A::kRebuildGradually, A::kShortenRuns,
                                         A::kStrengthSquatDeadlift, A::kSprintTraining};
constexpr std::array kSeasonedTreatment = {A::kWhySeasoned, A::kRestOrReduce, A::kSeekTreatment,
                                           A::kMaintenanceTreatment};
constexpr std::array kSeasonedRehab = {
    A::kWhySeasoned,     A::kRestOrReduce,   A::kRehabAnteriorPosterior,
    A::kReturnShortFast, A::kSprintTraining, A::kTreatmentWithRehab};
// Route 3 gets general advice only: ease the load while waiting to be assessed.
constexpr std::array kSeeClinician = {A::kRestOrReduce};

}  // namespace

std::string_view AdviceIdName(AdviceId id) { return kAdviceNames[static_cast<std::size_t>(id)]; }

std::optional<AdviceId> AdviceIdFromName(std::string_view name) {
  for (AdviceId id : kAllAdvice) {
    if (AdviceIdName(id) == name) return id;
  }
  return std::nullopt;
}

std::vector<AdviceId> AdviceForAnswers(const Triage& triage, const Answers& answers) {
  const auto items = AdviceFor(triage.route);
  std::vector<AdviceId> out;
  for (AdviceId id : items) {
    if (id == AdviceId::kRestOrReduce && triage.urgency == Urgency::kWeek) continue;
    out.push_back(id);
  }
  if (LeadsToPlan(triage.route) && answers.history.recent_increase == true) {
    out.push_back(AdviceId::kDropBackLoad);
  }
  return out;
}

std::span<const AdviceId> AdviceFor(Route route) {
  switch (route) {
    case Route::kEmergency:
    case Route::kSeeDoctor:
      return {};
    case Route::kSeeClinician:
      return kSeeClinician;
    case Route::kReturningRunner:
      return kReturningRunner;
    case Route::kNewRunner:
      return kNewRunner;
    case Route::kSeasonedRehab:
      return kSeasonedRehab;
    case Route::kSeasonedTreatment:
      return kSeasonedTreatment;
  }
  return {};
}

std::optional<std::string_view> SafetyTextFor(Route route) {
  switch (route) {
    case Route::kEmergency:
      return "emergency";
    case Route::kSeeDoctor:
      return "see_doctor";
    case Route::kSeeClinician:
      return "see_clinician";
    default:
      return std::nullopt;
  }
}

}  // namespace backstride
