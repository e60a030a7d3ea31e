// libFuzzer target for the TCX decoder: any bytes must give a result or a clear error,
// never a crash, a hang, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <span>

#include "activity/xml_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto decoded = backstride::DecodeTcx(std::span<const std::uint8_t>(data, size));
  if (decoded) {
    // Touch what a caller would read, so bad values trip the sanitizers here.
    for (const auto& activity : decoded->activities) {
      volatile double sink = activity.elapsed_s + activity.moving_s;
      for (const auto& sample : activity.samples) sink = sink + sample.time_s;
      (void)sink;
    }
  }
  return 0;
}
