#pragma once
// A small table-driven mapping between enum values and their stable ids (used in files and the
// store). One helper serves every enum so that each mapping is a table, not a switch.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace dxmon::detail {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::string_view name_of(const EnumNames<E, N>& names, E value) {
  for (const auto& [v, n] : names)
    if (v == value) return n;
  return {};
}

template <typename E, std::size_t N>
std::optional<E> value_of(const EnumNames<E, N>& names, std::string_view id) {
  for (const auto& [v, n] : names)
    if (n == id) return v;
  return std::nullopt;
}

}  // namespace dxmon::detail
