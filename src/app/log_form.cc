#include "app/log_form.h"

namespace backstride {
namespace {

Error FieldError(std::string_view prefix, std::string_view field, const std::string& message) {
  const std::string name = std::string(prefix) + std::string(field);
  return Error::InvalidArgument(name + ": " + message, name);
}

}  // namespace

Result<LogEntry> ParseLogForm(const LogForm& form, Date today, DistanceUnit units,
                              std::string_view field_prefix) {
  LogEntry entry;
  const auto kind = LogKindFromId(form.kind);
  if (!kind) {
    return Fail(Error::InvalidArgument("unknown log kind '" + form.kind + "'", "kind"));
  }
  entry.kind = *kind;
  entry.date = today;
  if (!form.date.empty()) {
    auto date = ParseDate(form.date);
    if (!date) return Fail(FieldError(field_prefix, "date", date.error().message));
    entry.date = *date;
  }
  if (!form.distance.empty()) {
    auto distance = ParseDistance(form.distance, units);
    if (!distance) return Fail(FieldError(field_prefix, "distance", distance.error().message));
    entry.distance_m = *distance;
  }
  if (!form.time.empty()) {
    auto time = ParseDuration(form.time);
    if (!time) return Fail(FieldError(field_prefix, "time", time.error().message));
    entry.duration_s = *time;
  }
  if (!form.onset.empty()) {
    // A time has a colon or a time unit; anything else is a distance.
    const bool is_time = form.onset.find(':') != std::string::npos || form.onset.ends_with("min") ||
                         form.onset.ends_with("s");
    if (is_time) {
      auto time = ParseDuration(form.onset);
      if (!time) return Fail(FieldError(field_prefix, "onset", time.error().message));
      entry.onset_s = *time;
    } else {
      auto distance = ParseDistance(form.onset, units);
      if (!distance) return Fail(FieldError(field_prefix, "onset", distance.error().message));
      entry.onset_m = *distance;
    }
  }
  entry.pain = form.pain;
  entry.pain_before = form.pain_before;
  entry.reps_in_reserve = form.reps_in_reserve;
  if (entry.kind == LogKind::kStrength || entry.kind == LogKind::kSprint ||
      entry.kind == LogKind::kMobility || entry.kind == LogKind::kTreatment) {
    entry.done = form.done;
  }
  if (!form.helped.empty()) {
    if (form.helped != "yes" && form.helped != "no") {
      return Fail(
          FieldError(field_prefix, "helped", "must be yes or no, got '" + form.helped + "'"));
    }
    entry.helped = form.helped == "yes";
  }
  entry.note = form.note;
  return entry;
}

}  // namespace backstride
