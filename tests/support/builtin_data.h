#pragma once
// The built-in data (data/) as `dxmon init --builtin` reads it, for tests that need the real
// catalogue and values without a store. Problems reading it fail the calling test.
#include <string>
#include <vector>

#include "check/relation.h"
#include "core/dataset.h"

namespace dxmon::testing {

// Every CSV of data/ through the importer (the same reader `dxmon import` uses).
Dataset load_builtin_dataset();
// The relations between indicators of data/indicator_relations.csv (Dataset::relations of the above).
std::vector<check::IndicatorRelation> load_builtin_relations();

}  // namespace dxmon::testing
