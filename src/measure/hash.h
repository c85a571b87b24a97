#pragma once
// A fast 64-bit content hash (the xxHash64 algorithm, written from its public specification). Used
// for dossier keys and to recognise a file that was already ingested; not cryptographic.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dxmon::measure {

std::uint64_t hash64(const void* data, std::size_t size, std::uint64_t seed = 0);
inline std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0) { return hash64(s.data(), s.size(), seed); }

// A quick hash for the slots of the in-memory dictionaries (agency and procedure codes of a few
// bytes, looked up for every record): two overlapping 8-byte loads and one 128-bit multiply. Never
// stored, so it may change between versions.
inline std::uint64_t quick_hash(std::string_view s) {
  const std::size_t n = s.size();
  if (n > 16) return hash64(s);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::uint64_t a = 0, b = 0;
  if (n >= 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    a = x;
    b = y;
  } else if (n > 0) {
    a = static_cast<std::uint64_t>(p[0]) | static_cast<std::uint64_t>(p[n / 2]) << 8 |
        static_cast<std::uint64_t>(p[n - 1]) << 16;
  }
  const unsigned __int128 m = static_cast<unsigned __int128>(a ^ 0x9E3779B97F4A7C15ULL) * (b ^ n ^ 0xC2B2AE3D27D4EB4FULL);
  return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
}

// Incremental form for streams read in pieces (the same result as hash64 over the concatenation).
class StreamHash {
 public:
  explicit StreamHash(std::uint64_t seed = 0);
  void update(const void* data, std::size_t size);
  std::uint64_t digest() const;

 private:
  std::uint64_t v_[4];
  std::uint64_t seed_;
  std::uint64_t total_ = 0;
  unsigned char buf_[32];
  std::size_t buffered_ = 0;
};

}  // namespace dxmon::measure
