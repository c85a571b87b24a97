// Summary counts in the reports' form, and seed 000's scorecard reproduced through overrides.
#include "assess/summary.h"

#include <gtest/gtest.h>

#include "assess_fixture.h"

namespace dxmon {
namespace {

TEST(Summary, RoundedPercentIsHalfUp) {
  EXPECT_EQ(rounded_percent(7, 35), 20);
  EXPECT_EQ(rounded_percent(20, 35), 57);  // 57,14
  EXPECT_EQ(rounded_percent(8, 35), 23);   // 22,86
  EXPECT_EQ(rounded_percent(1, 8), 13);    // 12,5 → 13
  EXPECT_EQ(rounded_percent(13, 35), 37);  // 37,14
  EXPECT_EQ(rounded_percent(0, 0), 0);
}

TEST(Summary, LinesAsSeed000PrintsThem) {
  EXPECT_EQ(summary_line(ReportGroup::Achieved, 7, 35), "07/35 mục tiêu đã hoàn thành (đạt 20%)");
  EXPECT_EQ(summary_line(ReportGroup::LikelyAchieved, 20, 35),
            "20/35 mục tiêu có khả năng hoàn thành cao (chiếm 57%)");
  EXPECT_EQ(summary_line(ReportGroup::NeedsEffort, 8, 35),
            "08/35 mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm 23%)");
  EXPECT_EQ(summary_line(ReportGroup::NoData, 13, 35), "13/35 mục tiêu chưa có số liệu (chiếm 37%)");
  EXPECT_EQ(summary_line(ReportGroup::Achieved, 9, 12, "chỉ tiêu"), "09/12 chỉ tiêu đã hoàn thành (đạt 75%)");
}

// 35 targets in seed 000's three printed groups; the report's grouping recorded as overrides
// gives its scorecard, the computed classes do not.
TEST(Summary, Seed000ScorecardThroughOverrides) {
  testing::ProgrammeBuilder b;
  std::vector<Override> overrides;
  for (int i = 1; i <= 35; ++i) {
    const std::string code = (i < 10 ? "0" : "") + std::to_string(i);
    const ReportGroup g = i <= 7 ? ReportGroup::Achieved : i <= 27 ? ReportGroup::LikelyAchieved : ReportGroup::NeedsEffort;
    b.target(code, Comparator::AtLeast, 100, 2025, Direction::HigherIsBetter, std::string(report_group_label_vi(g)));
    if (i <= 6) b.value(code, 2023, 100, "100%");
    overrides.push_back({"p", code, Period::of_year(2023), g, std::nullopt, "Bộ Thông tin và Truyền thông", Date{2024, 2, 16},
                         "Phân nhóm theo Báo cáo 14/BC-BTTTT ngày 16/02/2024", "seed 000 line 37"});
  }
  testing::Assessed a(std::move(b.data), Period::of_year(2023), {});
  const auto computed = summarize(a.assessment);
  EXPECT_EQ(computed.of(ReportGroup::Achieved).text, "06/35 mục tiêu đã hoàn thành (đạt 17%)");
  EXPECT_EQ(computed.of(ReportGroup::NoData).count, 29);
  EXPECT_EQ(computed.of(ReportGroup::LikelyAchieved).text, "00/35 mục tiêu có khả năng hoàn thành cao (chiếm 0%)");

  apply_overrides(a.assessment, overrides);
  const auto printed = summarize(a.assessment);
  EXPECT_EQ(printed.total, 35);
  EXPECT_EQ(printed.of(ReportGroup::Achieved).text, "07/35 mục tiêu đã hoàn thành (đạt 20%)");
  EXPECT_EQ(printed.of(ReportGroup::LikelyAchieved).text, "20/35 mục tiêu có khả năng hoàn thành cao (chiếm 57%)");
  EXPECT_EQ(printed.of(ReportGroup::NeedsEffort).text,
            "08/35 mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm 23%)");
  EXPECT_EQ(printed.of(ReportGroup::NoData).count, 0);
  // The computed classes are still there for the report to show next to the overrides.
  EXPECT_EQ(summarize(a.assessment, false).of(ReportGroup::NoData).count, 29);
}

}  // namespace
}  // namespace dxmon
