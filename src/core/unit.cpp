#include "core/unit.h"

#include <algorithm>

#include "core/enum_names.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<UnitKind, 7> kKindIds{{
    {UnitKind::National, "national"},
    {UnitKind::Ministry, "ministry"},
    {UnitKind::MinistryLevelAgency, "ministry_level_agency"},
    {UnitKind::GovernmentAgency, "government_agency"},
    {UnitKind::Province, "province"},
    {UnitKind::CentralCity, "central_city"},
    {UnitKind::Other, "other"},
}};

constexpr detail::EnumNames<UnitKind, 7> kKindLabels{{
    {UnitKind::National, "Cả nước"},
    {UnitKind::Ministry, "Bộ"},
    {UnitKind::MinistryLevelAgency, "Cơ quan ngang bộ"},
    {UnitKind::GovernmentAgency, "Cơ quan thuộc Chính phủ"},
    {UnitKind::Province, "Tỉnh"},
    {UnitKind::CentralCity, "Thành phố trực thuộc trung ương"},
    {UnitKind::Other, "Cơ quan khác"},
}};

constexpr detail::EnumNames<UnitGroup, 4> kGroupIds{{
    {UnitGroup::Ministries, "bo_nganh"},
    {UnitGroup::Provinces, "dia_phuong"},
    {UnitGroup::MinistriesAndProvinces, "bo_nganh_dia_phuong"},
    {UnitGroup::Nation, "ca_nuoc"},
}};

constexpr detail::EnumNames<UnitGroup, 4> kGroupLabels{{
    {UnitGroup::Ministries, "bộ, ngành"},
    {UnitGroup::Provinces, "địa phương"},
    {UnitGroup::MinistriesAndProvinces, "bộ, ngành, địa phương"},
    {UnitGroup::Nation, "cả nước"},
}};

constexpr detail::EnumNames<SuccessionKind, 2> kSuccessionIds{{
    {SuccessionKind::Full, "full"},
    {SuccessionKind::Partial, "partial"},
}};

constexpr detail::EnumNames<SuccessionKind, 2> kSuccessionLabels{{
    {SuccessionKind::Full, "kế thừa"},
    {SuccessionKind::Partial, "chuyển giao một phần"},
}};

bool is_ministry_level(UnitKind k) {
  return k == UnitKind::Ministry || k == UnitKind::MinistryLevelAgency ||
         k == UnitKind::GovernmentAgency;
}
bool is_province_level(UnitKind k) { return k == UnitKind::Province || k == UnitKind::CentralCity; }

}  // namespace

std::string_view unit_kind_id(UnitKind k) { return detail::name_of(kKindIds, k); }
std::optional<UnitKind> parse_unit_kind(std::string_view id) { return detail::value_of(kKindIds, id); }
std::string_view unit_kind_label_vi(UnitKind k) { return detail::name_of(kKindLabels, k); }
std::string_view unit_group_id(UnitGroup g) { return detail::name_of(kGroupIds, g); }
std::optional<UnitGroup> parse_unit_group(std::string_view id) { return detail::value_of(kGroupIds, id); }
std::string_view unit_group_label_vi(UnitGroup g) { return detail::name_of(kGroupLabels, g); }
std::string_view succession_kind_id(SuccessionKind k) { return detail::name_of(kSuccessionIds, k); }
std::optional<SuccessionKind> parse_succession_kind(std::string_view id) {
  return detail::value_of(kSuccessionIds, id);
}
std::string_view succession_kind_label_vi(SuccessionKind k) { return detail::name_of(kSuccessionLabels, k); }

std::vector<const UnitSuccession*> full_successions_from(const std::vector<UnitSuccession>& links,
                                                         const std::string& code, const Date& on) {
  std::vector<const UnitSuccession*> out;
  std::vector<std::string> todo{code};
  // Bounded: a cycle in the data must not hang.
  for (std::size_t i = 0; i < todo.size() && i < 64; ++i)
    for (const auto& link : links)
      if (link.kind == SuccessionKind::Full && link.predecessor == todo[i] && link.date <= on &&
          std::find(out.begin(), out.end(), &link) == out.end()) {
        out.push_back(&link);
        todo.push_back(link.successor);
      }
  return out;
}

std::vector<const UnitSuccession*> partial_transfers_from(const std::vector<UnitSuccession>& links,
                                                          const std::string& code, const Date& on) {
  std::vector<const UnitSuccession*> out;
  for (const auto& link : links)
    if (link.kind == SuccessionKind::Partial && link.predecessor == code && link.date <= on) out.push_back(&link);
  return out;
}

// "bộ, ngành" are the ministries, ministry-level agencies and government agencies (the reports'
// denominator); "địa phương" are provinces and centrally-run cities.
bool unit_in_group(const ReportingUnit& u, UnitGroup g) {
  switch (g) {
    case UnitGroup::Ministries: return is_ministry_level(u.kind);
    case UnitGroup::Provinces: return is_province_level(u.kind);
    case UnitGroup::MinistriesAndProvinces: return is_ministry_level(u.kind) || is_province_level(u.kind);
    case UnitGroup::Nation: return u.kind == UnitKind::National;
  }
  return false;
}

}  // namespace dxmon
