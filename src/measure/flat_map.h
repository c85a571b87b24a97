#pragma once
// A minimal open-addressing hash map from 64-bit keys to small values (linear probing, no erase):
// the per-procedure cells are looked up once or twice per record, so std::unordered_map's node
// allocation and pointer chasing are worth avoiding. Slots live in a PageArray (huge pages).
#include <cstdint>
#include <utility>

#include "measure/page_array.h"

namespace dxmon::measure {

template <typename V>
class FlatMap64 {
 public:
  struct Slot {
    std::uint64_t key;  // key + 1; 0 marks an empty slot
    V value;
  };

  FlatMap64() : slots_(kInitial) {}

  V& operator[](std::uint64_t key) {
    std::uint64_t stored = key + 1;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(stored) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.key == stored) return s.value;
      if (s.key == 0) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {
          grow();
          return (*this)[key];
        }
        s.key = stored;
        ++size_;
        return s.value;
      }
    }
  }
  const V* find(std::uint64_t key) const {
    std::uint64_t stored = key + 1;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(stored) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == stored) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[mix(key + 1) & (slots_.size() - 1)]); }
  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key) f(s.key - 1, s.value);
  }
  std::size_t size() const { return size_; }
  // Makes room for `n` keys in all (load at most 3/4) in one step.
  void reserve(std::size_t n) {
    while (n * 4 > slots_.size() * 3) grow();
  }
  // Raw storage, for snapshots (the layout is the state: no rehash on load).
  const PageArray<Slot>& raw_slots() const { return slots_; }
  // Replaces the map with `slots` (a power of two in size) holding `size` keys.
  void assign_raw(PageArray<Slot> slots, std::size_t size) {
    slots_ = std::move(slots);
    size_ = size;
  }
  void clear() {
    slots_ = PageArray<Slot>(kInitial);
    size_ = 0;
  }

 private:
  static constexpr std::size_t kInitial = 1024;
  static std::size_t mix(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return static_cast<std::size_t>(k);
  }
  void grow() {
    PageArray<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.key) continue;
      std::size_t i = mix(s.key) & mask;
      while (slots_[i].key) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  PageArray<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace dxmon::measure
