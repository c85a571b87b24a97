// data/indicators_measured.csv and the engine's indicator definitions are one catalogue.
#include <gtest/gtest.h>

#include <fstream>

#include "measure/service_indicators.h"
#include "measure_test_support.h"

namespace dxmon::measure {
namespace {

TEST(ServiceIndicatorsCatalogue, TheDataFileHoldsTheEngineIndicatorsAsMeasured) {
  std::ifstream in(std::string(DXMON_DATA_DIR) + "/indicators_measured.csv");
  ASSERT_TRUE(in) << "data/indicators_measured.csv missing";
  std::string line;
  std::getline(in, line);
  auto header = testing::split_csv_line(line);
  ASSERT_EQ(header[0], "code");
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) rows.push_back(testing::split_csv_line(line));
  const auto& defs = service_indicators();
  ASSERT_EQ(rows.size(), defs.size());
  for (std::size_t i = 0; i < defs.size(); ++i) {
    EXPECT_EQ(rows[i][0], defs[i].code);
    EXPECT_EQ(rows[i][1], defs[i].name);
    EXPECT_EQ(rows[i][2], defs[i].unit);
    EXPECT_EQ(rows[i][5], "measured");
    EXPECT_EQ(rows[i][10], defs[i].definition);
    EXPECT_FALSE(rows[i][11].empty()) << defs[i].code << ": every definition names its source or says dxmon's own";
  }
}

}  // namespace
}  // namespace dxmon::measure
