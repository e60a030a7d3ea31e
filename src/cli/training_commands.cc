#include "cli/training_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>

#include "app/explain.h"
#include "app/log_form.h"
#include "app/runs.h"
#include "app/training.h"
#include "app/views.h"
#include "cli/assess_command.h"
#include "cli/correction_commands.h"
#include "cli/text_wrap.h"
#include "content/content.h"
#include "core/log.h"
#include "core/thresholds.h"

namespace backstride::cli {
namespace {

constexpr std::size_t kWidth = 80;
constexpr std::string_view kDetailIndent = "                ";  // under "Mon 2026-03-02  "

// The labels of an exercise's four how-to cues, in the content's order (set-up, the
// movement, the common fault, what you should feel), padded to one width.
constexpr std::array<std::string_view, 4> kCueLabels = {
    "Set up: ", "Move:   ", "Avoid:  ", "Feel:   "};

void PrintCues(std::ostream& out, const Exercise& exercise) {
  const std::string indent = std::string(kDetailIndent) + "    ";
  const std::string hanging = indent + std::string(kCueLabels[0].size(), ' ');
  for (std::size_t i = 0; i < exercise.cues.size() && i < kCueLabels.size(); ++i) {
    out << Wrap(exercise.cues[i], kWidth, hanging, indent + std::string(kCueLabels[i]));
  }
}

void PrintSession(std::ostream& out, const Session& session, Route route, DistanceUnit units,
                  bool with_why, bool show_date, bool with_cues) {
  const std::string lead =
      show_date ? fmt::format("{} {}  ", WeekdayName(session.date), FormatDate(session.date))
                : std::string(kDetailIndent);
  out << Wrap(SessionHeadline(session, units), kWidth, kDetailIndent, lead);
  out << Wrap(session.details, kWidth, kDetailIndent, kDetailIndent);
  if (session.kind == SessionKind::kRun) {
    out << Wrap(
        session.pace_aim_s_per_km
            ? "Pace to beat for the next step: " + FormatPace(*session.pace_aim_s_per_km, units)
            : std::string("Pace: comfortable and controlled; note your time."),
        kWidth, kDetailIndent, kDetailIndent);
  }
  for (const Exercise& exercise : session.exercises) {
    out << Wrap(fmt::format("- {}: {} x {} ({})", exercise.name, exercise.sets, exercise.reps,
                            exercise.load_text),
                kWidth, std::string(kDetailIndent) + "  ", kDetailIndent);
    if (with_cues) PrintCues(out, exercise);
  }
  if (with_why) {
    auto content = LoadBuiltinContent();
    if (const auto item = WhyItemFor(session, route); item && content) {
      out << Wrap("Why: " + (*content)->Advice(*item)->why, kWidth, kDetailIndent, kDetailIndent);
    }
  }
}

std::string RouteLine(const ActivePlan& active) {
  auto content = LoadBuiltinContent();
  const std::string title = content ? (*content)->ForRoute(active.route)->title : "";
  return fmt::format("{}, assessed {}", title, FormatDate(active.assessed));
}

void PrintDays(std::ostream& out, const ActivePlan& active, Date from, int days, DistanceUnit units,
               bool with_why) {
  bool any = false;
  for (int offset = 0; offset < days; ++offset) {
    const Date day = AddDays(from, offset);
    bool first = true;
    for (const Session* session : SessionsOn(active.plan, day)) {
      PrintSession(out, *session, active.route, units, with_why, first, /*with_cues=*/true);
      first = false;
      any = true;
    }
  }
  if (!any)
    out << "No sessions: these days are outside your plan. Run 'backstride plan' to start a new "
           "one.\n";
}

}  // namespace

int RunPlan(const GlobalOptions& global, const PlanOptions& options, std::ostream& out,
            std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  std::optional<Date> start;
  if (!options.start.empty()) {
    auto date = ParseDate(options.start);
    if (!date)
      return ReportFailure(err, Error::InvalidArgument("--start: " + date.error().message));
    start = *date;
  }
  Result<ActivePlan> active = Fail(Error::NotFound(""));
  const bool new_plan = start || options.runs_per_week;
  if (new_plan) {
    active = opened->app->StartPlan(start, options.runs_per_week);
  } else {
    active = opened->app->LoadActivePlan();
    if (!active && active.error().code == ErrorCode::kNotFound &&
        active.error().message.starts_with("no plan")) {
      active = opened->app->StartPlan(std::nullopt, std::nullopt);
    }
  }
  if (!active) {
    if (active.error().path == "runs_per_week") {
      return ReportFailure(err, WithFlagName(active.error()));
    }
    return ReportFailure(err, active.error());
  }
  const Plan& plan = active->plan;
  const DistanceUnit units = opened->settings.units;
  out << "Your plan: " << RouteLine(*active) << '\n';
  out << fmt::format("{} weeks from {} to {}, {} runs a week.\n\n", plan.weeks,
                     FormatDate(plan.start), FormatDate(AddDays(plan.start, plan.weeks * 7 - 1)),
                     plan.runs_per_week);
  for (const Phase& phase : plan.phases) {
    out << Wrap(fmt::format("{} ({} to {}): {}", phase.name, FormatDate(phase.start),
                            FormatDate(phase.end), phase.purpose),
                kWidth, "    ", "  ");
  }
  out << "\n";
  for (int week = 0; week < plan.weeks; ++week) {
    const Date week_start = AddDays(plan.start, week * 7);
    std::string line = fmt::format("Week {:>2}, {}:", week + 1, FormatDate(week_start));
    for (int day = 0; day < 7; ++day) {
      const Date date = AddDays(week_start, day);
      std::string day_text;
      for (const Session* session : SessionsOn(plan, date)) {
        if (session->kind == SessionKind::kMobility && !session->exercises.empty()) continue;
        if (!day_text.empty()) day_text += "+";
        day_text += Say("plan.day." + std::string(SessionKindId(session->kind)));
        if (session->cap) day_text += " " + FormatCap(*session->cap, units);
      }
      if (day_text.empty()) day_text = Say("plan.day.stretch");
      line += fmt::format(" {} {};", WeekdayName(date), day_text);
    }
    line.pop_back();
    out << Wrap(line, kWidth, "                   ", "");
  }
  for (const std::string& note : plan.notes) out << '\n' << Wrap("Note: " + note, kWidth);
  out << '\n'
      << Wrap("Your current cap is " + FormatCap(active->cap_today.cap, units) +
                  ". Run 'backstride today' for today's sessions in full, and log each one "
                  "with 'backstride log'.",
              kWidth);
  if (new_plan) out << "A new plan was saved; your earlier plans and log are kept.\n";
  return kExitOk;
}

int RunToday(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto active = opened->app->LoadActivePlan();
  if (!active) return ReportFailure(err, active.error());
  const Phase* phase = PhaseOn(active->plan, opened->today);
  out << fmt::format("Today, {} {}", WeekdayName(opened->today), FormatDate(opened->today));
  if (phase != nullptr) out << " (" << phase->name << " phase)";
  out << "\n\n";
  PrintDays(out, *active, opened->today, 1, opened->settings.units, /*with_why=*/true);
  return kExitOk;
}

int RunWeek(const GlobalOptions& global, bool next, std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto active = opened->app->LoadActivePlan();
  if (!active) return ReportFailure(err, active.error());
  const int days_in = DaysBetween(active->plan.start, opened->today);
  const int week = (days_in >= 0 ? days_in / 7 : -1) + (next ? 1 : 0);
  const Date from = week >= 0 ? AddDays(active->plan.start, week * 7) : active->plan.start;
  out << fmt::format("{} week of your plan (week {}), from {}\n\n", next ? "Next" : "This",
                     week + 1, FormatDate(from));
  PrintDays(out, *active, from, 7, opened->settings.units, /*with_why=*/false);
  return kExitOk;
}

int RunStatus(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto active = opened->app->LoadActivePlan();
  if (!active) return ReportFailure(err, active.error());
  const DistanceUnit units = opened->settings.units;
  const RunRuleState& state = active->state;
  out << "Route:   " << RouteLine(*active) << '\n';
  const Phase* phase = PhaseOn(active->plan, opened->today);
  out << fmt::format("Plan:    from {}, {} runs a week; today is in the {} phase\n",
                     FormatDate(active->plan.start), active->plan.runs_per_week,
                     phase ? phase->name : "(outside the plan)");
  out << "Cap:     " << FormatCap(active->cap_today.cap, units);
  if (const auto target = TargetPace(state)) {
    out << ", pace to beat " << FormatPace(*target, units);
  }
  out << '\n';
  if (active->cap_today.limited)
    out << Wrap(ExplainGuard(active->cap_today, units), kWidth, "         ", "         ");
  if (state.paused_until && opened->today < *state.paused_until) {
    out << "Running: paused until " << FormatDate(*state.paused_until) << '\n';
  }
  out << fmt::format("Streak:  {} of {} good runs in a row at this cap\n", state.good_streak,
                     thresholds::kGoodRunsToProgress);
  out << "\nLast runs:\n";
  const std::size_t shown = std::min<std::size_t>(state.decisions.size(), 5);
  if (shown == 0) out << "  none yet since the plan started\n";
  for (std::size_t i = state.decisions.size() - shown; i < state.decisions.size(); ++i) {
    const RunDecision& decision = state.decisions[i];
    const auto run = std::find_if(active->runs.begin(), active->runs.end(),
                                  [&](const RunEntry& r) { return r.id == decision.run_id; });
    if (run == active->runs.end()) continue;
    out << fmt::format("  {}  {}  {}  pain {}  {}{}\n", FormatDate(run->date),
                       run->distance_m > 0 ? FormatDistance(run->distance_m, units) : Say("run.no_distance"),
                       FormatDuration(run->duration_s),
                       run->pain_during, VerdictLabel(decision.verdict),
                       decision.spike ? ", over the spike guard" : "");
  }
  out << "\nNext:\n";
  for (int offset = 0; offset < 14; ++offset) {
    const Date day = AddDays(opened->today, offset);
    const auto sessions = SessionsOn(active->plan, day);
    if (sessions.empty()) continue;
    const bool has_work = std::any_of(sessions.begin(), sessions.end(), [](const Session* s) {
      return s->kind != SessionKind::kRest;
    });
    if (!has_work && offset > 0) continue;
    bool first = true;
    for (const Session* session : sessions) {
      PrintSession(out, *session, active->route, units, false, first, /*with_cues=*/false);
      first = false;
    }
    break;
  }
  return kExitOk;
}

namespace {

Result<LogEntry> EntryFrom(const LogOptions& options, Date today, DistanceUnit units) {
  LogForm form;
  form.kind = options.kind;
  form.date = options.date;
  form.distance = options.distance;
  form.time = options.time;
  form.pain = options.pain;
  form.pain_before = options.pain_before;
  form.reps_in_reserve = options.reserve;
  form.onset = options.onset;
  if (options.done && options.skipped) {
    return Fail(Error::InvalidArgument("--done and --skipped cannot be used together", "--done"));
  }
  form.done = !options.skipped;
  form.helped = options.helped;
  form.note = options.note;
  return ParseLogForm(form, today, units, "--");
}

}  // namespace

int RunLog(const GlobalOptions& global, const LogOptions& options, std::ostream& out,
           std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto entry = EntryFrom(options, opened->today, opened->settings.units);
  if (!entry) return ReportFailure(err, entry.error());
  if (entry->kind == LogKind::kRun && options.distance.empty() && options.time.empty()) {
    // Pain for a run already in the log, typically one imported from a watch.
    if (!options.pain)
      return ReportFailure(err, Error::InvalidArgument("--pain is needed", "--pain"));
    auto rated =
        opened->app->RateRun(options.run_id, entry->date, *options.pain, options.pain_before);
    if (!rated) return ReportFailure(err, WithFlagName(rated.error()));
    out << fmt::format("Logged pain {} for run {}.\n", *options.pain, rated->id);
    for (const std::string& change : rated->changes) out << Wrap(change, kWidth, "  ", "- ");
    return kExitOk;
  }
  if (options.run_id) {
    return ReportFailure(
        err, Error::InvalidArgument("--run is for logging pain of a run already in the log; "
                                    "leave out --distance and --time",
                                    "--run"));
  }
  auto outcome = opened->app->AddToLog(*entry);
  if (!outcome) return ReportFailure(err, WithFlagName(outcome.error()));
  out << fmt::format("Logged {} on {} (entry {}).\n", LogKindLabel(outcome->kind),
                     FormatDate(entry->date), outcome->id);
  for (const std::string& change : outcome->changes) out << Wrap(change, kWidth, "  ", "- ");
  return kExitOk;
}

int RunHistory(const GlobalOptions& global, const HistoryOptions& options, std::ostream& out,
               std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  LogFilter filter;
  if (!options.from.empty()) {
    auto from = ParseDate(options.from);
    if (!from) return ReportFailure(err, Error::InvalidArgument("--from: " + from.error().message));
    filter.from = *from;
  }
  if (!options.to.empty()) {
    auto to = ParseDate(options.to);
    if (!to) return ReportFailure(err, Error::InvalidArgument("--to: " + to.error().message));
    filter.to = *to;
  }
  if (filter.from && filter.to && *filter.from > *filter.to) {
    return ReportFailure(err, Error::InvalidArgument("--from is after --to"));
  }
  if (!options.kind.empty()) {
    filter.kind = LogKindFromId(options.kind);
    if (!filter.kind) {
      return ReportFailure(
          err, Error::InvalidArgument("--kind must be one of run, morning, strength, sprint, "
                                      "mobility, treatment, checkin; got '" +
                                      options.kind + "'"));
    }
  }
  auto log = opened->app->LoadLog(filter);
  if (!log) return ReportFailure(err, log.error());
  // The run rule's verdicts, when there is a plan, to show beside each run.
  std::map<std::int64_t, const RunDecision*> decisions;
  auto active = opened->app->LoadActivePlan();
  if (active) {
    for (const RunDecision& decision : active->state.decisions)
      decisions[decision.run_id] = &decision;
  }
  const DistanceUnit units = opened->settings.units;
  if (log->empty()) out << "Nothing logged in that range.\n";
  for (const LogEntry& entry : *log) {
    std::string text;
    switch (entry.kind) {
      case LogKind::kRun:
        text = fmt::format("{}  {}  pain {}",
                           entry.distance_m ? FormatDistance(*entry.distance_m, units)
                                            : Say("run.no_distance"),
                           FormatDuration(entry.duration_s.value_or(0)), entry.pain.value_or(0));
        if (entry.onset_m) text += ", started at " + FormatDistance(*entry.onset_m, units);
        if (entry.onset_s) text += ", started at " + FormatDuration(*entry.onset_s);
        if (auto it = decisions.find(entry.id); it != decisions.end()) {
          text += fmt::format("  [{}{}]", VerdictLabel(it->second->verdict),
                              it->second->spike ? ", over the spike guard" : "");
        }
        break;
      case LogKind::kMorning:
      case LogKind::kCheckIn:
        text = fmt::format("pain {}", entry.pain.value_or(0));
        break;
      case LogKind::kTreatment:
        text = entry.helped ? (*entry.helped ? "helped" : "did not help") : "";
        break;
      default:
        text = entry.done.value_or(true) ? "done" : "skipped";
        if (entry.pain) text += fmt::format(", pain {}", *entry.pain);
        if (entry.reps_in_reserve) text += fmt::format(", {} in reserve", *entry.reps_in_reserve);
        break;
    }
    if (!entry.note.empty()) text += "  \"" + entry.note + "\"";
    out << fmt::format("{:>5}  {}  {:<9} {}\n", entry.id, FormatDate(entry.date),
                       LogKindId(entry.kind), text);
  }
  return kExitOk;
}

int RunConfig(const GlobalOptions& global, const std::string& name, const std::string& value,
              std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  if (name.empty()) {
    out << "units          " << DistanceUnitId(opened->settings.units) << '\n';
    out << "runs-per-week  " << opened->settings.runs_per_week << '\n';
    out << "onset-lap      " << (opened->settings.onset_lap ? "on" : "off") << '\n';
    return kExitOk;
  }
  if (value.empty()) {
    return ReportFailure(err, Error::InvalidArgument("config " + name + ": give a value"));
  }
  auto changed = opened->app->ChangeSetting(name, value);
  if (!changed) return ReportFailure(err, changed.error());
  out << name << " set to " << value << ".\n";
  return kExitOk;
}

namespace {

void RegisterPlanCommands(Command app, const GlobalOptions& global) {
  auto plan = std::make_shared<PlanOptions>();
  Command plan_command = app.AddSubcommand(
      "plan",
      "Show your plan. With --start or --runs-per-week, start a new plan on your latest "
      "assessment (earlier plans and the log are kept).");
  plan_command.AddOption("--start", plan->start, "The first day of the new plan (YYYY-MM-DD).");
  plan_command.AddOption("--runs-per-week", plan->runs_per_week, "Runs a week, 2-5 (default 3).")
      .Range(2, 5);
  plan_command.Runs([&global, plan] { return RunPlan(global, *plan, std::cout, std::cerr); });

  app.AddSubcommand("today", "Today's sessions, with the why.").Runs([&global] {
    return RunToday(global, std::cout, std::cerr);
  });

  auto next_week = std::make_shared<bool>(false);
  Command week = app.AddSubcommand("week", "This week's sessions.");
  week.AddFlag("--next", *next_week, "Show next week instead.");
  week.Runs([&global, next_week] { return RunWeek(global, *next_week, std::cout, std::cerr); });

  app.AddSubcommand("status", "Route, phase, current cap, last runs, streak and the next step.")
      .Runs([&global] { return RunStatus(global, std::cout, std::cerr); });
}

// `log KIND`: one subcommand per kind, all filling one LogOptions.
Command RegisterLogCommand(Command app, const GlobalOptions& global) {
  auto log = std::make_shared<LogOptions>();
  Command log_command = app.AddSubcommand(
      "log", "Log a run, next-morning pain, a session, a treatment or a daily check-in.");
  log_command.RequireSubcommand(
      "backstride log: say what to log: run, morning, strength, sprint, mobility, treatment or "
      "checkin (or edit or delete an entry)");
  // The subcommands are named by the log kinds' ids (core/log.h), the one table of them.
  auto add_kind = [&](LogKind log_kind, const std::string& description) {
    const std::string kind(LogKindId(log_kind));
    Command command = log_command.AddSubcommand(kind, description);
    command.Runs([&global, log, kind] {
      log->kind = kind;
      return RunLog(global, *log, std::cout, std::cerr);
    });
    return command;
  };
  auto add_common = [&](Command command) {
    command.AddOption("--date", log->date, "The day it happened (default today).");
    command.AddOption("--note", log->note, "A short note.");
  };

  Command run = add_kind(LogKind::kRun, "A run, with pain during it.");
  run.AddOption("--distance", log->distance, "Distance, e.g. 2.1km, 1.3mi or 800m.");
  run.AddOption("--time", log->time, "Time, e.g. 12:34 or 1:02:03.");
  run.AddOption("--run", log->run_id,
                "Log the pain of this run already in the log (an imported one); without "
                "--distance and --time, the day's imported run waiting for a score.");
  run.AddOption("--pain", log->pain, "Worst back pain during the run, 0-10.")
      .Required()
      .Range(0, 10);
  run.AddOption("--before", log->pain_before, "Back pain before the run, 0-10.").Range(0, 10);
  run.AddOption("--onset", log->onset,
                "Where the pain started: a distance (1.6km) or a time (9min).");
  add_common(run);

  Command morning = add_kind(LogKind::kMorning, "Back pain the morning after your last run.");
  morning.AddOption("--pain", log->pain, "Back pain this morning, 0-10.").Required().Range(0, 10);
  add_common(morning);

  for (const LogKind session : {LogKind::kStrength, LogKind::kSprint, LogKind::kMobility}) {
    const std::string kind(LogKindId(session));
    Command command = add_kind(session, "A " + kind + " session.");
    command.AddFlag("--done", log->done, "It was done (the default).");
    command.AddFlag("--skipped", log->skipped, "It was skipped.");
    if (session != LogKind::kMobility) {
      // How hard it felt, for moving up a level (DESIGN 3.1b); range checked by the app.
      command.AddOption("--pain", log->pain, "Worst back pain during the session, 0-10.")
          .Range(0, 10);
      command.AddOption("--reserve", log->reserve,
                        "Repetitions you could still have done at the end of the hardest set, "
                        "0-10 (2-3 means the level is right to move up).");
    }
    add_common(command);
  }

  Command treatment =
      add_kind(LogKind::kTreatment, "A physiotherapy, massage or myotherapy session.");
  treatment.AddOption("--helped", log->helped, "Has treatment helped? yes or no.")
      .OneOf({"yes", "no"});
  add_common(treatment);

  Command checkin = add_kind(LogKind::kCheckIn, "How your back feels today, on any day.");
  checkin.AddOption("--pain", log->pain, "Back pain today, 0-10.").Required().Range(0, 10);
  add_common(checkin);
  return log_command;
}

void RegisterHistoryAndConfig(Command app, const GlobalOptions& global) {
  auto history = std::make_shared<HistoryOptions>();
  Command history_command = app.AddSubcommand("history", "The log, by date.");
  history_command.AddOption("--from", history->from, "First day (YYYY-MM-DD).");
  history_command.AddOption("--to", history->to, "Last day (YYYY-MM-DD).");
  history_command.AddOption("--kind", history->kind,
                            "Only this kind: run, morning, strength, sprint, mobility, "
                            "treatment, checkin.");
  history_command.Runs(
      [&global, history] { return RunHistory(global, *history, std::cout, std::cerr); });

  struct Setting {
    std::string name;
    std::string value;
  };
  auto setting = std::make_shared<Setting>();
  Command config = app.AddSubcommand(
      "config", "Show the settings, or change one: 'config units mi', 'config runs-per-week 4'.");
  config.AddOption("name", setting->name, "units or runs-per-week");
  config.AddOption("value", setting->value, "The new value.");
  config.Runs([&global, setting] {
    return RunConfig(global, setting->name, setting->value, std::cout, std::cerr);
  });
}

}  // namespace

void RegisterTrainingCommands(Command app, const GlobalOptions& global) {
  RegisterPlanCommands(app, global);
  Command log = RegisterLogCommand(app, global);
  // The corrections come right after the log, where --help lists them.
  RegisterCorrectionCommands(app, log, global);
  RegisterHistoryAndConfig(app, global);
}

}  // namespace backstride::cli
