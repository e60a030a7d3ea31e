// Where the app learns the time. The fronts hand the app a clock instead of reading the
// system's, so a test (or a runner walking through weeks with --today) fixes the day and
// every use case agrees on it (leveldb's Env, for the same reason).
#ifndef BACKSTRIDE_APP_CLOCK_H_
#define BACKSTRIDE_APP_CLOCK_H_

#include <memory>
#include <string>

#include "base/date.h"

namespace backstride {

class Clock {
 public:
  virtual ~Clock() = default;
  // The runner's local date.
  virtual Date Today() const = 0;
  // The local offset from UTC in seconds: the date of a watch file that gives none.
  virtual int UtcOffsetSeconds() const = 0;
  // Now in UTC as "YYYYMMDDTHHMMSSZ": the stamp of a calendar export.
  virtual std::string UtcStamp() const = 0;
};

// The system's clock and time zone.
std::unique_ptr<Clock> SystemClock();

// The system's clock with today fixed at `today` (--today); the offset and the stamp stay
// the system's.
std::unique_ptr<Clock> SystemClockOn(Date today);

// Everything fixed: tests.
std::unique_ptr<Clock> FixedClock(Date today, int utc_offset_s = 0,
                                  std::string utc_stamp = "20260101T000000Z");

}  // namespace backstride

#endif  // BACKSTRIDE_APP_CLOCK_H_
