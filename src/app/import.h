// The Import use case: files from watches and apps into the log, one run each, with
// duplicates recognised and a reason for every file that was not imported.
//
// The importer reads from a FileSource, a stream of named byte buffers, so that a folder
// walk today and an export archive later are the same to it.
#ifndef BACKSTRIDE_APP_IMPORT_H_
#define BACKSTRIDE_APP_IMPORT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "activity/activity.h"
#include "activity/archive.h"
#include "base/date.h"
#include "base/result.h"
#include "base/units.h"
#include "store/store.h"

namespace backstride {

struct SourcedFile {
  std::string name;  // as the runner knows it: a path, or a path inside an archive
  std::vector<std::uint8_t> bytes;
  std::optional<Error> read_error;  // set when the file could not be read
};

class FileSource {
 public:
  virtual ~FileSource() = default;
  // The next file, or nullopt when there are no more.
  virtual std::optional<SourcedFile> Next() = 0;
  // Totals for progress, known up front (0 when not).
  virtual std::size_t total_files() const = 0;
  virtual std::uint64_t total_bytes() const = 0;
};

// The files under `paths` (files, and folders walked recursively, in name order).
// Fails with kInvalidArgument naming a path that does not exist.
Result<std::unique_ptr<FileSource>> OpenPaths(const std::vector<std::string>& paths);

// The whole of the file at `path`, or the error reading it.
SourcedFile ReadSourcedFile(const std::string& path);

// Files already in memory: an upload from the web app, or the entries of an archive.
std::unique_ptr<FileSource> MemorySource(std::vector<SourcedFile> files);

// kNotActivity: a file that is not an activity file at all (a photo or a note beside the
// watch's files); it is left alone and is no failure.
enum class ImportStatus { kImported, kDuplicate, kSkipped, kFailed, kNotActivity };
std::string_view ImportStatusId(ImportStatus status);  // "imported", ...

// Why a file was not imported, or what to know about a run that was: a fact the fronts
// word from the content ("import." + its id), never a sentence built here.
enum class ImportReason {
  kNone,              // imported; nothing to add
  kUnreadable,        // the file could not be read: `detail`
  kBroken,            // the decoder could not read it: `detail`
  kNotActivityFile,   // not a FIT, GPX or TCX file
  kNoActivity,        // an activity file without a recorded activity: `detail` says what
  kNotARun,           // another sport: `sport`
  kPaceNotARun,       // no sport in the file, and a pace no runner keeps up
  kNoStartTime,       // no time of day recorded, so no date
  kClockNotSet,       // times count from the watch's power-on (its clock unset): no date
  kTooShort,          // shorter than kShortestRunS or kShortestRunM
  kDuplicate,         // the same run as stored run `match`
  kDuplicateRicher,   // the same run as stored run `match`, recorded in more detail here:
                      // the run keeps this recording, the other becomes its alias
  kDuplicateDeleted,  // the same run as one the runner deleted
  kDuplicateInImport, // the same run as `match.file` earlier in this import
  kDryRun,            // would be imported
  kCouldNotCheck,     // the store could not be asked about duplicates: `detail`
  kCouldNotStore,     // the store refused it: `detail`
  kExportStopped,     // an export could not be read on (damaged, cut, a zip bomb): `detail`
};
std::string_view ImportReasonId(ImportReason reason);  // "too_short", ...
// Every reason, for the content's completeness test.
std::span<const ImportReason> AllImportReasons();

// A stored run (or one earlier in this import) that a file turned out to repeat.
struct MatchedRun {
  std::optional<std::int64_t> run_id;  // none in a dry run
  std::string file;
  Date date;
  std::optional<double> distance_m;
  double duration_s = 0;
};

// A run as the log would keep it: its day and what the run rule reads.
struct RunSummary {
  Date date;
  std::optional<double> distance_m;  // none: a time-based run (a treadmill without a pod)
  double duration_s = 0;             // the device's timer, else moving time
};

struct ImportedFile {
  std::string file;
  ImportStatus status = ImportStatus::kFailed;
  ImportReason reason = ImportReason::kNone;
  std::string detail;                 // the decoder's or the store's own words
  std::vector<std::string> warnings;  // damage read past ("the file ends early: ...")
  std::optional<Activity> activity;   // for every file that decoded (samples dropped)
  std::optional<RunSummary> run;      // for a run: as stored, or as it would be
  std::optional<MatchedRun> match;    // for a duplicate
  bool pace_implausible = false;      // a run by the file's own sport, at a pace no one runs
  std::size_t points = 0;
  std::optional<std::int64_t> run_id;  // the run in the log, when imported
  std::optional<double> onset_m;       // from a manual lap, when asked for
  std::string title;                   // the service's name for the run, from an export
};

// Why the file was not imported (or what to know of a run that was), in the runner's
// units; empty for kNone.
std::string ImportReasonText(const ImportedFile& file, DistanceUnit units);
// A damage warning, in a sentence.
std::string ImportWarningText(const std::string& warning);
// A file's warnings, one sentence each, the same warning once with how often it came.
std::vector<std::string> ImportWarningTexts(const std::vector<std::string>& warnings);
// Flags on an imported run (a pace no one runs, no distance recorded), one sentence each.
std::vector<std::string> ImportNoticeTexts(const ImportedFile& file, DistanceUnit units);

// How far an import has come, for a progress line: the input's bytes read (of its size,
// when known) and the runs found so far.
struct ImportProgress {
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;  // 0: unknown
  std::size_t files_read = 0;     // files and entries of archives
  int runs_found = 0;             // imported, and found stored already
  double seconds = 0;             // since the import started
  std::optional<double> seconds_left;
  std::string current;            // what is being read
};

struct ImportOptions {
  bool dry_run = false;    // decode and report, store nothing
  bool onset_lap = false;  // a manual lap press marks where the pain started
  // For the run's date when the file gives no offset; App fills in the clock's.
  std::optional<int> default_utc_offset_s;
  // Called after each file, with the bytes read so far.
  std::function<void(const ImportedFile&, std::size_t files_done, std::uint64_t bytes_done)>
      on_file;
  // Called now and then (at most a few times a second) during an import of archives.
  std::function<void(const ImportProgress&)> on_progress;
};

struct ImportSummary {
  std::vector<ImportedFile> files;
  int imported = 0, duplicates = 0, skipped = 0, failed = 0, not_activity = 0;
  // Files of an archive an earlier, interrupted import of it had finished: not read again.
  int resumed = 0;
  // Entries of archives that are no activity file (an export's photos, its other data):
  // counted, not listed one by one.
  int archive_other = 0;
};

// What an export says about a run beside its file (activities.csv, a Garmin summary), or
// of a run it has no file for.
struct ImportHints {
  std::string source = "file";  // where the recording comes from: "strava", "garmin", "apple"
  std::string title;            // the service's name for the run, and the runner's
  std::string description;      // words on it there
  bool service_says_run = false;  // its type is a run, for a file that does not say
  std::optional<ImportMark> mark;  // the export's entry, recorded as done with the run
};

// One import: the runs it has found so far (for duplicates among its own files in a dry
// run) and its summary, which every file imported through it is added to.
class ImportSession {
 public:
  ImportSession(Store& store, const ImportOptions& options);

  // Imports one file, read or not; `hints` from the export it came in.
  ImportedFile ImportBytes(const SourcedFile& file, const ImportHints& hints = {});
  // Imports one file already decoded (or that failed to decode).
  ImportedFile Import(const std::string& name, Result<DecodedFile> decoded,
                      const ImportHints& hints = {});
  // Adds `file` to the summary (its counts, and on_file); returns it as added.
  const ImportedFile& Add(ImportedFile file, std::uint64_t bytes_done);

  ImportSummary& summary() { return summary_; }
  Store& store() { return store_; }
  const ImportOptions& options() const { return options_; }

 private:
  struct BatchRun {
    StoredActivity activity;
    std::string file;
  };
  // The same run as stored run `match`: keeps the fuller of the two recordings and records
  // the other as an alias. True when `activity` replaced the stored recording.
  Result<bool> KeepOneCopy(const Activity& activity, const RunSummary& run,
                           const std::string& name, const ImportHints& hints,
                           const MatchedRun& match);
  Store& store_;
  const ImportOptions& options_;
  ImportSummary summary_;
  std::vector<BatchRun> batch_;
};

// Imports every file of `source`. One bad file never stops the rest; each run is stored
// in its own transaction with its activity, so nothing is ever half stored.
Result<ImportSummary> ImportFiles(Store& store, FileSource& source, const ImportOptions& options);

// Imports one file already decoded (a test's activity) as ImportFiles imports each of its
// files: the same rules, duplicates checked against the store.
ImportedFile ImportDecoded(Store& store, const std::string& name, DecodedFile decoded,
                           const ImportOptions& options);

// Imports files, folders, archives and exports on disk: a zip or .gz is walked entry by
// entry (export_import.h), anything else imported as ImportFiles does. Fails with
// kInvalidArgument naming a path that does not exist.
Result<ImportSummary> ImportPaths(Store& store, const std::vector<std::string>& paths,
                                  const ImportOptions& options);
// Imports one stream (an upload) named `name`: an archive, an export.xml or an activity
// file; `size` for the progress, 0 when unknown.
Result<ImportSummary> ImportStream(Store& store, const std::string& name, ByteStream& input,
                                   std::uint64_t size, const ImportOptions& options);

// Two recordings are the same run when they start within this many seconds...
inline constexpr double kDuplicateStartToleranceS = 120;
// ...and their durations and distances agree within these fractions.
inline constexpr double kDuplicateDurationTolerance = 0.10;
inline constexpr double kDuplicateDistanceTolerance = 0.05;

// A recording shorter than either is not a run: an accidental start, or the watch tried
// out in the hall (files seen: 18 m in 13 s, 6 m in 14 s). Both are a fifth or less of
// the shortest run a plan asks for (0.5 km or 3 minutes, core/thresholds.h), so no run
// of the plan is lost, not even a short first run-walk bout. The time is the run's
// (timer, else moving time); the distance counts only when one was recorded, so a
// treadmill run without a pod is kept by its time.
inline constexpr double kShortestRunS = 30;
inline constexpr double kShortestRunM = 100;

}  // namespace backstride

#endif  // BACKSTRIDE_APP_IMPORT_H_
