// Assessing a whole programme as of a period: current and base values, stale values, no-data
// values, several items, scopes, fall-back, overrides and the comparison with printed classes.
#include "assess/assessment.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "assess/comparison.h"
#include "assess_fixture.h"

namespace dxmon {
namespace {

using testing::Assessed;
using testing::ProgrammeBuilder;
using testing::with_method;

constexpr const char* kAchievedGroup = "Nhóm các mục tiêu đã hoàn thành";
constexpr const char* kLikelyGroup = "Nhóm các mục tiêu có khả năng hoàn thành cao";
constexpr const char* kEffortGroup = "Nhóm các mục tiêu cần nỗ lực tập trung mới có thể hoàn thành đúng hạn";

// Five rows of seed 000 (QĐ 942, report 14/BC-BTTTT), assessed as of 2023.
Dataset seed000_rows() {
  ProgrammeBuilder b;
  b.target("04", Comparator::AtLeast, 100, 2025, Direction::HigherIsBetter, kAchievedGroup);  // row 3.2
  b.value("04", 2022, 90, "90%");
  b.value("04", 2023, 99, "99%");
  b.target("08", Comparator::AtLeast, 80, 2025, Direction::HigherIsBetter, kLikelyGroup);  // row 1.1
  b.value("08", 2022, 54.34, "54,34%");
  b.value("08", 2023, 58.41, "58,41%");
  b.target("10", Comparator::AtLeast, 90, 2025, Direction::HigherIsBetter, kLikelyGroup);  // row 1.3
  b.value("10", 2022, 86.97, "86,97%");
  b.value("10", 2023, 79.81, "79,81%");
  b.target("19", Comparator::AtLeast, 100, 2025, Direction::HigherIsBetter, kLikelyGroup);  // row 4.1: 2022 only
  b.value("19", 2022, 22, "22%");
  b.target("30", Comparator::AtLeast, 100, 2025, Direction::HigherIsBetter, kEffortGroup);  // row 3.1: none
  b.value("30", 2022, std::nullopt, "-");
  return std::move(b.data);
}

TEST(Assessment, CurrentBaseAndProvenance) {
  Assessed a(seed000_rows(), Period::of_year(2023), with_method(AssessmentMethod::Trend));
  const auto& t = a["08"];
  ASSERT_EQ(t.items.size(), 1u);
  const auto& i = t.items[0];
  ASSERT_TRUE(i.current && i.base);
  EXPECT_EQ(*i.current->value, 58.41);
  EXPECT_EQ(i.current->provenance.document, "14/BC-BTTTT");
  EXPECT_EQ(*i.base->value, 54.34);
  EXPECT_FALSE(i.stale);
  EXPECT_NEAR(*i.share_of_target, 58.41 / 80, 1e-12);
  EXPECT_NEAR(*i.distance_covered, (58.41 - 54.34) / (80 - 54.34), 1e-12);
  EXPECT_EQ(t.computed, ProgressClass::Limited);
  EXPECT_EQ(a["10"].computed, ProgressClass::Deterioration);
  EXPECT_EQ(a["04"].computed, ProgressClass::OnTrack);
}

TEST(Assessment, AsOfAnEarlierPeriodIgnoresLaterValues) {
  Assessed a(seed000_rows(), Period::of_year(2022), with_method(AssessmentMethod::Threshold));
  EXPECT_EQ(*a["08"].items[0].current->value, 54.34);
  EXPECT_EQ(a["08"].items[0].base, nullptr);
}

TEST(Assessment, NoValueIsNoDataNeverAnythingElse) {
  for (auto m : {AssessmentMethod::Threshold, AssessmentMethod::Trend, AssessmentMethod::Projection}) {
    Assessed a(seed000_rows(), Period::of_year(2023), with_method(m));
    EXPECT_EQ(a["30"].computed, ProgressClass::NoData);
    EXPECT_EQ(a["30"].computed_group(), ReportGroup::NoData);
    EXPECT_EQ(a["30"].explanation, "không có số liệu năm 2023");
  }
}

TEST(Assessment, ValueFlaggedNoDataIsNotUsed) {
  ProgrammeBuilder b;
  b.target("x", Comparator::AtLeast, 50);
  b.value("x", 2023, 60).flags.no_data = true;  // a value that carries the no-data flag
  Assessed a(std::move(b.data), Period::of_year(2023), {});
  EXPECT_EQ(a["x"].computed, ProgressClass::NoData);
  EXPECT_EQ(a["x"].items[0].current, nullptr);
}

TEST(Assessment, StaleValueIsUsedAndFlagged) {
  Assessed a(seed000_rows(), Period::of_year(2023), with_method(AssessmentMethod::Threshold));
  const auto& t = a["19"];
  EXPECT_TRUE(t.stale());
  EXPECT_EQ(t.computed, ProgressClass::BelowHalf);
  EXPECT_NE(t.explanation.find("giá trị của năm 2022, cũ hơn kỳ đánh giá (năm 2023)"), std::string::npos)
      << t.explanation;

  AssessmentOptions strict;
  strict.use_stale_values = false;
  Assessed s(seed000_rows(), Period::of_year(2023), strict);
  EXPECT_EQ(s["19"].computed, ProgressClass::NoData);
  EXPECT_TRUE(s["19"].stale());
}

TEST(Assessment, TrendFallsBackToThresholdWithOneValue) {
  Assessed a(seed000_rows(), Period::of_year(2023), with_method(AssessmentMethod::Trend));
  const auto& i = a["19"].items[0];
  EXPECT_TRUE(i.fell_back);
  EXPECT_EQ(i.classification.method, AssessmentMethod::Threshold);
  EXPECT_EQ(a["19"].computed, ProgressClass::BelowHalf);
  EXPECT_NE(i.note.find("đánh giá theo phương pháp ngưỡng"), std::string::npos);

  AssessmentOptions no_fallback = with_method(AssessmentMethod::Trend);
  no_fallback.fall_back_to_threshold = false;
  Assessed n(seed000_rows(), Period::of_year(2023), no_fallback);
  EXPECT_EQ(n["19"].computed, ProgressClass::NoData);
}

TEST(Assessment, QuarterBeatsOlderYearAndYearBeatsItsLastQuarter) {
  ProgrammeBuilder b;
  b.target("x", Comparator::AtLeast, 100);
  b.value("x", 2023, 60);
  b.value("x", Period::of_quarter(2023, 4), 58, "58%");
  b.value("x", Period::of_quarter(2024, 1), 65, "65%");
  Assessed a(std::move(b.data), Period::of_quarter(2024, 1), {});
  EXPECT_EQ(*a["x"].items[0].current->value, 65);
  Assessed y(std::move(a.data), Period::of_year(2023), {});
  EXPECT_EQ(*y["x"].items[0].current->value, 60);
}

TEST(CombineItems, AllMetWorstOtherwiseAndMissingItems) {
  using C = ProgressClass;
  EXPECT_EQ(combine_items({C::Achieved, C::Achieved}), C::Achieved);
  EXPECT_EQ(combine_items({C::Achieved, C::AboveHalf}), C::AboveHalf);
  EXPECT_EQ(combine_items({C::OnTrack, C::Deterioration, C::Moderate}), C::Deterioration);
  EXPECT_EQ(combine_items({C::Achieved, C::NoData}), C::NoData);
  EXPECT_EQ(combine_items({C::OnTrack, C::NoData}), C::NoData);
  EXPECT_EQ(combine_items({C::Limited, C::NoData}), C::Limited);
  EXPECT_EQ(combine_items({C::NoData, C::NoData}), C::NoData);
  EXPECT_EQ(combine_items({}), C::NoData);
}

// "Bộ phận một cửa cấp bộ … cấp tỉnh": one target, an item per scope, each judged on its own.
TEST(Assessment, ScopedItemsOfOneTarget) {
  ProgrammeBuilder b;
  Target& t = b.target("mc", Comparator::AtLeast, 80);
  t.items[0].indicator = "mc.bo";
  t.items[0].label = "cấp bộ";
  t.items[0].scope = UnitGroup::Ministries;
  TargetItem provinces = t.items[0];
  provinces.indicator = "mc.tinh";
  provinces.label = "cấp tỉnh";
  provinces.scope = UnitGroup::Provinces;
  t.items.push_back(provinces);
  b.indicator("mc.bo");
  b.indicator("mc.tinh");
  b.value("mc.bo", 2023, 85);
  b.value("mc.tinh", 2023, 30);
  Dataset both_measured = b.data;
  Assessed a(std::move(both_measured), Period::of_year(2023), {});
  EXPECT_EQ(a["mc"].items[0].classification.cls, ProgressClass::Achieved);
  EXPECT_EQ(a["mc"].items[1].classification.cls, ProgressClass::BelowHalf);
  EXPECT_EQ(a["mc"].computed, ProgressClass::BelowHalf);
  EXPECT_EQ(a["mc"].explanation.rfind("cấp tỉnh: ", 0), 0u) << a["mc"].explanation;
  EXPECT_NE(a["mc"].explanation.find("phạm vi: "), std::string::npos);

  b.data.observations.pop_back();  // the provinces' value missing: achieved cannot be claimed
  Assessed m(std::move(b.data), Period::of_year(2023), {});
  EXPECT_EQ(m["mc"].computed, ProgressClass::NoData);
}

TEST(Override, KeepsComputedClassAndRequiresReason) {
  Assessed a(seed000_rows(), Period::of_year(2023), {});
  Override o;
  o.programme = "p";
  o.target = "04";
  o.period = Period::of_year(2023);
  o.group = ReportGroup::Achieved;
  o.who = "Cục Chuyển đổi số quốc gia";
  o.when = Date{2024, 2, 16};
  EXPECT_THROW(apply_overrides(a.assessment, {o}), std::invalid_argument);
  try {
    o.why = "   ";
    validate_override(o);
    FAIL() << "an override with a blank reason was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("thiếu lý do"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("\"04\""), std::string::npos) << e.what();
  }
  o.why = "Báo cáo 14/BC-BTTTT xếp vào nhóm đã hoàn thành";
  apply_overrides(a.assessment, {o});
  const auto& t = a["04"];
  EXPECT_EQ(t.computed, ProgressClass::AboveHalf);
  EXPECT_EQ(t.computed_group(), ReportGroup::LikelyAchieved);
  EXPECT_EQ(t.effective_group(), ReportGroup::Achieved);
  ASSERT_TRUE(t.override_);
  EXPECT_EQ(t.override_->who, "Cục Chuyển đổi số quốc gia");

  Override unknown = o;
  unknown.target = "99";
  EXPECT_THROW(apply_overrides(a.assessment, {unknown}), std::invalid_argument);
  EXPECT_THROW(apply_overrides(a.assessment, {o, o}), std::invalid_argument);
  Override mismatch = o;
  mismatch.fine = ProgressClass::Deterioration;
  EXPECT_THROW(validate_override(mismatch), std::invalid_argument);
  Override nobody = o;
  nobody.who.clear();
  EXPECT_THROW(validate_override(nobody), std::invalid_argument);
  Override timeless = o;
  timeless.period = Period{};
  try {
    validate_override(timeless);
    FAIL() << "an override without a period was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("thiếu kỳ đánh giá"), std::string::npos) << e.what();
  }
}

// A judgement classes the period it judges and no other: one target may carry one override per
// period, and an assessment of 2024 ignores the one recorded for 2023.
TEST(Override, AppliesOnlyToThePeriodItJudges) {
  Override of2023;
  of2023.programme = "p";
  of2023.target = "04";
  of2023.period = Period::of_year(2023);
  of2023.group = ReportGroup::Achieved;
  of2023.who = "Bộ Thông tin và Truyền thông";
  of2023.why = "Báo cáo 14/BC-BTTTT xếp vào nhóm đã hoàn thành";
  Override of2022 = of2023;
  of2022.period = Period::of_year(2022);
  of2022.group = ReportGroup::NeedsEffort;
  of2022.why = "Đánh giá cuối năm 2022";

  Assessed in2023(seed000_rows(), Period::of_year(2023), {});
  EXPECT_EQ(apply_overrides(in2023.assessment, {of2022, of2023}), 1);
  ASSERT_TRUE(in2023["04"].override_);
  EXPECT_EQ(in2023["04"].override_->period, Period::of_year(2023));
  EXPECT_EQ(in2023["04"].effective_group(), ReportGroup::Achieved);

  Assessed in2022(seed000_rows(), Period::of_year(2022), {});
  EXPECT_EQ(apply_overrides(in2022.assessment, {of2022, of2023}), 1);
  EXPECT_EQ(in2022["04"].effective_group(), ReportGroup::NeedsEffort);

  Assessed in2024(seed000_rows(), Period::of_year(2024), {});
  EXPECT_EQ(apply_overrides(in2024.assessment, {of2022, of2023}), 0);
  EXPECT_FALSE(in2024["04"].override_);
  EXPECT_EQ(in2024["04"].effective_group(), in2024["04"].computed_group());

  // Two judgements of one target for one period are refused, even for a period not assessed.
  Override again = of2022;
  again.why = "Đánh giá lại";
  EXPECT_THROW(apply_overrides(in2024.assessment, {of2022, again}), std::invalid_argument);
}

TEST(PrintedGroup, FoldedMatching) {
  EXPECT_EQ(parse_printed_group(kAchievedGroup).group, ReportGroup::Achieved);
  EXPECT_EQ(parse_printed_group(kLikelyGroup).group, ReportGroup::LikelyAchieved);
  EXPECT_EQ(parse_printed_group(kEffortGroup).group, ReportGroup::NeedsEffort);
  EXPECT_EQ(parse_printed_group("phải nỗ lực tập trung mới hoàn thành đúng hạn").group, ReportGroup::NeedsEffort);
  EXPECT_EQ(parse_printed_group("NHÓM CÁC MỤC TIÊU ĐÃ HOÀN THÀNH").group, ReportGroup::Achieved);
  EXPECT_EQ(parse_printed_group("Các chỉ tiêu đã hoàn thành").group, ReportGroup::Achieved);
  const auto not_done = parse_printed_group("Các chỉ tiêu chưa hoàn thành");
  EXPECT_FALSE(not_done.group);
  EXPECT_TRUE(not_done.not_achieved);
  EXPECT_FALSE(parse_printed_group("").known());
}

TEST(Comparison, ListsWhereAndWhyComputedDiffersFromPrinted) {
  Assessed a(seed000_rows(), Period::of_year(2023), with_method(AssessmentMethod::Threshold));
  const auto diffs = compare_with_printed(a.assessment);
  std::map<std::string, ClassDifference> by_code;
  for (const auto& d : diffs) by_code[d.code] = d;
  ASSERT_TRUE(by_code.count("04"));
  EXPECT_EQ(by_code["04"].reason, "giá trị 99% chưa đạt mục tiêu ≥ 100%");
  EXPECT_EQ(by_code["04"].computed_group, ReportGroup::LikelyAchieved);
  EXPECT_EQ(by_code["04"].printed_group.group, ReportGroup::Achieved);
  ASSERT_TRUE(by_code.count("30"));
  EXPECT_EQ(by_code["30"].reason, "không có số liệu năm 2023");
  EXPECT_EQ(by_code["30"].computed_group, ReportGroup::NoData);
  // 58,41% of 80% is above half: the threshold method agrees with the printed "likely".
  EXPECT_FALSE(by_code.count("08"));
  ASSERT_TRUE(by_code.count("19"));  // 22% (2022) toward 100%: below half, and stale
  EXPECT_NE(by_code["19"].reason.find("năm 2022"), std::string::npos) << by_code["19"].reason;

  Assessed t(seed000_rows(), Period::of_year(2023), with_method(AssessmentMethod::Trend));
  std::map<std::string, ClassDifference> trend;
  for (const auto& d : compare_with_printed(t.assessment)) trend[d.code] = d;
  ASSERT_TRUE(trend.count("10"));
  EXPECT_EQ(trend["10"].computed, ProgressClass::Deterioration);
  EXPECT_NE(trend["10"].reason.find("R = "), std::string::npos) << trend["10"].reason;
  EXPECT_TRUE(trend.count("08"));  // R ≈ 0,54: limited progress
}

}  // namespace
}  // namespace dxmon
