#include "core/triage.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "core/thresholds.h"

namespace backstride {
namespace {

using namespace thresholds;

constexpr std::array<std::string_view, 7> kRouteIds = {
    "emergency",  "see_doctor",     "see_clinician",      "returning_runner",
    "new_runner", "seasoned_rehab", "seasoned_treatment",
};
static_assert(kRouteIds.size() == kAllRoutes.size());

std::string Ge(int value) { return "≥ " + std::to_string(value); }
std::string Lt(int value) { return "< " + std::to_string(value); }

// A number of months as people write it: "30", "1.5" (one decimal at most).
std::string MonthsText(double months) {
  const double tenths = std::round(months * 10) / 10;
  char buffer[32];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, tenths, std::chars_format::fixed,
                    tenths == std::floor(tenths) ? 0 : 1);
  if (error != std::errc()) return "0";
  return std::string(buffer, end);
}

// How soon a doctor should see a warning sign on route 2 (DESIGN 2.1). Fever or feeling
// unwell with back pain can mean a spinal infection (IFOMPT 2020), which is seen the same
// day; the other signs within days.
Urgency DoctorUrgency(RedFlag flag) {
  return flag == RedFlag::kFeverOrUnwell ? Urgency::kToday : Urgency::kSoon;
}

Urgency MoreUrgent(Urgency a, Urgency b) { return std::min(a, b); }  // kNow first

constexpr std::array<std::string_view, kAllReasonKinds.size()> kReasonKindIds = {
    "emergency_sign",
    "unsure_emergency_sign",
    "warning_sign",
    "unsure_warning_sign",
    "constant_pain",
    "leg_below_knee",
    "numbness_or_tingling",
    "severe_pain",
    "under_16",
    "returning_runner.months_running",
    "returning_runner.break_months",
    "returning_runner.months_since_return",
    "returning_runner.just_started",
    "new_runner",
    "seasoned",
    "treatment_not_helped.sessions",
    "treatment_not_helped.helped",
    "treatment_first.none",
    "treatment_first.some",
    "treatment_first.helping",
    "treatment_first.not_known",
};
static_assert(static_cast<std::size_t>(ReasonKind::kTreatmentUnclear) + 1 == kReasonKindIds.size());

// A reason about an answer that is a choice or a yes/no.
Reason Said(ReasonKind kind, std::string field, std::string answer, std::string threshold) {
  return {.kind = kind,
          .field = std::move(field),
          .answer = std::move(answer),
          .threshold = std::move(threshold)};
}

// A reason about a number compared with a threshold: answer ≥ limit, or answer < limit.
Reason AtLeast(ReasonKind kind, std::string field, std::string answer, int limit) {
  return {.kind = kind,
          .field = std::move(field),
          .answer = std::move(answer),
          .threshold = Ge(limit),
          .limit = limit};
}
Reason Below(ReasonKind kind, std::string field, std::string answer, int limit) {
  return {.kind = kind,
          .field = std::move(field),
          .answer = std::move(answer),
          .threshold = Lt(limit),
          .limit = limit};
}

Reason Sign(ReasonKind kind, RedFlag flag, std::string_view answer) {
  Reason reason = Said(kind, "red_flags." + std::string(RedFlagId(flag)), std::string(answer),
                       std::string(answer));
  reason.sign = flag;
  return reason;
}

std::string YesNo(bool value) { return value ? "yes" : "no"; }

constexpr std::array<std::string_view, 3> kUrgencyIds = {"now", "today", "soon"};
static_assert(static_cast<std::size_t>(Urgency::kSoon) + 1 == kUrgencyIds.size());

// Routes 1 and 2 as the warning signs decide them: fills `result` and returns true when a
// sign is answered yes or not sure. Route 2's constant-pain rule is the caller's.
bool DecideByRedFlags(const RedFlagAnswers& flags, Triage& result) {
  for (RedFlag flag : kAllRedFlags) {
    const FlagAnswer answer = flags[static_cast<std::size_t>(flag)];
    if (answer == FlagAnswer::kNo) continue;
    result.red_flags.push_back(flag);
    if (answer == FlagAnswer::kUnsure) result.unsure_flags.push_back(flag);
  }
  if (result.red_flags.empty()) return false;

  // Route 1: emergency signs (IFOMPT 2020: cauda equina syndrome, progressive deficit).
  std::vector<Reason> emergency;
  for (RedFlag flag : result.red_flags) {
    if (!IsEmergencyFlag(flag) || result.IsUnsure(flag)) continue;
    emergency.push_back(Sign(ReasonKind::kEmergencySign, flag, "yes"));
  }
  if (!emergency.empty()) {
    result.route = Route::kEmergency;
    result.urgency = Urgency::kNow;
    result.reasons = std::move(emergency);
    return true;
  }

  // Route 2: signs of possible serious disease (IFOMPT 2020: fracture, malignancy,
  // infection), and emergency signs the runner was not sure about. An unsure emergency
  // sign cannot wait for days, but "not sure" is not a "yes" either: a doctor checks it
  // the same day (DESIGN 2.1). Any other sign answered "not sure" is read as the sign
  // itself, with its own urgency: the cautious reading, since the program never assumes
  // a warning sign away.
  std::vector<Reason> doctor;
  Urgency urgency = Urgency::kSoon;
  for (RedFlag flag : result.red_flags) {
    const bool unsure = result.IsUnsure(flag);
    if (IsEmergencyFlag(flag)) {
      doctor.push_back(Sign(ReasonKind::kUnsureEmergencySign, flag, "unsure"));
      urgency = MoreUrgent(urgency, Urgency::kToday);
      continue;
    }
    urgency = MoreUrgent(urgency, DoctorUrgency(flag));
    doctor.push_back(unsure ? Sign(ReasonKind::kUnsureWarningSign, flag, "unsure")
                            : Sign(ReasonKind::kWarningSign, flag, "yes"));
  }
  result.route = Route::kSeeDoctor;
  result.urgency = urgency;
  result.reasons = std::move(doctor);
  return true;
}

Reason ConstantPainReason() {
  return Said(ReasonKind::kConstantPain, "pain.timing", "constant", "constant");
}

}  // namespace

std::string_view ReasonKindId(ReasonKind kind) {
  return kReasonKindIds[static_cast<std::size_t>(kind)];
}

std::string_view ReasonRuleId(ReasonKind kind) {
  const std::string_view id = ReasonKindId(kind);
  return id.substr(0, id.find('.'));
}

std::string_view UrgencyId(Urgency urgency) {
  return kUrgencyIds[static_cast<std::size_t>(urgency)];
}

bool Triage::IsUnsure(RedFlag flag) const {
  return std::find(unsure_flags.begin(), unsure_flags.end(), flag) != unsure_flags.end();
}

std::optional<Triage> TriageRedFlags(const RedFlagAnswers& flags) {
  Triage result;
  if (!DecideByRedFlags(flags, result)) return std::nullopt;
  return result;
}

std::string_view RouteId(Route route) { return kRouteIds[static_cast<std::size_t>(route)]; }

std::optional<Route> RouteFromId(std::string_view id) {
  for (Route route : kAllRoutes) {
    if (RouteId(route) == id) return route;
  }
  return std::nullopt;
}

bool LeadsToPlan(Route route) {
  return route == Route::kReturningRunner || route == Route::kNewRunner ||
         route == Route::kSeasonedRehab || route == Route::kSeasonedTreatment;
}

Triage TriageAnswers(const Answers& answers) {
  Triage result;
  if (DecideByRedFlags(answers.red_flags, result)) {
    if (result.route == Route::kSeeDoctor && answers.pain.timing == PainTiming::kConstant) {
      result.reasons.push_back(ConstantPainReason());
    }
    return result;
  }

  // Route 2 without a warning sign: pain that does not ease at rest.
  if (answers.pain.timing == PainTiming::kConstant) {
    result.route = Route::kSeeDoctor;
    result.urgency = Urgency::kSoon;
    result.reasons.push_back(ConstantPainReason());
    return result;
  }

  // Route 3: needs a hands-on assessment before a self-guided plan.
  std::vector<Reason> reasons;
  const Pain& pain = answers.pain;
  if (pain.leg_symptoms == LegSymptoms::kBelowKnee) {
    reasons.push_back(
        Said(ReasonKind::kLegBelowKnee, "pain.leg_symptoms", "below_knee", "below_knee"));
  }
  if (pain.numbness_or_tingling) {
    reasons.push_back(
        Said(ReasonKind::kNumbnessOrTingling, "pain.numbness_or_tingling", "yes", "yes"));
  }
  if (pain.worst >= kSeverePainScore) {
    reasons.push_back(AtLeast(ReasonKind::kSeverePain, "pain.worst", std::to_string(pain.worst),
                              kSeverePainScore));
  }
  if (answers.age < kMinSelfGuidedAge) {
    reasons.push_back(
        Below(ReasonKind::kTooYoung, "age", std::to_string(answers.age), kMinSelfGuidedAge));
  }
  if (!reasons.empty()) {
    result.route = Route::kSeeClinician;
    result.reasons = std::move(reasons);
    return result;
  }

  const History& history = answers.history;
  const std::string months_running = MonthsText(history.months_running);
  // Route 4: the article's second situation, returning after a long break.
  if (history.months_running >= kReturningMinMonthsRunning &&
      history.break_months >= kReturningMinBreakMonths &&
      history.months_since_return < kReturningMaxMonthsSinceReturn) {
    reasons.push_back(AtLeast(ReasonKind::kReturningRanBefore, "history.months_running",
                              months_running, kReturningMinMonthsRunning));
    reasons.push_back(AtLeast(ReasonKind::kReturningBreak, "history.break_months",
                              MonthsText(history.break_months), kReturningMinBreakMonths));
    const std::string back_for = MonthsText(history.months_since_return);
    reasons.push_back(
        Below(back_for == "0" ? ReasonKind::kReturningJustStarted : ReasonKind::kReturningBackFor,
              "history.months_since_return", back_for, kReturningMaxMonthsSinceReturn));
    result.route = Route::kReturningRunner;
    result.reasons = std::move(reasons);
    return result;
  }

  // Route 5: the article's first situation, new to running.
  if (history.months_running < kSeasonedMinMonthsRunning) {
    reasons.push_back(Below(ReasonKind::kNewRunner, "history.months_running", months_running,
                            kSeasonedMinMonthsRunning));
    result.route = Route::kNewRunner;
    result.reasons = std::move(reasons);
    return result;
  }

  reasons.push_back(AtLeast(ReasonKind::kSeasoned, "history.months_running", months_running,
                            kSeasonedMinMonthsRunning));
  const std::string sessions = std::to_string(pain.treatment_sessions);

  // Route 6: seasoned, and a series of treatments has not helped.
  if (pain.treatment_sessions >= kTreatmentSessionsBeforeRehab && pain.treatment_helped == false) {
    reasons.push_back(AtLeast(ReasonKind::kRehabSessions, "pain.treatment_sessions", sessions,
                              kTreatmentSessionsBeforeRehab));
    reasons.push_back(Said(ReasonKind::kRehabNotHelped, "pain.treatment_helped", "no", "no"));
    result.route = Route::kSeasonedRehab;
    result.reasons = std::move(reasons);
    return result;
  }

  // Route 7: seasoned, treatment first.
  if (pain.treatment_sessions < kTreatmentSessionsBeforeRehab) {
    reasons.push_back(Below(
        pain.treatment_sessions == 0 ? ReasonKind::kTreatmentNone : ReasonKind::kTreatmentSome,
        "pain.treatment_sessions", sessions, kTreatmentSessionsBeforeRehab));
  } else {
    reasons.push_back(Said(pain.treatment_helped == true ? ReasonKind::kTreatmentHelping
                                                         : ReasonKind::kTreatmentUnclear,
                           "pain.treatment_helped",
                           pain.treatment_helped ? YesNo(*pain.treatment_helped) : "not known",
                           "not no"));
  }
  result.route = Route::kSeasonedTreatment;
  result.reasons = std::move(reasons);
  return result;
}

}  // namespace backstride
