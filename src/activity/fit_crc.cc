#include "activity/fit_crc.h"

#include <array>
#include <cstddef>

#include "activity/fit_bytes.h"

namespace backstride {
namespace {

// kCrcTables[0] is the classic byte table; kCrcTables[k] advances a byte k more places.
constexpr std::array<std::array<std::uint16_t, 256>, 8> MakeCrcTables() {
  std::array<std::array<std::uint16_t, 256>, 8> tables{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    std::uint16_t crc = static_cast<std::uint16_t>(byte);
    for (int bit = 0; bit < 8; ++bit) {
      crc = static_cast<std::uint16_t>((crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1);
    }
    tables[0][byte] = crc;
  }
  for (std::size_t k = 1; k < 8; ++k) {
    for (unsigned byte = 0; byte < 256; ++byte) {
      const std::uint16_t previous = tables[k - 1][byte];
      tables[k][byte] = static_cast<std::uint16_t>((previous >> 8) ^ tables[0][previous & 0xFF]);
    }
  }
  return tables;
}
constexpr auto kCrcTables = MakeCrcTables();

}  // namespace

std::uint16_t FitCrc16(std::span<const std::uint8_t> bytes, std::uint16_t crc) {
  const std::uint8_t* p = bytes.data();
  std::size_t left = bytes.size();
  while (left >= 8) {
    // Little-endian: the first byte of the eight is the low byte of the word.
    std::uint64_t word = fit::LoadLittle<std::uint64_t>(p);
    word ^= crc;
    crc = static_cast<std::uint16_t>(
        kCrcTables[7][word & 0xFF] ^ kCrcTables[6][(word >> 8) & 0xFF] ^
        kCrcTables[5][(word >> 16) & 0xFF] ^ kCrcTables[4][(word >> 24) & 0xFF] ^
        kCrcTables[3][(word >> 32) & 0xFF] ^ kCrcTables[2][(word >> 40) & 0xFF] ^
        kCrcTables[1][(word >> 48) & 0xFF] ^ kCrcTables[0][word >> 56]);
    p += 8;
    left -= 8;
  }
  while (left-- > 0) {
    crc = static_cast<std::uint16_t>((crc >> 8) ^ kCrcTables[0][(crc ^ *p++) & 0xFF]);
  }
  return crc;
}

}  // namespace backstride
