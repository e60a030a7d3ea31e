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

// A path the runner gave: a file, or a folder with the files under it in name order.
struct Given {
  fs::path path;
  bool folder = false;
  std::vector<fs::path> files;  // a folder's
  std::uint64_t size = 0;       // the file's, or the folder's files' together
};

std::uint64_t SizeOf(const fs::path& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? 0 : size;
}

Result<std::vector<Given>> Inputs(const std::vector<std::string>& paths) {
  std::vector<Given> inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return Fail(Error::InvalidArgument("'" + path + "' does not exist", path));
    }
    Given given;
    given.path = path;
    if (!fs::is_directory(status)) {
      given.size = SizeOf(given.path);
      inputs.push_back(std::move(given));
      continue;
    }
    given.folder = true;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error)) given.files.push_back(it->path());
    }
    std::sort(given.files.begin(), given.files.end());
    for (const fs::path& file : given.files) given.size += SizeOf(file);
    inputs.push_back(std::move(given));
  }
  return inputs;
}

}  // namespace

Result<ImportSummary> ImportPaths(Store& store, const std::vector<std::string>& paths,
                                  const ImportOptions& options) {
  auto inputs = Inputs(paths);
  if (!inputs) return Fail(inputs.error());
  std::uint64_t total = 0;
  for (const Given& given : *inputs) total += given.size;
  ImportSession session(store, options);
  ImportProgressClock progress(options, total);
  std::uint64_t done_before = 0;
  for (const Given& given : *inputs) {
    const std::string name = given.path.string();
    if (given.folder) {
      // A folder is walked as an export unpacked: its activities.csv names the runs beside
      // it, its export.xml is streamed and joined to its routes, its zips are walked.
      ExportWalk walk(session, progress, name, given.size);
      for (const fs::path& file : given.files) {
        FileStream stream(file);
        const std::string shown = file.string();
        if (!stream.ok()) {
          walk.Add(UnreadableFile(shown, "cannot read the file"), "");
          continue;
        }
        CountingStream counted(stream, progress, session.summary(), done_before);
        const std::uint64_t size = SizeOf(file);
        ExportEntry entry{counted, fs::relative(file, given.path).generic_string(), shown, size};
        walk.WalkFile(entry);
        done_before += size;
      }
      walk.Finish();
      continue;
    }
    if (LooksLikeArchive(HeadOf(given.path), name) || IsHealthExportXml(name)) {
      FileStream stream(given.path);
      if (!stream.ok()) {
        session.Add(UnreadableFile(name, "cannot read the file"), done_before);
      } else {
        CountingStream counted(stream, progress, session.summary(), done_before);
        ExportWalk(session, progress, name, given.size).Run(counted);
      }
    } else {
      session.Add(session.ImportBytes(ReadSourcedFile(name)), done_before + given.size);
      progress.Flush(done_before + given.size, session.summary());
    }
    done_before += given.size;
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
