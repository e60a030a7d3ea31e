// gzip decompression of whole activity files (.fit.gz, .gpx.gz, .tcx.gz).
#ifndef BACKSTRIDE_ACTIVITY_GZIP_H_
#define BACKSTRIDE_ACTIVITY_GZIP_H_

#include <cstdint>
#include <span>
#include <vector>

#include "base/result.h"

namespace backstride {

// True when `bytes` start with the gzip magic number.
bool IsGzip(std::span<const std::uint8_t> bytes);

// Decompresses every gzip member in `bytes`. Fails with kCorruption and the offset of the
// damaged member, or when the output would exceed `max_output` bytes (a "zip bomb").
Result<std::vector<std::uint8_t>> Gunzip(std::span<const std::uint8_t> bytes,
                                         std::size_t max_output = std::size_t{1} << 31);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_GZIP_H_
