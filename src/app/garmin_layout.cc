// Garmin Connect's data export: DI_CONNECT/DI-Connect-Fitness/*_summarizedActivities.json
// lists every activity; the watch's FIT files are in zips inside the export
// (UploadedFiles_*.zip), named by upload, mixed with monitoring and settings files. A
// FIT file and its summary are joined by start time.
#include <algorithm>
#include <cmath>

#include "app/export_layouts.h"

namespace backstride {
namespace {

// A summary and a FIT file starting this close are one activity (Garmin's own tools
// match within five minutes).
constexpr double kJoinToleranceS = 300;

bool IsSummaryFile(std::string_view path) {
  return path.find("summarizedActivities") != std::string_view::npos && path.ends_with(".json");
}

bool IsUploadedFile(std::string_view path) {
  return path.find("UploadedFiles") != std::string_view::npos ||
         path.find("DI-Connect-Uploaded-Files") != std::string_view::npos;
}

// The start the importer will keep: its run's (a multisport file's run leg), else the
// first activity's.
std::optional<double> RunStart(const DecodedFile& decoded) {
  for (const Activity& activity : decoded.activities) {
    if (activity.sport == Sport::kRunning && activity.start_utc_s) return activity.start_utc_s;
  }
  for (const Activity& activity : decoded.activities) {
    if (activity.start_utc_s) return activity.start_utc_s;
  }
  return std::nullopt;
}

class Garmin final : public ExportLayout {
 public:
  bool Take(ExportEntry& entry, ExportWalk& walk) override {
    if (!IsSummaryFile(entry.path)) return false;
    auto bytes = ReadAll(entry.data, entry.shown, std::uint64_t{512} << 20);
    if (!bytes) {
      walk.Add(UnreadableFile(entry.shown, bytes.error().message), "");
      return true;
    }
    auto read = ReadGarminSummarizedActivities(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
    if (!read) {
      walk.Add(UnreadableFile(entry.shown, read.error().message), "");
      return true;
    }
    shown_ = entry.shown;
    for (GarminActivitySummary& summary : read->activities) {
      summaries_.push_back(std::move(summary));
    }
    used_.resize(summaries_.size(), false);
    // Files imported before the summaries came get their names now.
    for (const auto& [start, run_id] : before_summaries_) {
      if (auto found = Find(start)) {
        used_[*found] = true;
        const GarminActivitySummary& summary = summaries_[*found];
        if (!summary.name.empty()) {
          (void)walk.session().store().SetActivityTitle(run_id, summary.name, "");
        }
      }
    }
    before_summaries_.clear();
    return true;
  }

  void Hint(const std::string& path, const DecodedFile& decoded, ImportHints& hints) override {
    if (!IsUploadedFile(path)) return;
    hints.source = "garmin";
    const auto start = RunStart(decoded);
    if (!start) return;
    if (auto found = Find(*start)) {
      used_[*found] = true;
      hints.title = summaries_[*found].name;
      hints.service_says_run = IsGarminRun(summaries_[*found].activity_type);
    }
  }

  void Imported(const std::string& path, const ImportedFile& file, ExportWalk&) override {
    if (!IsUploadedFile(path) || !file.run_id || !file.activity) return;
    if (file.activity->start_utc_s && file.title.empty()) {
      before_summaries_.emplace_back(*file.activity->start_utc_s, *file.run_id);
    }
  }

  void Finish(bool complete, ExportWalk& walk) override {
    // A run with a summary and no FIT file: typed in, or its file not in the export.
    if (!complete) return;
    for (std::size_t i = 0; i < summaries_.size(); ++i) {
      const GarminActivitySummary& summary = summaries_[i];
      if (used_[i] || !IsGarminRun(summary.activity_type)) continue;
      ImportHints hints;
      hints.source = "garmin";
      hints.title = summary.name;
      walk.ImportRun("summary#" + std::to_string(summary.activity_id),
                     shown_ + ", activity " + std::to_string(summary.activity_id),
                     ActivityFromGarminSummary(summary), std::move(hints));
    }
  }

 private:
  // The unused summary starting nearest `start`, within the tolerance.
  std::optional<std::size_t> Find(double start) const {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < summaries_.size(); ++i) {
      const double apart = std::abs(summaries_[i].start_utc_s - start);
      if (used_[i] || apart > kJoinToleranceS) continue;
      if (!best || apart < std::abs(summaries_[*best].start_utc_s - start)) best = i;
    }
    return best;
  }

  std::vector<GarminActivitySummary> summaries_;
  std::vector<bool> used_;
  std::string shown_;
  std::vector<std::pair<double, std::int64_t>> before_summaries_;
};

}  // namespace

std::unique_ptr<ExportLayout> GarminLayout() { return std::make_unique<Garmin>(); }

Activity ActivityFromGarminSummary(const GarminActivitySummary& summary) {
  Activity activity;
  activity.format = "garmin-summary";
  activity.sport = Sport::kRunning;
  activity.start_utc_s = summary.start_utc_s;
  activity.utc_offset_s = summary.utc_offset_s;
  activity.elapsed_s = summary.elapsed_s.value_or(summary.duration_s.value_or(0));
  activity.timer_s = summary.duration_s;
  activity.moving_s = summary.moving_s.value_or(summary.duration_s.value_or(activity.elapsed_s));
  if (summary.distance_m && *summary.distance_m > 0) {
    activity.distance_m = summary.distance_m;
    activity.distance_from_device = true;
  }
  activity.indoor = summary.indoor;
  activity.avg_hr_bpm = summary.avg_hr_bpm;
  activity.avg_cadence_spm = summary.avg_cadence_spm;
  activity.elevation_gain_m = summary.elevation_gain_m;
  return activity;
}

}  // namespace backstride
