#pragma once
// Checks on import (docs/checks.md, "When checks run"): the rules run over the store's data as it
// is after the import (or, for a dry run, as it would be), and the findings that involve an
// imported value, target or task are the import's own. Findings about data already stored are
// counted, not repeated: `dxmon check` lists them.
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"

namespace dxmon::check {

// `base` with `incoming` on top: an incoming row replaces the stored row with its key (units,
// indicators, programmes and regimes by code; targets by programme and code; observations by
// Observation::key(); tasks by code; overrides by programme, target and period; relations by
// relation_key()); other rows are added.
Dataset overlay(Dataset base, const Dataset& incoming);

// The findings that name a value (indicator, unit, period, document), a target or a task of
// `incoming`.
std::vector<Finding> findings_involving(const std::vector<Finding>& findings, const Dataset& incoming);

}  // namespace dxmon::check
