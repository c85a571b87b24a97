#include "measure/procedure_dictionary.h"

#include "measure/short_text.h"

namespace dxmon::measure {

ProcedureDictionary::ProcedureDictionary(ProcedureDictionary&& o) noexcept
    : codes_(std::move(o.codes_)), slots_(std::move(o.slots_)), hashes_(std::move(o.hashes_)) {}

ProcedureDictionary& ProcedureDictionary::operator=(ProcedureDictionary&& o) noexcept {
  codes_ = std::move(o.codes_);
  slots_ = std::move(o.slots_);
  hashes_ = std::move(o.hashes_);
  return *this;
}

std::uint32_t ProcedureDictionary::intern(std::string_view code, std::uint64_t h) {
  std::lock_guard lock(mutex_);
  if (slots_.empty()) slots_.assign(1024, 0);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    std::uint32_t v = slots_[i];
    if (v == 0) break;
    if (hashes_[v - 1] == h && same_text(codes_[v - 1], code)) return v - 1;
  }
  codes_.emplace_back(code);
  hashes_.push_back(h);
  slots_[i] = static_cast<std::uint32_t>(codes_.size());
  if (codes_.size() * 2 > slots_.size()) {
    slots_.assign(slots_.size() * 2, 0);
    mask = slots_.size() - 1;
    for (std::size_t k = 0; k < codes_.size(); ++k) {
      std::size_t j = hashes_[k] & mask;
      while (slots_[j]) j = (j + 1) & mask;
      slots_[j] = static_cast<std::uint32_t>(k + 1);
    }
  }
  return static_cast<std::uint32_t>(codes_.size() - 1);
}

std::uint32_t ProcedureCache::intern(std::string_view code, ProcedureDictionary& dictionary) {
  const std::uint64_t h = quick_hash(code);
  if (slots_.empty()) slots_.resize(1024);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  for (; !slots_[i].code.empty(); i = (i + 1) & mask)
    if (slots_[i].hash == h && same_text(slots_[i].code, code)) return slots_[i].index;
  const std::uint32_t index = dictionary.intern(code, h);
  if (code.empty()) return index;  // an empty code cannot be cached (it marks free slots); never valid anyway
  slots_[i] = {h, index, std::string(code)};
  if (++used_ * 2 > slots_.size()) {
    std::vector<Entry> old(slots_.size() * 2);
    old.swap(slots_);
    mask = slots_.size() - 1;
    for (auto& e : old) {
      if (e.code.empty()) continue;
      std::size_t j = e.hash & mask;
      while (!slots_[j].code.empty()) j = (j + 1) & mask;
      slots_[j] = std::move(e);
    }
  }
  return index;
}

}  // namespace dxmon::measure
