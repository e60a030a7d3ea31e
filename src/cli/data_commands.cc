#include "cli/data_commands.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
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

}  // namespace backstride::cli
