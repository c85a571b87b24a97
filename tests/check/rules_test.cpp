// Each rule at its boundaries, on small datasets built here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/printed_value.h"
#include "check/run_checks.h"

namespace dxmon::check {
namespace {

Indicator indicator(std::string code, std::string unit, Aggregation agg = Aggregation::None) {
  Indicator i;
  i.code = std::move(code);
  i.name = i.code;
  i.unit = std::move(unit);
  i.aggregation = agg;
  return i;
}

Observation obs(std::string ind, Period p, std::optional<double> value, std::string printed, std::string doc = "BC-1") {
  Observation o;
  o.indicator = std::move(ind);
  o.unit = std::string(kNationalUnit);
  o.period = p;
  o.value = value;
  o.as_printed = std::move(printed);
  o.provenance.kind = ProvenanceKind::Report;
  o.provenance.document = std::move(doc);
  o.provenance.location = "dòng 1";
  return o;
}

std::vector<Finding> run(const Dataset& d, const std::string& rule, CheckOptions options = {}) {
  options.rules = {rule};
  return run_checks(d, options);
}

TEST(PrintedValue, PrecisionAndQualifierComeFromTheText) {
  auto p = printed_value(80800, "hơn 80,8 nghìn");
  EXPECT_DOUBLE_EQ(p.unit, 100);
  EXPECT_EQ(p.qualifier, Qualifier::Over);
  EXPECT_DOUBLE_EQ(p.interval().lo, 80800);
  EXPECT_DOUBLE_EQ(p.interval().hi, 80900);
  auto s = printed_value(91.32, "11.923/13.506 cơ sở (đạt tỷ lệ 91,32%)");
  EXPECT_NEAR(s.unit, 0.01, 1e-12);
  EXPECT_FALSE(s.exact);
  EXPECT_TRUE(printed_value(11923, "11.923/13.506").exact);
  EXPECT_DOUBLE_EQ(printed_value(4483, "4,483 nghìn").unit, 1);
  // Not in the text: inferred; trailing zeros of large counts are taken as rounding.
  EXPECT_DOUBLE_EQ(printed_value(2000, "65%").unit, 1000);
  EXPECT_DOUBLE_EQ(printed_value(3200, "").unit, 100);
  EXPECT_TRUE(printed_value(15, "").exact);
}

TEST(ShareConsistency, RoundingIsToleratedToHalfAPrintedUnit) {
  Dataset d;
  d.indicators = {indicator("r", "%")};
  auto ok = obs("r", Period::of_year(2022), 33.33, "33,33%");
  ok.numerator = 1;
  ok.denominator = 3;  // 33,333…: inside [33,325; 33,335]
  auto off = obs("r", Period::of_year(2023), 33.34, "33,34%");
  off.numerator = 1;
  off.denominator = 3;  // outside [33,335; 33,345]
  d.observations = {ok, off};
  auto f = run(d, "share_consistency");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period, Period::of_year(2023));
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_NE(f[0].message.find("1/3 = 33,33%, báo cáo ghi 33,34%"), std::string::npos) << f[0].message;
}

TEST(ShareBounds, OutsideZeroToHundredAndNumeratorAboveDenominator) {
  Dataset d;
  d.indicators = {indicator("r", "%")};
  auto hundred = obs("r", Period::of_year(2021), 100, "100%");
  auto over = obs("r", Period::of_year(2022), 100.5, "100,5%");
  auto negative = obs("r", Period::of_year(2023), -0.1, "-0,1%");
  auto counts = obs("r", Period::of_year(2024), std::nullopt, "31/30");
  counts.numerator = 31;
  counts.denominator = 30;
  d.observations = {hundred, over, negative, counts};
  auto f = run(d, "share_bounds");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_NE(f[0].message.find("100,5%"), std::string::npos) << f[0].message;
  EXPECT_NE(f[2].message.find("Tử số 31 lớn hơn mẫu số 30"), std::string::npos) << f[2].message;
}

TEST(SumConsistency, ExactSumPassesAndOneOffFails) {
  Dataset d;
  d.indicators = {indicator("t", "tác phẩm"), indicator("a", "tác phẩm"), indicator("b", "tác phẩm")};
  d.observations = {obs("t", Period::of_year(2022), 165, "165"), obs("a", Period::of_year(2022), 146, "146"),
                    obs("b", Period::of_year(2022), 19, "19"), obs("t", Period::of_year(2023), 166, "166"),
                    obs("a", Period::of_year(2023), 146, "146"), obs("b", Period::of_year(2023), 19, "19"),
                    // a part missing: nothing to add up
                    obs("t", Period::of_year(2024), 500, "500"), obs("a", Period::of_year(2024), 1, "1")};
  CheckOptions o;
  o.relations = {{RelationKind::SumOf, "t", {"a", "b"}, {}, "test"}};
  auto f = run(d, "sum_consistency", o);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period, Period::of_year(2023));
  EXPECT_NE(f[0].message.find("146 + 19 = 165, khác tổng 166"), std::string::npos) << f[0].message;
}

TEST(DuplicateInReport, SameReportDifferentValuesOnly) {
  Dataset d;
  d.indicators = {indicator("x", "%"), indicator("y", "%")};
  d.observations = {obs("x", Period::of_year(2022), 13.9, "13,9%", "R"), obs("x", Period::of_year(2022), 13.90, "13,90%", "R#2"),
                    obs("x", Period::of_year(2023), 13.9, "13,9%", "R"), obs("x", Period::of_year(2023), 9, "9%", "S"),
                    obs("y", Period::of_year(2024), 5, "5%", "R"), obs("x", Period::of_year(2024), 7, "7%", "R#2")};
  auto none = run(d, "duplicate_in_report");
  EXPECT_TRUE(none.empty());  // 13,9 = 13,90; 2023 values are from two reports; x and y unrelated
  CheckOptions o;
  o.relations = {{RelationKind::SameQuantity, "x", {"y"}, {}, "test"}};
  auto f = run(d, "duplicate_in_report", o);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period, Period::of_year(2024));
  EXPECT_EQ(f[0].values.size(), 2u);
}

TEST(CumulativeMonotonic, RunningTotalsErrorStocksWarnEqualIsFine) {
  Dataset d;
  d.indicators = {indicator("c", "dịch vụ", Aggregation::Sum), indicator("s", "cơ quan", Aggregation::Last),
                  indicator("n", "hồ sơ", Aggregation::Sum)};
  d.observations = {obs("c", Period::of_year(2022), 100, "100"), obs("c", Period::of_year(2023), 100, "100"),
                    obs("c", Period::of_quarter(2024, 1), 99, "99"), obs("s", Period::of_year(2022), 16, "16"),
                    obs("s", Period::of_year(2023), 15, "15"), obs("n", Period::of_year(2022), 9, "9"),
                    obs("n", Period::of_year(2023), 1, "1")};
  CheckOptions o;
  o.relations = {{RelationKind::Cumulative, "c", {}, {}, "test"}};
  o.rules = {"cumulative_monotonic", "stock_decrease"};
  auto f = run_checks(d, o);
  // c: 100 → 100 is no fall, 100 → 99 is; s: 16 → 15; n (a flow, aggregation sum) may fall.
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "cumulative_monotonic");
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].period, Period::of_quarter(2024, 1));
  EXPECT_EQ(f[1].rule, "stock_decrease");
  EXPECT_EQ(f[1].severity, Severity::Warning);
  EXPECT_NE(f[1].message.find("từ 16"), std::string::npos) << f[1].message;
}

TEST(RepeatedValues, AYearApartButNotAtTheCeiling) {
  Dataset d;
  d.indicators = {indicator("r", "%"), indicator("full", "%")};
  auto a = obs("r", Period::of_year(2022), std::nullopt, "69/179");
  a.numerator = 69;
  a.denominator = 179;
  auto b = a;
  b.period = Period::of_month(2023, 12);  // 365 days later
  auto c = a;
  c.indicator = "full";
  c.numerator = c.denominator = 63;
  auto e = c;
  e.period = Period::of_year(2024);
  d.observations = {a, b, c, e};
  auto f = run(d, "repeated_values");
  ASSERT_EQ(f.size(), 1u);
  CheckOptions o;
  o.repeated_min_days = 366;
  EXPECT_TRUE(run(d, "repeated_values", o).empty());
}

Dataset with_ministries(int n, const Date& valid_to = Date{2025, 2, 28}) {
  Dataset d;
  for (int i = 0; i < n; ++i) {
    ReportingUnit u;
    u.code = "bo-" + std::to_string(i);
    u.name = "Bộ số " + std::to_string(i);
    u.kind = i % 3 == 0 ? UnitKind::GovernmentAgency : UnitKind::Ministry;
    u.valid_to = valid_to;
    d.units.push_back(u);
  }
  return d;
}

TEST(DenominatorGroup, DenominatorAgainstTheGroupInForce) {
  Dataset d = with_ministries(30);
  d.indicators = {indicator("r", "%")};
  auto right = obs("r", Period::of_year(2023), std::nullopt, "21/30");
  right.numerator = 21;
  right.denominator = 30;
  auto wrong = right;
  wrong.period = Period::of_year(2022);
  wrong.denominator = 22;
  auto after = right;  // on 2025-12-31 none of the 30 is in force any more
  after.period = Period::of_year(2025);
  d.observations = {right, wrong, after};
  CheckOptions o;
  o.relations = {{RelationKind::DenominatorGroup, "r", {}, *parse_unit_selection("bo_nganh"), "test"}};
  auto f = run(d, "denominator_group", o);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].period, Period::of_year(2022));
  // A list of kinds: only the 20 ministries.
  o.relations[0].group = *parse_unit_selection("ministry");
  EXPECT_EQ(run(d, "denominator_group", o).size(), 2u);
}

TEST(AchievedClaims, ComparatorAndRangeAtTheBoundary) {
  Dataset d;
  d.indicators = {indicator("a", "%"), indicator("b", "%"), indicator("c", "%")};
  auto target = [](std::string code, std::string ind, Comparator c, double v) {
    Target t;
    t.programme = "p";
    t.code = code;
    t.printed_group = "Nhóm các mục tiêu đã hoàn thành";
    t.deadline = Period::of_year(2025);
    TargetItem i;
    i.indicator = std::move(ind);
    i.comparator = c;
    i.value = v;
    i.as_printed = "≥ " + std::to_string(static_cast<int>(v)) + "%";
    t.items.push_back(i);
    return t;
  };
  d.targets = {target("1", "a", Comparator::AtLeast, 50), target("2", "b", Comparator::Above, 50),
               target("3", "c", Comparator::AtLeast, 100)};
  d.targets[2].printed_group = "Nhóm các mục tiêu chưa hoàn thành";  // not a claim of achievement
  d.observations = {obs("a", Period::of_year(2023), 50, "50%"), obs("b", Period::of_year(2023), 50, "50%"),
                    obs("c", Period::of_year(2023), 10, "10%"),
                    // later than the deadline: not the target's period
                    obs("a", Period::of_year(2026), 10, "10%")};
  auto f = run(d, "achieved_claim");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].target, "p/2");
}

TEST(Outliers, ZScoreAndModifiedZScoreNeedEnoughHistory) {
  Dataset d;
  d.indicators = {indicator("x", "hồ sơ", Aggregation::Sum)};
  const double values[] = {100, 102, 98, 101, 99, 100, 180};
  for (int m = 1; m <= 7; ++m) d.observations.push_back(obs("x", Period::of_month(2024, m), values[m - 1], ""));
  auto z = run(d, "outlier_zscore");
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z[0].period, Period::of_month(2024, 7));
  EXPECT_EQ(run(d, "outlier_modified_zscore").size(), 1u);
  CheckOptions o;
  o.min_history = 7;  // the last value has only 6 before it
  EXPECT_TRUE(run(d, "outlier_zscore", o).empty());
  o.min_history = 4;
  o.z_threshold = 1000;
  EXPECT_TRUE(run(d, "outlier_zscore", o).empty());
}

// A unit's months are compared with its months, its quarters with its quarters: a quarter's 33
// dossiers are three months' worth, not an outlier among monthly 10s and 11s.
TEST(Outliers, OnlyTheSamePeriodTypeIsHistory) {
  Dataset d;
  d.indicators = {indicator("x", "hồ sơ", Aggregation::Sum)};
  const double months[] = {10, 11, 12, 10, 11, 11};
  for (int m = 1; m <= 6; ++m) d.observations.push_back(obs("x", Period::of_month(2024, m), months[m - 1], ""));
  d.observations.push_back(obs("x", Period::of_quarter(2024, 1), 33, ""));
  d.observations.push_back(obs("x", Period::of_quarter(2024, 2), 32, ""));
  EXPECT_TRUE(run(d, "outlier_zscore").empty());
  EXPECT_TRUE(run(d, "outlier_modified_zscore").empty());
  d.observations.push_back(obs("x", Period::of_month(2024, 7), 60, ""));
  auto z = run(d, "outlier_modified_zscore");
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z[0].period, Period::of_month(2024, 7));
}

// Seed 004 line 50–52's counts add up; one count changed at a time makes them not.
TEST(TaskCountSum, GroupsMakeTheProgrammeAndStatusesSplitTheirGroup) {
  auto count = [](std::optional<UnitGroup> group, std::optional<TaskStatus> status, long n) {
    TaskCount c;
    c.programme = "khhd2022";
    c.group = group;
    c.status = status;
    c.count = n;
    c.as_printed = std::to_string(n);
    c.as_of = Date{2022, 12, 31};
    c.document = "BC-1";
    c.source = "dòng 50";
    return c;
  };
  Dataset d;
  d.task_counts = {count(std::nullopt, std::nullopt, 107), count(UnitGroup::Ministries, std::nullopt, 44),
                   count(UnitGroup::Provinces, std::nullopt, 63),
                   count(UnitGroup::Ministries, TaskStatus::Completed, 42),
                   count(UnitGroup::Ministries, TaskStatus::InProgress, 2),
                   count(std::nullopt, TaskStatus::Completed, 80)};  // one status alone is no sum
  EXPECT_TRUE(run(d, "task_count_sum").empty());

  Dataset more = d;
  more.task_counts[2].count = 64;  // 44 + 64 = 108 tasks of 107
  auto f = run(more, "task_count_sum");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].period, Period::of_year(2022));
  EXPECT_EQ(f[0].values.size(), 3u);
  EXPECT_NE(f[0].message.find("= 108, khác tổng 107 nhiệm vụ"), std::string::npos) << f[0].message;

  Dataset fewer = d;
  fewer.task_counts[4].count = 1;  // 42 + 1 of 44: one task without a status
  f = run(fewer, "task_count_sum");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_NE(f[0].message.find("(1 nhiệm vụ không được nêu)"), std::string::npos) << f[0].message;

  Dataset other_day = d;
  other_day.task_counts[2].as_of = Date{2023, 12, 31};  // another report's count is not a part
  EXPECT_TRUE(run(other_day, "task_count_sum").empty());
}

TEST(Relations, RowsAreValidated) {
  RelationFault fault;
  auto r = relation_from_cells("sum_of", "t", "a; b", "", "src", fault);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->parts, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(relation_from_cells("sum", "t", "a", "", "", fault));
  EXPECT_EQ(fault.field, "relation");
  EXPECT_NE(fault.fix.find("sum_of"), std::string::npos);
  EXPECT_FALSE(relation_from_cells("sum_of", "t", "", "", "", fault));
  EXPECT_EQ(fault.field, "parts");
  EXPECT_FALSE(relation_from_cells("denominator_group", "t", "", "bo nganh", "", fault));
  EXPECT_EQ(fault.field, "group");
  EXPECT_NE(fault.fix.find("bo_nganh"), std::string::npos);
  auto g = relation_from_cells("denominator_group", "t", "", "ministry;ministry_level_agency", "", fault);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->group.label_vi(), "bộ, cơ quan ngang bộ");
}

}  // namespace
}  // namespace dxmon::check
