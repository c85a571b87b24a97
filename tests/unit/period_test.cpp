#include "core/period.h"

#include <gtest/gtest.h>

namespace dxmon {
namespace {

TEST(Date, ParseIsoAndValidity) {
  EXPECT_EQ(Date::parse_iso("2024-02-16"), (Date{2024, 2, 16}));
  EXPECT_EQ(Date::parse_iso("2024-02-29"), (Date{2024, 2, 29}));  // leap year
  EXPECT_FALSE(Date::parse_iso("2023-02-29"));
  EXPECT_FALSE(Date::parse_iso("2024-02-30"));
  EXPECT_FALSE(Date::parse_iso("2024-13-01"));
  EXPECT_FALSE(Date::parse_iso("2024-04-31"));
  EXPECT_FALSE(Date::parse_iso("2024-2-16"));
  EXPECT_FALSE(Date::parse_iso("16/02/2024"));
  EXPECT_FALSE(Date::parse_iso(""));
  EXPECT_FALSE((Date{2024, 2, 30}).valid());
  EXPECT_TRUE((Date{2000, 2, 29}).valid());   // divisible by 400
  EXPECT_FALSE((Date{1900, 2, 29}).valid());  // divisible by 100 only
  EXPECT_EQ((Date{2024, 3, 5}).iso(), "2024-03-05");
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2023, 12), 31);
}

TEST(Date, DaysSinceEpoch) {
  EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
  EXPECT_EQ((Date{1969, 12, 31}).days_since_epoch(), -1);
  EXPECT_EQ((Date{2000, 3, 1}).days_since_epoch(), 11017);
  EXPECT_EQ((Date{2024, 2, 16}).days_since_epoch(), 19769);
  EXPECT_EQ((Date{2024, 2, 28}).plus_days(1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2023, 2, 28}).plus_days(1), (Date{2023, 3, 1}));
  EXPECT_EQ((Date{2024, 12, 31}).plus_days(1), (Date{2025, 1, 1}));
  EXPECT_EQ((Date{2025, 1, 1}).plus_days(-1), (Date{2024, 12, 31}));
  // Every day over four centuries round-trips and follows the previous one.
  Date prev = Date::from_days_since_epoch(-80000);
  for (long d = -79999; d < 80000; ++d) {
    Date cur = Date::from_days_since_epoch(d);
    ASSERT_TRUE(cur.valid()) << d;
    ASSERT_EQ(cur.days_since_epoch(), d);
    ASSERT_LT(prev, cur);
    prev = cur;
  }
}

TEST(Period, IdsRoundTrip) {
  for (const char* id : {"2024-03", "2024-Q1", "2024-H1", "2024-H2", "2024-M9", "2024", "2024-03-15", "2023-12",
                         "2023-Q4"}) {
    auto p = Period::parse_id(id);
    ASSERT_TRUE(p) << id;
    EXPECT_EQ(p->id(), id);
  }
  EXPECT_EQ(Period::parse_id("2024-03"), Period::of_month(2024, 3));
  EXPECT_EQ(Period::parse_id("2024-Q1"), Period::of_quarter(2024, 1));
  EXPECT_EQ(Period::parse_id("2024-H1"), Period::of_half(2024, 1));
  EXPECT_EQ(Period::parse_id("2024-M9"), Period::of_nine_months(2024));
  EXPECT_EQ(Period::parse_id("2024"), Period::of_year(2024));
  EXPECT_EQ(Period::parse_id("2024-03-15"), Period::of_day({2024, 3, 15}));
}

TEST(Period, RejectsBadIds) {
  for (const char* id : {"", "24", "2024-13", "2024-00", "2024-Q5", "2024-Q0", "2024-H3", "2024-M6", "2024-3",
                         "2024-02-30", "2024Q1", "Q1-2024", "2024-q1", "20245", "abcd"})
    EXPECT_FALSE(Period::parse_id(id)) << id;
}

TEST(Period, FirstAndLastDays) {
  EXPECT_EQ(Period::of_month(2024, 2).last_day(), (Date{2024, 2, 29}));
  EXPECT_EQ(Period::of_month(2023, 2).last_day(), (Date{2023, 2, 28}));
  EXPECT_EQ(Period::of_quarter(2024, 2).first_day(), (Date{2024, 4, 1}));
  EXPECT_EQ(Period::of_quarter(2024, 2).last_day(), (Date{2024, 6, 30}));
  EXPECT_EQ(Period::of_quarter(2024, 4).last_day(), (Date{2024, 12, 31}));
  EXPECT_EQ(Period::of_half(2024, 2).first_day(), (Date{2024, 7, 1}));
  EXPECT_EQ(Period::of_nine_months(2024).first_day(), (Date{2024, 1, 1}));
  EXPECT_EQ(Period::of_nine_months(2024).last_day(), (Date{2024, 9, 30}));
  EXPECT_EQ(Period::of_year(2024).last_day(), (Date{2024, 12, 31}));
  EXPECT_EQ(Period::of_day({2024, 3, 15}).first_day(), (Date{2024, 3, 15}));
  EXPECT_EQ(Period::of_day({2024, 3, 15}).last_day(), (Date{2024, 3, 15}));
}

TEST(Period, Contains) {
  const Period y = Period::of_year(2024), m9 = Period::of_nine_months(2024), h1 = Period::of_half(2024, 1);
  for (int q = 1; q <= 4; ++q) EXPECT_TRUE(y.contains(Period::of_quarter(2024, q)));
  for (int m = 1; m <= 12; ++m) EXPECT_TRUE(y.contains(Period::of_month(2024, m)));
  EXPECT_TRUE(y.contains(Period::of_half(2024, 2)));
  EXPECT_TRUE(y.contains(m9));
  EXPECT_TRUE(y.contains(Period::of_day({2024, 12, 31})));
  EXPECT_TRUE(y.contains(y));
  EXPECT_FALSE(y.contains(Period::of_quarter(2023, 4)));
  EXPECT_FALSE(y.contains(Period::of_year(2025)));

  for (int q = 1; q <= 3; ++q) EXPECT_TRUE(m9.contains(Period::of_quarter(2024, q)));
  EXPECT_FALSE(m9.contains(Period::of_quarter(2024, 4)));
  EXPECT_TRUE(m9.contains(h1));
  EXPECT_FALSE(m9.contains(Period::of_half(2024, 2)));
  EXPECT_TRUE(m9.contains(Period::of_month(2024, 9)));
  EXPECT_FALSE(m9.contains(Period::of_month(2024, 10)));
  EXPECT_FALSE(m9.contains(y));

  EXPECT_TRUE(h1.contains(Period::of_quarter(2024, 1)));
  EXPECT_TRUE(h1.contains(Period::of_quarter(2024, 2)));
  EXPECT_FALSE(h1.contains(Period::of_quarter(2024, 3)));
  EXPECT_FALSE(Period::of_quarter(2024, 1).contains(h1));
  EXPECT_FALSE(Period::of_month(2024, 3).contains(Period::of_quarter(2024, 1)));

  EXPECT_TRUE(Period::of_month(2024, 2).contains(Date{2024, 2, 29}));
  EXPECT_FALSE(Period::of_month(2024, 2).contains(Date{2024, 3, 1}));
  EXPECT_TRUE(m9.contains(Date{2024, 9, 30}));
  EXPECT_FALSE(m9.contains(Date{2024, 10, 1}));
}

TEST(Period, RolledUp) {
  const Period march = Period::of_month(2024, 3);
  EXPECT_EQ(march.rolled_up_to(PeriodType::Quarter), Period::of_quarter(2024, 1));
  EXPECT_EQ(march.rolled_up_to(PeriodType::HalfYear), Period::of_half(2024, 1));
  EXPECT_EQ(march.rolled_up_to(PeriodType::NineMonths), Period::of_nine_months(2024));
  EXPECT_EQ(march.rolled_up_to(PeriodType::Year), Period::of_year(2024));
  EXPECT_EQ(march.rolled_up_to(PeriodType::Month), march);
  EXPECT_FALSE(march.rolled_up_to(PeriodType::Day));
  EXPECT_EQ(Period::of_day({2024, 8, 15}).rolled_up_to(PeriodType::Month), Period::of_month(2024, 8));
  EXPECT_EQ(Period::of_quarter(2024, 3).rolled_up_to(PeriodType::HalfYear), Period::of_half(2024, 2));
  EXPECT_EQ(Period::of_quarter(2024, 3).rolled_up_to(PeriodType::NineMonths), Period::of_nine_months(2024));
  EXPECT_FALSE(Period::of_quarter(2024, 4).rolled_up_to(PeriodType::NineMonths));
  EXPECT_FALSE(Period::of_month(2024, 10).rolled_up_to(PeriodType::NineMonths));
  EXPECT_FALSE(Period::of_quarter(2024, 2).rolled_up_to(PeriodType::Month));
  EXPECT_FALSE(Period::of_nine_months(2024).rolled_up_to(PeriodType::HalfYear));
  EXPECT_EQ(Period::of_half(2024, 1).rolled_up_to(PeriodType::NineMonths), Period::of_nine_months(2024));
}

TEST(Period, SamePeriodPreviousYear) {
  EXPECT_EQ(Period::of_quarter(2024, 2).same_period_previous_year(), Period::of_quarter(2023, 2));
  EXPECT_EQ(Period::of_nine_months(2024).same_period_previous_year(), Period::of_nine_months(2023));
  EXPECT_EQ(Period::of_month(2024, 1).same_period_previous_year(), Period::of_month(2023, 1));
  EXPECT_EQ(Period::of_year(2024).same_period_previous_year(), Period::of_year(2023));
  EXPECT_EQ(Period::of_day({2024, 3, 15}).same_period_previous_year(), Period::of_day({2023, 3, 15}));
  EXPECT_EQ(Period::of_day({2024, 2, 29}).same_period_previous_year(), Period::of_day({2023, 2, 28}));
}

TEST(Period, Months) {
  EXPECT_EQ(Period::of_quarter(2024, 2).months(),
            (std::vector<Period>{Period::of_month(2024, 4), Period::of_month(2024, 5), Period::of_month(2024, 6)}));
  EXPECT_EQ(Period::of_year(2024).months().size(), 12u);
  EXPECT_EQ(Period::of_nine_months(2024).months().size(), 9u);
  EXPECT_EQ(Period::of_nine_months(2024).months().back(), Period::of_month(2024, 9));
  EXPECT_EQ(Period::of_half(2024, 2).months().front(), Period::of_month(2024, 7));
  EXPECT_EQ(Period::of_day({2024, 3, 15}).months(), std::vector<Period>{Period::of_month(2024, 3)});
  EXPECT_EQ(Period::of_month(2024, 3).months(), std::vector<Period>{Period::of_month(2024, 3)});
}

TEST(Period, OrderingIsByTypeThenTime) {
  // operator<=> is the member-wise default: periods of one type sort chronologically.
  EXPECT_LT(Period::of_month(2023, 12), Period::of_month(2024, 1));
  EXPECT_LT(Period::of_quarter(2024, 1), Period::of_quarter(2024, 2));
}

}  // namespace
}  // namespace dxmon
