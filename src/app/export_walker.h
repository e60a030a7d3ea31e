// The walk through an export: an archive's entries in order, zips inside zips, each
// activity file imported as it comes, and the services' own files (Strava's
// activities.csv, Garmin's activity summaries, Apple Health's export.xml) read by their
// layouts (ExportLayout), which name the runs, join what belongs together, and import at
// the end the runs that had no file of their own.
//
// An interrupted walk goes on where it stopped: each entry done is recorded with its run
// (Store::AddImportedRun's mark), and a walk of the same export skips those entries.
#ifndef BACKSTRIDE_APP_EXPORT_WALKER_H_
#define BACKSTRIDE_APP_EXPORT_WALKER_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "activity/archive.h"
#include "app/import.h"

namespace backstride {

// Throttled progress of one import, with the time left from the rate so far.
class ImportProgressClock {
 public:
  ImportProgressClock(const ImportOptions& options, std::uint64_t total_bytes);
  // `bytes_read` of the input(s) so far; calls on_progress at most every 200 ms.
  void Update(std::uint64_t bytes_read, const ImportSummary& summary);
  // Forces the next Update through (a file done, the end).
  void Flush(std::uint64_t bytes_read, const ImportSummary& summary);
  void SetCurrent(std::string current) { current_ = std::move(current); }
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  const ImportOptions& options_;
  std::uint64_t total_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::string current_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// A stream that tells the progress clock how much of it has been read.
class CountingStream final : public ByteStream {
 public:
  CountingStream(ByteStream& inner, ImportProgressClock& progress, const ImportSummary& summary,
                 std::uint64_t read_before);
  Result<std::size_t> Read(std::span<std::uint8_t> out) override;

 private:
  ByteStream& inner_;
  ImportProgressClock& progress_;
  const ImportSummary& summary_;
  std::uint64_t read_;
};

class ExportWalk;

// What a layout sees of the entry in hand.
struct ExportEntry {
  ByteStream& data;  // the entry's bytes, unpacked
  std::string path;  // inside the export: "activities/12.fit.gz", "UploadedFiles_0-_Part1.zip/3.fit"
  std::string shown;  // as the runner knows it: "export_1.zip/activities/12.fit.gz"
  std::optional<std::uint64_t> size = {};  // unpacked, when the archive or disk says
};

// The largest file read whole: activity files are a few MB, a long ultra's GPX 50.
inline constexpr std::uint64_t kMaxActivityFileBytes = std::uint64_t{512} << 20;

// The rest of `data`, up to `cap` bytes (an activity file, a CSV); fails naming `shown`
// beyond it, setting *too_large. `size_hint`: the size the archive gives, if any.
Result<std::vector<std::uint8_t>> ReadAll(ByteStream& data, const std::string& shown,
                                          std::uint64_t cap, bool* too_large = nullptr,
                                          std::optional<std::uint64_t> size_hint = {});

// One service's layout of an export.
class ExportLayout {
 public:
  virtual ~ExportLayout() = default;
  // Reads the entry when it is one of the layout's own files; false leaves it to the walk.
  virtual bool Take(ExportEntry& entry, ExportWalk& walk) = 0;
  // What the layout knows of an activity file about to be imported.
  virtual void Hint(const std::string& path, const DecodedFile& decoded, ImportHints& hints) = 0;
  // An activity file was imported (or found stored): to name it if its row comes later.
  virtual void Imported(const std::string& path, const ImportedFile& file, ExportWalk& walk) = 0;
  // The end of the walk; `complete` when every entry was read. Imports the runs that had
  // no file of their own.
  virtual void Finish(bool complete, ExportWalk& walk) = 0;
};

// The walk of one export (or one loose export.xml), adding what it finds to `session`.
class ExportWalk {
 public:
  ExportWalk(ImportSession& session, ImportProgressClock& progress, std::string name,
             std::uint64_t size);
  ~ExportWalk();

  // Walks `input` to its end, then lets the layouts finish.
  void Run(ByteStream& input);
  // An export unpacked into a folder: each of its files in name order, then Finish.
  // Files that are no activity file are listed (a folder's notes and photos are the
  // runner's own), where an archive's are only counted.
  void WalkFile(ExportEntry& entry);
  void Finish();

  // For the layouts.
  ImportSession& session() { return session_; }
  ImportProgressClock& progress() { return progress_; }
  // The mark of `path` for the store, none in a dry run.
  std::optional<ImportMark> MarkOf(const std::string& path) const;
  // True when an interrupted import of this export finished `path` already.
  bool Done(const std::string& path) const { return done_.count(path) > 0; }
  // Adds a result to the summary (and records a skipped entry as done).
  void Add(ImportedFile file, const std::string& path);
  // Imports an activity file's bytes with the layouts' hints.
  void ImportActivityFile(const std::string& path, const std::string& shown,
                          const std::vector<std::uint8_t>& bytes,
                          std::optional<ImportHints> hints = std::nullopt);
  // The same, decoded on another thread while the walk reads on; the results are
  // imported in the order the files came (Drain). `listed`: a file holding no activity
  // (a monitoring or settings file) is listed, not only counted.
  void ImportActivityFileLater(std::string path, std::string shown,
                               std::vector<std::uint8_t> bytes, bool listed);
  // Imports a run the export knows with no file of its own (a row, a summary, a
  // workout), recorded as done under `key`; skipped (and counted as resumed) when an
  // earlier, interrupted import did it. `hints.mark` is set here.
  void ImportRun(const std::string& key, const std::string& shown, Activity run,
                 ImportHints hints);
  // Where the walk stopped, when it did.
  void Stopped(const std::string& shown, const Error& error);

 private:
  // Walks an archive's entries; false when it had to stop.
  bool WalkArchive(ArchiveReader& reader, const std::string& prefix, const std::string& shown,
                   int depth);
  void Entry(ExportEntry& entry, int depth);
  // Imports the files decoded on other threads, oldest first, until `keep` remain.
  void Drain(std::size_t keep);
  void ImportDecoded(const std::string& path, const std::string& shown,
                     Result<DecodedFile> decoded, std::optional<ImportHints> given, bool listed);

  struct PendingFile {
    std::string path;
    std::string shown;
    std::future<Result<DecodedFile>> decoded;
    bool listed = true;
  };
  std::deque<PendingFile> pending_;
  class Decoders;
  std::unique_ptr<Decoders> decoders_;  // started with the first file to decode

  ImportSession& session_;
  ImportProgressClock& progress_;
  std::string name_;
  std::string key_;
  std::set<std::string> done_;
  bool complete_ = true;
  bool entry_failed_ = false;  // reading the entry in hand failed: stop its archive
  bool in_folder_ = false;     // walking a folder's files, not an archive's
  std::vector<std::unique_ptr<ExportLayout>> layouts_;
};

// The layouts known: Strava, Garmin Connect, Apple Health.
std::vector<std::unique_ptr<ExportLayout>> ExportLayouts();

// True for Apple Health's export.xml (read as a stream, never whole).
bool IsHealthExportXml(std::string_view name);

// A result for a file that could not be read.
ImportedFile UnreadableFile(const std::string& name, std::string detail);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_EXPORT_WALKER_H_
