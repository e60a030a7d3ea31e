// The plan as an iCalendar file (RFC 5545), for the runner's own calendar.
#ifndef BACKSTRIDE_APP_CALENDAR_H_
#define BACKSTRIDE_APP_CALENDAR_H_

#include <string>
#include <string_view>

#include "app/training.h"
#include "base/units.h"

namespace backstride {

// One all-day event per session, with stable UIDs (date, kind and order in the day), so
// importing a newer export updates the events instead of adding copies. `dtstamp_utc`
// is "YYYYMMDDTHHMMSSZ".
std::string PlanToIcs(const ActivePlan& active, DistanceUnit units, std::string_view dtstamp_utc);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_CALENDAR_H_
