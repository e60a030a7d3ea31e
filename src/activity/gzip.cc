#include "activity/gzip.h"

#include <libdeflate.h>

#include <memory>

namespace backstride {

// libdeflate rather than zlib: activity files are decompressed whole, which is what
// libdeflate is built for, and it does so faster (bench/ measures both).

bool IsGzip(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;
}

Result<std::vector<std::uint8_t>> Gunzip(std::span<const std::uint8_t> bytes,
                                         std::size_t max_output) {
  std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> decompressor(
      libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
  if (!decompressor) return Fail(Error::IOError("out of memory for decompression"));
  std::vector<std::uint8_t> out;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto member = bytes.subspan(at);
    if (!IsGzip(member) || member.size() < 18) {
      if (at == 0) return Fail(Error::Corruption("not gzip data", 0));
      break;  // padding after the last member
    }
    // The trailer's size (mod 2^32) is a good first guess for the output.
    const std::size_t hint = static_cast<std::size_t>(member[member.size() - 4]) |
                             (static_cast<std::size_t>(member[member.size() - 3]) << 8) |
                             (static_cast<std::size_t>(member[member.size() - 2]) << 16) |
                             (static_cast<std::size_t>(member[member.size() - 1]) << 24);
    std::size_t capacity = std::max<std::size_t>(hint, member.size() * 4) + 1024;
    while (true) {
      if (capacity > max_output) {
        return Fail(Error::Corruption(
            "gzip data expands beyond " + std::to_string(max_output >> 20) + " MB", at));
      }
      const std::size_t base = out.size();
      out.resize(base + capacity);
      std::size_t in_used = 0, out_used = 0;
      const libdeflate_result result =
          libdeflate_gzip_decompress_ex(decompressor.get(), member.data(), member.size(),
                                        out.data() + base, capacity, &in_used, &out_used);
      if (result == LIBDEFLATE_SUCCESS) {
        out.resize(base + out_used);
        at += in_used;
        break;
      }
      out.resize(base);
      if (result != LIBDEFLATE_INSUFFICIENT_SPACE) {
        return Fail(Error::Corruption("damaged gzip data", at));
      }
      capacity *= 2;
    }
  }
  return out;
}

}  // namespace backstride
