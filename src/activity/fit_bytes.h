// Byte coding for FIT: integers and base-type values read from bytes in either order.
//
// Design note. FIT writes each message in the byte order its definition names, so every
// load takes that order as an argument. A load is one memcpy and, only when the order
// differs from the host's, one byte swap: these run for every field of every record, so
// they are inline and branch on nothing but the order. The host's order is settled when
// compiling, so the same code is right on little- and big-endian machines and no other
// kind builds.
#ifndef BACKSTRIDE_ACTIVITY_FIT_BYTES_H_
#define BACKSTRIDE_ACTIVITY_FIT_BYTES_H_

#include <bit>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <optional>

#include "activity/fit_profile.h"

namespace backstride::fit {

static_assert(std::endian::native == std::endian::little || std::endian::native == std::endian::big,
              "FIT byte coding needs a little- or big-endian host");

// Returns the unsigned integer stored at `p` (sizeof(T) readable bytes) in big-endian
// order when `big_endian`, little-endian otherwise.
template <std::unsigned_integral T>
inline T Load(const std::uint8_t* p, bool big_endian) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  if constexpr (sizeof(T) > 1) {
    constexpr bool kHostBigEndian = std::endian::native == std::endian::big;
    if (big_endian != kHostBigEndian) value = std::byteswap(value);
  }
  return value;
}

// Returns the little-endian unsigned integer at `p`: the byte order of FIT's file header
// and CRCs.
template <std::unsigned_integral T>
inline T LoadLittle(const std::uint8_t* p) {
  return Load<T>(p, /*big_endian=*/false);
}

// Reads one value of base type `type` at `p` (at least that type's size readable).
// Returns nullopt for the type's invalid value, a non-finite float, and for strings and
// unknown types, which carry no number. A switch with one case per type: this runs for
// every field of every record.
inline std::optional<double> ReadValue(const std::uint8_t* p, BaseType type, bool big_endian) {
  switch (type) {
    case BaseType::kEnum:
    case BaseType::kUint8:
    case BaseType::kByte:
      if (p[0] == 0xFF) return std::nullopt;
      return p[0];
    case BaseType::kSint8: {
      const auto v = static_cast<std::int8_t>(p[0]);
      if (v == 0x7F) return std::nullopt;
      return v;
    }
    case BaseType::kSint16: {
      const auto v = static_cast<std::int16_t>(Load<std::uint16_t>(p, big_endian));
      if (v == 0x7FFF) return std::nullopt;
      return v;
    }
    case BaseType::kUint16: {
      const auto v = Load<std::uint16_t>(p, big_endian);
      if (v == 0xFFFF) return std::nullopt;
      return v;
    }
    case BaseType::kSint32: {
      const auto v = static_cast<std::int32_t>(Load<std::uint32_t>(p, big_endian));
      if (v == 0x7FFFFFFF) return std::nullopt;
      return v;
    }
    case BaseType::kUint32: {
      const auto v = Load<std::uint32_t>(p, big_endian);
      if (v == 0xFFFFFFFFu) return std::nullopt;
      return v;
    }
    case BaseType::kFloat32: {
      const auto bits = Load<std::uint32_t>(p, big_endian);
      if (bits == 0xFFFFFFFFu) return std::nullopt;
      const auto value = std::bit_cast<float>(bits);
      if (!std::isfinite(value)) return std::nullopt;
      return value;
    }
    case BaseType::kFloat64: {
      const auto bits = Load<std::uint64_t>(p, big_endian);
      if (bits == ~std::uint64_t{0}) return std::nullopt;
      const auto value = std::bit_cast<double>(bits);
      if (!std::isfinite(value)) return std::nullopt;
      return value;
    }
    case BaseType::kUint8z:
      if (p[0] == 0) return std::nullopt;
      return p[0];
    case BaseType::kUint16z: {
      const auto v = Load<std::uint16_t>(p, big_endian);
      if (v == 0) return std::nullopt;
      return v;
    }
    case BaseType::kUint32z: {
      const auto v = Load<std::uint32_t>(p, big_endian);
      if (v == 0) return std::nullopt;
      return v;
    }
    case BaseType::kSint64: {
      const auto v = static_cast<std::int64_t>(Load<std::uint64_t>(p, big_endian));
      if (v == 0x7FFFFFFFFFFFFFFF) return std::nullopt;
      return static_cast<double>(v);
    }
    case BaseType::kUint64: {
      const auto v = Load<std::uint64_t>(p, big_endian);
      if (v == ~std::uint64_t{0}) return std::nullopt;
      return static_cast<double>(v);
    }
    case BaseType::kUint64z: {
      const auto v = Load<std::uint64_t>(p, big_endian);
      if (v == 0) return std::nullopt;
      return static_cast<double>(v);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace backstride::fit

#endif  // BACKSTRIDE_ACTIVITY_FIT_BYTES_H_
