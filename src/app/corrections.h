// Corrections to the log: edit or delete any entry or run (imported ones too), and undo
// the last change. The plan state is a replay of the whole log through the run rule, so
// a corrected log is a corrected plan; each use case says what the correction did to it:
// the next run's cap before and after, in the runner's units. Every function takes
// "today" from the caller, so tests can fix the date.
#ifndef BACKSTRIDE_APP_CORRECTIONS_H_
#define BACKSTRIDE_APP_CORRECTIONS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "app/training.h"
#include "base/date.h"
#include "base/result.h"
#include "core/log.h"

namespace backstride {

class Store;

// What to change in an entry; fields left empty keep their value. An entry's kind, and
// the run a next-morning score belongs to, do not change (delete it and log it again).
struct LogEntryChanges {
  std::optional<LogKind> kind;  // when given, must be the entry's kind
  std::optional<Date> date;
  std::optional<double> distance_m;
  std::optional<double> duration_s;
  std::optional<int> pain;
  std::optional<int> pain_before;
  std::optional<int> reps_in_reserve;
  std::optional<double> onset_m;  // setting either place of the onset replaces both
  std::optional<double> onset_s;
  std::optional<bool> done;
  std::optional<bool> helped;
  std::optional<std::string> note;
  // Blank these ("no pain before after all", "no onset", "too early to say").
  bool clear_pain_before = false;
  bool clear_onset = false;
  bool clear_helped = false;
  bool clear_reps_in_reserve = false;
};

// Changes that make an entry equal to `replacement` (the web form sends a whole entry):
// every field is set, or cleared when `replacement` has none; its kind must match.
LogEntryChanges ReplaceWith(const LogEntry& replacement);

// Changes entry `id`, after checking the result as a new entry would be checked
// (CheckLogEntry; a date the edit leaves alone is not judged again, so an old imported
// run can still be rated). Returns the entry's id and, in plain words, what changed in it
// and in the plan. Fails with kNotFound naming the id, or kInvalidArgument naming the
// field and the limit; nothing is changed then.
Result<LogOutcome> EditLogEntry(Store& store, std::int64_t id, const LogEntryChanges& changes,
                                Date today);

// Deletes entry `id` (an imported run with its activity; the next-morning scores of a
// deleted run are kept as check-ins) and says what that did to the plan. Fails with
// kNotFound naming the id.
Result<LogOutcome> DeleteLogEntry(Store& store, std::int64_t id, Date today);

// Undoes the last change made by AddToLog, EditLogEntry or DeleteLogEntry, putting back
// exactly what was there (same ids; an imported run with its track). Imports and restores
// are not in the journal: a wrong imported run is deleted, and that delete can be undone.
// Returns the entry's id and what was undone and what that did to the plan. Fails with
// kNotFound when there is nothing to undo.
Result<LogOutcome> UndoLastChange(Store& store, Date today);

// What UndoLastChange would undo, in words ("Undo deleting the run of 12 March"), or
// nullopt when there is nothing to undo.
Result<std::optional<std::string>> DescribeUndo(Store& store, Date today);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_CORRECTIONS_H_
