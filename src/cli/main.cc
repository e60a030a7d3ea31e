// The backstride command. Parses arguments (CLI11), runs the command, and turns every
// failure into a message and an exit code: 0 success, 2 bad input, 1 anything else.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <map>
#include <string>

#include "app/training.h"
#include "base/memory.h"
#include "cli/assess_command.h"
#include "cli/context.h"
#include "cli/correction_commands.h"
#include "cli/data_commands.h"
#include "cli/import_commands.h"
#include "cli/serve_command.h"
#include "cli/training_commands.h"

namespace {

using namespace backstride;
using namespace backstride::cli;

// Keeps an assessment in the store and says what comes next.
Result<std::string> SaveToStore(const GlobalOptions& global, const Assessment& assessment) {
  auto app = OpenApp(global);
  if (!app) return Fail(app.error());
  auto saved = (*app)->SaveAssessment(assessment);
  if (!saved) return Fail(saved.error());
  if (saved->plan_id) {
    return std::string(
        "Saved. Your plan starts today: 'backstride today' shows today's "
        "sessions and 'backstride plan' the whole plan.");
  }
  return std::string("Saved. No running plan is made for this route.");
}

int Main(int argc, char** argv) {
  CLI::App app{
      "backstride helps runners with back pain keep running, or get back to it, safely.\n"
      "It screens for warning signs, works out your situation, explains why, gives advice,\n"
      "and turns it into a dated plan that adapts to every run and pain score.\n"
      "It is guidance, not a diagnosis.",
      "backstride"};
  app.set_version_flag("--version", "backstride " BACKSTRIDE_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'backstride COMMAND --help' for a command's options.");
  // --db and --today may come anywhere, before or after the command.
  app.fallthrough();

  GlobalOptions global;
  app.add_option("--db", global.db_path,
                 "The database file (default: $XDG_DATA_HOME/backstride/backstride.db).");
  app.add_option("--today", global.today,
                 "Act as if today were this date (YYYY-MM-DD), e.g. to log a past week.");

  // --- assess ---------------------------------------------------------------------------
  AssessOptions assess;
  bool no_save = false;
  CLI::App* assess_command = app.add_subcommand(
      "assess",
      "Answer the questionnaire (or give a file of answers) to get your route, the reasons "
      "for it, and advice. The assessment is saved, and a plan started for the routes that "
      "get one.");
  assess_command->add_option("--answers", assess.answers_path,
                             "A JSON file of answers, or - to read them from standard input. "
                             "Without it, the questions are asked one at a time.");
  assess_command->add_flag("--interactive", assess.interactive,
                           "Ask the questions even when standard input is not a terminal.");
  assess_command->add_option("--save-answers", assess.save_answers_path,
                             "After answering the questions, save the answers to this JSON file "
                             "for later use with --answers.");
  assess_command->add_flag("--no-save", no_save, "Show the result without storing it.");
  const std::map<std::string, OutputFormat> formats = {
      {"text", OutputFormat::kText},
      {"json", OutputFormat::kJson},
      {"markdown", OutputFormat::kMarkdown},
  };
  assess_command
      ->add_option("--format", assess.format, "Output format: text (default), json or markdown.")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->option_text("text|json|markdown");

  // --- plan, today, week, status --------------------------------------------------------
  PlanOptions plan;
  CLI::App* plan_command = app.add_subcommand(
      "plan",
      "Show your plan. With --start or --runs-per-week, start a new plan on your latest "
      "assessment (earlier plans and the log are kept).");
  plan_command->add_option("--start", plan.start, "The first day of the new plan (YYYY-MM-DD).");
  plan_command->add_option("--runs-per-week", plan.runs_per_week, "Runs a week, 2-5 (default 3).")
      ->check(CLI::Range(2, 5));
  CLI::App* today_command = app.add_subcommand("today", "Today's sessions, with the why.");
  bool next_week = false;
  CLI::App* week_command = app.add_subcommand("week", "This week's sessions.");
  week_command->add_flag("--next", next_week, "Show next week instead.");
  CLI::App* status_command = app.add_subcommand(
      "status", "Route, phase, current cap, last runs, streak and the next step.");

  // --- log ------------------------------------------------------------------------------
  LogOptions log;
  CLI::App* log_command = app.add_subcommand(
      "log", "Log a run, next-morning pain, a session, a treatment or a daily check-in.");
  log_command->require_subcommand(1);
  auto add_common = [&](CLI::App* command) {
    command->add_option("--date", log.date, "The day it happened (default today).");
    command->add_option("--note", log.note, "A short note.");
  };
  CLI::App* log_run = log_command->add_subcommand("run", "A run, with pain during it.");
  log_run->add_option("--distance", log.distance, "Distance, e.g. 2.1km, 1.3mi or 800m.");
  log_run->add_option("--time", log.time, "Time, e.g. 12:34 or 1:02:03.");
  log_run->add_option("--run", log.run_id,
                      "Log the pain of this run already in the log (an imported one); without "
                      "--distance and --time, the day's imported run waiting for a score.");
  log_run->add_option("--pain", log.pain, "Worst back pain during the run, 0-10.")
      ->required()
      ->check(CLI::Range(0, 10));
  log_run->add_option("--before", log.pain_before, "Back pain before the run, 0-10.")
      ->check(CLI::Range(0, 10));
  log_run->add_option("--onset", log.onset,
                      "Where the pain started: a distance (1.6km) or a time (9min).");
  add_common(log_run);
  CLI::App* log_morning =
      log_command->add_subcommand("morning", "Back pain the morning after your last run.");
  log_morning->add_option("--pain", log.pain, "Back pain this morning, 0-10.")
      ->required()
      ->check(CLI::Range(0, 10));
  add_common(log_morning);
  for (const char* kind : {"strength", "sprint", "mobility"}) {
    CLI::App* command = log_command->add_subcommand(kind, std::string("A ") + kind + " session.");
    command->add_flag("--done", log.done, "It was done (the default).");
    command->add_flag("--skipped", log.skipped, "It was skipped.");
    if (std::string(kind) != "mobility") {
      // How hard it felt, for moving up a level (DESIGN 3.1b); range checked by the app.
      command->add_option("--pain", log.pain, "Worst back pain during the session, 0-10.")
          ->check(CLI::Range(0, 10));
      command->add_option("--reserve", log.reserve,
                          "Repetitions you could still have done at the end of the hardest set, "
                          "0-10 (2-3 means the level is right to move up).");
    }
    add_common(command);
  }
  CLI::App* log_treatment =
      log_command->add_subcommand("treatment", "A physiotherapy, massage or myotherapy session.");
  log_treatment->add_option("--helped", log.helped, "Has treatment helped? yes or no.")
      ->check(CLI::IsMember({"yes", "no"}));
  add_common(log_treatment);
  CLI::App* log_checkin =
      log_command->add_subcommand("checkin", "How your back feels today, on any day.");
  log_checkin->add_option("--pain", log.pain, "Back pain today, 0-10.")
      ->required()
      ->check(CLI::Range(0, 10));
  add_common(log_checkin);
  EditOptions edit;
  CLI::App* log_edit = log_command->add_subcommand(
      "edit", "Correct an entry or a run (logged or imported); the plan is worked out again.");
  log_edit->add_option("id", edit.id, "The entry's id (see 'backstride history').")->required();
  log_edit->add_option("--date", edit.date, "The day it happened (YYYY-MM-DD).");
  log_edit->add_option("--distance", edit.distance, "Distance, e.g. 2.1km, 1.3mi or 800m.");
  log_edit->add_option("--time", edit.time, "Time, e.g. 12:34 or 1:02:03.");
  log_edit
      ->add_option("--pain", edit.pain,
                   "Pain: during a run or session, that morning, or that day, 0-10.")
      ->check(CLI::Range(0, 10));
  log_edit->add_option("--before", edit.pain_before, "Back pain before the run, 0-10.")
      ->check(CLI::Range(0, 10));
  log_edit->add_flag("--no-before", edit.no_before, "No pain before the run was given after all.");
  log_edit->add_option("--reserve", edit.reserve,
                       "Strength or sprints: repetitions you could still have done at the end "
                       "of the hardest set, 0-10.");
  log_edit->add_flag("--no-reserve", edit.no_reserve, "No repetitions in reserve given after all.");
  log_edit->add_option("--onset", edit.onset,
                       "Where the pain started: a distance (1.6km) or a time (9min).");
  log_edit->add_flag("--no-onset", edit.no_onset, "The pain did not start during the run.");
  log_edit->add_flag("--done", edit.done, "The session was done.");
  log_edit->add_flag("--skipped", edit.skipped, "The session was skipped.");
  log_edit->add_option("--helped", edit.helped, "Has treatment helped? yes, no or unsure.")
      ->check(CLI::IsMember({"yes", "no", "unsure"}));
  log_edit->add_option("--note", edit.note, "A short note (\"\" removes it).");
  std::int64_t delete_id = 0;
  CLI::App* log_delete = log_command->add_subcommand(
      "delete",
      "Delete an entry or a run (an imported one with its recording); 'backstride "
      "undo' brings it back.");
  log_delete->add_option("id", delete_id, "The entry's id (see 'backstride history').")->required();
  CLI::App* undo_command = app.add_subcommand(
      "undo", "Undo the last entry logged, corrected or deleted; the plan is worked out again.");

  // --- history, config, export, import-data ----------------------------------------------
  HistoryOptions history;
  CLI::App* history_command = app.add_subcommand("history", "The log, by date.");
  history_command->add_option("--from", history.from, "First day (YYYY-MM-DD).");
  history_command->add_option("--to", history.to, "Last day (YYYY-MM-DD).");
  history_command->add_option("--kind", history.kind,
                              "Only this kind: run, morning, strength, sprint, mobility, "
                              "treatment, checkin.");
  std::string config_name, config_value;
  CLI::App* config_command = app.add_subcommand(
      "config", "Show the settings, or change one: 'config units mi', 'config runs-per-week 4'.");
  config_command->add_option("name", config_name, "units or runs-per-week");
  config_command->add_option("value", config_value, "The new value.");

  ExportOptions export_options;
  CLI::App* export_command =
      app.add_subcommand("export", "Write the plan as a calendar (.ics) or all your data as JSON.");
  export_command->add_option("--ics", export_options.ics_path,
                             "Write the plan as an iCalendar file.");
  export_command->add_option("--json", export_options.json_path,
                             "Write every assessment, plan, log entry and setting as JSON.");
  std::string import_path;
  bool import_replace = false;
  CLI::App* import_command =
      app.add_subcommand("import-data", "Read a JSON file written by 'backstride export --json'.");
  import_command->add_option("file", import_path, "The JSON file.")->required();
  import_command->add_flag("--replace", import_replace,
                           "Replace the data already stored (otherwise the store must be empty).");

  // --- import, runs, run -----------------------------------------------------------------
  ImportCommandOptions import_options;
  CLI::App* import_files = app.add_subcommand(
      "import",
      "Import runs from FIT, GPX or TCX files (also .gz) and folders of them. Duplicates are "
      "stored once; other sports and non-activity files are skipped with the reason.");
  import_files->add_option("paths", import_options.paths, "Files or folders.")->required();
  import_files->add_flag("--dry-run", import_options.dry_run, "Decode and report; store nothing.");
  import_files->add_flag("--onset-lap", import_options.onset_lap,
                         "A manual lap press in these runs marks where the pain started.");
  std::string import_format = "text";
  import_files->add_option("--format", import_format, "text (default) or json (one object a line).")
      ->check(CLI::IsMember({"text", "json"}));
  std::string runs_from, runs_to, runs_format = "text";
  CLI::App* runs_command = app.add_subcommand("runs", "List your runs, logged and imported.");
  runs_command->add_option("--from", runs_from, "First day (YYYY-MM-DD).");
  runs_command->add_option("--to", runs_to, "Last day (YYYY-MM-DD).");
  runs_command->add_option("--format", runs_format, "text (default) or json.")
      ->check(CLI::IsMember({"text", "json"}));
  CLI::App* run_command =
      app.add_subcommand("run", "One run: show it, or set where the pain started.");
  run_command->require_subcommand(1);
  std::int64_t run_id = 0;
  CLI::App* run_show =
      run_command->add_subcommand("show", "A run with its laps, splits and onset.");
  run_show->add_option("id", run_id, "The run's id (see 'backstride runs').")->required();
  OnsetOptions onset;
  CLI::App* run_onset = run_command->add_subcommand(
      "onset", "Set or correct where the pain started: at the end of a lap, a distance or a time.");
  run_onset->add_option("id", run_id, "The run's id.")->required();
  run_onset->add_option("--lap", onset.lap, "The end of this lap (1 = the first).");
  run_onset->add_option("--km", onset.km, "A distance from the start, e.g. 1.6 or 1.6km.");
  run_onset->add_option("--min", onset.min, "A time from the start, e.g. 9 or 9:30.");

  ServeCommandOptions serve;
  CLI::App* serve_command = app.add_subcommand(
      "serve", "Start the web app on this machine and print its address; Ctrl+C stops it.");
  serve_command->add_option("--port", serve.port, "Port to listen on (default 8080; 0: any free).");
  serve_command->add_option("--host", serve.host,
                            "Address to listen on (default 127.0.0.1: this machine only).");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (log_command->parsed() && log_command->get_subcommands().empty()) {
      std::string given;
      for (const std::string& extra : app.remaining()) given += " '" + extra + "'";
      std::cerr << "backstride log: say what to log: run, morning, strength, sprint, mobility, "
                   "treatment or checkin (or edit or delete an entry)"
                << (given.empty() ? "" : "; got" + given) << "\n";
      return kExitBadInput;
    }
    std::cerr << "backstride: " << e.what() << "\nRun 'backstride --help' for usage.\n";
    return kExitBadInput;
  }

  if (assess_command->parsed()) {
    if (!no_save) {
      assess.save = [&global](const Assessment& a) { return SaveToStore(global, a); };
    }
    return RunAssess(assess, std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1);
  }
  if (plan_command->parsed()) return RunPlan(global, plan, std::cout, std::cerr);
  if (today_command->parsed()) return RunToday(global, std::cout, std::cerr);
  if (week_command->parsed()) return RunWeek(global, next_week, std::cout, std::cerr);
  if (status_command->parsed()) return RunStatus(global, std::cout, std::cerr);
  if (log_edit->parsed()) return RunLogEdit(global, edit, std::cout, std::cerr);
  if (log_delete->parsed()) return RunLogDelete(global, delete_id, std::cout, std::cerr);
  if (undo_command->parsed()) return RunUndo(global, std::cout, std::cerr);
  if (log_command->parsed()) {
    for (CLI::App* sub : log_command->get_subcommands()) log.kind = sub->get_name();
    return RunLog(global, log, std::cout, std::cerr);
  }
  if (history_command->parsed()) return RunHistory(global, history, std::cout, std::cerr);
  if (config_command->parsed()) {
    return RunConfig(global, config_name, config_value, std::cout, std::cerr);
  }
  if (export_command->parsed()) return RunExport(global, export_options, std::cout, std::cerr);
  if (import_files->parsed()) {
    import_options.json = import_format == "json";
    return RunImport(global, import_options, std::cout, std::cerr, isatty(STDERR_FILENO) == 1);
  }
  if (runs_command->parsed()) {
    return RunRuns(global, runs_from, runs_to, runs_format == "json", std::cout, std::cerr);
  }
  if (serve_command->parsed()) return RunServe(global, serve, std::cout, std::cerr);
  if (run_show->parsed()) return RunShow(global, run_id, std::cout, std::cerr);
  if (run_onset->parsed()) return RunOnset(global, run_id, onset, std::cout, std::cerr);
  if (import_command->parsed()) {
    return RunImportData(global, import_path, import_replace, std::cout, std::cerr);
  }
  return kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  backstride::KeepFreedMemoryForReuse();
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "backstride: unexpected error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "backstride: unexpected error\n";
  }
  return backstride::cli::kExitFailure;
}
