// libFuzzer target for the Apple Health export reader: any bytes, cut into chunks at any
// points, must give workouts or a clear error, never a crash, a hang, a leak or undefined
// behaviour. The chunk boundaries are taken from the input's own first bytes so the
// fuzzer explores tags, entities and the DOCTYPE cut across Feed calls.
#include <cstddef>
#include <cstdint>
#include <span>

#include "activity/apple_health.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* bytes = reinterpret_cast<const char*>(data);
  // Up to three cut points, each a fraction (0..255 of 256) of the input's length.
  std::size_t cuts[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 3; ++i) cuts[i] = size ? size * (size > i ? data[i] : 0) / 256 : 0;
  if (cuts[1] < cuts[0]) cuts[1] = cuts[0];
  if (cuts[2] < cuts[1]) cuts[2] = cuts[1];

  backstride::AppleHealthReader reader;
  std::size_t from = 0;
  bool failed = false;
  for (std::size_t cut : cuts) {
    if (!reader.Feed(std::span<const char>(bytes + from, cut - from))) failed = true;
    from = cut;
  }
  if (!reader.Feed(std::span<const char>(bytes + from, size - from))) failed = true;
  auto result = reader.Finish();
  if (failed && result) __builtin_trap();  // a failed Feed must fail Finish too
  const auto& workouts = result ? *result : reader.workouts_so_far();
  volatile double sink = 0;
  for (const auto& workout : workouts) {
    sink = sink + workout.start_utc_s + workout.duration_s +
           static_cast<double>(workout.source_name.size() + workout.route_files.size());
    for (const auto& point : workout.heart_rate) sink = sink + point.time_utc_s + point.bpm;
    for (const auto& sample : workout.route) sink = sink + sample.time_s;
    for (const auto& pause : workout.pauses) sink = sink + pause.second - pause.first;
  }
  (void)sink;
  return 0;
}
