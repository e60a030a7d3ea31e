#include "activity/garmin_summary.h"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace backstride {
namespace {

using nlohmann::json;

// The keys read from each activity; every other key is skipped as it streams past.
enum class Key {
  kActivityId,
  kName,
  kActivityType,
  kStartTimeGmt,
  kStartTimeLocal,
  kDuration,
  kElapsedDuration,
  kMovingDuration,
  kDistance,
  kAvgHr,
  kMaxHr,
  kAvgRunCadence,
  kAvgDoubleCadence,
  kElevationGain,
};
constexpr std::array<std::string_view, 14> kKeyNames = {
    "activityId",       "name",         "activityType",    "startTimeGmt",
    "startTimeLocal",   "duration",     "elapsedDuration", "movingDuration",
    "distance",         "avgHr",        "maxHr",           "avgRunCadence",
    "avgDoubleCadence", "elevationGain"};

std::optional<Key> KeyNamed(std::string_view name) {
  for (std::size_t i = 0; i < kKeyNames.size(); ++i) {
    if (kKeyNames[i] == name) return static_cast<Key>(i);
  }
  return std::nullopt;
}

// One value of an activity as the JSON had it, before any unit or type is judged.
struct RawValue {
  enum class Kind { kMissing, kNull, kNumber, kString, kOther };
  Kind kind = Kind::kMissing;
  double number = 0;
  std::string text;
};
using RawEntry = std::array<RawValue, kKeyNames.size()>;

class EntryReader {
 public:
  explicit EntryReader(GarminActivitySummaries& out) : out_(out) {}

  void Problem(std::string text) {
    if (out_.problems.size() < kMaxGarminProblems) {
      out_.problems.push_back(std::move(text));
    } else {
      ++unlisted_;
    }
  }

  void Finish() {
    if (unlisted_ > 0) {
      out_.problems.push_back(std::to_string(unlisted_) +
                              " more problems like these were not listed.");
    }
  }

  void NotAnActivity(std::size_t number) {
    number_ = number;
    Problem(Where() + " is not an activity, so it was left out.");
  }

  void Read(const RawEntry& entry, std::size_t number) {
    number_ = number;
    entry_ = &entry;
    const auto start_ms = Number(Key::kStartTimeGmt);
    if (!start_ms) {
      ++out_.dropped_without_start;
      Problem(Where() + " has no start time, so it was left out.");
      return;
    }
    GarminActivitySummary summary;
    summary.start_utc_s = *start_ms / 1000.0;
    if (const auto local_ms = Number(Key::kStartTimeLocal)) {
      const double offset_s = std::round((*local_ms - *start_ms) / 1000.0);
      // Real offsets lie within UTC-12 and UTC+14; anything else is a damaged value.
      if (std::abs(offset_s) <= 14 * 3600) {
        summary.utc_offset_s = static_cast<int>(offset_s);
      } else {
        Problem(Where() + ": startTimeLocal is " +
                std::to_string(std::llround(std::abs(offset_s) / 3600.0)) +
                " hours from startTimeGmt, more than any time zone; the local time was skipped.");
      }
    }
    if (const auto id = Number(Key::kActivityId)) {
      // Ids are integers below 2^53, so the double holds them exactly.
      if (*id >= 0 && *id < 9.0e15 && std::floor(*id) == *id) {
        summary.activity_id = static_cast<std::int64_t>(*id);
      } else {
        Problem(Where() + ": activityId is not a whole number; it was skipped.");
      }
    }
    summary.name = String(Key::kName);
    summary.activity_type = String(Key::kActivityType);
    summary.distance_m = Scaled(Key::kDistance, 0.01);   // centimetres
    summary.duration_s = Scaled(Key::kDuration, 0.001);  // milliseconds
    summary.elapsed_s = Scaled(Key::kElapsedDuration, 0.001);
    summary.moving_s = Scaled(Key::kMovingDuration, 0.001);
    summary.avg_hr_bpm = Scaled(Key::kAvgHr, 1);
    summary.max_hr_bpm = Scaled(Key::kMaxHr, 1);
    summary.elevation_gain_m = Scaled(Key::kElevationGain, 0.01);  // centimetres
    summary.avg_cadence_spm = Scaled(Key::kAvgDoubleCadence, 1);
    if (!summary.avg_cadence_spm) summary.avg_cadence_spm = Scaled(Key::kAvgRunCadence, 2);
    summary.indoor = IsIndoor(summary.activity_type);
    out_.activities.push_back(std::move(summary));
  }

 private:
  std::string Where() const { return "Activity " + std::to_string(number_); }

  const RawValue& Value(Key key) const { return (*entry_)[static_cast<std::size_t>(key)]; }

  static std::string_view Name(Key key) { return kKeyNames[static_cast<std::size_t>(key)]; }

  // A number under `key`; nullopt when absent or null, and a problem when of another type.
  std::optional<double> Number(Key key) {
    const RawValue& value = Value(key);
    if (value.kind == RawValue::Kind::kMissing || value.kind == RawValue::Kind::kNull) {
      return std::nullopt;
    }
    if (value.kind != RawValue::Kind::kNumber) {
      Problem(Where() + ": " + std::string(Name(key)) + " is not a number; it was skipped.");
      return std::nullopt;
    }
    if (!std::isfinite(value.number)) return std::nullopt;
    return value.number;
  }

  // A quantity that cannot be negative, in the export's unit times `scale`.
  std::optional<double> Scaled(Key key, double scale) {
    const auto value = Number(key);
    if (!value) return std::nullopt;
    if (*value < 0) {
      Problem(Where() + ": " + std::string(Name(key)) + " is below zero; it was skipped.");
      return std::nullopt;
    }
    return *value * scale;
  }

  std::string String(Key key) {
    const RawValue& value = Value(key);
    if (value.kind == RawValue::Kind::kMissing || value.kind == RawValue::Kind::kNull) return {};
    if (value.kind != RawValue::Kind::kString) {
      Problem(Where() + ": " + std::string(Name(key)) + " is not text; it was skipped.");
      return {};
    }
    return value.text;
  }

  static bool IsIndoor(std::string_view type) {
    return type.starts_with("indoor_") || type.starts_with("treadmill_") ||
           type.starts_with("virtual_") || type == "treadmill";
  }

  GarminActivitySummaries& out_;
  const RawEntry* entry_ = nullptr;
  std::size_t number_ = 0;
  std::size_t unlisted_ = 0;
};

// Streams the document (nlohmann's SAX interface) and hands each activity to an
// EntryReader as soon as its object closes. A DOM of a 30 MB export took 190 MB and
// 1.2-4.4 s on this project's machine; streaming keeps one activity's values at a time.
//
// Where the activities are: the documented [{"summarizedActivitiesExport":[...]}], or
// that object alone; several objects in the top list are read one after the other. The
// export writes activityType as its key ("running"); the API as {"typeKey": "running"}.
class ExportHandler {
 public:
  explicit ExportHandler(EntryReader& reader) : reader_(reader) {}

  bool null() { return Scalar(RawValue{RawValue::Kind::kNull, 0, {}}); }
  bool boolean(bool /*value*/) { return Scalar(RawValue{RawValue::Kind::kOther, 0, {}}); }
  bool number_integer(json::number_integer_t value) { return Number(static_cast<double>(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return Number(static_cast<double>(value)); }
  bool number_float(json::number_float_t value, const json::string_t& /*text*/) {
    return Number(value);
  }
  bool string(json::string_t& value) {
    if (const auto slot = ValueSlot()) {
      if (*slot != nullptr) **slot = RawValue{RawValue::Kind::kString, 0, std::move(value)};
    }
    return true;
  }
  bool binary(json::binary_t& /*value*/) { return Scalar(RawValue{RawValue::Kind::kOther, 0, {}}); }

  bool key(json::string_t& name) {
    key_ = std::move(name);
    return true;
  }

  bool start_object(std::size_t /*size*/) { return Open(/*object=*/true); }
  bool start_array(std::size_t /*size*/) { return Open(/*object=*/false); }

  bool end_object() {
    if (stack_.back() == Role::kEntry) reader_.Read(entry_, entries_);
    stack_.pop_back();
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) {
    error_offset = position;
    return false;
  }

  std::optional<std::size_t> error_offset;
  bool found_list = false;

 private:
  enum class Role {
    kTop,         // the document's outer array or object
    kHolder,      // an object in the outer array, which may hold the list
    kList,        // "summarizedActivitiesExport"
    kEntry,       // one activity
    kTypeObject,  // the API's {"typeKey": ...} under activityType
    kIgnored,     // anything else, with all it contains
  };

  Role Parent() const { return stack_.empty() ? Role::kIgnored : stack_.back(); }

  bool Number(double value) { return Scalar(RawValue{RawValue::Kind::kNumber, value, {}}); }

  bool Scalar(RawValue value) {
    if (const auto slot = ValueSlot()) {
      if (*slot != nullptr) **slot = std::move(value);
    }
    return true;
  }

  // Where a scalar arriving now goes: nullopt when nowhere; a null pointer when it is a
  // list element that is not an activity (counted and reported here).
  std::optional<RawValue*> ValueSlot() {
    switch (Parent()) {
      case Role::kList:
        reader_.NotAnActivity(++entries_);
        return nullptr;
      case Role::kEntry:
        if (const auto key = KeyNamed(key_)) return &entry_[static_cast<std::size_t>(*key)];
        return std::nullopt;
      case Role::kTypeObject:
        if (key_ == "typeKey") return &entry_[static_cast<std::size_t>(Key::kActivityType)];
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  bool Open(bool object) {
    Role role = Role::kIgnored;
    if (stack_.empty()) {
      role = Role::kTop;
      top_is_object_ = object;
    } else {
      switch (Parent()) {
        case Role::kTop:
          if (top_is_object_) {
            role = ListRole(object);
          } else if (object) {
            role = Role::kHolder;
          }
          break;
        case Role::kHolder:
          role = ListRole(object);
          break;
        case Role::kList:
          if (object) {
            role = Role::kEntry;
            entry_ = RawEntry{};
            ++entries_;
          } else {
            reader_.NotAnActivity(++entries_);
          }
          break;
        case Role::kEntry:
          if (const auto key = KeyNamed(key_)) {
            RawValue& slot = entry_[static_cast<std::size_t>(*key)];
            if (*key == Key::kActivityType && object) {
              role = Role::kTypeObject;
            } else {
              slot = RawValue{RawValue::Kind::kOther, 0, {}};
            }
          }
          break;
        default:
          break;
      }
    }
    stack_.push_back(role);
    return true;
  }

  Role ListRole(bool object) {
    if (object || key_ != "summarizedActivitiesExport") return Role::kIgnored;
    found_list = true;
    return Role::kList;
  }

  EntryReader& reader_;
  std::vector<Role> stack_;
  std::string key_;
  bool top_is_object_ = false;
  RawEntry entry_;
  std::size_t entries_ = 0;
};

}  // namespace

Result<GarminActivitySummaries> ReadGarminSummarizedActivities(std::string_view text) {
  GarminActivitySummaries summaries;
  EntryReader reader(summaries);
  ExportHandler handler(reader);
  const bool parsed = json::sax_parse(text.begin(), text.end(), &handler);
  if (!parsed || handler.error_offset) {
    return Fail(Error::Corruption(
        "This Garmin file is damaged: it stops being JSON partway through. Download the "
        "export again, or choose the summarizedActivities.json from a fresh copy.",
        handler.error_offset));
  }
  if (!handler.found_list) {
    return Fail(Error::InvalidArgument(
        "This is not Garmin's list of activities: it has no \"summarizedActivitiesExport\". "
        "Choose the file ending in _summarizedActivities.json in "
        "DI_CONNECT/DI-Connect-Fitness."));
  }
  reader.Finish();
  return summaries;
}

bool IsGarminRun(std::string_view activity_type) {
  return activity_type == "running" || activity_type.ends_with("_running") ||
         activity_type == "virtual_run" || activity_type == "ultra_run" ||
         activity_type == "obstacle_run";
}

}  // namespace backstride
