// libFuzzer target for the GPX decoder: any bytes must give a result or a clear error,
// never a crash, a hang, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <span>

#include "activity/xml_decoder.h"
#include "exercise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  backstride::fuzz::Exercise(backstride::DecodeGpx(std::span<const std::uint8_t>(data, size)));
  return 0;
}
