#include "measure/dossier_table.h"

#include <sys/mman.h>

#include <cstring>

namespace dxmon::measure {
namespace {

constexpr std::size_t kInitialSlots = 1024;

// Where `key` is or would go in `slots`: linear probing from its home slot, wrapping at the end.
template <typename Slots>
std::size_t probe(Slots& slots, std::size_t count, std::uint64_t key) {
  std::size_t i = DossierTable::home(key, count);
  while (slots[i].key != key && slots[i].key != 0)
    if (++i == count) i = 0;
  return i;
}

// The slots that fill the huge pages holding at least `slots` of them: memory paid for anyway.
std::size_t whole_pages_of_slots(std::size_t slots) {
  return page_bytes(slots * sizeof(DossierState)) / sizeof(DossierState);
}

}  // namespace

MappedRegion::~MappedRegion() { ::munmap(const_cast<char*>(data_), size_); }

DossierTable::DossierTable() : own_(kInitialSlots) {}

void DossierTable::reserve_more(std::size_t more) {
  // Load at most 3/4. Grown in one step to what is asked for when that is more than double (a big
  // file sized up front from its length: 13,3 million slots for 10 million records rather than the
  // 16,8 million of the next power of two, 80 MB less memory to fill and to snapshot), otherwise
  // doubled, so that many small ingests do not rehash each time.
  const std::size_t need = (own_used_ + more) * 4 / 3 + 1;
  if (need <= own_.size()) return;
  grow_to(whole_pages_of_slots(std::max(need, own_.size() * 2)));
}

const DossierState* DossierTable::own_find(std::uint64_t key) const {
  const DossierState& s = own_[probe(own_, own_.size(), key)];
  return s.key ? &s : nullptr;
}

DossierState* DossierTable::slot(std::uint64_t key) {
  DossierState* s = &own_[probe(own_, own_.size(), key)];
  if (s->key == 0 && base_) {
    const DossierState& b = base_[probe(base_, base_slots_, key)];
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
  base_size_ = size;
  own_prefault_.wait();
  own_ = PageArray<DossierState>(kInitialSlots);
  own_used_ = added_ = 0;
}

PageArray<DossierState> DossierTable::merged() const {
  std::size_t count = base_slots_;
  while (size() * 4 > count * 3) count *= 2;
  PageArray<DossierState> all(count);
  if (count == base_slots_) {
    std::memcpy(all.data(), base_, count * sizeof(DossierState));  // same layout: no rehash
  } else {
    for (std::size_t i = 0; i < base_slots_; ++i)
      if (base_[i].key) all[probe(all, count, base_[i].key)] = base_[i];
  }
  for (const auto& s : own_)
    if (s.key) all[probe(all, count, s.key)] = s;
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
  for (const auto& s : old)
    if (s.key) own_[probe(own_, own_.size(), s.key)] = s;
}

}  // namespace dxmon::measure
