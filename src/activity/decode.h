// Picks the decoder for a file by its content (FIT header, GPX or TCX root), falling back
// on its name, and unwraps gzip first.
#ifndef BACKSTRIDE_ACTIVITY_DECODE_H_
#define BACKSTRIDE_ACTIVITY_DECODE_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "activity/activity.h"
#include "base/result.h"

namespace backstride {

enum class FileFormat { kFit, kGpx, kTcx, kUnknown };

// The format of `name` by its extension (".fit", ".gpx.gz", ...), ignoring case.
FileFormat FormatFromName(std::string_view name);

// Decodes an activity file named `name`. Fails with kUnsupported for a file that is none
// of the formats, kCorruption (with the offset) for a damaged one.
Result<DecodedFile> DecodeActivityFile(std::string_view name, std::span<const std::uint8_t> bytes);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_DECODE_H_
