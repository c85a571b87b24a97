#include "core/indicator.h"

#include "core/enum_names.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<Direction, 2> kDirections{{
    {Direction::HigherIsBetter, "higher"},
    {Direction::LowerIsBetter, "lower"},
}};
constexpr detail::EnumNames<Aggregation, 4> kAggregations{{
    {Aggregation::Sum, "sum"},
    {Aggregation::Average, "average"},
    {Aggregation::Last, "last"},
    {Aggregation::None, "none"},
}};
constexpr detail::EnumNames<IndicatorKind, 4> kKinds{{
    {IndicatorKind::Reported, "reported"},
    {IndicatorKind::Ratio, "ratio"},
    {IndicatorKind::AgencyShare, "agency_share"},
    {IndicatorKind::Measured, "measured"},
}};

}  // namespace

std::string_view direction_id(Direction d) { return detail::name_of(kDirections, d); }
std::optional<Direction> parse_direction(std::string_view id) { return detail::value_of(kDirections, id); }
std::string_view aggregation_id(Aggregation a) { return detail::name_of(kAggregations, a); }
std::optional<Aggregation> parse_aggregation(std::string_view id) { return detail::value_of(kAggregations, id); }
std::string_view indicator_kind_id(IndicatorKind k) { return detail::name_of(kKinds, k); }
std::optional<IndicatorKind> parse_indicator_kind(std::string_view id) { return detail::value_of(kKinds, id); }

}  // namespace dxmon
