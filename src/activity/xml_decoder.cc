#include "activity/xml_decoder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
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
  // Set when the file ends in the middle of the document (a transfer or a recording cut
  // short): pugixml keeps the tree it built up to the end, which is read as far as it goes.
  // The error it gave, to report if nothing before the cut can be used.
  std::optional<Error> cut;
  std::size_t size = 0;  // bytes of the file
  std::string_view text;  // the file as given (the buffer is changed by parsing)
};

// The element named `local` on the path of last children from `node`: where a cut file
// stopped, the element being written then (its closing tag never came).
pugi::xml_node LastOpen(pugi::xml_node node, std::string_view local);

// True when the last <`local`> of a cut file's `text` was closed before the cut: its
// closing tag comes after its last opening tag (with any namespace prefix).
bool ClosedBeforeTheCut(std::string_view text, std::string_view local) {
  for (std::size_t at = text.rfind(local); at != std::string_view::npos && at > 0;
       at = text.rfind(local, at - 1)) {
    const std::size_t open = text.rfind('<', at);
    if (open == std::string_view::npos) return false;
    std::string_view tag = text.substr(open + 1, at - open - 1);  // "", "/", "ns:", "/ns:"
    const bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    if (!tag.empty() && tag.back() != ':') continue;  // part of another name or of text
    if (tag.find_first_of("<> \t\r\n/\"") != std::string_view::npos) continue;
    const char after = at + local.size() < text.size() ? text[at + local.size()] : '>';
    if (after != '>' && after != ' ' && after != '\t' && after != '\r' && after != '\n' &&
        after != '/') {
      continue;
    }
    return closing;
  }
  return false;
}

// The element named `local` being written where a cut file stopped, or none when the
// last one was closed before the cut.
pugi::xml_node OpenAtTheCut(const Document& document, std::string_view local) {
  if (!document.cut || ClosedBeforeTheCut(document.text, local)) return {};
  return LastOpen(document.xml.document_element(), local);
}

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
  document->size = bytes.size();
  document->text = std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (!result) {
    const auto at = static_cast<std::size_t>(result.offset);
    Error error = Error::Corruption(std::string(format) + ": broken XML (" + result.description() +
                                        ") at byte " + std::to_string(start + at),
                                    start + at);
    // A file cut short fails where its bytes run out: after the error's offset comes no
    // whole tag, at most the start of one. Elsewhere the XML is broken in the middle, and
    // a guess at what was meant would be worse than refusing it.
    const std::size_t stop = std::min(at, size);
    const std::string_view tail(reinterpret_cast<const char*>(bytes.data()) + start + stop,
                                size - stop);
    const std::size_t tag = tail.find('<');
    const bool whole_tag_after =
        tag != std::string_view::npos && tail.find('>', tag) != std::string_view::npos;
    if (whole_tag_after || !document->xml.document_element()) return Fail(std::move(error));
    document->cut = std::move(error);
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

// A heart rate as written, if it is one. Files carry anything: 255 is the "invalid"
// placeholder Garmin devices and converters write (FIT's invalid uint8, copied into TCX
// and GPX), and 0 means no reading; neither is a heart rate.
std::optional<int> HeartRate(std::optional<double> value) {
  if (!value || !(*value > 0) || *value >= 255) return std::nullopt;
  return static_cast<int>(*value);
}

// A cadence as written, if it is one: 255 is the same placeholder (a real cadence, in
// strides, revolutions or steps per minute, stays well below it).
std::optional<double> Cadence(std::optional<double> value) {
  if (!value || !(*value >= 0) || *value >= 255) return std::nullopt;
  return value;
}

pugi::xml_node LastOpen(pugi::xml_node node, std::string_view local) {
  pugi::xml_node found;
  for (; node; node = node.last_child()) {
    if (node.type() == pugi::node_element && LocalName(node) == local) found = node;
  }
  return found;
}

// Times that step back. Some apps (Sports Tracker) write a third of a track's points
// timed before the point recorded ahead of them, by a second or a few, while the
// positions run on in order: sorted by time, the track would zigzag and triple its
// distance. So the order recorded is kept, and a time that steps back is held at the
// latest time before it: the point adds distance, and no time of its own, so elapsed and
// moving time stay what the clock says.
struct TimesHeld {
  std::size_t held = 0;   // points whose time stepped back
  double most_back_s = 0;  // the largest step back
};

TimesHeld HoldTimesThatStepBack(std::vector<Sample>& samples) {
  TimesHeld times;
  if (samples.empty()) return times;
  double latest = samples.front().time_s;
  for (Sample& sample : samples) {
    if (sample.time_s < latest) {
      ++times.held;
      times.most_back_s = std::max(times.most_back_s, latest - sample.time_s);
      sample.time_s = latest;
    } else {
      latest = sample.time_s;
    }
  }
  return times;
}

// Both formats write running cadence as strides per minute; make it steps, keep the
// samples in the order recorded with times that never step back (saying so in `out`),
// and fill in what the file does not say.
void FinishXmlActivity(Activity& activity, DecodedFile& out) {
  if (CountsSteps(activity.sport)) {
    for (Sample& sample : activity.samples) {
      if (sample.cadence_spm) *sample.cadence_spm *= 2;
    }
  }
  const TimesHeld times = HoldTimesThatStepBack(activity.samples);
  if (times.held > 0) {
    DecodeWarning warning;
    warning.kind = WarningKind::kTimesHeld;
    warning.count = times.held;
    warning.total = activity.samples.size();
    warning.seconds = times.most_back_s;
    AddWarning(out, warning);
  }
  FinishActivity(activity);
}

// The warning for a file read up to where it was cut.
DecodeWarning CutWarning(const Document& document, bool dropped_point) {
  DecodeWarning warning;
  warning.kind = WarningKind::kXmlEndsEarly;
  warning.at_byte = document.size;
  warning.count = dropped_point ? 1 : 0;
  return warning;
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
      sample.cadence_spm = Cadence(ChildNumber(child));
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

// Tracks of one GPX file that follow each other within this gap are one outing: a
// handheld that lost its fix or was switched off for a stop starts a new track ("ACTIVE
// LOG #2", ...), and GPSBabel writes each as its own <trk>. Two runs of one day exported
// together are further apart than a stop on a run.
constexpr double kGpxJoinGapS = 30 * 60;

// One <trk>: its samples, with a segment start at each <trkseg> after the first that
// holds a timed point. `skip` is a point left out (the one a cut file ends in).
Activity ReadTrack(const pugi::xml_node& track, const pugi::xml_node& skip) {
  Activity activity;
  activity.format = "gpx";
  for (pugi::xml_node child = track.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "type") {
      activity.sport = SportFromText(child.child_value());
    } else if (name == "trkseg") {
      const std::size_t before = activity.samples.size();
      for (pugi::xml_node point = child.first_child(); point; point = point.next_sibling()) {
        if (point != skip && LocalName(point) == "trkpt") ReadTrackPoint(point, activity);
      }
      if (before > 0 && activity.samples.size() > before) {
        activity.segment_starts.push_back(before);
      }
    }
  }
  return activity;
}

double LatestTime(const Activity& activity) {
  double latest = activity.samples.front().time_s;
  for (const Sample& sample : activity.samples) latest = std::max(latest, sample.time_s);
  return latest;
}

// Appends `next` to `joined` as a new segment.
void JoinTrack(Activity& joined, Activity& next) {
  const std::size_t offset = joined.samples.size();
  joined.segment_starts.push_back(offset);
  for (const std::size_t start : next.segment_starts) joined.segment_starts.push_back(offset + start);
  joined.samples.insert(joined.samples.end(), next.samples.begin(), next.samples.end());
  joined.points += next.points;
}

}  // namespace

Result<DecodedFile> DecodeGpx(std::span<const std::uint8_t> bytes) {
  auto document = Load(bytes, "GPX", "gpx");
  if (!document) return Fail(document.error());
  const pugi::xml_node root = (*document)->xml.document_element();
  const bool cut = (*document)->cut.has_value();
  const pugi::xml_node skip = OpenAtTheCut(**document, "trkpt");
  DecodedFile out;
  std::vector<Activity> tracks;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (LocalName(node) != "trk") continue;
    Activity track = ReadTrack(node, skip);
    out.points += track.points;
    if (track.points > 0 && track.samples.empty()) {
      DecodeWarning warning;
      warning.kind = WarningKind::kUntimedTrack;
      AddWarning(out, warning);
      continue;
    }
    if (track.samples.empty()) continue;
    if (track.samples.size() < track.points) {
      DecodeWarning warning;
      warning.kind = WarningKind::kPointsWithoutTime;
      warning.count = track.points - track.samples.size();
      AddWarning(out, warning);
    }
    if (!tracks.empty() && tracks.back().sport == track.sport) {
      const double gap = track.samples.front().time_s - LatestTime(tracks.back());
      if (gap >= 0 && gap <= kGpxJoinGapS) {
        JoinTrack(tracks.back(), track);
        continue;
      }
    }
    tracks.push_back(std::move(track));
  }
  if (cut) {
    if (tracks.empty()) return Fail(*(*document)->cut);  // nothing before the cut to keep
    AddWarning(out, CutWarning(**document, static_cast<bool>(skip)));
  }
  for (Activity& activity : tracks) {
    FinishXmlActivity(activity, out);
    out.activities.push_back(std::move(activity));
  }
  if (out.activities.empty() && out.not_an_activity.empty()) {
    out.not_an_activity = out.points > 0
                              ? "a GPX file whose tracks have no times (a planned route)"
                              : "a GPX file with no recorded track (waypoints or a route)";
  }
  AddActivityWarnings(out);
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
      sample.cadence_spm = Cadence(ChildNumber(child));
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
      if (!sample.cadence_spm) sample.cadence_spm = Cadence(ChildNumber(child));
    } else if (name == "Extensions") {
      ReadTcxExtensions(child, sample);
    }
  }
  ++activity.points;
  if (timed) activity.samples.push_back(sample);
}

// Where a cut TCX file stopped: the lap and the point being written then.
struct TcxCut {
  pugi::xml_node lap;
  pugi::xml_node point;  // left out: its values may be cut short
};

Activity ReadTcxActivity(const pugi::xml_node& node, const TcxCut& cut, DecodedFile& out) {
  Activity activity;
  activity.format = "tcx";
  activity.sport = SportFromText(node.attribute("Sport").value());
  double timer = 0, distance = 0;
  bool have_timer = false, have_distance = false;
  double device_distance = 0;  // the last DistanceMeters of a point, for a cut lap
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
    const std::size_t first_sample = activity.samples.size();
    const double distance_before = device_distance;
    for (pugi::xml_node part = child.first_child(); part; part = part.next_sibling()) {
      const std::string_view part_name = LocalName(part);
      if (part_name == "TotalTimeSeconds") {
        if (auto value = ChildNumber(part)) {
          lap.elapsed_s = *value;
          lap.timer_s = *value;  // TCX lap time is active time
        }
      } else if (part_name == "DistanceMeters") {
        lap.distance_m = ChildNumber(part);
      } else if (part_name == "TriggerMethod") {
        lap.trigger = TriggerFromTcx(part.child_value());
      } else if (part_name == "Track") {
        // A lap's second <Track> is where the recording was paused and resumed (each lap
        // starts its own; a new lap is no pause).
        const std::size_t before = activity.samples.size();
        const bool resumed = before > first_sample;
        for (pugi::xml_node point = part.first_child(); point; point = point.next_sibling()) {
          if (point != cut.point && LocalName(point) == "Trackpoint") {
            ReadTrackpoint(point, activity);
            if (activity.samples.size() > first_sample && activity.samples.back().distance_m) {
              device_distance = *activity.samples.back().distance_m;
            }
          }
        }
        if (resumed && activity.samples.size() > before) activity.segment_starts.push_back(before);
      }
    }
    if (child == cut.lap) {
      // The lap the file was cut in: closed at its last point, whatever its summary
      // said, so that it holds what the file still has.
      if (activity.samples.size() == first_sample) continue;
      lap.elapsed_s = activity.samples.back().time_s - lap.start_s;
      lap.timer_s = lap.elapsed_s;
      lap.distance_m = device_distance > distance_before
                           ? std::optional<double>(device_distance - distance_before)
                           : std::nullopt;
    }
    if (lap.timer_s) {
      timer += *lap.timer_s;
      have_timer = true;
    }
    if (lap.distance_m) {
      distance += *lap.distance_m;
      have_distance = true;
    }
    activity.laps.push_back(lap);
  }
  if (have_timer) activity.timer_s = timer;
  if (have_distance && distance > 0) {
    activity.distance_m = distance;
    activity.distance_from_device = true;
  }
  FinishXmlActivity(activity, out);
  return activity;
}

void CollectActivities(const pugi::xml_node& node, const TcxCut& cut, DecodedFile& out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child);
    if (name == "Activity") {
      Activity activity = ReadTcxActivity(child, cut, out);
      out.points += activity.points;
      if (!activity.samples.empty() || activity.timer_s)
        out.activities.push_back(std::move(activity));
    } else if (name == "Activities" || name == "MultiSportSession" || name == "FirstSport" ||
               name == "NextSport") {
      CollectActivities(child, cut, out);
    }
  }
}

}  // namespace

Result<DecodedFile> DecodeTcx(std::span<const std::uint8_t> bytes) {
  auto document = Load(bytes, "TCX", "TrainingCenterDatabase");
  if (!document) return Fail(document.error());
  const pugi::xml_node root = (*document)->xml.document_element();
  TcxCut cut;
  if ((*document)->cut) {
    cut.lap = OpenAtTheCut(**document, "Lap");
    cut.point = OpenAtTheCut(**document, "Trackpoint");
  }
  DecodedFile out;
  CollectActivities(root, cut, out);
  if ((*document)->cut) {
    const bool any_samples = std::any_of(out.activities.begin(), out.activities.end(),
                                         [](const Activity& a) { return !a.samples.empty(); });
    if (!any_samples) return Fail(*(*document)->cut);  // nothing before the cut to keep
    AddWarning(out, CutWarning(**document, static_cast<bool>(cut.point)));
  }
  if (out.activities.empty()) {
    out.not_an_activity = "a TCX file with no recorded activity (courses or workouts only)";
  }
  AddActivityWarnings(out);
  return out;
}

}  // namespace backstride
