// The part of the FIT profile backstride reads: message and field numbers, base types,
// scales, and what the enumerated values mean.
//
// Design note. The profile defines hundreds of messages; backstride reads a handful, so
// it keeps one small table of the fields it uses instead of generated code for them all.
// The decoder resolves each field of a definition against this table once, when the
// definition is read, and data records then need no look-up. Numbers are from the FIT
// SDK's Profile.xlsx (21.x); a value the table does not know is skipped, never guessed.
#ifndef BACKSTRIDE_ACTIVITY_FIT_PROFILE_H_
#define BACKSTRIDE_ACTIVITY_FIT_PROFILE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "activity/activity.h"

namespace backstride::fit {

// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z.
inline constexpr double kFitEpoch = 631065600.0;
// FIT timestamps below this are seconds since the device powered on, not dates.
inline constexpr std::uint32_t kMinAbsoluteTimestamp = 0x10000000;
// Positions are stored in semicircles: 2^31 of them make 180 degrees.
inline constexpr double kSemicirclesToDegrees = 180.0 / 2147483648.0;

// Global message numbers of the messages backstride reads.
enum GlobalMessage : std::uint16_t {
  kFileId = 0,
  kSportMessage = 12,
  kSession = 18,
  kLap = 19,
  kRecord = 20,
  kEvent = 21,
  kDeviceInfo = 23,
  kActivity = 34,
  kFieldDescription = 206,
  kDeveloperDataId = 207,
};

// The field number every message uses for its timestamp.
inline constexpr std::uint8_t kTimestampField = 253;

// Where a field's value goes. One slot per value a message can carry; the decoder keeps
// the values of one data message in arrays indexed by it.
enum Target : std::uint8_t {
  kNone = 0,
  kTimestamp,
  kLat,
  kLon,
  kAltitude,
  kEnhancedAltitude,
  kHeartRate,
  kCadence,
  kFractionalCadence,
  kDistance,
  kSpeed,
  kEnhancedSpeed,
  kCompressedSpeedDistance,
  kStartTime,
  kSport,
  kSubSport,
  kTotalElapsed,
  kTotalTimer,
  kTotalDistance,
  kTotalMoving,
  kAvgHeartRate,
  kAvgCadence,
  kLapTriggerField,
  kEventField,
  kEventType,
  kLocalTimestamp,
  kFileType,
  kDevDataIndex,
  kDevFieldNumber,
  kDevBaseType,
  kDevFieldName,
  kDevScale,
  kDevOffset,
  kDevUnits,
  kTargetCount,
};

// One field backstride reads: the stored value v means v / scale - offset.
struct FieldSpec {
  std::uint16_t global;
  std::uint8_t number;
  Target target;
  double scale;
  double offset;
};

// Returns the table's entry for field `number` of message `global`, or nullptr when
// backstride does not read that field.
const FieldSpec* FindField(std::uint16_t global, std::uint8_t number);

// True for the messages backstride decodes; data records of any other message are
// skipped, only their timestamp kept.
bool IsWanted(std::uint16_t global);

// The values a target can mean. A field written with an unexpected type (a signed or
// 64-bit timestamp, say) can hold anything; values outside are dropped, so later
// conversions to integers are safe.
struct ValueRange {
  double lowest = -1e12;
  double highest = 1e12;
};
ValueRange RangeOf(Target target);

// Base types, by the number in the low bits of a field definition's type byte.
enum class BaseType : std::uint8_t {
  kEnum = 0,
  kSint8 = 1,
  kUint8 = 2,
  kSint16 = 3,
  kUint16 = 4,
  kSint32 = 5,
  kUint32 = 6,
  kString = 7,
  kFloat32 = 8,
  kFloat64 = 9,
  kUint8z = 10,  // the "z" types: 0 means no value
  kUint16z = 11,
  kUint32z = 12,
  kByte = 13,
  kSint64 = 14,
  kUint64 = 15,
  kUint64z = 16,
};

// The bits of a type byte that hold the base type number (the top bit says whether the
// type has a byte order).
inline constexpr std::uint8_t kBaseTypeNumberMask = 0x1F;

// Bytes of one value, indexed by base type number; numbers at or past its size are not
// base types.
inline constexpr std::array<std::uint8_t, 17> kBaseTypeSizes = {1, 1, 1, 2, 2, 4, 4, 1, 4,
                                                                8, 1, 2, 4, 1, 8, 8, 8};
static_assert(kBaseTypeSizes.size() == static_cast<std::size_t>(BaseType::kUint64z) + 1,
              "one size per base type");

// Bytes of one value of `type`, which must be a base type.
constexpr std::uint8_t SizeOf(BaseType type) {
  return kBaseTypeSizes[static_cast<std::size_t>(type)];
}

// file_id.type values.
enum class FileType : int {
  kDevice = 1,
  kSettings = 2,
  kSportSettings = 3,
  kActivity = 4,
  kWorkout = 5,
  kCourse = 6,
  kSchedules = 7,
  kWeight = 9,
  kTotals = 10,
  kGoals = 11,
  kBloodPressure = 14,
  kMonitoringA = 15,
  kActivitySummary = 20,
  kMonitoringDaily = 28,
  kMonitoringB = 32,
  kSegment = 34,
};

// What a file of `type` holds, for a message such as "a FIT file of another kind: a
// workout"; "not an activity" for types without a name here.
std::string_view FileTypeName(FileType type);

// event.event and event.event_type values for the timer, the only events backstride reads.
inline constexpr int kTimerEvent = 0;
enum class EventType : int { kStart = 0, kStop = 1, kStopAll = 4 };

// backstride's sport for a FIT sport value; kUnknown when there is none or it is generic.
Sport SportFromFit(std::optional<int> sport);

// True for the sub-sports recorded indoors (treadmill, indoor cycling, indoor running).
bool IsIndoorSubSport(int sub_sport);

// backstride's trigger for a lap.lap_trigger value; kUnknown when there is none.
LapTrigger LapTriggerFromFit(std::optional<double> value);

}  // namespace backstride::fit

#endif  // BACKSTRIDE_ACTIVITY_FIT_PROFILE_H_
