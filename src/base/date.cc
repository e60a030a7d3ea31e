#include "base/date.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace backstride {
namespace {

bool ParseInt(std::string_view text, int& value) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  int year = 0, month = 0, day = 0;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      ParseInt(text.substr(0, 4), year) && ParseInt(text.substr(5, 2), month) &&
                      ParseInt(text.substr(8, 2), day);
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!shaped || !ymd.ok()) {
    return Fail(Error::InvalidArgument("'" + std::string(text) +
                                       "' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01"));
  }
  // The calendar arithmetic is exact far beyond these years; they only catch typing slips.
  if (year < 1900 || year > 2200) {
    return Fail(Error::InvalidArgument("'" + std::string(text) +
                                       "': the year must be between 1900 and 2200"));
  }
  return Date(ymd);
}

std::string FormatDate(Date date) {
  const std::chrono::year_month_day ymd(date);
  char buffer[16];
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

std::string_view WeekdayName(Date date) {
  static constexpr std::string_view kNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return kNames[std::chrono::weekday(date).c_encoding()];
}

Date LocalToday() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date(std::chrono::year(local.tm_year + 1900) /
              std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)) /
              std::chrono::day(static_cast<unsigned>(local.tm_mday)));
}

int LocalUtcOffsetSeconds() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return static_cast<int>(local.tm_gmtoff);
}

std::string UtcNowBasic() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

}  // namespace backstride
