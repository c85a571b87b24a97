#include "measure/agency_table.h"

#include <stdexcept>

#include "measure/dossier_record.h"
#include "measure/hash.h"
#include "measure/short_text.h"

namespace dxmon::measure {

int AgencyTable::find(std::string_view code) const {
  if (slots_.empty()) return -1;
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = quick_hash(code) & mask;; i = (i + 1) & mask) {
    int idx = slots_[i];
    if (idx < 0) return -1;
    if (same_text(agencies_[static_cast<std::size_t>(idx)].code, code)) return idx;
  }
}

int AgencyTable::add(std::string_view code) {
  int idx = find(code);
  if (idx >= 0) return idx;
  if (agencies_.size() >= 0xFFFE) throw std::runtime_error("quá 65.534 cơ quan gửi hồ sơ");
  AgencyInfo info;
  info.code = std::string(code);
  info.seed = hash64(code, 0x6478'6d6f'6eULL);
  agencies_.push_back(std::move(info));
  if (agencies_.size() * 2 > slots_.size()) {
    rehash();
  } else {
    std::size_t mask = slots_.size() - 1;
    std::size_t i = quick_hash(code) & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = static_cast<int>(agencies_.size() - 1);
  }
  return static_cast<int>(agencies_.size() - 1);
}

void AgencyTable::rehash() {
  std::size_t n = 64;
  while (n < agencies_.size() * 4) n *= 2;
  slots_.assign(n, -1);
  for (std::size_t k = 0; k < agencies_.size(); ++k) {
    std::size_t i = quick_hash(agencies_[k].code) & (n - 1);
    while (slots_[i] >= 0) i = (i + 1) & (n - 1);
    slots_[i] = static_cast<int>(k);
  }
}

void AgencyTable::set_catalogue(const std::vector<ReportingUnit>& units) {
  for (auto& a : agencies_) a.known = false;
  for (const auto& u : units) {
    if (u.kind == UnitKind::National) continue;  // the nation is a roll-up, not a sender
    auto& a = agencies_[static_cast<std::size_t>(add(u.code))];
    a.known = true;
    a.kind = u.kind;
    a.valid_from_day = u.valid_from ? days_from_civil(u.valid_from->year, static_cast<unsigned>(u.valid_from->month),
                                                      static_cast<unsigned>(u.valid_from->day))
                                     : INT64_MIN;
    a.valid_to_day = u.valid_to ? days_from_civil(u.valid_to->year, static_cast<unsigned>(u.valid_to->month),
                                                  static_cast<unsigned>(u.valid_to->day))
                                 : INT64_MAX;
  }
}

}  // namespace dxmon::measure
