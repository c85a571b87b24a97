#include "core/indicator_relation.h"

#include "core/enum_names.h"
#include "text/text.h"

namespace dxmon {

namespace {
constexpr detail::EnumNames<RelationKind, 5> kIds{{
    {RelationKind::SumOf, "sum_of"},
    {RelationKind::SameQuantity, "same_quantity"},
    {RelationKind::Cumulative, "cumulative"},
    {RelationKind::DenominatorGroup, "denominator_group"},
    {RelationKind::GroupPartition, "group_partition"},
}};
}  // namespace

std::string_view relation_kind_id(RelationKind k) { return detail::name_of(kIds, k); }
std::optional<RelationKind> parse_relation_kind(std::string_view id) { return detail::value_of(kIds, id); }

bool UnitSelection::contains(const ReportingUnit& u) const {
  if (group) return unit_in_group(u, *group);
  for (UnitKind k : kinds)
    if (u.kind == k) return true;
  return false;
}

std::string UnitSelection::label_vi() const {
  if (group) return std::string(unit_group_label_vi(*group));
  std::vector<std::string> words;
  for (UnitKind k : kinds) {
    std::string w(unit_kind_label_vi(k));
    // Labels start with an ASCII capital ("Bộ", "Cơ quan ngang bộ"); in a sentence they are lower case.
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') w[0] = static_cast<char>(w[0] - 'A' + 'a');
    words.push_back(std::move(w));
  }
  return text::join(words, ", ");
}

std::string unit_selection_id(const UnitSelection& s) {
  if (s.group) return std::string(unit_group_id(*s.group));
  std::vector<std::string> ids;
  for (UnitKind k : s.kinds) ids.emplace_back(unit_kind_id(k));
  return text::join(ids, ";");
}

std::string relation_key(const IndicatorRelation& r) {
  return std::string(relation_kind_id(r.kind)) + "|" + r.indicator + "|" + text::join(r.parts, ";");
}

std::optional<UnitSelection> parse_unit_selection(std::string_view text) {
  UnitSelection s;
  const auto words = text::split_list(text, ';');
  if (words.size() == 1)
    if (auto g = parse_unit_group(words[0])) {
      s.group = g;
      return s;
    }
  for (const auto& w : words) {
    auto k = parse_unit_kind(w);
    if (!k) return std::nullopt;
    s.kinds.push_back(*k);
  }
  if (s.kinds.empty()) return std::nullopt;
  return s;
}

std::optional<IndicatorRelation> relation_from_cells(std::string_view relation, std::string_view indicator,
                                                     std::string_view parts, std::string_view group,
                                                     std::string_view source, RelationFault& fault) {
  IndicatorRelation r;
  const std::string kind_text = text::squish(relation);
  auto kind = parse_relation_kind(kind_text);
  if (!kind) {
    fault = {"relation", "\"" + kind_text + "\" không phải là loại quan hệ",
             "hãy dùng sum_of, same_quantity, cumulative, denominator_group hoặc group_partition"};
    return std::nullopt;
  }
  r.kind = *kind;
  r.indicator = text::squish(indicator);
  if (r.indicator.empty()) {
    fault = {"indicator", "thiếu mã chỉ tiêu", "hãy ghi mã chỉ tiêu của tổng, của số liệu hoặc của tỷ lệ"};
    return std::nullopt;
  }
  r.parts = text::split_list(parts, ';');
  const bool needs_parts = r.kind == RelationKind::SumOf || r.kind == RelationKind::SameQuantity ||
                           r.kind == RelationKind::GroupPartition;
  if (needs_parts && r.parts.empty()) {
    fault = {"parts", "quan hệ " + kind_text + " cần danh sách mã chỉ tiêu",
             "hãy ghi các mã chỉ tiêu, cách nhau bằng dấu ;"};
    return std::nullopt;
  }
  const std::string group_text = text::squish(group);
  const bool needs_group = r.kind == RelationKind::DenominatorGroup || r.kind == RelationKind::GroupPartition;
  if (needs_group || !group_text.empty()) {
    auto sel = parse_unit_selection(group_text);
    if (!sel) {
      fault = {"group", "\"" + group_text + "\" không phải là nhóm đơn vị",
               "hãy dùng bo_nganh, dia_phuong, bo_nganh_dia_phuong hoặc danh sách loại đơn vị "
               "(ministry;ministry_level_agency;government_agency;province;central_city)"};
      return std::nullopt;
    }
    r.group = *sel;
  }
  r.source = text::squish(source);
  return r;
}

}  // namespace dxmon
