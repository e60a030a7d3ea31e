// Imports of whole exports: archives walked entry by entry (export_walker.h), loose files
// and folders as before, all in one import with one summary.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "activity/archive.h"
#include "activity/decode.h"
#include "app/export_walker.h"
#include "app/import.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

// A file on disk, read in order.
class FileStream final : public ByteStream {
 public:
  explicit FileStream(const fs::path& path) : in_(path, std::ios::binary) {}
  bool ok() const { return static_cast<bool>(in_); }
  Result<std::size_t> Read(std::span<std::uint8_t> out) override {
    in_.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size()));
    if (in_.bad()) return Fail(Error::IOError("the file could not be read on"));
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::ifstream in_;
};

// The first bytes of a file, to tell an archive from an activity file.
std::vector<std::uint8_t> HeadOf(const fs::path& path) {
  std::vector<std::uint8_t> head(512);
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

Result<std::vector<fs::path>> FilesOf(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const std::string& path : paths) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return Fail(Error::InvalidArgument("'" + path + "' does not exist", path));
    }
    if (!fs::is_directory(status)) {
      files.emplace_back(path);
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error)) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

SourcedFile ReadWholeFile(const fs::path& path) {
  SourcedFile file;
  file.name = path.string();
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

}  // namespace

Result<ImportSummary> ImportPaths(Store& store, const std::vector<std::string>& paths,
                                  const ImportOptions& options) {
  auto files = FilesOf(paths);
  if (!files) return Fail(files.error());
  std::uint64_t total = 0;
  for (const fs::path& file : *files) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    if (!error) total += size;
  }
  ImportSession session(store, options);
  ImportProgressClock progress(options, total);
  std::uint64_t done_before = 0;
  for (const fs::path& path : *files) {
    std::error_code error;
    const std::uint64_t size = fs::file_size(path, error);
    const std::string name = path.string();
    const std::vector<std::uint8_t> head = HeadOf(path);
    if (LooksLikeArchive(head, name) || IsHealthExportXml(name)) {
      FileStream stream(path);
      if (!stream.ok()) {
        session.Add(UnreadableFile(name, "cannot read the file"), done_before);
      } else {
        CountingStream counted(stream, progress, session.summary(), done_before);
        ExportWalk(session, progress, name, error ? 0 : size).Run(counted);
      }
    } else {
      session.Add(session.ImportBytes(ReadWholeFile(path)), done_before + size);
      progress.Flush(done_before + size, session.summary());
    }
    done_before += error ? 0 : size;
  }
  return std::move(session.summary());
}

Result<ImportSummary> ImportStream(Store& store, const std::string& name, ByteStream& input,
                                   std::uint64_t size, const ImportOptions& options) {
  ImportSession session(store, options);
  ImportProgressClock progress(options, size);
  CountingStream counted(input, progress, session.summary(), 0);
  ExportWalk(session, progress, name, size).Run(counted);
  return std::move(session.summary());
}

}  // namespace backstride
