#pragma once
// How precisely a figure was printed, as an interval of the true values it can stand for.
// A report that prints "91,32%" says the share lies in [91,315; 91,325); "hơn 80,8 nghìn" says the
// count is a little over 80 800 (here: [80 800; 80 900]); "gần 3,2 nghìn" a little under 3 200;
// "khoảng 860 triệu" within one printed unit either side. Checks compare such intervals, so that
// rounding is never reported as an error and a real mismatch always is.
#include <string_view>

#include "text/number.h"

namespace dxmon::check {

struct Interval {
  double lo = 0;
  double hi = 0;
  bool overlaps(const Interval& o, double slack = 1e-9) const { return lo <= o.hi + slack && o.lo <= hi + slack; }
  bool contains(double v, double slack = 1e-9) const { return lo - slack <= v && v <= hi + slack; }
};

// How the source qualified the figure: —, "hơn"/"trên" (Over), "gần" (Under), "khoảng"/"ước"/"xấp xỉ"
// (About). One reading of these words for all of dxmon: text/number.cpp.
using Qualifier = text::Approximation;

struct PrintedValue {
  double value = 0;
  double unit = 1;  // the value of one unit of the last printed digit (0,01 for "91,32"; 100 for "80,8 nghìn")
  Qualifier qualifier = Qualifier::None;
  // A whole number printed in full with no qualifier and no % sign ("15", "11.923") is a count:
  // exact, not rounded.
  bool exact = false;
  Interval interval() const;
};

// Finds `value` among the figures written in `printed` ("11.923/13.506 … (đạt tỷ lệ 91,32%)",
// "hơn 80,8 nghìn", "4,483 nghìn") and returns how it was written. When it is not there (the
// text is blank or holds another figure), the precision is inferred from the value itself: its
// decimals, and for whole numbers of 1 000 or more, trailing zeros are taken as rounding
// ("hơn 2 nghìn" stored as 2000 → unit 1 000), which errs towards tolerance.
PrintedValue printed_value(double value, std::string_view printed);

// Decimals to show `v` with when a message quotes it next to figures printed with `unit`.
int decimals_for(double unit);

}  // namespace dxmon::check
