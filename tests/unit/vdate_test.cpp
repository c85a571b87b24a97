#include "text/vdate.h"

#include <gtest/gtest.h>

namespace dxmon::text {
namespace {

TEST(FormatDate, LongFormFollowsDecree30) {
  EXPECT_EQ(format_date_long({2024, 2, 16}), "ngày 16 tháng 02 năm 2024");
  EXPECT_EQ(format_date_long({2024, 3, 5}), "ngày 05 tháng 3 năm 2024");
  EXPECT_EQ(format_date_long({2022, 12, 20}), "ngày 20 tháng 12 năm 2022");
  EXPECT_EQ(format_date_long({2024, 1, 1}), "ngày 01 tháng 01 năm 2024");
  EXPECT_EQ(format_date_long({2024, 10, 9}), "ngày 09 tháng 10 năm 2024");
}

TEST(FormatDate, ShortForm) {
  EXPECT_EQ(format_date_short({2024, 2, 16}), "16/02/2024");
  EXPECT_EQ(format_date_short({2024, 12, 5}), "05/12/2024");
}

TEST(ParseDate, AcceptedForms) {
  const Date d{2024, 2, 16};
  for (const char* s : {"16/02/2024", "16/2/2024", "2024-02-16", "ngày 16 tháng 02 năm 2024", "16 tháng 2 năm 2024",
                        "Ngày 16 tháng 2 năm 2024", "ngay 16 thang 2 nam 2024", " 16/02/2024 ", "16-02-2024",
                        "16.02.2024"})
    EXPECT_EQ(parse_date(s), d) << s;
}

TEST(ParseDate, RoundTripsItsOwnOutput) {
  for (Date d : {Date{2024, 2, 16}, Date{2024, 3, 5}, Date{2022, 12, 20}, Date{2024, 2, 29}}) {
    EXPECT_EQ(parse_date(format_date_long(d)), d);
    EXPECT_EQ(parse_date(format_date_short(d)), d);
  }
}

TEST(ParseDate, RejectsInvalid) {
  for (const char* s : {"30/02/2024", "29/02/2023", "32/01/2024", "16/13/2024", "", "16/02", "2024", "abc",
                        "ngày 16 tháng 02", "16/02/24", "tháng 3/2024"})
    EXPECT_FALSE(parse_date(s)) << s;
}

TEST(PeriodLabel, Labels) {
  EXPECT_EQ(period_label(Period::of_month(2024, 3)), "tháng 3/2024");
  EXPECT_EQ(period_label(Period::of_quarter(2024, 1)), "Quý I năm 2024");
  EXPECT_EQ(period_label(Period::of_quarter(2023, 4)), "Quý IV năm 2023");
  EXPECT_EQ(period_label(Period::of_half(2023, 1)), "06 tháng đầu năm 2023");
  EXPECT_EQ(period_label(Period::of_half(2023, 2)), "06 tháng cuối năm 2023");
  EXPECT_EQ(period_label(Period::of_nine_months(2023)), "9 tháng năm 2023");
  EXPECT_EQ(period_label(Period::of_year(2022)), "năm 2022");
  EXPECT_EQ(period_label(Period::of_day({2024, 3, 15})), "ngày 15/03/2024");
}

TEST(ParsePeriod, LabelsAndVariantsFromReports) {
  struct Case {
    const char* text;
    Period expected;
  };
  for (const Case& c : {
           Case{"tháng 3/2024", Period::of_month(2024, 3)},
           Case{"tháng 03 năm 2024", Period::of_month(2024, 3)},
           Case{"Tháng 12 năm 2023", Period::of_month(2023, 12)},
           Case{"Quý I năm 2024", Period::of_quarter(2024, 1)},
           Case{"Quy I nam 2024", Period::of_quarter(2024, 1)},
           Case{"QUÝ III NĂM 2024", Period::of_quarter(2024, 3)},
           Case{"Quý 1/2024", Period::of_quarter(2024, 1)},
           Case{"quý IV/2023", Period::of_quarter(2023, 4)},
           Case{"quý I/2024", Period::of_quarter(2024, 1)},
           Case{"6 tháng đầu năm 2023", Period::of_half(2023, 1)},
           Case{"06 tháng đầu năm 2023", Period::of_half(2023, 1)},
           Case{"6 tháng năm 2023", Period::of_half(2023, 1)},
           Case{"6 tháng cuối năm 2023", Period::of_half(2023, 2)},
           Case{"06 tháng cuối năm 2023", Period::of_half(2023, 2)},
           Case{"9 tháng năm 2023", Period::of_nine_months(2023)},
           Case{"9 tháng đầu năm 2023", Period::of_nine_months(2023)},
           Case{"3 tháng đầu năm 2024", Period::of_quarter(2024, 1)},
           Case{"3 tháng cuối năm 2024", Period::of_quarter(2024, 4)},
           Case{"12 tháng năm 2021", Period::of_year(2021)},
           Case{"năm 2022", Period::of_year(2022)},
           Case{"Năm 2022", Period::of_year(2022)},
           Case{"cả năm 2022", Period::of_year(2022)},
           Case{"trong năm 2022", Period::of_year(2022)},
           Case{"Trong quý II/2024", Period::of_quarter(2024, 2)},
           Case{"ngày 15/03/2024", Period::of_day({2024, 3, 15})},
           Case{"15/03/2024", Period::of_day({2024, 3, 15})},
           Case{"Q1/2024", Period::of_quarter(2024, 1)},
           Case{"2024-q1", Period::of_quarter(2024, 1)},
           Case{"H2/2023", Period::of_half(2023, 2)},
       }) {
    auto p = parse_period(c.text);
    ASSERT_TRUE(p) << c.text;
    EXPECT_EQ(*p, c.expected) << c.text << " → " << p->id();
  }
}

TEST(ParsePeriod, AcceptsIdentifiers) {
  for (const char* id : {"2024-03", "2024-Q1", "2024-H1", "2024-M9", "2024", "2024-03-15"}) {
    auto p = parse_period(id);
    ASSERT_TRUE(p) << id;
    EXPECT_EQ(p->id(), id);
  }
}

TEST(ParsePeriod, LabelsRoundTrip) {
  for (Period p : {Period::of_month(2024, 3), Period::of_quarter(2024, 2), Period::of_half(2024, 1),
                   Period::of_half(2024, 2), Period::of_nine_months(2024), Period::of_year(2024),
                   Period::of_day({2024, 2, 29})})
    EXPECT_EQ(parse_period(period_label(p)), p) << period_label(p);
}

TEST(ParsePeriod, RejectsNonsense) {
  for (const char* s : {"", "abc", "tháng 13/2024", "Quý V năm 2024", "7 tháng đầu năm 2024", "9 tháng cuối năm 2024",
                        "11 tháng đầu năm 2022", "6 tháng giữa năm 2024",
                        "quý I", "tháng 3", "ngày 30/02/2024", "2024-Q5", "năm",
                        "trong", "Hàng năm", "Thường xuyên", "2021-2025"})
    EXPECT_FALSE(parse_period(s)) << s;
}

}  // namespace
}  // namespace dxmon::text
