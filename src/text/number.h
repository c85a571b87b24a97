#pragma once
// Numbers and shares as Vietnamese officials write them, and back.
// "58,41%", "1.502.045.890", "7,2-7,8%", "≥ 80%", "Trên 30%", "-", "hơn 12,8 nghìn",
// "203,871 triệu", "2,75 nghìn tỷ".
#include <optional>
#include <string>
#include <string_view>

namespace dxmon::text {

enum class Bound { None, AtLeast, Above, Equal, AtMost, Below, About };

struct ParsedNumber {
  bool no_data = false;            // "-", "–", blank, "chưa có số liệu"
  double value = 0;                // lower end for ranges; multiplied out ("12,8 nghìn" → 12800)
  std::optional<double> value_max; // upper end of a range
  bool percent = false;            // written with %
  Bound bound = Bound::None;       // "≥", "Trên", "hơn" (About for "khoảng", "gần", "hơn"? see .cpp)
  std::string qualifier;           // the word as written: "hơn", "khoảng", "gần", "trên"…
};

// Throws std::invalid_argument with a message in English that says what was expected.
ParsedNumber parse_number(std::string_view text);
// As above but returns nullopt instead of throwing.
std::optional<ParsedNumber> try_parse_number(std::string_view text);

// Formatting the Vietnamese way: decimal comma, thousands dot.
// format_number(1502045890) → "1.502.045.890"; format_number(58.41, 2) → "58,41".
// decimals < 0: as many as needed, up to 6, without trailing zeros.
std::string format_number(double v, int decimals = -1);
std::string format_percent(double v, int decimals = -1);  // "58,41%"
// Two-digit small counts as the reports print them: 7 → "07", 35 → "35".
std::string format_count2(long n);

}  // namespace dxmon::text
