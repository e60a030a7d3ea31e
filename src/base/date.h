// Calendar dates (no time of day, no time zone): the unit a plan and a log are kept in.
#ifndef BACKSTRIDE_BASE_DATE_H_
#define BACKSTRIDE_BASE_DATE_H_

#include <chrono>
#include <string>
#include <string_view>

#include "base/result.h"

namespace backstride {

using Date = std::chrono::sys_days;

// Parses "YYYY-MM-DD" (a real calendar date). Fails naming the text otherwise.
Result<Date> ParseDate(std::string_view text);

// Formats as "YYYY-MM-DD".
std::string FormatDate(Date date);

// Days from `from` to `to` (negative when `to` is earlier).
inline int DaysBetween(Date from, Date to) { return static_cast<int>((to - from).count()); }

inline Date AddDays(Date date, int days) { return date + std::chrono::days(days); }

// "Mon", "Tue", ...
std::string_view WeekdayName(Date date);

// What the system clock says: today's local date, and local time's offset from UTC now
// in seconds. Only the fronts call these; everything else takes the date as a parameter.
Date LocalToday();
int LocalUtcOffsetSeconds();
// The UTC time now in ISO 8601's basic form, "20261125T143000Z", as iCalendar writes it.
std::string UtcNowBasic();

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_DATE_H_
