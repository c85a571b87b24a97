// The three classification methods on single target items: seed 000 rows, thresholds at their
// boundaries, zero bases, lower-is-better targets, ranges and comparators.
#include "assess/classify.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dxmon {
namespace {

// A target of `value` due at the end of `deadline`, with base and current annual values.
ClassifyInput annual(double base, int base_year, std::optional<double> current, int current_year, double target,
                     int deadline, Comparator cmp = Comparator::AtLeast) {
  ClassifyInput in;
  in.target.comparator = cmp;
  in.target.value = target;
  in.target.direction = target_direction(cmp, Direction::HigherIsBetter);
  in.target.time = year_time(Period::of_year(deadline));
  in.base = ValuePoint{base, std::nullopt, year_time(Period::of_year(base_year)), std::to_string(base_year)};
  if (current) in.current = ValuePoint{*current, std::nullopt, year_time(Period::of_year(current_year)), std::to_string(current_year)};
  in.unit = "%";
  return in;
}

TEST(YearTime, ConsecutiveYearsAreOneApart) {
  EXPECT_DOUBLE_EQ(year_time(Period::of_year(2023)) - year_time(Period::of_year(2022)), 1.0);
  EXPECT_DOUBLE_EQ(year_time(Period::of_year(2025)) - year_time(Period::of_year(2022)), 3.0);
  EXPECT_NEAR(year_time(Period::of_quarter(2024, 1)), 2024 + 91.0 / 366, 1e-12);
}

// Seed 000 row 3.2: 99% against a 100% target, counted achieved by the report.
TEST(Threshold, NinetyNinePercentIsNotMet) {
  const auto c = classify_threshold(annual(90, 2022, 99, 2023, 100, 2025));
  EXPECT_EQ(c.cls, ProgressClass::AboveHalf);
  EXPECT_EQ(report_group_of(c.cls), ReportGroup::LikelyAchieved);
  ASSERT_TRUE(c.measure);
  EXPECT_DOUBLE_EQ(*c.measure, 0.99);
  EXPECT_NE(c.explanation.find("chưa đạt mục tiêu ≥ 100%"), std::string::npos) << c.explanation;
}

TEST(Threshold, HalfWayBoundary) {
  EXPECT_EQ(classify_threshold(annual(10, 2022, 40, 2023, 80, 2025)).cls, ProgressClass::AboveHalf);  // p = 0,5
  EXPECT_EQ(classify_threshold(annual(10, 2022, 39.99, 2023, 80, 2025)).cls, ProgressClass::BelowHalf);
  EXPECT_EQ(classify_threshold(annual(10, 2022, 80, 2023, 80, 2025)).cls, ProgressClass::Achieved);
}

// Seed 000 row 1.1 of group 1.2: 54,34% (2022) → 58,41% (2023) toward ≥ 80% by 2025.
TEST(SeedRow, OnlineDossiersByEachMethod) {
  const auto in = annual(54.34, 2022, 58.41, 2023, 80, 2025);
  const auto th = classify_threshold(in);
  EXPECT_EQ(th.cls, ProgressClass::AboveHalf);
  EXPECT_NEAR(*th.measure, 58.41 / 80, 1e-12);

  const auto tr = classify_trend(in);
  const double cagr_o = 58.41 / 54.34 - 1;
  const double cagr_r = std::pow(80 / 54.34, 1.0 / 3) - 1;
  ASSERT_TRUE(tr.measure);
  EXPECT_NEAR(*tr.measure, cagr_o / cagr_r, 1e-9);
  EXPECT_NEAR(*tr.measure, 0.544, 0.001);
  EXPECT_EQ(tr.cls, ProgressClass::Limited);
  EXPECT_FALSE(tr.linear);

  const auto pr = classify_projection(in);
  const double projected = 54.34 * std::pow(58.41 / 54.34, 3.0);
  EXPECT_NEAR(*pr.projected, projected, 1e-9);
  EXPECT_NEAR(*pr.measure, (projected - 54.34) / (80 - 54.34), 1e-9);
  EXPECT_EQ(pr.cls, ProgressClass::Moderate);
}

// Seed 000 row 1.3 of group 1.2: satisfaction fell 86,97% → 79,81%, target 90%.
TEST(SeedRow, SatisfactionFallingIsDeterioration) {
  const auto in = annual(86.97, 2022, 79.81, 2023, 90, 2025);
  const auto tr = classify_trend(in);
  EXPECT_EQ(tr.cls, ProgressClass::Deterioration);
  EXPECT_LT(*tr.measure, 0);
  EXPECT_EQ(report_group_of(tr.cls), ReportGroup::NeedsEffort);
  EXPECT_EQ(classify_projection(in).cls, ProgressClass::Stagnation);
}

TEST(Trend, RatioBoundariesWithLinearRule) {
  // Zero base: linear rule. Required change 100/10 per year; observed = the 2021 value per year.
  auto at = [](double v) { return classify_trend(annual(0, 2020, v, 2021, 100, 2030)); };
  EXPECT_EQ(at(9.5).cls, ProgressClass::OnTrack);
  EXPECT_EQ(at(9.49).cls, ProgressClass::Moderate);
  EXPECT_EQ(at(6).cls, ProgressClass::Moderate);
  EXPECT_EQ(at(5.99).cls, ProgressClass::Limited);
  EXPECT_EQ(at(0).cls, ProgressClass::Limited);  // R = 0 is limited progress, not deterioration
  EXPECT_TRUE(at(9.5).linear);
  EXPECT_DOUBLE_EQ(*at(9.5).measure, 0.95);
  EXPECT_NE(at(9.5).explanation.find("giá trị gốc bằng 0"), std::string::npos);
  // Never the 0,001 substitution: that would give R in the hundreds.
  EXPECT_LT(*at(6).measure, 1);
}

TEST(Trend, NegativeRatioIsDeterioration) {
  EXPECT_EQ(classify_trend(annual(10, 2020, 9.99, 2021, 100, 2030)).cls, ProgressClass::Deterioration);
}

TEST(Trend, NeedsTwoValues) {
  auto in = annual(50, 2023, 60, 2023, 100, 2025);
  in.base.reset();
  const auto c = classify_trend(in);
  EXPECT_TRUE(c.insufficient);
  EXPECT_EQ(c.cls, ProgressClass::NoData);
  // A met target needs no trend.
  in.current->value = 100;
  EXPECT_EQ(classify_trend(in).cls, ProgressClass::Achieved);
}

TEST(Trend, TargetEqualToBaseDecidesByDirectionOfChange) {
  // "Trên 30%" with a base of exactly 30%: no growth ratio exists.
  EXPECT_EQ(classify_trend(annual(30, 2022, 30, 2023, 30, 2025, Comparator::Above)).cls, ProgressClass::Stagnation);
  EXPECT_EQ(classify_trend(annual(30, 2022, 29, 2023, 30, 2025, Comparator::Above)).cls, ProgressClass::Deterioration);
  EXPECT_EQ(classify_trend(annual(30, 2022, 30.5, 2023, 30, 2025, Comparator::Above)).cls, ProgressClass::Achieved);
  EXPECT_EQ(classify_projection(annual(30, 2022, 29, 2023, 30, 2025, Comparator::Above)).cls,
            ProgressClass::Deterioration);
}

TEST(Trend, LowerIsBetter) {
  // ≤ 5%, 20% (2021) → 10% (2022), due 2025: CAGR_o = −0,5, CAGR_r = 0,25^(1/4) − 1.
  const auto in = annual(20, 2021, 10, 2022, 5, 2025, Comparator::AtMost);
  EXPECT_EQ(in.target.direction, Direction::LowerIsBetter);
  const auto c = classify_trend(in);
  EXPECT_NEAR(*c.measure, 0.5 / (1 - std::pow(0.25, 0.25)), 1e-9);
  EXPECT_EQ(c.cls, ProgressClass::OnTrack);
  EXPECT_EQ(classify_trend(annual(20, 2021, 25, 2022, 5, 2025, Comparator::AtMost)).cls, ProgressClass::Deterioration);
  EXPECT_EQ(classify_trend(annual(20, 2021, 5, 2022, 5, 2025, Comparator::AtMost)).cls, ProgressClass::Achieved);
  // Mirrored threshold: p = T ÷ vt.
  const auto th = classify_threshold(in);
  EXPECT_DOUBLE_EQ(*th.measure, 0.5);
  EXPECT_EQ(th.cls, ProgressClass::AboveHalf);
  EXPECT_EQ(classify_threshold(annual(20, 2021, 10.01, 2022, 5, 2025, Comparator::AtMost)).cls,
            ProgressClass::BelowHalf);
}

TEST(Trend, NoTargetUsesGrowthAndBoundedShareCorrection) {
  ClassifyInput in = annual(95, 2022, 95.38, 2023, 0, 2025);
  in.target.value.reset();
  // g = 0,4 %/year: below the 0,5 % "moderate" threshold without a ceiling …
  EXPECT_EQ(classify_trend(in).cls, ProgressClass::Limited);
  // … but near 100 % the thresholds shrink by C = 1 − 0,95^4,44 ≈ 0,204, so it is substantial.
  in.limit = 100;
  const auto c = classify_trend(in);
  EXPECT_EQ(c.cls, ProgressClass::OnTrack);
  EXPECT_NE(c.explanation.find("tiến bộ đáng kể"), std::string::npos);
  in.current->value = 94;
  EXPECT_EQ(classify_trend(in).cls, ProgressClass::Deterioration);
}

TEST(Trend, BoundedShareCoefficient) {
  EXPECT_DOUBLE_EQ(bounded_share_coefficient(0, 100), 1);
  EXPECT_DOUBLE_EQ(bounded_share_coefficient(100, 100), 0);
  EXPECT_NEAR(bounded_share_coefficient(90, 100), 1 - std::pow(0.9, 4.44), 1e-12);
  EXPECT_NEAR(bounded_share_coefficient(150, 100), 1 - std::pow(0.5, 4.44), 1e-12);
  EXPECT_DOUBLE_EQ(bounded_share_coefficient(250, 100), 1);
  EXPECT_DOUBLE_EQ(bounded_share_coefficient(0, 0), 1);
}

TEST(Projection, Boundaries) {
  // Zero base, linear projection: projected = 10·vt at 2030, so P = vt ÷ 10.
  auto at = [](double v) { return classify_projection(annual(0, 2020, v, 2021, 100, 2030)); };
  EXPECT_EQ(at(9.5).cls, ProgressClass::OnTrack);
  EXPECT_EQ(at(9.4).cls, ProgressClass::Moderate);
  EXPECT_EQ(at(1).cls, ProgressClass::Moderate);
  EXPECT_EQ(at(0.99).cls, ProgressClass::Stagnation);
  EXPECT_TRUE(at(1).linear);
  EXPECT_DOUBLE_EQ(*at(1).projected, 10);
}

TEST(Projection, DeadlinePassedProjectsTheCurrentValue) {
  const auto c = classify_projection(annual(50, 2022, 70, 2026, 100, 2025));
  EXPECT_NEAR(*c.projected, 70, 1e-9);
  EXPECT_NEAR(*c.measure, 0.4, 1e-9);
}

TEST(Met, Comparators) {
  auto met = [](Comparator c, double v, double t) {
    TargetSpec s;
    s.comparator = c;
    s.value = t;
    s.direction = target_direction(c, Direction::HigherIsBetter);
    return target_met(s, ValuePoint{v, std::nullopt, 0, ""});
  };
  EXPECT_TRUE(met(Comparator::AtLeast, 80, 80));
  EXPECT_FALSE(met(Comparator::Above, 30, 30));
  EXPECT_TRUE(met(Comparator::Above, 30.01, 30));
  EXPECT_TRUE(met(Comparator::Equal, 100, 100));
  EXPECT_FALSE(met(Comparator::Equal, 99, 100));
  EXPECT_TRUE(met(Comparator::AtMost, 5, 5));
  EXPECT_FALSE(met(Comparator::Below, 5, 5));
  EXPECT_TRUE(met(Comparator::Below, 4.9, 5));
}

TEST(Met, Ranges) {
  TargetSpec range;  // "7,2–7,8%"
  range.comparator = Comparator::Equal;
  range.value = 7.2;
  range.value_max = 7.8;
  range.direction = Direction::HigherIsBetter;
  auto v = [](double lo, std::optional<double> hi = std::nullopt) { return ValuePoint{lo, hi, 0, ""}; };
  EXPECT_TRUE(target_met(range, v(7.5)));
  EXPECT_TRUE(target_met(range, v(8.0)));  // beyond the range in the good direction
  EXPECT_FALSE(target_met(range, v(7.0)));
  EXPECT_EQ(*range.effective_value(), 7.2);
  range.direction = Direction::LowerIsBetter;
  EXPECT_FALSE(target_met(range, v(8.0)));
  EXPECT_TRUE(target_met(range, v(7.0)));
  EXPECT_EQ(*range.effective_value(), 7.8);

  // A range value is judged by its least favourable end.
  TargetSpec at_least;
  at_least.comparator = Comparator::AtLeast;
  at_least.value = 7.2;
  EXPECT_FALSE(target_met(at_least, v(7.0, 7.5)));
  EXPECT_TRUE(target_met(at_least, v(7.2, 7.5)));
  TargetSpec at_most;
  at_most.comparator = Comparator::AtMost;
  at_most.value = 7.4;
  at_most.direction = Direction::LowerIsBetter;
  EXPECT_FALSE(target_met(at_most, v(7.0, 7.5)));
  TargetSpec equal;
  equal.comparator = Comparator::Equal;
  equal.value = 100;
  EXPECT_TRUE(target_met(equal, v(99, 101)));
  EXPECT_EQ(v(7.0, 7.5).effective(Direction::HigherIsBetter), 7.0);
  EXPECT_EQ(v(7.0, 7.5).effective(Direction::LowerIsBetter), 7.5);
}

TEST(Threshold, QualitativeTargetCannotBeMeasured) {
  ClassifyInput in = annual(10, 2022, 20, 2023, 0, 2025);
  in.target.value.reset();
  const auto c = classify_threshold(in);
  EXPECT_EQ(c.cls, ProgressClass::NoData);
  EXPECT_TRUE(c.insufficient);
}

}  // namespace
}  // namespace dxmon
