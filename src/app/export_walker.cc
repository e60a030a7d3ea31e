#include "app/export_walker.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "activity/decode.h"

namespace backstride {
namespace {

// Zips inside zips inside zips: Garmin nests one level; more than a few is a trap (a
// "42.zip" unpacks to petabytes through nesting alone).
constexpr int kMaxNesting = 3;
constexpr auto kProgressEvery = std::chrono::milliseconds(200);
// Files decoded on other threads at once, while the walk inflates the next and stores
// the last: decoding is most of an import's time, and a laptop has cores to spare.
constexpr std::size_t kDecodingAhead = 8;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string BaseName(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The first bytes of a stream, read to look at, then the rest as if none were read.
class PrefixedStream final : public ByteStream {
 public:
  explicit PrefixedStream(ByteStream& inner) : inner_(inner) {}
  Result<std::span<const std::uint8_t>> Peek(std::size_t size) {
    head_.resize(size);
    std::size_t filled = 0;
    while (filled < size) {
      auto got = inner_.Read(std::span<std::uint8_t>(head_).subspan(filled));
      if (!got) return Fail(got.error());
      if (*got == 0) break;
      filled += *got;
    }
    head_.resize(filled);
    return std::span<const std::uint8_t>(head_);
  }
  Result<std::size_t> Read(std::span<std::uint8_t> out) override {
    if (at_ < head_.size()) {
      const std::size_t n = std::min(out.size(), head_.size() - at_);
      std::memcpy(out.data(), head_.data() + at_, n);
      at_ += n;
      return n;
    }
    return inner_.Read(out);
  }

 private:
  ByteStream& inner_;
  std::vector<std::uint8_t> head_;
  std::size_t at_ = 0;
};

}  // namespace

// A thread a core that decode files in turn (this thread mostly waits on inflating and
// the store, so one a core keeps every core busy). Long-lived, not a thread a file: each new
// thread would take a malloc arena of its own and keep its memory.
class ExportWalk::Decoders {
 public:
  explicit Decoders(unsigned count) {
    for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { Work(); });
  }
  ~Decoders() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  std::future<Result<DecodedFile>> Decode(std::string shown, std::vector<std::uint8_t> bytes) {
    std::packaged_task<Result<DecodedFile>()> task(
        [shown = std::move(shown), bytes = std::move(bytes)] {
          return DecodeActivityFile(shown, bytes);
        });
    auto result = task.get_future();
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
    return result;
  }

 private:
  void Work() {
    for (;;) {
      std::packaged_task<Result<DecodedFile>()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<Result<DecodedFile>()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

ImportProgressClock::ImportProgressClock(const ImportOptions& options, std::uint64_t total_bytes)
    : options_(options), total_(total_bytes) {}

void ImportProgressClock::Update(std::uint64_t bytes_read, const ImportSummary& summary) {
  bytes_read_ = bytes_read;
  if (!options_.on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kProgressEvery) return;
  Flush(bytes_read, summary);
}

void ImportProgressClock::Flush(std::uint64_t bytes_read, const ImportSummary& summary) {
  bytes_read_ = bytes_read;
  if (!options_.on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  last_ = now;
  ImportProgress progress;
  progress.bytes_read = bytes_read;
  progress.bytes_total = total_;
  progress.files_read = summary.files.size() + static_cast<std::size_t>(summary.archive_other) +
                        static_cast<std::size_t>(summary.resumed);
  progress.runs_found = summary.imported + summary.duplicates;
  progress.seconds = std::chrono::duration<double>(now - start_).count();
  if (total_ > 0 && bytes_read > 0 && progress.seconds > 1 && bytes_read <= total_) {
    progress.seconds_left = progress.seconds * static_cast<double>(total_ - bytes_read) /
                            static_cast<double>(bytes_read);
  }
  progress.current = current_;
  options_.on_progress(progress);
}

CountingStream::CountingStream(ByteStream& inner, ImportProgressClock& progress,
                               const ImportSummary& summary, std::uint64_t read_before)
    : inner_(inner), progress_(progress), summary_(summary), read_(read_before) {}

Result<std::size_t> CountingStream::Read(std::span<std::uint8_t> out) {
  auto got = inner_.Read(out);
  if (got) {
    read_ += *got;
    progress_.Update(read_, summary_);
  }
  return got;
}

Result<std::vector<std::uint8_t>> ReadAll(ByteStream& data, const std::string& shown,
                                          std::uint64_t cap, bool* too_large,
                                          std::optional<std::uint64_t> size_hint) {
  // Most of an import is moving bytes: with the size the archive gives, the file gets one
  // allocation of the right size, filled from a small buffer (no zero-fill of a buffer
  // about to be overwritten, no copies as it grows). A size that lies costs nothing: the
  // reserve is capped, and untouched pages are never faulted in.
  std::vector<std::uint8_t> bytes;
  if (size_hint) bytes.reserve(static_cast<std::size_t>(std::min(*size_hint, cap) + 1));
  std::array<std::uint8_t, 64 * 1024> chunk;
  for (;;) {
    auto got = data.Read(chunk);
    if (!got) return Fail(got.error());
    if (*got == 0) break;
    bytes.insert(bytes.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(*got));
    if (bytes.size() > cap) {
      if (too_large != nullptr) *too_large = true;
      return Fail(Error::FailedPrecondition("'" + shown + "' is larger than " +
                                            std::to_string(cap >> 20) +
                                            " MB, far more than an activity file; it was left out."));
    }
  }
  return bytes;
}

bool IsHealthExportXml(std::string_view name) {
  const std::string base = Lower(BaseName(name));
  return base == "export.xml" || base == "exportar.xml" || base == "exporter.xml";
}

ImportedFile UnreadableFile(const std::string& name, std::string detail) {
  ImportedFile file;
  file.file = name;
  file.status = ImportStatus::kFailed;
  file.reason = ImportReason::kUnreadable;
  file.detail = std::move(detail);
  return file;
}

ExportWalk::ExportWalk(ImportSession& session, ImportProgressClock& progress, std::string name,
                       std::uint64_t size)
    : session_(session), progress_(progress), name_(std::move(name)), layouts_(ExportLayouts()) {
  // The export's name and size tell a second try at the same export from another one.
  key_ = BaseName(name_) + ":" + std::to_string(size);
  if (auto done = session_.store().ImportedEntries(key_)) done_.insert(done->begin(), done->end());
}

ExportWalk::~ExportWalk() = default;

std::optional<ImportMark> ExportWalk::MarkOf(const std::string& path) const {
  if (session_.options().dry_run) return std::nullopt;
  return ImportMark{key_, path};
}

void ExportWalk::Add(ImportedFile file, const std::string& path) {
  // A file left out is done too: a restart need not read it again. (A failure is tried
  // again.)
  if ((file.status == ImportStatus::kSkipped || file.status == ImportStatus::kNotActivity) &&
      !path.empty()) {
    if (auto mark = MarkOf(path)) (void)session_.store().MarkImported(*mark);
  }
  session_.Add(std::move(file), progress_.bytes_read());
  progress_.Flush(progress_.bytes_read(), session_.summary());
}

void ExportWalk::ImportRun(const std::string& key, const std::string& shown, Activity run,
                           ImportHints hints) {
  if (Done(key)) {
    ++session_.summary().resumed;
    return;
  }
  hints.mark = MarkOf(key);
  hints.service_says_run = true;
  DecodedFile decoded;
  decoded.points = run.points;
  decoded.activities.push_back(std::move(run));
  Add(session_.Import(shown, std::move(decoded), hints), "");
}

void ExportWalk::Stopped(const std::string& shown, const Error& error) {
  Drain(0);  // the files read before the stop come first in the report
  complete_ = false;
  ImportedFile file;
  file.file = shown;
  file.status = ImportStatus::kFailed;
  file.reason = ImportReason::kExportStopped;
  file.detail = error.message;
  Add(std::move(file), "");
}

void ExportWalk::ImportActivityFile(const std::string& path, const std::string& shown,
                                    const std::vector<std::uint8_t>& bytes,
                                    std::optional<ImportHints> given) {
  Drain(0);  // in the order the files came
  ImportDecoded(path, shown, DecodeActivityFile(shown, bytes), std::move(given), true);
}

void ExportWalk::ImportActivityFileLater(std::string path, std::string shown,
                                         std::vector<std::uint8_t> bytes, bool listed) {
  // Decoding is pure (bytes in, activities out), so it may run beside the walk: on the
  // other cores, while this thread inflates the next file and stores the last.
  if (!decoders_) {
    decoders_ = std::make_unique<Decoders>(std::max(1u, std::thread::hardware_concurrency()));
  }
  auto decoded = decoders_->Decode(shown, std::move(bytes));
  pending_.push_back(PendingFile{std::move(path), std::move(shown), std::move(decoded), listed});
  Drain(kDecodingAhead);
}

void ExportWalk::Drain(std::size_t keep) {
  while (pending_.size() > keep) {
    PendingFile file = std::move(pending_.front());
    pending_.pop_front();
    ImportDecoded(file.path, file.shown, file.decoded.get(), std::nullopt, file.listed);
  }
}

void ExportWalk::ImportDecoded(const std::string& path, const std::string& shown,
                               Result<DecodedFile> decoded, std::optional<ImportHints> given,
                               bool listed) {
  ImportHints hints = given.value_or(ImportHints{});
  if (decoded && !given) {
    for (const auto& layout : layouts_) layout->Hint(path, *decoded, hints);
  }
  if (!hints.mark) hints.mark = MarkOf(path);
  ImportedFile file = session_.Import(shown, std::move(decoded), hints);
  for (const auto& layout : layouts_) layout->Imported(path, file, *this);
  // A watch's monitoring, settings or weight files in an export (Garmin's have
  // thousands): counted with the other files left alone, not listed one by one.
  if (!listed && file.status == ImportStatus::kSkipped &&
      file.reason == ImportReason::kNoActivity) {
    if (auto mark = MarkOf(path)) (void)session_.store().MarkImported(*mark);
    ++session_.summary().archive_other;
    return;
  }
  Add(std::move(file), path);
}

void ExportWalk::Run(ByteStream& input) {
  PrefixedStream stream(input);
  auto head = stream.Peek(512);
  if (!head) {
    Add(UnreadableFile(name_, head.error().message), "");
    return;
  }
  progress_.SetCurrent(name_);
  if (LooksLikeArchive(*head, name_)) {
    auto reader = ArchiveReader::Open(stream, BaseName(name_));
    if (!reader) {
      Stopped(name_, reader.error());
    } else {
      WalkArchive(**reader, "", name_, 0);
    }
  } else if (IsHealthExportXml(name_)) {
    ExportEntry entry{stream, BaseName(name_), name_};
    Entry(entry, 0);
  } else {
    auto bytes = ReadAll(stream, name_, kMaxActivityFileBytes);
    if (!bytes) {
      Add(UnreadableFile(name_, bytes.error().message), "");
    } else {
      ImportActivityFile(BaseName(name_), name_, *bytes);
    }
  }
  Finish();
}

void ExportWalk::WalkFile(ExportEntry& entry) {
  in_folder_ = true;
  progress_.SetCurrent(entry.shown);
  Entry(entry, 0);
}

void ExportWalk::Finish() {
  Drain(0);
  for (const auto& layout : layouts_) layout->Finish(complete_, *this);
  // Done: a later import of the same export starts afresh (and finds every run stored).
  if (complete_ && !session_.options().dry_run) (void)session_.store().ForgetImport(key_);
  progress_.Flush(progress_.bytes_read(), session_.summary());
}

bool ExportWalk::WalkArchive(ArchiveReader& reader, const std::string& prefix,
                             const std::string& shown, int depth) {
  for (;;) {
    auto next = reader.Next();
    if (!next) {
      Stopped(shown, next.error());
      return false;
    }
    if (!*next) return true;
    const std::string& inner = (*next)->path;
    ExportEntry entry{reader.entry_stream(), prefix.empty() ? inner : prefix + "/" + inner,
                      shown + "/" + inner, (*next)->size};
    progress_.SetCurrent(entry.shown);
    Entry(entry, depth);
    // A read of this archive failed in the entry: what follows cannot be trusted.
    if (entry_failed_) return false;
  }
}

void ExportWalk::Entry(ExportEntry& entry, int depth) {
  entry_failed_ = false;
  if (Done(entry.path)) {
    ++session_.summary().resumed;
    return;
  }
  for (const auto& layout : layouts_) {
    if (layout->Take(entry, *this)) return;
  }
  const std::string lower = Lower(entry.path);
  if (lower.ends_with(".zip")) {
    if (depth >= kMaxNesting) {
      Stopped(entry.shown, Error::FailedPrecondition(
                               "'" + entry.shown + "' is a zip nested " +
                               std::to_string(depth + 1) +
                               " deep, deeper than any export nests them; it was left out."));
      return;
    }
    auto nested = ArchiveReader::Open(entry.data, BaseName(entry.path));
    if (!nested) {
      Stopped(entry.shown, nested.error());
      return;
    }
    // A damaged zip inside stops that zip; the enclosing one is read on (if it is
    // damaged too, its next entry says so).
    WalkArchive(**nested, entry.path, entry.shown, depth + 1);
    entry_failed_ = false;
    return;
  }
  if (FormatFromName(entry.path) == FileFormat::kUnknown) {
    // A photo, a settings file: left alone; listed when it is a folder's own.
    if (in_folder_ && depth == 0) {
      Drain(0);
      ImportedFile other;
      other.file = entry.shown;
      other.status = ImportStatus::kNotActivity;
      other.reason = ImportReason::kNotActivityFile;
      session_.Add(std::move(other), progress_.bytes_read());
    } else {
      ++session_.summary().archive_other;
    }
    return;
  }
  bool too_large = false;
  auto bytes = ReadAll(entry.data, entry.shown, kMaxActivityFileBytes, &too_large, entry.size);
  if (too_large) {
    Add(UnreadableFile(entry.shown, bytes.error().message), entry.path);
    return;
  }
  if (!bytes) {
    entry_failed_ = true;
    Stopped(entry.shown, bytes.error());
    return;
  }
  // A folder's own files are listed; an archive's are counted.
  ImportActivityFileLater(entry.path, entry.shown, std::move(*bytes), in_folder_ && depth == 0);
}

}  // namespace backstride
