#pragma once
// Numbers and shares as Vietnamese officials write them, and back.
// "58,41%", "1.502.045.890", "7,2-7,8%", "≥ 80%", "Trên 30%", "-", "hơn 12,8 nghìn",
// "203,871 triệu", "2,75 nghìn tỷ".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dxmon::text {

// A word or symbol before a number has two readings, both given by one table in number.cpp:
//  - Bound: what it means in a target ("Trên 30%" → Above, "≥ 80%" → AtLeast);
//  - Approximation: where the true value lies when a report prints a rounded figure ("hơn 12,8
//    nghìn" → Over: a little over 12 800; "gần 3,2 nghìn" → Under; "khoảng 500" → About).
enum class Bound { None, AtLeast, Above, Equal, AtMost, Below, About };
enum class Approximation { None, Over, Under, About };

struct ParsedNumber {
  bool no_data = false;            // "-", "–", blank, "chưa có số liệu"
  double value = 0;                // lower end for ranges; multiplied out ("12,8 nghìn" → 12800)
  std::optional<double> value_max; // upper end of a range
  bool percent = false;            // written with %
  Bound bound = Bound::None;       // the qualifier read as a comparator (see number.cpp)
  Approximation approx = Approximation::None;  // the qualifier read as rounding (see number.cpp)
  std::string qualifier;           // the word as written: "hơn", "khoảng", "gần", "trên"…
};

// One figure found in running text ("đạt 11.923/13.506 hồ sơ (91,32%)", "hơn 80,8 nghìn Tổ"): the
// numbers are read by the same rules as parse_number, one figure at a time (a dash between two
// figures is not read as a range), with sentence punctuation after a figure ignored.
struct FigureInText {
  std::size_t begin = 0, end = 0;  // byte offsets of the digits (through '%' or the multiplier words)
  double value = 0;                // multiplied out
  int decimals = 0;                // digits written after the decimal separator
  double multiplier = 1;           // 1, 1e3 (nghìn), 1e6 (triệu), 1e9 (tỷ), 1e12 (nghìn tỷ)
  bool percent = false;
  Approximation approx = Approximation::None;  // from the qualifier words just before the figure
  std::string qualifier;                       // those words, folded ("hon", "uoc dat"), if any
};
std::vector<FigureInText> figures_in_text(std::string_view text);

// Throws std::invalid_argument with a message in English that says what was expected.
ParsedNumber parse_number(std::string_view text);
// As above but returns nullopt instead of throwing.
std::optional<ParsedNumber> try_parse_number(std::string_view text);

// Formatting the Vietnamese way: decimal comma, thousands dot.
// format_number(1502045890) → "1.502.045.890"; format_number(58.41, 2) → "58,41".
// decimals < 0: as many as needed, up to 6, without trailing zeros.
std::string format_number(double v, int decimals = -1);
std::string format_percent(double v, int decimals = -1);  // "58,41%"
// A count written the Vietnamese way, as the commands print them: 25927 → "25.927".
std::string format_count(long long n);
// Two-digit small counts as the reports print them: 7 → "07", 35 → "35".
std::string format_count2(long n);
// A figure with a scale word, as the reports print large quantities: 2.75e12 → "2,75 nghìn tỷ",
// 203871000 → "203,871 triệu", 12800 with Over → "hơn 12,8 nghìn". The largest scale (nghìn tỷ,
// tỷ, triệu, nghìn) is used at which the figure needs at most three decimals; an exact figure is
// scaled only from one million up (a count of 12.800 stays "12.800"), an approximate one from one
// thousand. A figure no scale writes exactly is written in full ("1.502.045.890"). The
// approximation is written as its word: hơn (Over), gần (Under), khoảng (About).
std::string format_scaled(double v, Approximation approx = Approximation::None);

}  // namespace dxmon::text
