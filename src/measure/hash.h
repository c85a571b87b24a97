#pragma once
// Hashes from the xxHash library (libxxhash), two kinds for two jobs; neither is cryptographic.
// - hash64 (XXH64): values that are stored and must keep their value from one version to the next,
//   each over a few bytes: dossier keys, agency seeds, a file's probe, block header checksums.
// - bulk_hash and StreamHash (XXH3): the many bytes of a file's content hash, a DATA block's checksum
//   and a snapshot's digest, where XXH3 runs at 1,6 times XXH64's speed (14,7 against 9,0 GB/s on
//   32 MiB here), a pass over gigabytes for every big ingest.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t as a complete type: StreamHash holds it by value
#include <xxhash.h>

namespace dxmon::measure {

inline std::uint64_t hash64(const void* data, std::size_t size, std::uint64_t seed = 0) {
  return XXH64(data, size, seed);
}
inline std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0) { return hash64(s.data(), s.size(), seed); }

inline std::uint64_t bulk_hash(const void* data, std::size_t size) { return XXH3_64bits(data, size); }
inline std::uint64_t bulk_hash(std::string_view s) { return bulk_hash(s.data(), s.size()); }

// bulk_hash of a stream read in pieces (the same result as over the concatenation). Copyable: a
// reader keeps a copy to go back to.
class StreamHash {
 public:
  StreamHash() { XXH3_64bits_reset(&state_); }
  void update(const void* data, std::size_t size) { XXH3_64bits_update(&state_, data, size); }
  std::uint64_t digest() const { return XXH3_64bits_digest(&state_); }

 private:
  XXH3_state_t state_;
};

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

}  // namespace dxmon::measure
