#pragma once
// Indicators (chỉ tiêu): what is measured, how, by whom, and how it aggregates.
#include <optional>
#include <string>
#include <vector>

#include "core/unit.h"

namespace dxmon {

enum class Direction { HigherIsBetter, LowerIsBetter };

// How values roll up over units and periods (DHIS2 aggregation types).
enum class Aggregation { Sum, Average, Last, None };

enum class IndicatorKind {
  Reported,     // a value as reported (a share printed in a report is kept as printed)
  Ratio,        // numerator ÷ denominator, both stored; the share is computed
  AgencyShare,  // share of units of a group with a yes/no fact (e.g. "đã ban hành kế hoạch")
  Measured,     // computed from dossier records (automatic measurement)
};

struct Indicator {
  std::string code;                      // e.g. "qd942.1.1"
  std::string name;                      // Vietnamese name, NFC, as the programme words it
  std::string unit;                      // "%", "hồ sơ", "dịch vụ", ...
  Direction direction = Direction::HigherIsBetter;
  std::string pillar;                    // trụ cột / heading the indicator belongs to
  IndicatorKind kind = IndicatorKind::Reported;
  Aggregation aggregation = Aggregation::None;
  std::string lead_agency;               // unit code of the cơ quan chủ trì, may be empty
  std::vector<std::string> co_agencies;  // unit codes of cơ quan phối hợp
  std::optional<UnitGroup> unit_group;   // for AgencyShare: the group that is the denominator
  std::string definition;                // exact definition text
  std::string definition_source;         // legal or methodological source of the definition
  std::string source;                    // where this row comes from
  bool operator==(const Indicator&) const = default;
};

std::string_view direction_id(Direction d);  // "higher", "lower"
std::optional<Direction> parse_direction(std::string_view id);
std::string_view aggregation_id(Aggregation a);  // "sum", "average", "last", "none"
std::optional<Aggregation> parse_aggregation(std::string_view id);
std::string_view indicator_kind_id(IndicatorKind k);  // "reported", "ratio", "agency_share", "measured"
std::optional<IndicatorKind> parse_indicator_kind(std::string_view id);

}  // namespace dxmon
