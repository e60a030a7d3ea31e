#include "app/clock.h"

#include <optional>
#include <utility>

namespace backstride {
namespace {

class SystemTime final : public Clock {
 public:
  explicit SystemTime(std::optional<Date> today) : today_(today) {}
  Date Today() const override { return today_ ? *today_ : LocalToday(); }
  int UtcOffsetSeconds() const override { return LocalUtcOffsetSeconds(); }
  std::string UtcStamp() const override { return UtcNowBasic(); }

 private:
  std::optional<Date> today_;
};

class Fixed final : public Clock {
 public:
  Fixed(Date today, int utc_offset_s, std::string utc_stamp)
      : today_(today), utc_offset_s_(utc_offset_s), utc_stamp_(std::move(utc_stamp)) {}
  Date Today() const override { return today_; }
  int UtcOffsetSeconds() const override { return utc_offset_s_; }
  std::string UtcStamp() const override { return utc_stamp_; }

 private:
  Date today_;
  int utc_offset_s_;
  std::string utc_stamp_;
};

}  // namespace

std::unique_ptr<Clock> SystemClock() { return std::make_unique<SystemTime>(std::nullopt); }

std::unique_ptr<Clock> SystemClockOn(Date today) { return std::make_unique<SystemTime>(today); }

std::unique_ptr<Clock> FixedClock(Date today, int utc_offset_s, std::string utc_stamp) {
  return std::make_unique<Fixed>(today, utc_offset_s, std::move(utc_stamp));
}

}  // namespace backstride
