#include "activity/activity.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace backstride {
namespace {

bool Digits(std::string_view text, std::size_t at, std::size_t count, int* value) {
  if (at + count > text.size()) return false;
  int result = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    result = result * 10 + (c - '0');
  }
  *value = result;
  return true;
}

}  // namespace

void AddWarning(DecodedFile& out, const DecodeWarning& warning) {
  out.notices.push_back(warning);
  out.warnings.push_back(WarningText(warning));
}

std::string_view SportId(Sport sport) {
  switch (sport) {
    case Sport::kRunning:
      return "running";
    case Sport::kWalking:
      return "walking";
    case Sport::kHiking:
      return "hiking";
    case Sport::kCycling:
      return "cycling";
    case Sport::kSwimming:
      return "swimming";
    case Sport::kOther:
      return "other";
    case Sport::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool CountsSteps(Sport sport) {
  return sport == Sport::kRunning || sport == Sport::kWalking || sport == Sport::kHiking;
}

std::string_view LapTriggerId(LapTrigger trigger) {
  switch (trigger) {
    case LapTrigger::kManual:
      return "manual";
    case LapTrigger::kTime:
      return "time";
    case LapTrigger::kDistance:
      return "distance";
    case LapTrigger::kPosition:
      return "position";
    case LapTrigger::kSessionEnd:
      return "session_end";
    case LapTrigger::kFitnessEquipment:
      return "fitness_equipment";
    case LapTrigger::kHeartRate:
      return "heart_rate";
    case LapTrigger::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<double> ParseIsoTime(std::string_view text, std::optional<int>* offset_s) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  int year, month, day, hour, minute, second;
  if (!Digits(text, 0, 4, &year) || text.size() < 19 || text[4] != '-' ||
      !Digits(text, 5, 2, &month) || text[7] != '-' || !Digits(text, 8, 2, &day) ||
      (text[10] != 'T' && text[10] != ' ') || !Digits(text, 11, 2, &hour) || text[13] != ':' ||
      !Digits(text, 14, 2, &minute) || text[16] != ':' || !Digits(text, 17, 2, &second)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::size_t at = 19;
  double fraction = 0;
  if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
    double scale = 0.1;
    ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      fraction += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
  }
  int offset = 0;
  bool has_offset = false;
  if (at < text.size()) {
    if (text[at] == 'Z' && at + 1 == text.size()) {
      has_offset = true;
    } else if ((text[at] == '+' || text[at] == '-') && text.size() - at >= 3) {
      int hours = 0, minutes = 0;
      if (!Digits(text, at + 1, 2, &hours)) return std::nullopt;
      std::size_t next = at + 3;
      if (next < text.size() && text[next] == ':') ++next;
      if (next < text.size() && !Digits(text, next, 2, &minutes)) return std::nullopt;
      offset = (hours * 60 + minutes) * 60 * (text[at] == '-' ? -1 : 1);
      has_offset = true;
    } else {
      return std::nullopt;
    }
  }
  const auto days = std::chrono::sys_days(ymd).time_since_epoch().count();
  const double local =
      static_cast<double>(days) * 86400.0 + hour * 3600 + minute * 60 + second + fraction;
  if (offset_s != nullptr && has_offset && offset != 0) *offset_s = offset;
  // A time with no zone is taken as UTC, as GPX requires.
  return local - offset;
}

std::string FormatIsoTime(double utc_s) {
  const auto seconds = static_cast<std::int64_t>(std::floor(utc_s));
  const auto days = static_cast<int>(std::floor(static_cast<double>(seconds) / 86400.0));
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  const std::int64_t in_day = seconds - static_cast<std::int64_t>(days) * 86400;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(in_day / 3600),
                static_cast<long long>(in_day / 60 % 60), static_cast<long long>(in_day % 60));
  return buffer;
}

}  // namespace backstride
