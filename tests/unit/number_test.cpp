#include "text/number.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string_view>

namespace dxmon::text {
namespace {

TEST(ParseNumber, PercentWithDecimalComma) {
  auto n = parse_number("58,41%");
  EXPECT_FALSE(n.no_data);
  EXPECT_DOUBLE_EQ(n.value, 58.41);
  EXPECT_TRUE(n.percent);
  EXPECT_EQ(n.bound, Bound::None);
  EXPECT_FALSE(n.value_max);
  EXPECT_DOUBLE_EQ(parse_number("1,66%").value, 1.66);
  EXPECT_DOUBLE_EQ(parse_number("100%").value, 100);
  EXPECT_DOUBLE_EQ(parse_number("0%").value, 0);
  EXPECT_TRUE(parse_number("0%").percent);
}

TEST(ParseNumber, ThousandsDots) {
  EXPECT_DOUBLE_EQ(parse_number("1.502.045.890").value, 1502045890);
  EXPECT_FALSE(parse_number("1.502.045.890").percent);
  EXPECT_DOUBLE_EQ(parse_number("1.234,5").value, 1234.5);
  EXPECT_DOUBLE_EQ(parse_number("42").value, 42);
}

// The lone-dot rule documented in number.cpp.
TEST(ParseNumber, LoneDotIsThousandsOnlyBeforeExactlyThreeDigits) {
  EXPECT_DOUBLE_EQ(parse_number("4.591").value, 4591);
  EXPECT_DOUBLE_EQ(parse_number("12.345").value, 12345);
  EXPECT_DOUBLE_EQ(parse_number("3.5").value, 3.5);
  EXPECT_DOUBLE_EQ(parse_number("0.25").value, 0.25);
  EXPECT_DOUBLE_EQ(parse_number("3.1416").value, 3.1416);
  EXPECT_DOUBLE_EQ(parse_number("0.125").value, 0.125);        // "0" cannot start a thousands group
  EXPECT_DOUBLE_EQ(parse_number("1234.567").value, 1234.567);  // nor can four digits
}

TEST(ParseNumber, Ranges) {
  for (const char* s : {"7,2-7,8%", "7,2–7,8%", "7,2 - 7,8 %", "7,2%-7,8%", "7,2 đến 7,8%"}) {
    auto n = parse_number(s);
    EXPECT_DOUBLE_EQ(n.value, 7.2) << s;
    ASSERT_TRUE(n.value_max) << s;
    EXPECT_DOUBLE_EQ(*n.value_max, 7.8) << s;
    EXPECT_TRUE(n.percent) << s;
  }
  auto m = parse_number("2-3 triệu");
  EXPECT_DOUBLE_EQ(m.value, 2e6);
  EXPECT_DOUBLE_EQ(*m.value_max, 3e6);
}

TEST(ParseNumber, Comparators) {
  struct Case {
    const char* text;
    Bound bound;
    double value;
    const char* qualifier;
  };
  for (const Case& c : {Case{"≥ 80%", Bound::AtLeast, 80, "≥"}, Case{">= 80%", Bound::AtLeast, 80, ">="},
                        Case{"≥80%", Bound::AtLeast, 80, "≥"}, Case{"> 50", Bound::Above, 50, ">"},
                        Case{"≤ 5%", Bound::AtMost, 5, "≤"}, Case{"<= 5%", Bound::AtMost, 5, "<="},
                        Case{"< 5%", Bound::Below, 5, "<"}, Case{"= 100%", Bound::Equal, 100, "="},
                        Case{"Trên 30%", Bound::Above, 30, "trên"}, Case{"trên 30 %", Bound::Above, 30, "trên"},
                        Case{"Tren 30%", Bound::Above, 30, "tren"}, Case{"dưới 5%", Bound::Below, 5, "dưới"},
                        Case{"tối thiểu 50%", Bound::AtLeast, 50, "tối thiểu"},
                        Case{"ít nhất 50%", Bound::AtLeast, 50, "ít nhất"},
                        Case{"tối đa 10%", Bound::AtMost, 10, "tối đa"},
                        Case{"không quá 10%", Bound::AtMost, 10, "không quá"}}) {
    auto n = parse_number(c.text);
    EXPECT_EQ(n.bound, c.bound) << c.text;
    EXPECT_DOUBLE_EQ(n.value, c.value) << c.text;
    EXPECT_EQ(n.percent, std::string_view(c.text).find('%') != std::string_view::npos) << c.text;
    EXPECT_EQ(n.qualifier, c.qualifier) << c.text;
  }
}

TEST(ParseNumber, ApproximationsAndMultipliers) {
  auto a = parse_number("hơn 12,8 nghìn");
  EXPECT_DOUBLE_EQ(a.value, 12800);
  EXPECT_EQ(a.bound, Bound::About);
  EXPECT_EQ(a.qualifier, "hơn");
  EXPECT_FALSE(a.percent);

  auto b = parse_number("gần 3,2 nghìn");
  EXPECT_DOUBLE_EQ(b.value, 3200);
  EXPECT_EQ(b.bound, Bound::About);
  EXPECT_EQ(b.qualifier, "gần");

  auto c = parse_number("khoảng 500");
  EXPECT_DOUBLE_EQ(c.value, 500);
  EXPECT_EQ(c.bound, Bound::About);
  EXPECT_EQ(c.qualifier, "khoảng");

  auto d = parse_number("Ước đạt 95%");
  EXPECT_EQ(d.bound, Bound::About);
  EXPECT_EQ(d.qualifier, "ước đạt");

  EXPECT_DOUBLE_EQ(parse_number("203,871 triệu").value, 203871000);
  EXPECT_DOUBLE_EQ(parse_number("2,75 nghìn tỷ").value, 2.75e12);
  EXPECT_DOUBLE_EQ(parse_number("5 tỉ").value, 5e9);
  EXPECT_DOUBLE_EQ(parse_number("1,5 ngàn").value, 1500);
}

TEST(ParseNumber, NoData) {
  for (const char* s : {"-", "–", "—", "", "   ", "chưa có số liệu", "Chưa có số liệu", "chua co so lieu"}) {
    auto n = parse_number(s);
    EXPECT_TRUE(n.no_data) << "'" << s << "'";
  }
  EXPECT_FALSE(parse_number("0").no_data);
}

TEST(ParseNumber, NegativeAndDecomposedInput) {
  EXPECT_DOUBLE_EQ(parse_number("-5,5%").value, -5.5);
  EXPECT_DOUBLE_EQ(parse_number("−2").value, -2);  // U+2212 MINUS SIGN
  // "trên" with the circumflex and tone as combining marks.
  auto n = parse_number("tre\xCC\x82n 30%");
  EXPECT_EQ(n.bound, Bound::Above);
  EXPECT_EQ(n.qualifier, "trên");
}

TEST(ParseNumber, RejectsGarbageSayingWhatWasExpected) {
  for (const char* s : {"abc", "12,3,4%", "1.2.3", "12,", ",5", "5 abc", "80%%", "1.23.456", "7,8-7,2%", "5% triệu",
                        "1,2.345", "≥", "hơn", "7,2-"}) {
    EXPECT_THROW(parse_number(s), std::invalid_argument) << s;
    EXPECT_FALSE(try_parse_number(s)) << s;
  }
  try {
    parse_number("12,3,4%");
    FAIL();
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("12,3,4%"), std::string::npos) << msg;
    EXPECT_NE(msg.find("comma"), std::string::npos) << msg;
    EXPECT_NE(msg.find("58,41"), std::string::npos) << msg;  // an example of what is expected
  }
}

TEST(FormatNumber, VietnameseSeparators) {
  EXPECT_EQ(format_number(1502045890), "1.502.045.890");
  EXPECT_EQ(format_number(58.41), "58,41");
  EXPECT_EQ(format_number(58.41, 2), "58,41");
  EXPECT_EQ(format_number(4591), "4.591");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000), "1.000");
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(0.125), "0,125");
  EXPECT_EQ(format_number(1234.5, 2), "1.234,50");
  EXPECT_EQ(format_number(1.0 / 3), "0,333333");
}

TEST(FormatNumber, RoundsHalfAwayFromZero) {
  EXPECT_EQ(format_number(2.5, 0), "3");
  EXPECT_EQ(format_number(-2.5, 0), "-3");
  EXPECT_EQ(format_number(2.675, 2), "2,68");  // as written, though the double is 2.67499…
  EXPECT_EQ(format_number(999.995, 2), "1.000,00");
  EXPECT_EQ(format_number(-1234567.891, 1), "-1.234.567,9");
  EXPECT_EQ(format_number(-0.001, 2), "0,00");  // no "-0"
  EXPECT_EQ(format_number(-7), "-7");
}

TEST(FormatPercent, Examples) {
  EXPECT_EQ(format_percent(20.0, 0), "20%");
  EXPECT_EQ(format_percent(88.2783, 2), "88,28%");
  EXPECT_EQ(format_percent(58.41), "58,41%");
  EXPECT_EQ(format_percent(100), "100%");
  EXPECT_EQ(format_percent(-3.25, 1), "-3,3%");
}

TEST(FormatNumber, RoundTripsThroughParse) {
  for (double v : {0.0, 1.66, 58.41, 4591.0, 1502045890.0, 1234.5}) {
    EXPECT_DOUBLE_EQ(parse_number(format_number(v)).value, v) << v;
    EXPECT_DOUBLE_EQ(parse_number(format_percent(v)).value, v) << v;
  }
}

// One rule for the qualifier words (number.cpp): each has a reading as a target's comparator and
// one as the rounding of a printed figure.
TEST(ParseNumber, QualifierWordsHaveOneTableOfReadings) {
  struct Case {
    const char* text;
    Bound bound;
    Approximation approx;
  };
  for (const Case& c : {Case{"hơn 12,8 nghìn", Bound::About, Approximation::Over},
                        Case{"trên 74,48 triệu", Bound::Above, Approximation::Over},
                        Case{"Trên 30%", Bound::Above, Approximation::Over},
                        Case{"gần 3,2 nghìn", Bound::About, Approximation::Under},
                        Case{"khoảng 500", Bound::About, Approximation::About},
                        Case{"xấp xỉ 500", Bound::About, Approximation::About},
                        Case{"ước đạt 95%", Bound::About, Approximation::About},
                        Case{"trên dưới 20%", Bound::About, Approximation::About},
                        Case{"dưới 5%", Bound::Below, Approximation::None},
                        Case{"≥ 80%", Bound::AtLeast, Approximation::None},
                        Case{"≈ 80%", Bound::About, Approximation::About},
                        Case{"58,41%", Bound::None, Approximation::None}}) {
    auto n = parse_number(c.text);
    EXPECT_EQ(n.bound, c.bound) << c.text;
    EXPECT_EQ(n.approx, c.approx) << c.text;
  }
}

TEST(FiguresInText, EachFigureWithItsPrecisionScaleAndQualifier) {
  auto f = figures_in_text("hơn 12,8 nghìn cuộc tấn công, trong đó, có 11,5 nghìn cuộc Phishing, khoảng 500 cuộc Deface.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_DOUBLE_EQ(f[0].value, 12800);
  EXPECT_EQ(f[0].decimals, 1);
  EXPECT_DOUBLE_EQ(f[0].multiplier, 1e3);
  EXPECT_EQ(f[0].approx, Approximation::Over);
  EXPECT_EQ(f[0].qualifier, "hon");
  EXPECT_DOUBLE_EQ(f[1].value, 11500);
  EXPECT_EQ(f[1].approx, Approximation::None);
  EXPECT_DOUBLE_EQ(f[2].value, 500);
  EXPECT_EQ(f[2].approx, Approximation::About);

  auto g = figures_in_text("đạt 11.923/13.506 hồ sơ (đạt tỷ lệ 91,32%). Tổng số gần 3,2 nghìn hệ thống; 2,75 nghìn tỷ đồng.");
  ASSERT_EQ(g.size(), 5u);
  EXPECT_DOUBLE_EQ(g[0].value, 11923);
  EXPECT_EQ(g[0].decimals, 0);
  EXPECT_DOUBLE_EQ(g[1].value, 13506);
  EXPECT_DOUBLE_EQ(g[2].value, 91.32);
  EXPECT_TRUE(g[2].percent);
  EXPECT_EQ(g[2].decimals, 2);
  EXPECT_EQ(g[3].approx, Approximation::Under);
  EXPECT_DOUBLE_EQ(g[3].value, 3200);
  EXPECT_DOUBLE_EQ(g[4].value, 2.75e12);
  EXPECT_DOUBLE_EQ(g[4].multiplier, 1e12);
  // The byte range covers the figure through its scale words.
  std::string_view text = "gần 3,2 nghìn hệ thống";
  auto h = figures_in_text(text);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(text.substr(h[0].begin, h[0].end - h[0].begin), "3,2 nghìn");
}

TEST(FiguresInText, ReadsNumbersByTheSameSeparatorRulesAsParseNumber) {
  // The lone-dot rule: "91.6" (as exported) is a decimal point, "4.591" a thousands dot; a full
  // stop ending the sentence is not part of the figure; a badly grouped figure is skipped.
  auto f = figures_in_text("91.6 và 4.591 và 0.125 và 1.2.3 và 65.");
  ASSERT_EQ(f.size(), 4u);
  EXPECT_DOUBLE_EQ(f[0].value, 91.6);
  EXPECT_EQ(f[0].decimals, 1);
  EXPECT_DOUBLE_EQ(f[1].value, 4591);
  EXPECT_DOUBLE_EQ(f[2].value, parse_number("0.125").value);
  EXPECT_DOUBLE_EQ(f[3].value, 65);
}

TEST(FormatScaled, LargeFiguresTakeTheReportsScaleWords) {
  EXPECT_EQ(format_scaled(2.75e12), "2,75 nghìn tỷ");
  EXPECT_EQ(format_scaled(203871000), "203,871 triệu");
  EXPECT_EQ(format_scaled(5e9), "5 tỷ");
  EXPECT_EQ(format_scaled(12800, Approximation::Over), "hơn 12,8 nghìn");
  EXPECT_EQ(format_scaled(3200, Approximation::Under), "gần 3,2 nghìn");
  EXPECT_EQ(format_scaled(500, Approximation::About), "khoảng 500");
  // Exact figures below a million, and figures no scale writes in three decimals, are written in full.
  EXPECT_EQ(format_scaled(12800), "12.800");
  EXPECT_EQ(format_scaled(1502045890), "1.502.045.890");
  EXPECT_EQ(format_scaled(58.41), "58,41");
  EXPECT_EQ(format_scaled(-2.75e12), "-2,75 nghìn tỷ");
  // What it writes reads back as the same value.
  for (double v : {2.75e12, 203871000.0, 5e9, 1502045890.0, 4.483e6})
    EXPECT_DOUBLE_EQ(parse_number(format_scaled(v)).value, v) << v;
  EXPECT_EQ(parse_number(format_scaled(12800, Approximation::Over)).approx, Approximation::Over);
}

TEST(FormatCount, ThousandsDotsAndNoDecimals) {
  EXPECT_EQ(format_count(25927), "25.927");
  EXPECT_EQ(format_count(10000000), "10.000.000");
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
}

TEST(FormatCount2, TwoDigits) {
  EXPECT_EQ(format_count2(7), "07");
  EXPECT_EQ(format_count2(0), "00");
  EXPECT_EQ(format_count2(35), "35");
  EXPECT_EQ(format_count2(120), "120");
}

}  // namespace
}  // namespace dxmon::text
