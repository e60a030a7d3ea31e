#include "activity/decode.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "activity/fit_decoder.h"
#include "activity/gzip.h"
#include "activity/xml_decoder.h"

namespace backstride {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// Sniffs the first kilobytes for the root element of the XML formats.
FileFormat Sniff(std::span<const std::uint8_t> bytes) {
  if (bytes.size() >= 12 && std::memcmp(bytes.data() + 8, ".FIT", 4) == 0) return FileFormat::kFit;
  const std::string_view head(reinterpret_cast<const char*>(bytes.data()),
                              std::min<std::size_t>(bytes.size(), 4096));
  if (head.find("<TrainingCenterDatabase") != std::string_view::npos ||
      head.find(":TrainingCenterDatabase") != std::string_view::npos) {
    return FileFormat::kTcx;
  }
  if (head.find("<gpx") != std::string_view::npos || head.find(":gpx ") != std::string_view::npos) {
    return FileFormat::kGpx;
  }
  return FileFormat::kUnknown;
}

}  // namespace

FileFormat FormatFromName(std::string_view name) {
  std::string lower = Lower(name);
  if (lower.ends_with(".gz")) lower.resize(lower.size() - 3);
  if (lower.ends_with(".fit")) return FileFormat::kFit;
  if (lower.ends_with(".gpx")) return FileFormat::kGpx;
  if (lower.ends_with(".tcx")) return FileFormat::kTcx;
  return FileFormat::kUnknown;
}

Result<DecodedFile> DecodeActivityFile(std::string_view name, std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) {
    DecodedFile empty;
    empty.not_an_activity = "an empty file";
    return empty;
  }
  std::vector<std::uint8_t> unzipped;
  if (IsGzip(bytes)) {
    auto inflated = Gunzip(bytes);
    if (!inflated) return Fail(inflated.error());
    unzipped = std::move(*inflated);
    bytes = unzipped;
  }
  FileFormat format = Sniff(bytes);
  if (format == FileFormat::kUnknown) format = FormatFromName(name);
  switch (format) {
    case FileFormat::kFit:
      return DecodeFit(bytes);
    case FileFormat::kGpx:
      return DecodeGpx(bytes);
    case FileFormat::kTcx:
      return DecodeTcx(bytes);
    case FileFormat::kUnknown:
      break;
  }
  return Fail(Error::Unsupported("not a FIT, GPX or TCX file"));
}

}  // namespace backstride
