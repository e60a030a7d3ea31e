#include "activity/garmin_summary.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace backstride {
namespace {

using nlohmann::json;

// nlohmann's DOM builder, remembering where the text stopped being JSON: the project
// reports a damaged file's byte offset, and the library gives it only to an exception
// or to a SAX handler.
class DomBuilderWithOffset : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit DomBuilderWithOffset(json& document)
      : nlohmann::detail::json_sax_dom_parser<json>(document, /*allow_exceptions_=*/false) {}

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) {
    error_offset = position;
    return false;
  }

  std::optional<std::size_t> error_offset;
};

// The list of activities wherever the export put it: the documented
// [{"summarizedActivitiesExport":[...]}], or that object alone. Several objects in the
// top list are read one after the other.
std::vector<const json*> ExportLists(const json& document) {
  std::vector<const json*> lists;
  const auto take = [&](const json& object) {
    if (!object.is_object()) return;
    const auto it = object.find("summarizedActivitiesExport");
    if (it != object.end() && it->is_array()) lists.push_back(&*it);
  };
  if (document.is_array()) {
    for (const json& element : document) take(element);
  } else {
    take(document);
  }
  return lists;
}

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

  void Read(const json& entry, std::size_t number) {
    number_ = number;
    if (!entry.is_object()) {
      Problem(Where() + " is not an activity, so it was left out.");
      return;
    }
    entry_ = &entry;
    const auto start_ms = Number("startTimeGmt");
    if (!start_ms) {
      ++out_.dropped_without_start;
      Problem(Where() + " has no start time, so it was left out.");
      return;
    }
    GarminActivitySummary summary;
    summary.start_utc_s = *start_ms / 1000.0;
    if (const auto local_ms = Number("startTimeLocal")) {
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
    if (const auto id = Number("activityId")) {
      // Ids are integers below 2^53, so the double holds them exactly.
      if (*id >= 0 && *id < 9.0e15 && std::floor(*id) == *id) {
        summary.activity_id = static_cast<std::int64_t>(*id);
      } else {
        Problem(Where() + ": activityId is not a whole number; it was skipped.");
      }
    }
    summary.name = String("name");
    summary.activity_type = ActivityType();
    summary.distance_m = Scaled("distance", 0.01);   // centimetres
    summary.duration_s = Scaled("duration", 0.001);  // milliseconds
    summary.elapsed_s = Scaled("elapsedDuration", 0.001);
    summary.moving_s = Scaled("movingDuration", 0.001);
    summary.avg_hr_bpm = Scaled("avgHr", 1);
    summary.max_hr_bpm = Scaled("maxHr", 1);
    summary.elevation_gain_m = Scaled("elevationGain", 0.01);  // centimetres
    summary.avg_cadence_spm = Scaled("avgDoubleCadence", 1);
    if (!summary.avg_cadence_spm) summary.avg_cadence_spm = Scaled("avgRunCadence", 2);
    summary.indoor = IsIndoor(summary.activity_type);
    out_.activities.push_back(std::move(summary));
  }

 private:
  std::string Where() const { return "Activity " + std::to_string(number_); }

  // A number under `key`; nullopt when absent or null, and a problem when of another type.
  std::optional<double> Number(const char* key) {
    const auto it = entry_->find(key);
    if (it == entry_->end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
      Problem(Where() + ": " + key + " is not a number; it was skipped.");
      return std::nullopt;
    }
    const double value = it->get<double>();
    if (!std::isfinite(value)) return std::nullopt;
    return value;
  }

  // A quantity that cannot be negative, in the export's unit times `scale`.
  std::optional<double> Scaled(const char* key, double scale) {
    const auto value = Number(key);
    if (!value) return std::nullopt;
    if (*value < 0) {
      Problem(Where() + ": " + key + " is below zero; it was skipped.");
      return std::nullopt;
    }
    return *value * scale;
  }

  std::string String(const char* key) {
    const auto it = entry_->find(key);
    if (it == entry_->end() || it->is_null()) return {};
    if (!it->is_string()) {
      Problem(Where() + ": " + key + " is not text; it was skipped.");
      return {};
    }
    return it->get<std::string>();
  }

  // The export writes the type's key ("running"); the API an object {"typeKey": ...}.
  std::string ActivityType() {
    const auto it = entry_->find("activityType");
    if (it != entry_->end() && it->is_object()) {
      const auto key = it->find("typeKey");
      if (key != it->end() && key->is_string()) return key->get<std::string>();
    }
    return String("activityType");
  }

  static bool IsIndoor(std::string_view type) {
    return type.starts_with("indoor_") || type.starts_with("treadmill_") ||
           type.starts_with("virtual_") || type == "treadmill";
  }

  GarminActivitySummaries& out_;
  const json* entry_ = nullptr;
  std::size_t number_ = 0;
  std::size_t unlisted_ = 0;
};

}  // namespace

Result<GarminActivitySummaries> ReadGarminSummarizedActivities(std::string_view text) {
  json document;
  DomBuilderWithOffset builder(document);
  const bool parsed = json::sax_parse(text.begin(), text.end(), &builder);
  if (!parsed || builder.error_offset) {
    return Fail(Error::Corruption(
        "This Garmin file is damaged: it stops being JSON partway through. Download the "
        "export again, or choose the summarizedActivities.json from a fresh copy.",
        builder.error_offset));
  }
  const std::vector<const json*> lists = ExportLists(document);
  if (lists.empty()) {
    return Fail(Error::InvalidArgument(
        "This is not Garmin's list of activities: it has no \"summarizedActivitiesExport\". "
        "Choose the file ending in _summarizedActivities.json in "
        "DI_CONNECT/DI-Connect-Fitness."));
  }
  GarminActivitySummaries summaries;
  EntryReader reader(summaries);
  std::size_t number = 0;
  for (const json* list : lists) {
    for (const json& entry : *list) reader.Read(entry, ++number);
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
