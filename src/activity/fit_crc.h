// The CRC that guards a FIT file's header and data.
//
// Design note. Every byte of every file passes through the CRC, so it is computed eight
// bytes at a time ("slicing-by-8") from tables built when compiling, rather than with the
// nibble-wise table of FIT's reference code; the result is the same.
#ifndef BACKSTRIDE_ACTIVITY_FIT_CRC_H_
#define BACKSTRIDE_ACTIVITY_FIT_CRC_H_

#include <cstdint>
#include <span>

namespace backstride {

// Returns the CRC-16 of `bytes` as FIT defines it (CRC-16/ARC: polynomial 0xA001
// reflected, initial value 0), continuing from `crc` so a file can be checked in parts.
std::uint16_t FitCrc16(std::span<const std::uint8_t> bytes, std::uint16_t crc = 0);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_FIT_CRC_H_
