// Timestamps of dossier records: the common form "2024-03-15T08:30:05" has a fast path of its own
// (a table of month starts); it must agree with the general path and with days_from_civil.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "measure/dossier_record.h"

namespace dxmon::measure {
namespace {

std::string stamp(int y, int m, int d, const char* time) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d%s", y, m, d, time);
  return buf;
}

TEST(Timestamp, TheCommonFormAgreesWithTheGeneralPathOnEveryDayFrom2000To2049) {
  for (int y = kFirstYear; y < kFirstYear + kMonthCount / 12; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= 31; ++d) {
        const auto fast = parse_timestamp(stamp(y, m, d, "T13:54:09"));
        const auto general = parse_timestamp(stamp(y, m, d, "T13:54:09+07:00"));  // the offset takes the general path
        ASSERT_EQ(fast.has_value(), general.has_value()) << stamp(y, m, d, "");
        if (!fast) continue;
        ASSERT_EQ(*fast, *general) << stamp(y, m, d, "");
        ASSERT_EQ(*fast, days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + 13 * 3600 +
                             54 * 60 + 9);
        ASSERT_EQ(month_index_of_seconds(*fast), month_index(y, m));
      }
    }
  }
}

TEST(Timestamp, ImpossibleDatesAndTimesAreRefused) {
  EXPECT_TRUE(parse_timestamp("2024-02-29T08:00:00"));  // a leap year
  EXPECT_FALSE(parse_timestamp("2023-02-29T08:00:00"));
  EXPECT_FALSE(parse_timestamp("2100-02-29T08:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-04-31 08:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-13-01T08:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-00-10T08:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-00T08:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-10T24:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-10T08:60:00"));
  EXPECT_FALSE(parse_timestamp("1999-12-31T23:59:59"));
  EXPECT_FALSE(parse_timestamp("2050-01-01T00:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-1OT08:00:00"));
  // A wrong byte in every position of the common form.
  const std::string good = "2024-03-15T08:30:05";
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (char bad : {'/', 'x', ' ', '\x7f', '\xc3', static_cast<char>('0' - 1), static_cast<char>('9' + 1)}) {
      std::string t = good;
      if (t[i] == bad || (i == 10 && bad == ' ')) continue;  // a space may stand for the T
      t[i] = bad;
      EXPECT_FALSE(parse_timestamp(t)) << t;
    }
  }
  EXPECT_EQ(parse_timestamp("2000-01-01T00:00:00"), 0);
  EXPECT_EQ(parse_timestamp("2000-01-01"), 0);
  EXPECT_EQ(parse_timestamp("2000-01-01T00:00:00Z"), 7 * 3600);
  // The last second of 2049 exists; a leap second after it would be in 2050.
  EXPECT_TRUE(parse_timestamp("2049-12-31T23:59:59"));
  EXPECT_FALSE(parse_timestamp("2049-12-31T23:59:60"));
}

}  // namespace
}  // namespace dxmon::measure
