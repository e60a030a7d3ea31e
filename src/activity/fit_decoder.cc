#include "activity/fit_decoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "activity/fit_activities.h"
#include "activity/fit_bytes.h"
#include "activity/fit_crc.h"
#include "activity/fit_profile.h"
#include "activity/metrics.h"

namespace backstride {
namespace fit {
namespace {

// --- Framing (FIT protocol) -----------------------------------------------------------------

// A file header is 12 bytes, or 14 with a CRC of the first 12; its first byte is its size.
constexpr std::size_t kHeaderSize = 12;
constexpr std::size_t kHeaderWithCrcSize = 14;
constexpr std::size_t kHeaderDataSizeAt = 4;  // uint32: bytes of records after the header
constexpr std::size_t kHeaderSignatureAt = 8;
constexpr std::size_t kHeaderCrcAt = 12;
constexpr std::size_t kCrcSize = 2;

// Record header: a compressed timestamp header is always a data message, with the local
// type in bits 5-6 and a time offset in bits 0-4; a normal header says whether it is a
// definition (and whether developer fields follow) and carries the local type in bits 0-3.
constexpr std::uint8_t kCompressedTimestampHeader = 0x80;
constexpr std::uint8_t kDefinitionHeader = 0x40;
constexpr std::uint8_t kDeveloperFieldsHeader = 0x20;
constexpr std::uint8_t kLocalTypeMask = 0x0F;
constexpr int kCompressedLocalTypeShift = 5;
constexpr std::uint8_t kCompressedLocalTypeMask = 0x03;
constexpr std::uint32_t kTimeOffsetMask = 0x1F;
constexpr std::size_t kLocalTypes = 16;

// A definition: reserved byte, architecture (0 little-endian, 1 big-endian), global
// message number, field count; then 3 bytes per field (number, size, base type) and,
// with developer fields, a count and 3 bytes each (number, size, developer index).
constexpr std::size_t kDefinitionFixedSize = 5;
constexpr std::uint8_t kBigEndianArchitecture = 1;
constexpr std::size_t kFieldDefinitionSize = 3;

// Local time may differ from UTC by at most 14 hours (UTC+14, Kiribati).
constexpr double kMaxUtcOffsetS = 14 * 3600;

// --- Definitions ----------------------------------------------------------------------------

// How a field's bytes become a value, decided once per definition rather than per record.
enum class FieldKind : std::uint8_t { kNumber, kString, kCompressedSpeedDistance };

struct FieldDef {
  std::uint32_t at = 0;  // byte offset in a data record
  std::uint8_t size = 0;
  BaseType type = BaseType::kByte;  // when the declared type does not fit the size
  FieldKind kind = FieldKind::kNumber;
  Target target = kNone;
  double scale = 1;
  double offset = 0;
  ValueRange range;
};

struct DevFieldDescription;

struct DevFieldDef {
  std::uint8_t size = 0;
  std::uint8_t developer_index = 0;
  std::uint8_t number = 0;
  // Resolved when the definition is read (descriptions come first), so records need no
  // look-up per value.
  DevFieldDescription* description = nullptr;
};

struct Definition {
  bool defined = false;
  std::uint16_t global = 0;
  bool big_endian = false;
  bool wanted = false;
  std::uint32_t size = 0;     // bytes of one data record
  int timestamp_offset = -1;  // where the timestamp field sits in a data record, if it does
  // Only the fields backstride reads, with their offsets: data records skip the rest
  // without looking at them.
  std::vector<FieldDef> fields;
  std::uint32_t fields_size = 0;  // where developer fields start
  std::vector<DevFieldDef> dev_fields;
};

struct DevFieldDescription {
  std::string name;
  std::string units;
  BaseType type = BaseType::kByte;
  double scale = 1;
  double offset = 0;
  int series = -1;  // index into Contents::dev_series, once a value was seen
};

// The values of one data message, by target.
struct Values {
  std::array<double, kTargetCount> number{};
  std::array<bool, kTargetCount> present{};
  std::string dev_field_name;  // field_description's text fields
  std::string dev_units;
  std::array<std::uint8_t, 3> compressed{};

  void Reset() { present.fill(false); }
  bool Has(Target t) const { return present[t]; }
  double Get(Target t) const { return number[t]; }
  std::optional<double> Opt(Target t) const {
    return present[t] ? std::optional<double>(number[t]) : std::nullopt;
  }
};

double Timestamp(std::uint32_t raw, Contents& c) {
  if (raw < kMinAbsoluteTimestamp) c.relative_times = true;
  return kFitEpoch + raw;
}

// --- The decoder ------------------------------------------------------------------------------

class FitReader {
 public:
  FitReader(std::span<const std::uint8_t> bytes, DecodedFile& out) : bytes_(bytes), out_(out) {}

  // Decodes every chained file. Fails only when the first header is unusable.
  Result<void> Run() {
    std::size_t at = 0;
    bool first = true;
    while (at < bytes_.size()) {
      auto next = DecodeOne(at, first);
      if (!next) {
        if (first) return Fail(next.error());
        Note(WarningKind::kBytesAfterData, bytes_.size() - at, 0, at);
        break;
      }
      first = false;
      at = *next;
    }
    return {};
  }

  Contents& contents() { return c_; }

 private:
  // Decodes the file starting at `start`; returns where the next one would start.
  Result<std::size_t> DecodeOne(std::size_t start, bool first) {
    const std::size_t left = bytes_.size() - start;
    const std::uint8_t* h = bytes_.data() + start;
    if (left < kHeaderSize || (h[0] != kHeaderSize && h[0] != kHeaderWithCrcSize) ||
        std::memcmp(h + kHeaderSignatureAt, ".FIT", 4) != 0) {
      return Fail(Error::Corruption(
          first ? "not a FIT file: no FIT header at the start" : "no FIT header", start));
    }
    const std::size_t header_size = h[0];
    if (left < header_size) return Fail(Error::Corruption("FIT header cut short", start));
    if (header_size == kHeaderWithCrcSize) {
      const auto stored = LoadLittle<std::uint16_t>(h + kHeaderCrcAt);
      if (stored != 0 && stored != FitCrc16(bytes_.subspan(start, kHeaderSize))) {
        Note(WarningKind::kHeaderCrcMismatch);
      }
    }
    std::size_t data_size = LoadLittle<std::uint32_t>(h + kHeaderDataSizeAt);
    const std::size_t data_start = start + header_size;
    std::size_t data_end = data_start + data_size;
    bool check_crc = true;
    if (data_size == 0) {
      Note(WarningKind::kNoDataSize);
      data_end = bytes_.size();
      check_crc = false;
    } else if (data_end > bytes_.size()) {
      Note(WarningKind::kDataEndsEarly, bytes_.size() - data_start, data_size);
      data_end = bytes_.size();
      check_crc = false;
    }
    if (check_crc && data_end + kCrcSize <= bytes_.size()) {
      const auto stored = LoadLittle<std::uint16_t>(bytes_.data() + data_end);
      if (stored != FitCrc16(bytes_.subspan(start, data_end - start))) {
        Note(WarningKind::kCrcMismatch);
      }
    } else if (check_crc) {
      Note(WarningKind::kCrcMissing);
    }
    for (Definition& definition : definitions_) definition = Definition{};
    // Records are rarely under 16 bytes; reserving avoids regrowing the samples.
    c_.samples.reserve(c_.samples.size() + (data_end - data_start) / 16);
    DecodeRecords(data_start, data_end);
    return std::min(bytes_.size(), data_end + kCrcSize);
  }

  void Note(WarningKind kind, std::size_t count = 0, std::size_t total = 0,
            std::optional<std::size_t> at_byte = std::nullopt) {
    DecodeWarning warning;
    warning.kind = kind;
    warning.count = count;
    warning.total = total;
    warning.at_byte = at_byte;
    AddWarning(out_, warning);
  }

  // A record that stops the decoding at `at`: the records before it are kept.
  void Warn(WarningKind kind, std::size_t at, std::size_t count = 0) { Note(kind, count, 0, at); }

  void DecodeRecords(std::size_t at, std::size_t end) {
    while (at < end) {
      const std::uint8_t header = bytes_[at];
      const std::size_t record_start = at;
      ++at;
      if (header & kCompressedTimestampHeader) {
        const std::uint8_t local = (header >> kCompressedLocalTypeShift) & kCompressedLocalTypeMask;
        const std::uint32_t offset = header & kTimeOffsetMask;
        std::uint32_t timestamp = (last_timestamp_ & ~kTimeOffsetMask) + offset;
        if (offset < (last_timestamp_ & kTimeOffsetMask)) timestamp += kTimeOffsetMask + 1;
        last_timestamp_ = timestamp;
        if (!DataMessage(local, at, end, record_start, timestamp)) return;
        continue;
      }
      const std::uint8_t local = header & kLocalTypeMask;
      if (header & kDefinitionHeader) {
        const bool has_dev = (header & kDeveloperFieldsHeader) != 0;
        if (!DefinitionMessage(local, has_dev, at, end, record_start)) return;
      } else {
        if (!DataMessage(local, at, end, record_start, std::nullopt)) return;
      }
    }
  }

  bool DefinitionMessage(std::uint8_t local, bool has_dev, std::size_t& at, std::size_t end,
                         std::size_t record_start) {
    if (end - at < kDefinitionFixedSize) {
      Warn(WarningKind::kDefinitionCutShort, record_start);
      return false;
    }
    const std::uint8_t* p = bytes_.data() + at;
    const std::uint8_t architecture = p[1];
    if (architecture > kBigEndianArchitecture) {
      Warn(WarningKind::kUnknownByteOrder, record_start);
      return false;
    }
    Definition definition;
    definition.defined = true;
    definition.big_endian = architecture == kBigEndianArchitecture;
    definition.global = Load<std::uint16_t>(p + 2, definition.big_endian);
    definition.wanted = IsWanted(definition.global);
    const std::size_t count = p[4];
    at += kDefinitionFixedSize;
    if (end - at < count * kFieldDefinitionSize) {
      Warn(WarningKind::kDefinitionCutShort, record_start);
      return false;
    }
    for (std::size_t i = 0; i < count; ++i, at += kFieldDefinitionSize) {
      const std::uint8_t number = bytes_[at];
      FieldDef field;
      field.size = bytes_[at + 1];
      const std::uint8_t type = bytes_[at + 2] & kBaseTypeNumberMask;
      if (type < kBaseTypeSizes.size() && field.size > 0 &&
          field.size % kBaseTypeSizes[type] == 0) {
        field.type = static_cast<BaseType>(type);
      }
      if (const FieldSpec* spec = FindField(definition.global, number)) {
        field.target = spec->target;
        field.scale = spec->scale;
        field.offset = spec->offset;
      }
      if (field.target == kCompressedSpeedDistance) {
        field.kind = FieldKind::kCompressedSpeedDistance;
      } else if (field.type == BaseType::kString) {
        field.kind = FieldKind::kString;
      }
      field.range = RangeOf(field.target);
      if (number == kTimestampField && field.size == 4) {
        definition.timestamp_offset = static_cast<int>(definition.size);
      }
      field.at = definition.size;
      definition.size += field.size;
      // A field of size 0 holds nothing to read (its declared type's size does not fit).
      if (field.target != kNone && field.size > 0) definition.fields.push_back(field);
    }
    definition.fields_size = definition.size;
    if (has_dev) {
      if (end - at < 1) {
        Warn(WarningKind::kDefinitionCutShort, record_start);
        return false;
      }
      const std::size_t dev_count = bytes_[at++];
      if (end - at < dev_count * kFieldDefinitionSize) {
        Warn(WarningKind::kDefinitionCutShort, record_start);
        return false;
      }
      for (std::size_t i = 0; i < dev_count; ++i, at += kFieldDefinitionSize) {
        DevFieldDef field{bytes_[at + 1], bytes_[at + 2], bytes_[at], nullptr};
        const auto it = dev_descriptions_.find({field.developer_index, field.number});
        if (it != dev_descriptions_.end()) field.description = &it->second;
        definition.size += field.size;
        definition.dev_fields.push_back(field);
      }
    }
    definitions_[local] = std::move(definition);
    return true;
  }

  bool DataMessage(std::uint8_t local, std::size_t& at, std::size_t end, std::size_t record_start,
                   std::optional<std::uint32_t> compressed_timestamp) {
    const Definition& definition = definitions_[local];
    if (!definition.defined) {
      Warn(WarningKind::kUndefinedLocalType, record_start, local);
      return false;
    }
    if (end - at < definition.size) {
      Warn(WarningKind::kRecordCutShort, record_start);
      return false;
    }
    if (!definition.wanted) {
      // Still track time: most messages carry a timestamp that later compressed
      // timestamps count from.
      TrackTimestamp(definition, at);
      at += definition.size;
      return true;
    }
    values_.Reset();
    const std::uint8_t* record = bytes_.data() + at;
    for (const FieldDef& field : definition.fields) {
      ReadField(field, record + field.at, definition.big_endian);
    }
    if (compressed_timestamp && !values_.Has(kTimestamp)) {
      values_.number[kTimestamp] = *compressed_timestamp;
      values_.present[kTimestamp] = true;
    }
    if (values_.Has(kTimestamp)) {
      last_timestamp_ = static_cast<std::uint32_t>(values_.Get(kTimestamp));
    }
    at += definition.size;
    Commit(definition, record + definition.fields_size);
    return true;
  }

  void TrackTimestamp(const Definition& definition, std::size_t at) {
    if (definition.timestamp_offset < 0) return;
    const std::uint8_t* p = bytes_.data() + at + definition.timestamp_offset;
    const auto raw = Load<std::uint32_t>(p, definition.big_endian);
    if (raw != 0xFFFFFFFFu) last_timestamp_ = raw;
  }

  void ReadField(const FieldDef& field, const std::uint8_t* p, bool big_endian) {
    const Target target = field.target;
    switch (field.kind) {
      case FieldKind::kNumber: {
        const auto value = ReadValue(p, field.type, big_endian);
        if (!value) return;
        const double scaled = *value / field.scale - field.offset;
        if (!(scaled >= field.range.lowest && scaled <= field.range.highest)) return;
        values_.number[target] = scaled;
        values_.present[target] = true;
        return;
      }
      case FieldKind::kString: {
        std::string& text = target == kDevFieldName ? values_.dev_field_name : values_.dev_units;
        const auto* chars = reinterpret_cast<const char*>(p);
        text.assign(chars, strnlen(chars, field.size));
        values_.present[target] = true;
        return;
      }
      case FieldKind::kCompressedSpeedDistance:
        if (field.size >= 3) {
          values_.compressed = {p[0], p[1], p[2]};
          values_.present[target] = true;
        }
        return;
    }
  }

  // The commit step: the values of one data message, read by ReadField, go into the
  // contents. `dev` points at the record's developer fields.
  void Commit(const Definition& definition, const std::uint8_t* dev) {
    const Values& v = values_;
    switch (definition.global) {
      case kRecord: {
        ++c_.records;
        Sample& sample = c_.samples.emplace_back();  // filled in place: no copy
        sample.time_s = v.Has(kTimestamp)
                            ? Timestamp(static_cast<std::uint32_t>(v.Get(kTimestamp)), c_)
                            : Timestamp(last_timestamp_, c_);
        if (v.Has(kLat) && v.Has(kLon)) {
          sample.lat_deg = v.Get(kLat) * kSemicirclesToDegrees;
          sample.lon_deg = v.Get(kLon) * kSemicirclesToDegrees;
        }
        sample.altitude_m = v.Has(kEnhancedAltitude) ? v.Opt(kEnhancedAltitude) : v.Opt(kAltitude);
        sample.speed_mps = v.Has(kEnhancedSpeed) ? v.Opt(kEnhancedSpeed) : v.Opt(kSpeed);
        sample.distance_m = v.Opt(kDistance);
        // 0xFF is already dropped as FIT's invalid value; 0 is no heart rate either.
        if (v.Has(kHeartRate) && v.Get(kHeartRate) > 0) {
          sample.heart_rate_bpm = static_cast<int>(v.Get(kHeartRate));
        }
        if (v.Has(kCadence)) {
          // Stored as given (strides or revolutions per minute); made steps per minute
          // once the sport is known.
          sample.cadence_spm =
              v.Get(kCadence) + (v.Has(kFractionalCadence) ? v.Get(kFractionalCadence) : 0);
        }
        if (v.Has(kCompressedSpeedDistance)) {
          // 12 bits of speed (1/100 m/s), 12 bits of distance (1/16 m) that roll over.
          const auto& b = v.compressed;
          const std::uint32_t speed = b[0] | ((b[1] & 0x0Fu) << 8);
          const std::uint32_t distance = (b[1] >> 4) | (static_cast<std::uint32_t>(b[2]) << 4);
          if (speed != 0xFFF) sample.speed_mps = speed / 100.0;
          if (last_compressed_raw_) {
            compressed_distance_ += ((distance - *last_compressed_raw_) & 0xFFFu) / 16.0;
          }
          last_compressed_raw_ = distance;
          if (!sample.distance_m) sample.distance_m = compressed_distance_;
        }
        ReadDeveloperFields(definition, dev, sample.time_s);
        break;
      }
      case kLap: {
        Lap lap;
        const std::optional<double> timestamp = v.Opt(kTimestamp);
        lap.elapsed_s = v.Opt(kTotalElapsed).value_or(0);
        if (v.Has(kStartTime)) {
          lap.start_s = Timestamp(static_cast<std::uint32_t>(v.Get(kStartTime)), c_);
        } else if (timestamp) {
          lap.start_s = Timestamp(static_cast<std::uint32_t>(*timestamp), c_) - lap.elapsed_s;
        }
        lap.timer_s = v.Opt(kTotalTimer);
        lap.distance_m = v.Opt(kTotalDistance);
        lap.trigger = LapTriggerFromFit(v.Opt(kLapTriggerField));
        c_.laps.push_back(lap);
        break;
      }
      case kSession: {
        Session session;
        if (v.Has(kStartTime)) {
          session.start = Timestamp(static_cast<std::uint32_t>(v.Get(kStartTime)), c_);
        }
        if (v.Has(kTimestamp)) {
          session.timestamp = Timestamp(static_cast<std::uint32_t>(v.Get(kTimestamp)), c_);
        }
        session.elapsed = v.Opt(kTotalElapsed);
        session.timer = v.Opt(kTotalTimer);
        session.distance = v.Opt(kTotalDistance);
        session.moving = v.Opt(kTotalMoving);
        if (v.Has(kAvgHeartRate) && v.Get(kAvgHeartRate) > 0) {
          session.avg_hr = v.Get(kAvgHeartRate);
        }
        session.avg_cadence = v.Opt(kAvgCadence);
        if (v.Has(kSport)) session.sport = static_cast<int>(v.Get(kSport));
        if (v.Has(kSubSport)) session.sub_sport = static_cast<int>(v.Get(kSubSport));
        c_.sessions.push_back(session);
        break;
      }
      case kSportMessage:
        if (v.Has(kSport)) c_.sport = static_cast<int>(v.Get(kSport));
        if (v.Has(kSubSport)) c_.sub_sport = static_cast<int>(v.Get(kSubSport));
        break;
      case kEvent:
        if (v.Has(kEventField) && v.Get(kEventField) == kTimerEvent && v.Has(kEventType) &&
            v.Has(kTimestamp)) {
          const auto type = static_cast<EventType>(static_cast<int>(v.Get(kEventType)));
          const double time = Timestamp(static_cast<std::uint32_t>(v.Get(kTimestamp)), c_);
          if (type == EventType::kStart) c_.timer_events.emplace_back(time, true);
          if (type == EventType::kStop || type == EventType::kStopAll) {
            c_.timer_events.emplace_back(time, false);
          }
        }
        break;
      case kActivity:
        if (v.Has(kLocalTimestamp) && v.Has(kTimestamp)) {
          const double offset = v.Get(kLocalTimestamp) - v.Get(kTimestamp);
          if (std::abs(offset) <= kMaxUtcOffsetS) c_.utc_offset_s = static_cast<int>(offset);
        }
        break;
      case kFileId:
        if (v.Has(kFileType)) {
          c_.file_types.push_back(static_cast<FileType>(static_cast<int>(v.Get(kFileType))));
        }
        break;
      case kFieldDescription:
        if (v.Has(kDevDataIndex) && v.Has(kDevFieldNumber)) {
          DevFieldDescription description;
          description.name = v.dev_field_name;
          description.units = v.dev_units;
          if (v.Has(kDevBaseType)) {
            const auto type = static_cast<std::uint8_t>(static_cast<int>(v.Get(kDevBaseType)) &
                                                        kBaseTypeNumberMask);
            if (type < kBaseTypeSizes.size()) description.type = static_cast<BaseType>(type);
          }
          if (v.Has(kDevScale) && v.Get(kDevScale) != 0) description.scale = v.Get(kDevScale);
          if (v.Has(kDevOffset)) description.offset = v.Get(kDevOffset);
          dev_descriptions_[{static_cast<int>(v.Get(kDevDataIndex)),
                             static_cast<int>(v.Get(kDevFieldNumber))}] = description;
        }
        break;
      default:
        break;
    }
  }

  void ReadDeveloperFields(const Definition& definition, const std::uint8_t* p, double time) {
    for (const DevFieldDef& field : definition.dev_fields) {
      DevFieldDescription* description = field.description;
      if (description != nullptr && !description->name.empty() &&
          SizeOf(description->type) <= field.size && description->type != BaseType::kString) {
        if (const auto value = ReadValue(p, description->type, definition.big_endian)) {
          if (description->series < 0) {
            auto [it, added] = dev_series_by_name_.try_emplace(
                description->name, static_cast<int>(c_.dev_series.size()));
            if (added) c_.dev_series.push_back({description->name, description->units, {}});
            description->series = it->second;
          }
          c_.dev_series[static_cast<std::size_t>(description->series)].values.emplace_back(
              time, *value / description->scale - description->offset);
        }
      }
      p += field.size;
    }
  }

  std::span<const std::uint8_t> bytes_;
  DecodedFile& out_;
  std::array<Definition, kLocalTypes> definitions_;
  Values values_;
  std::uint32_t last_timestamp_ = 0;
  Contents c_;
  // Developer field descriptions by (developer index, field number), for the whole chain;
  // definitions point into it, which a map's stable nodes allow.
  std::map<std::pair<int, int>, DevFieldDescription> dev_descriptions_;
  std::map<std::string, int> dev_series_by_name_;
  double compressed_distance_ = 0;  // accumulated from compressed_speed_distance
  std::optional<std::uint32_t> last_compressed_raw_;
};

}  // namespace
}  // namespace fit

Result<DecodedFile> DecodeFit(std::span<const std::uint8_t> bytes) {
  DecodedFile out;
  if (bytes.empty()) {
    out.not_an_activity = "an empty file";
    return out;
  }
  fit::FitReader reader(bytes, out);
  if (auto run = reader.Run(); !run) return Fail(run.error());
  fit::AddActivities(reader.contents(), out);
  AddActivityWarnings(out);
  return out;
}

}  // namespace backstride
