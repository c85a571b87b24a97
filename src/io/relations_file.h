#pragma once
// Reads data/checks/indicator_relations.csv (columns relation, indicator, parts, group, source;
// docs/checks.md): the knowledge the data checks use about parts and totals, running totals, the
// same quantity and unit groups.
#include <string>
#include <vector>

#include "check/relation.h"
#include "io/problem.h"

namespace dxmon::io {

// Every row that reads as a relation; each bad row (or a missing file) adds a problem with the
// file, line, and what to fix.
std::vector<check::IndicatorRelation> read_relations_file(const std::string& path, Problems& problems);

}  // namespace dxmon::io
