#include "activity/xml_decoder.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "activity/metrics.h"
#include "base/numbers.h"

namespace backstride {
namespace {

constexpr std::string_view kTpxV1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
constexpr std::string_view kTpxV2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";

// A parsed document and the buffer it lives in (in-place parsing points into it).
struct Document {
  std::unique_ptr<char[]> buffer;
  pugi::xml_document xml;
};

// Control characters other than tab and line breaks are not allowed in XML 1.0, yet appear
// in real exports; blank them rather than refuse the file. Eight bytes are checked at a
// time, since nearly all of a file is ordinary text.
void BlankControlCharacters(char* p, std::size_t size) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  char* const end = p + size;
  for (; end - p >= 8; p += 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    // The high bit of each byte below 0x20 (and perhaps of a byte above one): check those.
    for (std::uint64_t flagged = (word - kOnes * 0x20) & ~word & kHighBits; flagged != 0;
         flagged &= flagged - 1) {
      char& c = p[__builtin_ctzll(flagged) / 8];
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') c = ' ';
    }
  }
  for (; p < end; ++p) {
    const auto u = static_cast<unsigned char>(*p);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') *p = ' ';
  }
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view Prefix(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

// Parses `bytes` and checks the root element's local name is `root`.
Result<std::unique_ptr<Document>> Load(std::span<const std::uint8_t> bytes, std::string_view format,
                                       std::string_view root) {
  auto document = std::make_unique<Document>();
  std::size_t start = 0;
  if (bytes.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) start = 3;
  while (start < bytes.size() && (bytes[start] == ' ' || bytes[start] == '\t' ||
                                  bytes[start] == '\r' || bytes[start] == '\n')) {
    ++start;
  }
  const std::size_t size = bytes.size() - start;
  // Not zero-filled: every byte is overwritten by the copy.
  document->buffer = std::make_unique_for_overwrite<char[]>(size + 1);
  if (size > 0) std::memcpy(document->buffer.get(), bytes.data() + start, size);
  BlankControlCharacters(document->buffer.get(), size);
  const pugi::xml_parse_result result = document->xml.load_buffer_inplace(
      document->buffer.get(), size, pugi::parse_minimal, pugi::encoding_utf8);
  if (!result) {
    return Fail(Error::Corruption(
        std::string(format) + ": broken XML (" + result.description() + ") at byte " +
            std::to_string(start + static_cast<std::size_t>(result.offset)),
        start + static_cast<std::size_t>(result.offset)));
  }
  const pugi::xml_node element = document->xml.document_element();
  if (LocalName(element) != root) {
    return Fail(Error::Corruption("not a " + std::string(format) + " file: the document is <" +
                                      std::string(element.name()) + ">",
                                  0));
  }
  return document;
}

// The namespace URI of `node`, from the xmlns declarations on it and its ancestors.
std::string_view NamespaceOf(const pugi::xml_node& node) {
  const std::string_view prefix = Prefix(node);
  std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  }
  return {};
}

std::optional<double> Number(const char* text) {
  while (*text == ' ' || *text == '\n' || *text == '\t' || *text == '\r') ++text;
  const char* end = text + std::strlen(text);
  while (end > text && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t' || end[-1] == '\r')) {
    --end;
  }
  if (*text == '+') ++text;
  return ParseDouble(std::string_view(text, static_cast<std::size_t>(end - text)));
}

std::optional<double> ChildNumber(const pugi::xml_node& node) { return Number(node.child_value()); }

Sport SportFromText(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("run") != std::string::npos || lower == "9") return Sport::kRunning;
  if (lower.find("bik") != std::string::npos || lower.find("cycl") != std::string::npos ||
      lower.find("ride") != std::string::npos || lower == "1") {
    return Sport::kCycling;
  }
  if (lower.find("walk") != std::string::npos) return Sport::kWalking;
  if (lower.find("hik") != std::string::npos) return Sport::kHiking;
  if (lower.find("swim") != std::string::npos) return Sport::kSwimming;
  if (lower.empty()) return Sport::kUnknown;
  return Sport::kOther;
}

// A heart rate as written, if it is one (files carry anything; 0-299 bpm is plausible).
std::optional<int> HeartRate(std::optional<double> value) {
  if (!value || *value < 0 || *value >= 300) return std::nullopt;
  return static_cast<int>(*value);
}

// Both formats write running cadence as strides per minute; make it steps, put the samples
// in time order, and fill in what the file does not say.
void FinishXmlActivity(Activity& activity) {
  if (CountsSteps(activity.sport)) {
    for (Sample& sample : activity.samples) {
      if (sample.cadence_spm) *sample.cadence_spm *= 2;
    }
  }
  std::stable_sort(activity.samples.begin(), activity.samples.end(),
                   [](const Sample& a, const Sample& b) { return a.time_s < b.time_s; });
  FinishActivity(activity);
}

// --- GPX ------------------------------------------------------------------------------------

void ReadGpxExtensions(const pugi::xml_node& extensions, Sample& sample) {
  for (pugi::xml_node child = extensions.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "TrackPointExtension") {
      const std::string_view uri = NamespaceOf(child);
      // Matched by URI; an undeclared prefix (seen in the wild) is given the benefit of
      // the doubt on its name alone.
      if (!uri.empty() && uri != kTpxV1 && uri != kTpxV2) continue;
      ReadGpxExtensions(child, sample);
    } else if (name == "hr" || name == "heartrate") {
      sample.heart_rate_bpm = HeartRate(ChildNumber(child));
    } else if (name == "cad" || name == "cadence") {
      sample.cadence_spm = ChildNumber(child);
    } else if (name == "speed") {
      sample.speed_mps = ChildNumber(child);
    }
  }
}

void ReadTrackPoint(const pugi::xml_node& point, Activity& activity) {
  Sample sample;
  sample.lat_deg = Number(point.attribute("lat").value());
  sample.lon_deg = Number(point.attribute("lon").value());
  bool timed = false;
  for (pugi::xml_node child = point.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "time") {
      if (auto time = ParseIsoTime(child.child_value())) {
        sample.time_s = *time;
        timed = true;
      }
    } else if (name == "ele") {
      sample.altitude_m = ChildNumber(child);
    } else if (name == "speed") {
      sample.speed_mps = ChildNumber(child);
    } else if (name == "extensions") {
      ReadGpxExtensions(child, sample);
    }
  }
  ++activity.points;
  if (timed) activity.samples.push_back(sample);
}

}  // namespace

Result<DecodedFile> DecodeGpx(std::span<const std::uint8_t> bytes) {
  auto document = Load(bytes, "GPX", "gpx");
  if (!document) return Fail(document.error());
  const pugi::xml_node root = (*document)->xml.document_element();
  DecodedFile out;
  for (pugi::xml_node track = root.first_child(); track; track = track.next_sibling()) {
    if (LocalName(track) != "trk") continue;
    Activity activity;
    activity.format = "gpx";
    for (pugi::xml_node child = track.first_child(); child; child = child.next_sibling()) {
      const std::string_view name = LocalName(child);
      if (name == "type") {
        activity.sport = SportFromText(child.child_value());
      } else if (name == "trkseg") {
        for (pugi::xml_node point = child.first_child(); point; point = point.next_sibling()) {
          if (LocalName(point) == "trkpt") ReadTrackPoint(point, activity);
        }
      }
    }
    out.points += activity.points;
    if (activity.points > 0 && activity.samples.empty()) {
      out.warnings.push_back("a track has no times, so it cannot be a recorded run");
      continue;
    }
    if (activity.samples.empty()) continue;
    if (activity.samples.size() < activity.points) {
      out.warnings.push_back(std::to_string(activity.points - activity.samples.size()) +
                             " track points without a time were left out");
    }
    FinishXmlActivity(activity);
    out.activities.push_back(std::move(activity));
  }
  if (out.activities.empty() && out.not_an_activity.empty()) {
    out.not_an_activity = out.points > 0
                              ? "a GPX file whose tracks have no times (a planned route)"
                              : "a GPX file with no recorded track (waypoints or a route)";
  }
  return out;
}

// --- TCX --------------------------------------------------------------------------------------

namespace {

LapTrigger TriggerFromTcx(std::string_view text) {
  if (text == "Manual") return LapTrigger::kManual;
  if (text == "Distance") return LapTrigger::kDistance;
  if (text == "Location") return LapTrigger::kPosition;
  if (text == "Time") return LapTrigger::kTime;
  if (text == "HeartRate") return LapTrigger::kHeartRate;
  return LapTrigger::kUnknown;
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (LocalName(child) == local) return child;
  }
  return {};
}

void ReadTcxExtensions(const pugi::xml_node& extensions, Sample& sample) {
  for (pugi::xml_node child = extensions.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "TPX") {
      ReadTcxExtensions(child, sample);
    } else if (name == "Speed") {
      sample.speed_mps = ChildNumber(child);
    } else if (name == "RunCadence") {
      sample.cadence_spm = ChildNumber(child);
    }
  }
}

void ReadTrackpoint(const pugi::xml_node& point, Activity& activity) {
  Sample sample;
  bool timed = false;
  for (pugi::xml_node child = point.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "Time") {
      if (auto time = ParseIsoTime(child.child_value())) {
        sample.time_s = *time;
        timed = true;
      }
    } else if (name == "Position") {
      sample.lat_deg = ChildNumber(Child(child, "LatitudeDegrees"));
      sample.lon_deg = ChildNumber(Child(child, "LongitudeDegrees"));
    } else if (name == "AltitudeMeters") {
      sample.altitude_m = ChildNumber(child);
    } else if (name == "DistanceMeters") {
      sample.distance_m = ChildNumber(child);
    } else if (name == "HeartRateBpm") {
      sample.heart_rate_bpm = HeartRate(ChildNumber(Child(child, "Value")));
    } else if (name == "Cadence") {
      if (!sample.cadence_spm) sample.cadence_spm = ChildNumber(child);
    } else if (name == "Extensions") {
      ReadTcxExtensions(child, sample);
    }
  }
  ++activity.points;
  if (timed) activity.samples.push_back(sample);
}

Activity ReadTcxActivity(const pugi::xml_node& node) {
  Activity activity;
  activity.format = "tcx";
  activity.sport = SportFromText(node.attribute("Sport").value());
  double timer = 0, distance = 0;
  bool have_timer = false, have_distance = false;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "Id") {
      if (!activity.start_utc_s) {
        activity.start_utc_s = ParseIsoTime(child.child_value(), &activity.utc_offset_s);
      }
      continue;
    }
    if (name != "Lap") continue;
    Lap lap;
    if (auto start = ParseIsoTime(child.attribute("StartTime").value())) {
      lap.start_s = *start;
      // The first lap's start is to the second; the Id is often rounded to the minute.
      if (activity.laps.empty()) activity.start_utc_s = *start;
    }
    for (pugi::xml_node part = child.first_child(); part; part = part.next_sibling()) {
      const std::string_view part_name = LocalName(part);
      if (part_name == "TotalTimeSeconds") {
        if (auto value = ChildNumber(part)) {
          lap.elapsed_s = *value;
          lap.timer_s = *value;  // TCX lap time is active time
          timer += *value;
          have_timer = true;
        }
      } else if (part_name == "DistanceMeters") {
        lap.distance_m = ChildNumber(part);
        if (lap.distance_m) {
          distance += *lap.distance_m;
          have_distance = true;
        }
      } else if (part_name == "TriggerMethod") {
        lap.trigger = TriggerFromTcx(part.child_value());
      } else if (part_name == "Track") {
        for (pugi::xml_node point = part.first_child(); point; point = point.next_sibling()) {
          if (LocalName(point) == "Trackpoint") ReadTrackpoint(point, activity);
        }
      }
    }
    activity.laps.push_back(lap);
  }
  if (have_timer) activity.timer_s = timer;
  if (have_distance && distance > 0) {
    activity.distance_m = distance;
    activity.distance_from_device = true;
  }
  FinishXmlActivity(activity);
  return activity;
}

void CollectActivities(const pugi::xml_node& node, DecodedFile& out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "Activity") {
      Activity activity = ReadTcxActivity(child);
      out.points += activity.points;
      if (!activity.samples.empty() || activity.timer_s)
        out.activities.push_back(std::move(activity));
    } else if (name == "Activities" || name == "MultiSportSession" || name == "FirstSport" ||
               name == "NextSport") {
      CollectActivities(child, out);
    }
  }
}

}  // namespace

Result<DecodedFile> DecodeTcx(std::span<const std::uint8_t> bytes) {
  auto document = Load(bytes, "TCX", "TrainingCenterDatabase");
  if (!document) return Fail(document.error());
  const pugi::xml_node root = (*document)->xml.document_element();
  DecodedFile out;
  CollectActivities(root, out);
  if (out.activities.empty()) {
    out.not_an_activity = "a TCX file with no recorded activity (courses or workouts only)";
  }
  return out;
}

}  // namespace backstride
