#include "measure/measurement_state.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>

#include "measure/hash.h"
#include "measure/short_text.h"

namespace dxmon::measure {

// ---- state ----

MeasurementState::MeasurementState() = default;

void MeasurementState::ensure_agency_capacity() {
  if (agencies_.size() <= agency_capacity_) return;
  agency_capacity_ = agencies_.size();
  counters_.resize(agency_capacity_ * kMonthCount * kCounterCount, 0);
  touched_.resize(agency_capacity_ * kMonthCount, 0);
}

namespace {

// The flag bits each part of a dossier's contribution depends on (see contribute()).
constexpr std::uint16_t kLevelAndChannel = flag::kLevelMask | flag::kChannelMask;
constexpr std::uint16_t kIntakeFlags = kLevelAndChannel | flag::kFeeBearing | flag::kPaidOnline | flag::kDossierDigitised;
constexpr std::uint16_t kCompletionFlags = flag::kCompleted | flag::kOnTime | flag::kResultDigitised | flag::kRatingMask;

bool same_intake(const DossierState& a, const DossierState& b) {
  return a.agency == b.agency && a.received_month == b.received_month && !((a.flags ^ b.flags) & kIntakeFlags);
}
bool same_completion(const DossierState& a, const DossierState& b) {
  return a.agency == b.agency && a.completed_month == b.completed_month && !((a.flags ^ b.flags) & kCompletionFlags);
}
bool same_cell(const DossierState& a, const DossierState& b) {
  return a.agency == b.agency && a.procedure == b.procedure && a.received_month == b.received_month &&
         !((a.flags ^ b.flags) & kLevelAndChannel);
}

}  // namespace

void MeasurementState::contribute(const DossierState& s, int sign) {
  add_intake(s, sign);
  add_completion(s, sign);
  add_cell(s, sign);
}

void MeasurementState::replace(DossierState& held, const DossierState& incoming) {
  // Only the parts whose fields changed are taken out and put back: most replacements are status
  // updates, which change the completion part alone, and the procedure cell is a cache miss in a
  // table of tens of MiB (a third of the apply's time went to parts that came out unchanged).
  if (!same_intake(held, incoming)) {
    add_intake(held, -1);
    add_intake(incoming, +1);
  }
  if (!same_completion(held, incoming)) {
    add_completion(held, -1);
    add_completion(incoming, +1);
  }
  if (!same_cell(held, incoming)) {
    add_cell(held, -1);
    add_cell(incoming, +1);
  }
  held = incoming;
}

// The three parts add 0 or ±1 by arithmetic on the flag bits rather than by branches: the flags of
// successive records are random, and mispredicted branches were most of these functions' time.
void MeasurementState::add_intake(const DossierState& s, int sign) {
  std::int64_t* c = &counters_[(static_cast<std::size_t>(s.agency) * kMonthCount + s.received_month) * kCounterCount];
  const std::uint16_t f = s.flags;
  const std::int64_t one = sign;
  const std::int64_t online = channel_of(f) == Channel::Online;
  const std::int64_t online_level = level_of(f) != ServiceLevel::NotOnline;
  c[kReceived] += one;
  c[kOnlineChannel] += one * online;
  c[kOnlineLevel] += one * online_level;
  c[kOnlineLevelOnline] += one * (online_level & online);
  c[kFeeBearing] += one * ((f & flag::kFeeBearing) != 0);
  c[kPaidOnline] += one * ((f & flag::kPaidOnline) != 0);
  c[kDossierDigitised] += one * ((f & flag::kDossierDigitised) != 0);
  mark(s.agency, s.received_month);
}

void MeasurementState::add_completion(const DossierState& s, int sign) {
  const std::uint16_t f = s.flags;
  if (!(f & flag::kCompleted)) return;
  std::int64_t* d = &counters_[(static_cast<std::size_t>(s.agency) * kMonthCount + s.completed_month) * kCounterCount];
  const std::int64_t one = sign;
  const std::int64_t rating = rating_of(f);
  d[kCompleted] += one;
  d[kOnTime] += one * ((f & flag::kOnTime) != 0);
  d[kResultDigitised] += one * ((f & flag::kResultDigitised) != 0);
  d[kRated] += one * (rating != 0);
  d[kRatingSum] += one * rating;
  d[kSatisfied] += one * (rating >= 4);
  mark(s.agency, s.completed_month);
}

void MeasurementState::add_cell(const DossierState& s, int sign) {
  const std::uint16_t f = s.flags;
  const std::uint32_t online = channel_of(f) == Channel::Online;
  const ServiceLevel level = level_of(f);
  const std::uint32_t full = level == ServiceLevel::FullOnline, partial = level == ServiceLevel::PartialOnline;
  ProcedureCell& cell = cells_[cell_key(s.agency, s.procedure, s.received_month)];
  // Unsigned arithmetic wraps, so adding the two's complement of 1 subtracts it.
  const auto one = static_cast<std::uint32_t>(sign);
  cell.dossiers += one;
  cell.online_level += one * (full | partial);
  cell.online_level_online += one * ((full | partial) & online);
  cell.full_online += one * full;
  cell.partial_online += one * partial;
}

void MeasurementState::apply(ParsedRecords& records, ApplyTally& tally) {
  ensure_agency_capacity();
  dossiers_.reserve_more(records.size());
  // Both tables are far larger than the caches: fetch the slots a few records ahead.
  constexpr std::size_t kAhead = 16;
  const std::size_t n = records.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) {
      const DossierState& ahead = records[i + kAhead].state;
      dossiers_.prefetch(ahead.key);
      cells_.prefetch(cell_key(ahead.agency, ahead.procedure, ahead.received_month));
    }
    const DossierState& incoming = records[i].state;
    DossierState* slot = dossiers_.slot(incoming.key);
    if (slot->key == 0) {
      *slot = incoming;
      contribute(incoming, +1);
      dossiers_.inserted();
      ++tally.new_dossiers;
    } else if (incoming.updated >= slot->updated) {
      replace(*slot, incoming);
      ++tally.replaced;
    } else {
      ++tally.stale;
    }
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
