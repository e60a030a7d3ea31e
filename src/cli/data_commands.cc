#include "cli/data_commands.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <ostream>

#include "app/data_transfer.h"
#include "cli/assess_command.h"

namespace backstride::cli {

int RunExport(const GlobalOptions& global, const ExportOptions& options, std::ostream& out,
              std::ostream& err) {
  if (options.ics_path.empty() == options.json_path.empty()) {
    return ReportFailure(err, Error::InvalidArgument("export: give exactly one of --ics FILE or "
                                                     "--json FILE"));
  }
  auto app = OpenApp(global);
  if (!app) return ReportFailure(err, app.error());
  if (!options.json_path.empty()) {
    auto data = (*app)->ExportData();
    if (!data) return ReportFailure(err, data.error());
    if (auto written = WriteFileAtomically(options.json_path, *data); !written) {
      return ReportFailure(err, written.error());
    }
    out << "Wrote all your data to " << options.json_path << ".\n";
    return kExitOk;
  }
  auto active = (*app)->LoadActivePlan();
  if (!active) return ReportFailure(err, active.error());
  auto ics = (*app)->PlanCalendar();
  if (!ics) return ReportFailure(err, ics.error());
  if (auto written = WriteFileAtomically(options.ics_path, *ics); !written) {
    return ReportFailure(err, written.error());
  }
  out << fmt::format(
      "Wrote {} sessions to {}. Importing it again later updates the same "
      "events.\n",
      active->plan.sessions.size(), options.ics_path);
  return kExitOk;
}

int RunImportData(const GlobalOptions& global, const std::string& path, bool replace,
                  std::ostream& out, std::ostream& err) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return ReportFailure(err, Error::InvalidArgument(
                                  fmt::format("cannot open '{}': {}", path, std::strerror(errno))));
  }
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto app = OpenApp(global);
  if (!app) return ReportFailure(err, app.error());
  auto summary = (*app)->ImportData(text, replace);
  if (!summary) {
    Error error = summary.error();
    error.message = path + ": " + error.message;
    return ReportFailure(err, error);
  }
  out << fmt::format("Imported {} assessments, {} plans, {} log entries and {} settings.\n",
                     summary->assessments, summary->plans, summary->log_entries, summary->settings);
  return kExitOk;
}

void RegisterDataCommands(Command app, const GlobalOptions& global) {
  auto export_options = std::make_shared<ExportOptions>();
  Command export_command =
      app.AddSubcommand("export", "Write the plan as a calendar (.ics) or all your data as JSON.");
  export_command.AddOption("--ics", export_options->ics_path,
                           "Write the plan as an iCalendar file.");
  export_command.AddOption("--json", export_options->json_path,
                           "Write every assessment, plan, log entry and setting as JSON.");
  export_command.Runs([&global, export_options] {
    return RunExport(global, *export_options, std::cout, std::cerr);
  });

  struct ImportDataArguments {
    std::string path;
    bool replace = false;
  };
  auto given = std::make_shared<ImportDataArguments>();
  Command import_command =
      app.AddSubcommand("import-data", "Read a JSON file written by 'backstride export --json'.");
  import_command.AddOption("file", given->path, "The JSON file.").Required();
  import_command.AddFlag("--replace", given->replace,
                         "Replace the data already stored (otherwise the store must be empty).");
  import_command.Runs([&global, given] {
    return RunImportData(global, given->path, given->replace, std::cout, std::cerr);
  });
}

}  // namespace backstride::cli
