#include "support/builtin_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "io/import.h"

namespace dxmon::testing {

Dataset load_builtin_dataset() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(DXMON_DATA_DIR))
    if (e.path().extension() == ".csv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  io::ImportOptions options;
  options.today = Date{2024, 12, 31};
  auto report = io::read_files(files, options, io::Catalogue{});
  for (const auto& p : report.problems) ADD_FAILURE() << p.to_string();
  return report.data;
}

std::vector<check::IndicatorRelation> load_builtin_relations() { return load_builtin_dataset().relations; }

}  // namespace dxmon::testing
