#include "cli/correction_commands.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <ostream>

#include "app/corrections.h"
#include "app/log_form.h"
#include "cli/assess_command.h"
#include "cli/text_wrap.h"

namespace backstride::cli {
namespace {

constexpr std::size_t kWidth = 80;

// An id that is not in the log is the runner's typo: bad input, naming the id.
int ReportCorrectionFailure(std::ostream& err, Error error) {
  if (error.code == ErrorCode::kNotFound && error.message.starts_with("there is no log entry")) {
    error.code = ErrorCode::kInvalidArgument;
    error.message += " ('backstride history' lists the entries with their ids)";
  }
  return ReportFailure(err, WithFlagName(std::move(error)));
}

void PrintChanges(std::ostream& out, const LogOutcome& outcome) {
  for (const std::string& change : outcome.changes) out << Wrap(change, kWidth, "  ", "- ");
}

Result<LogEntryChanges> ChangesFrom(const EditOptions& options, Date today, DistanceUnit units) {
  // The form's parser reads the distance, time, onset and date as `log run` does.
  LogForm form;
  form.kind = "run";
  form.date = options.date;
  form.distance = options.distance;
  form.time = options.time;
  form.onset = options.onset;
  auto parsed = ParseLogForm(form, today, units, "--");
  if (!parsed) return Fail(parsed.error());
  LogEntryChanges changes;
  if (!options.date.empty()) changes.date = parsed->date;
  changes.distance_m = parsed->distance_m;
  changes.duration_s = parsed->duration_s;
  changes.onset_m = parsed->onset_m;
  changes.onset_s = parsed->onset_s;
  changes.pain = options.pain;
  changes.pain_before = options.pain_before;
  changes.reps_in_reserve = options.reserve;
  changes.note = options.note;
  if (options.done && options.skipped) {
    return Fail(Error::InvalidArgument("--done and --skipped cannot be used together", "--done"));
  }
  if (options.done) changes.done = true;
  if (options.skipped) changes.done = false;
  if (options.helped == "yes" || options.helped == "no") {
    changes.helped = options.helped == "yes";
  } else if (options.helped == "unsure") {
    changes.clear_helped = true;
  } else if (!options.helped.empty()) {
    return Fail(Error::InvalidArgument(
        "--helped: must be yes, no or unsure, got '" + options.helped + "'", "--helped"));
  }
  if (options.no_before && options.pain_before) {
    return Fail(
        Error::InvalidArgument("--before and --no-before cannot be used together", "--before"));
  }
  if (options.no_onset && !options.onset.empty()) {
    return Fail(
        Error::InvalidArgument("--onset and --no-onset cannot be used together", "--onset"));
  }
  if (options.no_reserve && options.reserve) {
    return Fail(
        Error::InvalidArgument("--reserve and --no-reserve cannot be used together", "--reserve"));
  }
  changes.clear_pain_before = options.no_before;
  changes.clear_onset = options.no_onset;
  changes.clear_reps_in_reserve = options.no_reserve;
  const bool any = changes.date || changes.distance_m || changes.duration_s || changes.onset_m ||
                   changes.onset_s || changes.pain || changes.pain_before || changes.note ||
                   changes.done || changes.helped || changes.clear_helped ||
                   changes.clear_pain_before || changes.clear_onset || changes.reps_in_reserve ||
                   changes.clear_reps_in_reserve;
  if (!any) {
    return Fail(Error::InvalidArgument(
        "say what to change: --date, --distance, --time, --pain, --before, --onset, --reserve, "
        "--note, --done, --skipped or --helped"));
  }
  return changes;
}

}  // namespace

int RunLogEdit(const GlobalOptions& global, const EditOptions& options, std::ostream& out,
               std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto changes = ChangesFrom(options, opened->today, opened->settings.units);
  if (!changes) return ReportFailure(err, changes.error());
  auto outcome = opened->app->EditLogEntry(options.id, *changes);
  if (!outcome) return ReportCorrectionFailure(err, outcome.error());
  out << fmt::format("Entry {}:\n", options.id);
  PrintChanges(out, *outcome);
  return kExitOk;
}

int RunLogDelete(const GlobalOptions& global, std::int64_t id, std::ostream& out,
                 std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto outcome = opened->app->DeleteLogEntry(id);
  if (!outcome) return ReportCorrectionFailure(err, outcome.error());
  out << fmt::format("Deleted entry {}; 'backstride undo' brings it back.\n", id);
  PrintChanges(out, *outcome);
  return kExitOk;
}

int RunUndo(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  auto outcome = opened->app->UndoLastChange();
  if (!outcome) return ReportFailure(err, outcome.error());
  PrintChanges(out, *outcome);
  return kExitOk;
}

void RegisterCorrectionCommands(Command app, Command log, const GlobalOptions& global) {
  auto edit = std::make_shared<EditOptions>();
  Command log_edit = log.AddSubcommand(
      "edit", "Correct an entry or a run (logged or imported); the plan is worked out again.");
  log_edit.AddOption("id", edit->id, "The entry's id (see 'backstride history').").Required();
  log_edit.AddOption("--date", edit->date, "The day it happened (YYYY-MM-DD).");
  log_edit.AddOption("--distance", edit->distance, "Distance, e.g. 2.1km, 1.3mi or 800m.");
  log_edit.AddOption("--time", edit->time, "Time, e.g. 12:34 or 1:02:03.");
  log_edit
      .AddOption("--pain", edit->pain,
                 "Pain: during a run or session, that morning, or that day, 0-10.")
      .Range(0, 10);
  log_edit.AddOption("--before", edit->pain_before, "Back pain before the run, 0-10.").Range(0, 10);
  log_edit.AddFlag("--no-before", edit->no_before, "No pain before the run was given after all.");
  log_edit.AddOption("--reserve", edit->reserve,
                     "Strength or sprints: repetitions you could still have done at the end "
                     "of the hardest set, 0-10.");
  log_edit.AddFlag("--no-reserve", edit->no_reserve, "No repetitions in reserve given after all.");
  log_edit.AddOption("--onset", edit->onset,
                     "Where the pain started: a distance (1.6km) or a time (9min).");
  log_edit.AddFlag("--no-onset", edit->no_onset, "The pain did not start during the run.");
  log_edit.AddFlag("--done", edit->done, "The session was done.");
  log_edit.AddFlag("--skipped", edit->skipped, "The session was skipped.");
  log_edit.AddOption("--helped", edit->helped, "Has treatment helped? yes, no or unsure.")
      .OneOf({"yes", "no", "unsure"});
  log_edit.AddOption("--note", edit->note, "A short note (\"\" removes it).");
  log_edit.Runs([&global, edit] { return RunLogEdit(global, *edit, std::cout, std::cerr); });

  auto delete_id = std::make_shared<std::int64_t>(0);
  Command log_delete = log.AddSubcommand(
      "delete",
      "Delete an entry or a run (an imported one with its recording); 'backstride "
      "undo' brings it back.");
  log_delete.AddOption("id", *delete_id, "The entry's id (see 'backstride history').").Required();
  log_delete.Runs(
      [&global, delete_id] { return RunLogDelete(global, *delete_id, std::cout, std::cerr); });

  app.AddSubcommand("undo",
                    "Undo the last entry logged, corrected or deleted; the plan is worked out "
                    "again.")
      .Runs([&global] { return RunUndo(global, std::cout, std::cerr); });
}

}  // namespace backstride::cli
