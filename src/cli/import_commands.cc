#include "cli/import_commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/explain.h"
#include "app/import.h"
#include "app/runs.h"
#include "app/training.h"
#include "app/views.h"
#include "cli/assess_command.h"
#include "cli/text_wrap.h"

namespace backstride::cli {
namespace {

constexpr std::size_t kWidth = 80;

// One line, redrawn in place: files, megabytes, rate and time left.
// An import of this many runs or more is a history (an export), not the last few runs.
constexpr int kHistoryRuns = 20;

// One line on the terminal, rewritten in place: how much of the input is read, the runs
// found, and the time left.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err) : err_(err) {}

  void Show(const ImportProgress& progress) {
    const double fraction =
        progress.bytes_total > 0
            ? std::min(1.0, static_cast<double>(progress.bytes_read) /
                                static_cast<double>(progress.bytes_total))
            : 0;
    const int filled = static_cast<int>(fraction * 20);
    std::string line =
        "[" + std::string(static_cast<std::size_t>(filled), '#') +
        std::string(static_cast<std::size_t>(20 - filled), ' ') + "] " +
        Say(progress.runs_found == 1 ? "import.progress_one" : "import.progress",
            {{"read", fmt::format("{:.0f}", static_cast<double>(progress.bytes_read) / 1e6)},
             {"total", fmt::format("{:.0f}", static_cast<double>(progress.bytes_total) / 1e6)},
             {"runs", std::to_string(progress.runs_found)}});
    if (progress.seconds_left) {
      line += Say("import.progress_left", {{"time", FormatDuration(*progress.seconds_left)}});
    }
    if (line.size() < kWidth - 1) line += std::string(kWidth - 1 - line.size(), ' ');
    err_ << '\r' << line.substr(0, kWidth - 1) << std::flush;
  }
  void Finish() { err_ << "\r" << std::string(kWidth - 1, ' ') << "\r" << std::flush; }

 private:
  std::ostream& err_;
};

double SplitLength(DistanceUnit units) {
  return units == DistanceUnit::kMiles ? kMetresPerMile : 1000.0;
}

// "5.02 km  30:12", or "57:00 (no distance)" for a time-based run.
std::string DistanceAndTime(std::optional<double> distance_m, double duration_s,
                            DistanceUnit units) {
  if (!distance_m) return fmt::format("{}  ({})", FormatDuration(duration_s), Say("run.no_distance"));
  return fmt::format("{}  {}", FormatDistance(*distance_m, units), FormatDuration(duration_s));
}

// A file's name as the runner gave it: inside a folder they named, the part under it.
std::string ShownName(const std::string& file, const std::vector<std::string>& paths) {
  for (std::string folder : paths) {
    if (!folder.ends_with('/')) folder += '/';
    if (file.size() > folder.size() && file.starts_with(folder)) return file.substr(folder.size());
  }
  return file;
}

// One file's line and what to know about it, indented under its group.
void PrintFile(const ImportedFile& file, const std::string& line, DistanceUnit units,
               std::ostream& out) {
  out << Wrap(line, kWidth, "      ", "  ");
  for (const std::string& notice : ImportNoticeTexts(file, units)) {
    out << Wrap(notice, kWidth, "      ", "    ");
  }
  for (const std::string& warning : ImportWarningTexts(file.warnings)) {
    out << Wrap(warning, kWidth, "      ", "    ");
  }
}

// The text report of an import: the totals, then the files by what became of them: the
// runs imported with their dates, the duplicates with the run each matched, the files
// skipped or failed with the reason, and the files that were no activity files at all.
void PrintImport(const ImportSummary& summary, const ImportCommandOptions& options,
                 DistanceUnit units, std::ostream& out) {
  const bool dry_run = options.dry_run;
  const auto name = [&](const ImportedFile& file) { return ShownName(file.file, options.paths); };
  out << fmt::format("{} {} run{}, {} duplicate{}, {} skipped, {} failed",
                     dry_run ? "Would import" : "Imported", summary.imported,
                     summary.imported == 1 ? "" : "s", summary.duplicates,
                     summary.duplicates == 1 ? "" : "s", summary.skipped, summary.failed);
  const int left_alone = summary.not_activity + summary.archive_other;
  if (left_alone > 0) {
    out << fmt::format("; {} other file{} left alone", left_alone, left_alone == 1 ? "" : "s");
  }
  out << ".\n";
  if (summary.resumed > 0) {
    out << Wrap(Say(summary.resumed == 1 ? "import.resumed_one" : "import.resumed",
                    {{"count", std::to_string(summary.resumed)}}),
                kWidth);
  }
  const auto group = [&](ImportStatus status, std::string_view heading, auto line) {
    bool first = true;
    for (const ImportedFile& file : summary.files) {
      if (file.status != status) continue;
      if (first) out << '\n' << heading << '\n';
      first = false;
      PrintFile(file, line(file), units, out);
    }
  };
  group(ImportStatus::kImported, dry_run ? "Runs it would import:" : "Runs imported:",
        [&](const ImportedFile& file) {
          std::string line;
          if (file.run) {
            line += FormatDate(file.run->date) + ": ";
            line += file.run->distance_m
                        ? fmt::format("{} in {}", FormatDistance(*file.run->distance_m, units),
                                      FormatDuration(file.run->duration_s))
                        : fmt::format("{}, {}", FormatDuration(file.run->duration_s), Say("run.no_distance"));
            line += ", ";
          }
          if (!file.title.empty()) line += "\"" + file.title + "\", ";
          line += name(file);
          if (file.run_id) line += fmt::format(" (run {})", *file.run_id);
          return line;
        });
  const auto with_reason = [&](const ImportedFile& file) {
    return fmt::format("{}: {}", name(file), ImportReasonText(file, units));
  };
  group(ImportStatus::kDuplicate, "Already stored:", [&](const ImportedFile& file) {
    std::string line = with_reason(file);
    if (file.match && file.match->run_id && file.reason == ImportReason::kDuplicate) {
      line += fmt::format(" (run {})", *file.match->run_id);
    }
    return line;
  });
  group(ImportStatus::kSkipped, "Skipped:", with_reason);
  group(ImportStatus::kFailed, "Failed:", with_reason);
  std::string others;
  for (const ImportedFile& file : summary.files) {
    if (file.status != ImportStatus::kNotActivity) continue;
    others += (others.empty() ? "" : ", ") + name(file);
  }
  if (!others.empty()) {
    out << "\nNot activity files, left alone:\n" << Wrap(others, kWidth, "  ");
  }
  if (summary.imported > 0 && !dry_run) {
    // A whole history is there to count the load, not to be scored run by run.
    std::optional<Date> first, last;
    for (const ImportedFile& file : summary.files) {
      if (file.status != ImportStatus::kImported || !file.run) continue;
      if (!first || file.run->date < *first) first = file.run->date;
      if (!last || *last < file.run->date) last = file.run->date;
    }
    out << '\n';
    if (summary.imported >= kHistoryRuns && first && last) {
      out << Wrap(Say("import.history_in", {{"first", FormatDate(*first)}, {"last", FormatDate(*last)}}),
                  kWidth);
    } else {
      out << Wrap(Say("import.rate_new_runs"), kWidth);
    }
  }
}

std::string PainText(const LogEntry& entry) {
  return entry.pain ? fmt::format("pain {}", *entry.pain) : std::string("no pain score yet");
}

}  // namespace

int RunImport(const GlobalOptions& global, const ImportCommandOptions& options, std::ostream& out,
              std::ostream& err, bool progress_to_terminal) {
  if (options.paths.empty()) {
    return ReportFailure(err, Error::InvalidArgument("import: give one or more files or folders"));
  }
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());

  ImportOptions import_options;
  import_options.dry_run = options.dry_run;
  import_options.onset_lap = options.onset_lap || opened->settings.onset_lap;
  std::optional<ProgressBar> bar;
  if (progress_to_terminal && !options.json) {
    bar.emplace(err);
    import_options.on_progress = [&](const ImportProgress& progress) { bar->Show(progress); };
  }
  import_options.on_file = [&](const ImportedFile& file, std::size_t, std::uint64_t) {
    if (options.json) out << ImportedFileJson(file, opened->settings.units).dump() << '\n';
  };
  auto summary = opened->app->ImportPaths(options.paths, import_options);
  if (bar) bar->Finish();
  if (!summary) return ReportFailure(err, summary.error());
  if (!options.json) PrintImport(*summary, options, opened->settings.units, out);
  // Files that are not activity files are no failure: only an activity file that could
  // not be read is.
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

int RunRuns(const GlobalOptions& global, const std::string& from, const std::string& to, bool json,
            std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  std::optional<Date> from_date, to_date;
  if (!from.empty()) {
    auto date = ParseDate(from);
    if (!date) return ReportFailure(err, Error::InvalidArgument("--from: " + date.error().message));
    from_date = *date;
  }
  if (!to.empty()) {
    auto date = ParseDate(to);
    if (!date) return ReportFailure(err, Error::InvalidArgument("--to: " + date.error().message));
    to_date = *date;
  }
  auto runs = opened->app->ListRuns(from_date, to_date);
  if (!runs) return ReportFailure(err, runs.error());
  const DistanceUnit units = opened->settings.units;
  if (json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RunView& run : *runs) list.push_back(RunViewJson(run));
    out << list.dump(2) << '\n';
    return kExitOk;
  }
  if (runs->empty()) out << "No runs in that range.\n";
  for (const RunView& run : *runs) {
    const LogEntry& e = run.entry;
    std::string line = fmt::format("{:>5}  {}  {}", e.id, FormatDate(e.date),
                                   DistanceAndTime(e.distance_m, e.duration_s.value_or(0), units));
    if (e.distance_m && e.duration_s && *e.distance_m > 0) {
      line += "  " + FormatPace(*e.duration_s / (*e.distance_m / 1000.0), units);
    }
    line += "  " + PainText(e);
    if (run.decision) {
      line += fmt::format("  [{}{}]", VerdictLabel(run.decision->verdict),
                          run.decision->spike ? ", over the spike guard" : "");
    }
    line += run.activity ? "  " + run.activity->format : "  logged";
    if (run.activity && !run.activity->title.empty()) line += "  \"" + run.activity->title + "\"";
    out << line << '\n';
  }
  return kExitOk;
}

int RunShow(const GlobalOptions& global, std::int64_t id, std::ostream& out, std::ostream& err) {
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  const DistanceUnit units = opened->settings.units;
  auto detail = opened->app->ShowRun(id, SplitLength(units));
  if (!detail) {
    Error error = detail.error();
    if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kInvalidArgument;
    return ReportFailure(err, error);
  }
  const LogEntry& e = detail->run.entry;
  out << fmt::format("Run {} on {} ({})\n", e.id, FormatDate(e.date),
                     detail->run.activity ? "imported from " + detail->run.activity->file
                                          : std::string("logged by hand"));
  if (e.distance_m) {
    out << fmt::format("  Distance {}, time {}", FormatDistance(*e.distance_m, units),
                       FormatDuration(e.duration_s.value_or(0)));
  } else {
    out << "  " << Say("run.show_time_only", {{"time", FormatDuration(e.duration_s.value_or(0))}});
  }
  if (e.distance_m && e.duration_s && *e.distance_m > 0) {
    out << ", pace " << FormatPace(*e.duration_s / (*e.distance_m / 1000.0), units);
  }
  out << ", " << PainText(e) << '\n';
  if (const auto& a = detail->run.activity) {
    // The service's name and words for the run, and where else it was found.
    if (!a->title.empty()) out << "  \"" << a->title << "\"\n";
    if (!a->description.empty()) out << Wrap(a->description, kWidth, "  ", "  ");
    if (a->source != "file" || !a->aliases.empty()) {
      std::string also;
      for (const RecordingAlias& alias : a->aliases) {
        const std::string name = Say("source." + alias.source);
        if (also.find(name) == std::string::npos) also += (also.empty() ? "" : ", ") + name;
      }
      out << "  From " << Say("source." + a->source)
          << (also.empty() ? std::string() : "; also in " + also) << '\n';
    }
  }
  if (const auto& a = detail->run.activity) {
    out << fmt::format("  Started {} UTC{}; elapsed {}, moving {}{}\n", FormatIsoTime(a->start_utc),
                       a->utc_offset_s
                           ? fmt::format(" (local offset {:+.1f} h)", *a->utc_offset_s / 3600.0)
                           : std::string(),
                       FormatDuration(a->elapsed_s), FormatDuration(a->moving_s),
                       a->timer_s ? ", timer " + FormatDuration(*a->timer_s) : std::string());
    std::string extras;
    if (a->avg_hr_bpm) extras += fmt::format("avg heart rate {:.0f} bpm  ", *a->avg_hr_bpm);
    if (a->avg_cadence_spm) extras += fmt::format("avg cadence {:.0f} spm  ", *a->avg_cadence_spm);
    if (a->elevation_gain_m) extras += fmt::format("climb {:.0f} m  ", *a->elevation_gain_m);
    if (a->indoor) extras += "indoor  ";
    if (!extras.empty()) out << "  " << extras << '\n';
  }
  if (e.onset_m || e.onset_s) {
    if (e.onset_m) {
      out << "  Pain started at " << FormatDistance(*e.onset_m, units)
          << (e.onset_s ? ", " + FormatDuration(*e.onset_s) + " in" : "") << '\n';
    } else {
      out << "  Pain started " << FormatDuration(*e.onset_s) << " in\n";
    }
  }
  if (detail->run.decision) {
    out << Wrap(JoinSentences(ExplainDecision(*detail->run.decision, units)), kWidth, "  ", "  ");
  }
  if (!detail->laps.empty()) {
    out << "\n  Laps\n";
    for (std::size_t i = 0; i < detail->laps.size(); ++i) {
      const Lap& lap = detail->laps[i];
      out << fmt::format("  {:>3}  {:<12} {:>8}  {}\n", i + 1,
                         Say("lap." + std::string(LapTriggerId(lap.trigger))),
                         FormatDuration(lap.elapsed_s),
                         lap.distance_m ? FormatDistance(*lap.distance_m, units) : "-");
    }
  }
  if (!detail->splits.empty()) {
    out << "\n  Splits\n";
    for (const Split& split : detail->splits) {
      out << fmt::format("  {:>3}  {}  {}  {}  {}\n", split.number,
                         FormatDistance(split.distance_m, units), FormatDuration(split.duration_s),
                         split.distance_m > 0
                             ? FormatPace(split.duration_s / (split.distance_m / 1000.0), units)
                             : "-",
                         split.avg_hr_bpm ? fmt::format("{:.0f} bpm", *split.avg_hr_bpm) : "-");
    }
  }
  return kExitOk;
}

int RunOnset(const GlobalOptions& global, std::int64_t id, const OnsetOptions& options,
             std::ostream& out, std::ostream& err) {
  const int given =
      (options.lap ? 1 : 0) + (options.km.empty() ? 0 : 1) + (options.min.empty() ? 0 : 1);
  if (given != 1) {
    return ReportFailure(err, Error::InvalidArgument("run onset: give exactly one of --lap N, "
                                                     "--km X or --min Y"));
  }
  auto opened = Open(global);
  if (!opened) return ReportFailure(err, opened.error());
  OnsetSpec spec;
  spec.lap = options.lap;
  if (!options.km.empty()) {
    // The option says kilometres: a bare number is km even for a runner in miles ("2mi" is
    // read as miles).
    auto distance = ParseDistance(options.km, DistanceUnit::kKilometres);
    if (!distance)
      return ReportFailure(err, Error::InvalidArgument("--km: " + distance.error().message));
    spec.distance_m = *distance;
  }
  if (!options.min.empty()) {
    auto time = ParseDuration(options.min);
    if (!time) return ReportFailure(err, Error::InvalidArgument("--min: " + time.error().message));
    spec.elapsed_s = *time;
  }
  auto entry = opened->app->SetOnset(id, spec);
  if (!entry) {
    Error error = entry.error();
    // This command takes the point as --km or --min.
    if (error.path == "onset") error.path = options.km.empty() ? "min" : "km";
    error = WithFlagName(std::move(error));
    if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kInvalidArgument;
    return ReportFailure(err, error);
  }
  if (entry->onset_m) {
    out << fmt::format("Run {}: the pain started at {}, {} in.\n", id,
                       FormatDistance(*entry->onset_m, opened->settings.units),
                       FormatDuration(entry->onset_s.value_or(0)));
  } else {
    out << fmt::format("Run {}: the pain started {} in.\n", id,
                       FormatDuration(entry->onset_s.value_or(0)));
  }
  return kExitOk;
}

namespace {

// What `import` is given on the command line.
struct ImportArguments {
  ImportCommandOptions options;
  std::string format = "text";
};

// What `runs` is given on the command line.
struct RunsArguments {
  std::string from;
  std::string to;
  std::string format = "text";
};

// What `run show` and `run onset` are given on the command line.
struct RunArguments {
  std::int64_t id = 0;
  OnsetOptions onset;
};

}  // namespace

void RegisterImportCommands(Command app, const GlobalOptions& global) {
  auto given = std::make_shared<ImportArguments>();
  Command import_files = app.AddSubcommand(
      "import",
      "Import runs from FIT, GPX or TCX files (also .gz), folders of them, and whole exports: "
      "Strava's export_NNN.zip, Garmin Connect's export zip, Apple Health's export.zip or "
      "export.xml. Duplicates are stored once; other sports and other files are skipped with "
      "the reason. An import stopped half way goes on where it stopped when run again.");
  import_files.AddOption("paths", given->options.paths, "Files, folders or exports.").Required();
  import_files.AddFlag("--dry-run", given->options.dry_run, "Decode and report; store nothing.");
  import_files.AddFlag("--onset-lap", given->options.onset_lap,
                       "A manual lap press in these runs marks where the pain started.");
  import_files.AddOption("--format", given->format, "text (default) or json (one object a line).")
      .OneOf({"text", "json"});
  import_files.Runs([&global, given] {
    given->options.json = given->format == "json";
    return RunImport(global, given->options, std::cout, std::cerr, isatty(STDERR_FILENO) == 1);
  });

  auto runs = std::make_shared<RunsArguments>();
  Command runs_command = app.AddSubcommand("runs", "List your runs, logged and imported.");
  runs_command.AddOption("--from", runs->from, "First day (YYYY-MM-DD).");
  runs_command.AddOption("--to", runs->to, "Last day (YYYY-MM-DD).");
  runs_command.AddOption("--format", runs->format, "text (default) or json.")
      .OneOf({"text", "json"});
  runs_command.Runs([&global, runs] {
    return RunRuns(global, runs->from, runs->to, runs->format == "json", std::cout, std::cerr);
  });

  auto run = std::make_shared<RunArguments>();
  Command run_command =
      app.AddSubcommand("run", "One run: show it, or set where the pain started.");
  run_command.RequireSubcommand();
  Command run_show = run_command.AddSubcommand("show", "A run with its laps, splits and onset.");
  run_show.AddOption("id", run->id, "The run's id (see 'backstride runs').").Required();
  run_show.Runs([&global, run] { return RunShow(global, run->id, std::cout, std::cerr); });
  Command run_onset = run_command.AddSubcommand(
      "onset", "Set or correct where the pain started: at the end of a lap, a distance or a time.");
  run_onset.AddOption("id", run->id, "The run's id.").Required();
  run_onset.AddOption("--lap", run->onset.lap, "The end of this lap (1 = the first).");
  run_onset.AddOption("--km", run->onset.km,
                      "A distance from the start in km, e.g. 1.6 (or in miles: 1mi).");
  run_onset.AddOption("--min", run->onset.min, "A time from the start, e.g. 9 or 9:30.");
  run_onset.Runs(
      [&global, run] { return RunOnset(global, run->id, run->onset, std::cout, std::cerr); });
}

}  // namespace backstride::cli
