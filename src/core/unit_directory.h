#pragma once
// Name resolution for reporting units: "TP. Hà Nội", "Hà Nội", "Ha Noi", "thành phố Hà Nội",
// "UBND tỉnh Quảng Ninh", "Bộ TT&TT" all resolve to one unit code. Matching ignores case,
// diacritics and punctuation; administrative prefixes (UBND, tỉnh, thành phố, TP) are optional.
// Names are resolved as of a date, because units merge (63 → 34 provinces on 1 July 2025).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"

namespace dxmon {

class UnitDirectory {
 public:
  explicit UnitDirectory(std::vector<ReportingUnit> units, std::vector<UnitSuccession> successions = {});
  // The successions the messages name (an import reads them after the units).
  void set_successions(std::vector<UnitSuccession> successions) { successions_ = std::move(successions); }

  // The code of the unit `name_or_code` names on `as_of`. A name of a unit no longer (or not yet)
  // in force still resolves when exactly one unit ever bore it: catalogue references to historic
  // units are legitimate. Use `require_valid` where a value for that date is being recorded.
  std::optional<std::string> resolve(std::string_view name_or_code, const Date& as_of,
                                     bool require_valid = false) const;

  // Why `name` did not resolve, in Vietnamese, with the closest names in force on `as_of`:
  // «không tìm thấy đơn vị "Ha Noii" — có phải là: Thành phố Hà Nội, …?». A unit no longer in
  // force (`require_valid`) names the units that took over from it and the functions transferred
  // in part; what to do about it is the caller's to say.
  std::string explain_failure(std::string_view name, const Date& as_of, bool require_valid = false) const;

  // The units in force on `on` that took over all of `code`'s duties (full successions, followed
  // through chains), as "Bộ Khoa học và Công nghệ (bo-khcn-2025, từ ngày 01/03/2025)".
  std::vector<std::string> successors_in_force(const std::string& code, const Date& on) const;
  // Functions of `code` transferred in part by `on`, as "quản lý nhà nước về báo chí sang Bộ Văn
  // hóa, Thể thao và Du lịch (bo-vhttdl, từ ngày 01/03/2025)".
  std::vector<std::string> partial_transfers(const std::string& code, const Date& on) const;

  // Up to `limit` official names closest to `name` among units in force on `as_of`.
  std::vector<std::string> suggestions(std::string_view name, const Date& as_of, std::size_t limit = 3) const;

  const ReportingUnit* find(std::string_view code) const;
  const std::vector<ReportingUnit>& units() const { return units_; }
  // Units of a group in force on `as_of`, ordered by Vietnamese collation of their names.
  std::vector<const ReportingUnit*> members(UnitGroup group, const Date& as_of) const;

 private:
  std::vector<const ReportingUnit*> candidates(std::string_view name) const;

  std::vector<ReportingUnit> units_;
  std::vector<UnitSuccession> successions_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_key_;  // folded name → units
};

// The folded matching key of a unit name with its administrative prefix removed:
// "UBND tỉnh Quảng Ninh" → "quang ninh", "TP. Hà Nội" → "ha noi", "Bộ TT&TT" → "bo tt tt".
std::string unit_name_key(std::string_view name);

}  // namespace dxmon
