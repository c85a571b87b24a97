#include "core/unit.h"

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
