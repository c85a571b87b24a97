#pragma once
// A fast 64-bit content hash (the xxHash64 algorithm, written from its public specification). Used
// for dossier keys and to recognise a file that was already ingested; not cryptographic.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dxmon::measure {

std::uint64_t hash64(const void* data, std::size_t size, std::uint64_t seed = 0);
inline std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0) { return hash64(s.data(), s.size(), seed); }

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
