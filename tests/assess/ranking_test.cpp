// Rankings: ties share a rank and the next skips, direction, change since the previous period,
// new entries, and the DTI-style composite (points ÷ maximum).
#include "assess/ranking.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dxmon {
namespace {

std::vector<int> ranks(const std::vector<RankedUnit>& r) {
  std::vector<int> out;
  for (const auto& u : r) out.push_back(u.rank);
  return out;
}

TEST(Ranking, TiesShareRankAndNextSkips) {
  const auto r = rank_units({{"c", 80}, {"a", 90}, {"b", 90}, {"d", 70}}, Direction::HigherIsBetter);
  EXPECT_EQ(ranks(r), (std::vector<int>{1, 1, 3, 4}));
  EXPECT_EQ(r[0].unit, "a");
  EXPECT_EQ(r[1].unit, "b");
  EXPECT_TRUE(r[0].tied && r[1].tied);
  EXPECT_FALSE(r[2].tied);
  // Equal up to floating-point noise is equal.
  const auto n = rank_units({{"a", 0.1 + 0.2}, {"b", 0.3}}, Direction::HigherIsBetter);
  EXPECT_EQ(ranks(n), (std::vector<int>{1, 1}));
}

TEST(Ranking, LowerIsBetter) {
  const auto r = rank_units({{"a", 5}, {"b", 2}, {"c", 2}, {"d", 9}}, Direction::LowerIsBetter);
  EXPECT_EQ(r[0].unit, "b");
  EXPECT_EQ(ranks(r), (std::vector<int>{1, 1, 3, 4}));
  EXPECT_EQ(r[3].unit, "d");
}

TEST(Ranking, ChangeSincePreviousAndNewEntries) {
  auto before = rank_units({{"a", 90}, {"b", 80}, {"c", 70}}, Direction::HigherIsBetter);
  auto now = rank_units({{"a", 85}, {"b", 95}, {"c", 70}, {"d", 99}}, Direction::HigherIsBetter);
  compare_with_previous(now, before);
  ASSERT_EQ(now[0].unit, "d");
  EXPECT_TRUE(now[0].is_new);
  EXPECT_FALSE(now[0].rank_change);
  EXPECT_EQ(now[1].unit, "b");
  EXPECT_EQ(*now[1].previous_rank, 2);
  EXPECT_EQ(*now[1].rank_change, 0);
  EXPECT_EQ(now[2].unit, "a");
  EXPECT_EQ(*now[2].rank_change, -2);
  EXPECT_EQ(*now[3].rank_change, -1);
}

TEST(Ranking, ByIndicatorUsesUnitValuesOfThePeriod) {
  Indicator ind;
  ind.code = "dvc";
  ind.direction = Direction::HigherIsBetter;
  auto obs = [](std::string unit, Period p, std::optional<double> v, std::optional<Date> as_of = std::nullopt) {
    Observation o;
    o.indicator = "dvc";
    o.unit = std::move(unit);
    o.period = p;
    o.value = v;
    o.as_of = as_of;
    if (!v) o.flags.no_data = true;
    return o;
  };
  const Period y23 = Period::of_year(2023), y24 = Period::of_year(2024);
  std::vector<Observation> all{
      obs("tinh-01", y23, 50), obs("tinh-02", y23, 60),
      obs("tinh-01", y24, 70), obs("tinh-02", y24, 65), obs("tinh-03", y24, 70),
      obs("tinh-02", y24, 75, Date{2025, 1, 20}),  // a later document revises tinh-02
      obs("tinh-04", y24, std::nullopt),            // no data: not ranked
      obs(std::string(kNationalUnit), y24, 68),     // the national figure is not a unit
  };
  const auto r = rank_by_indicator(all, ind, y24, y23);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].unit, "tinh-02");
  EXPECT_EQ(r[0].score, 75);
  EXPECT_EQ(*r[0].rank_change, 0);
  EXPECT_EQ(r[1].unit, "tinh-01");
  EXPECT_EQ(r[1].rank, 2);
  EXPECT_EQ(*r[1].rank_change, 0);
  EXPECT_EQ(r[2].unit, "tinh-03");
  EXPECT_EQ(r[2].rank, 2);
  EXPECT_TRUE(r[2].is_new);
}

TEST(Composite, PointsOverMaximumAsDti) {
  const std::vector<CompositeComponent> components{{"nt", "Nhận thức số", 100}, {"tc", "Thể chế số", 900}};
  const auto scores = composite_scores(components, {{"tinh-01", {{"nt", 80}, {"tc", 450}}},
                                                    {"tinh-02", {{"nt", 100}, {"tc", 430}}},
                                                    {"tinh-03", {{"nt", 50}}}});
  ASSERT_EQ(scores.size(), 3u);
  EXPECT_DOUBLE_EQ(scores[0].points, 530);
  EXPECT_DOUBLE_EQ(scores[0].max_points, 1000);
  EXPECT_DOUBLE_EQ(scores[0].index, 0.53);
  EXPECT_DOUBLE_EQ(scores[0].component_index.at("nt"), 0.8);
  EXPECT_DOUBLE_EQ(scores[0].component_index.at("tc"), 0.5);
  EXPECT_EQ(scores[2].missing, std::vector<std::string>{"tc"});
  const auto r = rank_composite(scores);
  EXPECT_EQ(ranks(r), (std::vector<int>{1, 1, 3}));  // 530 and 530 tie
  EXPECT_EQ(r[2].unit, "tinh-03");

  EXPECT_THROW(composite_scores(components, {{"tinh-01", {{"nt", 101}}}}), std::invalid_argument);
  EXPECT_THROW(composite_scores(components, {{"tinh-01", {{"xx", 1}}}}), std::invalid_argument);
  EXPECT_THROW(composite_scores({{"nt", "", 0}}, {}), std::invalid_argument);
  try {
    composite_scores(components, {{"tinh-01", {{"nt", -1}}}});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("nằm ngoài khoảng cho phép 0–100"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace dxmon
