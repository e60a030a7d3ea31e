#include "activity/decode_warning.h"

#include <array>
#include <cmath>

namespace backstride {
namespace {

struct KindRow {
  WarningKind kind;
  std::string_view id;
};

// One row per kind, in the enum's order (checked below).
constexpr std::array<KindRow, kWarningKinds> kKinds = {{
    {WarningKind::kBytesAfterData, "fit_bytes_after_data"},
    {WarningKind::kHeaderCrcMismatch, "fit_header_crc_mismatch"},
    {WarningKind::kNoDataSize, "fit_no_data_size"},
    {WarningKind::kDataEndsEarly, "fit_ends_early"},
    {WarningKind::kCrcMismatch, "fit_crc_mismatch"},
    {WarningKind::kCrcMissing, "fit_crc_missing"},
    {WarningKind::kDefinitionCutShort, "fit_definition_cut_short"},
    {WarningKind::kUnknownByteOrder, "fit_unknown_byte_order"},
    {WarningKind::kUndefinedLocalType, "fit_undefined_local_type"},
    {WarningKind::kRecordCutShort, "fit_record_cut_short"},
    {WarningKind::kRelativeTimes, "fit_relative_times"},
    {WarningKind::kUntimedTrack, "gpx_untimed_track"},
    {WarningKind::kPointsWithoutTime, "gpx_points_without_time"},
    {WarningKind::kTimesHeld, "times_held"},
    {WarningKind::kXmlEndsEarly, "xml_ends_early"},
    {WarningKind::kPaceBeyondRecord, "pace_beyond_record"},
}};

constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  }
  return static_cast<std::size_t>(WarningKind::kPaceBeyondRecord) + 1 == kKinds.size();
}
static_assert(InEnumOrder(), "one row per warning kind, in the enum's order");

std::string Number(std::size_t n) { return std::to_string(n); }

// "...; the records before it were kept" after a FIT record that stops the decoding.
std::string AtByte(std::string what, const DecodeWarning& w) {
  return what + " at byte " + Number(w.at_byte.value_or(0)) + "; the records before it were kept";
}

}  // namespace

std::string_view WarningId(WarningKind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < kKinds.size() ? kKinds[index].id : std::string_view("unknown");
}

std::string WarningText(const DecodeWarning& w) {
  switch (w.kind) {
    case WarningKind::kBytesAfterData:
      return Number(w.count) + " bytes after the FIT data were ignored (from byte " +
             Number(w.at_byte.value_or(0)) + ")";
    case WarningKind::kHeaderCrcMismatch:
      return "the FIT header's CRC does not match; the data was read anyway";
    case WarningKind::kNoDataSize:
      return "the FIT header gives no data size (the recording may have been interrupted); read "
             "to the end of the file";
    case WarningKind::kDataEndsEarly:
      return "the file ends early: " + Number(w.count) + " of " + Number(w.total) +
             " data bytes are present; every complete record was kept";
    case WarningKind::kCrcMismatch:
      return "the file's CRC does not match (damaged or edited); every record that decodes was "
             "kept";
    case WarningKind::kCrcMissing:
      return "the file's CRC is missing at the end";
    case WarningKind::kDefinitionCutShort:
      return AtByte("a definition is cut short", w);
    case WarningKind::kUnknownByteOrder:
      return AtByte("a definition has an unknown byte order", w);
    case WarningKind::kUndefinedLocalType:
      return AtByte("a record uses local message type " + Number(w.count) + " before defining it",
                    w);
    case WarningKind::kRecordCutShort:
      return AtByte("the last record is cut short", w);
    case WarningKind::kRelativeTimes:
      return "times in this file count from when the device was switched on, not real dates";
    case WarningKind::kUntimedTrack:
      return "a track has no times, so it cannot be a recorded run";
    case WarningKind::kPointsWithoutTime:
      return Number(w.count) + " track points without a time were left out";
    case WarningKind::kTimesHeld:
      return Number(w.count) + " of " + Number(w.total) +
             " points are timed before the point recorded ahead of them (by up to " +
             Number(static_cast<std::size_t>(std::ceil(w.seconds))) +
             " s); they were kept in the order recorded, each timed as the point before it";
    case WarningKind::kXmlEndsEarly:
      return "the file ends early, at byte " + Number(w.at_byte.value_or(0)) +
             ", in the middle of the document; it was read up to there" +
             (w.count > 0 ? " (the last point, cut short, was left out)" : "");
    case WarningKind::kPaceBeyondRecord:
      return "a run faster than the world record over its distance: probably not on foot, or "
             "not timed right";
  }
  return "a problem in the file";  // not a kind (every kind is handled above)
}

}  // namespace backstride
