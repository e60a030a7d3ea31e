// Archives as streams: a service's export (a zip, maybe with zips and .gz files inside, or
// a .tar or a .gz) read entry by entry, each entry's bytes as they unpack. An export of
// several GB is never unpacked to disk nor held in memory whole; only the entries a
// caller asks for whole (an activity file, a CSV) are, and those are capped.
//
// libarchive (Debian's libarchive-dev) reads them, chosen over libzip by measurement
// (bench/archive_bench.cc): as fast on the same zip, and it reads a zip front to back
// from any stream, so a zip inside a zip and a browser upload stream as well as a file.
#ifndef BACKSTRIDE_ACTIVITY_ARCHIVE_H_
#define BACKSTRIDE_ACTIVITY_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace backstride {

// Bytes in order from somewhere: a file, an upload, an entry of an enclosing archive.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Up to out.size() bytes into `out`; 0 at the end.
  virtual Result<std::size_t> Read(std::span<std::uint8_t> out) = 0;
};

struct ArchiveLimits {
  // An entry read whole larger than this is refused (activity files are a few MB).
  std::uint64_t max_whole_entry_bytes = std::uint64_t{512} << 20;
  // Past the first `ratio_grace_bytes` unpacked, an archive unpacking to more than this
  // many times the bytes it has read is a zip bomb (zeros deflate 1,000 to 1; a Health
  // export.xml about 20 to 1).
  double max_ratio = 200;
  std::uint64_t ratio_grace_bytes = std::uint64_t{64} << 20;
  // And more than this in all is refused whatever the ratio.
  std::uint64_t max_total_bytes = std::uint64_t{64} << 30;
};

struct ArchiveEntry {
  std::string path;                   // as stored ("activities/123.fit.gz")
  std::optional<std::uint64_t> size;  // unpacked, when the archive says
};

// What `head` (the first bytes of a file, at least 512 when there are) and its name say:
// a zip, a gzip'd file that is no activity file (".fit.gz" and friends are decoded
// whole), or a tar.
bool LooksLikeArchive(std::span<const std::uint8_t> head, std::string_view name);

class ArchiveReader {
 public:
  // Reads `input`, which must outlive the reader. A gzip'd single file reads as one entry
  // named `name` without its ".gz". Fails with kUnsupported when it is no archive.
  static Result<std::unique_ptr<ArchiveReader>> Open(ByteStream& input, std::string name,
                                                     ArchiveLimits limits = {});
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // The next file entry (folders are passed over), or nullopt at the end. Fails with
  // kCorruption when the archive is damaged or ends early (the entries before stay read).
  Result<std::optional<ArchiveEntry>> Next();
  // The current entry's next bytes; 0 at its end. Fails with kCorruption on damaged data,
  // and with kFailedPrecondition when a limit is passed (the message says which).
  Result<std::size_t> Read(std::span<std::uint8_t> out);
  // The rest of the current entry, when it is within max_whole_entry_bytes.
  Result<std::vector<std::uint8_t>> ReadWhole();
  // The current entry as a stream, to open an archive inside it.
  ByteStream& entry_stream();

  // Bytes unpacked so far, all entries.
  std::uint64_t unpacked_bytes() const;

 private:
  struct State;
  explicit ArchiveReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_ARCHIVE_H_
