#pragma once
// The data checks (kiểm tra số liệu), run on every import and before every report. Each rule
// family is one file of this folder and one section of docs/checks.md.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/relation.h"
#include "core/dataset.h"

namespace dxmon::check {

struct CheckOptions {
  // Knowledge about parts and totals, running totals, the same quantity and unit groups
  // (data/indicator_relations.csv; loaded by the caller).
  std::vector<IndicatorRelation> relations;
  // Rule ids to run (docs/checks.md); empty: all.
  std::set<std::string> rules;
  // Outliers against a unit's own history (METHODS.md §1, DHIS2): z-score over the earlier values
  // and modified z-score 0,6745·(x − median) ÷ MAD; a value needs this many earlier values.
  double z_threshold = 3.0;
  double modified_z_threshold = 3.5;
  std::size_t min_history = 4;
  // Indicators measured from dossier records (docs/checks.md, "Outliers on measured indicators"):
  // shares over fewer dossiers than measured_min_volume are left out; a count is tested only when
  // its history's median reaches measured_min_volume; the history needs measured_min_history values.
  double measured_min_volume = 30;
  std::size_t measured_min_history = 6;
  // A value printed unchanged across periods whose dates lie at least this many days apart.
  long repeated_min_days = 365;
};

// All the rules, findings ordered by rule (in the order of docs/checks.md), then as found.
std::vector<Finding> run_checks(const Dataset& data, const CheckOptions& options = {});

// The rule ids in the order they run.
const std::vector<std::string>& rule_ids();

}  // namespace dxmon::check
