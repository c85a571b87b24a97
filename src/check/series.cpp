#include "check/series.h"

#include <algorithm>
#include <map>

namespace dxmon::check {

std::vector<std::vector<PeriodValues>> series_of(const CheckContext& ctx, const std::string& indicator, SeriesKey key) {
  std::map<std::pair<std::string, int>, std::map<Period, PeriodValues>> by_unit;
  for (const Observation* o : ctx.observations_of(indicator)) {
    if (!o->value || o->flags.no_data) continue;
    const int type = key == SeriesKey::UnitAndPeriodType ? static_cast<int>(o->period.type) : 0;
    auto& pv = by_unit[{o->unit, type}][o->period];
    const Date d = reference_date(*o);
    if (pv.values.empty() || d < pv.date) pv.date = d;
    pv.period = o->period;
    pv.values.push_back(o);
  }
  std::vector<std::vector<PeriodValues>> all;
  for (auto& [unit, periods] : by_unit) {
    std::vector<PeriodValues> s;
    for (auto& [p, pv] : periods) s.push_back(std::move(pv));
    std::stable_sort(s.begin(), s.end(), [](const PeriodValues& a, const PeriodValues& b) {
      return a.date != b.date ? a.date < b.date : a.period.last_day() < b.period.last_day();
    });
    all.push_back(std::move(s));
  }
  return all;
}

}  // namespace dxmon::check
