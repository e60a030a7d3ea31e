#include "activity/fit_profile.h"

namespace backstride::fit {
namespace {

// The table the decoder resolves definitions against (FIT profile 21.x).
constexpr FieldSpec kFields[] = {
    {kRecord, kTimestampField, kTimestamp, 1, 0},
    {kRecord, 0, kLat, 1, 0},
    {kRecord, 1, kLon, 1, 0},
    {kRecord, 2, kAltitude, 5, 500},
    {kRecord, 3, kHeartRate, 1, 0},
    {kRecord, 4, kCadence, 1, 0},
    {kRecord, 5, kDistance, 100, 0},
    {kRecord, 6, kSpeed, 1000, 0},
    {kRecord, 8, kCompressedSpeedDistance, 1, 0},
    {kRecord, 53, kFractionalCadence, 128, 0},
    {kRecord, 73, kEnhancedSpeed, 1000, 0},
    {kRecord, 78, kEnhancedAltitude, 5, 500},
    {kSession, kTimestampField, kTimestamp, 1, 0},
    {kSession, 2, kStartTime, 1, 0},
    {kSession, 5, kSport, 1, 0},
    {kSession, 6, kSubSport, 1, 0},
    {kSession, 7, kTotalElapsed, 1000, 0},
    {kSession, 8, kTotalTimer, 1000, 0},
    {kSession, 9, kTotalDistance, 100, 0},
    {kSession, 16, kAvgHeartRate, 1, 0},
    {kSession, 18, kAvgCadence, 1, 0},
    {kSession, 59, kTotalMoving, 1000, 0},
    {kLap, kTimestampField, kTimestamp, 1, 0},
    {kLap, 2, kStartTime, 1, 0},
    {kLap, 7, kTotalElapsed, 1000, 0},
    {kLap, 8, kTotalTimer, 1000, 0},
    {kLap, 9, kTotalDistance, 100, 0},
    {kLap, 24, kLapTriggerField, 1, 0},
    {kEvent, kTimestampField, kTimestamp, 1, 0},
    {kEvent, 0, kEventField, 1, 0},
    {kEvent, 1, kEventType, 1, 0},
    {kActivity, kTimestampField, kTimestamp, 1, 0},
    {kActivity, 5, kLocalTimestamp, 1, 0},
    {kFileId, 0, kFileType, 1, 0},
    {kSportMessage, 0, kSport, 1, 0},
    {kSportMessage, 1, kSubSport, 1, 0},
    {kDeviceInfo, kTimestampField, kTimestamp, 1, 0},
    {kFieldDescription, 0, kDevDataIndex, 1, 0},
    {kFieldDescription, 1, kDevFieldNumber, 1, 0},
    {kFieldDescription, 2, kDevBaseType, 1, 0},
    {kFieldDescription, 3, kDevFieldName, 1, 0},
    {kFieldDescription, 6, kDevScale, 1, 0},
    {kFieldDescription, 7, kDevOffset, 1, 0},
    {kFieldDescription, 8, kDevUnits, 1, 0},
};

// sport values backstride tells apart.
enum class FitSport : int {
  kGeneric = 0,
  kRunning = 1,
  kCycling = 2,
  kSwimming = 5,
  kWalking = 11,
  kHiking = 17,
};

// sub_sport values recorded indoors.
enum class FitSubSport : int { kTreadmill = 1, kIndoorCycling = 6, kIndoorRunning = 45 };

// lap_trigger values.
enum class FitLapTrigger : int {
  kManual = 0,
  kTime = 1,
  kDistance = 2,
  kPositionStart = 3,
  kPositionLap = 4,
  kPositionWaypoint = 5,
  kPositionMarked = 6,
  kSessionEnd = 7,
  kFitnessEquipment = 8,
};

}  // namespace

const FieldSpec* FindField(std::uint16_t global, std::uint8_t number) {
  for (const FieldSpec& spec : kFields) {
    if (spec.global == global && spec.number == number) return &spec;
  }
  return nullptr;
}

bool IsWanted(std::uint16_t global) {
  switch (global) {
    case kFileId:
    case kSportMessage:
    case kSession:
    case kLap:
    case kRecord:
    case kEvent:
    case kDeviceInfo:
    case kActivity:
    case kFieldDescription:
    case kDeveloperDataId:
      return true;
    default:
      return false;
  }
}

ValueRange RangeOf(Target target) {
  switch (target) {
    case kLat:  // semicircles: past +-2^30 (a pole) is a damaged record, not a place
      return {-1073741824.0, 1073741824.0};
    case kTimestamp:
    case kStartTime:
    case kLocalTimestamp:
      return {0, 4294967295.0};
    case kHeartRate:
    case kSport:
    case kSubSport:
    case kLapTriggerField:
    case kEventField:
    case kEventType:
    case kFileType:
    case kDevDataIndex:
    case kDevFieldNumber:
    case kDevBaseType:
    case kAvgHeartRate:
      return {0, 65535};
    default:
      return {};
  }
}

std::string_view FileTypeName(FileType type) {
  switch (type) {
    case FileType::kDevice:
      return "a device file";
    case FileType::kSettings:
      return "a settings file";
    case FileType::kSportSettings:
      return "a sport settings file";
    case FileType::kWorkout:
      return "a workout";
    case FileType::kCourse:
      return "a course";
    case FileType::kSchedules:
      return "schedules";
    case FileType::kWeight:
      return "a weight scale file";
    case FileType::kTotals:
      return "totals";
    case FileType::kGoals:
      return "goals";
    case FileType::kBloodPressure:
      return "a blood pressure file";
    case FileType::kMonitoringA:
      return "a monitoring file";
    case FileType::kActivitySummary:
      return "an activity summary";
    case FileType::kMonitoringDaily:
      return "daily monitoring";
    case FileType::kMonitoringB:
      return "a monitoring file";
    case FileType::kSegment:
      return "segments";
    default:
      return "not an activity";
  }
}

Sport SportFromFit(std::optional<int> sport) {
  if (!sport) return Sport::kUnknown;
  switch (static_cast<FitSport>(*sport)) {
    case FitSport::kRunning:
      return Sport::kRunning;
    case FitSport::kCycling:
      return Sport::kCycling;
    case FitSport::kSwimming:
      return Sport::kSwimming;
    case FitSport::kWalking:
      return Sport::kWalking;
    case FitSport::kHiking:
      return Sport::kHiking;
    case FitSport::kGeneric:
      return Sport::kUnknown;
    default:
      return Sport::kOther;
  }
}

bool IsIndoorSubSport(int sub_sport) {
  switch (static_cast<FitSubSport>(sub_sport)) {
    case FitSubSport::kTreadmill:
    case FitSubSport::kIndoorCycling:
    case FitSubSport::kIndoorRunning:
      return true;
    default:
      return false;
  }
}

LapTrigger LapTriggerFromFit(std::optional<double> value) {
  if (!value) return LapTrigger::kUnknown;
  switch (static_cast<FitLapTrigger>(static_cast<int>(*value))) {
    case FitLapTrigger::kManual:
      return LapTrigger::kManual;
    case FitLapTrigger::kTime:
      return LapTrigger::kTime;
    case FitLapTrigger::kDistance:
      return LapTrigger::kDistance;
    case FitLapTrigger::kPositionStart:
    case FitLapTrigger::kPositionLap:
    case FitLapTrigger::kPositionWaypoint:
    case FitLapTrigger::kPositionMarked:
      return LapTrigger::kPosition;
    case FitLapTrigger::kSessionEnd:
      return LapTrigger::kSessionEnd;
    case FitLapTrigger::kFitnessEquipment:
      return LapTrigger::kFitnessEquipment;
    default:
      return LapTrigger::kUnknown;
  }
}

}  // namespace backstride::fit
