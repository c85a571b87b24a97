#pragma once
// A minimal open-addressing hash map from 64-bit keys to small values (linear probing, no erase):
// the per-procedure cells are looked up once or twice per record, so std::unordered_map's node
// allocation and pointer chasing are worth avoiding.
#include <cstdint>
#include <utility>
#include <vector>

namespace dxmon::measure {

template <typename V>
class FlatMap64 {
 public:
  FlatMap64() { slots_.resize(1024); }

  V& operator[](std::uint64_t key) {
    std::uint64_t stored = key + 1;  // 0 marks an empty slot
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(stored) & mask;; i = (i + 1) & mask) {
      auto& s = slots_[i];
      if (s.first == stored) return s.second;
      if (s.first == 0) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {
          grow();
          return (*this)[key];
        }
        s.first = stored;
        ++size_;
        return s.second;
      }
    }
  }
  const V* find(std::uint64_t key) const {
    std::uint64_t stored = key + 1;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(stored) & mask;; i = (i + 1) & mask) {
      const auto& s = slots_[i];
      if (s.first == stored) return &s.second;
      if (s.first == 0) return nullptr;
    }
  }
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& s : slots_)
      if (s.first) f(s.first - 1, s.second);
  }
  std::size_t size() const { return size_; }
  // Raw storage, for snapshots (the layout is the state: no rehash on load).
  std::vector<std::pair<std::uint64_t, V>>& raw_slots() { return slots_; }
  std::size_t& raw_size() { return size_; }
  void clear() {
    slots_.assign(1024, {});
    size_ = 0;
  }

 private:
  static std::size_t mix(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return static_cast<std::size_t>(k);
  }
  void grow() {
    std::vector<std::pair<std::uint64_t, V>> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (auto& s : old) {
      if (!s.first) continue;
      std::size_t i = mix(s.first) & mask;
      while (slots_[i].first) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<std::pair<std::uint64_t, V>> slots_;
  std::size_t size_ = 0;
};

}  // namespace dxmon::measure
