#pragma once
// Loading the built-in data and the indicator relations for the check tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "check/relation.h"
#include "core/dataset.h"
#include "io/csv.h"
#include "io/import.h"
#include "support/builtin_data.h"

namespace dxmon::check::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Dataset load_builtin() { return dxmon::testing::load_builtin_dataset(); }
inline std::vector<IndicatorRelation> load_relations() { return dxmon::testing::load_builtin_relations(); }

}  // namespace dxmon::check::testing
