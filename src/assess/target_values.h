#pragma once
// The values behind each target of a programme, by period: what `dxmon show targets` prints and
// what assessment starts from. National figures only (unit quoc-gia); per-agency values are facts
// behind shares and are shown with the indicator.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace dxmon {

struct TargetItemValues {
  const TargetItem* item = nullptr;
  const Indicator* indicator = nullptr;  // null if the catalogue lacks it
  // The value of each period: the observation with the latest as_of among the documents.
  std::map<Period, const Observation*> by_period;
};

struct TargetValues {
  const Target* target = nullptr;
  std::vector<TargetItemValues> items;
};

struct ProgrammeValues {
  const Programme* programme = nullptr;
  std::vector<Period> periods;  // every period with a national value for any target, ascending
  std::vector<TargetValues> targets;  // in sort_order
};

// `data` must outlive the result (it points into it).
std::vector<ProgrammeValues> programme_values(const Dataset& data);

}  // namespace dxmon
