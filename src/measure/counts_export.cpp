#include "measure/counts_export.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace dxmon::measure {

void write_counts_csv(const MeasurementState& state, std::ostream& out) {
  out << "agency,month,received,online,fee_bearing,paid_online,completed,on_time,result_digitised,rated,rating_sum\n";
  std::vector<int> order(state.agencies().size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return state.agencies().at(a).code < state.agencies().at(b).code; });
  static constexpr Counter kColumns[] = {kReceived, kOnlineChannel, kFeeBearing, kPaidOnline, kCompleted,
                                         kOnTime, kResultDigitised, kRated, kRatingSum};
  std::string line;
  for (int a : order) {
    for (int m = 0; m < kMonthCount; ++m) {
      const std::int64_t* c = state.counters(a, m);
      if (std::all_of(std::begin(kColumns), std::end(kColumns), [&](Counter k) { return c[k] == 0; })) continue;
      char month[8];
      std::snprintf(month, sizeof month, "%04d-%02d", year_of_month_index(m), month_of_month_index(m));
      line = state.agencies().at(a).code + "," + month;
      for (Counter k : kColumns) line += "," + std::to_string(c[k]);
      out << line << '\n';
    }
  }
}

}  // namespace dxmon::measure
