// What every stored-data command needs: where the database is and what day it is.
#ifndef BACKSTRIDE_CLI_CONTEXT_H_
#define BACKSTRIDE_CLI_CONTEXT_H_

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "app/app.h"
#include "base/date.h"
#include "base/result.h"

namespace backstride::cli {

struct GlobalOptions {
  std::string db_path;  // empty: the default under $XDG_DATA_HOME
  std::string today;    // empty: the system's local date
};

// $XDG_DATA_HOME/backstride/backstride.db, or ~/.local/share/backstride/backstride.db.
std::string DefaultDatabasePath();

// Today's local date, or the --today override. Fails naming --today if it is not a date.
Result<Date> Today(const GlobalOptions& options);

// The clock the options ask for: the system's, or one fixed on --today. Fails naming
// --today if it is not a date.
Result<std::unique_ptr<Clock>> ClockFor(const GlobalOptions& options);

// Opens the app on the runner's store, creating its folder when it is the default one.
Result<std::unique_ptr<App>> OpenApp(const GlobalOptions& options);

// What most commands start from: the app, today, and the runner's settings.
struct Opened {
  std::unique_ptr<App> app;
  Date today;
  Settings settings;
};
Result<Opened> Open(const GlobalOptions& options);

// Writes `text` to `path` through a temporary file and a rename, so the file is either the
// old one or the complete new one, never half written. Fails with kInvalidArgument naming
// the path.
Result<void> WriteFileAtomically(const std::string& path, const std::string& text);

// The app names the field an error is about ("distance", "runs_per_week"); on the
// command line that is a flag. Rewrites "distance: ..." as "--distance: ...", or adds
// "(--distance)" to a message that does not start with the field.
Error WithFlagName(Error error);

// Prints "backstride: <message>" (each line of a multi-line message indented) and returns
// the exit code for the error: 2 for bad input, 1 otherwise.
int ReportFailure(std::ostream& err, const Error& error);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_CONTEXT_H_
