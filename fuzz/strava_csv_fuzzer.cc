// libFuzzer target for the Strava activities.csv reader: any text must give rows and
// problems or a clear error, never a crash, a hang, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "activity/strava_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto read =
      backstride::ReadStravaActivities(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!read) return 0;
  // Touch what an importer reads, so a bad value trips the sanitizers here.
  volatile std::size_t sink = read->problems.size();
  for (const backstride::StravaActivityRow& row : read->rows) {
    sink = sink + row.line + row.activity_id.size() + row.name.size() + row.type.size() +
           row.description.size() + row.filename.size();
    volatile double values = row.start_utc_s.value_or(0) + row.elapsed_s.value_or(0) +
                             row.moving_s.value_or(0) + row.distance_m.value_or(0) +
                             row.avg_hr_bpm.value_or(0) + row.max_hr_bpm.value_or(0) +
                             row.elevation_gain_m.value_or(0);
    (void)values;
    (void)backstride::IsStravaRun(row.type);
  }
  (void)sink;
  return 0;
}
