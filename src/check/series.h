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

// Series of every (indicator, unit) pair of `indicator`, each ordered by date.
std::vector<std::vector<PeriodValues>> series_of(const CheckContext& ctx, const std::string& indicator);

}  // namespace dxmon::check
