// The log: what the runner did and how the back felt, one entry per thing said. Plain
// data; the store keeps it and the run rule reads it.
#ifndef BACKSTRIDE_CORE_LOG_H_
#define BACKSTRIDE_CORE_LOG_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/date.h"
#include "core/run_rule.h"

namespace backstride {

enum class LogKind {
  kRun,       // distance, time, pain during, optional onset
  kMorning,   // next-morning pain, tied to a run
  kStrength,  // done or skipped
  kSprint,
  kMobility,
  kTreatment,  // optional helped yes/no
  kCheckIn,    // back pain today, any day
};

inline constexpr std::array<LogKind, 7> kAllLogKinds = {
    LogKind::kRun,      LogKind::kMorning,   LogKind::kStrength, LogKind::kSprint,
    LogKind::kMobility, LogKind::kTreatment, LogKind::kCheckIn};

std::string_view LogKindId(LogKind kind);  // "run", "morning", ..., "checkin"
std::optional<LogKind> LogKindFromId(std::string_view id);

struct LogEntry {
  std::int64_t id = 0;  // assigned by the store
  Date date;
  LogKind kind = LogKind::kCheckIn;
  std::optional<double> distance_m;  // run
  std::optional<double> duration_s;  // run
  std::optional<int> pain;           // run: during; morning; check-in: today (0-10)
  std::optional<int> pain_before;    // run: before it, if given
  std::optional<double> onset_m;     // run: where the pain started
  std::optional<double> onset_s;
  std::optional<bool> done;  // strength, sprint, mobility: done (true) or skipped
  // Strength and sprints: repetitions left in reserve at the end of the hardest set (0: could
  // not do another; 2-3: the level is right to move up, DESIGN 3.1b).
  std::optional<int> reps_in_reserve;
  std::optional<bool> helped;          // treatment
  std::optional<std::int64_t> run_id;  // morning: the run it follows
  std::string source = "manual";       // "manual", or where an import came from
  std::string note;
  std::string created_at;  // UTC, ISO 8601; set by the store
};

// The values a log entry may carry, each under its stable name: the store's column and
// the backup's field. One table for every place that writes or reads them all, so a new
// value is one line here (and a schema migration), not four edits that can disagree.
using LogValueMember =
    std::variant<std::optional<double> LogEntry::*, std::optional<int> LogEntry::*,
                 std::optional<bool> LogEntry::*>;
struct LogValueField {
  std::string_view name;
  LogValueMember member;
};
inline constexpr std::array<LogValueField, 9> kLogValueFields = {{
    {"distance_m", &LogEntry::distance_m},
    {"duration_s", &LogEntry::duration_s},
    {"pain", &LogEntry::pain},
    {"pain_before", &LogEntry::pain_before},
    {"reps_in_reserve", &LogEntry::reps_in_reserve},
    {"onset_m", &LogEntry::onset_m},
    {"onset_s", &LogEntry::onset_s},
    {"done", &LogEntry::done},
    {"helped", &LogEntry::helped},
}};

// Which entries to read: between two dates (both inclusive, either open), of one kind.
struct LogFilter {
  std::optional<Date> from;
  std::optional<Date> to;
  std::optional<LogKind> kind;
};

// The runs of the log as the run rule reads them, next-morning pain merged in.
std::vector<RunEntry> RunsFromLog(std::span<const LogEntry> log);
// The day's pain from check-ins and next-morning scores: a run's baseline when it has no
// pain before it logged (DESIGN 3.1a).
std::vector<DailyPain> DailyPainFromLog(std::span<const LogEntry> log);

// The run a next-morning score of `morning` belongs to (DESIGN 3.1a): the latest run of
// the day before; failing that, the latest run of the same day logged before the score
// (ids below `logged_after`; pass INT64_MAX for a new score). On any other day there is
// none, and the score is a check-in.
std::optional<std::int64_t> RunForMorning(std::span<const LogEntry> log, Date morning,
                                          std::int64_t logged_after);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_LOG_H_
