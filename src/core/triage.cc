#include "core/triage.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "base/enum_ids.h"
#include "core/thresholds.h"

namespace backstride {
namespace {

using namespace thresholds;

constexpr std::array<Named<Route>, 7> kRouteIds = {{
    {Route::kEmergency, "emergency"},
    {Route::kSeeDoctor, "see_doctor"},
    {Route::kSeeClinician, "see_clinician"},
    {Route::kReturningRunner, "returning_runner"},
    {Route::kNewRunner, "new_runner"},
    {Route::kSeasonedRehab, "seasoned_rehab"},
    {Route::kSeasonedTreatment, "seasoned_treatment"},
}};
static_assert(InEnumOrder(kRouteIds) && kRouteIds.size() == kAllRoutes.size());

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

constexpr std::array<std::string_view, kAllReasonKinds.size()> kReasonKindIds = {
    "emergency_sign",
    "unsure_emergency_sign",
    "warning_sign",
    "unsure_warning_sign",
    "constant_pain",
    "mid_upper_back",
    "first_episode_50",
    "leg_below_knee",
    "numbness_or_tingling",
    "severe_pain",
    "under_16",
    "location_other",
    "not_improving",
    "bone_stress.hop_pain",
    "bone_stress.risk",
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

constexpr std::array<std::string_view, 4> kUrgencyIds = {"now", "today", "soon", "week"};
static_assert(static_cast<std::size_t>(Urgency::kWeek) + 1 == kUrgencyIds.size());

constexpr std::array<std::string_view, kAllNotices.size()> kNoticeIds = {"inflammatory_back_pain",
                                                                         "answers_first_version"};
static_assert(static_cast<std::size_t>(Notice::kFirstFormat) + 1 == kNoticeIds.size());

bool IsMidOrUpperBack(std::optional<PainLocation> location) {
  return location == PainLocation::kMidBack || location == PainLocation::kUpperBack;
}

// How soon a doctor should see route 2's reasons (DESIGN 2.1a). Same day: a fever, chills
// or night sweats (spinal infection, IFOMPT 2020); an emergency sign the runner was not
// sure about; a history of cancer with pain in the thoracic spine, night pain, pain getting
// worse or weight loss (NICE NG234: suspected spinal metastases); a risk of infection with
// a fever or constant pain. Everything else within days, running paused.
Urgency DoctorUrgency(const RedFlagAnswers& flags, const ScreenContext& context) {
  const auto set = [&](RedFlag flag) {
    return flags[static_cast<std::size_t>(flag)] != FlagAnswer::kNo;
  };
  for (RedFlag flag : kAllRedFlags) {
    if (IsEmergencyFlag(flag) && set(flag)) return Urgency::kToday;  // unsure: yes went to route 1
  }
  if (set(RedFlag::kFeverOrUnwell)) return Urgency::kToday;
  if (set(RedFlag::kCancerHistory) &&
      (IsMidOrUpperBack(context.location) || set(RedFlag::kNightPainNoRelief) ||
       set(RedFlag::kUnexplainedWeightLoss) || context.improving == Improving::kWorse)) {
    return Urgency::kToday;
  }
  if (set(RedFlag::kInfectionRisk) && context.timing == PainTiming::kConstant) {
    return Urgency::kToday;  // with a fever it is today already
  }
  return Urgency::kSoon;
}

Reason ConstantPainReason() {
  return Said(ReasonKind::kConstantPain, "pain.timing", "constant", "constant");
}

// Lists every sign answered yes or not sure in `result`, and decides route 1: fills
// `result` and returns true when an emergency sign is answered yes.
bool DecideEmergency(const RedFlagAnswers& flags, Triage& result) {
  for (RedFlag flag : kAllRedFlags) {
    const FlagAnswer answer = flags[static_cast<std::size_t>(flag)];
    if (answer == FlagAnswer::kNo) continue;
    result.red_flags.push_back(flag);
    if (answer == FlagAnswer::kUnsure) result.unsure_flags.push_back(flag);
  }
  // Route 1: emergency signs (IFOMPT 2020: cauda equina syndrome with its sexual and
  // two-legged signs, progressive deficit, an abdominal aortic aneurysm, major trauma).
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
  return false;
}

// Route 2 (DESIGN 2.1, 2.1a): signs of possible serious disease (IFOMPT 2020: fracture,
// malignancy, infection), emergency signs the runner was not sure about, and the answers
// that are warning signs in themselves: constant pain, pain in the middle or upper back
// (thoracic pain, IFOMPT 2020), a first episode at 50 or over. An unsure emergency sign
// is not a "yes", but cannot wait for days: a doctor checks it the same day. Any other
// sign answered "not sure" is read as the sign itself: the cautious reading, since the
// program never assumes a warning sign away. Fills `result` and returns true when one
// applies; the caller has run DecideEmergency.
bool DecideDoctor(const RedFlagAnswers& flags, const ScreenContext& context, Triage& result) {
  std::vector<Reason> doctor;
  for (RedFlag flag : result.red_flags) {
    if (IsEmergencyFlag(flag)) {
      doctor.push_back(Sign(ReasonKind::kUnsureEmergencySign, flag, "unsure"));
    } else {
      doctor.push_back(result.IsUnsure(flag) ? Sign(ReasonKind::kUnsureWarningSign, flag, "unsure")
                                             : Sign(ReasonKind::kWarningSign, flag, "yes"));
    }
  }
  if (context.timing == PainTiming::kConstant) doctor.push_back(ConstantPainReason());
  if (IsMidOrUpperBack(context.location)) {
    const std::string location(PainLocationId(*context.location));
    doctor.push_back(Said(ReasonKind::kMidOrUpperBack, "pain.location", location, location));
  }
  if (context.first_episode == true && context.age && *context.age >= kFirstEpisodeMinAge) {
    doctor.push_back(AtLeast(ReasonKind::kFirstEpisodeOver50, "age", std::to_string(*context.age),
                             kFirstEpisodeMinAge));
  }
  if (doctor.empty()) return false;
  result.route = Route::kSeeDoctor;
  result.urgency = DoctorUrgency(flags, context);
  result.reasons = std::move(doctor);
  return true;
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

std::string_view NoticeId(Notice notice) { return kNoticeIds[static_cast<std::size_t>(notice)]; }

std::optional<Triage> TriageRedFlags(const RedFlagAnswers& flags, const ScreenContext& context) {
  Triage result;
  if (!AnyRedFlagSet(flags)) return std::nullopt;
  if (DecideEmergency(flags, result)) return result;
  DecideDoctor(flags, context, result);
  return result;
}

std::string_view RouteId(Route route) { return IdOf(kRouteIds, route); }

std::optional<Route> RouteFromId(std::string_view id) { return FromId(kRouteIds, id); }

bool LeadsToPlan(Route route) {
  return route == Route::kReturningRunner || route == Route::kNewRunner ||
         route == Route::kSeasonedRehab || route == Route::kSeasonedTreatment;
}

namespace {

// The notices for answers that reached `route` (DESIGN 2.1a). Inflammatory back pain
// (NICE NG65 1.1.1): pain for 13 weeks or more, begun before 45, with 4 or more of the
// features; it does not stop running. Not on the emergency route, where only the
// emergency counts.
std::vector<Notice> NoticesFor(const Answers& answers, Route route) {
  std::vector<Notice> notices;
  if (route == Route::kEmergency) return notices;
  if (answers.inflammatory && answers.pain.weeks >= kInflammatoryMinWeeks) {
    const double onset_age = answers.age - static_cast<double>(answers.pain.weeks) / kWeeksPerYear;
    const auto features = static_cast<int>(
        std::count(answers.inflammatory->begin(), answers.inflammatory->end(), true));
    if (onset_age < kInflammatoryOnsetBeforeAge && features >= kInflammatoryMinFeatures) {
      notices.push_back(Notice::kInflammatoryBackPain);
    }
  }
  if (answers.format == AnswersFormat::kFirst) notices.push_back(Notice::kFirstFormat);
  return notices;
}

Triage TriageWhole(const Answers& answers) {
  Triage result;
  if (DecideEmergency(answers.red_flags, result)) return result;
  const ScreenContext context{.location = answers.pain.location,
                              .timing = answers.pain.timing,
                              .improving = answers.pain.improving,
                              .age = answers.age,
                              .first_episode = answers.pain.first_episode};
  if (DecideDoctor(answers.red_flags, context, result)) return result;

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
  // DESIGN 2.1a: pain elsewhere than the back or buttock is outside what the plans are for.
  if (pain.location == PainLocation::kOther) {
    reasons.push_back(Said(ReasonKind::kLocationOther, "pain.location", "other", "other"));
  }
  // Persistent pain (NICE NG59: more than 12 weeks) that is not getting better.
  if (pain.weeks > kPersistentPainWeeks && pain.improving &&
      *pain.improving != Improving::kBetter) {
    Reason reason = Said(ReasonKind::kNotImproving, "pain.weeks", std::to_string(pain.weeks),
                         "> " + std::to_string(kPersistentPainWeeks));
    reason.limit = kPersistentPainWeeks;
    reasons.push_back(std::move(reason));
  }
  // Bone stress (DESIGN 2.1a): pain on hopping, or a risk of it (low energy, missed
  // periods, an earlier stress fracture) together with hop pain or a recent jump in
  // training. "Not sure" counts as yes. A risk alone is no sign of a present injury.
  bool bone_stress = false;
  if (answers.bone_stress) {
    const BoneStress& bone = *answers.bone_stress;
    const bool hop = bone.hop_pain != FlagAnswer::kNo;
    const bool risk = bone.risk != FlagAnswer::kNo;
    const auto text = [](FlagAnswer a) { return a == FlagAnswer::kUnsure ? "unsure" : "yes"; };
    if (hop) {
      reasons.push_back(
          Said(ReasonKind::kBoneStressHop, "bone_stress.hop_pain", text(bone.hop_pain), "yes"));
    }
    if (risk && (hop || answers.history.recent_increase == true)) {
      reasons.push_back(
          Said(ReasonKind::kBoneStressRisk, "bone_stress.risk", text(bone.risk), "yes"));
    }
    bone_stress = hop || (risk && answers.history.recent_increase == true);
  }
  if (!reasons.empty()) {
    result.route = Route::kSeeClinician;
    if (bone_stress) result.urgency = Urgency::kWeek;
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

}  // namespace

Triage TriageAnswers(const Answers& answers) {
  Triage result = TriageWhole(answers);
  result.notices = NoticesFor(answers, result.route);
  return result;
}

}  // namespace backstride
