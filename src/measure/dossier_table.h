#pragma once
// The dedup table: the latest state of every dossier, keyed by DossierState::key (open addressing,
// linear probing from slot ⌊key × slots / 2⁶⁴⌋, so any number of slots will do; 24 bytes a slot,
// load ≤ 3/4, in huge pages).
//
// It has two layers. The base is the table of the snapshot the state was loaded from, used in place
// in a read-only mapping of the file; the own layer holds every dossier added or changed since
// (all of them when there was no snapshot). A dossier of the base that changes is copied into the
// own layer first, which then shadows it. So opening a store of ten million dossiers maps the
// snapshot instead of filling 400 MB of fresh memory, and an ingest of a hundred thousand records
// touches only the pages it reads: fresh memory and copy-on-write faults are what cost most on the
// virtual machines measured (bench/RESULTS.md).
#include <cstdint>
#include <memory>

#include "measure/dossier_record.h"
#include "measure/page_array.h"

namespace dxmon::measure {

// A file region mapped read-only (and populated), unmapped when the last user lets it go.
class MappedRegion {
 public:
  MappedRegion(const char* data, std::size_t size) : data_(data), size_(size) {}
  ~MappedRegion();
  MappedRegion(const MappedRegion&) = delete;
  MappedRegion& operator=(const MappedRegion&) = delete;
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  const char* data_;
  std::size_t size_;
};

class DossierTable {
 public:
  DossierTable();
  // Makes room for `more` records (each adds at most one dossier to the own layer) without growing.
  void reserve_more(std::size_t more);
  // The slot for `key` in the own layer: holding it (copied from the base if it was there) or empty
  // (then the caller fills it and calls inserted()). Call reserve_more() first.
  DossierState* slot(std::uint64_t key);
  void prefetch(std::uint64_t key) const {
    __builtin_prefetch(&own_[home(key, own_.size())]);
    if (base_) __builtin_prefetch(&base_[home(key, base_slots_)]);
  }
  // The slot where probing for `key` starts in a table of `slots` slots (keys are uniform hashes).
  static std::size_t home(std::uint64_t key, std::size_t slots) {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(key) * slots) >> 64);
  }
  void inserted() {
    ++own_used_;
    ++added_;
  }
  // Distinct dossiers, and the slots holding them (both layers: the benchmark's bytes per dossier).
  std::size_t size() const { return base_size_ + added_; }
  std::size_t capacity() const { return base_slots_ + own_.size(); }

  // For snapshots: the whole table as one slot array, and how many slots it has.
  template <typename F>
  void with_slots(F&& f) const;  // f(const DossierState* slots, std::size_t count)
  // Replaces the table with the base `slots` of a mapped snapshot.
  void assign_base(std::shared_ptr<MappedRegion> region, const DossierState* slots, std::size_t count,
                   std::size_t size);

  template <typename F>
  void for_each(F&& f) const {
    for (const auto& s : own_)
      if (s.key) f(s);
    for (std::size_t i = 0; i < base_slots_; ++i)
      if (base_[i].key && !own_find(base_[i].key)) f(base_[i]);
  }

 private:
  const DossierState* own_find(std::uint64_t key) const;
  PageArray<DossierState> merged() const;
  void grow_to(std::size_t slots);

  std::shared_ptr<MappedRegion> region_;  // keeps the base mapped
  const DossierState* base_ = nullptr;
  std::size_t base_slots_ = 0;
  std::size_t base_size_ = 0;
  PageArray<DossierState> own_;
  Prefault own_prefault_;  // declared after own_: waited for before own_ is unmapped
  std::size_t own_used_ = 0;  // occupied own slots (copies of base dossiers and added ones)
  std::size_t added_ = 0;     // dossiers not in the base
};

template <typename F>
void DossierTable::with_slots(F&& f) const {
  if (!base_) {
    f(own_.data(), own_.size());
    return;
  }
  PageArray<DossierState> all = merged();
  f(all.data(), all.size());
}

}  // namespace dxmon::measure
