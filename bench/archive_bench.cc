// Zip readers side by side: libarchive (streaming) and libzip (central directory, random
// access), each reading every entry of the same archive into memory, as the importer does.
// Chose the library for src/activity/archive.cc; see bench/README.md for the figures.
//   archive_bench FILE.zip [repeats]
#include <archive.h>
#include <archive_entry.h>
#include <zip.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Totals {
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
};

Totals ReadWithLibarchive(const char* path) {
  Totals totals;
  archive* reader = archive_read_new();
  archive_read_support_format_zip(reader);
  if (archive_read_open_filename(reader, path, 1 << 20) != ARCHIVE_OK) {
    std::fprintf(stderr, "libarchive: %s\n", archive_error_string(reader));
    std::exit(1);
  }
  std::vector<char> buffer(1 << 20);
  archive_entry* entry = nullptr;
  while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
    ++totals.entries;
    for (;;) {
      const la_ssize_t got = archive_read_data(reader, buffer.data(), buffer.size());
      if (got <= 0) break;
      totals.bytes += static_cast<std::uint64_t>(got);
    }
  }
  archive_read_free(reader);
  return totals;
}

Totals ReadWithLibzip(const char* path) {
  Totals totals;
  int error = 0;
  zip_t* archive = zip_open(path, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    std::fprintf(stderr, "libzip: error %d\n", error);
    std::exit(1);
  }
  std::vector<char> buffer(1 << 20);
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (file == nullptr) continue;
    ++totals.entries;
    for (;;) {
      const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
      if (got <= 0) break;
      totals.bytes += static_cast<std::uint64_t>(got);
    }
    zip_fclose(file);
  }
  zip_close(archive);
  return totals;
}

template <typename Read>
void Time(const char* label, const char* path, int repeats, Read read) {
  double best = 1e9;
  Totals totals;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    totals = read(path);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds < best) best = seconds;
  }
  std::printf("%-12s %6llu entries %9.1f MB out  best %.3f s  %7.1f MB/s\n", label,
              static_cast<unsigned long long>(totals.entries), totals.bytes / 1e6, best,
              totals.bytes / 1e6 / best);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: archive_bench FILE.zip [repeats]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  Time("libarchive", argv[1], repeats, ReadWithLibarchive);
  Time("libzip", argv[1], repeats, ReadWithLibzip);
  return 0;
}
