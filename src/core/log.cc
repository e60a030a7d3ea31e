#include "core/log.h"

#include <map>

#include "base/enum_ids.h"

namespace backstride {
namespace {

constexpr std::array<Named<LogKind>, 7> kLogKindIds = {{
    {LogKind::kRun, "run"},
    {LogKind::kMorning, "morning"},
    {LogKind::kStrength, "strength"},
    {LogKind::kSprint, "sprint"},
    {LogKind::kMobility, "mobility"},
    {LogKind::kTreatment, "treatment"},
    {LogKind::kCheckIn, "checkin"},
}};
static_assert(InEnumOrder(kLogKindIds));

}  // namespace

std::string_view LogKindId(LogKind kind) { return IdOf(kLogKindIds, kind); }

std::optional<LogKind> LogKindFromId(std::string_view id) { return FromId(kLogKindIds, id); }

std::vector<RunEntry> RunsFromLog(std::span<const LogEntry> log) {
  std::map<std::int64_t, int> morning;  // run id -> latest next-morning pain
  for (const LogEntry& entry : log) {
    if (entry.kind == LogKind::kMorning && entry.run_id && entry.pain) {
      morning[*entry.run_id] = *entry.pain;
    }
  }
  std::vector<RunEntry> runs;
  for (const LogEntry& entry : log) {
    // A run recorded by time only (distance 0) is judged by its pain and its time.
    if (entry.kind != LogKind::kRun || !entry.duration_s) continue;
    RunEntry run;
    run.id = entry.id;
    run.date = entry.date;
    run.distance_m = entry.distance_m.value_or(0);
    run.duration_s = *entry.duration_s;
    run.pain_during = entry.pain.value_or(0);
    run.rated = entry.pain.has_value();
    run.pain_before = entry.pain_before;
    if (auto it = morning.find(entry.id); it != morning.end()) run.pain_next_morning = it->second;
    runs.push_back(run);
  }
  return runs;
}

std::vector<DailyPain> DailyPainFromLog(std::span<const LogEntry> log) {
  std::vector<DailyPain> daily;
  for (const LogEntry& entry : log) {
    if ((entry.kind == LogKind::kCheckIn || entry.kind == LogKind::kMorning) && entry.pain)
      daily.push_back({entry.id, entry.date, *entry.pain, entry.kind == LogKind::kMorning});
  }
  return daily;
}

std::optional<std::int64_t> RunForMorning(std::span<const LogEntry> log, Date morning,
                                          std::int64_t logged_after) {
  const LogEntry* day_before = nullptr;
  const LogEntry* same_day = nullptr;
  for (const LogEntry& entry : log) {
    if (entry.kind != LogKind::kRun) continue;
    if (entry.date == AddDays(morning, -1)) {
      if (day_before == nullptr || entry.id > day_before->id) day_before = &entry;
    } else if (entry.date == morning && entry.id < logged_after) {
      if (same_day == nullptr || entry.id > same_day->id) same_day = &entry;
    }
  }
  if (day_before != nullptr) return day_before->id;
  if (same_day != nullptr) return same_day->id;
  return std::nullopt;
}

}  // namespace backstride
