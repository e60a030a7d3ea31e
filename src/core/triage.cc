#include "core/triage.h"

#include <algorithm>
#include <cctype>
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

// What each warning sign can point to, in a few words, for the reasons.
std::string_view FlagMeaning(RedFlag flag) {
  switch (flag) {
    case RedFlag::kSaddleNumbness:
      return "numbness between the legs or around the bottom can mean pressure on the nerves "
             "at the base of the spine";
    case RedFlag::kBladderOrBowelChange:
      return "a change in bladder or bowel control can mean pressure on the nerves at the base "
             "of the spine";
    case RedFlag::kLegWeaknessWorsening:
      return "leg weakness that is getting worse can mean a nerve is being compressed";
    case RedFlag::kFeverOrUnwell:
      return "fever or feeling generally unwell with back pain can be a sign of infection";
    case RedFlag::kCancerHistory:
      return "back pain after a history of cancer should be checked by a doctor";
    case RedFlag::kUnexplainedWeightLoss:
      return "weight loss without a reason should be checked by a doctor";
    case RedFlag::kRecentFallOrImpact:
      return "a fall or a blow can injure the spine, even when it seems minor";
    case RedFlag::kNightPainNoRelief:
      return "pain at night that nothing eases is not typical of a strained back";
    case RedFlag::kOsteoporosisOrSteroids:
      return "osteoporosis or long use of steroids makes the bones of the spine easier to break";
  }
  return "";
}

// The sentence's first letter in upper case.
std::string Capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

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

// "month" or "months" after a number of months.
std::string MonthsWord(double months) {
  return MonthsText(months) + (MonthsText(months) == "1" ? " month" : " months");
}

// How soon a doctor should see a warning sign on route 2 (DESIGN 2.1). Fever or feeling
// unwell with back pain can mean a spinal infection (IFOMPT 2020), which is seen the same
// day; the other signs within days.
Urgency DoctorUrgency(RedFlag flag) {
  return flag == RedFlag::kFeverOrUnwell ? Urgency::kToday : Urgency::kSoon;
}

Urgency MoreUrgent(Urgency a, Urgency b) { return std::min(a, b); }  // kNow first

class ReasonList {
 public:
  void Add(std::string rule, std::string field, std::string answer, std::string threshold,
           std::string text) {
    reasons_.push_back({std::move(rule), std::move(field), std::move(answer), std::move(threshold),
                        std::move(text)});
  }
  std::vector<Reason> Take() { return std::move(reasons_); }
  bool empty() const { return reasons_.empty(); }

 private:
  std::vector<Reason> reasons_;
};

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
  const auto field = [](RedFlag flag) { return "red_flags." + std::string(RedFlagId(flag)); };

  // Route 1: emergency signs (IFOMPT 2020: cauda equina syndrome, progressive deficit).
  ReasonList emergency;
  for (RedFlag flag : result.red_flags) {
    if (!IsEmergencyFlag(flag) || result.IsUnsure(flag)) continue;
    emergency.Add("emergency_sign", field(flag), "yes", "yes",
                  Capitalized(FlagMeaning(flag)) + ": this needs emergency care now.");
  }
  if (!emergency.empty()) {
    result.route = Route::kEmergency;
    result.urgency = Urgency::kNow;
    result.reasons = emergency.Take();
    return true;
  }

  // Route 2: signs of possible serious disease (IFOMPT 2020: fracture, malignancy,
  // infection), and emergency signs the runner was not sure about. An unsure emergency
  // sign cannot wait for days, but "not sure" is not a "yes" either: a doctor checks it
  // the same day (DESIGN 2.1). Any other sign answered "not sure" is read as the sign
  // itself, with its own urgency: the cautious reading, since the program never assumes
  // a warning sign away.
  ReasonList doctor;
  Urgency urgency = Urgency::kSoon;
  for (RedFlag flag : result.red_flags) {
    const bool unsure = result.IsUnsure(flag);
    if (IsEmergencyFlag(flag)) {
      doctor.Add("unsure_emergency_sign", field(flag), "unsure", "unsure",
                 "You were not sure about this sign: " + std::string(FlagMeaning(flag)) +
                     ". A doctor should check it today.");
      urgency = MoreUrgent(urgency, Urgency::kToday);
      continue;
    }
    urgency = MoreUrgent(urgency, DoctorUrgency(flag));
    if (unsure) {
      doctor.Add("unsure_warning_sign", field(flag), "unsure", "unsure",
                 "You were not sure about this sign, so it is read as present: " +
                     std::string(FlagMeaning(flag)) + ".");
    } else {
      doctor.Add("warning_sign", field(flag), "yes", "yes", Capitalized(FlagMeaning(flag)) + ".");
    }
  }
  result.route = Route::kSeeDoctor;
  result.urgency = urgency;
  result.reasons = doctor.Take();
  return true;
}

Reason ConstantPainReason() {
  return {"constant_pain", "pain.timing", "constant", "constant",
          "Pain that is there all the time, at rest too, is not tied to running and should be "
          "checked by a doctor."};
}

}  // namespace

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
  ReasonList clinician;
  const Pain& pain = answers.pain;
  if (pain.leg_symptoms == LegSymptoms::kBelowKnee) {
    clinician.Add("leg_below_knee", "pain.leg_symptoms", "below_knee", "below_knee",
                  "Pain spreading below the knee suggests an irritated nerve root; a "
                  "physiotherapist or doctor should examine it.");
  }
  if (pain.numbness_or_tingling) {
    clinician.Add("numbness_or_tingling", "pain.numbness_or_tingling", "yes", "yes",
                  "Numbness or tingling suggests a nerve is involved; have it examined first.");
  }
  if (pain.worst >= kSeverePainScore) {
    clinician.Add("severe_pain", "pain.worst", std::to_string(pain.worst), Ge(kSeverePainScore),
                  "Your worst pain is " + std::to_string(pain.worst) + " out of 10, which is " +
                      "severe (" + std::to_string(kSeverePainScore) +
                      " or more); have it assessed before you train through it.");
  }
  if (answers.age < kMinSelfGuidedAge) {
    clinician.Add("under_16", "age", std::to_string(answers.age), Lt(kMinSelfGuidedAge),
                  "Back pain in runners under " + std::to_string(kMinSelfGuidedAge) +
                      " should be looked at in person; this program is made for adults.");
  }
  if (!clinician.empty()) {
    result.route = Route::kSeeClinician;
    result.reasons = clinician.Take();
    return result;
  }

  const History& history = answers.history;
  ReasonList running;
  // Route 4: the article's second situation, returning after a long break.
  if (history.months_running >= kReturningMinMonthsRunning &&
      history.break_months >= kReturningMinBreakMonths &&
      history.months_since_return < kReturningMaxMonthsSinceReturn) {
    running.Add("returning_runner", "history.months_running", MonthsText(history.months_running),
                Ge(kReturningMinMonthsRunning),
                "You ran regularly for " + MonthsWord(history.months_running) +
                    ", so you have built fitness before.");
    running.Add("returning_runner", "history.break_months", MonthsText(history.break_months),
                Ge(kReturningMinBreakMonths),
                "Your break of " + MonthsWord(history.break_months) +
                    " is long enough for the supporting muscles to lose conditioning.");
    running.Add("returning_runner", "history.months_since_return",
                MonthsText(history.months_since_return), Lt(kReturningMaxMonthsSinceReturn),
                history.months_since_return == 0
                    ? std::string("You are just starting again.")
                    : "You have been back for " + MonthsWord(history.months_since_return) +
                          ", still early in your return.");
    result.route = Route::kReturningRunner;
    result.reasons = running.Take();
    return result;
  }

  // Route 5: the article's first situation, new to running.
  if (history.months_running < kSeasonedMinMonthsRunning) {
    running.Add("new_runner", "history.months_running", MonthsText(history.months_running),
                Lt(kSeasonedMinMonthsRunning),
                "You have run regularly for " + MonthsWord(history.months_running) +
                    ", under a year, so your body is still adapting to running.");
    result.route = Route::kNewRunner;
    result.reasons = running.Take();
    return result;
  }

  running.Add("seasoned", "history.months_running", MonthsText(history.months_running),
              Ge(kSeasonedMinMonthsRunning),
              "You have run regularly for " + MonthsWord(history.months_running) +
                  ", so you are an experienced runner with new back pain.");

  // Route 6: seasoned, and a series of treatments has not helped.
  if (pain.treatment_sessions >= kTreatmentSessionsBeforeRehab && pain.treatment_helped == false) {
    running.Add("treatment_not_helped", "pain.treatment_sessions",
                std::to_string(pain.treatment_sessions), Ge(kTreatmentSessionsBeforeRehab),
                "You have had " + std::to_string(pain.treatment_sessions) +
                    " treatment sessions for this pain.");
    running.Add("treatment_not_helped", "pain.treatment_helped", "no", "no",
                "Treatment has not brought relief, so the next step is a rehabilitation "
                "programme rather than more of the same.");
    result.route = Route::kSeasonedRehab;
    result.reasons = running.Take();
    return result;
  }

  // Route 7: seasoned, treatment first.
  if (pain.treatment_sessions < kTreatmentSessionsBeforeRehab) {
    running.Add("treatment_first", "pain.treatment_sessions",
                std::to_string(pain.treatment_sessions), Lt(kTreatmentSessionsBeforeRehab),
                pain.treatment_sessions == 0
                    ? std::string("You have not had treatment for this pain yet; hands-on "
                                  "treatment is the first step.")
                    : "You have had " + std::to_string(pain.treatment_sessions) +
                          " treatment session(s); a series of about " +
                          std::to_string(kTreatmentSessionsBeforeRehab) +
                          " is worth completing first.");
  } else {
    running.Add("treatment_first", "pain.treatment_helped",
                pain.treatment_helped ? YesNo(*pain.treatment_helped) : "not known", "not no",
                pain.treatment_helped == true
                    ? std::string("Treatment has been helping, so keep it going and return to "
                                  "running gradually.")
                    : std::string("It is not yet clear whether treatment has helped; tell us "
                                  "when you know."));
  }
  result.route = Route::kSeasonedTreatment;
  result.reasons = running.Take();
  return result;
}

}  // namespace backstride
