#include "measure/dossier_table.h"

#include <sys/mman.h>

#include <cstring>

namespace dxmon::measure {
namespace {

int bits_of(std::size_t power_of_two) {
  int bits = 0;
  while ((std::size_t{1} << bits) < power_of_two) ++bits;
  return bits;
}

// Where `key` is or would go in `slots` (count a power of two, shift = 64 − log2 count).
template <typename Slots>
std::size_t probe(Slots& slots, std::size_t count, int shift, std::uint64_t key) {
  const std::size_t mask = count - 1;
  std::size_t i = key >> shift;
  while (slots[i].key != key && slots[i].key != 0) i = (i + 1) & mask;
  return i;
}

}  // namespace

MappedRegion::~MappedRegion() { ::munmap(const_cast<char*>(data_), size_); }

DossierTable::DossierTable() : own_(1024), own_shift_(64 - 10) {}

void DossierTable::reserve_more(std::size_t more) {
  std::size_t want = own_.size();
  while ((own_used_ + more) * 4 > want * 3) want *= 2;
  if (want > own_.size()) grow_to(want);
}

const DossierState* DossierTable::own_find(std::uint64_t key) const {
  const DossierState& s = own_[probe(own_, own_.size(), own_shift_, key)];
  return s.key ? &s : nullptr;
}

DossierState* DossierTable::slot(std::uint64_t key) {
  DossierState* s = &own_[probe(own_, own_.size(), own_shift_, key)];
  if (s->key == 0 && base_) {
    const DossierState& b = base_[probe(base_, base_slots_, base_shift_, key)];
    if (b.key) {
      *s = b;
      ++own_used_;
    }
  }
  return s;
}

void DossierTable::assign_base(std::shared_ptr<MappedRegion> region, const DossierState* slots, std::size_t count,
                               std::size_t size) {
  region_ = std::move(region);
  base_ = slots;
  base_slots_ = count;
  base_shift_ = 64 - bits_of(count);
  base_size_ = size;
  own_prefault_.wait();
  own_ = PageArray<DossierState>(1024);
  own_shift_ = 64 - 10;
  own_used_ = added_ = 0;
}

PageArray<DossierState> DossierTable::merged() const {
  std::size_t count = base_slots_;
  while (size() * 4 > count * 3) count *= 2;
  PageArray<DossierState> all(count);
  const int shift = 64 - bits_of(count);
  if (count == base_slots_) {
    std::memcpy(all.data(), base_, count * sizeof(DossierState));  // same layout: no rehash
  } else {
    for (std::size_t i = 0; i < base_slots_; ++i)
      if (base_[i].key) all[probe(all, count, shift, base_[i].key)] = base_[i];
  }
  for (const auto& s : own_)
    if (s.key) all[probe(all, count, shift, s.key)] = s;
  return all;
}

void DossierTable::grow_to(std::size_t n) {
  own_prefault_.wait();
  PageArray<DossierState> old(n);
  old.swap(own_);
  // A table sized up front for a big file is filled over the whole ingest: its pages are faulted
  // in beside it (fresh memory is slow on virtual machines: bench/RESULTS.md).
  if (own_used_ == 0 && n * sizeof(DossierState) >= (64u << 20))
    own_prefault_ = Prefault(own_.data(), n * sizeof(DossierState));
  own_shift_ = 64 - bits_of(n);
  for (const auto& s : old)
    if (s.key) own_[probe(own_, own_.size(), own_shift_, s.key)] = s;
}

}  // namespace dxmon::measure
