#include "app/data_transfer.h"

#include <fmt/format.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "store/store.h"

namespace backstride {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFormat = "backstride-data";
constexpr int kFormatVersion = 1;

// --- iCalendar ---------------------------------------------------------------------------

std::string IcsEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never
// inside a UTF-8 sequence.
void AddLine(std::string& ics, std::string_view line) {
  std::size_t start = 0;
  std::size_t limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    ics.append(line.substr(start, cut - start));
    ics += "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  ics.append(line.substr(start));
  ics += "\r\n";
}

std::string IcsDate(Date date) {
  std::string text = FormatDate(date);
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

std::string SessionSummary(const Session& session, DistanceUnit units) {
  std::string summary = session.title;
  if (session.cap) summary += ": up to " + FormatCap(*session.cap, units);
  return summary;
}

std::string SessionDescription(const Session& session, DistanceUnit units) {
  std::string text = session.details;
  if (session.pace_aim_s_per_km) {
    text += "\nPace to beat: " + FormatPace(*session.pace_aim_s_per_km, units);
  }
  for (const Exercise& exercise : session.exercises) {
    text += fmt::format("\n- {}: {} x {} ({})", exercise.name, exercise.sets, exercise.reps,
                        exercise.load_text);
  }
  return text;
}

// --- JSON helpers ------------------------------------------------------------------------

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16) |
                   (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                   static_cast<unsigned char>(bytes[i + 2]);
    out += {kBase64[n >> 18], kBase64[(n >> 12) & 63], kBase64[(n >> 6) & 63], kBase64[n & 63]};
  }
  if (i < bytes.size()) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kBase64[n >> 18];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    const char* at = std::strchr(kBase64, c);
    if (at == nullptr || c == '\0') return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(at - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

Error Bad(const std::string& path, const std::string& what) {
  return Error::InvalidArgument(path + ": " + what, path);
}

template <typename T>
void PutOptional(Json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

// Reads the fields of one exported object. Each getter returns a value (empty or zero
// after a problem) and keeps the first problem, so a caller reads every field and then
// checks error() once.
class Reader {
 public:
  Reader(const Json& object, std::string path) : object_(object), path_(std::move(path)) {}

  std::string Text(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end() || !it->is_string()) return Problem(key, "must be text"), "";
    return it->get<std::string>();
  }
  std::int64_t Int(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end() || !it->is_number_integer()) {
      return Problem(key, "must be a whole number"), 0;
    }
    return it->get<std::int64_t>();
  }
  Date DateAt(const char* key) {
    const std::string text = Text(key);
    auto date = ParseDate(text);
    if (!date) return Problem(key, date.error().message), Date{};
    return *date;
  }
  template <typename T>
  std::optional<T> Optional(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if constexpr (std::is_same_v<T, bool>) {
      if (!it->is_boolean()) return Problem(key, "must be true or false"), std::nullopt;
    } else if constexpr (std::is_integral_v<T>) {
      if (!it->is_number_integer()) return Problem(key, "must be a whole number"), std::nullopt;
    } else {
      if (!it->is_number()) return Problem(key, "must be a number"), std::nullopt;
    }
    return it->get<T>();
  }
  void Problem(const char* key, const std::string& what) {
    if (!error_) error_ = Bad(Path(key), what);
  }
  std::string Path(const char* key) const { return path_ + "." + key; }
  const std::optional<Error>& error() const { return error_; }

 private:
  const Json& object_;
  std::string path_;
  std::optional<Error> error_;
};

}  // namespace

std::string PlanToIcs(const ActivePlan& active, DistanceUnit units, std::string_view dtstamp_utc) {
  std::string ics;
  AddLine(ics, "BEGIN:VCALENDAR");
  AddLine(ics, "VERSION:2.0");
  AddLine(ics, "PRODID:-//backstride//backstride plan//EN");
  AddLine(ics, "CALSCALE:GREGORIAN");
  AddLine(ics, "METHOD:PUBLISH");
  AddLine(ics, "X-WR-CALNAME:backstride plan");
  for (const Session& session : active.plan.sessions) {
    AddLine(ics, "BEGIN:VEVENT");
    AddLine(ics, "UID:" + SessionUid(session) + "@backstride");
    AddLine(ics, "DTSTAMP:" + std::string(dtstamp_utc));
    AddLine(ics, "DTSTART;VALUE=DATE:" + IcsDate(session.date));
    AddLine(ics, "DTEND;VALUE=DATE:" + IcsDate(AddDays(session.date, 1)));
    AddLine(ics, "SUMMARY:" + IcsEscape(SessionSummary(session, units)));
    AddLine(ics, "DESCRIPTION:" + IcsEscape(SessionDescription(session, units)));
    AddLine(ics, "CATEGORIES:" + std::string(SessionKindId(session.kind)));
    AddLine(ics, "TRANSP:TRANSPARENT");
    AddLine(ics, "END:VEVENT");
  }
  AddLine(ics, "END:VCALENDAR");
  return ics;
}

Result<std::string> ExportData(Store& store) {
  auto settings = store.Settings();
  if (!settings) return Fail(settings.error());
  auto assessments = store.Assessments();
  if (!assessments) return Fail(assessments.error());
  auto plans = store.Plans();
  if (!plans) return Fail(plans.error());
  auto log = store.Log();
  if (!log) return Fail(log.error());

  Json out;
  out["format"] = kFormat;
  out["version"] = kFormatVersion;
  Json settings_json = Json::object();
  for (const auto& [key, value] : *settings) settings_json[key] = value;
  out["settings"] = std::move(settings_json);
  Json assessments_json = Json::array();
  for (const StoredAssessment& a : *assessments) {
    assessments_json.push_back({{"id", a.id},
                                {"date", FormatDate(a.date)},
                                {"route", a.route},
                                {"answers", Json::parse(a.answers_json)},
                                {"source", a.source},
                                {"created_at", a.created_at}});
  }
  out["assessments"] = std::move(assessments_json);
  Json plans_json = Json::array();
  for (const StoredPlan& p : *plans) {
    plans_json.push_back({{"id", p.id},
                          {"assessment_id", p.assessment_id},
                          {"start", FormatDate(p.start)},
                          {"runs_per_week", p.runs_per_week},
                          {"created_at", p.created_at}});
  }
  out["plans"] = std::move(plans_json);
  Json log_json = Json::array();
  for (const LogEntry& e : *log) {
    Json entry = {{"id", e.id}, {"date", FormatDate(e.date)}, {"kind", LogKindId(e.kind)}};
    PutOptional(entry, "distance_m", e.distance_m);
    PutOptional(entry, "duration_s", e.duration_s);
    PutOptional(entry, "pain", e.pain);
    PutOptional(entry, "pain_before", e.pain_before);
    PutOptional(entry, "reps_in_reserve", e.reps_in_reserve);
    PutOptional(entry, "onset_m", e.onset_m);
    PutOptional(entry, "onset_s", e.onset_s);
    PutOptional(entry, "done", e.done);
    PutOptional(entry, "helped", e.helped);
    PutOptional(entry, "run_id", e.run_id);
    entry["note"] = e.note;
    entry["source"] = e.source;
    entry["created_at"] = e.created_at;
    log_json.push_back(std::move(entry));
  }
  out["log"] = std::move(log_json);
  auto activities = store.Activities(/*with_tracks=*/true);
  if (!activities) return Fail(activities.error());
  Json activities_json = Json::array();
  for (const StoredActivity& a : *activities) {
    Json item = {{"id", a.id},         {"log_id", a.log_id},       {"file", a.file},
                 {"format", a.format}, {"sport", a.sport},         {"start_utc", a.start_utc},
                 {"indoor", a.indoor}, {"elapsed_s", a.elapsed_s}, {"moving_s", a.moving_s},
                 {"points", a.points}};
    PutOptional(item, "utc_offset_s", a.utc_offset_s);
    PutOptional(item, "distance_m", a.distance_m);
    PutOptional(item, "timer_s", a.timer_s);
    PutOptional(item, "avg_hr_bpm", a.avg_hr_bpm);
    PutOptional(item, "avg_cadence_spm", a.avg_cadence_spm);
    PutOptional(item, "elevation_gain_m", a.elevation_gain_m);
    item["laps"] = Json::parse(a.laps_json);
    // The track as little-endian float32 pairs, base64: compact and exact.
    item["track"] = Base64(std::string_view(reinterpret_cast<const char*>(a.track.data()),
                                            a.track.size() * sizeof(float)));
    item["created_at"] = a.created_at;
    activities_json.push_back(std::move(item));
  }
  out["activities"] = std::move(activities_json);
  return out.dump(2) + "\n";
}

Result<DataImportSummary> ImportData(Store& store, std::string_view json_text, bool replace) {
  Json document;
  try {
    document = Json::parse(json_text);
  } catch (const Json::parse_error& error) {
    Error bad = Error::InvalidArgument("not valid JSON at byte " + std::to_string(error.byte));
    bad.offset = error.byte;
    return Fail(std::move(bad));
  }
  if (!document.is_object() || document.value("format", "") != kFormat) {
    return Fail(Bad("format", "this is not a backstride data export"));
  }
  if (document.value("version", 0) != kFormatVersion) {
    return Fail(Bad("version", "unsupported export version " + document["version"].dump()));
  }
  for (const char* section : {"assessments", "plans", "log"}) {
    if (!document.contains(section) || !document[section].is_array()) {
      return Fail(Bad(section, "must be a list"));
    }
  }
  if (!document.contains("settings") || !document["settings"].is_object()) {
    return Fail(Bad("settings", "must be an object"));
  }

  DataImportSummary summary;
  auto done = store.InTransaction([&]() -> Result<void> {
    if (replace) {
      if (auto cleared = store.Clear(); !cleared) return cleared;
    } else {
      auto empty = store.IsEmpty();
      if (!empty) return Fail(empty.error());
      if (!*empty) {
        return Fail(Error::InvalidArgument(
            "the store already holds data; import into an empty one, or pass --replace to "
            "replace it"));
      }
    }
    for (const auto& [key, value] : document["settings"].items()) {
      if (!value.is_string()) return Fail(Bad("settings." + key, "must be text"));
      if (auto put = store.PutSetting(key, value.get<std::string>()); !put) return put;
      ++summary.settings;
    }
    std::set<std::int64_t> assessment_ids;
    for (std::size_t i = 0; i < document["assessments"].size(); ++i) {
      const Json& item = document["assessments"][i];
      const std::string path = "assessments[" + std::to_string(i) + "]";
      if (!item.is_object()) return Fail(Bad(path, "must be an object"));
      Reader r(item, path);
      StoredAssessment a{r.Int("id"), r.DateAt("date"), r.Text("route"),
                         "",          r.Text("source"), r.Text("created_at")};
      if (r.error()) return Fail(*r.error());
      if (!RouteFromId(a.route)) {
        return Fail(Bad(r.Path("route"), "unknown route '" + a.route + "'"));
      }
      if (!item.contains("answers")) return Fail(Bad(r.Path("answers"), "missing"));
      auto answers = ParseAnswers(item["answers"].dump());
      if (!answers) return Fail(Bad(r.Path("answers"), answers.error().message));
      a.answers_json = item["answers"].dump();
      if (auto added = store.AddAssessment(a); !added) {
        return Fail(Bad(path, added.error().message));
      }
      assessment_ids.insert(a.id);
      ++summary.assessments;
    }
    for (std::size_t i = 0; i < document["plans"].size(); ++i) {
      const Json& item = document["plans"][i];
      const std::string path = "plans[" + std::to_string(i) + "]";
      if (!item.is_object()) return Fail(Bad(path, "must be an object"));
      Reader r(item, path);
      const StoredPlan plan{r.Int("id"), r.Int("assessment_id"), r.DateAt("start"),
                            static_cast<int>(r.Int("runs_per_week")), r.Text("created_at")};
      if (r.error()) return Fail(*r.error());
      if (!assessment_ids.count(plan.assessment_id)) {
        return Fail(Bad(r.Path("assessment_id"), "no assessment has this id"));
      }
      if (plan.runs_per_week < kMinRunsPerWeek || plan.runs_per_week > kMaxRunsPerWeek) {
        return Fail(Bad(r.Path("runs_per_week"), "must be 2-5"));
      }
      if (auto added = store.AddPlan(plan); !added) return Fail(Bad(path, added.error().message));
      ++summary.plans;
    }
    std::set<std::int64_t> run_ids;
    for (std::size_t i = 0; i < document["log"].size(); ++i) {
      const Json& item = document["log"][i];
      const std::string path = "log[" + std::to_string(i) + "]";
      if (!item.is_object()) return Fail(Bad(path, "must be an object"));
      Reader r(item, path);
      LogEntry e;
      e.id = r.Int("id");
      e.date = r.DateAt("date");
      const std::string kind = r.Text("kind");
      e.note = r.Text("note");
      e.source = r.Text("source");
      e.created_at = r.Text("created_at");
      e.distance_m = r.Optional<double>("distance_m");
      e.duration_s = r.Optional<double>("duration_s");
      e.pain = r.Optional<int>("pain");
      e.pain_before = r.Optional<int>("pain_before");
      e.reps_in_reserve = r.Optional<int>("reps_in_reserve");
      e.onset_m = r.Optional<double>("onset_m");
      e.onset_s = r.Optional<double>("onset_s");
      e.done = r.Optional<bool>("done");
      e.helped = r.Optional<bool>("helped");
      e.run_id = r.Optional<std::int64_t>("run_id");
      if (r.error()) return Fail(*r.error());
      const auto parsed_kind = LogKindFromId(kind);
      if (!parsed_kind) return Fail(Bad(r.Path("kind"), "unknown kind '" + kind + "'"));
      e.kind = *parsed_kind;
      if (e.run_id && !run_ids.count(*e.run_id)) {
        return Fail(Bad(r.Path("run_id"), "no earlier run has this id"));
      }
      if (auto added = store.AddLogEntry(e); !added) return Fail(Bad(path, added.error().message));
      if (e.kind == LogKind::kRun) run_ids.insert(e.id);
      ++summary.log_entries;
    }
    // Activities (imported runs); absent in exports made before imports existed.
    const Json activities = document.value("activities", Json::array());
    if (!activities.is_array()) return Fail(Bad("activities", "must be a list"));
    for (std::size_t i = 0; i < activities.size(); ++i) {
      const Json& item = activities[i];
      const std::string path = "activities[" + std::to_string(i) + "]";
      if (!item.is_object()) return Fail(Bad(path, "must be an object"));
      Reader r(item, path);
      StoredActivity a;
      a.id = r.Int("id");
      a.log_id = r.Int("log_id");
      a.file = r.Text("file");
      a.format = r.Text("format");
      a.sport = r.Text("sport");
      a.start_utc = r.Optional<double>("start_utc").value_or(0);
      a.indoor = r.Optional<bool>("indoor").value_or(false);
      a.elapsed_s = r.Optional<double>("elapsed_s").value_or(0);
      a.moving_s = r.Optional<double>("moving_s").value_or(0);
      a.points = r.Int("points");
      a.utc_offset_s = r.Optional<int>("utc_offset_s");
      a.distance_m = r.Optional<double>("distance_m");
      a.timer_s = r.Optional<double>("timer_s");
      a.avg_hr_bpm = r.Optional<double>("avg_hr_bpm");
      a.avg_cadence_spm = r.Optional<double>("avg_cadence_spm");
      a.elevation_gain_m = r.Optional<double>("elevation_gain_m");
      const std::string track_text = r.Text("track");
      a.created_at = r.Text("created_at");
      if (r.error()) return Fail(*r.error());
      if (!run_ids.count(a.log_id)) return Fail(Bad(r.Path("log_id"), "no run has this id"));
      if (!item.contains("laps") || !item["laps"].is_array()) {
        return Fail(Bad(r.Path("laps"), "must be a list"));
      }
      a.laps_json = item["laps"].dump();
      const auto track = FromBase64(track_text);
      if (!track || track->size() % (2 * sizeof(float)) != 0) {
        return Fail(Bad(r.Path("track"), "is not a track"));
      }
      a.track.resize(track->size() / sizeof(float));
      std::memcpy(a.track.data(), track->data(), track->size());
      if (auto added = store.AddActivity(a); !added) return Fail(Bad(path, added.error().message));
    }
    return {};
  });
  if (!done) return Fail(done.error());
  return summary;
}

}  // namespace backstride
