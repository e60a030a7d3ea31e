// libFuzzer target for the Garmin summarizedActivities.json reader: any text must give
// activities and problems or a clear error, never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "activity/garmin_summary.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto read = backstride::ReadGarminSummarizedActivities(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!read) return 0;
  volatile double sink = static_cast<double>(read->dropped_without_start);
  for (const backstride::GarminActivitySummary& activity : read->activities) {
    sink = sink + activity.start_utc_s + activity.utc_offset_s.value_or(0) +
           activity.distance_m.value_or(0) + activity.duration_s.value_or(0) +
           activity.avg_cadence_spm.value_or(0) + static_cast<double>(activity.name.size());
    (void)backstride::IsGarminRun(activity.activity_type);
  }
  (void)sink;
  return 0;
}
