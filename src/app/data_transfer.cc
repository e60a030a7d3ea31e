#include "app/data_transfer.h"

#include <fmt/format.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <type_traits>
#include <variant>

#include "base/base64.h"
#include "core/json_limits.h"
#include "store/store.h"
#include "store/track_blob.h"

namespace backstride {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFormat = "backstride-data";
constexpr int kFormatVersion = 1;

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
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!it->is_string()) return Problem(key, "must be text"), std::nullopt;
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

namespace {

Json AssessmentJson(const StoredAssessment& a) {
  return {{"id", a.id},         {"date", FormatDate(a.date)},
          {"route", a.route},   {"answers", Json::parse(a.answers_json)},
          {"source", a.source}, {"created_at", a.created_at}};
}

Json PlanJson(const StoredPlan& p) {
  return {{"id", p.id},
          {"assessment_id", p.assessment_id},
          {"start", FormatDate(p.start)},
          {"runs_per_week", p.runs_per_week},
          {"created_at", p.created_at}};
}

Json LogEntryJson(const LogEntry& e) {
  Json entry = {{"id", e.id}, {"date", FormatDate(e.date)}, {"kind", LogKindId(e.kind)}};
  for (const LogValueField& field : kLogValueFields) {
    const std::string name(field.name);
    std::visit([&](auto member) { PutOptional(entry, name.c_str(), e.*member); }, field.member);
  }
  PutOptional(entry, "run_id", e.run_id);
  entry["note"] = e.note;
  entry["source"] = e.source;
  entry["created_at"] = e.created_at;
  return entry;
}

Json ActivityJson(const StoredActivity& a) {
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
  // The track as little-endian float32, base64: compact and exact (store/track_blob.h).
  // Heart rate and cadence only when recorded, so a backup of an older version reads.
  const TrackBlobs track = EncodeTrack(a.track);
  item["track"] = Base64(track.time_distance);
  if (!track.heart_rate.empty()) item["track_hr"] = Base64(track.heart_rate);
  if (!track.cadence.empty()) item["track_cadence"] = Base64(track.cadence);
  item["created_at"] = a.created_at;
  // Where the recording came from, the service's name for it, and the same run found in
  // other sources: only when there is something to say, as in older backups.
  if (a.source != "file") item["source"] = a.source;
  if (!a.title.empty()) item["title"] = a.title;
  if (!a.description.empty()) item["description"] = a.description;
  if (!a.aliases.empty()) {
    Json aliases = Json::array();
    for (const ActivityAlias& alias : a.aliases) {
      Json one = {{"source", alias.source},       {"file", alias.file},
                  {"format", alias.format},       {"start_utc", alias.start_utc},
                  {"duration_s", alias.duration_s}, {"created_at", alias.created_at}};
      PutOptional(one, "distance_m", alias.distance_m);
      aliases.push_back(std::move(one));
    }
    item["aliases"] = std::move(aliases);
  }
  return item;
}

// What has been read of a backup so far: the ids later rows may point at.
struct ReadSoFar {
  std::set<std::int64_t> assessment_ids;
  std::set<std::int64_t> run_ids;
};

Result<StoredAssessment> ReadAssessment(const Json& item, const std::string& path) {
  if (!item.is_object()) return Fail(Bad(path, "must be an object"));
  Reader r(item, path);
  StoredAssessment a{r.Int("id"), r.DateAt("date"), r.Text("route"),
                     "",          r.Text("source"), r.Text("created_at")};
  if (r.error()) return Fail(*r.error());
  if (!RouteFromId(a.route)) return Fail(Bad(r.Path("route"), "unknown route '" + a.route + "'"));
  if (!item.contains("answers")) return Fail(Bad(r.Path("answers"), "missing"));
  auto answers = ParseAnswers(item["answers"].dump());
  if (!answers) return Fail(Bad(r.Path("answers"), answers.error().message));
  a.answers_json = item["answers"].dump();
  return a;
}

Result<StoredPlan> ReadPlan(const Json& item, const std::string& path, const ReadSoFar& read) {
  if (!item.is_object()) return Fail(Bad(path, "must be an object"));
  Reader r(item, path);
  const StoredPlan plan{r.Int("id"), r.Int("assessment_id"), r.DateAt("start"),
                        static_cast<int>(r.Int("runs_per_week")), r.Text("created_at")};
  if (r.error()) return Fail(*r.error());
  if (!read.assessment_ids.count(plan.assessment_id)) {
    return Fail(Bad(r.Path("assessment_id"), "no assessment has this id"));
  }
  if (plan.runs_per_week < kMinRunsPerWeek || plan.runs_per_week > kMaxRunsPerWeek) {
    return Fail(Bad(r.Path("runs_per_week"), "must be 2-5"));
  }
  return plan;
}

Result<LogEntry> ReadLogEntry(const Json& item, const std::string& path, const ReadSoFar& read) {
  if (!item.is_object()) return Fail(Bad(path, "must be an object"));
  Reader r(item, path);
  LogEntry e;
  e.id = r.Int("id");
  e.date = r.DateAt("date");
  const std::string kind = r.Text("kind");
  e.note = r.Text("note");
  e.source = r.Text("source");
  e.created_at = r.Text("created_at");
  for (const LogValueField& field : kLogValueFields) {
    const std::string name(field.name);
    std::visit(
        [&](auto member) {
          using Value = typename std::decay_t<decltype(e.*member)>::value_type;
          e.*member = r.Optional<Value>(name.c_str());
        },
        field.member);
  }
  e.run_id = r.Optional<std::int64_t>("run_id");
  if (r.error()) return Fail(*r.error());
  const auto parsed_kind = LogKindFromId(kind);
  if (!parsed_kind) return Fail(Bad(r.Path("kind"), "unknown kind '" + kind + "'"));
  e.kind = *parsed_kind;
  if (e.run_id && !read.run_ids.count(*e.run_id)) {
    return Fail(Bad(r.Path("run_id"), "no earlier run has this id"));
  }
  return e;
}

Result<StoredActivity> ReadActivity(const Json& item, const std::string& path,
                                    const ReadSoFar& read) {
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
  const std::optional<std::string> hr_text = r.Optional<std::string>("track_hr");
  const std::optional<std::string> cadence_text = r.Optional<std::string>("track_cadence");
  a.created_at = r.Text("created_at");
  a.source = r.Optional<std::string>("source").value_or("file");
  a.title = r.Optional<std::string>("title").value_or("");
  a.description = r.Optional<std::string>("description").value_or("");
  if (r.error()) return Fail(*r.error());
  if (!read.run_ids.count(a.log_id)) return Fail(Bad(r.Path("log_id"), "no run has this id"));
  if (item.contains("aliases")) {
    const Json& aliases = item["aliases"];
    if (!aliases.is_array()) return Fail(Bad(r.Path("aliases"), "must be a list"));
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      const std::string at = r.Path("aliases") + "[" + std::to_string(i) + "]";
      if (!aliases[i].is_object()) return Fail(Bad(at, "must be an object"));
      Reader alias_reader(aliases[i], at);
      ActivityAlias alias;
      alias.source = alias_reader.Text("source");
      alias.file = alias_reader.Text("file");
      alias.format = alias_reader.Text("format");
      alias.start_utc = alias_reader.Optional<double>("start_utc").value_or(0);
      alias.duration_s = alias_reader.Optional<double>("duration_s").value_or(0);
      alias.distance_m = alias_reader.Optional<double>("distance_m");
      alias.created_at = alias_reader.Text("created_at");
      if (alias_reader.error()) return Fail(*alias_reader.error());
      a.aliases.push_back(std::move(alias));
    }
  }
  if (!item.contains("laps") || !item["laps"].is_array()) {
    return Fail(Bad(r.Path("laps"), "must be a list"));
  }
  a.laps_json = item["laps"].dump();
  TrackBlobs blobs;
  const auto bytes = [&r](const char* name, const std::optional<std::string>& text,
                         std::string& out) -> Result<void> {
    if (!text) return {};
    auto decoded = FromBase64(*text);
    if (!decoded) return Fail(Bad(r.Path(name), "is not base64"));
    out.assign(decoded->begin(), decoded->end());
    return {};
  };
  if (auto done = bytes("track", std::optional<std::string>(track_text), blobs.time_distance);
      !done) {
    return Fail(done.error());
  }
  if (auto done = bytes("track_hr", hr_text, blobs.heart_rate); !done) return Fail(done.error());
  if (auto done = bytes("track_cadence", cadence_text, blobs.cadence); !done) {
    return Fail(done.error());
  }
  auto track = DecodeTrack(blobs);
  if (!track) return Fail(Bad(r.Path("track"), "is not a track: " + track.error().message));
  a.track = std::move(*track);
  return a;
}

// Reads every row of a backup, checking each field and every id a row points at, before
// anything is stored.
Result<StoreContents> ReadBackup(const Json& document) {
  // Each field's type is checked before its value is read: json::value() throws on a
  // field of another type ({"format": null}).
  if (!document.is_object() || !document.contains("format") || !document["format"].is_string() ||
      document["format"].get<std::string>() != kFormat) {
    return Fail(Bad("format", "this is not a backstride data export"));
  }
  if (!document.contains("version") || !document["version"].is_number_integer() ||
      document["version"].get<std::int64_t>() != kFormatVersion) {
    const std::string version =
        document.contains("version") ? document["version"].dump() : std::string("missing");
    return Fail(Bad("version", "unsupported export version " + version));
  }
  for (const char* section : {"assessments", "plans", "log"}) {
    if (!document.contains(section) || !document[section].is_array()) {
      return Fail(Bad(section, "must be a list"));
    }
  }
  if (!document.contains("settings") || !document["settings"].is_object()) {
    return Fail(Bad("settings", "must be an object"));
  }
  // Absent in exports made before imports existed.
  const Json activities = document.value("activities", Json::array());
  if (!activities.is_array()) return Fail(Bad("activities", "must be a list"));

  StoreContents contents;
  ReadSoFar read;
  for (const auto& [key, value] : document["settings"].items()) {
    if (!value.is_string()) return Fail(Bad("settings." + key, "must be text"));
    contents.settings.emplace_back(key, value.get<std::string>());
  }
  const auto path = [](const char* section, std::size_t i) {
    return std::string(section) + "[" + std::to_string(i) + "]";
  };
  for (std::size_t i = 0; i < document["assessments"].size(); ++i) {
    auto a = ReadAssessment(document["assessments"][i], path("assessments", i));
    if (!a) return Fail(a.error());
    read.assessment_ids.insert(a->id);
    contents.assessments.push_back(std::move(*a));
  }
  for (std::size_t i = 0; i < document["plans"].size(); ++i) {
    auto plan = ReadPlan(document["plans"][i], path("plans", i), read);
    if (!plan) return Fail(plan.error());
    contents.plans.push_back(*plan);
  }
  for (std::size_t i = 0; i < document["log"].size(); ++i) {
    auto e = ReadLogEntry(document["log"][i], path("log", i), read);
    if (!e) return Fail(e.error());
    if (e->kind == LogKind::kRun) read.run_ids.insert(e->id);
    contents.log.push_back(std::move(*e));
  }
  for (std::size_t i = 0; i < activities.size(); ++i) {
    auto a = ReadActivity(activities[i], path("activities", i), read);
    if (!a) return Fail(a.error());
    contents.activities.push_back(std::move(*a));
  }
  return contents;
}

}  // namespace

Result<std::string> ExportData(Store& store) {
  auto contents = store.Contents();
  if (!contents) return Fail(contents.error());
  Json out;
  out["format"] = kFormat;
  out["version"] = kFormatVersion;
  Json settings = Json::object();
  for (const auto& [key, value] : contents->settings) settings[key] = value;
  out["settings"] = std::move(settings);
  const auto list = [](const auto& rows, auto to_json) {
    Json items = Json::array();
    for (const auto& row : rows) items.push_back(to_json(row));
    return items;
  };
  out["assessments"] = list(contents->assessments, AssessmentJson);
  out["plans"] = list(contents->plans, PlanJson);
  out["log"] = list(contents->log, LogEntryJson);
  out["activities"] = list(contents->activities, ActivityJson);
  // A file name from a watch or an archive may not be UTF-8 (the SQLite store keeps its
  // bytes as they came): in the backup such bytes become U+FFFD, rather than the whole
  // backup failing for one name.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<DataImportSummary> ImportData(Store& store, std::string_view json_text, bool replace) {
  if (auto within = CheckJsonLimits(json_text, "the export"); !within) {
    return Fail(within.error());
  }
  Json document;
  try {
    document = Json::parse(json_text);
  } catch (const Json::parse_error& error) {
    Error bad = Error::InvalidArgument("not valid JSON at byte " + std::to_string(error.byte));
    bad.offset = error.byte;
    return Fail(std::move(bad));
  }
  auto contents = ReadBackup(document);
  if (!contents) return Fail(contents.error());
  if (!replace) {
    auto empty = store.IsEmpty();
    if (!empty) return Fail(empty.error());
    if (!*empty) {
      return Fail(Error::InvalidArgument(
          "the store already holds data; import into an empty one, or pass --replace to "
          "replace it"));
    }
  }
  if (auto restored = store.Restore(*contents, replace); !restored) {
    const Error& error = restored.error();
    if (error.path.empty()) return Fail(error);
    return Fail(Bad(error.path, error.message));  // "log[3]: ..."
  }
  return DataImportSummary{
      static_cast<int>(contents->assessments.size()), static_cast<int>(contents->plans.size()),
      static_cast<int>(contents->log.size()), static_cast<int>(contents->settings.size())};
}

}  // namespace backstride
