#include "app/explain.h"

#include <cmath>
#include <cstdio>

#include "core/thresholds.h"

namespace backstride {
namespace {

using namespace thresholds;

std::string Num(int value) { return std::to_string(value); }

std::string OneDecimal(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// "1 min 30 s", "2 min".
std::string Minutes(double seconds) {
  const long whole = std::lround(seconds);
  if (whole % 60 == 0) return Num(static_cast<int>(whole / 60)) + " min";
  return Num(static_cast<int>(whole / 60)) + " min " + Num(static_cast<int>(whole % 60)) + " s";
}

std::string Pace(std::optional<double> seconds_per_km, DistanceUnit units) {
  return seconds_per_km ? FormatPace(*seconds_per_km, units) : std::string("-");
}

}  // namespace

std::string Say(std::string_view id, const MessageValues& values) {
  auto content = LoadBuiltinContent();
  if (!content) return "{" + std::string(id) + "}";
  return (*content)->Message(id, values);
}

std::string SayRunBeforePlan(Date run_date, bool has_distance, Date today) {
  const int age = DaysBetween(run_date, today);
  const bool guards = has_distance && age >= 0 && age < kSpikeWindowDays;
  return Say(guards ? "log.run_before_plan_guard" : "log.run_before_plan");
}

std::string Percent(double fraction) {
  return Num(static_cast<int>(std::lround(fraction * 100))) + " %";
}

std::vector<std::string> ExplainDecision(const RunDecision& decision, DistanceUnit units) {
  const CapUnit unit = decision.cap_before.unit;
  MessageValues values = {
      {"cap", FormatCap(decision.cap_before, units)},
      {"cap_before", FormatCap(decision.cap_before, units)},
      {"cap_after", FormatCap(decision.cap_after, units)},
      {"run", FormatCap({unit, decision.measure}, units)},
      {"pain", Num(decision.pain_during)},
      {"morning", decision.pain_next_morning ? Num(*decision.pain_next_morning) : "-"},
      {"baseline", decision.baseline ? Num(*decision.baseline) : "-"},
      {"baseline_source",
       decision.baseline_from == Baseline::kBeforeRun
           ? Say("baseline.before_run")
           : Say(decision.baseline_from == Baseline::kMorningScore ? "baseline.morning"
                                                                   : "baseline.daily",
                 {{"baseline_date",
                   decision.baseline_date ? FormatDate(*decision.baseline_date) : "-"}})},
      {"pace", Pace(decision.pace_s_per_km, units)},
      {"first_pace", Pace(decision.first_pace_s_per_km, units)},
      {"target_pace", Pace(decision.target_pace_s_per_km, units)},
      {"streak", Num(decision.good_streak)},
      {"good_runs", Num(kGoodRunsToProgress)},
      {"plateau_runs", Num(kGoodRunsForPlateau)},
      {"pace_gain", Percent(kPaceGainToProgress)},
      {"hold_from", Num(kGoodMaxPain + 1)},
      {"hold_max", Num(kHoldMaxPain)},
      {"step_back_from", Num(kHoldMaxPain + 1)},
      {"pause_days", Num(kPauseDays)},
      {"paused_until", decision.paused_until ? FormatDate(*decision.paused_until) : "-"},
      {"spike_pct", Percent(kSpikeFraction)},
      {"spike_days", Num(kSpikeWindowDays)},
      {"longest",
       decision.longest_before ? FormatCap({unit, *decision.longest_before}, units) : "-"},
      {"trend_recent", decision.trend_recent ? OneDecimal(*decision.trend_recent) : "-"},
      {"trend_before", decision.trend_before ? OneDecimal(*decision.trend_before) : "-"},
      {"layoff_days", decision.layoff_days ? Num(*decision.layoff_days) : "-"},
      {"bouts", Num(decision.bouts)},
      {"at_cap_pct", Percent(1.0 - kAtCapFraction)},
  };
  std::vector<std::string> sentences;
  if (decision.layoff_days) sentences.push_back(Say("run.layoff", values));
  if (decision.bouts_added) sentences.push_back(Say("run.bouts_added", values));
  if (decision.spike) sentences.push_back(Say("run.spike", values));
  // A run inside the at-cap tolerance but short of the cap counts; it is not said to be
  // "at" the cap it fell short of.
  const bool short_of_cap = decision.reason == RunReason::kGoodCounting &&
                            decision.measure < decision.cap_before.value &&
                            FormatCap({unit, decision.measure}, units) !=
                                FormatCap(decision.cap_before, units);
  sentences.push_back(Say(short_of_cap ? std::string("run.good_counting_near")
                                       : "run." + std::string(RunReasonId(decision.reason)),
                          values));
  if (decision.change == CapChange::kPause) sentences.push_back(Say("run.pause", values));
  return sentences;
}

std::string JoinSentences(const std::vector<std::string>& sentences) {
  std::string text;
  for (const std::string& sentence : sentences) {
    if (!text.empty()) text += ' ';
    text += sentence;
  }
  return text;
}

void SayCapChange(const std::string& cap_before, const GuardedCap& after, DistanceUnit units,
                  std::vector<std::string>& changes) {
  const std::string cap_after = FormatCap(after.cap, units);
  if (cap_before != cap_after) {
    changes.push_back(
        Say("log.cap_changed", {{"cap_after", cap_after}, {"cap_before", cap_before}}));
  } else {
    changes.push_back(Say("log.cap_stays", {{"cap", cap_after}}));
  }
  if (after.limited) changes.push_back(ExplainGuard(after, units));
}

std::string ExplainGuard(const GuardedCap& guarded, DistanceUnit units) {
  if (!guarded.limited || !guarded.longest_before) return {};
  return Say("cap.guard",
             {{"cap", FormatCap(guarded.cap, units)},
              {"longest", FormatCap({guarded.cap.unit, *guarded.longest_before}, units)},
              {"spike_days", Num(kSpikeWindowDays)},
              {"spike_pct", Percent(kSpikeFraction)}});
}

void WordPlan(Plan& plan, DistanceUnit units) {
  const MessageValues plan_values = {
      {"runs", Num(plan.runs_per_week)},
      {"series", Num(kTreatmentSessionsBeforeRehab)},
      {"reduced_runs", Num(kReducedRunsPerWeek)},
      {"reduced_pct", Percent(kReducedCapFraction)},
      {"warm_up_minutes", Num(kSprintWarmUpMinutes)},
      {"walk_minutes", Num(kSettleWalkMinMinutes) + "-" + Num(kSettleWalkMaxMinutes)},
  };
  for (Session& session : plan.sessions) {
    const std::string key = "plan.session." + session.text;
    MessageValues values = plan_values;
    if (session.paused_until)
      values.emplace_back("paused_until", FormatDate(*session.paused_until));
    if (session.layoff_days) values.emplace_back("layoff_days", Num(*session.layoff_days));
    session.title = Say(key + ".title", values);
    session.details = Say(key + ".details", values);
    if (session.walk_warm_up)
      session.details += " " + Say("plan.session.strides.walk_warm_up", values);
    if (session.layoff_days) session.details += " " + Say("plan.session.layoff", values);
    if (session.cap && session.bouts > 1) {
      const Cap& cap = *session.cap;
      const double run_s =
          cap.unit == CapUnit::kTime
              ? cap.value
              : cap.value / 1000 * session.pace_aim_s_per_km.value_or(kAssumedPaceSecondsPerKm);
      const double total_s = session.bouts * run_s + (session.bouts - 1) * session.walk_s;
      session.details +=
          " " + Say("plan.session.run_walk", {{"cap", FormatCap(cap, units)},
                                              {"walk", Minutes(session.walk_s)},
                                              {"bouts", Num(session.bouts)},
                                              {"total", Minutes(std::round(total_s / 60) * 60)}});
    }
    for (Exercise& exercise : session.exercises) {
      if (auto content = LoadBuiltinContent()) {
        if (const ExerciseText* text = (*content)->Exercise(exercise.id)) {
          exercise.name = text->name;
          exercise.cues = text->cues;
        }
      }
      exercise.load_text = Say("load." + exercise.load);
    }
    if (session.cap && session.guard_longest) {
      session.details += " " + ExplainGuard({*session.cap, true, session.guard_longest}, units);
    }
  }
  for (Phase& phase : plan.phases) {
    phase.name = Say("plan.phase." + phase.text + ".name", plan_values);
    phase.purpose = Say("plan.phase." + phase.text + ".purpose", plan_values);
  }
  plan.notes.clear();
  for (const std::string& id : plan.note_ids)
    plan.notes.push_back(Say("plan.note." + id, plan_values));
}

std::string VerdictLabel(RunVerdict verdict) {
  return Say("verdict." + std::string(RunVerdictId(verdict)));
}

std::string PlanlessReason(Route route) {
  switch (route) {
    case Route::kEmergency:
      return Say("plan.none_emergency");
    case Route::kSeeDoctor:
      return Say("plan.none_doctor");
    default:
      return Say("plan.none_clinician");
  }
}

}  // namespace backstride
