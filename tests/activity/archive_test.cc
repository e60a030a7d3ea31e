// Archives read as streams: entries in order, zips inside zips, and damaged or hostile
// archives stopped with a message while what came before stays read.
#include "activity/archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <utility>
#include <vector>

namespace backstride {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes BytesOf(std::string_view text) { return Bytes(text.begin(), text.end()); }

// A zip of `files`, deflated, written by libarchive into memory.
Bytes Zip(const std::vector<std::pair<std::string, Bytes>>& files) {
  Bytes out;
  archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  archive_write_open(
      writer, &out, nullptr,
      [](archive*, void* sink, const void* data, size_t size) -> la_ssize_t {
        auto* bytes = static_cast<Bytes*>(sink);
        const auto* begin = static_cast<const std::uint8_t*>(data);
        bytes->insert(bytes->end(), begin, begin + size);
        return static_cast<la_ssize_t>(size);
      },
      nullptr);
  for (const auto& [name, bytes] : files) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
    archive_write_header(writer, entry);
    archive_write_data(writer, bytes.data(), bytes.size());
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
  return out;
}

Bytes Gzip(const Bytes& bytes) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  Bytes out(deflateBound(&z, bytes.size()) + 64);
  z.next_in = const_cast<std::uint8_t*>(bytes.data());
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

class MemoryStream final : public ByteStream {
 public:
  explicit MemoryStream(Bytes bytes) : bytes_(std::move(bytes)) {}
  Result<std::size_t> Read(std::span<std::uint8_t> out) override {
    const std::size_t n = std::min(out.size(), bytes_.size() - at_);
    std::copy_n(bytes_.begin() + static_cast<std::ptrdiff_t>(at_), n, out.begin());
    at_ += n;
    return n;
  }

 private:
  Bytes bytes_;
  std::size_t at_ = 0;
};

// Every entry of `reader` as (path, whole bytes as text), or the error that stopped it.
struct Walk {
  std::vector<std::pair<std::string, std::string>> entries;
  std::optional<Error> error;
};

Walk WalkAll(ArchiveReader& reader) {
  Walk walk;
  for (;;) {
    auto entry = reader.Next();
    if (!entry) {
      walk.error = entry.error();
      return walk;
    }
    if (!*entry) return walk;
    auto bytes = reader.ReadWhole();
    if (!bytes) {
      walk.error = bytes.error();
      return walk;
    }
    walk.entries.emplace_back((*entry)->path, std::string(bytes->begin(), bytes->end()));
  }
}

TEST(Archive, ReadsEveryFileOfAZipInOrderWithZipsAndGzipsInside) {
  const Bytes inner = Zip({{"123.fit", BytesOf("inner fit")}, {"124.fit", BytesOf("second")}});
  const Bytes gz = Gzip(BytesOf("<gpx/>"));
  const Bytes outer = Zip({{"activities.csv", BytesOf("Activity ID,Activity Date\n")},
                           {"activities/9.gpx.gz", gz},
                           {"DI_CONNECT/UploadedFiles_0-_Part1.zip", inner}});
  MemoryStream input(outer);
  auto reader = ArchiveReader::Open(input, "export_1.zip");
  ASSERT_TRUE(reader) << reader.error().message;

  auto first = (*reader)->Next();
  ASSERT_TRUE(first && *first);
  EXPECT_EQ((*first)->path, "activities.csv");
  EXPECT_EQ((*first)->size, 26u);
  // An entry not read is passed over by the next Next().
  auto second = (*reader)->Next();
  ASSERT_TRUE(second && *second);
  EXPECT_EQ((*second)->path, "activities/9.gpx.gz");
  EXPECT_EQ(*(*reader)->ReadWhole(), gz) << "a .gz inside is handed over as it is";

  auto nested_entry = (*reader)->Next();
  ASSERT_TRUE(nested_entry && *nested_entry);
  auto nested = ArchiveReader::Open((*reader)->entry_stream(), (*nested_entry)->path);
  ASSERT_TRUE(nested) << nested.error().message;
  const Walk walk = WalkAll(**nested);
  EXPECT_FALSE(walk.error);
  EXPECT_EQ(walk.entries, (std::vector<std::pair<std::string, std::string>>{
                              {"123.fit", "inner fit"}, {"124.fit", "second"}}));
  auto end = (*reader)->Next();
  ASSERT_TRUE(end);
  EXPECT_FALSE(*end);
}

TEST(Archive, AGzippedFileIsOneEntryNamedWithoutTheGz) {
  const std::string xml = "<HealthData></HealthData>";
  MemoryStream input(Gzip(BytesOf(xml)));
  auto reader = ArchiveReader::Open(input, "export.xml.gz");
  ASSERT_TRUE(reader) << reader.error().message;
  const Walk walk = WalkAll(**reader);
  EXPECT_FALSE(walk.error);
  ASSERT_EQ(walk.entries.size(), 1u);
  EXPECT_EQ(walk.entries[0], std::make_pair(std::string("export.xml"), xml));
}

TEST(Archive, AFileThatIsNoArchiveSaysSo) {
  MemoryStream input(BytesOf("Activity ID,Activity Date\n1,2\n"));
  auto reader = ArchiveReader::Open(input, "notes.txt");
  std::optional<Error> error;
  if (!reader) {
    error = reader.error();
  } else {
    error = WalkAll(**reader).error;
  }
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kUnsupported);
  EXPECT_NE(error->message.find("notes.txt"), std::string::npos) << error->message;
}

TEST(Archive, ATruncatedZipKeepsTheFilesBeforeTheCut) {
  std::vector<std::pair<std::string, Bytes>> files;
  std::uint32_t seed = 12345;
  for (int i = 0; i < 6; ++i) {
    // Text that does not pack (like a GPS track), so the files fill the archive and the
    // cut falls inside one of them, not in the directory at the end.
    std::string text(20000, ' ');
    for (char& c : text) c = static_cast<char>('0' + ((seed = seed * 1103515245 + 12345) >> 16) % 64);
    files.emplace_back("activities/" + std::to_string(i) + ".gpx", BytesOf(text));
  }
  Bytes zip = Zip(files);
  zip.resize(zip.size() * 3 / 5);  // cut inside the fourth file
  MemoryStream input(zip);
  auto reader = ArchiveReader::Open(input, "export_1.zip");
  ASSERT_TRUE(reader);
  const Walk walk = WalkAll(**reader);
  ASSERT_TRUE(walk.error) << "a cut archive is an error, not a quiet end";
  EXPECT_EQ(walk.error->code, ErrorCode::kCorruption);
  EXPECT_NE(walk.error->message.find("export_1.zip"), std::string::npos) << walk.error->message;
  EXPECT_GE(walk.entries.size(), 2u);
  EXPECT_LT(walk.entries.size(), 6u);
  for (std::size_t i = 0; i < walk.entries.size(); ++i) {
    EXPECT_EQ(walk.entries[i].second, std::string(files[i].second.begin(), files[i].second.end()));
  }
}

TEST(Archive, AZipBombIsStoppedWithAClearMessage) {
  const Bytes zeros(std::size_t{24} << 20, 0);
  const Bytes bomb = Zip({{"readme.txt", BytesOf("hello")}, {"export.xml", zeros}});
  ASSERT_LT(bomb.size(), zeros.size() / 200) << "zeros pack far tighter than any export";
  MemoryStream input(bomb);
  ArchiveLimits limits;
  limits.ratio_grace_bytes = std::uint64_t{4} << 20;
  auto reader = ArchiveReader::Open(input, "export.zip", limits);
  ASSERT_TRUE(reader);
  const Walk walk = WalkAll(**reader);
  ASSERT_EQ(walk.entries.size(), 1u) << "the file before it was read";
  ASSERT_TRUE(walk.error);
  EXPECT_EQ(walk.error->code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(walk.error->message.find("zip bomb"), std::string::npos) << walk.error->message;
  EXPECT_NE(walk.error->message.find("export.xml"), std::string::npos) << walk.error->message;
}

TEST(Archive, AnEntryTooLargeToReadWholeIsRefusedByName) {
  const Bytes big(300000, 'x');
  MemoryStream input(Zip({{"activities/huge.gpx", big}}));
  ArchiveLimits limits;
  limits.max_whole_entry_bytes = 100000;
  auto reader = ArchiveReader::Open(input, "export.zip", limits);
  ASSERT_TRUE(reader);
  ASSERT_TRUE(*(*reader)->Next());
  auto whole = (*reader)->ReadWhole();
  ASSERT_FALSE(whole);
  EXPECT_NE(whole.error().message.find("activities/huge.gpx"), std::string::npos);
}

}  // namespace
}  // namespace backstride
