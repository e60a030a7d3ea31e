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
#include <string>
#include <vector>

#include "activity/activity.h"
#include "base/result.h"

namespace backstride {

class Store;

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

// Files already in memory: an upload from the web app, or the entries of an archive.
std::unique_ptr<FileSource> MemorySource(std::vector<SourcedFile> files);

enum class ImportStatus { kImported, kDuplicate, kSkipped, kFailed };
std::string_view ImportStatusId(ImportStatus status);  // "imported", ...

struct ImportedFile {
  std::string file;
  ImportStatus status = ImportStatus::kFailed;
  std::string reason;
  std::optional<Activity> activity;  // for every file that decoded (samples dropped)
  std::size_t points = 0;
  std::optional<std::int64_t> run_id;  // the run in the log, when imported
  std::optional<double> onset_m;       // from a manual lap, when asked for
};

struct ImportOptions {
  bool dry_run = false;    // decode and report, store nothing
  bool onset_lap = false;  // a manual lap press marks where the pain started
  // For the run's date when the file gives no offset; App fills in the clock's.
  std::optional<int> default_utc_offset_s;
  // Called after each file, with the bytes read so far.
  std::function<void(const ImportedFile&, std::size_t files_done, std::uint64_t bytes_done)>
      on_file;
};

struct ImportSummary {
  std::vector<ImportedFile> files;
  int imported = 0, duplicates = 0, skipped = 0, failed = 0;
};

// Imports every file of `source`. One bad file never stops the rest; each run is stored
// in its own transaction with its activity, so nothing is ever half stored.
Result<ImportSummary> ImportFiles(Store& store, FileSource& source, const ImportOptions& options);

// Two recordings are the same run when they start within this many seconds...
inline constexpr double kDuplicateStartToleranceS = 120;
// ...and their durations and distances agree within these fractions.
inline constexpr double kDuplicateDurationTolerance = 0.10;
inline constexpr double kDuplicateDistanceTolerance = 0.05;

}  // namespace backstride

#endif  // BACKSTRIDE_APP_IMPORT_H_
