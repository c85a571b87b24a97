#pragma once
// Procedure codes (mã thủ tục) interned to small indices: the dedup table and the cells keep the
// index. The parsing threads intern as they go, so a record reaches the applying thread as its
// 24-byte state alone: each parsing thread keeps a ProcedureCache and takes the dictionary's lock
// only for a code it has not seen yet (a few thousand codes in all).
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "measure/hash.h"

namespace dxmon::measure {

class ProcedureDictionary {
 public:
  ProcedureDictionary() = default;
  // Moves the codes, not the lock (a dictionary is moved only while nobody interns).
  ProcedureDictionary(ProcedureDictionary&& o) noexcept;
  ProcedureDictionary& operator=(ProcedureDictionary&& o) noexcept;

  // The index of `code`, added if new; `hash` = quick_hash(code). Safe from several threads.
  std::uint32_t intern(std::string_view code, std::uint64_t hash);
  std::uint32_t intern(std::string_view code) { return intern(code, quick_hash(code)); }
  // Not while another thread interns.
  const std::string& at(std::uint32_t i) const { return codes_[i]; }
  std::size_t size() const { return codes_.size(); }

 private:
  std::mutex mutex_;
  std::deque<std::string> codes_;     // a deque: interning never moves a code
  std::vector<std::uint32_t> slots_;  // index + 1; 0 empty
  std::vector<std::uint64_t> hashes_;
};

// One parsing thread's memory of the codes it has interned.
class ProcedureCache {
 public:
  std::uint32_t intern(std::string_view code, ProcedureDictionary& dictionary);

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::uint32_t index = 0;
    std::string code;
  };
  std::vector<Entry> slots_;  // open addressing; an empty code marks a free slot
  std::size_t used_ = 0;
};

}  // namespace dxmon::measure
