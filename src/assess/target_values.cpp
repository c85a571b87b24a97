#include "assess/target_values.h"

#include <algorithm>
#include <set>

namespace dxmon {
namespace {

bool newer(const Observation& a, const Observation& b) {
  // Latest as_of wins; an observation with no as_of is older than one with.
  if (a.as_of != b.as_of) return a.as_of > b.as_of;
  return a.provenance.document > b.provenance.document;
}

}  // namespace

std::vector<ProgrammeValues> programme_values(const Dataset& data) {
  std::map<std::string, const Indicator*, std::less<>> indicators;
  for (const auto& i : data.indicators) indicators.emplace(i.code, &i);
  std::map<std::string, std::vector<const Observation*>, std::less<>> national;
  for (const auto& o : data.observations)
    if (o.unit == kNationalUnit) national[o.indicator].push_back(&o);

  std::vector<ProgrammeValues> out;
  for (const auto& p : data.programmes) {
    ProgrammeValues pv;
    pv.programme = &p;
    std::set<Period> periods;
    for (const auto& t : data.targets) {
      if (t.programme != p.code) continue;
      TargetValues tv{&t, {}};
      for (const auto& item : t.items) {
        TargetItemValues iv;
        iv.item = &item;
        if (auto it = indicators.find(item.indicator); it != indicators.end()) iv.indicator = it->second;
        if (auto it = national.find(item.indicator); it != national.end()) {
          for (const Observation* o : it->second) {
            auto& slot = iv.by_period[o->period];
            if (!slot || newer(*o, *slot)) slot = o;
            periods.insert(o->period);
          }
        }
        tv.items.push_back(std::move(iv));
      }
      pv.targets.push_back(std::move(tv));
    }
    std::stable_sort(pv.targets.begin(), pv.targets.end(), [](const auto& a, const auto& b) {
      return a.target->sort_order < b.target->sort_order;
    });
    pv.periods.assign(periods.begin(), periods.end());
    // Chronological, not by period type: 2022 before 2023-Q1 before 2023.
    std::stable_sort(pv.periods.begin(), pv.periods.end(), [](const Period& a, const Period& b) {
      return std::pair(a.first_day(), a.last_day()) < std::pair(b.first_day(), b.last_day());
    });
    out.push_back(std::move(pv));
  }
  return out;
}

}  // namespace dxmon
