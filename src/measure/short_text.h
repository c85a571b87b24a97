#pragma once
// Equality of short strings (codes, field names, enum ids: a few to twenty bytes) with word loads.
// operator== on string_view calls memcmp, and on the hot path of ingest — a dozen comparisons per
// record — the call itself is what costs.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dxmon::measure {

inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  auto load8 = [](const char* s) {
    std::uint64_t v;
    std::memcpy(&v, s, 8);
    return v;
  };
  auto load4 = [](const char* s) {
    std::uint32_t v;
    std::memcpy(&v, s, 4);
    return v;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load8(p + i) != load8(q + i)) return false;
    return load8(p + n - 8) == load8(q + n - 8);
  }
  if (n >= 4) return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace dxmon::measure
