// The snapshot of a MeasurementState: everything the log would rebuild, in one file, so that opening
// a store of ten million dossiers does not mean replaying them.
//
// Layout: a 64-byte header (offsets, sizes, the digest of the rest), the small part (ingested files,
// probes, dictionaries, counters, touched marks), then the dedup table and the procedure cells as
// they are in memory, each starting on a page. Loading maps the file read-only: the dedup table is
// used in place as the base layer of DossierTable (dossier_table.h), the rest is copied out. (A
// copy-on-write mapping used directly costs a page fault and a copy for every page an ingest
// changes: on the virtual machines measured about 20 µs each, 1,4 s for 100.000 records into a
// store of ten million; filling fresh memory with the table costs more than reading it.)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "measure/hash.h"
#include "measure/measurement_state.h"

namespace dxmon::measure {
namespace {

// Version 4: the dedup table may have any number of slots (dossier_table.h); a snapshot of an
// earlier version is not loaded (the log is replayed instead).
constexpr std::uint64_t kSnapshotMagic = 0x35504e534d584444ULL;  // "DDXMSNP5" (5: the digest is XXH3)
constexpr std::uint64_t kPage = 4096;

struct SnapshotHeader {
  std::uint64_t magic;
  std::uint64_t small_bytes;   // the small part, from byte 64
  std::uint64_t slots_offset;  // the dedup table (page-aligned)
  std::uint64_t slots;         // its number of slots
  std::uint64_t cells_offset;  // the procedure cells (page-aligned)
  std::uint64_t cells;         // their number of slots
  std::uint64_t digest;        // bulk_hash of every byte after the header
  std::uint64_t header_check;  // hash64 of the 56 bytes before it
};
static_assert(sizeof(SnapshotHeader) == 64);

std::uint64_t round_up(std::uint64_t n) { return (n + kPage - 1) / kPage * kPage; }

template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_string(std::string& out, const std::string& s) {
  put(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

// Reads the small part; `ok` turns false at the first value that runs past its end.
struct SmallReader {
  const char* p;
  const char* end;
  bool ok = true;
  template <typename T>
  T get() {
    T v{};
    if (static_cast<std::size_t>(end - p) < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
  }
  std::string get_string() {
    auto n = get<std::uint32_t>();
    if (!ok || static_cast<std::size_t>(end - p) < n) {
      ok = false;
      return {};
    }
    std::string s(p, n);
    p += n;
    return s;
  }
};

void write_all(int fd, const void* data, std::size_t n, std::uint64_t offset) {
  const auto* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = ::pwrite(fd, p, n, static_cast<off_t>(offset));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) throw std::runtime_error(std::string("không ghi được ảnh chụp trạng thái: ") + std::strerror(errno));
    p += w;
    n -= static_cast<std::size_t>(w);
    offset += static_cast<std::uint64_t>(w);
  }
}

bool power_of_two(std::uint64_t n) { return n && !(n & (n - 1)); }


// Writes `n` bytes of page-aligned `data` at `offset` (a page boundary) and zeros up to the next
// page: the whole pages from where they lie, the last partial one through `tail` (one page).
void write_pages(int fd, const void* data, std::size_t n, std::uint64_t offset, char* tail) {
  const auto* p = static_cast<const char*>(data);
  const std::size_t whole = n / kPage * kPage;
  write_all(fd, p, whole, offset);
  if (whole == n) return;
  std::memcpy(tail, p + whole, n - whole);
  std::memset(tail + (n - whole), 0, kPage - (n - whole));
  write_all(fd, tail, kPage, offset + whole);
}

// Writes the file: header last, once the digest of the rest is known. The file is opened with
// O_DIRECT and every write is of whole pages from page-aligned memory (the table and the cells
// are PageArrays): the 400 MB of a ten-million-dossier state go to the disk without being copied
// into the page cache, which took longer than the observations and the store together, beside
// which it runs (bench/RESULTS.md). Where the file system refuses direct I/O (tmpfs before Linux
// 6.6) the same writes go through the cache.
void write_snapshot_file(const std::string& path, const std::string& small, const DossierState* slots,
                         std::size_t slot_count, const PageArray<FlatMap64<ProcedureCell>::Slot>& cells) {
  SnapshotHeader h{};
  h.magic = kSnapshotMagic;
  h.small_bytes = small.size();
  h.slots_offset = round_up(sizeof h + small.size());
  h.slots = slot_count;
  const std::size_t slots_bytes = slot_count * sizeof(DossierState);
  h.cells_offset = h.slots_offset + round_up(slots_bytes);
  h.cells = cells.size();

  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_DIRECT, 0644);
  if (fd < 0 && errno == EINVAL) fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("không tạo được " + tmp);
  try {
    PageArray<char> head(h.slots_offset);  // the header and the small part with its zero padding
    PageArray<char> tail(kPage);
    std::memcpy(head.data() + sizeof h, small.data(), small.size());
    StreamHash hash;
    hash.update(head.data() + sizeof h, head.size() - sizeof h);
    hash.update(slots, slots_bytes);
    static const char zeros[kPage] = {};
    hash.update(zeros, round_up(slots_bytes) - slots_bytes);  // the table's padding
    hash.update(cells.data(), cells.size() * sizeof(cells[0]));
    write_pages(fd, slots, slots_bytes, h.slots_offset, tail.data());
    write_pages(fd, cells.data(), cells.size() * sizeof(cells[0]), h.cells_offset, tail.data());
    h.digest = hash.digest();
    h.header_check = hash64(&h, offsetof(SnapshotHeader, header_check));
    std::memcpy(head.data(), &h, sizeof h);
    write_all(fd, head.data(), head.size(), 0);
    if (::close(fd) != 0) {
      fd = -1;
      throw std::runtime_error("không ghi được ảnh chụp trạng thái " + tmp);
    }
  } catch (...) {
    if (fd >= 0) ::close(fd);
    std::remove(tmp.c_str());
    throw;
  }
  // Rename is atomic; the snapshot is not fsync'ed because its digest catches a torn one after a
  // power loss, and the log can always rebuild it.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error("không đổi tên được " + tmp);
}

}  // namespace

void MeasurementState::write_snapshot(const std::string& path, std::uint32_t last_segment) const {
  std::string small;
  put(small, last_segment);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ing(ingested_.begin(), ingested_.end());
  std::sort(ing.begin(), ing.end());
  put(small, static_cast<std::uint64_t>(ing.size()));
  for (const auto& [h, seg] : ing) {
    put(small, h);
    put(small, seg);
  }
  std::vector<std::uint64_t> probes(probes_.begin(), probes_.end());
  std::sort(probes.begin(), probes.end());
  put(small, static_cast<std::uint64_t>(probes.size()));
  for (std::uint64_t p : probes) put(small, p);
  put(small, static_cast<std::uint64_t>(agencies_.size()));
  for (std::size_t i = 0; i < agencies_.size(); ++i) put_string(small, agencies_.at(static_cast<int>(i)).code);
  put(small, static_cast<std::uint64_t>(procedures_.size()));
  for (std::size_t i = 0; i < procedures_.size(); ++i) put_string(small, procedures_.at(static_cast<std::uint32_t>(i)));
  put(small, static_cast<std::uint64_t>(dossiers_.size()));
  put(small, static_cast<std::uint64_t>(cells_.size()));
  put(small, static_cast<std::uint64_t>(agency_capacity_));
  small.append(reinterpret_cast<const char*>(counters_.data()), counters_.size() * sizeof(std::int64_t));
  small.append(reinterpret_cast<const char*>(touched_.data()), touched_.size());

  dossiers_.with_slots([&](const DossierState* slots, std::size_t slot_count) {
    write_snapshot_file(path, small, slots, slot_count, cells_.raw_slots());
  });
}

bool MeasurementState::read_snapshot(const std::string& path, std::uint32_t& last_segment) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  std::shared_ptr<MappedRegion> file;
  if (::fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(SnapshotHeader))) {
    // Read-only and populated: no page faults later, and no page is ever copied. Advised for huge
    // pages first: the snapshot is written with O_DIRECT, so the first open reads it from the disk,
    // and read ahead in 2 MiB folios it is mapped in a third of the time 4 KiB pages took (44 against
    // 120-200 ms for 400 MB, bench/RESULTS.md's incremental runs).
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_HUGEPAGE);
#ifdef MADV_POPULATE_READ
      ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_POPULATE_READ);  // refused before Linux 5.14: faulted in by the digest below
#endif
      file = std::make_shared<MappedRegion>(static_cast<const char*>(p), static_cast<std::size_t>(st.st_size));
    }
  }
  ::close(fd);
  if (!file) return false;
  const char* data = file->data();
  const std::uint64_t size = file->size();
  SnapshotHeader h;
  std::memcpy(&h, data, sizeof h);
  using CellSlot = FlatMap64<ProcedureCell>::Slot;
  const std::uint64_t slots_bytes = h.slots * sizeof(DossierState), cells_bytes = h.cells * sizeof(CellSlot);
  // Every byte after the header is hashed before anything is used.
  if (h.magic != kSnapshotMagic || h.header_check != hash64(&h, offsetof(SnapshotHeader, header_check)) ||
      h.slots < 1024 || !power_of_two(h.cells) || h.small_bytes > size ||
      h.slots_offset != round_up(sizeof h + h.small_bytes) || h.cells_offset != h.slots_offset + round_up(slots_bytes) ||
      h.cells_offset + cells_bytes != size || bulk_hash(data + sizeof h, size - sizeof h) != h.digest)
    return false;

  MeasurementState s;
  SmallReader r{data + sizeof h, data + sizeof h + h.small_bytes};
  last_segment = r.get<std::uint32_t>();
  auto n_ing = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_ing && r.ok; ++i) {
    auto file_hash = r.get<std::uint64_t>();
    s.ingested_[file_hash] = r.get<std::uint32_t>();
  }
  auto n_probes = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_probes && r.ok; ++i) s.probes_.insert(r.get<std::uint64_t>());
  auto n_ag = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_ag && r.ok; ++i) s.agencies_.add(r.get_string());
  auto n_proc = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_proc && r.ok; ++i) s.procedures_.intern(r.get_string());
  auto n_dossiers = r.get<std::uint64_t>();
  auto n_cells = r.get<std::uint64_t>();
  auto cap = r.get<std::uint64_t>();
  const std::uint64_t counters = cap * kMonthCount * kCounterCount, touched = cap * kMonthCount;
  if (!r.ok || cap != n_ag || n_dossiers > h.slots || n_cells > h.cells ||
      static_cast<std::uint64_t>(r.end - r.p) != counters * sizeof(std::int64_t) + touched)
    return false;
  s.agency_capacity_ = cap;
  s.counters_.assign(reinterpret_cast<const std::int64_t*>(r.p), reinterpret_cast<const std::int64_t*>(r.p) + counters);
  s.touched_.assign(r.p + counters * sizeof(std::int64_t), r.p + counters * sizeof(std::int64_t) + touched);
  PageArray<CellSlot> cells(h.cells);
  std::memcpy(cells.data(), data + h.cells_offset, cells_bytes);
  s.cells_.assign_raw(std::move(cells), n_cells);
  s.dossiers_.assign_base(file, reinterpret_cast<const DossierState*>(data + h.slots_offset), h.slots, n_dossiers);
  *this = std::move(s);
  return true;
}

}  // namespace dxmon::measure
