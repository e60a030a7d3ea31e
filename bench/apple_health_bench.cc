// Apple Health export benchmark: streams one export.xml through AppleHealthReader in
// 1 MiB read() chunks, as the importer reads a file, and prints the speed and what it
// found. With --list, also one line per running workout, for checking against the
// generator's manifest (bench/export_xml_bench.py does).
//
//   apple_health_bench export.xml [--list]
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "activity/apple_health.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s export.xml [--list]\n", argv[0]);
    return 2;
  }
  const bool list = argc > 2 && std::strcmp(argv[2], "--list") == 0;
  const int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::perror(argv[1]);
    return 1;
  }
  const auto begin = std::chrono::steady_clock::now();
  backstride::AppleHealthReader reader;
  std::vector<char> buffer(std::size_t{1} << 20);
  bool failed = false;
  while (true) {
    const ssize_t got = read(fd, buffer.data(), buffer.size());
    if (got < 0) {
      std::perror("read");
      return 1;
    }
    if (got == 0) break;
    auto fed = reader.Feed(std::span<const char>(buffer.data(), static_cast<std::size_t>(got)));
    if (!fed) {
      std::fprintf(stderr, "error: %s\n", fed.error().message.c_str());
      failed = true;
      break;
    }
  }
  close(fd);
  auto finished = reader.Finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  if (!finished) {
    std::fprintf(stderr, "error: %s\n", finished.error().message.c_str());
    failed = true;
  }
  const auto& workouts = finished ? *finished : reader.workouts_so_far();
  const double mb = static_cast<double>(reader.bytes_read()) / 1e6;
  std::printf(
      "backstride: %.1f MB in %.3f s = %.1f MB/s; %zu running workouts, %llu heart-rate "
      "records, %llu records\n",
      mb, seconds, mb / seconds, workouts.size(),
      static_cast<unsigned long long>(reader.heart_rate_samples()),
      static_cast<unsigned long long>(reader.records_seen()));
  if (list) {
    std::printf(
        "start_utc_s\tutc_offset_s\tduration_s\tdistance_m\tindoor\troute\tpaused_s\t"
        "avg_hr_bpm\tmax_hr_bpm\thr_samples\troute_points\televation_gain_m\tsource\n");
    for (const auto& w : workouts) {
      double paused = 0;
      for (const auto& [from, to] : w.pauses) paused += to - from;
      std::printf("%.0f\t%d\t%.3f\t%.3f\t%d\t%s\t%.0f\t%.4f\t%.0f\t%zu\t%zu\t%.2f\t%s\n",
                  w.start_utc_s, w.utc_offset_s.value_or(0), w.duration_s,
                  w.distance_m.value_or(-1), w.indoor ? 1 : 0,
                  w.route_files.empty() ? "-" : w.route_files.front().c_str(), paused,
                  w.avg_hr_bpm.value_or(-1), w.max_hr_bpm.value_or(-1), w.heart_rate.size(),
                  w.route.size(), w.elevation_gain_m.value_or(-1), w.source_name.c_str());
    }
  }
  return failed ? 1 : 0;
}
