#include "app/import.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <fmt/format.h>

#include "activity/decode.h"
#include "activity/metrics.h"
#include "app/explain.h"
#include "store/store.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

class PathSource final : public FileSource {
 public:
  explicit PathSource(std::vector<fs::path> files) : files_(std::move(files)) {
    for (const fs::path& file : files_) {
      std::error_code error;
      const auto size = fs::file_size(file, error);
      if (!error) total_bytes_ += size;
    }
  }

  std::optional<SourcedFile> Next() override {
    if (next_ >= files_.size()) return std::nullopt;
    return ReadSourcedFile(files_[next_++].string());
  }

  std::size_t total_files() const override { return files_.size(); }
  std::uint64_t total_bytes() const override { return total_bytes_; }

 private:
  std::vector<fs::path> files_;
  std::size_t next_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::optional<std::int64_t> OptionalRunId(std::int64_t id) {
  return id != 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

bool SameRun(const StoredActivity& stored, const Activity& activity) {
  if (std::abs(stored.start_utc - *activity.start_utc_s) > kDuplicateStartToleranceS) return false;
  const double longer = std::max(stored.elapsed_s, activity.elapsed_s);
  if (longer > 0 &&
      std::abs(stored.elapsed_s - activity.elapsed_s) > longer * kDuplicateDurationTolerance + 5) {
    return false;
  }
  if (stored.distance_m && activity.distance_m) {
    const double farther = std::max(*stored.distance_m, *activity.distance_m);
    if (std::abs(*stored.distance_m - *activity.distance_m) >
        farther * kDuplicateDistanceTolerance + 10) {
      return false;
    }
  }
  return true;
}

std::string LapsJson(const Activity& activity) {
  nlohmann::ordered_json laps = nlohmann::ordered_json::array();
  for (const Lap& lap : activity.laps) {
    nlohmann::ordered_json entry = {{"start_s", lap.start_s - activity.start_utc_s.value_or(0)},
                                    {"elapsed_s", lap.elapsed_s},
                                    {"trigger", LapTriggerId(lap.trigger)}};
    if (lap.timer_s) entry["timer_s"] = *lap.timer_s;
    if (lap.distance_m) entry["distance_m"] = *lap.distance_m;
    laps.push_back(std::move(entry));
  }
  return laps.dump();
}

// The points of the run as the store keeps them: time from the start, and the distance,
// heart rate and cadence where recorded. Empty when there is nothing to chart or place an
// onset on (no start time, or only times).
std::vector<TrackSample> Track(const Activity& activity) {
  std::vector<TrackSample> track;
  if (!activity.start_utc_s) return track;
  const std::vector<double> distance = CumulativeDistance(activity);
  const bool any_body = std::any_of(
      activity.samples.begin(), activity.samples.end(),
      [](const Sample& s) { return s.heart_rate_bpm.has_value() || s.cadence_spm.has_value(); });
  if (distance.empty() && !any_body) return track;
  track.reserve(activity.samples.size());
  for (std::size_t i = 0; i < activity.samples.size(); ++i) {
    const Sample& sample = activity.samples[i];
    TrackSample point;
    point.elapsed_s = static_cast<float>(sample.time_s - *activity.start_utc_s);
    if (i < distance.size()) point.distance_m = static_cast<float>(distance[i]);
    if (sample.heart_rate_bpm) point.heart_rate_bpm = static_cast<float>(*sample.heart_rate_bpm);
    if (sample.cadence_spm) point.cadence_spm = static_cast<float>(*sample.cadence_spm);
    track.push_back(point);
  }
  return track;
}

Date LocalDate(double start_utc_s, std::optional<int> offset_s, int default_offset_s) {
  const double local = start_utc_s + offset_s.value_or(default_offset_s);
  return Date(std::chrono::days(static_cast<int>(std::floor(local / 86400.0))));
}

// The time the run rule's pace uses: the device's timer, else moving time, else elapsed.
double RunDuration(std::optional<double> timer_s, double moving_s, double elapsed_s) {
  return timer_s.value_or(moving_s > 0 ? moving_s : elapsed_s);
}

RunSummary SummaryOf(const Activity& activity, const ImportOptions& options) {
  RunSummary run;
  run.date = LocalDate(*activity.start_utc_s, activity.utc_offset_s,
                       options.default_utc_offset_s.value_or(0));
  if (activity.distance_m && *activity.distance_m > 0) run.distance_m = activity.distance_m;
  run.duration_s = RunDuration(activity.timer_s, activity.moving_s, activity.elapsed_s);
  return run;
}

MatchedRun MatchOf(const StoredActivity& stored, const std::string& file,
                   const ImportOptions& options) {
  MatchedRun match;
  match.run_id = OptionalRunId(stored.log_id);
  match.file = file;
  match.date =
      LocalDate(stored.start_utc, stored.utc_offset_s, options.default_utc_offset_s.value_or(0));
  match.distance_m = stored.distance_m;
  match.duration_s = RunDuration(stored.timer_s, stored.moving_s, stored.elapsed_s);
  return match;
}

// The recording of a run as the store keeps it.
StoredActivity RecordingOf(const Activity& activity, const RunSummary& run,
                           const std::string& file, const ImportHints& hints) {
  StoredActivity row;
  row.file = file;
  row.format = activity.format;
  row.sport = std::string(SportId(activity.sport));
  row.start_utc = *activity.start_utc_s;
  row.utc_offset_s = activity.utc_offset_s;
  row.indoor = activity.indoor;
  row.distance_m = run.distance_m;
  row.elapsed_s = activity.elapsed_s;
  row.timer_s = activity.timer_s;
  row.moving_s = activity.moving_s;
  row.points = static_cast<std::int64_t>(activity.points);
  row.avg_hr_bpm = activity.avg_hr_bpm;
  row.avg_cadence_spm = activity.avg_cadence_spm;
  row.elevation_gain_m = activity.elevation_gain_m;
  row.laps_json = LapsJson(activity);
  row.track = Track(activity);
  row.source = hints.source;
  row.title = hints.title;
  row.description = hints.description;
  return row;
}

// How much a recording holds, to keep the fullest of several copies of one run: a track
// first (splits, charts, an onset to place), then heart rate, then the pauses (a timer).
int Richness(const StoredActivity& recording) {
  return (recording.track.empty() && recording.points == 0 ? 0 : 4) +
         (recording.avg_hr_bpm ? 2 : 0) + (recording.timer_s ? 1 : 0);
}

// Imports one run; returns the new run's id.
Result<std::int64_t> StoreRun(Store& store, const Activity& activity, const RunSummary& run,
                              const std::string& file, std::optional<TrackPoint> onset,
                              const ImportHints& hints) {
  LogEntry entry;
  entry.date = run.date;
  entry.kind = LogKind::kRun;
  entry.distance_m = run.distance_m;
  if (run.duration_s > 0) entry.duration_s = run.duration_s;
  if (onset) {
    entry.onset_m = onset->distance_m;
    entry.onset_s = onset->elapsed_s;
  }
  entry.source = "import:" + activity.format;
  // The runner's own name for the run when the service kept one, else the file's name.
  entry.note = !hints.title.empty() ? hints.title : fs::path(file).filename().string();
  return store.AddImportedRun(entry, RecordingOf(activity, run, file, hints), hints.mark);
}

// The report keeps the summary only: samples and developer fields can be megabytes, and
// a report lists every file. (Assigning `{}` would keep their capacity: swap instead.)
Activity SummaryOnly(Activity activity) {
  std::vector<Sample>().swap(activity.samples);
  std::vector<DeveloperSeries>().swap(activity.developer_fields);
  return activity;
}

}  // namespace

ImportSession::ImportSession(Store& store, const ImportOptions& options)
    : store_(store), options_(options) {}

ImportedFile ImportSession::ImportBytes(const SourcedFile& file, const ImportHints& hints) {
  if (file.read_error) {
    ImportedFile result;
    result.file = file.name;
    result.status = ImportStatus::kFailed;
    result.reason = ImportReason::kUnreadable;
    result.detail = file.read_error->message;
    return result;
  }
  return Import(file.name, DecodeActivityFile(file.name, file.bytes), hints);
}

const ImportedFile& ImportSession::Add(ImportedFile file, std::uint64_t bytes_done) {
  switch (file.status) {
    case ImportStatus::kImported:
      ++summary_.imported;
      break;
    case ImportStatus::kDuplicate:
      ++summary_.duplicates;
      break;
    case ImportStatus::kSkipped:
      ++summary_.skipped;
      break;
    case ImportStatus::kFailed:
      ++summary_.failed;
      break;
    case ImportStatus::kNotActivity:
      ++summary_.not_activity;
      break;
  }
  summary_.files.push_back(std::move(file));
  if (options_.on_file) options_.on_file(summary_.files.back(), summary_.files.size(), bytes_done);
  return summary_.files.back();
}

// What becomes of one file, decoded (or not) as `decoded` says.
ImportedFile ImportSession::Import(const std::string& name, Result<DecodedFile> decoded,
                                   const ImportHints& hints) {
  Store& store = store_;
  const ImportOptions& options = options_;
  ImportedFile result;
  result.title = hints.title;
  result.file = name;
  const auto fail = [&](ImportReason reason, std::string detail) {
    result.status = ImportStatus::kFailed;
    result.reason = reason;
    result.detail = std::move(detail);
    return std::move(result);
  };
  const auto skip = [&](ImportReason reason) {
    result.status = ImportStatus::kSkipped;
    result.reason = reason;
    return std::move(result);
  };
  if (!decoded) {
    // A file that neither says nor looks like an activity file is something else kept
    // beside them (a photo, a note, an app's .json): left alone, not a failure.
    if (decoded.error().code == ErrorCode::kUnsupported &&
        FormatFromName(name) == FileFormat::kUnknown) {
      result.status = ImportStatus::kNotActivity;
      result.reason = ImportReason::kNotActivityFile;
      return result;
    }
    return fail(ImportReason::kBroken, decoded.error().message);
  }
  result.points = decoded->points;
  result.warnings = std::move(decoded->warnings);
  if (decoded->activities.empty()) {
    result.detail = decoded->not_an_activity;
    return skip(ImportReason::kNoActivity);
  }
  // The first run in the file; files with several activities (multisport) keep their run.
  // A file that names no sport is a run when the service it came from says so (a file
  // with a run in it, a multisport one, keeps its own word).
  const auto is_run = [](const Activity& a) { return a.sport == Sport::kRunning; };
  if (hints.service_says_run &&
      std::none_of(decoded->activities.begin(), decoded->activities.end(), is_run)) {
    for (Activity& a : decoded->activities) {
      if (a.sport == Sport::kUnknown || a.sport_inferred) {
        a.sport = Sport::kRunning;
        a.sport_inferred = false;
      }
    }
  }
  const auto run = std::find_if(decoded->activities.begin(), decoded->activities.end(),
                                [](const Activity& a) { return a.sport == Sport::kRunning; });
  Activity& activity = run != decoded->activities.end() ? *run : decoded->activities.front();
  const auto skip_with_activity = [&](ImportReason reason) {
    result.activity = SummaryOnly(std::move(activity));
    return skip(reason);
  };
  if (run == decoded->activities.end()) return skip_with_activity(ImportReason::kNotARun);
  // A pace no one runs: without a sport in the file it is not a run (a ride); a file that
  // says it is a run is believed, and the run is flagged.
  if (activity.pace_beyond_record) {
    if (activity.sport_inferred) return skip_with_activity(ImportReason::kPaceNotARun);
    result.pace_implausible = true;
  }
  if (!activity.start_utc_s) return skip_with_activity(ImportReason::kNoStartTime);
  if (activity.times_from_power_on) return skip_with_activity(ImportReason::kClockNotSet);
  const RunSummary summary = SummaryOf(activity, options);
  result.run = summary;
  if (summary.duration_s < kShortestRunS ||
      (summary.distance_m && *summary.distance_m < kShortestRunM)) {
    return skip_with_activity(ImportReason::kTooShort);
  }
  const std::optional<TrackPoint> onset =
      options.onset_lap ? OnsetFromManualLap(activity) : std::nullopt;
  if (onset) result.onset_m = onset->distance_m;

  // Duplicates: against the store, and against this import's own files (in a dry run).
  auto near = store.ActivitiesStartingBetween(*activity.start_utc_s - kDuplicateStartToleranceS,
                                              *activity.start_utc_s + kDuplicateStartToleranceS);
  if (!near) {
    // Storing it anyway could store the same run twice: the file fails, and says why.
    return fail(ImportReason::kCouldNotCheck, near.error().message);
  }
  for (const StoredActivity& stored : *near) {
    if (!SameRun(stored, activity)) continue;
    // A deleted run stays out; of several matches, the one in force is named.
    if (!result.match || result.reason == ImportReason::kDuplicateDeleted) {
      result.match = MatchOf(stored, stored.file, options);
      result.reason = stored.deleted ? ImportReason::kDuplicateDeleted : ImportReason::kDuplicate;
    }
  }
  if (!result.match) {
    for (const BatchRun& seen : batch_) {
      if (!SameRun(seen.activity, activity)) continue;
      result.match = MatchOf(seen.activity, seen.file, options);
      result.reason = ImportReason::kDuplicateInImport;
      break;
    }
  }
  if (result.match) {
    result.status = ImportStatus::kDuplicate;
    if (result.reason == ImportReason::kDuplicate && !options.dry_run) {
      // The same run from another source (Strava and Garmin both have the watch's file;
      // Apple Health has its own): one run, the fullest recording, the others as aliases.
      if (auto kept = KeepOneCopy(activity, summary, name, hints, *result.match); !kept) {
        return fail(ImportReason::kCouldNotStore, kept.error().message);
      } else if (*kept) {
        result.reason = ImportReason::kDuplicateRicher;
      }
    } else if (hints.mark && !options.dry_run) {
      (void)store.MarkImported(*hints.mark);  // done: a restart need not read it again
    }
  } else if (options.dry_run) {
    result.status = ImportStatus::kImported;
    result.reason = ImportReason::kDryRun;
  } else {
    auto id = StoreRun(store, activity, summary, name, onset, hints);
    if (!id) return fail(ImportReason::kCouldNotStore, id.error().message);
    result.status = ImportStatus::kImported;
    result.run_id = *id;
  }
  if (result.status == ImportStatus::kImported) {
    BatchRun seen;
    seen.activity.log_id = result.run_id.value_or(0);
    seen.activity.start_utc = *activity.start_utc_s;
    seen.activity.utc_offset_s = activity.utc_offset_s;
    seen.activity.elapsed_s = activity.elapsed_s;
    seen.activity.timer_s = activity.timer_s;
    seen.activity.moving_s = activity.moving_s;
    seen.activity.distance_m = summary.distance_m;
    seen.file = name;
    batch_.push_back(std::move(seen));
  }
  result.activity = SummaryOnly(std::move(activity));
  return result;
}

Result<bool> ImportSession::KeepOneCopy(const Activity& activity, const RunSummary& run,
                                        const std::string& name, const ImportHints& hints,
                                        const MatchedRun& match) {
  auto stored = store_.ActivityForRun(*match.run_id);
  if (!stored) return Fail(stored.error());
  if (!*stored) return false;
  const StoredActivity& old = **stored;
  StoredActivity incoming = RecordingOf(activity, run, name, hints);
  if (Richness(incoming) > Richness(old)) {
    // The run's distance and time follow the fuller recording, unless the runner has
    // corrected them since.
    std::optional<RunFigures> figures;
    auto entry = store_.LogEntryById(*match.run_id);
    if (!entry) return Fail(entry.error());
    const double old_duration = RunDuration(old.timer_s, old.moving_s, old.elapsed_s);
    const auto same = [](std::optional<double> a, std::optional<double> b) {
      return a.has_value() == b.has_value() && (!a || std::abs(*a - *b) < 0.5);
    };
    if (same(entry->distance_m, old.distance_m) && same(entry->duration_s, old_duration)) {
      figures = RunFigures{run.distance_m, run.duration_s};
    }
    if (auto replaced = store_.ReplaceActivity(*match.run_id, incoming, figures, hints.mark);
        !replaced) {
      return Fail(replaced.error());
    }
    return true;
  }
  // A copy of what is stored: recorded once per source and file, so importing the same
  // export again adds nothing.
  const auto known = [&](const std::string& source, const std::string& file) {
    if (old.source == source && old.file == file) return true;
    return std::any_of(old.aliases.begin(), old.aliases.end(), [&](const ActivityAlias& alias) {
      return alias.source == source && alias.file == file;
    });
  };
  if (hints.source == old.source && hints.source == "file") {
    // Two loose files of one run (a folder copied twice): nothing to record.
    if (hints.mark) (void)store_.MarkImported(*hints.mark);
    return false;
  }
  // The service's name for the run, when the run had none (Apple Health names none).
  if (old.title.empty() && old.description.empty() &&
      (!hints.title.empty() || !hints.description.empty())) {
    if (auto named = store_.SetActivityTitle(old.log_id, hints.title, hints.description); !named) {
      return Fail(named.error());
    }
  }
  if (known(incoming.source, incoming.file)) {
    if (hints.mark) (void)store_.MarkImported(*hints.mark);
    return false;
  }
  ActivityAlias alias;
  alias.source = incoming.source;
  alias.file = incoming.file;
  alias.format = incoming.format;
  alias.start_utc = incoming.start_utc;
  alias.distance_m = incoming.distance_m;
  alias.duration_s = run.duration_s;
  if (auto added = store_.AddActivityAlias(old.id, alias, hints.mark); !added) {
    return Fail(added.error());
  }
  return false;
}

ImportedFile ImportDecoded(Store& store, const std::string& name, DecodedFile decoded,
                           const ImportOptions& options) {
  ImportSession session(store, options);
  return session.Import(name, std::move(decoded));
}

std::string_view ImportStatusId(ImportStatus status) {
  switch (status) {
    case ImportStatus::kImported:
      return "imported";
    case ImportStatus::kDuplicate:
      return "duplicate";
    case ImportStatus::kSkipped:
      return "skipped";
    case ImportStatus::kFailed:
      return "failed";
    case ImportStatus::kNotActivity:
      return "not_activity";
  }
  return "failed";
}

namespace {

struct ReasonName {
  ImportReason reason;
  std::string_view id;
};

// One table for the reasons' ids; the content has "import." + id for each but kNone.
constexpr ReasonName kReasonNames[] = {
    {ImportReason::kNone, "none"},
    {ImportReason::kUnreadable, "unreadable"},
    {ImportReason::kBroken, "broken"},
    {ImportReason::kNotActivityFile, "not_activity_file"},
    {ImportReason::kNoActivity, "no_activity"},
    {ImportReason::kNotARun, "not_a_run"},
    {ImportReason::kPaceNotARun, "pace_not_a_run"},
    {ImportReason::kNoStartTime, "no_start_time"},
    {ImportReason::kClockNotSet, "clock_not_set"},
    {ImportReason::kTooShort, "too_short"},
    {ImportReason::kDuplicate, "duplicate"},
    {ImportReason::kDuplicateRicher, "duplicate_richer"},
    {ImportReason::kDuplicateDeleted, "duplicate_deleted"},
    {ImportReason::kDuplicateInImport, "duplicate_in_import"},
    {ImportReason::kDryRun, "dry_run"},
    {ImportReason::kCouldNotCheck, "could_not_check"},
    {ImportReason::kCouldNotStore, "could_not_store"},
    {ImportReason::kExportStopped, "export_stopped"},
};
static_assert(std::size(kReasonNames) == static_cast<std::size_t>(ImportReason::kExportStopped) + 1,
              "every import reason has an id");

constexpr auto kAllReasons = [] {
  std::array<ImportReason, std::size(kReasonNames)> all{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = kReasonNames[i].reason;
  return all;
}();

// "5.02 km in 30:12", or "57:00" for a run without a distance.
std::string RunText(std::optional<double> distance_m, double duration_s, DistanceUnit units) {
  if (!distance_m) return FormatDuration(duration_s);
  return Say("import.run", {{"distance", FormatDistance(*distance_m, units)},
                            {"time", FormatDuration(duration_s)}});
}

std::optional<double> PaceOf(const Activity& activity) {
  const double duration = RunDuration(activity.timer_s, activity.moving_s, activity.elapsed_s);
  if (!activity.distance_m || *activity.distance_m <= 0 || duration <= 0) return std::nullopt;
  return duration / (*activity.distance_m / 1000.0);
}

}  // namespace

std::string_view ImportReasonId(ImportReason reason) {
  for (const ReasonName& name : kReasonNames) {
    if (name.reason == reason) return name.id;
  }
  return "none";
}

std::span<const ImportReason> AllImportReasons() { return kAllReasons; }

std::string ImportReasonText(const ImportedFile& file, DistanceUnit units) {
  if (file.reason == ImportReason::kNone) return {};
  MessageValues values;
  values.emplace_back("detail", file.detail);
  if (file.activity) {
    values.emplace_back("sport", Say("sport." + std::string(SportId(file.activity->sport))));
    if (auto pace = PaceOf(*file.activity)) values.emplace_back("pace", FormatPace(*pace, units));
  }
  if (file.run) {
    values.emplace_back("run", RunText(file.run->distance_m, file.run->duration_s, units));
  }
  if (file.match) {
    values.emplace_back("date", FormatDate(file.match->date));
    values.emplace_back("match", RunText(file.match->distance_m, file.match->duration_s, units));
    values.emplace_back("file", file.match->file);
  }
  values.emplace_back("min_seconds", fmt::format("{:.0f}", kShortestRunS));
  values.emplace_back("min_distance", FormatDistance(kShortestRunM, units));
  return Say("import." + std::string(ImportReasonId(file.reason)), values);
}

std::string ImportWarningText(const std::string& warning) {
  return Say("import.warning", {{"warning", warning}});
}

std::vector<std::string> ImportWarningTexts(const std::vector<std::string>& warnings) {
  std::vector<std::string> texts;
  std::vector<bool> said(warnings.size(), false);
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    if (said[i]) continue;
    int count = 0;
    for (std::size_t j = i; j < warnings.size(); ++j) {
      if (warnings[j] != warnings[i]) continue;
      said[j] = true;
      ++count;
    }
    texts.push_back(count == 1 ? ImportWarningText(warnings[i])
                               : Say("import.warning_repeated",
                                     {{"warning", warnings[i]}, {"count", std::to_string(count)}}));
  }
  return texts;
}

std::vector<std::string> ImportNoticeTexts(const ImportedFile& file, DistanceUnit units) {
  std::vector<std::string> notices;
  if (file.status != ImportStatus::kImported || !file.run) return notices;
  if (file.pace_implausible && file.activity) {
    const auto pace = PaceOf(*file.activity);
    notices.push_back(
        Say("import.pace_implausible", {{"pace", pace ? FormatPace(*pace, units) : "?"}}));
  }
  if (!file.run->distance_m) {
    notices.push_back(Say("import.time_only", {{"time", FormatDuration(file.run->duration_s)}}));
  }
  return notices;
}

namespace {

class InMemorySource final : public FileSource {
 public:
  explicit InMemorySource(std::vector<SourcedFile> files) : files_(std::move(files)) {
    for (const SourcedFile& file : files_) total_bytes_ += file.bytes.size();
  }
  std::optional<SourcedFile> Next() override {
    if (next_ >= files_.size()) return std::nullopt;
    return std::move(files_[next_++]);
  }
  std::size_t total_files() const override { return files_.size(); }
  std::uint64_t total_bytes() const override { return total_bytes_; }

 private:
  std::vector<SourcedFile> files_;
  std::size_t next_ = 0;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace

SourcedFile ReadSourcedFile(const std::string& path) {
  SourcedFile file;
  file.name = path;
  // One read of the whole file; no per-byte stream iteration.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    file.read_error = Error::IOError("cannot read the file");
    return file;
  }
  file.bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(file.bytes.data()),
          static_cast<std::streamsize>(file.bytes.size()));
  if (!in) file.read_error = Error::IOError("cannot read the file");
  return file;
}

std::unique_ptr<FileSource> MemorySource(std::vector<SourcedFile> files) {
  return std::make_unique<InMemorySource>(std::move(files));
}

Result<std::unique_ptr<FileSource>> OpenPaths(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const std::string& path : paths) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return Fail(Error::InvalidArgument("'" + path + "' does not exist", path));
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, error);
           !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error)) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(path);
    }
  }
  return std::unique_ptr<FileSource>(new PathSource(std::move(files)));
}

Result<ImportSummary> ImportFiles(Store& store, FileSource& source, const ImportOptions& options) {
  ImportSession session(store, options);
  std::uint64_t bytes_done = 0;
  while (auto file = source.Next()) {
    bytes_done += file->bytes.size();
    session.Add(session.ImportBytes(*file), bytes_done);
  }
  return std::move(session.summary());
}

}  // namespace backstride
