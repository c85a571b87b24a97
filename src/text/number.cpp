// Numbers as Vietnamese officials write them.
//
// Separators. The decimal separator is the comma and the thousands separator is the dot
// ("1.502.045,5"). Files produced by machines (Excel in an English locale, CSV exports) use a
// decimal dot instead, so a lone dot is ambiguous. The rule:
//   - a comma is always the decimal separator; more than one comma is an error ("12,3,4");
//   - with a comma present, every dot must be a thousands separator in proper groups of three;
//   - several dots: thousands separators, groups of three ("1.502.045.890"), else an error;
//   - a single dot followed by exactly three digits is a thousands separator ("4.591" = 4591),
//     unless the part before it is "0" or longer than three digits, which no grouped number can
//     be ("0.125" = 0.125, "1234.567" = 1234.567);
//   - a single dot followed by one, two, or four or more digits is a decimal point
//     ("3.5" = 3.5, "0.25" = 0.25, "3.1416" = 3.1416).
// So "12.345" means twelve thousand three hundred and forty-five, never 12.345: machine-written
// files that need three decimals must not use this parser, or must write them with a comma.
//
// Comparators and qualifiers before the number:
//   ≥ >= =>   tối thiểu, ít nhất, không dưới, không thấp hơn   → AtLeast
//   >         trên                                              → Above
//   ≤ <= =<   tối đa, không quá, không vượt quá, không cao hơn  → AtMost
//   <         dưới                                              → Below
//   =                                                           → Equal
//   ≈ ~       hơn, gần, khoảng, ước, ước đạt, ước tính, xấp xỉ,
//             trên dưới, chừng                                  → About
// "hơn 12,8 nghìn" in a report is a rounded figure ("a little over 12.8 thousand"), not a
// comparator a target could be checked against, so "hơn" is About (the word is kept in
// `qualifier`). "trên" is ambiguous in the same way, but in targets ("Trên 30%") it is a strict
// lower bound, which is what the reports mean by it most of the time; it is Above.
// Words match without regard to case or diacritics ("Tren 30%" = "Trên 30%").
//
// Multipliers after the number: nghìn/ngàn (10^3), triệu (10^6), tỷ/tỉ (10^9), in any
// combination that multiplies ("2,75 nghìn tỷ" = 2.75e12).
#include "text/number.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "text/text.h"

namespace dxmon::text {

namespace {

const char* const kExamples = "e.g. 58,41 or 58,41% or 1.502.045.890 or 7,2-7,8% or ≥ 80% or Trên 30% or hơn 12,8 nghìn";

[[noreturn]] void reject(std::string_view text, const std::string& what) {
  throw std::invalid_argument("'" + std::string(text) + "' is not a number: " + what + " (" + kExamples +
                              "; '-' or blank for no data)");
}

struct Word {
  const char* folded;
  Bound bound;
};

// Longest first where one is a prefix of another ("uoc dat" before "uoc", "tren duoi" before "tren").
constexpr Word kBoundWords[] = {
    {"khong thap hon", Bound::AtLeast}, {"khong duoi", Bound::AtLeast}, {"toi thieu", Bound::AtLeast},
    {"it nhat", Bound::AtLeast},        {"khong vuot qua", Bound::AtMost}, {"khong cao hon", Bound::AtMost},
    {"khong qua", Bound::AtMost},       {"toi da", Bound::AtMost},       {"tren duoi", Bound::About},
    {"tren", Bound::Above},             {"duoi", Bound::Below},          {"uoc dat", Bound::About},
    {"uoc tinh", Bound::About},         {"uoc", Bound::About},           {"xap xi", Bound::About},
    {"khoang", Bound::About},           {"chung", Bound::About},         {"gan", Bound::About},
    {"hon", Bound::About},
};

struct Symbol {
  std::string_view text;
  Bound bound;
};

constexpr Symbol kBoundSymbols[] = {
    {"≥", Bound::AtLeast}, {">=", Bound::AtLeast}, {"=>", Bound::AtLeast}, {"≤", Bound::AtMost},
    {"<=", Bound::AtMost}, {"=<", Bound::AtMost},  {">", Bound::Above},    {"<", Bound::Below},
    {"=", Bound::Equal},   {"≈", Bound::About},    {"~", Bound::About},
};

// Dashes that separate the ends of a range or stand alone for "no data".
constexpr std::string_view kDashes[] = {"-", "–", "—", "−"};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void skip_spaces(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
}

std::size_t dash_at(std::string_view s) {
  for (std::string_view d : kDashes)
    if (starts_with(s, d)) return d.size();
  return 0;
}

// The folded words of `s` up to the first digit or symbol, with the byte length they took.
std::pair<std::string, std::size_t> leading_words(std::string_view s) {
  std::size_t end = 0;
  while (end < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[end]);
    if (is_digit(s[end]) || c == '<' || c == '>' || c == '=' || c == '~' || c == '%' || c == ',' || c == '.' ||
        dash_at(s.substr(end)) || starts_with(s.substr(end), "≥") || starts_with(s.substr(end), "≤") ||
        starts_with(s.substr(end), "≈"))
      break;
    ++end;
  }
  return {fold(s.substr(0, end)), end};
}

// Digits with '.' and ',' separators → value, by the rule at the top of the file.
double read_number_token(std::string_view token, std::string_view whole) {
  std::size_t commas = 0, dots = 0;
  for (char c : token) {
    if (c == ',') ++commas;
    if (c == '.') ++dots;
  }
  if (commas > 1) reject(whole, "more than one decimal comma; thousands are separated with dots (1.502.045)");
  if (!is_digit(token.front()) || !is_digit(token.back()))
    reject(whole, "a separator must stand between digits");

  std::string_view integer = token, fraction;
  if (commas == 1) {
    std::size_t c = token.find(',');
    integer = token.substr(0, c);
    fraction = token.substr(c + 1);
    if (fraction.find('.') != std::string_view::npos)
      reject(whole, "a dot after the decimal comma; thousands dots go before the comma");
  }

  // Split the integer part into dot-separated groups.
  std::vector<std::string_view> groups;
  for (std::size_t start = 0;;) {
    std::size_t dot = integer.find('.', start);
    groups.push_back(integer.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  for (std::string_view g : groups)
    if (g.empty()) reject(whole, "two separators in a row");

  std::string digits;
  auto grouped_properly = [&] {
    if (groups.front().size() > 3) return false;
    for (std::size_t i = 1; i < groups.size(); ++i)
      if (groups[i].size() != 3) return false;
    return true;
  };
  if (groups.size() == 1) {
    digits = std::string(groups[0]);
  } else if (commas == 0 && groups.size() == 2 &&
             (groups[1].size() != 3 || groups[0] == "0" || groups[0].size() > 3)) {
    // A lone dot that cannot be a thousands separator: a decimal point from a machine.
    digits = std::string(groups[0]) + "." + std::string(groups[1]);
  } else if (grouped_properly()) {
    for (std::string_view g : groups) digits += g;
  } else {
    reject(whole, "thousands dots must separate groups of three digits (1.502.045.890)");
  }
  if (!fraction.empty()) digits += "." + std::string(fraction);

  double v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) reject(whole, "the number is out of range");
  return v;
}

struct Term {
  double value = 0;
  bool percent = false;
  double multiplier = 1;  // 1 when no multiplier word was written
  bool has_multiplier = false;
};

// Reads [sign] number [%] [multiplier words] from the front of `s`.
Term read_term(std::string_view& s, std::string_view whole) {
  Term t;
  skip_spaces(s);
  bool negative = false;
  if (std::size_t d = dash_at(s)) {
    negative = true;
    s.remove_prefix(d);
  } else if (starts_with(s, "+")) {
    s.remove_prefix(1);
  }
  skip_spaces(s);
  std::size_t n = 0;
  while (n < s.size() && (is_digit(s[n]) || s[n] == '.' || s[n] == ',')) ++n;
  if (n == 0) reject(whole, "expected digits");
  t.value = read_number_token(s.substr(0, n), whole);
  if (negative) t.value = -t.value;
  s.remove_prefix(n);
  skip_spaces(s);
  if (starts_with(s, "%")) {
    t.percent = true;
    s.remove_prefix(1);
    skip_spaces(s);
  }
  // Multiplier words, read one folded word at a time so that "nghìn tỷ" multiplies out.
  while (!s.empty()) {
    std::size_t end = s.find(' ');
    std::string word = fold(s.substr(0, end));
    double m = 0;
    if (word == "nghin" || word == "ngan") m = 1e3;
    else if (word == "trieu") m = 1e6;
    else if (word == "ty" || word == "ti") m = 1e9;
    if (m == 0) break;
    if (t.percent) reject(whole, "a percentage cannot be followed by nghìn/triệu/tỷ");
    t.multiplier *= m;
    t.has_multiplier = true;
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
    skip_spaces(s);
  }
  return t;
}

bool is_no_data(std::string_view s) {
  for (std::string_view d : kDashes)
    if (s == d) return true;
  if (s.empty()) return true;
  std::string f = fold(s);
  return f == "chua co so lieu" || f == "khong co so lieu";
}

}  // namespace

ParsedNumber parse_number(std::string_view text) {
  std::string clean = squish(nfc(text));
  ParsedNumber out;
  if (is_no_data(clean)) {
    out.no_data = true;
    return out;
  }
  std::string_view s = clean;

  // Comparator symbol or qualifier words.
  for (const Symbol& sym : kBoundSymbols) {
    if (starts_with(s, sym.text)) {
      out.bound = sym.bound;
      out.qualifier = std::string(sym.text);
      s.remove_prefix(sym.text.size());
      break;
    }
  }
  if (out.bound == Bound::None) {
    auto [words, length] = leading_words(s);
    if (!words.empty()) {
      for (const Word& w : kBoundWords) {
        if (words == w.folded) {
          out.bound = w.bound;
          // The words as written, in lower case: "Trên" → "trên".
          std::string written = squish(s.substr(0, length));
          icu::UnicodeString u = icu::UnicodeString::fromUTF8(written);
          out.qualifier.clear();
          u.toLower(icu::Locale("vi")).toUTF8String(out.qualifier);
          break;
        }
      }
      if (out.bound == Bound::None) reject(text, "unknown words before the number");
      s.remove_prefix(length);
    }
  }

  Term first = read_term(s, text);
  std::optional<Term> second;
  skip_spaces(s);
  if (!s.empty()) {
    // A range: "7,2-7,8%", "7,2 – 7,8%", "5 đến 10".
    std::size_t sep = dash_at(s);
    if (!sep) {
      std::size_t end = s.find(' ');
      std::string word = fold(s.substr(0, end));
      if (word == "den" || word == "toi") sep = end == std::string_view::npos ? s.size() : end;
    }
    if (!sep) reject(text, "unexpected '" + std::string(s) + "' after the number");
    s.remove_prefix(sep);
    skip_spaces(s);
    if (s.empty()) reject(text, "a range needs a number after the dash");
    second = read_term(s, text);
    skip_spaces(s);
    if (!s.empty()) reject(text, "unexpected '" + std::string(s) + "' after the range");
    // A unit written once at the end applies to both ends: "7,2-7,8%", "2-3 triệu".
    if (second->percent && !first.has_multiplier) first.percent = true;
    if (first.percent && !second->has_multiplier) second->percent = true;
    if (second->has_multiplier && !first.has_multiplier && !first.percent) first.multiplier = second->multiplier;
    if (first.percent != second->percent) reject(text, "one end of the range is a percentage and the other is not");
  }

  out.value = first.value * first.multiplier;
  out.percent = first.percent;
  if (second) {
    out.value_max = second->value * second->multiplier;
    if (*out.value_max < out.value) reject(text, "the range's upper end is below its lower end");
  }
  return out;
}

std::optional<ParsedNumber> try_parse_number(std::string_view text) {
  try {
    return parse_number(text);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

namespace {

// Rounds a plain decimal string ("1234.5678", no sign) to `decimals` places, half away from
// zero, on the decimal digits themselves: the value a person reads in "2.675" rounds to 2.68
// even though the nearest double is 2.67499999….
std::string round_decimal_string(const std::string& s, int decimals) {
  std::size_t dot = s.find('.');
  std::string integer = dot == std::string::npos ? s : s.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (static_cast<int>(fraction.size()) <= decimals) {
    fraction.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
  } else {
    bool round_up = fraction[static_cast<std::size_t>(decimals)] >= '5';
    fraction.resize(static_cast<std::size_t>(decimals));
    if (round_up) {
      std::string digits = integer + fraction;
      int i = static_cast<int>(digits.size()) - 1;
      for (; i >= 0; --i) {
        if (digits[static_cast<std::size_t>(i)] == '9') {
          digits[static_cast<std::size_t>(i)] = '0';
        } else {
          ++digits[static_cast<std::size_t>(i)];
          break;
        }
      }
      if (i < 0) digits.insert(digits.begin(), '1');
      integer = digits.substr(0, digits.size() - fraction.size());
      fraction = digits.substr(digits.size() - fraction.size());
    }
  }
  return fraction.empty() ? integer : integer + "." + fraction;
}

}  // namespace

std::string format_number(double v, int decimals) {
  if (std::isnan(v)) return "-";  // the reports' mark for "no figure"
  if (std::isinf(v)) return v < 0 ? "-∞" : "∞";
  const bool negative = std::signbit(v);
  // Shortest fixed notation that reads back as the same double: the number as it was written.
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed);
  std::string plain = ec == std::errc() ? std::string(buf, end) : std::to_string(std::fabs(v));

  std::string rounded = round_decimal_string(plain, decimals < 0 ? 6 : decimals);
  std::size_t dot = rounded.find('.');
  std::string integer = dot == std::string::npos ? rounded : rounded.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : rounded.substr(dot + 1);
  if (decimals < 0)
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();

  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += '.';
    grouped += integer[i];
  }
  bool zero = integer.find_first_not_of('0') == std::string::npos &&
              fraction.find_first_not_of('0') == std::string::npos;
  std::string out = (negative && !zero) ? "-" : "";  // no "-0" after rounding
  out += grouped;
  if (!fraction.empty()) out += "," + fraction;
  return out;
}

std::string format_percent(double v, int decimals) { return format_number(v, decimals) + "%"; }

std::string format_count2(long n) {
  if (n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);
}

}  // namespace dxmon::text
