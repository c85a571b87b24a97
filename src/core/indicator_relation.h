#pragma once
// Knowledge about how indicators relate to each other, kept as data (data/indicator_relations.csv,
// imported into the store like every other kind; docs/checks.md) rather than code: which counts are parts of which total, which indicators are
// the same quantity printed twice, which counts are running totals, and which unit group a
// denominator or a set of counts is meant to cover.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"

namespace dxmon {

enum class RelationKind {
  SumOf,               // indicator = sum of parts (same unit, period and report)
  SameQuantity,        // indicator and parts measure one quantity: one value per unit, period, report
  Cumulative,          // indicator is a running total (lũy kế): it never falls
  DenominatorGroup,    // the indicator's denominator counts the units of `group`
  GroupPartition,      // the parts are counts of units that together make up `group` (đã + chưa)
};

std::string_view relation_kind_id(RelationKind k);  // "sum_of", "same_quantity", ...
std::optional<RelationKind> parse_relation_kind(std::string_view id);

// A set of units: a named group ("bo_nganh", "dia_phuong", "bo_nganh_dia_phuong") or an explicit
// list of unit kinds ("ministry;ministry_level_agency" = "bộ, cơ quan ngang bộ", 22 in 2021–2024).
struct UnitSelection {
  std::optional<UnitGroup> group;
  std::vector<UnitKind> kinds;
  bool empty() const { return !group && kinds.empty(); }
  bool contains(const ReportingUnit& u) const;
  std::string label_vi() const;  // "bộ, ngành", "bộ, cơ quan ngang bộ", ...
  bool operator==(const UnitSelection&) const = default;
};

// Parses "bo_nganh" or "ministry;ministry_level_agency"; nullopt when a word is neither.
std::optional<UnitSelection> parse_unit_selection(std::string_view text);

struct IndicatorRelation {
  RelationKind kind = RelationKind::SumOf;
  std::string indicator;            // the total / the share / the running total
  std::vector<std::string> parts;   // the parts / the other indicators of the same quantity
  UnitSelection group;              // for DenominatorGroup and GroupPartition
  std::string source;               // where the knowledge comes from (seed line, legal text)
  bool operator==(const IndicatorRelation&) const = default;
};

// The group cell as written: "bo_nganh", or "ministry;ministry_level_agency"; empty when none.
std::string unit_selection_id(const UnitSelection& s);

// The key a relation is stored and matched under: its kind, indicator and parts.
std::string relation_key(const IndicatorRelation& r);

// What is wrong with a row: the column it is about, what is wrong and how to fix it, in
// Vietnamese (lower case, no final stop: callers frame them with file and line).
struct RelationFault {
  std::string field;
  std::string what;
  std::string fix;
};

// One row of data/indicator_relations.csv (columns relation, indicator, parts, group,
// source; docs/checks.md) as cells. Returns the relation, or nullopt with `fault` filled in.
std::optional<IndicatorRelation> relation_from_cells(std::string_view relation, std::string_view indicator,
                                                     std::string_view parts, std::string_view group,
                                                     std::string_view source, RelationFault& fault);

}  // namespace dxmon
