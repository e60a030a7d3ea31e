#include "core/plan.h"

#include <algorithm>
#include <array>

#include "base/enum_ids.h"

namespace backstride {
namespace {

// --- The exercise library -------------------------------------------------------------
// Each list is a progression from body weight up (DESIGN 3.1b). A runner moves up a level
// by criterion, not by calendar: two sessions in a row with pain of 3 or less, a next
// morning no worse, and two or three repetitions left in reserve. The squat and deadlift
// families follow the article's strength advice (a two-legged hinge before a single-leg
// one); the posterior-chain and hip-flexor work is its rehabilitation programme; the trunk
// work (dead bug, bird-dog, side plank) is the motor-control exercise NICE NG59 recommends.
// Names, loads and how-to cues are content, by exercise id.

struct Level {
  const char* id;
  int sets;
  const char* reps;
  const char* load;  // a load id: body_weight, light, moderate, heavier, flat, hill
};

constexpr std::array<Level, 5> kSquat = {{
    {"sit_to_stand", 3, "8", "body_weight"},
    {"bodyweight_squat", 3, "10", "body_weight"},
    {"goblet_squat", 3, "8", "light"},
    {"goblet_squat", 3, "10", "moderate"},
    {"split_squat", 3, "8 each leg", "moderate"},
}};
constexpr std::array<Level, 5> kDeadlift = {{
    {"hip_hinge_dowel", 3, "10", "body_weight"},
    {"kettlebell_deadlift", 3, "8", "light"},
    {"romanian_deadlift", 3, "8", "moderate"},
    {"single_leg_romanian_deadlift", 3, "8 each leg", "light"},
    {"trap_bar_deadlift", 4, "6", "heavier"},
}};
constexpr std::array<Level, 4> kTrunk = {{
    {"dead_bug", 3, "6 each side", "body_weight"},
    {"bird_dog", 3, "6 each side, 5 s holds", "body_weight"},
    {"side_plank_knees", 3, "20 s each side", "body_weight"},
    {"side_plank", 3, "30 s each side", "body_weight"},
}};
constexpr std::array<Level, 3> kGlutes = {{
    {"glute_bridge", 3, "12", "body_weight"},
    {"single_leg_glute_bridge", 3, "8 each leg", "body_weight"},
    {"hip_thrust", 3, "10", "moderate"},
}};
constexpr std::array<Level, 3> kHamstrings = {{
    {"hip_hinge_dowel", 3, "10", "body_weight"},
    {"romanian_deadlift", 3, "8", "light"},
    {"hamstring_slider_curl", 3, "8", "body_weight"},
}};
constexpr std::array<Level, 3> kAdductors = {{
    {"adductor_ball_squeeze", 3, "6 holds of 10 s", "body_weight"},
    {"side_lying_adductor_lift", 3, "10 each leg", "body_weight"},
    {"copenhagen_plank_short", 3, "15 s each side", "body_weight"},
}};
// The half-kneeling stretch with the pelvis tucked, not the couch stretch: it lengthens
// the hip flexors without arching the lower back (DESIGN 3.1b).
constexpr std::array<Level, 2> kHipFlexors = {{
    {"half_kneeling_hip_flexor_stretch", 3, "30 s each side", "body_weight"},
    {"half_kneeling_hip_flexor_stretch_reach", 3, "45 s each side", "body_weight"},
}};
// Sprints are strides at the end of an easy run, then uphill (DESIGN 3.1b).
constexpr std::array<Level, 5> kStrides = {{
    {"strides", 4, "15 s at about 80 % effort, walk back", "flat"},
    {"strides", 6, "15 s at about 85 % effort, walk back", "flat"},
    {"strides", 6, "20 s at about 85 % effort, walk back", "flat"},
    {"uphill_strides", 6, "15 s at about 85 % effort, walk down", "hill"},
    {"uphill_strides", 8, "20 s at about 90 % effort, walk down", "hill"},
}};

template <std::size_t N>
Exercise At(const std::array<Level, N>& levels, int stage) {
  const Level& level = levels[static_cast<std::size_t>(std::clamp(stage, 0, int{N} - 1))];
  Exercise exercise;
  exercise.id = level.id;
  exercise.sets = level.sets;
  exercise.reps = level.reps;
  exercise.load = level.load;
  return exercise;
}

template <std::size_t N>
void CollectIds(const std::array<Level, N>& levels, std::vector<std::string_view>& ids) {
  for (const Level& level : levels) {
    if (std::find(ids.begin(), ids.end(), level.id) == ids.end()) ids.push_back(level.id);
  }
}

// --- Weekly layouts --------------------------------------------------------------------
// Day by day from the plan's start day: R run, Q run with strides after it, S strength,
// '-' rest. Runs sit on alternate days where the week allows (three runs: two full rest
// days, DESIGN 3.1b); strides come two days or more after a strength session (48 hours
// after deadlifts); with 4 or 5 runs some runs fall back to back.
constexpr std::array<std::array<std::string_view, 7>, 4> kWeekLayouts = {{
    {"R", "S", "-", "Q", "-", "S", "-"},    // 2 runs
    {"R", "S", "R", "-", "Q", "S", "-"},    // 3 runs
    {"R", "S", "R", "-", "Q", "S", "R"},    // 4 runs
    {"R", "RS", "-", "Q", "RS", "-", "R"},  // 5 runs
}};

constexpr std::array<Named<SessionKind>, 7> kKindIds = {{
    {SessionKind::kRun, "run"},
    {SessionKind::kSprint, "sprint"},
    {SessionKind::kStrength, "strength"},
    {SessionKind::kMobility, "mobility"},
    {SessionKind::kTreatment, "treatment"},
    {SessionKind::kRest, "rest"},
    {SessionKind::kCheckIn, "check_in"},
}};
static_assert(InEnumOrder(kKindIds));

class Builder {
 public:
  explicit Builder(const PlanInput& input)
      : in_(input),
        start_cap_(PlanStartingCap(input)),
        options_(RunRuleOptionsFor(input)),
        past_(start_cap_, SincePlanStart(input.runs), input.daily, options_) {
    plan_.route = input.route;
    plan_.start = input.start;
    plan_.runs_per_week = input.runs_per_week;
    const int today_week = DaysBetween(input.start, input.today) / 7 + 1;
    plan_.weeks = std::max(kPlanWeeks, today_week + kMaintenanceWeeksAhead);
    // The state for days after today: every run logged so far.
    std::vector<RunEntry> known;
    for (const RunEntry& run : in_.runs) {
      if (run.date <= in_.today) known.push_back(run);
    }
    current_state_ = ReplayRuns(start_cap_, SincePlanStart(known), in_.daily, options_);
    known_runs_ = std::move(known);
  }

  int Weeks() const { return plan_.weeks; }

  Plan Take() {
    std::stable_sort(plan_.sessions.begin(), plan_.sessions.end(),
                     [](const Session& a, const Session& b) { return a.date < b.date; });
    // Number the sessions of each day in order, for stable ids.
    for (std::size_t i = 0; i < plan_.sessions.size(); ++i) {
      plan_.sessions[i].slot = i > 0 && plan_.sessions[i - 1].date == plan_.sessions[i].date
                                   ? plan_.sessions[i - 1].slot + 1
                                   : 0;
    }
    return std::move(plan_);
  }

  // The runs that move this plan's cap: those on or after its start.
  std::vector<RunEntry> SincePlanStart(const std::vector<RunEntry>& runs) const {
    std::vector<RunEntry> since;
    for (const RunEntry& run : runs) {
      if (run.date >= in_.start) since.push_back(run);
    }
    return since;
  }

  Date Day(int week, int day) const { return AddDays(in_.start, (week - 1) * 7 + day); }

  // A phase `id`, worded by the content's "plan.phase.<text>" (the same id may read
  // differently on two routes: the settle phase rests or reduces running).
  void AddPhase(std::string id, std::string text, int first_week, int last_week) {
    Phase phase;
    phase.id = std::move(id);
    phase.text = std::move(text);
    phase.start = Day(first_week, 0);
    phase.end = Day(last_week, 6);
    plan_.phases.push_back(std::move(phase));
  }

  void Note(std::string id) { plan_.note_ids.push_back(std::move(id)); }

  Session& Add(Date date, SessionKind kind, const std::string& phase, std::string text) {
    Session session;
    session.date = date;
    session.kind = kind;
    session.phase = phase;
    session.text = std::move(text);
    plan_.sessions.push_back(std::move(session));
    return plan_.sessions.back();
  }

  void Run(Date date, const std::string& phase, bool easy = false, bool strides = false) {
    const RunRuleState* state = &current_state_;
    const std::vector<RunEntry>* runs = &known_runs_;
    if (date <= in_.today) {
      // A day already lived: the cap that was in force then (the guard reads only the runs
      // before `date` of the whole log).
      state = &past_.Before(date);
      runs = &in_.runs;
    }
    if (PausedOn(date)) {
      PausedDay(date, phase);
      return;
    }
    AskAfterPause(date, phase, *state);
    const GuardedCap guarded = CapOn(*state, *runs, date, in_.units);
    Session& session = Add(date, SessionKind::kRun, phase, easy ? "run_easy" : "run_quick");
    session.cap = guarded.cap;
    if (guarded.limited) session.guard_longest = guarded.longest_before;
    session.bouts = easy ? 1 : BoutsOn(*state, date);
    session.walk_s = session.bouts > 1 ? thresholds::kWalkBreakSeconds : 0;
    if (!easy) session.pace_aim_s_per_km = TargetPace(*state);
    // After a layoff the return starts again at half the onset, as run-walk. A day still to
    // come is judged as of today: the plan expects the runner to keep running.
    if (const auto restart = LayoffCapOn(*state, std::min(date, in_.today), options_)) {
      session.cap = *restart;
      session.bouts = 1;
      session.walk_s = 0;
      session.pace_aim_s_per_km.reset();
      session.guard_longest.reset();
      session.layoff_days = DaysBetween(*state->last_run, std::min(date, in_.today));
    }
    const Cap cap = *session.cap;
    const std::optional<double> pace = state->last_pace_s_per_km;
    // Strides: never in a step-back week, and 48 hours or more after a strength session.
    const bool step_back_week =
        state->last_step_back && MondayOf(*state->last_step_back) == MondayOf(date);
    if (strides && !step_back_week && !session.layoff_days && !StrengthWithin(date, 1)) {
      const int stage = std::min(state->good_weeks / 2, static_cast<int>(kStrides.size()) - 1);
      const double cap_seconds =
          cap.unit == CapUnit::kTime
              ? cap.value
              : cap.value / 1000 * pace.value_or(thresholds::kAssumedPaceSecondsPerKm);
      Session& after = Add(date, SessionKind::kSprint, phase, "strides");
      after.exercises = {At(kStrides, stage)};
      after.walk_warm_up = cap_seconds < thresholds::kWalkWarmUpBelowSeconds;
    }
  }

  // A pause ends with the warning-sign and leg questions asked again before the first run
  // (DESIGN 3.1b): on the first run day after it, until a run since the pause has been
  // logged (the runner answered them by running; the question is not asked again each day).
  void AskAfterPause(Date date, const std::string& phase, const RunRuleState& state) {
    if (!state.paused_until || date < *state.paused_until) return;
    if (asked_after_ == state.paused_until) return;
    if (state.last_run && *state.last_run >= *state.paused_until) return;
    Add(date, SessionKind::kCheckIn, phase, "before_running_again").paused_until =
        state.paused_until;
    asked_after_ = state.paused_until;
  }

  // True when a strength session is planned within `days` days before `date`.
  bool StrengthWithin(Date date, int days) const {
    return std::any_of(plan_.sessions.begin(), plan_.sessions.end(), [&](const Session& s) {
      const int age = DaysBetween(s.date, date);
      return s.kind == SessionKind::kStrength && age >= 0 && age <= days;
    });
  }

  // A short run at half the onset, in the phases that reduce running rather than rest.
  void ReducedRun(Date date, const std::string& phase) {
    if (PausedOn(date)) {
      PausedDay(date, phase);
      return;
    }
    AskAfterPause(date, phase, date <= in_.today ? past_.Before(date) : current_state_);
    Session& session = Add(date, SessionKind::kRun, phase, "run_reduced");
    session.bouts = 1;
    session.cap = StartingCap(in_.answers.pain, in_.units, thresholds::kReducedCapFraction);
    if (current_state_.cap.unit == session.cap->unit) {
      session.cap->value = std::min(session.cap->value, current_state_.cap.value);
    }
  }

  // The day running resumes, when two step-backs in a row paused it on `date` (as known on
  // that day).
  std::optional<Date> PausedOn(Date date) const {
    const RunRuleState* state = date <= in_.today ? &past_.Before(date) : &current_state_;
    if (state->paused_until && date < *state->paused_until) return state->paused_until;
    return std::nullopt;
  }

  void PausedDay(Date date, const std::string& phase) {
    if (SessionsOn(date, SessionKind::kRest)) return;
    const std::optional<Date> until = PausedOn(date);
    Add(date, SessionKind::kRest, phase, "paused").paused_until = until;
  }

  bool SessionsOn(Date date, SessionKind kind) const {
    return std::any_of(plan_.sessions.begin(), plan_.sessions.end(), [&](const Session& session) {
      return session.date == date && session.kind == kind;
    });
  }

  void Strength(Date date, const std::string& phase) {
    const int stage = StrengthLevelOn(in_, std::min(date, AddDays(in_.today, 1)));
    Session& session = Add(date, SessionKind::kStrength, phase, "strength_squat_deadlift");
    session.exercises = {At(kSquat, stage), At(kDeadlift, stage), At(kTrunk, stage)};
  }

  void PosteriorChain(Date date, const std::string& phase) {
    const int stage = StrengthLevelOn(in_, std::min(date, AddDays(in_.today, 1)));
    Session& session = Add(date, SessionKind::kStrength, phase, "strength_posterior_chain");
    session.exercises = {At(kGlutes, stage), At(kHamstrings, stage), At(kAdductors, stage),
                         At(kTrunk, stage)};
  }

  void HipFlexors(Date date, const std::string& phase, int stage) {
    Session& session = Add(date, SessionKind::kMobility, phase, "hip_flexors");
    session.exercises = {At(kHipFlexors, stage)};
  }

  void WalkOrCycle(Date date, const std::string& phase) {
    Add(date, SessionKind::kMobility, phase, "walk_or_cycle");
  }

  void Settle(Date date, const std::string& phase) {
    Add(date, SessionKind::kMobility, phase, "walk_and_mobility");
  }

  void Treatment(Date date, const std::string& phase, bool maintenance) {
    Add(date, SessionKind::kTreatment, phase, maintenance ? "treatment_maintenance" : "treatment");
  }

  // Treatment on the rehab route is part of the programme, not a repeat of the series that
  // did not help on its own (DESIGN 3.1a).
  void RehabTreatment(Date date, const std::string& phase) {
    Add(date, SessionKind::kTreatment, phase, "treatment_with_rehab");
  }

  void Rest(Date date, const std::string& phase) { Add(date, SessionKind::kRest, phase, "rest"); }

  // One week of the running layout, with strength as `posterior` work when set; sprints
  // at `sprint_stage`, or at the strength stage when not given.
  void RunningWeek(int week, const std::string& phase, bool posterior) {
    const auto& layout =
        kWeekLayouts[static_cast<std::size_t>(in_.runs_per_week - kMinRunsPerWeek)];
    for (int day = 0; day < 7; ++day) {
      const Date date = Day(week, day);
      for (char code : layout[static_cast<std::size_t>(day)]) {
        switch (code) {
          case 'R':
            Run(date, phase);
            break;
          case 'Q':
            Run(date, phase, /*easy=*/false, /*strides=*/true);
            break;
          case 'S':
            posterior ? PosteriorChain(date, phase) : Strength(date, phase);
            break;
          default:
            Rest(date, phase);
            break;
        }
      }
    }
  }

  const PlanInput& in_;
  Cap start_cap_;
  RunRuleOptions options_;
  std::optional<Date> asked_after_;  // the pause whose end has its check-in
  RunRuleState current_state_;
  std::vector<RunEntry> known_runs_;
  // The state on each day already lived, for the caps those days had.
  mutable ReplayByDay past_;
  Plan plan_;
};

// The maintenance block after week 12 (DESIGN 3.1a): the last phase's week goes on, the
// cap carried forward by the run rule and strength still progressing.
void AddMaintenancePhase(Builder& b) {
  if (b.Weeks() > kPlanWeeks) {
    b.AddPhase("maintenance", "maintenance", kPlanWeeks + 1, b.Weeks());
  }
}

void BuildNewOrReturning(Builder& b, bool returning) {
  b.AddPhase("foundation", "foundation", 1, 4);
  b.AddPhase("build", "build", 5, 8);
  b.AddPhase("extend", "extend", 9, kPlanWeeks);
  AddMaintenancePhase(b);
  for (int week = 1; week <= b.Weeks(); ++week) {
    const std::string phase = week <= 4            ? "foundation"
                              : week <= 8          ? "build"
                              : week <= kPlanWeeks ? "extend"
                                                   : "maintenance";
    b.RunningWeek(week, phase, /*posterior=*/false);
  }
  if (returning) {
    b.Note("returning");
  }
}

constexpr int kTreatmentSettleWeeks = 3;

void BuildSeasonedTreatment(Builder& b) {
  constexpr int kSettleWeeks = kTreatmentSettleWeeks;
  b.AddPhase("settle", "settle_and_treat", 1, kSettleWeeks);
  b.AddPhase("return", "gradual_return", kSettleWeeks + 1, kPlanWeeks);
  AddMaintenancePhase(b);
  for (int week = 1; week <= kSettleWeeks; ++week) {
    for (int day = 0; day < 7; ++day) {
      const Date date = b.Day(week, day);
      // Exercise from week 1 alongside treatment (NICE NG59: manual therapy only within a
      // package that includes exercise).
      switch (day) {
        case 0:
        case 4:
          b.Strength(date, "settle");
          break;
        case 1:
          b.Treatment(date, "settle", false);
          break;
        case 2:
        case 5:
          b.Run(date, "settle", /*easy=*/true);
          break;
        case 6:
          b.Rest(date, "settle");
          break;
        default:
          b.Settle(date, "settle");
          break;
      }
    }
  }
  b.Add(b.Day(kSettleWeeks, 6), SessionKind::kCheckIn, "settle", "treatment_check_in");
  for (int week = kSettleWeeks + 1; week <= b.Weeks(); ++week) {
    const std::string phase = week <= kPlanWeeks ? "return" : "maintenance";
    b.RunningWeek(week, phase, /*posterior=*/false);
    if ((week - kSettleWeeks - 1) % 4 == 0) b.Treatment(b.Day(week, 1), phase, true);
  }
  b.Note("treatment_decides");
}

constexpr int kRehabSettleWeeks = 2;
constexpr int kRehabWeeks = 4;
constexpr int kRehabReturnWeek = kRehabSettleWeeks + kRehabWeeks + 1;

// seasoned_rehab keeps two short runs a week through settle and rehab when the pain is
// mild and the runner knows where it starts; otherwise those phases rest from running.
bool RehabReducesRunning(const Answers& answers) {
  return answers.pain.worst <= thresholds::kReduceMaxWorstPain &&
         (answers.pain.onset_km || answers.pain.onset_minutes);
}

void BuildSeasonedRehab(Builder& b, bool reduce) {
  constexpr int kSettleWeeks = kRehabSettleWeeks;
  constexpr int kReturnWeek = kRehabReturnWeek;
  b.AddPhase("settle", reduce ? "settle_reduce" : "settle_rest", 1, kSettleWeeks);
  b.AddPhase("rehab", "rehabilitation", kSettleWeeks + 1, kReturnWeek - 1);
  b.AddPhase("return", "return_short_fast", kReturnWeek, kPlanWeeks);
  AddMaintenancePhase(b);
  for (int week = 1; week < kReturnWeek; ++week) {
    const bool settling = week <= kSettleWeeks;
    const std::string phase = settling ? "settle" : "rehab";
    const int stretch = settling ? 0 : (week - kSettleWeeks - 1) / 2;
    for (int day = 0; day < 7; ++day) {
      const Date date = b.Day(week, day);
      const bool run_day = reduce && (day == 2 || day == 5);
      // Strength from week 1 alongside the treatment (DESIGN 3.1b): twice a week while
      // settling, three times in rehab.
      const bool strength_day = settling ? (day == 0 || day == 4) : (day % 2 == 0 && day < 6);
      if (week == 1 && day == 1) b.RehabTreatment(date, phase);
      if (strength_day) b.PosteriorChain(date, phase);
      if (run_day) {
        b.ReducedRun(date, phase);
      } else if (settling && !strength_day && !(week == 1 && day == 1)) {
        b.Settle(date, phase);
      } else if (!settling && !strength_day) {
        b.WalkOrCycle(date, phase);  // keep moving through rehab (DESIGN 3.1b)
      }
      b.HipFlexors(date, phase, stretch);
    }
  }
  // Strength carries on from the rehab phase's level: it never starts over.
  for (int week = kReturnWeek; week <= b.Weeks(); ++week) {
    const std::string phase = week <= kPlanWeeks ? "return" : "maintenance";
    b.RunningWeek(week, phase, /*posterior=*/true);
    for (int day = 0; day < 7; ++day) b.HipFlexors(b.Day(week, day), phase, 1);
  }
}

}  // namespace

std::span<const std::string_view> AllExerciseIds() {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> all;
    CollectIds(kSquat, all);
    CollectIds(kDeadlift, all);
    CollectIds(kTrunk, all);
    CollectIds(kGlutes, all);
    CollectIds(kHamstrings, all);
    CollectIds(kAdductors, all);
    CollectIds(kHipFlexors, all);
    CollectIds(kStrides, all);
    return all;
  }();
  return ids;
}

std::span<const std::string_view> AllLoadIds() {
  static constexpr std::string_view kLoads[] = {"body_weight", "light", "moderate",
                                                "heavier",     "flat",  "hill"};
  return kLoads;
}

std::string_view SessionKindId(SessionKind kind) { return IdOf(kKindIds, kind); }

std::optional<SessionKind> SessionKindFromId(std::string_view id) { return FromId(kKindIds, id); }

int StrengthLevelOn(const PlanInput& input, Date day) {
  using namespace thresholds;
  const int first = input.route == Route::kNewRunner ? 0 : 1;
  int level = first;
  int in_a_row = 0;
  for (const EffortEntry& entry : input.efforts) {
    if (entry.kind != SessionKind::kStrength || entry.date >= day || !entry.done) continue;
    if (entry.pain && *entry.pain > kHoldMaxPain) {
      level = std::max(0, level - 1);  // pain steps strength down, a level at a time
      in_a_row = 0;
      continue;
    }
    // The next morning no worse: no check-in or morning score the day after above the
    // good band.
    const bool morning_fine =
        std::none_of(input.daily.begin(), input.daily.end(), [&](const DailyPain& d) {
          return d.date == AddDays(entry.date, 1) && d.pain > kGoodMaxPain;
        });
    const bool qualifies = entry.pain && *entry.pain <= kGoodMaxPain && entry.reps_in_reserve &&
                           *entry.reps_in_reserve >= kMinRepsInReserveToLevelUp && morning_fine;
    in_a_row = qualifies ? in_a_row + 1 : 0;
    if (in_a_row >= kStrengthSessionsToLevelUp) {
      ++level;
      in_a_row = 0;
    }
  }
  return level;
}

Cap PlanStartingCap(const PlanInput& input) { return StartingCap(input.answers.pain, input.units); }

RunRuleOptions RunRuleOptionsFor(const PlanInput& input) {
  RunRuleOptions options;
  options.grid = input.units;
  options.layoff_cap = StartingCap(input.answers.pain, input.units, thresholds::kLayoffCapFraction);
  if (input.route == Route::kSeasonedRehab) {
    const DayRange before_return{input.start, AddDays(input.start, (kRehabReturnWeek - 1) * 7 - 1)};
    (RehabReducesRunning(input.answers) ? options.reduce : options.rest).push_back(before_return);
  }
  return options;
}

Result<Plan> BuildPlan(const PlanInput& input) {
  if (!LeadsToPlan(input.route)) {
    return Fail(Error::InvalidArgument("no running plan for route " +
                                       std::string(RouteId(input.route)) +
                                       ": a warning sign or an assessment comes first"));
  }
  if (input.runs_per_week < kMinRunsPerWeek || input.runs_per_week > kMaxRunsPerWeek) {
    return Fail(Error::InvalidArgument(
        "runs per week must be 2-5, got " + std::to_string(input.runs_per_week), "runs_per_week"));
  }
  Builder builder(input);
  switch (input.route) {
    case Route::kNewRunner:
      BuildNewOrReturning(builder, false);
      break;
    case Route::kReturningRunner:
      BuildNewOrReturning(builder, true);
      break;
    case Route::kSeasonedTreatment:
      BuildSeasonedTreatment(builder);
      break;
    case Route::kSeasonedRehab:
      BuildSeasonedRehab(builder, RehabReducesRunning(input.answers));
      break;
    default:
      break;
  }
  if (input.runs_per_week >= 4) {
    builder.Note("back_to_back");
  }
  return builder.Take();
}

std::vector<const Session*> SessionsOn(const Plan& plan, Date day) {
  std::vector<const Session*> sessions;
  for (const Session& session : plan.sessions) {
    if (session.date == day) sessions.push_back(&session);
  }
  return sessions;
}

std::string SessionUid(const Session& session) {
  return FormatDate(session.date) + "-" + std::string(SessionKindId(session.kind)) + "-" +
         std::to_string(session.slot);
}

}  // namespace backstride
