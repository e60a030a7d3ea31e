#include "app/import.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "activity/decode.h"
#include "activity/metrics.h"
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
    const fs::path& path = files_[next_++];
    SourcedFile file;
    file.name = path.string();
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

  std::size_t total_files() const override { return files_.size(); }
  std::uint64_t total_bytes() const override { return total_bytes_; }

 private:
  std::vector<fs::path> files_;
  std::size_t next_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string SportPhrase(Sport sport) {
  switch (sport) {
    case Sport::kCycling:
      return "a ride";
    case Sport::kWalking:
      return "a walk";
    case Sport::kHiking:
      return "a hike";
    case Sport::kSwimming:
      return "a swim";
    case Sport::kUnknown:
      return "an activity of unknown sport";
    default:
      return "not a run (" + std::string(SportId(sport)) + ")";
  }
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

std::vector<float> Track(const Activity& activity) {
  std::vector<float> track;
  const std::vector<double> distance = CumulativeDistance(activity);
  if (distance.empty() || !activity.start_utc_s) return track;
  track.reserve(distance.size() * 2);
  for (std::size_t i = 0; i < distance.size(); ++i) {
    track.push_back(static_cast<float>(activity.samples[i].time_s - *activity.start_utc_s));
    track.push_back(static_cast<float>(distance[i]));
  }
  return track;
}

Date LocalDate(const Activity& activity, int default_offset_s) {
  const double local = *activity.start_utc_s + activity.utc_offset_s.value_or(default_offset_s);
  return Date(std::chrono::days(static_cast<int>(std::floor(local / 86400.0))));
}

// Imports one run; returns the new run's id.
Result<std::int64_t> StoreRun(Store& store, const Activity& activity, const std::string& file,
                              const ImportOptions& options, std::optional<TrackPoint> onset) {
  LogEntry entry;
  entry.date = LocalDate(activity, options.default_utc_offset_s.value_or(0));
  entry.kind = LogKind::kRun;
  entry.distance_m = activity.distance_m;
  // The run rule's pace uses time running: the device's timer, else moving time.
  const double duration =
      activity.timer_s.value_or(activity.moving_s > 0 ? activity.moving_s : activity.elapsed_s);
  if (duration > 0) entry.duration_s = duration;
  if (onset) {
    entry.onset_m = onset->distance_m;
    entry.onset_s = onset->elapsed_s;
  }
  entry.source = "import:" + activity.format;
  entry.note = fs::path(file).filename().string();
  StoredActivity row;
  row.file = file;
  row.format = activity.format;
  row.sport = std::string(SportId(activity.sport));
  row.start_utc = *activity.start_utc_s;
  row.utc_offset_s = activity.utc_offset_s;
  row.indoor = activity.indoor;
  row.distance_m = activity.distance_m;
  row.elapsed_s = activity.elapsed_s;
  row.timer_s = activity.timer_s;
  row.moving_s = activity.moving_s;
  row.points = static_cast<std::int64_t>(activity.points);
  row.avg_hr_bpm = activity.avg_hr_bpm;
  row.avg_cadence_spm = activity.avg_cadence_spm;
  row.elevation_gain_m = activity.elevation_gain_m;
  row.laps_json = LapsJson(activity);
  row.track = Track(activity);
  return store.AddImportedRun(entry, row);
}

// The report keeps the summary only: samples and developer fields can be megabytes, and
// a report lists every file. (Assigning `{}` would keep their capacity: swap instead.)
Activity SummaryOnly(Activity activity) {
  std::vector<Sample>().swap(activity.samples);
  std::vector<DeveloperSeries>().swap(activity.developer_fields);
  return activity;
}

ImportedFile ImportOne(Store& store, SourcedFile& source, const ImportOptions& options,
                       std::vector<StoredActivity>& this_batch) {
  ImportedFile result;
  result.file = source.name;
  if (source.read_error) {
    result.reason = source.read_error->message;
    return result;
  }
  auto decoded = DecodeActivityFile(source.name, source.bytes);
  if (!decoded) {
    result.reason = decoded.error().message;
    return result;
  }
  result.points = decoded->points;
  std::string warnings;
  for (const std::string& warning : decoded->warnings) warnings += "; " + warning;
  if (decoded->activities.empty()) {
    result.status = ImportStatus::kSkipped;
    result.reason = decoded->not_an_activity + warnings;
    return result;
  }
  // The first run in the file; files with several activities (multisport) keep their run.
  const auto run = std::find_if(decoded->activities.begin(), decoded->activities.end(),
                                [](const Activity& a) { return a.sport == Sport::kRunning; });
  Activity& activity = run != decoded->activities.end() ? *run : decoded->activities.front();
  if (run == decoded->activities.end()) {
    result.status = ImportStatus::kSkipped;
    result.reason = SportPhrase(activity.sport) + warnings;
    result.activity = SummaryOnly(std::move(activity));
    return result;
  }
  if (!activity.start_utc_s || !activity.distance_m || *activity.distance_m <= 0) {
    result.status = ImportStatus::kSkipped;
    result.reason = "a run with no distance recorded" + warnings;
    result.activity = SummaryOnly(std::move(activity));
    return result;
  }
  const std::optional<TrackPoint> onset =
      options.onset_lap ? OnsetFromManualLap(activity) : std::nullopt;
  if (onset) result.onset_m = onset->distance_m;

  // Duplicates: against the store, and against this import's own files (in a dry run).
  auto near = store.ActivitiesStartingBetween(*activity.start_utc_s - kDuplicateStartToleranceS,
                                              *activity.start_utc_s + kDuplicateStartToleranceS);
  if (!near) {
    // Storing it anyway could store the same run twice: the file fails, and says why.
    result.reason = "could not check whether this run is stored already: " + near.error().message;
    return result;
  }
  bool duplicate = false;
  bool deleted = false;  // the runner deleted this run: it stays out
  for (const StoredActivity& stored : *near) {
    if (!SameRun(stored, activity)) continue;
    duplicate = true;
    deleted = deleted || stored.deleted;
  }
  for (const StoredActivity& seen : this_batch) duplicate = duplicate || SameRun(seen, activity);
  if (duplicate) {
    result.status = ImportStatus::kDuplicate;
    result.reason = deleted ? "you deleted this run from the log, so it is not imported again"
                            : "the same run is already stored (same start, duration and distance)";
  } else if (options.dry_run) {
    result.status = ImportStatus::kImported;
    result.reason = "dry run: not stored" + warnings;
  } else {
    auto id = StoreRun(store, activity, source.name, options, onset);
    if (!id) {
      result.reason = "could not store it: " + id.error().message;
      return result;
    }
    result.status = ImportStatus::kImported;
    result.run_id = *id;
    result.reason = warnings.empty() ? "" : warnings.substr(2);
  }
  if (result.status == ImportStatus::kImported) {
    StoredActivity seen;
    seen.start_utc = *activity.start_utc_s;
    seen.elapsed_s = activity.elapsed_s;
    seen.distance_m = activity.distance_m;
    this_batch.push_back(seen);
  }
  result.activity = SummaryOnly(std::move(activity));
  return result;
}

}  // namespace

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
  }
  return "failed";
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
  ImportSummary summary;
  std::vector<StoredActivity> this_batch;  // runs of this import, for duplicates
  std::size_t files_done = 0;
  std::uint64_t bytes_done = 0;
  while (auto file = source.Next()) {
    bytes_done += file->bytes.size();
    ImportedFile imported = ImportOne(store, *file, options, this_batch);
    ++files_done;
    switch (imported.status) {
      case ImportStatus::kImported:
        ++summary.imported;
        break;
      case ImportStatus::kDuplicate:
        ++summary.duplicates;
        break;
      case ImportStatus::kSkipped:
        ++summary.skipped;
        break;
      case ImportStatus::kFailed:
        ++summary.failed;
        break;
    }
    if (options.on_file) options.on_file(imported, files_done, bytes_done);
    summary.files.push_back(std::move(imported));
  }
  return summary;
}

}  // namespace backstride
