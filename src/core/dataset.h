#pragma once
// A bundle of catalogue entities and values: what an import produces, what a Store applies in one
// transaction, and what an export writes.
#include <vector>

#include "core/indicator.h"
#include "core/indicator_relation.h"
#include "core/observation.h"
#include "core/override.h"
#include "core/programme.h"
#include "core/regime.h"
#include "core/task.h"
#include "core/task_count.h"
#include "core/unit.h"

namespace dxmon {

struct Dataset {
  std::vector<ReportingUnit> units;
  std::vector<UnitSuccession> successions;
  std::vector<Indicator> indicators;
  std::vector<Programme> programmes;
  std::vector<Target> targets;
  std::vector<Observation> observations;
  std::vector<Task> tasks;
  std::vector<TaskCount> task_counts;     // tasks known only as counts (keyed TaskCount::key())
  std::vector<Override> overrides;        // manual classes of targets (keyed programme + target + period)
  std::vector<ReportingRegime> regimes;   // reporting regimes (keyed by code)
  std::vector<IndicatorRelation> relations;  // what the checks know of indicators (relation_key())
  // The history of changed values, append-only: exported and imported so that a round trip keeps
  // who changed what, when and why. Applying one adds it unless the same revision is stored.
  std::vector<Revision> revisions;

  bool empty() const {
    return units.empty() && successions.empty() && indicators.empty() && programmes.empty() &&
           targets.empty() && observations.empty() && tasks.empty() && task_counts.empty() &&
           overrides.empty() && regimes.empty() && relations.empty() && revisions.empty();
  }
  void append(Dataset&& other);
  bool operator==(const Dataset&) const = default;
};

}  // namespace dxmon
