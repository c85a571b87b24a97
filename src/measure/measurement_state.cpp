#include "measure/measurement_state.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>

#include "measure/hash.h"

namespace dxmon::measure {

// ---- procedures ----

std::uint32_t ProcedureDictionary::intern(std::string_view code) {
  std::uint64_t h = hash64(code);
  if (slots_.empty()) slots_.assign(1024, 0);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    std::uint32_t v = slots_[i];
    if (v == 0) break;
    if (hashes_[v - 1] == h && codes_[v - 1] == code) return v - 1;
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

// ---- dossiers ----

DossierTable::DossierTable() : slots_(1024), shift_(64 - 10) {}

void DossierTable::reserve(std::size_t dossiers) {
  std::size_t want = slots_.size();
  while (dossiers * 4 > want * 3) want *= 2;
  while (want > slots_.size()) grow();
}

DossierState* DossierTable::slot(std::uint64_t key) {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = key >> shift_;; i = (i + 1) & mask) {
    DossierState& s = slots_[i];
    if (s.key == key || s.key == 0) return &s;
  }
}

void DossierTable::inserted() {
  if (++size_ * 4 > slots_.size() * 3) grow();
}

void DossierTable::grow() {
  std::vector<DossierState> old(slots_.size() * 2);
  old.swap(slots_);
  --shift_;
  std::size_t mask = slots_.size() - 1;
  for (const auto& s : old) {
    if (!s.key) continue;
    std::size_t i = s.key >> shift_;
    while (slots_[i].key) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

// ---- state ----

MeasurementState::MeasurementState() = default;

void MeasurementState::ensure_agency_capacity() {
  if (agencies_.size() <= agency_capacity_) return;
  agency_capacity_ = agencies_.size();
  counters_.resize(agency_capacity_ * kMonthCount * kCounterCount, 0);
  touched_.resize(agency_capacity_ * kMonthCount, 0);
}

void MeasurementState::contribute(const DossierState& s, int sign) {
  std::int64_t* c = &counters_[(static_cast<std::size_t>(s.agency) * kMonthCount + s.received_month) * kCounterCount];
  const std::uint16_t f = s.flags;
  const bool online = channel_of(f) == Channel::Online;
  const ServiceLevel level = level_of(f);
  c[kReceived] += sign;
  c[kOnlineChannel] += online ? sign : 0;
  if (level != ServiceLevel::NotOnline) {
    c[kOnlineLevel] += sign;
    c[kOnlineLevelOnline] += online ? sign : 0;
  }
  if (f & flag::kFeeBearing) c[kFeeBearing] += sign;
  if (f & flag::kPaidOnline) c[kPaidOnline] += sign;
  if (f & flag::kDossierDigitised) c[kDossierDigitised] += sign;
  mark(s.agency, s.received_month);
  if (f & flag::kCompleted) {
    std::int64_t* d =
        &counters_[(static_cast<std::size_t>(s.agency) * kMonthCount + s.completed_month) * kCounterCount];
    d[kCompleted] += sign;
    if (f & flag::kOnTime) d[kOnTime] += sign;
    if (f & flag::kResultDigitised) d[kResultDigitised] += sign;
    if (int r = rating_of(f)) {
      d[kRated] += sign;
      d[kRatingSum] += sign * r;
      if (r >= 4) d[kSatisfied] += sign;
    }
    mark(s.agency, s.completed_month);
  }
  ProcedureCell& cell = cells_[cell_key(s.agency, s.procedure, s.received_month)];
  auto add = [sign](std::uint32_t& v) { v = static_cast<std::uint32_t>(static_cast<std::int64_t>(v) + sign); };
  add(cell.dossiers);
  if (level != ServiceLevel::NotOnline) {
    add(cell.online_level);
    if (online) add(cell.online_level_online);
    if (level == ServiceLevel::FullOnline) add(cell.full_online);
    else add(cell.partial_online);
  }
}

void MeasurementState::apply(std::vector<ParsedRecord>& records, ApplyTally& tally) {
  ensure_agency_capacity();
  // Interning first keeps the probe loop below free of string work.
  for (auto& r : records) r.state.procedure = procedures_.intern(r.procedure);
  dossiers_.reserve(dossiers_.size() + records.size());
  constexpr std::size_t kAhead = 16;  // prefetch distance: the table is far larger than the caches
  const std::size_t n = records.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) dossiers_.prefetch(records[i + kAhead].state.key);
    const DossierState& incoming = records[i].state;
    DossierState* slot = dossiers_.slot(incoming.key);
    if (slot->key == 0) {
      *slot = incoming;
      contribute(incoming, +1);
      dossiers_.inserted();
      ++tally.new_dossiers;
    } else if (incoming.updated >= slot->updated) {
      contribute(*slot, -1);
      *slot = incoming;
      contribute(incoming, +1);
      ++tally.replaced;
    } else {
      ++tally.stale;
    }
  }
}

void MeasurementState::restore(const DossierState& s) {
  ensure_agency_capacity();
  DossierState* slot = dossiers_.slot(s.key);
  if (slot->key == 0) {
    *slot = s;
    contribute(s, +1);
    dossiers_.inserted();
  }
}

void MeasurementState::touch_all() {
  ensure_agency_capacity();
  std::fill(touched_.begin(), touched_.end(), 1);
}

void MeasurementState::clear_touched() { std::fill(touched_.begin(), touched_.end(), 0); }

std::uint64_t MeasurementState::fingerprint() const {
  // Counters by agency code, then cells by (agency code, procedure code, month), in sorted order.
  std::map<std::string, std::vector<std::int64_t>> by_agency;
  for (std::size_t a = 0; a < agency_capacity_; ++a) {
    const std::int64_t* begin = &counters_[a * kMonthCount * kCounterCount];
    std::vector<std::int64_t> v(begin, begin + kMonthCount * kCounterCount);
    if (std::any_of(v.begin(), v.end(), [](std::int64_t x) { return x != 0; }))
      by_agency[agencies_.at(static_cast<int>(a)).code] = std::move(v);
  }
  std::map<std::string, std::vector<std::uint32_t>> by_cell;
  cells_.for_each([&](std::uint64_t key, const ProcedureCell& c) {
    if (!c.dossiers) return;
    std::string k = agencies_.at(static_cast<int>(key >> 48)).code + "|" +
                    procedures_.at(static_cast<std::uint32_t>((key >> 16) & 0xFFFFFFFF)) + "|" +
                    std::to_string(key & 0xFFFF);
    by_cell[k] = {c.dossiers, c.online_level, c.full_online, c.partial_online, c.online_level_online};
  });
  StreamHash h;
  for (const auto& [code, v] : by_agency) {
    h.update(code.data(), code.size() + 1);
    h.update(v.data(), v.size() * sizeof(std::int64_t));
  }
  for (const auto& [k, v] : by_cell) {
    h.update(k.data(), k.size() + 1);
    h.update(v.data(), v.size() * sizeof(std::uint32_t));
  }
  std::uint64_t n = dossiers_.size();
  h.update(&n, sizeof n);
  return h.digest();
}

}  // namespace dxmon::measure

// ---- snapshot ----

namespace dxmon::measure {
namespace {

constexpr std::uint64_t kSnapshotMagic = 0x31504e534d584444ULL;  // "DDXMSNP1"

struct SnapshotWriter {
  std::FILE* f;
  StreamHash hash;
  void put(const void* p, std::size_t n) {
    if (n && std::fwrite(p, 1, n, f) != n) throw std::runtime_error("không ghi được ảnh chụp trạng thái");
    hash.update(p, n);
  }
  template <typename T>
  void put_value(const T& v) { put(&v, sizeof v); }
  void put_string(const std::string& s) {
    put_value(static_cast<std::uint32_t>(s.size()));
    put(s.data(), s.size());
  }
};

struct SnapshotReader {
  const char* p;
  const char* end;
  bool ok = true;
  void get(void* out, std::size_t n) {
    if (static_cast<std::size_t>(end - p) < n) {
      ok = false;
      return;
    }
    std::memcpy(out, p, n);
    p += n;
  }
  template <typename T>
  T get_value() {
    T v{};
    get(&v, sizeof v);
    return v;
  }
  std::string get_string() {
    auto n = get_value<std::uint32_t>();
    if (!ok || static_cast<std::size_t>(end - p) < n) {
      ok = false;
      return {};
    }
    std::string s(p, n);
    p += n;
    return s;
  }
};

}  // namespace

void MeasurementState::write_snapshot(const std::string& path, std::uint32_t last_segment) {
  std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::runtime_error("không tạo được " + tmp);
  std::vector<char> buffer(1 << 20);
  std::setvbuf(f, buffer.data(), _IOFBF, buffer.size());
  try {
    SnapshotWriter w{f, StreamHash()};
    w.put_value(kSnapshotMagic);
    w.put_value(last_segment);
    w.put_value(static_cast<std::uint64_t>(ingested_.size()));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ing(ingested_.begin(), ingested_.end());
    std::sort(ing.begin(), ing.end());
    for (const auto& [h, seg] : ing) {
      w.put_value(h);
      w.put_value(seg);
    }
    w.put_value(static_cast<std::uint64_t>(agencies_.size()));
    for (std::size_t i = 0; i < agencies_.size(); ++i) w.put_string(agencies_.at(static_cast<int>(i)).code);
    w.put_value(static_cast<std::uint64_t>(procedures_.size()));
    for (std::size_t i = 0; i < procedures_.size(); ++i) w.put_string(procedures_.at(static_cast<std::uint32_t>(i)));
    auto& slots = dossiers_.raw_slots();
    w.put_value(static_cast<std::uint64_t>(slots.size()));
    w.put_value(static_cast<std::int64_t>(dossiers_.raw_shift()));
    w.put_value(static_cast<std::uint64_t>(dossiers_.raw_size()));
    w.put(slots.data(), slots.size() * sizeof(DossierState));
    w.put_value(static_cast<std::uint64_t>(agency_capacity_));
    w.put(counters_.data(), counters_.size() * sizeof(std::int64_t));
    auto& cells = cells_.raw_slots();
    w.put_value(static_cast<std::uint64_t>(cells.size()));
    w.put_value(static_cast<std::uint64_t>(cells_.raw_size()));
    w.put(cells.data(), cells.size() * sizeof(cells[0]));
    std::uint64_t digest = w.hash.digest();
    if (std::fwrite(&digest, 1, sizeof digest, f) != sizeof digest || std::fclose(f) != 0)
      throw std::runtime_error("không ghi được ảnh chụp trạng thái " + tmp);
  } catch (...) {
    std::fclose(f);
    std::remove(tmp.c_str());
    throw;
  }
  // Rename is atomic; the snapshot is not fsync'ed because its checksum catches a torn one after a
  // power loss, and the log can always rebuild it.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error("không đổi tên được " + tmp);
}

bool MeasurementState::read_snapshot(const std::string& path, std::uint32_t& last_segment) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::vector<char> data;
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  if (size < static_cast<long>(sizeof(std::uint64_t) * 2)) {
    std::fclose(f);
    return false;
  }
  data.resize(static_cast<std::size_t>(size));
  bool read_ok = std::fread(data.data(), 1, data.size(), f) == data.size();
  std::fclose(f);
  if (!read_ok) return false;
  std::uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - sizeof stored, sizeof stored);
  if (hash64(data.data(), data.size() - sizeof stored) != stored) return false;

  SnapshotReader r{data.data(), data.data() + data.size() - sizeof stored};
  if (r.get_value<std::uint64_t>() != kSnapshotMagic) return false;
  MeasurementState s;
  last_segment = r.get_value<std::uint32_t>();
  auto n_ing = r.get_value<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_ing && r.ok; ++i) {
    auto h = r.get_value<std::uint64_t>();
    s.ingested_[h] = r.get_value<std::uint32_t>();
  }
  auto n_ag = r.get_value<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_ag && r.ok; ++i) s.agencies_.add(r.get_string());
  auto n_proc = r.get_value<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_proc && r.ok; ++i) s.procedures_.intern(r.get_string());
  auto n_slots = r.get_value<std::uint64_t>();
  auto shift = r.get_value<std::int64_t>();
  auto n_dossiers = r.get_value<std::uint64_t>();
  if (!r.ok || n_slots == 0 || (n_slots & (n_slots - 1)) || (1ULL << (64 - shift)) != n_slots) return false;
  s.dossiers_.raw_slots().resize(n_slots);
  r.get(s.dossiers_.raw_slots().data(), n_slots * sizeof(DossierState));
  s.dossiers_.raw_shift() = static_cast<int>(shift);
  s.dossiers_.raw_size() = n_dossiers;
  auto cap = r.get_value<std::uint64_t>();
  if (!r.ok || cap != n_ag) return false;
  s.agency_capacity_ = cap;
  s.counters_.resize(cap * kMonthCount * kCounterCount);
  r.get(s.counters_.data(), s.counters_.size() * sizeof(std::int64_t));
  s.touched_.assign(cap * kMonthCount, 0);
  auto n_cells = r.get_value<std::uint64_t>();
  auto cells_size = r.get_value<std::uint64_t>();
  if (!r.ok || n_cells == 0 || (n_cells & (n_cells - 1))) return false;
  s.cells_.raw_slots().resize(n_cells);
  r.get(s.cells_.raw_slots().data(), n_cells * sizeof(s.cells_.raw_slots()[0]));
  s.cells_.raw_size() = cells_size;
  if (!r.ok || r.p != r.end) return false;
  *this = std::move(s);
  return true;
}

}  // namespace dxmon::measure
