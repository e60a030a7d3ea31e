// A log entry as a runner types it (in the terminal or in the web form): text for
// distances and times in the runner's units, checked and turned into a LogEntry.
#ifndef BACKSTRIDE_APP_LOG_FORM_H_
#define BACKSTRIDE_APP_LOG_FORM_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/result.h"
#include "base/units.h"
#include "core/log.h"

namespace backstride {

struct LogForm {
  std::string kind;      // run, morning, strength, sprint, mobility, treatment, checkin
  std::string date;      // empty: today
  std::string distance;  // "2.1" (in the runner's units), "2.1km", "1.3mi"
  std::string time;      // "12:34", "1:02:03", "25min"
  std::optional<int> pain;
  std::optional<int> pain_before;
  std::optional<int> reps_in_reserve;  // strength, sprint: at the end of the hardest set
  std::string onset;                   // where the pain started: "1.6km", or a time "9min", "9:30"
  bool done = true;                    // strength, sprint, mobility, treatment: done, or skipped
  std::string helped;                  // treatment: "yes", "no" or empty
  std::string note;
};

// Checks the form and makes the entry (not yet stored: AddToLog checks what each kind
// needs). Fails with kInvalidArgument naming the field as `field_prefix` + its name
// ("--distance" for the CLI, "distance" for the web API).
Result<LogEntry> ParseLogForm(const LogForm& form, Date today, DistanceUnit units,
                              std::string_view field_prefix);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_LOG_FORM_H_
