// Strava's bulk export (export_<athlete>.zip): activities.csv names every activity and
// points at its original upload under activities/ (.fit.gz, .gpx, .gpx.gz, .tcx.gz), or
// at none for a run typed in by hand. The CSV may come before or after the files.
#include <unordered_map>

#include "app/export_layouts.h"

namespace backstride {
namespace {

std::string BaseName(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The folder of the export's own files: "" at the top, or the folder the export was
// unpacked into ("export_1234/").
std::string FolderOf(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::string ProblemsText(const std::vector<std::string>& problems) {
  std::string text;
  for (std::size_t i = 0; i < problems.size() && i < 3; ++i) {
    text += (i == 0 ? "" : "; ") + problems[i];
  }
  if (problems.size() > 3) text += "; and " + std::to_string(problems.size() - 3) + " more";
  return text;
}

class Strava final : public ExportLayout {
 public:
  bool Take(ExportEntry& entry, ExportWalk& walk) override {
    if (BaseName(entry.path) == "activities.csv") {
      ReadCsv(entry, walk);
      return true;
    }
    // Planned routes: drawn on a map, never run, no times.
    if (csv_ && entry.path.starts_with(folder_ + "routes/")) {
      ++walk.session().summary().archive_other;
      return true;
    }
    return false;
  }

  void Hint(const std::string& path, const DecodedFile&, ImportHints& hints) override {
    const auto row = by_file_.find(RelativeToCsv(path));
    if (row == by_file_.end()) return;
    const StravaActivityRow& found = csv_->rows[row->second];
    used_[row->second] = true;
    hints.source = "strava";
    hints.title = found.name;
    hints.description = found.description;
    hints.service_says_run = IsStravaRun(found.type);
  }

  void Imported(const std::string& path, const ImportedFile& file, ExportWalk&) override {
    // Before the CSV, a file's name waits for it.
    if (!csv_ && file.run_id && path.find("activities/") != std::string::npos) {
      before_csv_.emplace(path, *file.run_id);
    }
  }

  void Finish(bool complete, ExportWalk& walk) override {
    if (!csv_) return;
    for (std::size_t i = 0; i < csv_->rows.size(); ++i) {
      const StravaActivityRow& row = csv_->rows[i];
      if (used_[i] || !IsStravaRun(row.type)) continue;
      // A file an earlier, interrupted import finished is stored with its run.
      if (!row.filename.empty() && walk.Done(folder_ + row.filename)) continue;
      // A row whose file was not reached (the export is cut) waits for a complete copy.
      if (!row.filename.empty() && !complete) continue;
      ImportHints hints;
      hints.source = "strava";
      hints.title = row.name;
      hints.description = row.description;
      walk.ImportRun(folder_ + "activities.csv#" + row.activity_id,
                     csv_shown_ + ", line " + std::to_string(row.line), ActivityFromStravaRow(row),
                     std::move(hints));
    }
  }

 private:
  void ReadCsv(ExportEntry& entry, ExportWalk& walk) {
    auto bytes = ReadAll(entry.data, entry.shown, std::uint64_t{256} << 20);
    if (!bytes) {
      walk.Add(UnreadableFile(entry.shown, bytes.error().message), "");
      return;
    }
    auto csv = ReadStravaActivities(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
    if (!csv) {
      walk.Add(UnreadableFile(entry.shown, csv.error().message), "");
      return;
    }
    csv_ = std::move(*csv);
    csv_shown_ = entry.shown;
    folder_ = FolderOf(entry.path);
    used_.assign(csv_->rows.size(), false);
    for (std::size_t i = 0; i < csv_->rows.size(); ++i) {
      if (!csv_->rows[i].filename.empty()) by_file_.emplace(csv_->rows[i].filename, i);
    }
    if (!csv_->problems.empty()) {
      ImportedFile problems = UnreadableFile(entry.shown, ProblemsText(csv_->problems));
      problems.reason = ImportReason::kBroken;
      walk.Add(std::move(problems), "");
    }
    // Files imported before the CSV came get their names now.
    for (const auto& [path, run_id] : before_csv_) {
      const auto row = by_file_.find(RelativeToCsv(path));
      if (row == by_file_.end()) continue;
      used_[row->second] = true;
      const StravaActivityRow& found = csv_->rows[row->second];
      if (!found.name.empty() || !found.description.empty()) {
        (void)walk.session().store().SetActivityTitle(run_id, found.name, found.description);
      }
    }
    before_csv_.clear();
  }

  // "export_1/activities/12.fit.gz" as the CSV names it: "activities/12.fit.gz".
  std::string RelativeToCsv(const std::string& path) const {
    if (!folder_.empty() && path.starts_with(folder_)) return path.substr(folder_.size());
    return path;
  }

  std::optional<StravaActivities> csv_;
  std::string csv_shown_;
  std::string folder_;
  std::unordered_map<std::string, std::size_t> by_file_;
  std::vector<bool> used_;
  std::unordered_map<std::string, std::int64_t> before_csv_;
};

}  // namespace

std::unique_ptr<ExportLayout> StravaLayout() { return std::make_unique<Strava>(); }

Activity ActivityFromStravaRow(const StravaActivityRow& row) {
  Activity activity;
  activity.format = "csv";
  activity.sport = Sport::kRunning;
  activity.start_utc_s = row.start_utc_s;
  activity.elapsed_s = row.elapsed_s.value_or(row.moving_s.value_or(0));
  activity.moving_s = row.moving_s.value_or(activity.elapsed_s);
  if (row.distance_m && *row.distance_m > 0) {
    activity.distance_m = row.distance_m;
    activity.distance_from_device = true;
  }
  activity.avg_hr_bpm = row.avg_hr_bpm;
  activity.elevation_gain_m = row.elevation_gain_m;
  return activity;
}

}  // namespace backstride
