#pragma once
// Tables → entities. Every row of every table becomes an entity of its kind, or problems that
// say which cell is wrong and how to fix it. References (units, indicators, programmes, tasks,
// targets) are checked against what the store already holds plus what the same import brings.
#include <functional>
#include <vector>

#include "core/dataset.h"
#include "io/problem.h"
#include "io/table.h"

namespace dxmon::io {

// What the store already holds that imported rows may refer to.
struct Catalogue {
  std::vector<ReportingUnit> units;
  std::vector<Indicator> indicators;
  std::vector<Programme> programmes;
  std::vector<Task> tasks;
  std::vector<Target> targets;  // what overrides may name
  std::vector<UnitSuccession> successions;  // named in messages about units no longer in force
  // The stored observations of one indicator, read when a row needs them: a row of a file that
  // leaves optional columns out keeps their stored values, and a revision must be about a stored
  // value. Unset: nothing is stored.
  std::function<std::vector<Observation>(const std::string& indicator)> observations_of;
};

// `tables` must have Table::kind set. `today` dates the resolution of agency names in indicators
// and tasks without a status date. Tables are read in dependency order whatever their order here.
Dataset map_tables(const std::vector<Table>& tables, const Catalogue& stored, const Date& today, Problems& problems);

}  // namespace dxmon::io
