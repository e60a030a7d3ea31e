// Every input a fuzzer once crashed on, decoded again: each must now give a result or a
// clear error. The files are in tests/data/fuzz/<format>/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <span>

#include "activity/fit_decoder.h"
#include "activity/xml_decoder.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> ReadBytes(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

TEST(FuzzRegressions, EveryCrasherNowDecodesOrFailsCleanly) {
  const fs::path root = fs::path(BACKSTRIDE_TEST_DATA_DIR) / "data" / "fuzz";
  int files = 0;
  for (const char* format : {"fit", "gpx", "tcx"}) {
    if (!fs::is_directory(root / format)) continue;
    for (const auto& entry : fs::directory_iterator(root / format)) {
      SCOPED_TRACE(entry.path().filename().string());
      // An allocation of exactly the file's size, so the sanitizer sees any read past
      // its end (a vector's spare capacity would hide it).
      const auto file = ReadBytes(entry.path());
      const auto exact = std::make_unique<std::uint8_t[]>(file.size());
      std::copy(file.begin(), file.end(), exact.get());
      const std::span<const std::uint8_t> bytes(exact.get(), file.size());
      const std::string_view name = format;
      auto decoded = name == "fit"   ? DecodeFit(bytes)
                     : name == "gpx" ? DecodeGpx(bytes)
                                     : DecodeTcx(bytes);
      if (!decoded) {
        EXPECT_FALSE(decoded.error().message.empty());
      }
      ++files;
    }
  }
  EXPECT_GE(files, 1);
}

}  // namespace
}  // namespace backstride
