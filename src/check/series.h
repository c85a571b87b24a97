#pragma once
// A unit's history of one indicator: its observations with a value, ordered by the date they
// refer to, grouped by period. Used by the rules that compare a value with earlier ones.
#include <vector>

#include "check/check_context.h"

namespace dxmon::check {

struct PeriodValues {
  Period period;
  Date date;                                // earliest reference date among the values
  std::vector<const Observation*> values;   // one per document
};

// How values are grouped into series: per unit (a running total is compared across a year and the
// quarter after it), or per unit and period type (a month is compared only with months, as the
// outlier rules need: a quarter's count is not an outlier among monthly ones).
enum class SeriesKey { Unit, UnitAndPeriodType };

// Series of every (indicator, unit) pair of `indicator` — or (indicator, unit, period type) — each
// ordered by date.
std::vector<std::vector<PeriodValues>> series_of(const CheckContext& ctx, const std::string& indicator,
                                                 SeriesKey key = SeriesKey::Unit);

}  // namespace dxmon::check
