// Stable text ids for enums: one table per enum drives both directions, so an id is
// written once and the two directions cannot disagree. The ids are wire and storage
// forms (answers files, the database, the API); they never change once released.
//
//   constexpr std::array<Named<Route>, 7> kRoutes = {{{Route::kNewRunner, "new_runner"}, ...}};
//   static_assert(InEnumOrder(kRoutes));  // then IdOf is an index, not a search
#ifndef BACKSTRIDE_BASE_ENUM_IDS_H_
#define BACKSTRIDE_BASE_ENUM_IDS_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace backstride {

template <typename Enum>
struct Named {
  Enum value;
  std::string_view id;
};

// True when entry i holds the enumerator with value i: every enumerator, in order.
template <typename Enum, std::size_t N>
constexpr bool InEnumOrder(const std::array<Named<Enum>, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  }
  return true;
}

// The id of `value`; the table must be InEnumOrder.
template <typename Enum, std::size_t N>
constexpr std::string_view IdOf(const std::array<Named<Enum>, N>& table, Enum value) {
  return table[static_cast<std::size_t>(value)].id;
}

// The enumerator whose id is `id`, or nullopt.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> FromId(const std::array<Named<Enum>, N>& table, std::string_view id) {
  for (const auto& entry : table) {
    if (entry.id == id) return entry.value;
  }
  return std::nullopt;
}

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_ENUM_IDS_H_
