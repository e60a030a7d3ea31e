// libFuzzer target for the FIT decoder: any bytes must give a result or a clear error,
// never a crash, a hang, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <span>

#include "activity/fit_decoder.h"
#include "exercise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  backstride::fuzz::Exercise(backstride::DecodeFit(std::span<const std::uint8_t>(data, size)));
  return 0;
}
