#pragma once
// The agencies (cơ quan) that send dossier records: a dictionary of unit codes with stable indices
// (kept in the engine's state) and, for codes that are units of the catalogue, their validity dates,
// so a record from an agency that does not exist on the received date is rejected.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"

namespace dxmon::measure {

struct AgencyInfo {
  std::string code;
  std::uint64_t seed = 0;  // hash of the code: seeds dossier keys, so ids are unique per agency
  bool known = false;      // a unit of the catalogue (records from other codes are rejected)
  std::int64_t valid_from_day = INT64_MIN;  // days since 2000-01-01, inclusive
  std::int64_t valid_to_day = INT64_MAX;
  UnitKind kind = UnitKind::Other;
};

class AgencyTable {
 public:
  // Index of `code`, or -1.
  int find(std::string_view code) const;
  // Adds `code` if new; returns its index. Indices never change once given.
  int add(std::string_view code);
  // Marks the units of the catalogue known (adding their codes), with validity and kind.
  void set_catalogue(const std::vector<ReportingUnit>& units);
  const AgencyInfo& at(int index) const { return agencies_[static_cast<std::size_t>(index)]; }
  std::size_t size() const { return agencies_.size(); }

 private:
  void rehash();
  std::vector<AgencyInfo> agencies_;
  std::vector<int> slots_;  // open addressing over code hashes; -1 empty
};

}  // namespace dxmon::measure
