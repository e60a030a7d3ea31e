// What a decoder read past or found doubtful in a file, as data: a kind with a stable id
// and the numbers that go with it, so that a front can say it in the runner's words from
// content. WarningText gives the English sentence the importer has shown so far.
#ifndef BACKSTRIDE_ACTIVITY_DECODE_WARNING_H_
#define BACKSTRIDE_ACTIVITY_DECODE_WARNING_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backstride {

// One row per kind in decode_warning.cc's table, which gives its id and its English.
enum class WarningKind : std::uint8_t {
  kBytesAfterData,       // count: bytes ignored, at_byte: where they start (FIT)
  kHeaderCrcMismatch,    // the FIT header's CRC is wrong; read anyway
  kNoDataSize,           // the FIT header gives no data size; read to the end
  kDataEndsEarly,        // count of total data bytes are present (FIT)
  kCrcMismatch,          // the file's CRC is wrong; every record that decodes kept (FIT)
  kCrcMissing,           // the file's CRC is missing at the end (FIT)
  kDefinitionCutShort,   // at_byte: a FIT definition is cut short; records before it kept
  kUnknownByteOrder,     // at_byte: a FIT definition's byte order is unknown
  kUndefinedLocalType,   // at_byte, count: a record uses a local message type before it
                         // is defined
  kRecordCutShort,       // at_byte: the last FIT record is cut short
  kRelativeTimes,        // times count from when the device was switched on (FIT)
  kUntimedTrack,         // a GPX track has no times
  kPointsWithoutTime,    // count: GPX track points without a time, left out
  kTimesHeld,            // count of total points timed before the point ahead of them,
                         // seconds: the largest step back; kept in order, times held
  kXmlEndsEarly,         // at_byte: the file ends there, mid-document; count: 1 when the
                         // last point, cut short, was left out
  kPaceBeyondRecord,     // a run faster than the world record over its distance
};
inline constexpr std::size_t kWarningKinds = 16;

struct DecodeWarning {
  WarningKind kind = WarningKind::kCrcMismatch;
  std::size_t count = 0;
  std::size_t total = 0;
  std::optional<std::size_t> at_byte;
  double seconds = 0;
};

// "fit_crc_mismatch", "gpx_times_held", ...: stable, for content and the API.
std::string_view WarningId(WarningKind kind);

// The warning as an English sentence (what DecodedFile::warnings holds).
std::string WarningText(const DecodeWarning& warning);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_DECODE_WARNING_H_
