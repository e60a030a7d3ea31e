#include "activity/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstring>

#include "activity/decode.h"
#include "activity/gzip.h"

namespace backstride {
namespace {

constexpr std::size_t kInputBlock = std::size_t{1} << 20;

bool EndsWith(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

std::string Size(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 30)) return std::to_string(bytes >> 30) + " GB";
  return std::to_string(bytes >> 20) + " MB";
}

}  // namespace

bool LooksLikeArchive(std::span<const std::uint8_t> head, std::string_view name) {
  if (head.size() >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
    return true;
  }
  // An activity file gzip'd on its own (Strava's .fit.gz) is decoded whole, not walked.
  if (IsGzip(head)) return FormatFromName(name) == FileFormat::kUnknown;
  // A POSIX tar names its format at byte 257.
  return head.size() >= 262 && std::memcmp(head.data() + 257, "ustar", 5) == 0;
}

struct ArchiveReader::State {
  ByteStream* input = nullptr;
  std::string name;
  ArchiveLimits limits;
  archive* reader = nullptr;
  std::vector<std::uint8_t> block = std::vector<std::uint8_t>(kInputBlock);
  std::optional<Error> input_error;  // the stream's own failure, kept for the message
  bool input_ended = false;          // the stream has no more bytes
  std::uint64_t packed = 0;          // bytes read from `input`
  std::uint64_t unpacked = 0;
  std::size_t entries = 0;
  std::optional<ArchiveEntry> current;
  bool raw = false;  // a gzip'd single file: one entry

  struct Stream final : ByteStream {
    ArchiveReader* owner = nullptr;
    Result<std::size_t> Read(std::span<std::uint8_t> out) override { return owner->Read(out); }
  } entry_stream;

  ~State() {
    if (reader != nullptr) archive_read_free(reader);
  }

  static la_ssize_t OnRead(archive*, void* self, const void** buffer) {
    auto* state = static_cast<State*>(self);
    auto got = state->input->Read(state->block);
    if (!got) {
      state->input_error = got.error();
      return -1;
    }
    state->packed += *got;
    if (*got == 0) state->input_ended = true;
    *buffer = state->block.data();
    return static_cast<la_ssize_t>(*got);
  }

  Error Damaged(std::string_view what) const {
    if (input_error) return *input_error;
    // Out of bytes where the archive says more follow: a copy cut short.
    if (input_ended) {
      return Error::Corruption("'" + name + "' ends early" +
                                   (current ? ", inside '" + current->path + "'" : std::string()) +
                                   ": the file is cut short (a download or copy that did not "
                                   "finish?).",
                               packed);
    }
    const char* detail = archive_error_string(reader);
    std::string message = "'" + name + "' " + std::string(what);
    if (detail != nullptr) message += " (" + std::string(detail) + ")";
    return Error::Corruption(message + ".", packed);
  }
};

ArchiveReader::ArchiveReader(std::unique_ptr<State> state) : state_(std::move(state)) {
  state_->entry_stream.owner = this;
}

ArchiveReader::~ArchiveReader() = default;

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::Open(ByteStream& input, std::string name,
                                                           ArchiveLimits limits) {
  auto state = std::make_unique<State>();
  state->input = &input;
  state->name = std::move(name);
  state->limits = limits;
  state->reader = archive_read_new();
  if (state->reader == nullptr) return Fail(Error::IOError("out of memory opening an archive"));
  archive_read_support_filter_gzip(state->reader);
  archive_read_support_format_zip(state->reader);
  archive_read_support_format_tar(state->reader);
  archive_read_support_format_raw(state->reader);
  if (archive_read_open(state->reader, state.get(), nullptr, &State::OnRead, nullptr) !=
      ARCHIVE_OK) {
    return Fail(state->Damaged("could not be opened as an archive"));
  }
  return std::unique_ptr<ArchiveReader>(new ArchiveReader(std::move(state)));
}

Result<std::optional<ArchiveEntry>> ArchiveReader::Next() {
  State& s = *state_;
  s.current.reset();
  for (;;) {
    if (s.raw) return std::optional<ArchiveEntry>();  // a single file has one entry
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(s.reader, &entry);
    if (status == ARCHIVE_EOF) return std::optional<ArchiveEntry>();
    if (status < ARCHIVE_WARN) {
      return Fail(s.entries == 0 ? s.Damaged("is not an archive that can be read")
                                 : s.Damaged("is damaged or ends early after " +
                                             std::to_string(s.entries) + " files"));
    }
    if (archive_format(s.reader) == ARCHIVE_FORMAT_RAW) {
      // Raw reads anything; it is an archive only when a filter unwrapped it (gzip).
      if (archive_filter_count(s.reader) < 2) {
        return Fail(Error::Unsupported("'" + s.name + "' is not an archive"));
      }
      s.raw = true;
      std::string inner = s.name;
      if (EndsWith(inner, ".gz")) inner.resize(inner.size() - 3);
      ArchiveEntry found{inner, std::nullopt};
      ++s.entries;
      s.current = found;
      return std::optional<ArchiveEntry>(std::move(found));
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* path = archive_entry_pathname_utf8(entry);
    if (path == nullptr) path = archive_entry_pathname(entry);
    ArchiveEntry found{path != nullptr ? path : "", std::nullopt};
    if (archive_entry_size_is_set(entry)) {
      found.size = static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_entry_size(entry)));
    }
    ++s.entries;
    s.current = found;
    return std::optional<ArchiveEntry>(std::move(found));
  }
}

Result<std::size_t> ArchiveReader::Read(std::span<std::uint8_t> out) {
  State& s = *state_;
  if (!s.current) return std::size_t{0};
  const la_ssize_t got = archive_read_data(s.reader, out.data(), out.size());
  if (got < 0) return Fail(s.Damaged("has a damaged file '" + s.current->path + "'"));
  s.unpacked += static_cast<std::uint64_t>(got);
  if (s.unpacked > s.limits.max_total_bytes) {
    return Fail(Error::FailedPrecondition(
        "'" + s.name + "' unpacks to more than " + Size(s.limits.max_total_bytes) +
        ", more than any export holds; reading stopped at '" + s.current->path + "'."));
  }
  if (s.unpacked > s.limits.ratio_grace_bytes &&
      static_cast<double>(s.unpacked) > s.limits.max_ratio * static_cast<double>(s.packed)) {
    return Fail(Error::FailedPrecondition(
        "'" + s.name + "' unpacks to more than " +
        std::to_string(static_cast<int>(s.limits.max_ratio)) +
        " times its size at '" + s.current->path +
        "': no export packs that tight, so it may be built to fill the disk (a zip bomb). "
        "Reading stopped."));
  }
  return static_cast<std::size_t>(got);
}

Result<std::vector<std::uint8_t>> ArchiveReader::ReadWhole() {
  State& s = *state_;
  const std::uint64_t cap = s.limits.max_whole_entry_bytes;
  const auto too_big = [&] {
    return Error::FailedPrecondition("'" + (s.current ? s.current->path : s.name) +
                                     "' is larger than " + Size(cap) +
                                     ", far more than an activity file; it was left out.");
  };
  std::vector<std::uint8_t> bytes;
  if (s.current && s.current->size) {
    if (*s.current->size > cap) return Fail(too_big());
    // One byte more than said, so the read that finds the end needs no growth.
    bytes.resize(static_cast<std::size_t>(*s.current->size) + 1);
  }
  std::size_t filled = 0;
  for (;;) {
    if (filled == bytes.size()) bytes.resize(std::max<std::size_t>(bytes.size() * 2, 256 * 1024));
    auto got = Read(std::span<std::uint8_t>(bytes).subspan(filled));
    if (!got) return Fail(got.error());
    if (*got == 0) break;
    filled += *got;
    if (filled > cap) return Fail(too_big());
  }
  bytes.resize(filled);
  return bytes;
}

ByteStream& ArchiveReader::entry_stream() { return state_->entry_stream; }

std::uint64_t ArchiveReader::unpacked_bytes() const { return state_->unpacked; }

}  // namespace backstride
